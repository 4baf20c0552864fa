"""The stored forms of the views give the same answers as the rules evaluated directly on a day:
members_as_of(d) looks its rows up in analytics.membership_state_intervals, and membership_growth reads
analytics.membership_growth_months; here both are checked against analytics._pair_states(NULL, d), which
applies the rules of _membership_state.sql to the events on that one day, on every day around every
event date bound of the scenario warehouse (withdrawal and return, uncertain windows, conflicts,
counterparty, future events). known_as_of(d) looks its rows up in analytics.known_state_intervals and
analytics.known_claimant_spans (built by replaying the claims in publication order); it is checked
against its definition, analytics._pair_states(d, d) (every claim re-resolved with the knowledge
cut off at d), on every day around every publication day and every claim and event date bound."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta

import duckdb

from analytics_kit import ABRAHAM, PARIS, PARIS_REGISTRY, Warehouse
from test_scenarios import warehouse  # noqa: F401  (the module fixture: the scenario warehouse, materialized)

STATE_COLUMNS = ("as_of, accord, country_code, status, certainty, certain_status, date_lower, date_upper, "
                 "date_precision, statuses, claimants, has_conflict, n_articles, first_reported_at, event_ids")


def probe_days(w: Warehouse) -> list[date]:
    """Every event date bound, the day before and after it, and a few days far from any bound."""
    bounds = w.rows("SELECT DISTINCT d FROM (SELECT date_lower AS d FROM core.membership_events "
                    "UNION ALL SELECT date_upper FROM core.membership_events) WHERE d IS NOT NULL")
    days = {date(2000, 1, 1), date(2019, 6, 30), date(2024, 1, 1), date(2030, 1, 1)}
    for row in bounds:
        days |= {row["d"] - timedelta(days=1), row["d"], row["d"] + timedelta(days=1)}
    return sorted(days)


def test_members_as_of_equals_the_rules_evaluated_on_the_day(warehouse):  # noqa: F811
    days = probe_days(warehouse)
    assert len(days) > 20
    for day in days:
        stored = warehouse.rows(f"SELECT {STATE_COLUMNS} FROM analytics.members_as_of(?::DATE) "
                                "WHERE status <> 'counterparty'", [day])
        direct = warehouse.rows(f"SELECT {STATE_COLUMNS} FROM analytics._pair_states(NULL, ?::DATE) "
                                "ORDER BY accord, country_code", [day])
        assert stored == direct, day


def known_probe_days(w: Warehouse) -> list[date]:
    """Every publication day and every claim/event date bound, with the days before and after."""
    bounds = w.rows("SELECT DISTINCT d FROM (SELECT CAST(published_at AS DATE) AS d FROM core.articles "
                    "UNION ALL SELECT date_lower FROM core.claims UNION ALL SELECT date_upper FROM core.claims "
                    "UNION ALL SELECT date_lower FROM core.membership_events "
                    "UNION ALL SELECT date_upper FROM core.membership_events) WHERE d IS NOT NULL")
    days = {date(2000, 1, 1), date.today(), date(2030, 1, 1)}
    for row in bounds:
        days |= {row["d"] - timedelta(days=1), row["d"], row["d"] + timedelta(days=1)}
    return sorted(days)


def direct_known_as_of(w: Warehouse, day: date) -> list[dict]:
    """known_as_of's definition evaluated on the day: the resolution cut off at ``day``, its counterparties."""
    return w.rows(
        "WITH members AS (SELECT * FROM analytics._pair_states(?::DATE, ?::DATE)) "
        "SELECT * FROM (SELECT * FROM members UNION ALL BY NAME SELECT * FROM analytics._counterparties_on(?::DATE) "
        "WHERE accord IN (SELECT accord FROM members)) ORDER BY accord, status = 'counterparty' DESC, country_code",
        [day, day, day])


def test_known_as_of_equals_the_resolution_cut_off_on_the_day(warehouse):  # noqa: F811
    days = known_probe_days(warehouse)
    assert len(days) > 30
    seen_rows = 0
    for day in days:
        stored = warehouse.rows("SELECT * FROM analytics.known_as_of(?::DATE)", [day])
        assert stored == direct_known_as_of(warehouse, day), day
        seen_rows += len(stored)
    assert seen_rows > 100


def test_known_intervals_do_not_overlap(warehouse):  # noqa: F811
    claimant_spans = ("(SELECT accord, country_code, s.claimant, s.valid_from, s.valid_to "
                      "FROM analytics.known_claimant_spans, unnest(spans) AS u(s))")
    for table, key in (("analytics.known_state_intervals", "accord, country_code"),
                       (claimant_spans, "accord, country_code, claimant")):
        rows = warehouse.rows(f"SELECT {key}, valid_from, valid_to FROM {table} ORDER BY {key}, valid_from")
        assert rows, table
        by_key: dict[tuple, list] = {}
        for r in rows:
            by_key.setdefault(tuple(r[k.strip()] for k in key.split(",")), []).append((r["valid_from"], r["valid_to"]))
        for k, intervals in by_key.items():
            for (start, end), (next_start, _) in zip(intervals, intervals[1:]):
                assert end is not None and start < end <= next_start, (table, k)


def test_state_intervals_tile_the_days_of_each_pair(warehouse):  # noqa: F811
    rows = warehouse.rows("SELECT accord, country_code, valid_from, valid_to FROM analytics.membership_state_intervals "
                          "ORDER BY accord, country_code, valid_from")
    assert rows
    by_pair: dict[tuple, list] = {}
    for r in rows:
        by_pair.setdefault((r["accord"], r["country_code"]), []).append((r["valid_from"], r["valid_to"]))
    for pair, intervals in by_pair.items():
        for (start, end), (next_start, _) in zip(intervals, intervals[1:]):
            assert start < end == next_start, pair  # no gap, no overlap
        assert intervals[-1][1] is None, pair  # the last state holds from then on


def test_stored_growth_equals_the_rules_on_each_month_end(warehouse):  # noqa: F811
    growth = warehouse.rows("SELECT * FROM analytics.membership_growth_detail WHERE accord IN (?, ?) "
                            "ORDER BY accord, month", [ABRAHAM, PARIS])
    assert growth[-1]["month"] == date.today().replace(day=1)
    for row in growth[:: max(len(growth) // 40, 1)] + growth[-3:]:
        month_end = (row["month"].replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        states = warehouse.rows("SELECT country_code, status, certainty FROM analytics._pair_states(NULL, ?::DATE) "
                                "WHERE accord = ? ORDER BY country_code", [month_end, row["accord"]])
        lower = [s["country_code"] for s in states if s["status"] == "signed" and s["certainty"] == "certain"]
        upper = [s["country_code"] for s in states if s["status"] in ("signed", "announced")]
        assert (row["lower_countries"], row["upper_countries"]) == (lower, upper), (row["accord"], row["month"])
        assert (row["members_lower"], row["members_upper"]) == (len(lower), len(upper))


def test_growth_runs_to_the_current_month_past_the_stored_months(warehouse, tmp_path):  # noqa: F811
    # a warehouse whose stored months end in 2022 (as if rebuilt then): the view still reaches this month,
    # holding the last stored counts (the US rejoined Paris in 2021; nothing changed since)
    copy = tmp_path / "stale.duckdb"
    shutil.copy(warehouse.db_path, copy)
    with duckdb.connect(str(copy)) as conn:
        conn.execute("DELETE FROM analytics.membership_growth_months WHERE month > DATE '2022-01-01'")
        rows = conn.execute("SELECT month, members_lower, members_upper, upper_countries "
                            "FROM analytics.membership_growth_detail WHERE accord = ? ORDER BY month", [PARIS]).fetchall()
    fresh = [(r["month"], r["members_lower"], r["members_upper"], r["upper_countries"]) for r in warehouse.rows(
        "SELECT * FROM analytics.membership_growth_detail WHERE accord = ? ORDER BY month", [PARIS])]
    assert rows == fresh
    assert rows[-1] == (date.today().replace(day=1), 1, 1, ["US"])


def test_growth_counts_view_is_the_detail_without_its_lists(warehouse):  # noqa: F811
    counts = warehouse.rows("SELECT * FROM analytics.membership_growth")
    assert counts and list(counts[0]) == ["accord", "month", "members_lower", "members_upper"]
    detail = warehouse.rows("SELECT accord, month, members_lower, members_upper FROM analytics.membership_growth_detail")
    assert counts == detail


def test_known_as_of_when_a_later_report_moves_the_start_past_the_day(tmp_path):
    # An event reported ahead of its dates (not flagged future) starts on 2021-02-01; a second source
    # (published 2021-03-01) narrows the common window to June, so from 2021-03-01 the event has not
    # started yet: Germany and its claimant drop out of known_as_of until 2021-06-01, then return.
    w = Warehouse.create(tmp_path, [PARIS_REGISTRY])
    first = w.article("first-2021-01-01", datetime(2021, 1, 1, 9, 0), "Outlet A")
    w.claim(first, "DE", "signed", "article", "Germany signs in the course of 2021.", date(2021, 2, 1),
            date(2021, 12, 31), accord=PARIS)
    second = w.article("second-2021-03-01", datetime(2021, 3, 1, 9, 0), "Outlet B")
    w.claim(second, "DE", "signed", "Olaf Scholz", "We sign in June.", date(2021, 6, 1), date(2021, 6, 30),
            accord=PARIS)
    w.claim(second, "FR", "declined", "article", "France will not sign.", accord=PARIS)
    w.materialize()
    germany = {day: {r["country_code"]: r for r in w.rows("SELECT * FROM analytics.known_as_of(?::DATE)", [day])}
               .get("DE") for day in (date(2021, 2, 15), date(2021, 3, 15), date(2021, 6, 15))}
    assert germany[date(2021, 2, 15)]["claimants"] == ["outlet:Outlet A"]
    assert germany[date(2021, 3, 15)] is None
    assert germany[date(2021, 6, 15)]["claimants"] == ["Olaf Scholz", "outlet:Outlet A"]
    for day in known_probe_days(w):
        assert w.rows("SELECT * FROM analytics.known_as_of(?::DATE)", [day]) == direct_known_as_of(w, day), day


def test_known_as_of_lists_only_the_events_started_on_the_day(tmp_path):
    # The same narrowing as above, with Germany also negotiating since 2021-01-01: on 2021-03-15 the pair has
    # a state (negotiating) while its signing has not started, so the day's event_ids hold the negotiation only.
    w = Warehouse.create(tmp_path, [PARIS_REGISTRY])
    first = w.article("first-2021-01-01", datetime(2021, 1, 1, 9, 0), "Outlet A")
    w.claim(first, "DE", "signed", "article", "Germany signs in the course of 2021.", date(2021, 2, 1),
            date(2021, 12, 31), accord=PARIS)
    w.claim(first, "DE", "negotiating", "article", "Germany is in talks.", date(2021, 1, 1), None, accord=PARIS)
    second = w.article("second-2021-03-01", datetime(2021, 3, 1, 9, 0), "Outlet B")
    w.claim(second, "DE", "signed", "Olaf Scholz", "We sign in June.", date(2021, 6, 1), date(2021, 6, 30),
            accord=PARIS)
    w.materialize()
    events = {r["status"]: r["event_id"] for r in w.rows(
        "SELECT status, event_id FROM core.membership_events WHERE country_code = 'DE'")}

    def germany(day: date) -> dict:
        [row] = [r for r in w.rows("SELECT * FROM analytics.known_as_of(?::DATE)", [day]) if r["country_code"] == "DE"]
        return row

    assert germany(date(2021, 3, 15))["status"] == "negotiating"
    assert germany(date(2021, 3, 15))["event_ids"] == [events["negotiating"]]
    assert germany(date(2021, 6, 15))["event_ids"] == sorted(events.values())
    for day in known_probe_days(w):
        assert w.rows("SELECT * FROM analytics.known_as_of(?::DATE)", [day]) == direct_known_as_of(w, day), day
