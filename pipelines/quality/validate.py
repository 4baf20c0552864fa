"""Validate warehouse tables against their suites: GX for row/column rules, SQL for the rest.

Every table is read from DuckDB into pandas (``conn.sql(...).df()``) and validated through GX's
pandas datasource: GX's SQL path fails on DuckDB (see ../shared/STACK.md). All suites of one call
share ONE ephemeral GX context, and ``great_expectations`` is imported here, inside the function,
so importing this module stays cheap; the ~5 s import is paid once per process.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import duckdb

from pipelines.quality.outcomes import SAMPLE_SIZE, ExpectationOutcome, SuiteOutcome
from pipelines.quality.results import record_outcomes
from pipelines.quality.sql_checks import (
    checks_for,
    jsonable,
    max_row_drop_share_from_env,
    previous_row_count,
    row_count_drop_outcome,
    run_sql_check,
)
from pipelines.quality.suites import SUITE_SPECS, SuiteSpec, effective_severity, load_suite_dict
from pipelines.quality.value_sets import default_value_sets, refs_in, resolve_refs


def _new_gx_context() -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def _severity_value(severity: Any) -> str:
    return getattr(severity, "value", severity) or "critical"


def _gx_sample(result: Mapping[str, Any], checked_columns: set[str]) -> list[Any]:
    """Offending values, each with the key columns of its row when GX returned them.

    GX adds the checked column itself to the row keys; it is dropped there (it is the value).
    """
    values = result.get("partial_unexpected_list") or []
    rows = result.get("partial_unexpected_index_list") or []
    values = [jsonable(v) for v in values[:SAMPLE_SIZE]]
    if rows and len(rows) >= len(values) and all(isinstance(r, Mapping) for r in rows):
        return [
            {"value": v, "row": jsonable({k: x for k, x in r.items() if k not in checked_columns})}
            for v, r in zip(values, rows)
        ]
    return values


def _checked_columns(kwargs: Mapping[str, Any]) -> set[str]:
    cols = {kwargs[k] for k in ("column", "column_A", "column_B") if isinstance(kwargs.get(k), str)}
    return cols | set(kwargs.get("column_list") or [])


def _gx_exception_message(result: Any) -> str | None:
    """The message of an exception GX caught while evaluating one expectation, if any.

    GX reports it either at the top level or nested per metric (e.g. a missing column).
    """
    info = result.exception_info or {}
    if info.get("raised_exception"):
        return info.get("exception_message") or "expectation raised an exception"
    for value in info.values():
        if isinstance(value, Mapping) and value.get("raised_exception"):
            return value.get("exception_message") or "metric raised an exception"
    return None


def _gx_outcome(spec: SuiteSpec, result: Any) -> ExpectationOutcome:
    config = result.expectation_config
    kwargs = {k: v for k, v in dict(config.kwargs).items() if k != "batch_id"}
    severity = effective_severity(spec, _severity_value(config.severity))
    message = _gx_exception_message(result)
    if message is not None:
        return ExpectationOutcome(config.type, kwargs, severity, False, observed_value=f"exception: {message}")
    res = result.result or {}
    return ExpectationOutcome(
        config.type,
        kwargs,
        severity,
        bool(result.success),
        observed_value=jsonable(res.get("observed_value")),
        unexpected_count=res.get("unexpected_count"),
        unexpected_sample=[] if result.success else _gx_sample(res, _checked_columns(kwargs)),
    )


def _missing_table_outcome(spec: SuiteSpec, exc: Exception) -> ExpectationOutcome:
    return ExpectationOutcome(
        "sql:table_exists", {"table": spec.table}, effective_severity(spec, "critical"), False,
        observed_value=f"cannot read {spec.table}: {exc}",
    )


class _GxValidator:
    """One ephemeral GX context and pandas datasource shared by every suite of a run."""

    def __init__(self) -> None:
        import great_expectations as gx

        self._gx = gx
        self._context = _new_gx_context()
        self._datasource = self._context.data_sources.add_pandas(name="warehouse")

    def validate(self, spec: SuiteSpec, df: Any, expectations: list[dict[str, Any]]) -> list[ExpectationOutcome]:
        suite_dict = load_suite_dict(spec)
        suite = self._context.suites.add(
            self._gx.ExpectationSuite(name=spec.asset_key, expectations=expectations, meta=suite_dict.get("meta") or {})
        )
        asset = self._datasource.add_dataframe_asset(name=spec.asset_key)
        batch_definition = asset.add_batch_definition_whole_dataframe("whole_table")
        batch = batch_definition.get_batch(batch_parameters={"dataframe": df})
        key_columns = [c for c in spec.key_columns if c in df.columns]
        result_format: dict[str, Any] = {"result_format": "SUMMARY", "partial_unexpected_count": SAMPLE_SIZE}
        if key_columns:
            result_format["unexpected_index_column_names"] = key_columns
        validation = batch.validate(suite, result_format=result_format)
        return [_gx_outcome(spec, r) for r in validation.results]


def validate_suites(
    conn: duckdb.DuckDBPyConnection,
    specs: Iterable[SuiteSpec] | None = None,
    *,
    run_id: str | None = None,
    value_sets: Mapping[str, list[str] | None] | None = None,
    max_row_drop_share: float | None = None,
    record: bool = True,
) -> list[SuiteOutcome]:
    """Validate each spec's table with its GX suite, its SQL checks and the row-count history.

    conn: an open DuckDB connection (read-write when ``record`` is true).
    specs: which suites (default: all of :data:`SUITE_SPECS`).
    run_id: groups the recorded rows (the Dagster run id; a fresh uuid by default).
    value_sets: overrides :func:`default_value_sets` (names -> lists; None = unavailable).
    max_row_drop_share: allowed share of rows lost since the previous run (default from env, 0.5).
    record: append the outcomes to ``quality.validation_results`` and the counts to
        ``quality.row_counts``.
    """
    specs = list(SUITE_SPECS if specs is None else specs)
    run_id = run_id or f"adhoc-{uuid.uuid4()}"
    value_sets = dict(default_value_sets(conn) if value_sets is None else value_sets)
    max_drop = max_row_drop_share_from_env() if max_row_drop_share is None else max_row_drop_share
    validator = _GxValidator()
    suite_outcomes: list[SuiteOutcome] = []
    for spec in specs:
        try:
            df = conn.sql(f"SELECT * FROM {spec.table}").df()
        except duckdb.Error as exc:
            suite_outcomes.append(SuiteOutcome(spec, run_id, None, [_missing_table_outcome(spec, exc)]))
            continue
        outcome = SuiteOutcome(spec, run_id, row_count=len(df))
        expectations = []
        for exp in load_suite_dict(spec)["expectations"]:
            resolved = resolve_refs(exp, value_sets)
            if resolved is None:
                outcome.skipped.append(f"{exp['type']}({exp['kwargs'].get('column')}): value set "
                                       f"{', '.join(refs_in(exp))} unavailable")
            else:
                expectations.append(resolved)
        outcome.outcomes.extend(validator.validate(spec, df, expectations))
        outcome.outcomes.extend(run_sql_check(conn, spec, check) for check in checks_for(spec.asset_key))
        previous = previous_row_count(conn, spec.asset_key, run_id)
        outcome.outcomes.append(row_count_drop_outcome(spec, previous, len(df), max_drop))
        suite_outcomes.append(outcome)
    if record:
        record_outcomes(conn, suite_outcomes)
    return suite_outcomes
