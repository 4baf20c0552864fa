"""Keeping the validation history in DuckDB: ``quality.validation_results``, ``quality.row_counts``
and ``quality.validation_scopes`` (and ``quality.validated_rows``, see :mod:`pipelines.quality.scope`).

One row per expectation (GX or SQL) per suite per run, so "when did this start failing" is

    SELECT min(validated_at) FROM quality.validation_results
    WHERE asset = 'core.claims' AND expectation_type = '...' AND NOT success;
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone

import duckdb

from pipelines.quality.outcomes import SuiteOutcome
from pipelines.quality.scope import remember_validated_rows
from pipelines.quality.sql_checks import jsonable
from pipelines.warehouse import insert_rows

MAX_VALUE_SET_IN_KWARGS = 20


def _compact_kwargs(kwargs: dict) -> dict:
    """Kwargs for storage: long value sets (hundreds of country codes) are abbreviated."""
    out = {}
    for key, value in kwargs.items():
        if key == "batch_id":
            continue
        if isinstance(value, (list, tuple)) and len(value) > MAX_VALUE_SET_IN_KWARGS:
            value = {"n_values": len(value), "first": list(value)[:MAX_VALUE_SET_IN_KWARGS]}
        out[key] = value
    return out


def utc_now() -> datetime:
    """Naive UTC timestamp (the warehouse stores UTC in TIMESTAMP columns)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def record_outcomes(
    conn: duckdb.DuckDBPyConnection, suite_outcomes: Iterable[SuiteOutcome], validated_at: datetime | None = None
) -> int:
    """Append one ``quality.validation_results`` row per expectation, one ``quality.row_counts``
    row per suite (when the table could be counted) and one ``quality.validation_scopes`` row per
    suite (which rows GX read). Returns the number of result rows written."""
    validated_at = validated_at or utc_now()
    suite_outcomes = list(suite_outcomes)
    result_rows: list[dict] = []
    count_rows: list[dict] = []
    scope_rows: list[dict] = []
    for suite in suite_outcomes:
        run_asset = {"run_id": suite.run_id, "asset": suite.spec.asset_key}
        for o in suite.outcomes:
            result_rows.append({
                **run_asset,
                "suite": suite.spec.asset_key,
                "expectation_type": o.expectation_type,
                "kwargs_json": json.dumps(jsonable(_compact_kwargs(o.kwargs)), sort_keys=True),
                "severity": o.severity,
                "success": o.success,
                "observed_value": None if o.observed_value is None else json.dumps(jsonable(o.observed_value)),
                "unexpected_count": o.unexpected_count,
                "unexpected_sample": json.dumps(jsonable(o.unexpected_sample)) if o.unexpected_sample else None,
                "validated_at": validated_at,
            })
        if suite.row_count is not None:
            count_rows.append({**run_asset, "row_count": suite.row_count, "counted_at": validated_at})
        if suite.scope is not None:
            sc = suite.scope
            scope_rows.append({
                **run_asset, "scope_mode": sc.mode, "basis": sc.basis, "since": sc.since, "high_water": sc.high_water,
                "rows_in_table": sc.rows_in_table, "rows_in_scope": sc.rows_in_scope,
                "rows_validated": sc.rows_validated, "max_rows": sc.max_rows, "has_error": suite.has_error,
                "validated_at": validated_at,
            })
    # One Arrow insert per table (executemany costs a statement per row: ~2 s for a run's 15 suites).
    insert_rows(conn, "quality.validation_results", result_rows)
    insert_rows(conn, "quality.row_counts", count_rows)
    insert_rows(conn, "quality.validation_scopes", scope_rows)
    for suite in suite_outcomes:
        if suite.scope is not None and not suite.has_error:
            remember_validated_rows(conn, suite.spec, suite.scope)
    return len(result_rows)
