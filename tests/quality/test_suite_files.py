"""The suite files themselves: present, named after their asset, loadable by GX, about real columns."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.quality.suites import SUITE_SPECS, WARN, effective_severity, load_suite_dict, spec_for
from pipelines.quality.value_sets import VALUE_SET_NAMES, default_value_sets, refs_in, resolve_refs
from pipelines.warehouse import apply_schema

BLOCKING_IN_ISSUE = {"raw.articles", "core.articles", "core.sentences", "core.entities", "core.mentions",
                     "core.claims", "core.membership_events"}


def _columns_used(expectation: dict) -> set[str]:
    kw = expectation["kwargs"]
    cols = {kw[k] for k in ("column", "column_A", "column_B") if k in kw}
    cols |= set(kw.get("column_list", [])) | set(kw.get("column_set", []))
    return cols


def test_blocking_suites_are_exactly_the_ones_the_views_depend_on():
    assert {s.asset_key for s in SUITE_SPECS if s.blocking} == BLOCKING_IN_ISSUE
    assert all(s.severity == WARN and not s.blocking for s in SUITE_SPECS if s.asset_key.startswith("analytics."))


@pytest.mark.parametrize("spec", SUITE_SPECS, ids=lambda s: s.asset_key)
def test_suite_file_is_named_after_its_asset_and_refers_to_known_sets(spec):
    assert spec.suite_file.name == f"{spec.asset_key}.json"
    suite = load_suite_dict(spec)
    assert suite["name"] == spec.asset_key
    assert suite["expectations"], "a suite without expectations checks nothing"
    for exp in suite["expectations"]:
        assert set(refs_in(exp)) <= set(VALUE_SET_NAMES)


def test_core_and_raw_suites_only_name_columns_of_the_schema():
    conn = duckdb.connect()
    apply_schema(conn)
    for spec in SUITE_SPECS:
        if spec.asset_key.startswith("analytics."):
            continue
        schema, table = spec.table.split(".")
        actual = {r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
            [schema, table]).fetchall()}
        for exp in load_suite_dict(spec)["expectations"]:
            assert _columns_used(exp) <= actual, (spec.asset_key, exp["type"], _columns_used(exp) - actual)


def test_every_suite_loads_through_the_gx_api_with_value_sets_resolved(gx_imported):
    gx = gx_imported
    value_sets = default_value_sets()
    for spec in SUITE_SPECS:
        suite_dict = load_suite_dict(spec)
        resolved = [resolve_refs(e, value_sets) for e in suite_dict["expectations"]]
        suite = gx.ExpectationSuite(name=spec.asset_key, expectations=resolved)
        round_trip = suite.to_json_dict()
        assert [e["type"] for e in round_trip["expectations"]] == [e["type"] for e in suite_dict["expectations"]]
        severities = {e["severity"] for e in round_trip["expectations"]}
        assert severities <= {"critical", "warning"}


def test_published_at_presence_is_only_a_warning_in_a_blocking_suite():
    spec = spec_for("core.articles")
    [exp] = [e for e in load_suite_dict(spec)["expectations"]
             if e["type"] == "expect_column_values_to_not_be_null" and e["kwargs"]["column"] == "published_at"]
    assert spec.blocking
    assert effective_severity(spec, exp["severity"]) == WARN
    assert effective_severity(spec, "critical") == "ERROR"
    assert effective_severity(spec_for("analytics.membership_growth"), "critical") == WARN
