"""core.membership_events is rebuilt only for the (country, accord) pairs whose inputs changed since the
last run (per-pair fingerprints in core.membership_event_inputs), in passes of a bounded number of claims;
resolution never looks across pairs, so the stored events must always equal one resolution of every claim
(core.resolve_membership_events(NULL), the definition). Each test changes a copy of the scenario
warehouse (test_scenarios), materializes the real resolve asset and compares."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import dagster as dg
import duckdb

from analytics_kit import ABRAHAM, PARIS, Warehouse
from pipelines.resolve import events
from pipelines.resolve.assets import MEMBERSHIP_EVENTS, resolve_assets
from pipelines.resources import WarehouseResource
from test_scenarios import warehouse  # noqa: F401  (the module fixture: the scenario warehouse, materialized)

KZ = f"accord = '{ABRAHAM}' AND country_code = 'KZ'"


def copy_of(w: Warehouse, folder: Path) -> Warehouse:
    folder.mkdir(parents=True)
    shutil.copy(w.db_path, folder / "warehouse.duckdb")
    return Warehouse(folder / "warehouse.duckdb", _claims=1000)


def resolve(w: Warehouse) -> dict:
    """Materialize core.membership_events alone (its inputs are in place); its metadata."""
    result = dg.materialize(resolve_assets, resources={"warehouse": WarehouseResource(db_path=str(w.db_path))})
    assert result.success
    [materialization] = [e.event_specific_data.materialization for e in result.get_asset_materialization_events()
                         if e.asset_key == MEMBERSHIP_EVENTS]
    return {key: value.value for key, value in materialization.metadata.items()}


def stored_differs_from_definition(w: Warehouse, where: str = "TRUE") -> tuple[int, int]:
    """Events (matching ``where``) stored but not in one resolution of every claim, and the reverse."""
    stored = f"SELECT * FROM core.membership_events WHERE {where}"
    defined = f"SELECT * FROM core.resolve_membership_events(NULL) WHERE {where}"
    with duckdb.connect(str(w.db_path), read_only=True) as conn:
        return (conn.execute(f"SELECT count(*) FROM ({stored} EXCEPT ALL {defined})").fetchone()[0],
                conn.execute(f"SELECT count(*) FROM ({defined} EXCEPT ALL {stored})").fetchone()[0])


def event_ids(w: Warehouse, where: str) -> set[str]:
    return {r["event_id"] for r in w.rows(f"SELECT event_id FROM core.membership_events WHERE {where}")}


def test_unchanged_claims_resolve_no_pair(warehouse, tmp_path):  # noqa: F811
    w = copy_of(warehouse, tmp_path / "copy")
    before = w.rows("SELECT * FROM core.membership_events ORDER BY event_id")
    meta = resolve(w)
    # the scenario's pairs: KZ, SD, MA, AE, BH, US, IL under the Abraham Accords; US under Paris
    assert meta["pairs_total"] == 8
    assert (meta["pairs_rebuilt"], meta["pairs_removed"], meta["resolve_passes"], meta["full_rebuild"]) == (0, 0, 0, False)
    assert w.rows("SELECT * FROM core.membership_events ORDER BY event_id") == before


def test_a_changed_pair_is_resolved_alone_and_equals_the_definition(warehouse, tmp_path):  # noqa: F811
    w = copy_of(warehouse, tmp_path / "copy")
    others_before = event_ids(w, f"NOT ({KZ})")
    # Kazakhstan only: a new signing report, one claim gone, a claim re-dated
    new = w.article("astana-2025-11-20", datetime(2025, 11, 20, 7, 0), "Astana Times")
    w.claim(new, "KZ", "signed", "Government of Kazakhstan", "Kazakhstan signed the accession documents.",
            date(2025, 11, 18), date(2025, 11, 18))
    with duckdb.connect(str(w.db_path)) as conn:
        conn.execute(f"DELETE FROM core.claims WHERE {KZ} AND is_future")
        conn.execute(f"UPDATE core.claims SET date_lower = DATE '2025-11-05' WHERE {KZ} AND article_id = 'tass-2025-11-09'")
    meta = resolve(w)
    assert (meta["pairs_rebuilt"], meta["pairs_removed"], meta["full_rebuild"]) == (1, 0, False)
    assert meta["claims_resolved_this_run"] == 3  # Kazakhstan's claims now: AP's report, TASS's, Astana's
    assert event_ids(w, f"NOT ({KZ})") == others_before
    kz = w.rows(f"SELECT status, date_lower, date_upper FROM core.membership_events WHERE {KZ} ORDER BY status")
    # the promised signing (is_future) is gone; the new signing of 18 November is there
    assert {r["status"] for r in kz} == {"announced", "signed"}
    assert {"status": "signed", "date_lower": date(2025, 11, 18), "date_upper": date(2025, 11, 18)} in kz
    assert stored_differs_from_definition(w) == (0, 0)


def test_a_changed_article_or_accord_date_reaches_the_pairs_that_read_it(warehouse, tmp_path):  # noqa: F811
    w = copy_of(warehouse, tmp_path / "copy")
    with duckdb.connect(str(w.db_path)) as conn:
        # Weekly B's undated claim about Bahrain is bounded by its publication day; its publisher is a claimant
        conn.execute("UPDATE core.articles SET published_at = TIMESTAMP '2020-09-14 09:00', publisher = 'Weekly C' "
                     "WHERE article_id = 'weekly-2020-09-20'")
    meta = resolve(w)
    assert (meta["pairs_rebuilt"], meta["full_rebuild"]) == (1, False)
    assert w.rows(f"SELECT claimants FROM core.membership_events WHERE accord = '{ABRAHAM}' AND country_code = 'BH' "
                  "AND status = 'negotiating'") == [{"claimants": ["outlet:Weekly C"]}]
    assert stored_differs_from_definition(w) == (0, 0)

    with duckdb.connect(str(w.db_path)) as conn:  # Paris's start date bounds the undated claims of its pairs only
        conn.execute("UPDATE core.accords SET start_date = DATE '2015-12-13' WHERE accord = ?", [PARIS])
    assert resolve(w)["pairs_rebuilt"] == 1
    assert stored_differs_from_definition(w) == (0, 0)


def test_a_pair_left_without_claims_loses_its_events(warehouse, tmp_path):  # noqa: F811
    w = copy_of(warehouse, tmp_path / "copy")
    paris = f"accord = '{PARIS}'"
    assert event_ids(w, paris)
    with duckdb.connect(str(w.db_path)) as conn:
        conn.execute(f"DELETE FROM core.claims WHERE {paris}")
    meta = resolve(w)
    assert (meta["pairs_rebuilt"], meta["pairs_removed"], meta["pairs_total"], meta["full_rebuild"]) == (0, 1, 7, False)
    assert event_ids(w, paris) == set()
    assert w.rows(f"SELECT * FROM core.membership_event_inputs WHERE {paris}") == []
    assert stored_differs_from_definition(w) == (0, 0)


def test_another_build_or_no_bookkeeping_resolves_every_pair(warehouse, tmp_path):  # noqa: F811
    w = copy_of(warehouse, tmp_path / "copy")
    with duckdb.connect(str(w.db_path)) as conn:
        conn.execute("UPDATE core.membership_event_inputs SET build_key = 'an older build'")
    meta = resolve(w)
    assert (meta["pairs_rebuilt"], meta["full_rebuild"]) == (8, True)
    assert stored_differs_from_definition(w) == (0, 0)

    # a warehouse from before the bookkeeping: no fingerprints, and an event no claim supports any more
    with duckdb.connect(str(w.db_path)) as conn:
        conn.execute("DELETE FROM core.membership_event_inputs")
        conn.execute("INSERT INTO core.membership_events SELECT * REPLACE ('stale-event' AS event_id, 'NO' AS country_code) "
                     "FROM core.membership_events LIMIT 1")
    meta = resolve(w)
    assert (meta["pairs_rebuilt"], meta["full_rebuild"]) == (8, True)
    assert event_ids(w, "country_code = 'NO'") == set()
    assert stored_differs_from_definition(w) == (0, 0)


def test_one_pair_per_pass_gives_the_same_events(warehouse, tmp_path):  # noqa: F811
    w = copy_of(warehouse, tmp_path / "copy")
    with duckdb.connect(str(w.db_path)) as conn:
        conn.execute("DELETE FROM core.membership_event_inputs")
        figures = events.rebuild_membership_events(conn, claims_per_pass=1)
    assert figures["passes"] == figures["pairs_rebuilt"] == figures["pairs_total"] == 8
    assert figures["claims_resolved"] == len(w.rows("SELECT claim_id FROM core.claims"))
    assert stored_differs_from_definition(w) == (0, 0)
    assert w.rows("SELECT * FROM core.membership_events ORDER BY event_id") == warehouse.rows(
        "SELECT * FROM core.membership_events ORDER BY event_id")


def test_pair_keys_with_quotes_are_literal_safe(tmp_path):
    assert events.sql_string_list(["US|Paris Agreement", "KZ|O'Hare Pact"]) == (
        "CAST(['US|Paris Agreement', 'KZ|O''Hare Pact'] AS VARCHAR[])")
    with duckdb.connect() as conn:
        assert conn.execute(f"SELECT {events.sql_string_list(['a', 'b', 'KZ|O' + chr(39) + 'Hare'])}").fetchone()[0] == [
            "a", "b", "KZ|O'Hare"]
        assert conn.execute(f"SELECT {events.sql_string_list([])}").fetchone()[0] == []
