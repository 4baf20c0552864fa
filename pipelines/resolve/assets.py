"""The resolution asset: core.claims -> core.membership_events (pure SQL, pair by pair: pipelines.resolve.events)."""

import dagster as dg

from pipelines.resolve.events import rebuild_membership_events
from pipelines.resources import WarehouseResource
from pipelines.warehouse import preview_markdown

CLAIMS = dg.AssetKey(["core", "claims"])
ARTICLES = dg.AssetKey(["core", "articles"])
ACCORDS = dg.AssetKey(["core", "accords"])
MEMBERSHIP_EVENTS = dg.AssetKey(["core", "membership_events"])

WRITER_POOL = "duckdb_writer"

EVENTS_PREVIEW = (
    "SELECT accord, country_code, status, date_lower, date_upper, n_articles, claimants, has_conflict "
    "FROM core.membership_events ORDER BY accord, country_code, date_lower, status"
)


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
    Only the (country, accord) pairs whose claims, articles or accord dates changed since the last
    run are resolved again; the others keep their events."""
    with warehouse.connect() as conn:
        figures = rebuild_membership_events(conn)
        n_conflicts = conn.execute("SELECT count(*) FROM core.membership_events WHERE has_conflict").fetchone()[0]
        preview = preview_markdown(conn, EVENTS_PREVIEW, limit=20)
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": figures["events"],
            "claims_resolved": figures["claims"],
            "events_with_conflict": n_conflicts,
            "pairs_total": figures["pairs_total"],
            "pairs_rebuilt": figures["pairs_rebuilt"],
            "pairs_removed": figures["pairs_removed"],
            "claims_resolved_this_run": figures["claims_resolved"],
            "resolve_passes": figures["passes"],
            "full_rebuild": figures["full_rebuild"],
            "preview": dg.MetadataValue.md(preview),
        }
    )


resolve_assets: list = [core_membership_events]
