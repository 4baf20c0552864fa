"""The known_as_of build replays only the (accord, country) pairs whose claims changed since the last
build (per-pair fingerprints in analytics.known_pair_inputs) and keeps the stored rows of the others;
resolution never looks across pairs, so the result must equal a build from scratch on the same claims.
Each test starts from a copy of the scenario warehouse (test_scenarios), changes it, materializes the
real assets and compares the stored tables with a full build of the same file."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import dagster as dg
import duckdb

from analytics_kit import ABRAHAM, PARIS, Warehouse
from pipelines.analytics import known
from pipelines.analytics.assets import analytics_assets
from pipelines.resources import WarehouseResource
from test_precomputed_states import direct_known_as_of, known_probe_days
from test_scenarios import warehouse  # noqa: F401  (the module fixture: the scenario warehouse, materialized)

KNOWN = dg.AssetKey(["analytics", "known_as_of"])
STORED = ("known_state_intervals", "known_claimant_spans")


def copy_of(w: Warehouse, folder: Path) -> Warehouse:
    folder.mkdir(parents=True)
    shutil.copy(w.db_path, folder / "warehouse.duckdb")
    return Warehouse(folder / "warehouse.duckdb", _claims=1000)


def known_metadata(result: dg.ExecuteInProcessResult) -> dict:
    [materialization] = [e.event_specific_data.materialization for e in result.get_asset_materialization_events()
                         if e.asset_key == KNOWN]
    return {key: value.value for key, value in materialization.metadata.items()}


def build_known(w: Warehouse) -> dict:
    """Materialize the known_as_of asset alone (its inputs are in place); its metadata."""
    [asset] = [a for a in analytics_assets if KNOWN in a.keys]
    result = dg.materialize([asset], resources={"warehouse": WarehouseResource(db_path=str(w.db_path))})
    assert result.success
    return known_metadata(result)


def full_build_of(w: Warehouse, folder: Path) -> Warehouse:
    """A copy of ``w`` whose known_as_of tables are built from scratch (no stored fingerprints)."""
    full = copy_of(w, folder)
    with duckdb.connect(str(full.db_path)) as conn:
        conn.execute("DROP TABLE analytics.known_pair_inputs")
    meta = build_known(full)
    assert meta["build_full_rebuild"] is True
    assert meta["build_pairs_rebuilt"] == meta["build_pairs_total"]
    return full


def differences(a: Warehouse, b: Warehouse, where: str = "TRUE") -> dict[str, tuple[int, int]]:
    """Per stored table, the rows (matching ``where``) only in a and only in b."""
    out = {}
    with duckdb.connect() as conn:
        conn.execute(f"ATTACH '{a.db_path}' AS a (READ_ONLY)")
        conn.execute(f"ATTACH '{b.db_path}' AS b (READ_ONLY)")
        for table in STORED:
            left = f"SELECT * FROM a.analytics.{table} WHERE {where}"
            right = f"SELECT * FROM b.analytics.{table} WHERE {where}"
            out[table] = (conn.execute(f"SELECT count(*) FROM ({left} EXCEPT ALL {right})").fetchone()[0],
                          conn.execute(f"SELECT count(*) FROM ({right} EXCEPT ALL {left})").fetchone()[0])
    return out


def no_differences(a: Warehouse, b: Warehouse, where: str = "TRUE") -> bool:
    return all(d == (0, 0) for d in differences(a, b, where).values())


def test_unchanged_claims_rebuild_no_pair(warehouse, tmp_path):  # noqa: F811
    w = copy_of(warehouse, tmp_path / "copy")
    meta = build_known(w)
    assert meta["build_pairs_rebuilt"] == 0 and meta["build_pairs_removed"] == 0
    assert meta["build_pairs_total"] >= 5 and meta["build_full_rebuild"] is False
    assert "build_seconds" in meta
    assert no_differences(w, warehouse)


def test_a_changed_pair_is_rebuilt_alone_and_equals_a_full_build(warehouse, tmp_path):  # noqa: F811
    w = copy_of(warehouse, tmp_path / "incremental")
    kz = f"accord = '{ABRAHAM}' AND country_code = 'KZ'"
    # Kazakhstan only: a new article, a claim superseded (deleted), a claim's date and a publication day changed
    new = w.article("astana-2025-11-20", datetime(2025, 11, 20, 7, 0), "Astana Times")
    w.claim(new, "KZ", "signed", "Government of Kazakhstan", "Kazakhstan signed the accession documents.",
            date(2025, 11, 18), date(2025, 11, 18))
    with duckdb.connect(str(w.db_path)) as conn:
        [(superseded,)] = conn.execute(f"SELECT claim_id FROM core.claims WHERE {kz} AND NOT is_future "
                                       "AND article_id = 'ap-2025-11-06'").fetchall()
        conn.execute("DELETE FROM core.claims WHERE claim_id = ?", [superseded])
        conn.execute(f"UPDATE core.claims SET date_lower = DATE '2025-11-05' WHERE {kz} "
                     "AND article_id = 'tass-2025-11-09'")
        conn.execute("UPDATE core.articles SET published_at = TIMESTAMP '2025-11-10 08:00' "
                     "WHERE article_id = 'tass-2025-11-09'")
    meta = known_metadata(w.materialize())  # the whole resolve and analytics run, as the pipeline does it
    assert meta["build_full_rebuild"] is False
    assert meta["build_pairs_rebuilt"] == 1 and meta["build_pairs_removed"] == 0
    assert meta["build_pairs_total"] == build_known(copy_of(warehouse, tmp_path / "before"))["build_pairs_total"]
    # the other pairs keep their stored rows; Kazakhstan's changed
    assert no_differences(w, warehouse, f"NOT ({kz})")
    assert not no_differences(w, warehouse, kz)
    # the same rows as a build from scratch, and known_as_of(d) still its definition on every day that matters
    assert no_differences(w, full_build_of(w, tmp_path / "full"))
    for day in known_probe_days(w):
        assert w.rows("SELECT * FROM analytics.known_as_of(?::DATE)", [day]) == direct_known_as_of(w, day), day


def test_a_pair_left_without_claims_is_removed(warehouse, tmp_path):  # noqa: F811
    w = copy_of(warehouse, tmp_path / "incremental")
    with duckdb.connect(str(w.db_path)) as conn:
        conn.execute("DELETE FROM core.claims WHERE accord = ? AND country_code = 'US'", [PARIS])
    meta = build_known(w)
    assert (meta["build_pairs_rebuilt"], meta["build_pairs_removed"], meta["build_full_rebuild"]) == (0, 1, False)
    assert w.rows(f"SELECT * FROM analytics.known_state_intervals WHERE accord = '{PARIS}'") == []
    assert w.rows(f"SELECT * FROM analytics.known_claimant_spans WHERE accord = '{PARIS}'") == []
    assert w.rows(f"SELECT * FROM analytics.known_pair_inputs WHERE accord = '{PARIS}'") == []
    assert no_differences(w, full_build_of(w, tmp_path / "full"))


def test_another_build_rebuilds_every_pair(warehouse, tmp_path):  # noqa: F811
    # rows stored by another version of the build (or other state rules) are not kept
    w = copy_of(warehouse, tmp_path / "copy")
    with duckdb.connect(str(w.db_path)) as conn:
        conn.execute("UPDATE analytics.known_pair_inputs SET build_key = 'an older build'")
    meta = build_known(w)
    assert meta["build_full_rebuild"] is True and meta["build_pairs_rebuilt"] == meta["build_pairs_total"]
    assert no_differences(w, warehouse)


def test_small_chunks_and_version_slices_give_the_same_rows(warehouse, tmp_path, monkeypatch):  # noqa: F811
    # one pair per chunk and a few versions per evaluation: the bounded-memory path on a small warehouse
    monkeypatch.setattr(known, "CHUNK_CLAIMS", 1)
    monkeypatch.setattr(known, "SLICE_ALIVE", 2)
    w = full_build_of(warehouse, tmp_path / "small")
    meta = build_known(w)  # nothing changed since: no pair rebuilt
    assert meta["build_pairs_rebuilt"] == 0
    with duckdb.connect(str(w.db_path)) as conn:
        conn.execute("DROP TABLE analytics.known_pair_inputs")
    meta = build_known(w)
    assert meta["build_chunks"] == meta["build_pairs_total"] and meta["build_slices"] > meta["build_chunks"]
    assert no_differences(w, warehouse)


def test_changed_accord_dates_reach_the_stored_counterparty_rows(warehouse, tmp_path):  # noqa: F811
    # the counterparty rows come from a table the build stores (analytics.known_counterparty_states): a changed
    # accord end date rebuilds no pair (its claims' windows do not read it) but must still end Israel's row
    w = copy_of(warehouse, tmp_path / "copy")
    end = date(2025, 11, 10)
    with duckdb.connect(str(w.db_path)) as conn:
        conn.execute("UPDATE core.accords SET end_date = ? WHERE accord = ?", [end, ABRAHAM])
    meta = build_known(w)
    assert meta["build_pairs_rebuilt"] == 0
    days_listed = 0
    for day in known_probe_days(w):
        rows = w.rows("SELECT * FROM analytics.known_as_of(?::DATE)", [day])
        assert rows == direct_known_as_of(w, day), day
        abraham = {r["country_code"] for r in rows if r["accord"] == ABRAHAM}
        if abraham - {"IL"}:  # a joiner is listed that day: Israel with it until the end date only
            assert ("IL" in abraham) == (day <= end), day
            days_listed += "IL" in abraham
    assert days_listed > 0
