"""Run a pure per-article function on several processes, results in input order.

The text stages (cleaning, entity and claim extraction) are pure functions of one article, so
they parallelize across cores; DuckDB reads and writes stay in the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

# Below this many items a batch runs in the calling process: starting workers costs more.
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
        if self.workers <= 1 or len(items) < MIN_ITEMS_FOR_WORKERS:
            return (fn(item, *extra) for item in items)
        if self._pool is None:
            # forkserver: workers start from a clean interpreter, not a copy of this one with its
            # open DuckDB connection and Dagster threads.
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        chunksize = max(1, len(items) // (self.workers * 4))
        try:
            return iter(list(self._pool.map(fn, items, *[[e] * len(items) for e in extra], chunksize=chunksize)))
        except BrokenProcessPool:
            # Workers could not start here (e.g. a __main__ read from stdin): same results, one process.
            self.close()
            self.workers = 1
            return (fn(item, *extra) for item in items)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


@contextmanager
def article_mapper(workers: int) -> Iterator[ArticleMapper]:
    mapper = ArticleMapper(workers)
    try:
        yield mapper
    finally:
        mapper.close()
