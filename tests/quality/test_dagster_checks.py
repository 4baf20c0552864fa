"""The Dagster side: one check per suite, and a failed blocking check keeps the views out of the run.

The graph here is a stand-in (an asset that (re)writes ``core.claims`` and a view downstream of it)
so the blocking behaviour is tested on its own; the real graph is exercised by the seed tests.
"""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest
from conftest import ARTICLE_ID, BODY

from pipelines.quality.checks import CHECK_NAME, build_quality_checks
from pipelines.quality.suites import SUITE_SPECS
from pipelines.resources import GreatExpectationsResource, WarehouseResource

CLAIMS = dg.AssetKey(["core", "claims"])
TIMELINE = dg.AssetKey(["analytics", "membership_timeline"])


def test_one_check_per_suite_with_the_suites_blocking_flag():
    checks = build_quality_checks()
    specs = [spec for check in checks for spec in check.check_specs]
    assert [s.asset_key.to_user_string().replace("/", ".") for s in specs] == [s.asset_key for s in SUITE_SPECS]
    assert [s.blocking for s in specs] == [s.blocking for s in SUITE_SPECS]
    assert {s.name for s in specs} == {CHECK_NAME}


def test_checks_can_be_limited_to_existing_assets():
    checks = build_quality_checks(["core.claims", CLAIMS, dg.AssetKey(["analytics", "membership_growth"]), "x.y"])
    keys = sorted(k.asset_key.to_user_string() for c in checks for k in c.check_keys)
    assert keys == ["analytics/membership_growth", "core/claims"]


CORRUPTIONS = {
    # asset: (statements that corrupt its table, failing expectation, offending value in the failure)
    "raw.articles": (["ALTER TABLE raw.articles RENAME TO articles_x",
                      "CREATE TABLE raw.articles AS SELECT * FROM raw.articles_x UNION ALL SELECT * FROM raw.articles_x"],
                     "expect_column_values_to_be_unique", ARTICLE_ID),
    "core.articles": (["UPDATE core.articles SET n_chars = 999"], "sql:article_n_chars_matches_body", 999),
    "core.sentences": ([f"UPDATE core.sentences SET end_char = {len(BODY) + 7} WHERE sentence_idx = 1"],
                       "sql:sentence_offsets_inside_body", len(BODY) + 7),
    "core.entities": (["UPDATE core.entities SET iso2 = 'KAZ' WHERE entity_id = 'country:KZ'"],
                      "expect_column_values_to_be_in_set", "KAZ"),
    "core.mentions": (["UPDATE core.mentions SET entity_id = 'country:ZZZ' WHERE text = 'Kazakhstan'"],
                      "sql:mention_entity_exists", "country:ZZZ"),
    "core.claims": (["UPDATE core.claims SET country_code = 'KAZ' WHERE claim_id = 'claim-kz'"],
                    "expect_column_values_to_be_in_set", "KAZ"),
    "core.membership_events": (["UPDATE core.membership_events SET claim_ids = ['claim-missing'] "
                                "WHERE event_id = 'event-ae'"], "sql:event_claims_exist_and_agree", "claim-missing"),
}


def _graph(asset_key: str, statements: list[str]):
    """A stand-in producer of ``asset_key`` that runs ``statements``, and a view downstream of it."""
    key = dg.AssetKey(asset_key.split("."))

    @dg.asset(key=key, required_resource_keys={"warehouse"})
    def producer(context):
        with context.resources.warehouse.connect() as conn:
            for statement in statements:
                conn.execute(statement)

    @dg.asset(key=TIMELINE, deps=[key])
    def timeline():
        return None

    return [producer, timeline, *build_quality_checks([asset_key])]


def _materialize(db_path, asset_key: str, statements: list[str]):
    return dg.materialize(
        _graph(asset_key, statements), resources={"warehouse": WarehouseResource(db_path=str(db_path)), "gx": GreatExpectationsResource()},
        raise_on_error=False,
    )


def _materialized(result) -> set[dg.AssetKey]:
    return {e.asset_key for e in result.get_asset_materialization_events()}


@pytest.mark.parametrize("asset_key", sorted(CORRUPTIONS))
def test_failed_blocking_check_stops_the_downstream_view(valid_db, gx_imported, asset_key):
    statements, expectation, offending = CORRUPTIONS[asset_key]
    result = _materialize(valid_db, asset_key, statements)
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.asset_key == dg.AssetKey(asset_key.split(".")) and not evaluation.passed
    assert evaluation.severity == dg.AssetCheckSeverity.ERROR
    failures = [f for f in evaluation.metadata["failures"].value if f["expectation"] == expectation]
    assert failures and failures[0]["severity"] == "ERROR"
    assert offending in _sample_values(failures[0]["unexpected_sample"])
    assert evaluation.metadata["expectations_failed"].value >= 1
    assert evaluation.metadata["expectations_evaluated"].value > evaluation.metadata["expectations_failed"].value
    assert _materialized(result) == {dg.AssetKey(asset_key.split("."))}  # the view was not built
    with duckdb.connect(str(valid_db), read_only=True) as conn:
        run_ids = conn.execute("SELECT DISTINCT run_id FROM quality.validation_results").fetchall()
    assert run_ids == [(result.run_id,)]


def _sample_values(sample: list) -> list:
    """Every scalar in a failure sample (GX {'value', 'row'} entries or SQL row dicts)."""
    values = []
    for entry in sample:
        if isinstance(entry, dict):
            values += [v for v in entry.values() if not isinstance(v, dict)]
        else:
            values.append(entry)
    return values


def test_passing_blocking_check_lets_the_view_build(valid_db, gx_imported):
    result = _materialize(valid_db, "core.claims", [])
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.passed
    assert _materialized(result) == {CLAIMS, TIMELINE}


def test_claim_dated_after_publication_warns_and_lets_the_view_build(valid_db, gx_imported):
    # published 2025-11-07, the claim's event put in December: a wrong date somewhere, not a broken table
    result = _materialize(valid_db, "core.claims", [
        "UPDATE core.claims SET date_lower = DATE '2025-12-01', date_upper = DATE '2025-12-31', "
        "date_edtf = '2025-12' WHERE claim_id = 'claim-kz'"])
    [evaluation] = result.get_asset_check_evaluations()
    assert not evaluation.passed and evaluation.severity == dg.AssetCheckSeverity.WARN
    [failure] = evaluation.metadata["failures"].value
    assert failure["expectation"] == "sql:claim_event_not_after_publication"
    assert failure["unexpected_sample"][0]["claim_id"] == "claim-kz"
    assert _materialized(result) == {CLAIMS, TIMELINE}


def test_a_second_run_validates_only_what_it_changed_and_records_the_scope(valid_db, gx_imported):
    first = _materialize(valid_db, "core.claims", [])
    [evaluation] = first.get_asset_check_evaluations()
    scope = evaluation.metadata["row_scope"].value
    assert evaluation.passed and scope["mode"] == "changed"
    assert scope["basis"] == "whole_table_no_previous_validation" and scope["rows_validated"] == 2
    # the second run re-extracts the article (its stage_log entry is newer): its claims are re-read
    second = _materialize(valid_db, "core.claims", [
        "UPDATE core.stage_log SET processed_at = TIMESTAMP '2025-11-09 00:00:00'",
        "UPDATE core.claims SET country_code = 'KAZ' WHERE claim_id = 'claim-kz'"])
    [evaluation] = second.get_asset_check_evaluations()
    scope = evaluation.metadata["row_scope"].value
    assert (scope["basis"], scope["since"], scope["rows_validated"]) == ("changed_since", "2025-11-08T12:00:00", 2)
    assert evaluation.metadata["rows_validated_by_gx"].value == 2
    assert not evaluation.passed and evaluation.severity == dg.AssetCheckSeverity.ERROR
    assert "KAZ" in _sample_values(next(f for f in evaluation.metadata["failures"].value
                                        if f["expectation"] == "expect_column_values_to_be_in_set")["unexpected_sample"])
    assert _materialized(second) == {CLAIMS}


DATES = dg.AssetKey(["core", "dates"])


def test_the_real_checks_run_one_step_per_writing_step_with_one_check_per_suite():
    from pipelines.definitions import CHECK_GROUPS, defs

    job = defs.resolve_implicit_global_asset_job_def()
    check_steps = {name: node.definition for name, node in
                   ((n, job.graph.node_named(n)) for n in job.graph.node_names()) if name.endswith("_quality_suites")}
    assert set(check_steps) == set(CHECK_GROUPS)
    keys = [key for check in defs.asset_checks for key in check.check_keys]
    assert sorted(k.asset_key.to_user_string().replace("/", ".") for k in keys) == sorted(s.asset_key for s in SUITE_SPECS)
    extraction = next(c for c in defs.asset_checks if c.node_def.name == "core_extraction_quality_suites")
    assert {k.asset_key for k in extraction.check_keys} == {
        dg.AssetKey(["core", t]) for t in ("entities", "mentions", "person_roles", "dates", "claims")}


def _two_tables_one_check_step(statements: list[str]):
    """Producers of core.claims (running ``statements``) and core.dates, a view downstream of the
    claims, and the two tables' checks in one step."""

    @dg.asset(key=CLAIMS, required_resource_keys={"warehouse"})
    def claims(context):
        with context.resources.warehouse.connect() as conn:
            for statement in statements:
                conn.execute(statement)

    @dg.asset(key=DATES)
    def dates():
        return None

    @dg.asset(key=TIMELINE, deps=[CLAIMS])
    def timeline():
        return None

    checks = build_quality_checks([CLAIMS, DATES], groups={"extraction_checks": [CLAIMS, DATES]})
    return [claims, dates, timeline, *checks]


def _resources(db_path) -> dict:
    return {"warehouse": WarehouseResource(db_path=str(db_path)), "gx": GreatExpectationsResource()}


def test_checks_in_one_step_each_give_their_own_result_and_block_their_own_asset(valid_db, gx_imported):
    definitions = _two_tables_one_check_step(["UPDATE core.claims SET country_code = 'KAZ' WHERE claim_id = 'claim-kz'"])
    assert len(definitions[3:]) == 1  # one check definition (one step) for both suites
    result = dg.materialize(definitions, resources=_resources(valid_db), raise_on_error=False)
    evaluations = {e.asset_key: e for e in result.get_asset_check_evaluations()}
    assert set(evaluations) == {CLAIMS, DATES}
    assert not evaluations[CLAIMS].passed and evaluations[CLAIMS].severity == dg.AssetCheckSeverity.ERROR
    assert evaluations[DATES].passed
    assert evaluations[DATES].metadata["suite"].value == "core.dates"
    assert _materialized(result) == {CLAIMS, DATES}  # the failed blocking check kept the view out


def test_a_run_selecting_part_of_a_check_step_runs_only_those_checks(valid_db, gx_imported):
    result = dg.materialize(_two_tables_one_check_step([]), resources=_resources(valid_db),
                            selection=dg.AssetSelection.assets(CLAIMS))
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.asset_key == CLAIMS and evaluation.passed
    with duckdb.connect(str(valid_db), read_only=True) as conn:
        assert conn.execute("SELECT DISTINCT asset FROM quality.validation_results").fetchall() == [("core.claims",)]
