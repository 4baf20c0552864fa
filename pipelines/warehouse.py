"""Small DuckDB helpers shared by every stage: schema, SQL files, transactions, bulk inserts."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from pipelines.paths import SQL_DIR


def read_sql(relative_path: str) -> str:
    """The text of ``warehouse/sql/<relative_path>``."""
    return (SQL_DIR / relative_path).read_text(encoding="utf-8")


def execute_sql_files(conn: duckdb.DuckDBPyConnection, relative_paths: Sequence[str]) -> None:
    """Run each ``warehouse/sql/<path>`` (several statements each) in order on ``conn``."""
    for relative_path in relative_paths:
        conn.execute(read_sql(relative_path))


def schema_files() -> list[Path]:
    return sorted((SQL_DIR / "schema").glob("*.sql"))


# Tables declared with a PRIMARY KEY before 2026-11-28 that no longer have one (why: the comment at the
# top of warehouse/sql/schema/001_raw.sql). A warehouse made before is rebuilt without them once.
KEYS_DROPPED = ("raw.articles", "raw.source_files", "core.articles", "core.sentences", "core.stage_log",
                "core.entities", "core.claims")


def apply_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create every schema and table of the warehouse that does not exist yet (idempotent), and
    rebuild the tables of an older warehouse that still carry a dropped key (:data:`KEYS_DROPPED`)."""
    keyed = _tables_still_keyed(conn)
    if not keyed:
        for path in schema_files():
            conn.execute(path.read_text(encoding="utf-8"))
        return
    with transaction(conn):
        for table in keyed:
            conn.execute(f"ALTER TABLE {table} RENAME TO {_keyed_name(table)}")
        for path in schema_files():
            conn.execute(path.read_text(encoding="utf-8"))
        for table in keyed:
            schema = table.split(".")[0]
            conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {schema}.{_keyed_name(table)}")
            conn.execute(f"DROP TABLE {schema}.{_keyed_name(table)}")


def _keyed_name(table: str) -> str:
    return table.split(".")[1] + "__keyed"


def _tables_still_keyed(conn: duckdb.DuckDBPyConnection) -> list[str]:
    rows = conn.execute(
        "SELECT DISTINCT schema_name || '.' || table_name FROM duckdb_constraints() "
        "WHERE constraint_type = 'PRIMARY KEY' AND database_name = current_database()"
    ).fetchall()
    keyed = {name for (name,) in rows}
    return [table for table in KEYS_DROPPED if table in keyed]


@contextmanager
def transaction(conn: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All-or-nothing: a crash or exception inside leaves the tables as they were.

    Inside a transaction already open on ``conn`` this joins it: the outer one commits or rolls back.
    """
    try:
        conn.execute("BEGIN TRANSACTION")
    except duckdb.TransactionException as exc:
        if "within a transaction" not in str(exc):
            raise
        yield conn
        return
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def columns_of(record: Any, columns: Sequence[str]) -> dict[str, Any]:
    """The named attributes of a flat record as a row (``dataclasses.asdict`` deep-copies: too slow)."""
    return {name: getattr(record, name) for name in columns}


def insert_rows(conn: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict[str, Any]]) -> int:
    """Insert dict rows by column name (missing columns take their defaults). Returns the row count."""
    if not rows:
        return 0
    import pyarrow as pa

    return insert_arrow(conn, table, pa.Table.from_pylist(list(rows)))


def insert_columns(conn: duckdb.DuckDBPyConnection, table: str, columns: dict[str, list]) -> int:
    """Insert column lists (same length, by column name) as one Arrow table. Returns the row count."""
    import pyarrow as pa

    return insert_arrow(conn, table, pa.table(columns))


def insert_arrow(conn: duckdb.DuckDBPyConnection, table: str, arrow: Any) -> int:
    """Insert an Arrow table's columns into ``table`` by name (other columns take their defaults)."""
    if not arrow.num_rows:
        return 0
    conn.register("_accordwatch_rows", arrow)
    try:
        column_list = ", ".join(f'"{c}"' for c in arrow.column_names)
        conn.execute(f"INSERT INTO {table} ({column_list}) SELECT {column_list} FROM _accordwatch_rows")
    finally:
        conn.unregister("_accordwatch_rows")
    return arrow.num_rows


def extend_columns(into: dict[str, list], more: dict[str, list]) -> None:
    """Append ``more``'s column lists to ``into``'s (creating the columns on first use)."""
    for name, values in more.items():
        into.setdefault(name, []).extend(values)


@contextmanager
def registered_column(
    conn: duckdb.DuckDBPyConnection, name: str, column: str, values: Iterable[Any]
) -> Iterator[str]:
    """``values`` as a one-column view ``name`` to join against (set-based updates and lookups)."""
    import pyarrow as pa

    with registered_table(conn, name, pa.table({column: pa.array(list(values), pa.string())})) as view:
        yield view


@contextmanager
def registered_table(conn: duckdb.DuckDBPyConnection, name: str, table: Any) -> Iterator[str]:
    """An Arrow table as a view ``name`` for the duration of the block (``UPDATE ... FROM name``: one
    statement for a whole batch instead of one per row)."""
    conn.register(name, table)
    try:
        yield name
    finally:
        conn.unregister(name)


# The memory_limit a connection was configured with (current_setting() reads it back rounded).
MEMORY_LIMIT_VARIABLE = "accordwatch_memory_limit"


def configure_memory_limit(conn: duckdb.DuckDBPyConnection, limit: str) -> None:
    """Set DuckDB's ``memory_limit`` and remember the exact value on ``conn`` for :func:`memory_limit`."""
    conn.execute("SET memory_limit = ?", [limit])
    conn.execute(f"SET VARIABLE {MEMORY_LIMIT_VARIABLE} = ?", [limit])


@contextmanager
def memory_limit(conn: duckdb.DuckDBPyConnection, limit: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """DuckDB's ``memory_limit`` lowered to ``limit`` inside the block, then set back to the value
    :func:`configure_memory_limit` gave ``conn`` (else to the limit in force before).

    Lowering the limit also evicts cached blocks down to it. DuckDB refuses a limit below the memory
    it cannot evict at that moment; the block then runs under the current limit (nothing is lost).
    """
    previous = conn.execute(
        f"SELECT coalesce(getvariable('{MEMORY_LIMIT_VARIABLE}'), current_setting('memory_limit'))"
    ).fetchone()[0]
    try:
        conn.execute("SET memory_limit = ?", [limit])
    except duckdb.Error:
        pass
    try:
        yield conn
    finally:
        conn.execute("SET memory_limit = ?", [previous])


@contextmanager
def duckdb_threads(conn: duckdb.DuckDBPyConnection, threads: int) -> Iterator[duckdb.DuckDBPyConnection]:
    """DuckDB's worker threads set to ``threads`` inside the block (the whole database's setting), then back."""
    previous = conn.execute("SELECT current_setting('threads')").fetchone()[0]
    conn.execute(f"SET threads = {int(threads)}")
    try:
        yield conn
    finally:
        conn.execute(f"SET threads = {int(previous)}")


def release_memory(conn: duckdb.DuckDBPyConnection, keep: str) -> None:
    """Give back what a finished batch or step left cached: DuckDB's table blocks down to ``keep``
    (lowering the limit evicts them, ~0.1 s per GB; then the limit is restored, see
    :func:`memory_limit`), the pages pyarrow's allocator (mimalloc) keeps after the Arrow tables
    and data frames built on them are freed (25-35 MB after a step at 30k articles), and the free
    pages of the C heap (:func:`_trim_c_heap`).

    DuckDB keeps every block a query read or wrote cached up to its memory limit, so without this a
    batched stage, or a run whose steps share one open database, grows with the rows it has processed.
    """
    with memory_limit(conn, keep):
        pass
    return_free_memory()


# DuckDB's cache kept between two steps of a run, and between the queries of one step (see release_cache).
# 128 MB between steps kept the 100k run's process ~60-80 MB higher (and a +10 run's peak 735-741 MB against
# 674-678 MB) for no gain in time: three +10 runs each way took 7.7-8.4 s and 8.1-8.5 s.
CACHE_KEPT_BETWEEN_QUERIES = "32MB"


def release_cache(conn: duckdb.DuckDBPyConnection) -> None:
    """:func:`release_memory` down to :data:`CACHE_KEPT_BETWEEN_QUERIES`, between steps and between queries of
    one step.

    DuckDB keeps every block a query scanned cached up to its memory limit, so a step running many queries
    over large tables (the checks, the events' passes) holds a share of every table it read by its end, and
    that share grows with the corpus. Evicting costs ~0.1 s per GB; reading a block again is cheap."""
    release_memory(conn, CACHE_KEPT_BETWEEN_QUERIES)


def return_free_memory() -> None:
    """Hand back the pages pyarrow's allocator and the C heap keep after their objects were freed."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    _trim_c_heap()


# malloc_trim walks the whole heap: ~25 ms with a 0.5 GB heap whether or not it frees anything, so it
# runs at most this often (a 10-article run calls release_memory ~20 times, a 100k run ~600 times).
SECONDS_BETWEEN_HEAP_TRIMS = 5.0


def _trim_c_heap() -> bool:
    """Hand the C heap's free pages back to the system (glibc's ``malloc_trim``; nothing elsewhere),
    unless that was done less than :data:`SECONDS_BETWEEN_HEAP_TRIMS` ago. True if it ran now.

    Python's large objects and DuckDB's Python-side results are freed into glibc's heap, which keeps
    the pages: without this a step's transient peak stayed in the process for the steps after it."""
    global _MALLOC_TRIM, _LAST_TRIM
    if _MALLOC_TRIM is None:
        import ctypes
        import ctypes.util

        try:
            _MALLOC_TRIM = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        except (OSError, AttributeError):  # not glibc
            _MALLOC_TRIM = False
    now = time.monotonic()
    if not _MALLOC_TRIM or now - _LAST_TRIM < SECONDS_BETWEEN_HEAP_TRIMS:
        return False
    _MALLOC_TRIM(0)
    _LAST_TRIM = time.monotonic()
    return True


_MALLOC_TRIM = None
_LAST_TRIM = float("-inf")


def rows_where(table: str, predicate: str) -> str:
    """A subquery of ``table``'s rows for which ``predicate`` (on the table aliased ``t``) holds, that
    reads the wide columns (article bodies) of those rows only.

    A filter DuckDB cannot push into the scan (a semi join on ids, ``IN (subquery)``, ``greatest(...)``)
    is applied after the scan has read every column the query needs from every row: picking 2,000
    articles of 100k read all 1.2 GB of raw bodies (0.75 s, and their blocks in memory). Here the
    predicate runs on its own narrow columns and the rows are then picked by ``rowid``, whose range
    DuckDB pushes into the scan: only the row groups holding the picked rows are read (0.08 s for
    those 2,000 when they were written together, which is why stages process pending articles in
    storage order, see :func:`pipelines.incremental.pending_article_ids`)."""
    return f"(SELECT * FROM {table} WHERE rowid IN (SELECT t.rowid FROM {table} t WHERE {predicate}))"


def delete_for_articles(conn: duckdb.DuckDBPyConnection, tables: Sequence[str], article_ids: Sequence[str]) -> None:
    """Remove the rows of the given articles from each table (before re-writing them)."""
    if not article_ids:
        return
    with registered_column(conn, "_accordwatch_ids", "article_id", article_ids) as ids:
        for table in tables:
            conn.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM {ids})")


def table_count(conn: duckdb.DuckDBPyConnection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def preview_markdown(conn: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> str:
    """A small Markdown table of the first rows of a query, for Dagster metadata."""
    relation = conn.sql(f"SELECT * FROM ({query}) LIMIT {int(limit)}")
    columns = relation.columns
    rows = relation.fetchall()

    def cell(value: Any) -> str:
        text = "" if value is None else str(value)
        text = text.replace("|", "\\|").replace("\n", " ")
        return text if len(text) <= 80 else text[:77] + "..."

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
