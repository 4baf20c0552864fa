"""Jobs, schedules and sensors that keep the warehouse fresh, and the read-only snapshot they publish.

- ``inbox_sensor`` runs ``materialize_all`` over the inbox folder when files arrive or change;
- ``daily_refresh`` runs ``refresh_views`` (views + quality checks + snapshot) every day;
- ``rebuild_from_raw`` then ``rebuild_after_reset`` redo every per-article stage from raw.articles;
- ``publish/read_snapshot`` ends every full run by publishing ``x.read.duckdb`` for analysts.
"""

from __future__ import annotations

from collections.abc import Sequence

import dagster as dg

from pipelines.automation.jobs import build_jobs
from pipelines.automation.schedules import build_refresh_schedule
from pipelines.automation.sensors import build_inbox_sensor, build_rebuild_sensor
from pipelines.automation.snapshot import build_snapshot_asset, sink_keys


def automation_definitions(assets: Sequence[dg.AssetsDefinition] = ()) -> dg.Definitions:
    """Jobs, schedules, sensors and the snapshot asset (downstream of the ends of ``assets``)."""
    materialize_all, refresh_views, rebuild_from_raw = build_jobs()
    return dg.Definitions(
        assets=[build_snapshot_asset(sink_keys(assets))],
        jobs=[materialize_all, refresh_views, rebuild_from_raw],
        schedules=[build_refresh_schedule(refresh_views)],
        sensors=[build_inbox_sensor(materialize_all), build_rebuild_sensor(rebuild_from_raw, materialize_all)],
    )
