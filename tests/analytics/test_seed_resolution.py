"""The seed article's claims (written by hand from its text) through resolution and every view,
compared with the gold annotation's expected resolution as of 2025-11-07."""

from __future__ import annotations

from datetime import date

import pytest

from analytics_kit import ABRAHAM, load_gold, seed_warehouse


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    warehouse = seed_warehouse(tmp_path_factory.mktemp("seed"))
    result = warehouse.materialize()
    return warehouse, result


def test_members_as_of_publication_day_matches_gold(seed):
    warehouse, _ = seed
    expected = load_gold()["expected_resolution_as_of_2025-11-07"]
    rows = {r["country_code"]: r for r in warehouse.rows("SELECT * FROM analytics.members_as_of(DATE '2025-11-07')")}
    assert sorted(c for c, r in rows.items() if r["status"] == "signed") == sorted(expected["signed_members"])
    assert sorted(c for c, r in rows.items() if r["status"] == "counterparty") == sorted(expected["party"])
    assert rows["KZ"]["status"] == "announced"
    assert rows["KZ"]["has_conflict"] is True
    assert rows["KZ"]["statuses"] == ["announced", "negotiating"]
    assert rows["KZ"]["claimants"] == ["Donald Trump", "Government of Kazakhstan"]
    assert set(rows) == {"AE", "BH", "MA", "SD", "IL", "KZ"}


def test_no_distractor_country_appears_anywhere(seed):
    warehouse, _ = seed
    forbidden = load_gold()["must_not_be_claimed"]
    for query in ("SELECT country_code FROM analytics.members_as_of(DATE '2025-11-07')",
                  "SELECT country_code FROM analytics.known_as_of(DATE '2025-11-07')",
                  "SELECT country_code FROM analytics.membership_timeline",
                  "SELECT country_code FROM core.membership_events"):
        assert not {r["country_code"] for r in warehouse.rows(query)} & set(forbidden), query


def test_claim_conflicts_show_kazakhstan_both_sides(seed):
    warehouse, _ = seed
    rows = warehouse.rows("SELECT * FROM analytics.claim_conflicts")
    assert {r["country_code"] for r in rows} == {"KZ"}
    assert {(r["a_status"], r["a_claimed_by"], r["b_status"], r["b_claimed_by"]) for r in rows} == {
        ("announced", "Donald Trump", "negotiating", "Government of Kazakhstan")}
    [row] = rows  # one row per pair of claimants, however many claims each made
    assert "final stages of negotiations" in row["b_evidence"]
    assert row["a_evidence"].startswith("US President Donald Trump announced")
    # Trump's side carries both of his claims: the report and the quoted post
    assert (row["a_n_claims"], row["b_n_claims"]) == (2, 1)
    assert (row["overlap_lower"], row["overlap_upper"]) == (date(2025, 11, 6), date(2025, 11, 7))


def test_the_two_trump_claims_are_one_event_dated_by_the_dated_one(seed):
    warehouse, _ = seed
    [event] = warehouse.rows("SELECT * FROM core.membership_events WHERE country_code = 'KZ' AND status = 'announced'")
    assert (event["n_claims"], event["n_articles"], event["n_claimants"]) == (2, 1, 1)
    # the undated quote is bounded by the accord's start and the publication day; the intersection
    # with the dated claim is the gold's accepted window
    assert (event["date_lower"], event["date_upper"]) == (date(2025, 11, 6), date(2025, 11, 7))
    assert (event["hull_lower"], event["hull_upper"]) == (date(2020, 8, 13), date(2025, 11, 7))
    assert event["has_conflict"] is True and event["conflicting_statuses"] == ["negotiating"]


def test_background_members_have_no_conflict_and_keep_their_year_bounds(seed):
    warehouse, _ = seed
    events = {e["country_code"]: e for e in warehouse.rows(
        "SELECT * FROM core.membership_events WHERE status = 'signed'")}
    assert (events["AE"]["date_lower"], events["AE"]["date_upper"], events["AE"]["date_precision"]) == (
        date(2020, 1, 1), date(2020, 12, 31), "year")
    assert events["MA"]["date_precision"] == "range"
    assert not any(e["has_conflict"] for e in events.values())
    assert {tuple(e["claimants"]) for e in events.values()} == {("outlet:RBC-Ukraine",)}


def test_certainty_follows_the_date_bounds(seed):
    warehouse, _ = seed
    rows = {r["country_code"]: r for r in warehouse.rows("SELECT * FROM analytics.members_as_of(DATE '2021-06-01')")}
    assert (rows["AE"]["status"], rows["AE"]["certainty"]) == ("signed", "certain")  # signed in 2020
    assert (rows["BH"]["status"], rows["BH"]["certainty"]) == ("signed", "possible")  # 2020 or 2021
    assert rows["BH"]["certain_status"] is None
    # before any possible date there is nothing, not even the counterparty (the accord starts 2020-08-13)
    assert warehouse.rows("SELECT * FROM analytics.members_as_of(DATE '2019-12-31')") == []


def test_known_as_of_before_publication_knows_nothing(seed):
    warehouse, _ = seed
    # the article appeared on 7 November: the day before, nothing at all was known (not even the
    # counterparty of an accord nobody had written about)
    assert warehouse.rows("SELECT * FROM analytics.known_as_of(DATE '2025-11-06')") == []
    known = warehouse.rows("SELECT country_code, status FROM analytics.known_as_of(DATE '2025-11-07')")
    assert {r["country_code"]: r["status"] for r in known}["IL"] == "counterparty"
    assert len(known) == 6


def test_growth_has_a_lower_and_an_upper_count(seed):
    warehouse, _ = seed
    growth = {r["month"]: r for r in warehouse.rows(
        "SELECT * FROM analytics.membership_growth_detail WHERE accord = ?", [ABRAHAM])}
    assert min(growth) == date(2020, 1, 1)  # the UAE's year-only date opens the series
    assert max(growth) == date.today().replace(day=1)
    assert (growth[date(2020, 12, 1)]["members_lower"], growth[date(2020, 12, 1)]["members_upper"]) == (1, 4)
    assert growth[date(2020, 12, 1)]["lower_countries"] == ["AE"]
    assert (growth[date(2021, 12, 1)]["members_lower"], growth[date(2021, 12, 1)]["members_upper"]) == (4, 4)
    # Kazakhstan announced (6-7 November 2025): an upper member from that month, never a lower one
    assert "KZ" in growth[date(2025, 11, 1)]["upper_countries"]
    assert "KZ" not in growth[date(2025, 11, 1)]["lower_countries"]
    assert "KZ" not in growth[date(2025, 10, 1)]["upper_countries"]


def test_every_asset_reports_row_count_and_preview(seed):
    warehouse, result = seed
    materializations = {e.asset_key.to_user_string(): e.event_specific_data.materialization.metadata
                        for e in result.get_asset_materialization_events()}
    assert set(materializations) == {
        "core/membership_events", "analytics/membership_timeline", "analytics/members_as_of",
        "analytics/known_as_of", "analytics/membership_growth", "analytics/claim_conflicts",
        "analytics/membership_chart"}
    for key, metadata in materializations.items():
        assert "dagster/row_count" in metadata, key
        assert "preview" in metadata, key
    assert materializations["core/membership_events"]["dagster/row_count"].value == 6
    assert materializations["analytics/claim_conflicts"]["dagster/row_count"].value == 1


def test_chart_is_written_next_to_the_warehouse_and_embedded(seed):
    warehouse, result = seed
    png = warehouse.db_path.parent / "charts" / "membership_growth.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    [chart] = [e.event_specific_data.materialization for e in result.get_asset_materialization_events()
               if e.asset_key.path == ["analytics", "membership_chart"]]
    assert chart.metadata["chart"].value.startswith("![membership](data:image/png;base64,iVBORw0KGgo")
    assert chart.metadata["path"].value == str(png.resolve())
