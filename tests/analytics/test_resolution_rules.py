"""Resolution rules on small hand-made claim sets, run straight through the SQL (no Dagster): date
bounds, window merging, conflicts, and a rebuild that leaves no stale event (the incremental rebuild per
pair: test_events_incremental)."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest

from analytics_kit import ABRAHAM, ABRAHAM_REGISTRY, Warehouse
from pipelines.resolve.events import rebuild_membership_events
from pipelines.warehouse import execute_sql_files

UNDATED_ACCORD = {"accord": "Test Pact", "entity_id": "accord:test-pact", "broker_iso2": None,
                  "counterparty_iso2": None, "start_date": None, "end_date": None}


@pytest.fixture
def warehouse(tmp_path) -> Warehouse:
    return Warehouse.create(tmp_path, [ABRAHAM_REGISTRY, UNDATED_ACCORD])


def resolve(warehouse: Warehouse) -> list[dict]:
    with duckdb.connect(str(warehouse.db_path)) as conn:
        rebuild_membership_events(conn)
    return warehouse.rows("SELECT * FROM core.membership_events ORDER BY country_code, status, date_lower")


def test_undated_claim_without_accord_start_is_open_below_and_capped_by_publication(warehouse):
    art = warehouse.article("a1", datetime(2024, 3, 5, 10), "Outlet")
    warehouse.claim(art, "NO", "negotiating", "article", "Norway is in talks.", accord="Test Pact")
    [event] = resolve(warehouse)
    assert (event["date_lower"], event["date_upper"], event["date_precision"]) == (None, date(2024, 3, 5), "open")


def test_undated_claim_without_publication_date_is_open_above(warehouse):
    art = warehouse.article("a1", None, "Outlet")
    warehouse.claim(art, "OM", "candidate", "article", "Oman could be next.")
    [event] = resolve(warehouse)
    assert (event["date_lower"], event["date_upper"]) == (date(2020, 8, 13), None)
    assert (event["first_reported_at"], event["last_reported_at"]) == (None, None)


def test_a_future_event_dated_before_its_report_keeps_a_valid_window(warehouse):
    art = warehouse.article("a1", datetime(2025, 11, 7), "Outlet")
    warehouse.claim(art, "KZ", "signed", "Donald Trump", "A ceremony will follow.", upper=date(2025, 11, 1),
                    is_future=True)
    [event] = resolve(warehouse)
    assert event["date_lower"] <= event["date_upper"] == date(2025, 11, 1)


def test_a_chain_of_overlapping_windows_with_no_common_day_keeps_the_hull(warehouse):
    for i, (lower, upper) in enumerate([(date(2020, 9, 1), date(2020, 9, 10)), (date(2020, 9, 8), date(2020, 9, 20)),
                                        (date(2020, 9, 18), date(2020, 9, 30))]):
        art = warehouse.article(f"a{i}", datetime(2020, 10, 1 + i), f"Outlet {i}")
        warehouse.claim(art, "BH", "signed", "article", "Bahrain signed in September.", lower, upper)
    [event] = resolve(warehouse)
    assert (event["date_lower"], event["date_upper"], event["date_basis"]) == (date(2020, 9, 1), date(2020, 9, 30), "hull")
    assert (event["n_claims"], event["n_articles"], event["n_claimants"]) == (3, 3, 3)


def test_separate_windows_of_one_status_stay_separate_events(warehouse):
    art = warehouse.article("a1", datetime(2024, 1, 1), "Outlet")
    warehouse.claim(art, "SA", "candidate", "article", "Saudi Arabia was urged to join.", date(2020, 9, 1), date(2020, 9, 30))
    warehouse.claim(art, "SA", "candidate", "article", "Saudi Arabia could be next.", date(2023, 9, 1), date(2023, 9, 30))
    events = resolve(warehouse)
    assert [(e["date_lower"], e["n_claims"]) for e in events] == [(date(2020, 9, 1), 1), (date(2023, 9, 1), 1)]
    assert len({e["event_id"] for e in events}) == 2


def test_a_conditional_refusal_against_a_candidacy_from_another_source_is_a_conflict(warehouse):
    us = warehouse.article("a1", datetime(2023, 9, 20), "Outlet A")
    warehouse.claim(us, "SA", "candidate", "Joe Biden", "Biden is pressing Saudi Arabia to join.", date(2023, 9, 20), date(2023, 9, 20))
    riyadh = warehouse.article("a2", datetime(2023, 9, 21), "Outlet B")
    warehouse.claim(riyadh, "SA", "declined", "Government of Saudi Arabia",
                    "Riyadh will not recognize Israel until a Palestinian state exists.", date(2023, 9, 18), date(2023, 9, 21))
    events = {e["status"]: e for e in resolve(warehouse)}
    assert events["candidate"]["conflicting_statuses"] == ["declined"]
    assert events["declined"]["conflicting_statuses"] == ["candidate"]
    # the windows overlap, so neither is the later word: the candidacy stands, flagged as disputed
    with duckdb.connect(str(warehouse.db_path)) as conn:
        execute_sql_files(conn, ["analytics/_membership_state.sql", "analytics/members_as_of.sql"])
        status = conn.execute("SELECT status, certainty, has_conflict FROM analytics.members_as_of(DATE '2023-10-01') "
                              "WHERE country_code = 'SA'").fetchall()
    assert status == [("candidate", "certain", True)]


def test_rebuild_is_complete_and_event_ids_are_stable(warehouse):
    art = warehouse.article("a1", datetime(2025, 11, 7), "Outlet")
    warehouse.claim(art, "KZ", "announced", "Donald Trump", "Kazakhstan joined.", date(2025, 11, 6), date(2025, 11, 7))
    dropped = warehouse.claim(art, "AZ", "candidate", "article", "Azerbaijan could be next.")
    first = resolve(warehouse)
    second = resolve(warehouse)
    assert [e["event_id"] for e in first] == [e["event_id"] for e in second]
    assert len(second) == 2
    with duckdb.connect(str(warehouse.db_path)) as conn:
        conn.execute("DELETE FROM core.claims WHERE claim_id = ?", [dropped])
    assert [e["country_code"] for e in resolve(warehouse)] == ["KZ"]
