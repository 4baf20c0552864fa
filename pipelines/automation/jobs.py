"""The jobs the sensor, the schedule and people launch.

- ``materialize_all``: every asset and every check, then the read-only snapshot. The inbox sensor
  launches it with the ``source`` resource pointed at the inbox folder.
- ``refresh_views``: resolution, the analytics views and every quality check, then the snapshot;
  no ingestion or extraction (the daily schedule).
- ``rebuild_from_raw``: marks every article as not yet processed by the clean and extract stages
  (``core.stage_log``), then, when it succeeds, the ``rebuild_after_reset`` sensor launches
  ``materialize_all``, which re-cleans and re-extracts every current raw article and rebuilds
  everything downstream. Two runs rather than one because Dagster asset jobs cannot run a plain
  op before the first asset; both are visible in the UI, linked by the ``accordwatch/rebuild_of`` tag.
"""


from collections.abc import Sequence

import dagster as dg
import duckdb

from pipelines.resources import WarehouseResource
from pipelines.warehouse import apply_schema, transaction

MATERIALIZE_ALL = "materialize_all"
REFRESH_VIEWS = "refresh_views"
REBUILD_FROM_RAW = "rebuild_from_raw"
# core.stage_log rows carrying this version match no stage's real version, so every stage redoes them.
REBUILD_REQUESTED_VERSION = "rebuild-requested"
REFRESH_GROUPS = ("resolve", "analytics", "publish")


def reset_stage_log(conn: duckdb.DuckDBPyConnection, stages: Sequence[str] = ()) -> int:
    """Invalidate what the per-article stages recorded (all stages, or only ``stages``).

    Rows are kept with a version no stage ever has, rather than deleted, so the clean stage still
    recognises articles it processed when it purges superseded versions. Returns the rows reset.
    """
    with transaction(conn):
        apply_schema(conn)
        where, params = ("WHERE list_contains(?, stage)", [list(stages)]) if stages else ("", [])
        (count,) = conn.execute(f"SELECT count(*) FROM core.stage_log {where}", params).fetchone()
        conn.execute(f"UPDATE core.stage_log SET stage_version = '{REBUILD_REQUESTED_VERSION}' {where}", params)
    return count


class RebuildConfig(dg.Config):
    """Which per-article stages to redo (empty: all of them)."""

    stages: list[str] = []


@dg.op(pool="duckdb_writer", description="Mark every article as not yet processed by the per-article stages.")
def reset_stage_log_op(context: dg.OpExecutionContext, config: RebuildConfig, warehouse: WarehouseResource) -> int:
    with warehouse.connect() as conn:
        count = reset_stage_log(conn, config.stages)
    context.log.info(f"reset {count} core.stage_log rows; materialize_all follows and reprocesses them")
    context.add_output_metadata({"stage_log_rows_reset": count})
    return count


@dg.job(
    name=REBUILD_FROM_RAW,
    description="Rebuild everything from raw.articles: reset core.stage_log, then (rebuild_after_reset "
    "sensor) run materialize_all, which re-cleans and re-extracts every current article.",
)
def rebuild_from_raw() -> None:
    reset_stage_log_op()


def build_jobs() -> tuple:
    """(materialize_all, refresh_views, rebuild_from_raw)."""
    materialize_all = dg.define_asset_job(
        MATERIALIZE_ALL,
        selection=dg.AssetSelection.all() | dg.AssetSelection.all_asset_checks(),
        description="Every asset and every check, then the read-only snapshot (what the inbox sensor runs).",
    )
    refresh_views = dg.define_asset_job(
        REFRESH_VIEWS,
        selection=dg.AssetSelection.groups(*REFRESH_GROUPS) | dg.AssetSelection.all_asset_checks(),
        description="Re-resolve membership events, recreate the analytics views, run every quality check and "
        "republish the snapshot, without ingesting or extracting anything (the daily schedule).",
    )
    return materialize_all, refresh_views, rebuild_from_raw
