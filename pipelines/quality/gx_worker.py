"""Great Expectations in a process of its own for the length of a Dagster run.

GX is pure Python: its import (~3-5 CPU-s) and each validation's metric graph (~0.2-1 s per suite)
would hold this process's interpreter, where the run's steps execute one after another. A worker
process started with the run imports GX on the other core while the ingest runs, and validates the
dataframes the checks send it; the checks wait for their own results only. Its memory (GX, pandas,
the metrics) is given back when the run ends instead of staying in the run's process.

The worker is a one-process pool from the ``forkserver`` context (a clean interpreter, not a copy
of this one with its DuckDB connection). If it cannot start or dies, validation falls back to GX in
this process (same results).
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from pipelines.quality.outcomes import ExpectationOutcome
from pipelines.quality.suites import SuiteSpec


def _prepare_in_worker() -> bool:
    from pipelines.quality.validate import local_gx_validator

    local_gx_validator()
    return True


def _validate_in_worker(
    spec: SuiteSpec, df: Any, expectations: list[dict[str, Any]], call_id: str
) -> list[ExpectationOutcome]:
    from pipelines.quality.validate import local_gx_validator

    return local_gx_validator().validate(spec, df, expectations, call_id)


class GxWorker:
    """A validator with the interface of :class:`pipelines.quality.validate._GxValidator` whose GX
    runs in a worker process (started, with GX's import, when this object is made)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("forkserver")
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(max_workers=1, mp_context=context)
        self._pool.submit(_prepare_in_worker)

    def validate(
        self, spec: SuiteSpec, df: Any, expectations: list[dict[str, Any]], call_id: str
    ) -> list[ExpectationOutcome]:
        return self.submit(spec, df, expectations, call_id).result()

    def submit(self, spec: SuiteSpec, df: Any, expectations: list[dict[str, Any]], call_id: str) -> _WorkerResult:
        """Start validating in the worker; ``result()`` waits for the outcomes (the caller meanwhile
        does its own share of the checks on the other core)."""
        future = None
        if self._pool is not None:
            try:
                future = self._pool.submit(_validate_in_worker, spec, df, expectations, call_id)
            except (BrokenProcessPool, RuntimeError):  # RuntimeError: the pool was shut down
                self.close()
        return _WorkerResult(self, future, (spec, df, expectations, call_id))

    def _validate_here(self, args: tuple) -> list[ExpectationOutcome]:
        from pipelines.quality.validate import local_gx_validator

        return local_gx_validator().validate(*args)

    def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.shutdown(wait=False, cancel_futures=True)


class _WorkerResult:
    """The outcomes of one validation sent to the worker; if the worker died, GX in this process
    computes them instead (same results)."""

    def __init__(self, worker: GxWorker, future: Future | None, args: tuple) -> None:
        self._worker, self._future, self._args = worker, future, args

    def result(self) -> list[ExpectationOutcome]:
        try:
            if self._future is not None:
                outcomes = self._future.result()
                self._args = ()  # the dataframe is no longer needed here
                return outcomes
        except BrokenProcessPool:
            self._worker.close()
        return self._worker._validate_here(self._args)


_LOCK = threading.Lock()
_WORKER: GxWorker | None = None


def start_gx_worker() -> GxWorker:
    """Start this process's GX worker (or return the running one)."""
    global _WORKER
    with _LOCK:
        if _WORKER is None:
            _WORKER = GxWorker()
        return _WORKER


def stop_gx_worker() -> None:
    global _WORKER
    with _LOCK:
        worker, _WORKER = _WORKER, None
    if worker is not None:
        worker.close()


def running_gx_worker() -> GxWorker | None:
    return _WORKER
