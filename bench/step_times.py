"""Run the whole asset graph once and print how long each step took (from the Dagster event log).

    .venv/bin/python -m bench.step_times SOURCE_DIR DB_PATH
"""

import sys
import time


def main(source_dir: str, db_path: str) -> None:
    import dagster as dg

    from pipelines.definitions import defs

    job = defs.resolve_implicit_global_asset_job_def()
    run_config = {
        "resources": {"warehouse": {"config": {"db_path": db_path}}, "source": {"config": {"source_dir": source_dir}}},
        "loggers": {"progress": {"config": {"enabled": False}}},
    }
    started = time.monotonic()
    with dg.DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(run_config=run_config, instance=instance, raise_on_error=False)
        step_started: dict[str, float] = {}
        for record in instance.all_logs(result.run_id):
            event = record.dagster_event
            if event is None:
                continue
            if event.event_type_value == "STEP_START":
                step_started[event.step_key] = record.timestamp
            elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
                took = record.timestamp - step_started[event.step_key]
                print(f"{event.step_key:48s} {took:7.1f} s {event.event_type_value}")
    print(f"{'total':48s} {time.monotonic() - started:7.1f} s")


if __name__ == "__main__":  # the guard matters: pool workers re-import the main module
    main(sys.argv[1], sys.argv[2])
