"""The resolution asset: core.claims -> core.membership_events, rebuilt in full each run (pure SQL)."""

from __future__ import annotations

from collections.abc import Sequence

import dagster as dg
import duckdb

from pipelines.resources import WarehouseResource
from pipelines.warehouse import preview_markdown, read_sql, table_count, transaction

CLAIMS = dg.AssetKey(["core", "claims"])
ARTICLES = dg.AssetKey(["core", "articles"])
ACCORDS = dg.AssetKey(["core", "accords"])
MEMBERSHIP_EVENTS = dg.AssetKey(["core", "membership_events"])

# The resolution macros (core.resolve_membership_events and its helpers); the analytics views use them too.
RESOLVE_MACROS_SQL = "resolve/_resolve_events.sql"
MEMBERSHIP_EVENTS_SQL = "resolve/membership_events.sql"
WRITER_POOL = "duckdb_writer"

EVENTS_PREVIEW = (
    "SELECT accord, country_code, status, date_lower, date_upper, n_articles, claimants, has_conflict "
    "FROM core.membership_events ORDER BY accord, country_code, date_lower, status"
)


def execute_sql_files(conn: duckdb.DuckDBPyConnection, relative_paths: Sequence[str]) -> None:
    """Run each ``warehouse/sql/<path>`` (several statements each) in order on ``conn``."""
    for relative_path in relative_paths:
        conn.execute(read_sql(relative_path))


def rebuild_membership_events(conn: duckdb.DuckDBPyConnection) -> int:
    """Replace every event by the resolution of the current claims, in one transaction. Returns the count."""
    with transaction(conn):
        execute_sql_files(conn, [RESOLVE_MACROS_SQL, MEMBERSHIP_EVENTS_SQL])
    return table_count(conn, "core.membership_events")


@dg.asset(
    key=MEMBERSHIP_EVENTS,
    deps=[CLAIMS, ARTICLES, ACCORDS],
    kinds={"duckdb"},
    group_name="resolve",
    pool=WRITER_POOL,
)
def core_membership_events(warehouse: WarehouseResource) -> dg.MaterializeResult:
    """One event per (country, accord, status, event date window): the same claim from many articles
    merged, with article and claimant counts, first/last publication times, links to every claim, and
    a conflict flag when another source gives a disagreeing status for an overlapping window.
    Rebuilt in full from core.claims on every run."""
    with warehouse.connect() as conn:
        n_events = rebuild_membership_events(conn)
        n_conflicts = conn.execute("SELECT count(*) FROM core.membership_events WHERE has_conflict").fetchone()[0]
        n_claims = table_count(conn, "core.claims")
        preview = preview_markdown(conn, EVENTS_PREVIEW, limit=20)
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": n_events,
            "claims_resolved": n_claims,
            "events_with_conflict": n_conflicts,
            "preview": dg.MetadataValue.md(preview),
        }
    )


resolve_assets: list = [core_membership_events]
