"""The Dagster side: one check per suite, and a failed blocking check keeps the views out of the run.

The graph here is a stand-in (an asset that (re)writes ``core.claims`` and a view downstream of it)
so the blocking behaviour is tested on its own; the real graph is exercised by the seed tests.
"""

from __future__ import annotations

import dagster as dg
import duckdb

from pipelines.quality.checks import CHECK_NAME, build_quality_checks
from pipelines.quality.suites import SUITE_SPECS
from pipelines.resources import WarehouseResource

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


def _graph(bad_code: str | None):
    @dg.asset(key=CLAIMS, required_resource_keys={"warehouse"})
    def claims(context):
        if bad_code:
            with context.resources.warehouse.connect() as conn:
                conn.execute("UPDATE core.claims SET country_code = ? WHERE claim_id = 'claim-kz'", [bad_code])

    @dg.asset(key=TIMELINE, deps=[CLAIMS])
    def timeline():
        return None

    return [claims, timeline, *build_quality_checks(["core.claims"])]


def _materialize(db_path, bad_code):
    return dg.materialize(
        _graph(bad_code), resources={"warehouse": WarehouseResource(db_path=str(db_path))}, raise_on_error=False
    )


def _materialized(result) -> set[dg.AssetKey]:
    return {e.asset_key for e in result.get_asset_materialization_events()}


def test_failed_blocking_check_stops_the_downstream_view(valid_db, gx_imported):
    result = _materialize(valid_db, "KAZ")
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.asset_key == CLAIMS and not evaluation.passed
    assert evaluation.severity == dg.AssetCheckSeverity.ERROR
    failures = evaluation.metadata["failures"].value
    in_set = [f for f in failures if f["expectation"] == "expect_column_values_to_be_in_set"
              and f["column"] == "country_code"]
    assert in_set[0]["unexpected_sample"] == [{"value": "KAZ", "row": {"claim_id": "claim-kz"}}]
    assert evaluation.metadata["expectations_failed"].value >= 1
    assert evaluation.metadata["expectations_evaluated"].value > evaluation.metadata["expectations_failed"].value
    assert _materialized(result) == {CLAIMS}  # the view was not built
    with duckdb.connect(str(valid_db), read_only=True) as conn:
        run_ids = conn.execute("SELECT DISTINCT run_id FROM quality.validation_results").fetchall()
    assert run_ids == [(result.run_id,)]


def test_passing_blocking_check_lets_the_view_build(valid_db, gx_imported):
    result = _materialize(valid_db, None)
    [evaluation] = result.get_asset_check_evaluations()
    assert evaluation.passed
    assert _materialized(result) == {CLAIMS, TIMELINE}
