"""What a finished batch or step hands back: DuckDB's cached blocks (down to what it keeps), and the C heap's
free pages at most once per interval (trimming walks the whole heap)."""

from __future__ import annotations

import duckdb

from pipelines import warehouse
from pipelines.warehouse import configure_memory_limit, release_memory


def _buffer_mb(conn: duckdb.DuckDBPyConnection) -> float:
    return conn.execute("SELECT sum(memory_usage_bytes) / 1e6 FROM duckdb_memory()").fetchone()[0]


def test_release_memory_evicts_the_cache_and_restores_the_limit(tmp_path):
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    configure_memory_limit(conn, "1GB")
    conn.execute("CREATE TABLE t AS SELECT i, repeat(md5(CAST(i AS VARCHAR)), 12) AS s FROM range(400000) r(i)")
    conn.execute("CHECKPOINT")
    conn.execute("SELECT count(DISTINCT s), sum(length(s)) FROM t").fetchall()  # reads ~160 MB of blocks
    assert _buffer_mb(conn) > 64
    release_memory(conn, "16MB")
    assert _buffer_mb(conn) <= 16
    assert conn.execute("SELECT getvariable('accordwatch_memory_limit')").fetchone()[0] == "1GB"
    assert conn.execute("SELECT current_setting('memory_limit')").fetchone()[0].startswith("953")  # 1GB in MiB


def test_the_heap_is_trimmed_at_most_once_per_interval(monkeypatch):
    monkeypatch.setattr(warehouse, "_LAST_TRIM", float("-inf"))
    monkeypatch.setattr(warehouse, "SECONDS_BETWEEN_HEAP_TRIMS", 3600.0)
    ran = [warehouse._trim_c_heap() for _ in range(3)]
    if warehouse._MALLOC_TRIM:  # glibc
        assert ran == [True, False, False]
        monkeypatch.setattr(warehouse, "SECONDS_BETWEEN_HEAP_TRIMS", 0.0)
        assert warehouse._trim_c_heap()
    else:
        assert ran == [False, False, False]
