"""The MaterializeResult every table asset returns: row count, a preview, and its own figures."""

import dagster as dg
import duckdb

from pipelines.warehouse import preview_markdown, table_count


def table_result(
    conn: duckdb.DuckDBPyConnection,
    key: dg.AssetKey,
    preview_query: str | None = None,
    **metadata,
) -> dg.MaterializeResult:
    """Result for the table ``schema.table`` named by ``key``, with a Markdown preview of ``preview_query``."""
    table = ".".join(key.path)
    values = {"dagster/row_count": table_count(conn, table), **metadata}
    if preview_query is not None:
        values["preview"] = dg.MetadataValue.md(preview_markdown(conn, preview_query))
    return dg.MaterializeResult(asset_key=key, metadata=values)
