"""Keeping the validation history in DuckDB: ``quality.validation_results``, ``quality.row_counts``
and ``quality.validation_scopes``.

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
from pipelines.quality.sql_checks import jsonable

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
    result_rows = []
    count_rows = []
    scope_rows = []
    for suite in suite_outcomes:
        for o in suite.outcomes:
            result_rows.append(
                (
                    suite.run_id,
                    suite.spec.asset_key,
                    suite.spec.asset_key,
                    o.expectation_type,
                    json.dumps(jsonable(_compact_kwargs(o.kwargs)), sort_keys=True),
                    o.severity,
                    o.success,
                    None if o.observed_value is None else json.dumps(jsonable(o.observed_value)),
                    o.unexpected_count,
                    json.dumps(jsonable(o.unexpected_sample)) if o.unexpected_sample else None,
                    validated_at,
                )
            )
        if suite.row_count is not None:
            count_rows.append((suite.run_id, suite.spec.asset_key, suite.row_count, validated_at))
        if suite.scope is not None:
            sc = suite.scope
            scope_rows.append((suite.run_id, suite.spec.asset_key, sc.mode, sc.basis, sc.since, sc.high_water,
                               sc.rows_in_table, sc.rows_in_scope, sc.rows_validated, sc.max_rows,
                               suite.has_error, validated_at))
    if result_rows:
        conn.executemany(
            "INSERT INTO quality.validation_results (run_id, asset, suite, expectation_type, kwargs_json, "
            "severity, success, observed_value, unexpected_count, unexpected_sample, validated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            result_rows,
        )
    if count_rows:
        conn.executemany(
            "INSERT INTO quality.row_counts (run_id, asset, row_count, counted_at) VALUES (?, ?, ?, ?)", count_rows
        )
    if scope_rows:
        conn.executemany(
            "INSERT INTO quality.validation_scopes (run_id, asset, scope_mode, basis, since, high_water, "
            "rows_in_table, rows_in_scope, rows_validated, max_rows, has_error, validated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            scope_rows,
        )
    return len(result_rows)
