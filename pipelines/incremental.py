"""Which articles a stage still has to process, and the log of what it has processed.

Every per-article stage records ``(article_id, stage, stage_version)`` in ``core.stage_log``. A run
processes only articles with no entry for the stage's current version, so its cost grows with the
new articles, not with the warehouse; a new version of a stage's code or dictionaries re-processes
everything that stage has seen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

import duckdb

from pipelines.warehouse import insert_rows, registered_column, release_memory

# DuckDB block cache a batched stage keeps from one batch to the next (see release_batch_cache).
CACHE_KEPT_BETWEEN_BATCHES = "64MB"


class IdColumn(Sequence[str]):
    """A column of ids held as one Arrow string array; a slice is a list of ``str``.

    A stage holds its pending ids for its whole run. As Python strings the 200k ids of a 200k-article
    clean were 23 MB (34 MB while ``fetchall()``'s tuples existed too), as one Arrow array 13 MB.
    """

    def __init__(self, array: Any) -> None:
        self._array = array

    def __len__(self) -> int:
        return len(self._array)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._array[index].to_pylist()
        return self._array[index].as_py()


def pending_article_ids(
    conn: duckdb.DuckDBPyConnection, stage: str, version: str, candidates_table: str, candidates_filter: str = "true"
) -> IdColumn:
    """Ids of ``candidates_table``'s rows matching ``candidates_filter`` not yet processed at ``version``,
    in the table's storage order: a batch of them then sits in a few row groups, which
    :func:`pipelines.warehouse.rows_where` reads without touching the others."""
    table = conn.execute(
        f"""
        SELECT c.article_id
        FROM (SELECT article_id, rowid AS storage_order FROM {candidates_table} WHERE {candidates_filter}) AS c
        ANTI JOIN (SELECT article_id FROM core.stage_log WHERE stage = ? AND stage_version = ?) AS done
            USING (article_id)
        ORDER BY c.storage_order
        """,
        [stage, version],
    ).to_arrow_table()
    return IdColumn(table.column(0).combine_chunks())


def mark_processed(
    conn: duckdb.DuckDBPyConnection,
    stage: str,
    version: str,
    row_counts: dict[str, int],
    now: datetime,
) -> None:
    """Record that each article went through ``stage`` at ``version`` (with how many rows it gave)."""
    if not row_counts:
        return
    ids = list(row_counts)
    import pyarrow as pa

    conn.register("_accordwatch_done", pa.table({"article_id": ids}))
    try:
        conn.execute(
            "DELETE FROM core.stage_log WHERE stage = ? AND article_id IN (SELECT article_id FROM _accordwatch_done)",
            [stage],
        )
    finally:
        conn.unregister("_accordwatch_done")
    insert_rows(
        conn,
        "core.stage_log",
        [
            {"article_id": a, "stage": stage, "stage_version": version, "n_rows": n, "processed_at": now}
            for a, n in row_counts.items()
        ],
    )


def logged_articles(conn: duckdb.DuckDBPyConnection, article_ids: Sequence[str], stage: str | None = None) -> list[str]:
    """The ids among ``article_ids`` that ``core.stage_log`` lists for ``stage`` (any stage when None).

    Only these can have rows to replace: a stage writes an article's rows in the transaction that
    logs it, and the clean stage drops an article's rows in every per-article table together with all
    its log entries. So a batch deletes the rows of these articles only, and a batch of articles never
    seen before deletes nothing: each ``DELETE`` scans the ``article_id`` column of its whole table,
    which grew the stage's time and DuckDB's cache with the warehouse (50 clean batches at 100k
    articles scanned up to 0.8M sentence rows each)."""
    if not article_ids:
        return []
    with registered_ids(conn, article_ids, "_accordwatch_logged") as ids:
        stage_filter = "" if stage is None else "stage = ? AND "
        rows = conn.execute(
            f"SELECT DISTINCT article_id FROM core.stage_log WHERE {stage_filter}"
            f"article_id IN (SELECT article_id FROM {ids})",
            [] if stage is None else [stage],
        ).fetchall()
    return [r[0] for r in rows]


def registered_ids(conn: duckdb.DuckDBPyConnection, article_ids: Sequence[str], name: str = "_accordwatch_batch"):
    """``article_ids`` as a one-column view ``name`` to join against (a hash join, not a list scan)."""
    return registered_column(conn, name, "article_id", article_ids)


def batched(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def runs_within_budget(sizes: Sequence[int], budget: int) -> list[tuple[int, int]]:
    """Consecutive runs [first, last] of the items whose sizes add up to about ``budget`` (at least one
    item per run: an item larger than the budget is a run of its own)."""
    runs, first, total = [], 0, 0
    for i, size in enumerate(sizes):
        if total and total + size > budget:
            runs.append((first, i - 1))
            first, total = i, 0
        total += size
    if sizes:
        runs.append((first, len(sizes) - 1))
    return runs


def release_batch_cache(conn: duckdb.DuckDBPyConnection) -> None:
    """After a batch's commit: keep :data:`CACHE_KEPT_BETWEEN_BATCHES` of DuckDB's cache
    (:func:`pipelines.warehouse.release_memory`). In a 30k clean the cache grew from 160 MB after the
    first batch to 260 MB after the last; capped only by the limit at 100k."""
    release_memory(conn, CACHE_KEPT_BETWEEN_BATCHES)
