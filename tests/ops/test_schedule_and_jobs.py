"""The daily refresh schedule, the refresh job's scope, and the rebuild-from-raw job + its follow-up sensor."""

from __future__ import annotations

from datetime import datetime, timezone

import dagster as dg
import duckdb
import pytest

from pipelines.automation.jobs import REBUILD_REQUESTED_VERSION, reset_stage_log
from pipelines.automation.schedules import CRON_ENV, TIMEZONE_ENV, build_refresh_schedule
from pipelines.extract.assets import core_extraction
from pipelines.ingest.assets import raw_ingest
from pipelines.ingest.clean_assets import core_articles
from tests.conftest import copy_seed
from tests.helpers import query, resources_for
from tests.ops.fingerprint import fingerprint
from tests.ops.runs import add_second_article, materialization_metadata, run_config_for, run_job


def test_daily_refresh_defaults_to_six_utc_and_requests_the_refresh_job():
    from pipelines.definitions import defs

    schedule = defs.resolve_schedule_def("daily_refresh")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("0 6 * * *", "UTC")
    assert schedule.job_name == "refresh_views"
    tick = datetime(2026, 3, 1, 6, 0, tzinfo=timezone.utc)
    result = schedule.evaluate_tick(dg.build_schedule_context(scheduled_execution_time=tick))
    assert len(result.run_requests) == 1
    assert result.run_requests[0].tags["accordwatch/trigger"] == "schedule"


def test_schedule_timing_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(CRON_ENV, "30 2 * * 1")
    monkeypatch.setenv(TIMEZONE_ENV, "Europe/Kyiv")
    schedule = build_refresh_schedule(dg.define_asset_job("refresh_views"))
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("30 2 * * 1", "Europe/Kyiv")

    monkeypatch.setenv(TIMEZONE_ENV, "Mars/Olympus")
    with pytest.raises(ValueError, match=TIMEZONE_ENV):
        build_refresh_schedule(dg.define_asset_job("refresh_views"))
    monkeypatch.setenv(TIMEZONE_ENV, "UTC")
    monkeypatch.setenv(CRON_ENV, "every morning")
    with pytest.raises(dg.DagsterInvalidDefinitionError):
        build_refresh_schedule(dg.define_asset_job("refresh_views"))


def test_refresh_job_recomputes_views_and_checks_but_never_ingests_or_extracts():
    from pipelines.definitions import defs

    refresh = defs.resolve_job_def("refresh_views")
    everything = defs.resolve_job_def("materialize_all")
    refresh_ops = {node.name for node in refresh.graph.node_defs}
    all_ops = {node.name for node in everything.graph.node_defs}
    assert not refresh_ops & {"raw_ingest", "core_articles", "core_extraction"}
    assert {"core_articles", "raw_ingest", "core_extraction", "publish__read_snapshot"} <= all_ops
    assert "publish__read_snapshot" in refresh_ops and "core__membership_events" in refresh_ops
    assert any(name.startswith("analytics__") for name in refresh_ops)
    graph = defs.resolve_asset_graph()
    # every check of the code location runs in the daily refresh
    check_ops = {op for op in all_ops if op not in refresh_ops}
    assert check_ops == {"raw_ingest", "core_articles", "core_extraction"}, check_ops
    assert len(graph.asset_check_keys) > 0


def _stage_versions(db_path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for stage, version in query(db_path, "SELECT stage, stage_version FROM core.stage_log"):
        out.setdefault(stage, set()).add(version)
    return out


def test_reset_stage_log_invalidates_the_chosen_stages_only(tmp_path):
    db_path = tmp_path / "w.duckdb"
    source = tmp_path / "articles"
    copy_seed(source)
    assert dg.materialize([raw_ingest, core_articles], resources=resources_for(db_path, source)).success
    with duckdb.connect(str(db_path)) as conn:
        conn.execute(
            "INSERT INTO core.stage_log SELECT article_id, 'extract', 'x1', 0, now() FROM core.stage_log"
        )
        assert reset_stage_log(conn, ["extract"]) == 1
    versions = _stage_versions(db_path)
    assert versions["extract"] == {REBUILD_REQUESTED_VERSION}
    assert REBUILD_REQUESTED_VERSION not in versions["clean"]
    with duckdb.connect(str(db_path)) as conn:
        assert reset_stage_log(conn) == 2
    assert _stage_versions(db_path) == {"clean": {REBUILD_REQUESTED_VERSION}, "extract": {REBUILD_REQUESTED_VERSION}}


def test_rebuild_job_makes_the_next_run_reprocess_every_article_to_the_same_result(tmp_path):
    db_path = tmp_path / "w.duckdb"
    source = tmp_path / "articles"
    copy_seed(source)
    add_second_article(source)
    stages = [raw_ingest, core_articles, core_extraction]
    assert dg.materialize(stages, resources=resources_for(db_path, source)).success
    before = fingerprint(db_path, ignore_processing_times=True)

    with dg.DagsterInstance.ephemeral() as instance:
        reset = run_job("rebuild_from_raw", run_config_for(db_path), instance=instance)
        assert reset.success
        from pipelines.definitions import defs

        follow_up = defs.resolve_sensor_def("rebuild_after_reset")
        context = dg.build_run_status_sensor_context(
            sensor_name="rebuild_after_reset",
            dagster_instance=instance,
            dagster_run=reset.dagster_run,
            dagster_event=reset.get_run_success_event(),
        )
        request = follow_up(context)
        assert request.run_key == f"rebuild-{reset.run_id}"
        assert follow_up.job_name == "materialize_all"  # rebuild_after_reset launches the whole graph

    again = dg.materialize(stages, resources=resources_for(db_path, source))
    assert again.success
    assert materialization_metadata(again, ["core", "articles"])["processed_this_run"] == 2
    n_relevant = query(db_path, "SELECT count(*) FROM core.articles WHERE is_relevant")[0][0]
    assert materialization_metadata(again, ["core", "claims"])["articles_processed_this_run"] == n_relevant == 2
    assert REBUILD_REQUESTED_VERSION not in {v for vs in _stage_versions(db_path).values() for v in vs}
    assert fingerprint(db_path, ignore_processing_times=True) == before
