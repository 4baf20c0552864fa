"""Run the whole asset graph once and print how long each step took (from the Dagster event log),
with the largest resident memory of this (the run's main) process during the step.

    .venv/bin/python -m bench.step_times SOURCE_DIR DB_PATH

With ``ACCORDWATCH_RSS_SAMPLES=file`` the RSS samples are also written there (unix time, MB per line).
"""

import os
import sys
import threading
import time


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class RssSampler(threading.Thread):
    """Samples this process's RSS every ``interval`` seconds: [(unix time, MB)]."""

    def __init__(self, interval: float = 0.2):
        super().__init__(daemon=True)
        self.interval = interval
        self.samples: list[tuple[float, float]] = []
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.samples.append((time.time(), _rss_mb()))
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def peak_between(self, start: float, end: float) -> float:
        return max((mb for t, mb in self.samples if start <= t <= end), default=0.0)


def main(source_dir: str, db_path: str) -> None:
    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.settings import resources_run_config

    job = defs.resolve_implicit_global_asset_job_def()
    run_config = {
        "resources": resources_run_config(db_path=db_path, source_dir=source_dir),
        "loggers": {"progress": {"config": {"enabled": False}}},
    }
    started = time.monotonic()
    sampler = RssSampler()
    sampler.start()
    with dg.DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(run_config=run_config, instance=instance, raise_on_error=False)
        sampler.stop()
        step_started: dict[str, float] = {}
        for record in instance.all_logs(result.run_id):
            event = record.dagster_event
            if event is None:
                continue
            if event.event_type_value == "STEP_START":
                step_started[event.step_key] = record.timestamp
            elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
                begun = step_started[event.step_key]
                took = record.timestamp - begun
                peak = sampler.peak_between(begun, record.timestamp)
                print(f"{event.step_key:48s} {took:7.1f} s  peak RSS {peak:6.0f} MB  {event.event_type_value}")
    print(f"{'total':48s} {time.monotonic() - started:7.1f} s  peak RSS {max(mb for _, mb in sampler.samples):6.0f} MB")
    samples_path = os.environ.get("ACCORDWATCH_RSS_SAMPLES")
    if samples_path:  # the RSS timeline itself (unix time, MB), to see where inside a step memory peaks
        with open(samples_path, "w") as out:
            out.writelines(f"{t:.2f}\t{mb:.0f}\n" for t, mb in sampler.samples)


if __name__ == "__main__":  # the guard matters: pool workers re-import the main module
    main(sys.argv[1], sys.argv[2])
