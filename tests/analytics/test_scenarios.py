"""Hand-made articles for what resolution and the views must get right beyond the seed: one event
reported on different days, uncertain dates, a withdrawal and a return, a promised (future) signing,
brokers and counterparties claimed by mistake, and who counts as a different claimant.

Dates follow public facts where they exist (COVERAGE.md; the US left the Paris Agreement on
2020-11-04 and rejoined on 2021-02-19); the article wordings in the comments are our own."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from analytics_kit import ABRAHAM, ABRAHAM_REGISTRY, PARIS, PARIS_REGISTRY, Warehouse


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Warehouse:
    w = Warehouse.create(tmp_path_factory.mktemp("scenarios"), [ABRAHAM_REGISTRY, PARIS_REGISTRY])

    # One event, two articles on different days.
    ap = w.article("ap-2025-11-06", datetime(2025, 11, 6, 22, 30), "AP")
    # "President Trump said on Thursday that Kazakhstan will join the Abraham Accords."
    w.claim(ap, "KZ", "announced", "Donald Trump", "Trump said on Thursday that Kazakhstan will join.",
            date(2025, 11, 6), date(2025, 11, 6))
    # "A signing ceremony will be held soon." -> a promised signature, not a signature
    w.claim(ap, "KZ", "signed", "Donald Trump", "A signing ceremony will be held soon.", is_future=True)
    tass = w.article("tass-2025-11-09", datetime(2025, 11, 9, 8, 0), "TASS")
    # "Kazakhstan joined the Abraham Accords on Thursday, the US president announced."
    w.claim(tass, "KZ", "announced", "article", "Kazakhstan joined the Abraham Accords on Thursday.",
            date(2025, 11, 6), date(2025, 11, 6))

    # Uncertain dates: Sudan's step somewhere between the October 2020 announcement and January 2021.
    review = w.article("review-2021-02-15", datetime(2021, 2, 15), "Review")
    w.claim(review, "SD", "signed", "article", "Sudan, which agreed in October, had signed by early January.",
            date(2020, 10, 23), date(2021, 1, 6))
    # A month-precision date reported before the month ended: capped at the publication day.
    rabat = w.article("rabat-2020-12-23", datetime(2020, 12, 23, 12, 0), "Rabat Daily")
    w.claim(rabat, "MA", "signed", "article", "Morocco signed the joint declaration this month.",
            date(2020, 12, 1), date(2020, 12, 31))

    # The same outlet tells the whole story (talks in 2020, signature on 15 September): no conflict.
    gulf = w.article("gulf-2020-12-31", datetime(2020, 12, 31), "Gulf Outlet")
    w.claim(gulf, "AE", "negotiating", "article", "Talks went on through 2020.", date(2020, 1, 1), date(2020, 12, 31))
    w.claim(gulf, "AE", "signed", "article", "The UAE signed on 15 September.", date(2020, 9, 15), date(2020, 9, 15))
    # Two outlets disagree: signed on the 15th vs still negotiating on the 20th (undated).
    daily = w.article("daily-2020-09-16", datetime(2020, 9, 16), "Daily A")
    w.claim(daily, "BH", "signed", "article", "Bahrain signed on Tuesday.", date(2020, 9, 15), date(2020, 9, 15))
    weekly = w.article("weekly-2020-09-20", datetime(2020, 9, 20), "Weekly B")
    w.claim(weekly, "BH", "negotiating", "article", "Bahrain is still negotiating the details.")

    # Broker and counterparty claimed as if they were joiners (an extractor slip): never members.
    w.claim(daily, "US", "signed", "article", "The United States signed as a witness.", date(2020, 9, 15), date(2020, 9, 15))
    w.claim(daily, "IL", "signed", "article", "Israel signed with Bahrain.", date(2020, 9, 15), date(2020, 9, 15))

    # A withdrawal and a return (Paris Agreement, United States).
    w.claim(w.article("paris-2016", datetime(2016, 4, 22, 18, 0), "Climate Desk"), "US", "signed", "article",
            "The United States signed the Paris Agreement on Friday.", date(2016, 4, 22), date(2016, 4, 22),
            accord=PARIS)
    w.claim(w.article("paris-2020", datetime(2020, 11, 30), "Climate Desk"), "US", "withdrawn", "article",
            "The United States left the Paris Agreement this month.", date(2020, 11, 1), date(2020, 11, 30),
            accord=PARIS)
    w.claim(w.article("paris-2021", datetime(2021, 2, 19, 15, 0), "Climate Desk"), "US", "signed", "article",
            "The United States officially rejoined the Paris Agreement on Friday.", date(2021, 2, 19),
            date(2021, 2, 19), accord=PARIS)
    w.materialize()
    return w


def status_on(warehouse: Warehouse, macro: str, day: date, accord: str = ABRAHAM) -> dict[str, dict]:
    rows = warehouse.rows(f"SELECT * FROM analytics.{macro}(?::DATE) WHERE accord = ?", [day, accord])
    return {r["country_code"]: r for r in rows}


def test_one_event_counts_both_articles(warehouse):
    [event] = warehouse.rows(
        "SELECT * FROM core.membership_events WHERE country_code = 'KZ' AND status = 'announced'")
    assert (event["n_claims"], event["n_articles"], event["n_claimants"]) == (2, 2, 2)
    assert event["claimants"] == ["Donald Trump", "outlet:TASS"]
    assert event["first_reported_at"] == datetime(2025, 11, 6, 22, 30)
    assert event["last_reported_at"] == datetime(2025, 11, 9, 8, 0)
    assert (event["date_lower"], event["date_upper"]) == (date(2025, 11, 6), date(2025, 11, 6))


def test_known_as_of_between_the_two_reports_sees_only_the_first(warehouse):
    known = status_on(warehouse, "known_as_of", date(2025, 11, 7))
    assert known["KZ"]["status"] == "announced"
    assert known["KZ"]["claimants"] == ["Donald Trump"]
    assert known["KZ"]["n_articles"] == 1
    assert status_on(warehouse, "members_as_of", date(2025, 11, 7))["KZ"]["claimants"] == [
        "Donald Trump", "outlet:TASS"]
    # the day before the first report nobody knew; in valid time it had happened
    assert "KZ" not in status_on(warehouse, "known_as_of", date(2025, 11, 5))
    assert "KZ" not in status_on(warehouse, "members_as_of", date(2025, 11, 5))


def test_a_promised_signing_is_not_a_signature(warehouse):
    [future] = warehouse.rows("SELECT * FROM core.membership_events WHERE country_code = 'KZ' AND status = 'signed'")
    assert future["is_future"] is True
    assert future["date_lower"] == date(2025, 11, 6)  # not before the report that promised it
    assert future["date_upper"] is None and future["has_conflict"] is False
    later = status_on(warehouse, "members_as_of", date(2026, 6, 1))
    assert later["KZ"]["status"] == "announced"
    assert "signed" not in later["KZ"]["statuses"]


def test_uncertain_dates_give_lower_below_upper_in_growth(warehouse):
    growth = {r["month"]: r for r in warehouse.rows(
        "SELECT * FROM analytics.membership_growth_detail WHERE accord = ?", [ABRAHAM])}
    sudan_lower = {m for m, r in growth.items() if "SD" in r["lower_countries"]}
    sudan_upper = {m for m, r in growth.items() if "SD" in r["upper_countries"]}
    assert min(sudan_upper) == date(2020, 10, 1)
    assert min(sudan_lower) == date(2021, 1, 1)
    november = growth[date(2020, 11, 1)]
    assert november["members_lower"] < november["members_upper"]


def test_a_date_inside_the_publication_month_is_capped_at_publication(warehouse):
    [event] = warehouse.rows("SELECT * FROM core.membership_events WHERE country_code = 'MA'")
    assert (event["date_lower"], event["date_upper"]) == (date(2020, 12, 1), date(2020, 12, 23))
    assert status_on(warehouse, "members_as_of", date(2020, 12, 23))["MA"]["certainty"] == "certain"
    assert status_on(warehouse, "members_as_of", date(2020, 12, 22))["MA"]["certainty"] == "possible"


def test_a_withdrawal_ends_membership_and_a_return_restores_it(warehouse):
    def us_on(day):
        return status_on(warehouse, "members_as_of", day, PARIS)["US"]

    assert (us_on(date(2019, 1, 1))["status"], us_on(date(2019, 1, 1))["certainty"]) == ("signed", "certain")
    during = us_on(date(2020, 11, 10))  # the withdrawal may or may not have happened yet
    assert (during["status"], during["certainty"], during["certain_status"]) == ("signed", "possible", None)
    after = us_on(date(2020, 12, 1))
    assert (after["status"], after["certainty"]) == ("withdrawn", "certain")
    assert after["statuses"] == ["signed", "withdrawn"]
    assert us_on(date(2021, 3, 1))["status"] == "signed"

    timeline = warehouse.rows("SELECT status, valid_from_lower, valid_to FROM analytics.membership_timeline "
                              "WHERE accord = ? ORDER BY valid_from_lower", [PARIS])
    assert [(r["status"], r["valid_from_lower"], r["valid_to"]) for r in timeline] == [
        ("signed", date(2016, 4, 22), date(2020, 11, 1)),
        ("withdrawn", date(2020, 11, 1), date(2021, 2, 19)),
        ("signed", date(2021, 2, 19), None),
    ]
    growth = {r["month"]: (r["members_lower"], r["members_upper"]) for r in warehouse.rows(
        "SELECT * FROM analytics.membership_growth WHERE accord = ?", [PARIS])}
    assert growth[date(2020, 10, 1)] == (1, 1)
    assert growth[date(2020, 11, 1)] == (0, 0)
    assert growth[date(2021, 2, 1)] == (1, 1)


def test_brokers_and_counterparties_are_never_members(warehouse):
    on_day = status_on(warehouse, "members_as_of", date(2021, 1, 1))
    assert on_day["IL"]["status"] == "counterparty"
    assert "US" not in on_day
    for view in ("membership_timeline", "claim_conflicts"):
        countries = {r["country_code"] for r in warehouse.rows(f"SELECT * FROM analytics.{view} WHERE accord = ?", [ABRAHAM])}
        assert not countries & {"US", "IL"}, view
    assert not any({"US", "IL"} & set(r["upper_countries"]) for r in warehouse.rows(
        "SELECT * FROM analytics.membership_growth_detail WHERE accord = ?", [ABRAHAM]))


def test_one_claimant_telling_a_progression_is_not_a_conflict(warehouse):
    events = warehouse.rows("SELECT status, has_conflict FROM core.membership_events WHERE country_code = 'AE'")
    assert sorted((e["status"], e["has_conflict"]) for e in events) == [("negotiating", False), ("signed", False)]


def test_two_outlets_disagreeing_are_a_conflict(warehouse):
    [row] = warehouse.rows("SELECT * FROM analytics.claim_conflicts WHERE country_code = 'BH'")
    assert (row["a_status"], row["a_publisher"], row["b_status"], row["b_publisher"]) == (
        "signed", "Daily A", "negotiating", "Weekly B")
    # the undated 'still negotiating' runs from the accord's start to its publication day
    assert (row["b_date_lower"], row["b_date_upper"]) == (date(2020, 8, 13), date(2020, 9, 20))
    assert (row["overlap_lower"], row["overlap_upper"]) == (date(2020, 9, 15), date(2020, 9, 15))
    assert status_on(warehouse, "members_as_of", date(2020, 10, 1))["BH"]["has_conflict"] is True


def test_claim_conflicts_are_validated_on_the_same_rows_without_the_views_order(tmp_path):
    """The quality check hashes and validates analytics._claim_conflict_rows (no ORDER BY); analysts read
    analytics.claim_conflicts, the same rows sorted by pair, overlap, statuses and claimants."""
    import duckdb

    from pipelines.quality.scope import CHANGED
    from pipelines.quality.suites import spec_for
    from pipelines.quality.validate import validate_suites

    warehouse = Warehouse.create(tmp_path, [ABRAHAM_REGISTRY])
    # two outlets disagreeing about Morocco, then about Bahrain (stored in that order)
    for country, name, day in (("MA", "Morocco", 10), ("BH", "Bahrain", 15)):
        daily = warehouse.article(f"daily-{country}", datetime(2020, 9, day + 1), "Daily A")
        warehouse.claim(daily, country, "signed", "article", f"{name} signed on Tuesday.",
                        date(2020, 9, day), date(2020, 9, day))
        weekly = warehouse.article(f"weekly-{country}", datetime(2020, 9, 20), "Weekly B")
        warehouse.claim(weekly, country, "negotiating", "article", f"{name} is still negotiating the details.")
    warehouse.materialize()
    spec = spec_for("analytics.claim_conflicts")
    assert spec.table == "analytics._claim_conflict_rows"
    shown = warehouse.rows("SELECT * FROM analytics.claim_conflicts")
    assert [(r["country_code"], r["a_publisher"], r["b_publisher"]) for r in shown] == [
        ("BH", "Daily A", "Weekly B"), ("MA", "Daily A", "Weekly B")]
    with duckdb.connect(str(warehouse.db_path)) as conn:
        hashes = sorted(conn.execute("SELECT hash(t) FROM analytics.claim_conflicts t").fetchall())
        assert hashes == sorted(conn.execute(f"SELECT hash(t) FROM {spec.table} t").fetchall())
        [first] = validate_suites(conn, [spec], scope=CHANGED, run_id="r1")
        assert first.passed and first.scope.rows_validated == len(shown)
        [second] = validate_suites(conn, [spec], scope=CHANGED, run_id="r2")  # the rows' hashes were remembered
        assert second.passed and second.scope.rows_in_scope == 0
        conn.execute("DROP VIEW analytics.claim_conflicts")  # what analysts read is gone: the check says so
        [gone] = validate_suites(conn, [spec], scope=CHANGED, run_id="r3")
        assert [o.expectation_type for o in gone.failures] == ["sql:table_exists"]
        assert "claim_conflicts" in gone.failures[0].observed_value
