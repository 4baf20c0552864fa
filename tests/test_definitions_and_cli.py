"""The code location loads as the UI loads it, and `accordwatch run` works on a folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from tests.conftest import copy_seed
from tests.helpers import query

REPO = Path(__file__).resolve().parents[1]


def test_definitions_load_and_follow_the_conventions():
    from pipelines.definitions import defs

    dg.Definitions.validate_loadable(defs)
    graph = defs.resolve_asset_graph()
    keys = {key for key in graph.get_all_asset_keys()}
    for expected in (
        ["raw", "articles"],
        ["raw", "ingest_errors"],
        ["core", "articles"],
        ["core", "sentences"],
        ["core", "entities"],
        ["core", "mentions"],
        ["core", "claims"],
        ["core", "membership_events"],
        ["analytics", "membership_timeline"],
    ):
        assert dg.AssetKey(expected) in keys
    for key in keys:
        node = graph.get(key)
        assert node.description, f"{key} has no description"
        assert node.group_name in {"ingest", "extract", "resolve", "quality", "analytics", "publish"}, key
        assert len(key.path) == 2 and key.path[0] in {"raw", "core", "analytics", "quality", "publish"}, key


def test_dagster_cli_validates_the_workspace():
    env = {**os.environ, "DAGSTER_HOME": ""}
    env.pop("DAGSTER_HOME")
    completed = subprocess.run(
        [str(Path(sys.executable).with_name("dagster")), "definitions", "validate", "-w", "workspace.yaml"],
        cwd=REPO, capture_output=True, text=True, timeout=240, env=env,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_accordwatch_run_on_a_temp_folder(tmp_path):
    copy_seed(tmp_path / "articles")
    db = tmp_path / "out" / "w.duckdb"
    completed = subprocess.run(
        [str(Path(sys.executable).with_name("accordwatch")), "run", "--source", str(tmp_path / "articles"),
         "--db", str(db), "--show"],
        capture_output=True, text=True, timeout=400,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    out = completed.stdout
    assert "[done] raw_ingest" in out and "[done] core_extraction" in out
    assert "accordwatch run succeeded" in out
    assert query(db, "SELECT count(*) FROM core.articles") == [(1,)]
    assert "KZ" in out  # the membership view is printed at the end


@pytest.mark.parametrize(
    ("env_name", "attribute", "unset", "settings"),
    [
        ("ACCORDWATCH_SENTENCES_FOR_ALL_ARTICLES", "sentences_for_all_articles", False, [("true", True), ("0", False)]),
        ("ACCORDWATCH_SHARE_RUN_CONNECTION", "share_run_connection", True, [("0", False), ("yes", True)]),
    ],
)
def test_warehouse_switches_are_read_from_the_environment(monkeypatch, env_name, attribute, unset, settings):
    from pipelines.settings import build_resources

    monkeypatch.delenv(env_name, raising=False)
    assert getattr(build_resources()["warehouse"], attribute) is unset
    for value, expected in settings:
        monkeypatch.setenv(env_name, value)
        assert getattr(build_resources()["warehouse"], attribute) is expected


def test_run_config_for_other_paths_keeps_the_environment_settings(monkeypatch, tmp_path):
    """`accordwatch run --db/--source` (and the inbox sensor) point the resources at other paths through
    run config; Dagster would reset every field that config leaves out to the class default."""
    from pipelines.settings import build_resources, resources_run_config

    monkeypatch.setenv("ACCORDWATCH_DUCKDB_MEMORY_LIMIT", "300MB")
    monkeypatch.setenv("ACCORDWATCH_STREAM_MEMORY_LIMIT", "200MB")
    monkeypatch.setenv("ACCORDWATCH_SENTENCES_FOR_ALL_ARTICLES", "1")
    monkeypatch.setenv("ACCORDWATCH_MAX_FILE_BYTES", "1234")
    seen = {}

    @dg.asset(required_resource_keys={"warehouse", "source"})
    def probe(context) -> None:
        warehouse, source = context.resources.warehouse, context.resources.source
        seen.update(db_path=warehouse.db_path, memory_limit=warehouse.memory_limit,
                    stream_memory_limit=warehouse.stream_memory_limit,
                    all_sentences=warehouse.sentences_for_all_articles, source_dir=source.source_dir,
                    max_file_bytes=source.max_file_bytes)

    db, source_dir = str(tmp_path / "w.duckdb"), str(tmp_path / "in")
    resources = build_resources()
    result = dg.materialize([probe], resources={"warehouse": resources["warehouse"], "source": resources["source"]},
                            run_config={"resources": resources_run_config(db_path=db, source_dir=source_dir)})
    assert result.success
    assert seen == {"db_path": db, "memory_limit": "300MB", "stream_memory_limit": "200MB", "all_sentences": True,
                    "source_dir": source_dir,
                    "max_file_bytes": 1234}
