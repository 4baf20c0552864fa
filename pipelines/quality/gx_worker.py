"""Great Expectations in a process of its own for the length of a Dagster run.

GX is pure Python: its import (~3-5 CPU-s) and each validation's metric graph (~0.2-1 s per suite)
would hold this process's interpreter, where the run's steps execute one after another. A worker
process started with the run imports GX on the other core while the ingest runs, and validates the
dataframes the checks send it; the checks wait for their own results only. Its memory (GX, pandas,
the metrics) is given back when the run ends instead of staying in the run's process.

The worker is a one-process pool from the ``forkserver`` context (a clean interpreter, not a copy
of this one with its DuckDB connection). If it cannot start or dies, validation falls back to GX in
this process (same results). A check step sends all its suites at once; the worker shares them with
a copy of itself forked for that step (:func:`validate_shared`), so GX runs on both cores while the
run's process, done with its SQL checks, waits.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from pipelines.parallel import shut_down_pool
from pipelines.quality.outcomes import ExpectationOutcome
from pipelines.quality.suites import SuiteSpec


def _prepare_in_worker() -> bool:
    from pipelines.quality.validate import local_gx_validator

    local_gx_validator()
    return True


Task = tuple[SuiteSpec, Any, list[dict[str, Any]], str]  # (spec, rows, expectations, call id)
# A suite's expectations go to GX in pieces of at most this many, so that two processes can share
# even a group of one suite (GX's cost is ~10-20 ms per expectation, whatever the rows). Each piece
# costs GX a validation of its own: pieces of 8 took 15-20% more CPU than whole suites, of 16 2%.
EXPECTATIONS_PER_PIECE = 16


def _validate_many_in_worker(tasks: list[Task]) -> list[list[ExpectationOutcome]]:
    from pipelines.quality.validate import local_gx_validator

    return validate_shared(local_gx_validator(), tasks)


def _pieces(tasks: list[Task]) -> list[tuple[int, int, Task]]:
    """(task index, first expectation, task with that piece of the expectations), for every piece."""
    pieces = []
    for i, (spec, df, expectations, call_id) in enumerate(tasks):
        for start in range(0, max(1, len(expectations)), EXPECTATIONS_PER_PIECE):
            pieces.append((i, start, (spec, df, expectations[start:start + EXPECTATIONS_PER_PIECE], call_id)))
    return pieces


def _cost(piece: tuple[int, int, Task]) -> float:
    _, _, (_, df, expectations, _) = piece
    return len(expectations) * (1 + len(df) / 10_000)


def _share(pieces: list[tuple[int, int, Task]]) -> tuple[list[int], list[int]]:
    """Indexes of the pieces for this process and for the forked copy, costliest first to the
    less loaded one."""
    loads, shares = [0.0, 0.0], ([], [])
    for index in sorted(range(len(pieces)), key=lambda k: -_cost(pieces[k])):
        side = 0 if loads[0] <= loads[1] else 1
        loads[side] += _cost(pieces[index])
        shares[side].append(index)
    return shares


def validate_shared(validator: Any, tasks: list[Task]) -> list[list[ExpectationOutcome]]:
    """Each task's outcomes (in its expectations' order), the work shared between this process and
    one copy of it forked with GX already imported (it starts in milliseconds and exits when done:
    GX is pure Python, so two processes use the two cores where one used one). Without ``fork``, or
    with less than two pieces of work, or if the copy fails, this process does everything."""
    pieces = _pieces(tasks)
    results: dict[int, list[ExpectationOutcome]] = {}
    theirs: list[int] = []
    child = None
    if len(pieces) > 1 and "fork" in multiprocessing.get_all_start_methods():
        mine, theirs = _share(pieces)
        fork = multiprocessing.get_context("fork")
        receiver, sender = fork.Pipe(duplex=False)
        child = fork.Process(target=_validate_and_send, args=(validator, [pieces[k][2] for k in theirs], sender),
                             daemon=True)
        child.start()
        sender.close()
    else:
        mine = list(range(len(pieces)))
    for k in mine:
        results[k] = validator.validate(*pieces[k][2])
    if child is not None:
        try:
            received = receiver.recv()
        except (EOFError, OSError):  # the copy died before sending
            received = None
        child.join()
        receiver.close()
        for n, k in enumerate(theirs):
            results[k] = received[n] if isinstance(received, list) else validator.validate(*pieces[k][2])
    outcomes: list[list[ExpectationOutcome]] = [[] for _ in tasks]
    for k in sorted(results, key=lambda k: pieces[k][:2]):
        outcomes[pieces[k][0]].extend(results[k])
    return outcomes


def _validate_and_send(validator: Any, tasks: list[Task], sender: Any) -> None:
    try:
        sender.send([validator.validate(*task) for task in tasks])
    except Exception:  # noqa: BLE001 - the parent validates these itself and raises there if it must
        sender.send(None)
    finally:
        sender.close()


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
        [outcomes] = self.submit_many([(spec, df, expectations, call_id)]).result()
        return outcomes

    def submit_many(self, tasks: list[Task]) -> _WorkerResult:
        """Start validating the tasks in the worker; ``result()`` waits for their outcomes (a list
        per task) while the caller does its own share of the checks."""
        future = None
        if self._pool is not None:
            try:
                future = self._pool.submit(_validate_many_in_worker, tasks)
            except (BrokenProcessPool, RuntimeError):  # RuntimeError: the pool was shut down
                self.close()
        return _WorkerResult(self, future, tasks)

    def _validate_here(self, tasks: list[Task]) -> list[list[ExpectationOutcome]]:
        from pipelines.quality.validate import local_gx_validator

        return local_gx_validator().submit_many(tasks).result()

    def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            shut_down_pool(pool)


class _WorkerResult:
    """The outcomes of the validations sent to the worker; if the worker died, GX in this process
    computes them instead (same results)."""

    def __init__(self, worker: GxWorker, future: Future | None, tasks: list[Task]) -> None:
        self._worker, self._future, self._tasks = worker, future, tasks

    def result(self) -> list[list[ExpectationOutcome]]:
        try:
            if self._future is not None:
                outcomes = self._future.result()
                self._tasks = []  # the dataframes are no longer needed here
                return outcomes
        except BrokenProcessPool:
            self._worker.close()
        return self._worker._validate_here(self._tasks)


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
