"""ArticleMapper.map_ahead: results in order, and the next batch is handed out before the current one
is returned (so the workers compute while the caller writes)."""

from __future__ import annotations

import pytest

from pipelines.parallel import MIN_ITEMS_FOR_WORKERS, article_mapper


def _square_plus(x: int, extra: int) -> int:
    return x * x + extra


@pytest.mark.parametrize("workers", [1, 2])
def test_map_ahead_returns_each_batch_in_order_and_reads_one_batch_ahead(workers):
    log: list[str] = []
    sizes = [MIN_ITEMS_FOR_WORKERS + 5, 3, MIN_ITEMS_FOR_WORKERS]

    def batches():
        start = 0
        for k, size in enumerate(sizes):
            log.append(f"read {k}")
            yield k, list(range(start, start + size))
            start += size

    got = []
    with article_mapper(workers) as mapper:
        for k, results in mapper.map_ahead(_square_plus, batches(), 7):
            log.append(f"got {k}")
            got.append((k, results))
    assert log == ["read 0", "read 1", "got 0", "read 2", "got 1", "got 2"]
    start = 0
    for (k, results), size in zip(got, sizes):
        assert results == [x * x + 7 for x in range(start, start + size)]
        start += size


def test_map_ahead_of_nothing_yields_nothing():
    with article_mapper(2) as mapper:
        assert list(mapper.map_ahead(_square_plus, iter(()), 1)) == []


def _pid(_: int) -> int:
    import os

    return os.getpid()


def test_small_batches_run_here_until_the_workers_are_started_then_on_the_workers():
    """A small batch alone is not worth starting workers; a small batch after a large one goes to the
    running workers (run here, it would load the text stages' models into the writing process)."""
    import os

    here = os.getpid()
    small, large = list(range(MIN_ITEMS_FOR_WORKERS - 1)), list(range(MIN_ITEMS_FOR_WORKERS))
    with article_mapper(2) as mapper:
        pids = [set(results) for _, results in mapper.map_ahead(_pid, iter([(0, small), (1, large), (2, small)]))]
    assert pids[0] == {here}  # before the workers were started
    assert here not in pids[1] and here not in pids[2]


def test_closing_the_mapper_leaves_no_worker_running():
    """close() waits for the workers to exit: a process exiting while they were still being stopped
    could wait for them forever (a run hung so after its last step)."""
    import multiprocessing

    before = set(multiprocessing.active_children())
    items = list(range(MIN_ITEMS_FOR_WORKERS))
    with article_mapper(2) as mapper:
        assert list(mapper.map(_square_plus, items, 1)) == [x * x + 1 for x in items]
        workers = set(multiprocessing.active_children()) - before
        assert workers  # the batch ran on the pool
    assert not [p for p in workers if p.is_alive()]


def _chunk_pid(chunk: list[int]) -> int:
    import os

    return os.getpid()


def test_a_batch_of_chunks_is_sized_by_the_articles_they_hold():
    """The extract stage hands out chunks of articles: two chunks holding enough articles between them
    start the workers; the same chunks counted as two items would stay in this process."""
    import os

    here = os.getpid()
    half = MIN_ITEMS_FOR_WORKERS // 2
    chunks = [list(range(half)), list(range(half, MIN_ITEMS_FOR_WORKERS))]
    with article_mapper(2) as mapper:
        [(_, by_articles)] = mapper.map_ahead(_chunk_pid, iter([(0, chunks)]), size_of=len)
    with article_mapper(2) as mapper:
        [(_, by_items)] = mapper.map_ahead(_chunk_pid, iter([(0, chunks)]))
    assert here not in by_articles
    assert set(by_items) == {here}
