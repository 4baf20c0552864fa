"""Picking rows by a predicate without reading the wide columns of the others (rows_where), and the
storage order pending work is processed in."""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb

from pipelines.incremental import batched, mark_processed, pending_article_ids
from pipelines.warehouse import apply_schema, registered_column, rows_where


def _table(conn: duckdb.DuckDBPyConnection, n: int) -> None:
    # ids deliberately not in storage order: a-00099 is written first
    conn.execute("CREATE TABLE docs (article_id VARCHAR, body VARCHAR, keep BOOLEAN)")
    conn.execute(
        "INSERT INTO docs SELECT printf('a-%05d', ? - 1 - i), repeat('x', 3000 + i), i % 7 = 0 FROM range(?) r(i)", [n, n]
    )


def test_rows_where_returns_exactly_the_rows_of_the_predicate(tmp_path):
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    _table(conn, 5000)
    expected = conn.execute("SELECT * FROM docs WHERE keep ORDER BY article_id").fetchall()
    assert conn.execute(f"SELECT * FROM {rows_where('docs', 't.keep')} d ORDER BY article_id").fetchall() == expected
    picked = ["a-04999", "a-00000", "a-02500", "a-99999"]  # first, last, middle rows and an unknown id
    with registered_column(conn, "picked", "article_id", picked) as ids:
        rows = conn.execute(
            f"SELECT article_id, length(body) FROM {rows_where('docs', f't.article_id IN (SELECT article_id FROM {ids})')} "
            "ORDER BY article_id"
        ).fetchall()
    assert rows == [("a-00000", 3000 + 4999), ("a-02500", 3000 + 2499), ("a-04999", 3000)]


def test_pending_articles_come_in_storage_order_and_skip_processed_ones(tmp_path):
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    apply_schema(conn)
    _table(conn, 20)
    mark_processed(conn, "clean", "v1", {"a-00019": 1, "a-00005": 0}, datetime(2026, 1, 1, tzinfo=timezone.utc))
    pending = pending_article_ids(conn, "clean", "v1", "docs")
    assert list(pending) == [f"a-{i:05d}" for i in range(18, -1, -1) if i != 5]  # written from a-00019 down
    # keep: rows 0, 7, 14 = a-00019 (processed), a-00012, a-00005 (processed)
    assert list(pending_article_ids(conn, "clean", "v1", "docs", "keep")) == ["a-00012"]
    # another version of the stage: everything is pending again
    assert list(pending_article_ids(conn, "clean", "v2", "docs", "keep")) == ["a-00019", "a-00012", "a-00005"]


def test_pending_ids_come_in_batches_of_python_strings(tmp_path):
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    apply_schema(conn)
    _table(conn, 25)
    mark_processed(conn, "clean", "v1", {"a-00024": 1}, datetime(2026, 1, 1, tzinfo=timezone.utc))
    pending = pending_article_ids(conn, "clean", "v1", "docs")
    assert len(pending) == 24
    assert pending[0] == "a-00023" and pending[-1] == "a-00000"
    batches = list(batched(pending, 10))
    assert [len(b) for b in batches] == [10, 10, 4]
    assert all(type(b) is list and all(type(i) is str for i in b) for b in batches)
    assert [i for b in batches for i in b] == [f"a-{i:05d}" for i in range(23, -1, -1)]
    mark_processed(conn, "clean", "v1", {f"a-{i:05d}": 1 for i in range(24)}, datetime(2026, 1, 1, tzinfo=timezone.utc))
    nothing = pending_article_ids(conn, "clean", "v1", "docs")
    assert len(nothing) == 0 and list(batched(nothing, 10)) == []


def test_memory_limit_is_lowered_inside_the_block_and_restored_exactly(tmp_path):
    from pipelines.warehouse import configure_memory_limit, memory_limit

    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    configure_memory_limit(conn, "2GB")
    setting = "SELECT current_setting('memory_limit')"
    before = conn.execute(setting).fetchone()[0]
    for _ in range(3):  # restored from the configured value, not from the rounded setting: no drift
        with memory_limit(conn, "100MB"):
            assert conn.execute(setting).fetchone()[0] == "95.3 MiB"
        assert conn.execute(setting).fetchone()[0] == before


def _cached_mb(conn: duckdb.DuckDBPyConnection) -> float:
    return conn.execute("SELECT sum(memory_usage_bytes) / 1e6 FROM duckdb_memory()").fetchone()[0]


def test_release_batch_cache_evicts_what_a_batch_read_and_restores_the_limit(tmp_path):
    from pipelines.incremental import CACHE_KEPT_BETWEEN_BATCHES, release_batch_cache
    from pipelines.warehouse import configure_memory_limit

    path = str(tmp_path / "w.duckdb")
    conn = duckdb.connect(path)
    conn.execute("CREATE TABLE docs AS SELECT i, repeat(md5(i::VARCHAR), 40) AS body FROM range(100000) r(i)")  # ~94 MB
    conn.close()
    conn = duckdb.connect(path)  # a fresh database: nothing cached
    configure_memory_limit(conn, "384MB")
    assert conn.execute("SELECT sum(length(body)) FROM docs").fetchone()[0] == 100000 * 32 * 40
    kept_mb = int(CACHE_KEPT_BETWEEN_BATCHES.removesuffix("MB"))
    assert _cached_mb(conn) > 1.3 * kept_mb  # the scan's blocks stay cached up to the limit
    release_batch_cache(conn)
    assert _cached_mb(conn) <= kept_mb * 1.05
    assert conn.execute("SELECT current_setting('memory_limit')").fetchone()[0] == "366.2 MiB"  # 384MB again
    assert conn.execute("SELECT count(*) FROM docs").fetchone()[0] == 100000
