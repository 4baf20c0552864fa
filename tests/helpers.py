"""Small helpers for tests that materialize part of the graph."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb

from pipelines.resources import ArticleSourceResource, ComputeResource, GreatExpectationsResource, WarehouseResource


def resources_for(db_path: Path, source_dir: Path, max_file_bytes: int = 5_000_000) -> dict:
    return {
        "warehouse": WarehouseResource(db_path=str(db_path)),
        "source": ArticleSourceResource(source_dir=str(source_dir), max_file_bytes=max_file_bytes),
        "compute": ComputeResource(workers=1),
        "gx": GreatExpectationsResource(),
    }


def materialize_ingest(db_path: Path, source_dir: Path, max_file_bytes: int = 5_000_000) -> dg.ExecuteInProcessResult:
    """Run the ingest and clean assets for real (no extraction) into ``db_path``."""
    from pipelines.ingest.assets import raw_ingest
    from pipelines.ingest.clean_assets import core_articles

    result = dg.materialize(
        [raw_ingest, core_articles], resources=resources_for(db_path, source_dir, max_file_bytes)
    )
    assert result.success
    return result


def query(db_path: Path, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as conn:
        return conn.execute(sql, params or []).fetchall()


def row_counts(db_path: Path, tables) -> dict[str, int]:
    with duckdb.connect(str(db_path), read_only=True) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
