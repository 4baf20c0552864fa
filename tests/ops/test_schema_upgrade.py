"""A warehouse made before the corpus tables lost their PRIMARY KEYs is rebuilt without them, once."""

import duckdb

from pipelines.warehouse import KEYS_DROPPED, apply_schema

OLD_DDL = """
CREATE SCHEMA raw;
CREATE TABLE raw.source_files (
    path VARCHAR NOT NULL, file_sha256 VARCHAR NOT NULL, record_idx INTEGER NOT NULL, article_id VARCHAR NOT NULL,
    size_bytes BIGINT, mtime_ns BIGINT, ingested_at TIMESTAMP NOT NULL, is_current BOOLEAN NOT NULL,
    PRIMARY KEY (path, file_sha256, record_idx)
);
CREATE SCHEMA core;
CREATE TABLE core.entities (entity_id VARCHAR PRIMARY KEY, entity_type VARCHAR NOT NULL, name VARCHAR NOT NULL,
    iso2 VARCHAR, iso3 VARCHAR, is_iso BOOLEAN, country_iso2 VARCHAR, kind VARCHAR);
"""


def primary_keys(conn) -> set[str]:
    rows = conn.execute(
        "SELECT schema_name || '.' || table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
    ).fetchall()
    return {name for (name,) in rows}


def test_old_keyed_tables_are_rebuilt_without_keys_keeping_every_row(tmp_path):
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as conn:
        conn.execute(OLD_DDL)
        conn.execute("INSERT INTO raw.source_files VALUES ('/a.txt', 'ff', 0, 'A', 10, 99, TIMESTAMP '2026-01-02 03:04:05', TRUE),"
                     " ('/b.txt', 'ee', 0, 'B', NULL, NULL, TIMESTAMP '2026-01-02 03:04:06', FALSE)")
        conn.execute("INSERT INTO core.entities VALUES ('country:KZ', 'country', 'Kazakhstan', 'KZ', 'KAZ', TRUE, 'KZ', NULL)")
        apply_schema(conn)
        assert primary_keys(conn) & set(KEYS_DROPPED) == set()
        assert "core.accords" in primary_keys(conn)  # small lookup tables keep theirs
        assert conn.execute("SELECT path, file_sha256, record_idx, article_id, size_bytes, mtime_ns, is_current "
                            "FROM raw.source_files ORDER BY path").fetchall() == [
            ("/a.txt", "ff", 0, "A", 10, 99, True), ("/b.txt", "ee", 0, "B", None, None, False)]
        assert conn.execute("SELECT entity_id, iso3, is_iso FROM core.entities").fetchall() == [("country:KZ", "KAZ", True)]
        # the rebuilt tables keep NOT NULL, and no renamed copy is left
        nullable = dict(conn.execute("SELECT column_name, is_nullable FROM information_schema.columns "
                                     "WHERE table_schema = 'core' AND table_name = 'entities'").fetchall())
        assert nullable["entity_id"] == "NO" and nullable["iso2"] == "YES"
        assert not conn.execute("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%keyed'").fetchall()
        apply_schema(conn)  # idempotent afterwards
        assert conn.execute("SELECT count(*) FROM raw.source_files").fetchone()[0] == 2
