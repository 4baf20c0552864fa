"""Sensors: the inbox watcher, and the second half of a rebuild."""


import os
from pathlib import Path

import dagster as dg

from pipelines.automation.inbox import (
    WarehouseBusy,
    decode_cursor,
    encode_cursor,
    inbox_dir,
    new_or_changed,
    run_key_for,
    scan_inbox,
    warehouse_view,
)
from pipelines.resources import WarehouseResource
from pipelines.settings import resources_run_config

INBOX_INTERVAL_ENV = "ACCORDWATCH_INBOX_INTERVAL_SECONDS"
DEFAULT_INBOX_INTERVAL_SECONDS = 30


def evaluate_inbox(
    context: dg.SensorEvaluationContext, warehouse: WarehouseResource, folder: Path
) -> dg.SensorResult | dg.SkipReason:
    """One tick: request a run of the whole graph over ``folder`` if it holds content not yet taken in.

    The cursor remembers every (path, sha) requested; files the warehouse already stores, or already
    failed on with the same content, are recorded in the cursor without a run. If the warehouse is
    locked by a writer the tick is skipped and the cursor left alone, so the next tick decides.
    """
    if not folder.is_dir():
        return dg.SkipReason(f"inbox folder {folder} does not exist")
    requested = decode_cursor(context.cursor)
    files = scan_inbox(folder, requested)
    candidates = new_or_changed(files, requested)
    if not candidates:
        return dg.SkipReason(f"nothing new in {folder} ({len(files)} files already requested)")
    try:
        view = warehouse_view(Path(warehouse.db_path), candidates)
    except WarehouseBusy:
        return dg.SkipReason("the warehouse is being written by a run; looking again next tick")
    due = [f for f in candidates if (f.path, f.sha256) not in view.settled]
    cursor = encode_cursor({**requested, **{f.path: f for f in candidates}})
    if not due:
        return dg.SensorResult(
            skip_reason=dg.SkipReason(f"{len(candidates)} changed files are already in the warehouse or failed before"),
            cursor=cursor,
        )
    names = ", ".join(Path(f.path).name for f in due[:5]) + (" ..." if len(due) > 5 else "")
    context.log.info(f"requesting a run for {len(due)} new or changed files: {names}")
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=run_key_for(due, view.current),
                run_config={"resources": resources_run_config(source_dir=str(folder))},
                tags={"accordwatch/trigger": "inbox", "accordwatch/inbox_files": str(len(due))},
            )
        ],
        cursor=cursor,
    )


def build_inbox_sensor(job) -> dg.SensorDefinition:
    interval = int(os.environ.get(INBOX_INTERVAL_ENV) or DEFAULT_INBOX_INTERVAL_SECONDS)

    @dg.sensor(
        name="inbox_sensor",
        job=job,
        minimum_interval_seconds=interval,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Watches the inbox folder ($ACCORDWATCH_INBOX_DIR, default data/inbox/) and runs the whole "
        "graph over it when a file is new or its content changed. Run keys come from file hashes, so the same "
        "content never runs twice; files that failed are not retried until they change.",
    )
    def inbox_sensor(context: dg.SensorEvaluationContext, warehouse: WarehouseResource):
        return evaluate_inbox(context, warehouse, inbox_dir())

    return inbox_sensor


def build_rebuild_sensor(
    rebuild_job: dg.JobDefinition, materialize_all
) -> dg.RunStatusSensorDefinition:
    @dg.run_status_sensor(
        name="rebuild_after_reset",
        run_status=dg.DagsterRunStatus.SUCCESS,
        monitored_jobs=[rebuild_job],
        request_job=materialize_all,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Second half of rebuild_from_raw: once core.stage_log is reset, materialize everything.",
    )
    def rebuild_after_reset(context: dg.RunStatusSensorContext):
        run_id = context.dagster_run.run_id
        return dg.RunRequest(run_key=f"rebuild-{run_id}", tags={"accordwatch/rebuild_of": run_id})

    return rebuild_after_reset
