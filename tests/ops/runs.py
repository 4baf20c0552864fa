"""Full in-process runs of the code location (the same job `accordwatch run` executes)."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg

FIXTURES = Path(__file__).parent / "fixtures"
SECOND_ARTICLE = FIXTURES / "bahrain-2020-wire.txt"


def run_config_for(db_path: Path, source_dir: Path | None = None) -> dict:
    """The run config `accordwatch run` builds: other paths, every other resource field as configured."""
    from pipelines.settings import resources_run_config

    return {"resources": resources_run_config(db_path=str(db_path),
                                              source_dir=None if source_dir is None else str(source_dir))}


def run_job(job_name: str, run_config: dict, instance: dg.DagsterInstance | None = None) -> dg.ExecuteInProcessResult:
    """Execute a job of ``pipelines.definitions`` in this process (ephemeral instance unless given)."""
    from pipelines.definitions import defs

    job = defs.resolve_job_def(job_name)
    if instance is not None:
        return job.execute_in_process(run_config=run_config, instance=instance, raise_on_error=False)
    with dg.DagsterInstance.ephemeral() as ephemeral:
        return job.execute_in_process(run_config=run_config, instance=ephemeral, raise_on_error=False)


def materialize_all(db_path: Path, source_dir: Path) -> dg.ExecuteInProcessResult:
    """The ``materialize_all`` job (every asset, every check, the snapshot), as the inbox sensor runs it."""
    return run_job("materialize_all", run_config_for(db_path, source_dir))


def materialize_assets(db_path: Path, source_dir: Path) -> dg.ExecuteInProcessResult:
    """Every asset of the code location (snapshot included) without the quality checks: what a run writes
    to the warehouse tables, at a fraction of the cost of validating it."""
    from pipelines.definitions import defs
    from tests.helpers import resources_for

    return dg.materialize(list(defs.assets), resources=resources_for(db_path, source_dir), raise_on_error=False)


def materialization_metadata(result: dg.ExecuteInProcessResult, key: list[str]) -> dict:
    """The metadata values of the one materialization of ``key`` in ``result``."""
    events = [
        e
        for e in result.all_events
        if e.event_type_value == "ASSET_MATERIALIZATION" and e.asset_key == dg.AssetKey(key)
    ]
    assert len(events) == 1, f"{key}: {len(events)} materializations"
    meta = events[0].event_specific_data.materialization.metadata
    return {k: getattr(v, "value", v) for k, v in meta.items()}


def add_second_article(folder: Path) -> Path:
    return Path(shutil.copy(SECOND_ARTICLE, folder / SECOND_ARTICLE.name))
