"""Run a pure per-article function on several processes, results in input order.

The text stages (cleaning, entity and claim extraction) are pure functions of one article, so
they parallelize across cores; DuckDB reads and writes stay in the calling process.
:meth:`ArticleMapper.map_ahead` keeps the workers busy while the caller writes: the next batch
is submitted before the current batch's results are handed over.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

# Below this many items a batch runs in the calling process, unless the workers are already running:
# starting them costs more. Once started they take every batch, small ones too: a small last batch run
# here loaded the text stages' models into this process, where they stayed to the end of the run (the
# language model alone is ~140 MB, in every run whose article count left a clean batch under 64).
MIN_ITEMS_FOR_WORKERS = 64


def effective_workers(configured: int) -> int:
    """``configured`` workers, or one per available core when 0."""
    if configured > 0:
        return configured
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class ArticleMapper:
    """Maps a function over batches, on a lazily started process pool when a batch is large."""

    def __init__(self, workers: int):
        self.workers = effective_workers(workers)
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[..., Any], items: Sequence[Any], *extra: Any) -> Iterator[Any]:
        return iter(self._collect(fn, items, extra, self._submit(fn, items, extra)))

    def map_ahead(
        self,
        fn: Callable[..., Any],
        batches: Iterable[tuple[Any, Sequence[Any]]],
        *extra: Any,
        size_of: Callable[[Any], int] | None = None,
    ) -> Iterator[tuple[Any, list[Any]]]:
        """``(key, [fn(item, *extra) for item in items])`` for each ``(key, items)`` of ``batches``, in order.

        Batch k+1 is taken from ``batches`` and handed to the workers before batch k's results are
        yielded, so the workers compute while the caller stores batch k. At most two batches are in
        memory at once. ``batches`` is advanced only between the caller's iterations.
        ``size_of``: the articles one item holds when an item is a chunk of them (default: one), for
        :data:`MIN_ITEMS_FOR_WORKERS`.
        """
        in_flight: tuple[Any, Sequence[Any], Any] | None = None
        for key, items in batches:
            submitted = (key, items, self._submit(fn, items, extra, size_of))
            if in_flight is not None:
                done_key, done_items, pending = in_flight
                in_flight = None
                yield done_key, self._collect(fn, done_items, extra, pending)
            in_flight = submitted
        if in_flight is not None:
            done_key, done_items, pending = in_flight
            yield done_key, self._collect(fn, done_items, extra, pending)

    def _submit(
        self, fn: Callable[..., Any], items: Sequence[Any], extra: tuple, size_of: Callable[[Any], int] | None = None
    ) -> Iterator[Any] | None:
        """Hand ``items`` to the pool (None: compute them in this process when collected)."""
        n_articles = len(items) if size_of is None else sum(size_of(item) for item in items)
        if self.workers <= 1 or not items or (self._pool is None and n_articles < MIN_ITEMS_FOR_WORKERS):
            return None
        if self._pool is None:
            # forkserver: workers start from a clean interpreter, not a copy of this one with its
            # open DuckDB connection and Dagster threads.
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        chunksize = max(1, len(items) // (self.workers * 4))
        try:
            # Executor.map submits every chunk now; results are read when collected.
            return self._pool.map(fn, items, *[[e] * len(items) for e in extra], chunksize=chunksize)
        except BrokenProcessPool:
            self._fall_back()
            return None

    def _collect(self, fn: Callable[..., Any], items: Sequence[Any], extra: tuple, pending: Iterator[Any] | None) -> list:
        if pending is not None:
            try:
                return list(pending)
            except BrokenProcessPool:
                self._fall_back()
        return [fn(item, *extra) for item in items]

    def _fall_back(self) -> None:
        # Workers could not start here (e.g. a __main__ read from stdin): same results, one process.
        self.close()
        self.workers = 1

    def close(self) -> None:
        """Stop the workers and wait for them to exit (idle workers exit at once)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            shut_down_pool(pool)


def shut_down_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and wait until the workers have exited.

    Not ``wait=False``: the executor then stops its workers from a thread of its own, and a process
    that exits meanwhile (``accordwatch`` runs the exit handlers itself, then ``os._exit``) could
    close the queue that carries their stop signal before it was sent, then wait forever for the
    workers in multiprocessing's exit handler: a +10 run on the 100k warehouse hung so, after its
    last step, until it was killed."""
    pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def article_mapper(workers: int) -> Iterator[ArticleMapper]:
    mapper = ArticleMapper(workers)
    try:
        yield mapper
    finally:
        mapper.close()
