"""Row counts and order-independent content hashes of every warehouse table (and view)."""

from __future__ import annotations

from pathlib import Path

import duckdb

# Wall-clock times of our own processing: they differ between two separate builds of the same input.
PROCESSING_TIME_COLUMNS = frozenset(
    {"first_ingested_at", "superseded_at", "ingested_at", "detected_at", "processed_at", "validated_at", "counted_at"}
)
# Append-only validation history (one row per check per run, by design): not warehouse content.
LOG_SCHEMAS = frozenset({"quality"})


def fingerprint(db_path: Path, ignore_processing_times: bool = False) -> dict[str, tuple[int, int]]:
    """``{"schema.table": (row_count, content_hash)}`` for every table and view outside the log schemas.

    The hash is a sum of per-row hashes, so row order does not matter but every value does (a
    duplicated row changes it). With ``ignore_processing_times`` the columns that record when this
    machine did something are left out, to compare two builds made at different times.
    """
    with duckdb.connect(str(db_path), read_only=True) as conn:
        relations = conn.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() "
            "UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal ORDER BY ALL"
        ).fetchall()
        out = {}
        for schema, name in relations:
            if schema in LOG_SCHEMAS:
                continue
            qualified = f'"{schema}"."{name}"'
            columns = [
                c
                for (c,) in conn.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
                    [schema, name],
                ).fetchall()
                if not (ignore_processing_times and c in PROCESSING_TIME_COLUMNS)
            ]
            packed = ", ".join(f'"{c}" := "{c}"' for c in columns)
            count, digest = conn.execute(
                f"SELECT count(*), coalesce(sum(hash(struct_pack({packed}))::HUGEINT), 0) FROM {qualified}"
            ).fetchone()
            out[f"{schema}.{name}"] = (count, int(digest))
        return out
