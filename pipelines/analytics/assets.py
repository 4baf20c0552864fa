"""One Dagster asset per analytics view or table macro, generated from warehouse/sql/analytics/*.sql."""

import time
from dataclasses import dataclass

import dagster as dg

from pipelines.analytics.chart import membership_chart
from pipelines.analytics.known import build_known_states
from pipelines.resolve.assets import ACCORDS, ARTICLES, CLAIMS, MEMBERSHIP_EVENTS, WRITER_POOL
from pipelines.resolve.events import RESOLVE_MACROS_SQL
from pipelines.resources import WarehouseResource
from pipelines.warehouse import execute_sql_files, preview_markdown, transaction

# Shared state logic (analytics._joiner_events, analytics._membership_state); every view uses it.
STATE_MACROS_SQL = "analytics/_membership_state.sql"
# Input of the knowledge-version build behind known_as_of (pipelines/analytics/known.py).
KNOWN_CLAIMS_SQL = "analytics/_known_claims.sql"


@dataclass(frozen=True)
class AnalyticsView:
    """One object of schema ``analytics``: the SQL file that (re)creates it and how to show its rows."""

    name: str  # analytics.<name>; the SQL file is warehouse/sql/analytics/<name>.sql
    description: str
    deps: tuple[dg.AssetKey, ...]
    rows_query: str  # the rows counted and previewed after creation
    # Python step between the macro files and the view's file (it registers relations the file reads);
    # returns figures for the metadata
    build: object = None
    extra_sql: tuple[str, ...] = ()

    @property
    def key(self) -> dg.AssetKey:
        return dg.AssetKey(["analytics", self.name])

    @property
    def sql_files(self) -> tuple[str, ...]:
        return (RESOLVE_MACROS_SQL, STATE_MACROS_SQL, *self.extra_sql, f"analytics/{self.name}.sql")


VIEWS: tuple[AnalyticsView, ...] = (
    AnalyticsView(
        name="membership_timeline",
        description="Per accord and country, each resolved status with its valid-time interval (valid_from "
        "lower/upper bounds from the event's dates, valid_to = the next status change) and its sources: "
        "claimants, article count, an evidence sentence, conflict flag.",
        deps=(MEMBERSHIP_EVENTS, ACCORDS),
        rows_query="SELECT accord, country_code, status, valid_from_lower, valid_from_upper, valid_to, claimants, "
        "n_articles FROM analytics.membership_timeline",
    ),
    AnalyticsView(
        name="members_as_of",
        description="Table macro analytics.members_as_of(d): the status of every country in every accord on day d "
        "(valid time), the most advanced status in force with its certainty (certain/possible from the date "
        "bounds), every status and claimant alongside, the conflict flag, and the accord's counterparty. "
        "Stores each pair's state as day intervals (analytics.membership_state_intervals) so a day is a "
        "lookup. Preview: today.",
        deps=(MEMBERSHIP_EVENTS, ACCORDS),
        rows_query="SELECT accord, country_code, status, certainty, certain_status, date_lower, date_upper, statuses, "
        "claimants, has_conflict FROM analytics.members_as_of(current_date)",
    ),
    AnalyticsView(
        name="known_as_of",
        description="Table macro analytics.known_as_of(d): members_as_of(d) as a reader knew it that day, resolved "
        "from only the claims of articles published on or before d. The claims are replayed once in "
        "publication order and each pair's state is stored over intervals of days "
        "(analytics.known_state_intervals, claimants in analytics.known_claimant_spans, events in "
        "analytics.known_event_spans), so a day is "
        "a lookup. Preview: today.",
        deps=(MEMBERSHIP_EVENTS, CLAIMS, ARTICLES, ACCORDS),
        build=build_known_states,
        extra_sql=(KNOWN_CLAIMS_SQL,),
        rows_query="SELECT accord, country_code, status, certainty, certain_status, date_lower, date_upper, statuses, "
        "claimants, has_conflict FROM analytics.known_as_of(current_date)",
    ),
    AnalyticsView(
        name="membership_growth",
        description="Members per accord per month, from the first event month to the current month: members_lower "
        "(certainly signed by the month's end) and members_upper (possibly signed or announced by then). "
        "The member lists behind the counts (lower_countries, upper_countries) are in the view "
        "analytics.membership_growth_detail (same rows). Stored in analytics.membership_growth_months; "
        "the views extend it to the current month.",
        deps=(MEMBERSHIP_EVENTS, ACCORDS),
        rows_query="SELECT * FROM analytics.membership_growth ORDER BY accord, month DESC",
    ),
    AnalyticsView(
        name="claim_conflicts",
        description="Country/accord pairs where sources disagree at the same time (e.g. announced vs still "
        "negotiating), both sides side by side: status, claimant, evidence, article, date windows.",
        deps=(MEMBERSHIP_EVENTS, CLAIMS, ARTICLES, ACCORDS),
        rows_query="SELECT accord, country_code, a_status, a_claimed_by, b_status, b_claimed_by, a_evidence, "
        "b_evidence FROM analytics.claim_conflicts",
    ),
)


def build_view_asset(view: AnalyticsView) -> dg.AssetsDefinition:
    """The asset that creates (or replaces) one analytics view or macro, in a transaction."""

    @dg.asset(
        key=view.key,
        description=view.description,
        deps=list(view.deps),
        kinds={"duckdb"},
        group_name="analytics",
        pool=WRITER_POOL,
    )
    def _view_asset(warehouse: WarehouseResource) -> dg.MaterializeResult:
        figures = {}
        with warehouse.connect() as conn:
            with transaction(conn):
                execute_sql_files(conn, view.sql_files[:-1])
                if view.build is not None:
                    started = time.perf_counter()
                    figures = {f"build_{k}": v for k, v in view.build(conn).items()}
                execute_sql_files(conn, view.sql_files[-1:])
                if view.build is not None:
                    figures["build_seconds"] = round(time.perf_counter() - started, 3)
            n_rows = conn.execute(f"SELECT count(*) FROM ({view.rows_query})").fetchone()[0]
            preview = preview_markdown(conn, view.rows_query, limit=20)
        return dg.MaterializeResult(
            metadata={"dagster/row_count": n_rows, **figures, "preview": dg.MetadataValue.md(preview)}
        )

    _view_asset.__doc__ = view.description
    return _view_asset


analytics_assets: list = [*(build_view_asset(view) for view in VIEWS), membership_chart]
