"""Validate warehouse tables against their suites: GX for row/column rules, SQL for the rest.

The rows to validate are read from DuckDB into pandas (``conn.execute(...).df()``) and validated
through GX's pandas datasource: GX's SQL path fails on DuckDB (see ../shared/STACK.md). Which rows
is decided by :mod:`pipelines.quality.scope`: a pipeline run reads the rows it changed (capped),
``accordwatch check`` the whole table. The SQL checks (referential integrity, offsets, and the
suite's uniqueness rules mirrored by :func:`~pipelines.quality.sql_checks.whole_table_key_checks`)
follow the same scope where a check can be scoped without weakening it (see
:mod:`pipelines.quality.sql_checks`); the row-count history always covers the whole table.

``great_expectations`` is imported here, inside the functions, and only when some rows have to go
through it: a suite whose scope has no rows (nothing changed) is recorded without GX (the column
set is compared with the table's columns directly, row rules hold vacuously), so a run that
changed nothing does not pay the ~3-5 s import. A Dagster run validates in a GX worker process
started with the run (:mod:`pipelines.quality.gx_worker`, from the ``gx`` resource): the import
happens on the other core while the ingest runs. Elsewhere (``accordwatch check``, tests) GX runs in
this process. One ephemeral GX context (with its pandas datasource) is created per process, when
first needed, and reused by every call: each call adds its suites and dataframe assets under names
unique to that call and deletes them when done.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import duckdb

from pipelines.quality.gx_import import import_great_expectations
from pipelines.quality.outcomes import SAMPLE_SIZE, ExpectationOutcome, SuiteOutcome
from pipelines.quality.results import record_outcomes
from pipelines.quality.scope import FULL, read_scope
from pipelines.quality.sql_checks import (
    checks_for,
    jsonable,
    max_row_drop_share_from_env,
    previous_row_count,
    row_count_drop_outcome,
    run_sql_check,
    sql_scope_from_env,
    whole_table_key_checks,
)
from pipelines.quality.suites import SUITE_SPECS, SuiteSpec, effective_severity, load_suite_dict
from pipelines.quality.value_sets import default_value_sets, refs_in, resolve_refs
from pipelines.warehouse import release_cache


def _new_gx_context() -> Any:
    gx = import_great_expectations()
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


def _plain_kwargs(kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """An expectation's arguments as its suite states them (without the ``batch_id`` GX adds)."""
    return {k: v for k, v in dict(kwargs).items() if k != "batch_id"}


def _gx_outcome(spec: SuiteSpec, result: Any) -> ExpectationOutcome:
    config = result.expectation_config
    kwargs = _plain_kwargs(config.kwargs)
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


def _config_key(config: Any) -> str:
    """One expectation's identity across two validations of it (its ids differ): type, arguments, severity."""
    return json.dumps([config.type, _plain_kwargs(config.kwargs), _severity_value(config.severity)],
                      sort_keys=True, default=str)


def _passed_map_outcome(spec: SuiteSpec, result: Any) -> ExpectationOutcome:
    """A row-by-row expectation that passed with every row (no ``mostly``): GX's ``SUMMARY`` would
    report no observed value, 0 unexpected rows and no sample."""
    config = result.expectation_config
    severity = effective_severity(spec, _severity_value(config.severity))
    return ExpectationOutcome(config.type, _plain_kwargs(config.kwargs), severity, True, observed_value=None,
                              unexpected_count=0)


def _missing_table_outcome(spec: SuiteSpec, exc: Exception) -> ExpectationOutcome:
    return ExpectationOutcome(
        "sql:table_exists", {"table": spec.table}, effective_severity(spec, "critical"), False,
        observed_value=f"cannot read {spec.table}: {exc}",
    )


class _GxValidator:
    """The process's ephemeral GX context and pandas datasource, reused by every validation.

    A context costs GX some setup (stores, a datasource); a process validates many suites (one
    Dagster check step per suite), so it is made once. Names of suites and assets get a per-call
    prefix, and :meth:`forget` removes them, so calls never collide and the context stays small.
    """

    def __init__(self) -> None:
        self._gx = import_great_expectations()
        self._context = _new_gx_context()
        self._datasource = self._context.data_sources.add_pandas(name="warehouse")
        self._map_kinds: dict[str, bool] = {}

    def validate(
        self, spec: SuiteSpec, df: Any, expectations: list[dict[str, Any]], call_id: str
    ) -> list[ExpectationOutcome]:
        """GX's outcomes of the expectations on ``df``, in their order.

        GX validates the suite twice at most. First with ``BOOLEAN_ONLY``: no unexpected values or
        row keys are gathered, which saves about a third of GX's time on a run's small scopes. A map
        expectation (one rule per row) that passed without ``mostly`` has nothing more to report: no
        unexpected row, so ``unexpected_count`` 0 and no sample, exactly what the detailed result says. The others
        (failures, exceptions, table-level rules with an observed value, ``mostly`` rules) are
        validated again with ``SUMMARY``, which gives their observed values and offending rows."""
        first = self._validate_with(spec, df, expectations, f"{call_id}:pass", "BOOLEAN_ONLY")
        outcomes: list[ExpectationOutcome | None] = []
        again: list[dict[str, Any]] = []
        for result in first:  # GX's order (it groups a suite's results by column); SUMMARY keeps it too
            config = result.expectation_config
            if result.success and _gx_exception_message(result) is None and self._is_strict_map(config):
                outcomes.append(_passed_map_outcome(spec, result))
            else:
                outcomes.append(None)
                again.append(config.to_json_dict())
        if again:
            detailed: dict[str, list[Any]] = {}
            for result in self._validate_with(spec, df, again, f"{call_id}:detail", "SUMMARY"):
                detailed.setdefault(_config_key(result.expectation_config), []).append(result)
            outcomes = [
                o if o is not None else _gx_outcome(spec, detailed[_config_key(r.expectation_config)].pop(0))
                for o, r in zip(outcomes, first)
            ]
        return outcomes  # type: ignore[return-value] - every None was replaced

    def _is_strict_map(self, config: Any) -> bool:
        """Whether GX checks the expectation row by row and every row must pass (no ``mostly`` below 1)."""
        mostly = config.kwargs.get("mostly")
        if mostly is not None and mostly != 1:  # with mostly=0 too, rows may fail while the rule passes
            return False
        kind = self._map_kinds.get(config.type)
        if kind is None:
            from great_expectations.expectations.expectation import (
                ColumnMapExpectation,
                ColumnPairMapExpectation,
                MulticolumnMapExpectation,
            )
            from great_expectations.expectations.registry import get_expectation_impl

            impl = get_expectation_impl(config.type)
            kind = issubclass(impl, (ColumnMapExpectation, ColumnPairMapExpectation, MulticolumnMapExpectation))
            self._map_kinds[config.type] = kind
        return kind

    def _validate_with(
        self, spec: SuiteSpec, df: Any, expectations: list[dict[str, Any]], name_prefix: str, result_format: str
    ) -> list[Any]:
        """GX's ``ExpectationValidationResult`` of each expectation (in order) with ``result_format``."""
        suite_dict = load_suite_dict(spec)
        name = f"{name_prefix}:{spec.asset_key}"
        suite = self._context.suites.add(
            self._gx.ExpectationSuite(name=name, expectations=expectations, meta=suite_dict.get("meta") or {})
        )
        try:
            asset = self._datasource.add_dataframe_asset(name=name)
            try:
                batch_definition = asset.add_batch_definition_whole_dataframe("whole_table")
                batch = batch_definition.get_batch(batch_parameters={"dataframe": df})
                options: dict[str, Any] = {"result_format": result_format}
                if result_format != "BOOLEAN_ONLY":
                    options["partial_unexpected_count"] = SAMPLE_SIZE
                    key_columns = [c for c in spec.key_columns if c in df.columns]
                    if key_columns:
                        options["unexpected_index_column_names"] = key_columns
                validation = batch.validate(suite, result_format=options)
            finally:
                self._datasource.delete_asset(name=name)
        finally:
            self._context.suites.delete(name=name)
        return list(validation.results)

    def submit_many(self, tasks: list[tuple[SuiteSpec, Any, list[dict[str, Any]], str]]) -> _Done:
        """:meth:`validate` of each ``(spec, df, expectations, call_id)`` now, one after another (in
        this process nothing runs beside the caller), as a finished result: a list per task."""
        return _Done([self.validate(*task) for task in tasks])


class _Done:
    """A result already computed, with the interface of a Future's ``result()``."""

    def __init__(self, value: Any) -> None:
        self._value = value

    def result(self) -> Any:
        return self._value


_GX_LOCK = threading.Lock()
_GX_VALIDATOR: _GxValidator | None = None


def local_gx_validator() -> _GxValidator:
    """This process's validator, made on first use (a call made while the background thread is making
    it waits for that one instead of making a second)."""
    global _GX_VALIDATOR
    with _GX_LOCK:
        if _GX_VALIDATOR is None:
            _GX_VALIDATOR = _GxValidator()
        return _GX_VALIDATOR


def _gx_validator() -> Any:
    """The run's GX worker process when one is running (:mod:`pipelines.quality.gx_worker`, started by
    the ``gx`` resource), else GX in this process."""
    from pipelines.quality.gx_worker import running_gx_worker

    return running_gx_worker() or local_gx_validator()


def prepare_gx_in_background() -> threading.Thread:
    """Import GX and make the process's validator on a daemon thread (the caller goes on at once)."""
    thread = threading.Thread(target=_prepare_gx_quietly, name="accordwatch-gx-import", daemon=True)
    thread.start()
    return thread


def _prepare_gx_quietly() -> None:
    try:
        local_gx_validator()
    except Exception:  # noqa: BLE001 - the first check that needs GX raises it again, in its own step
        pass


NO_ROWS_IN_SCOPE = "no rows in scope"
# Suites read for GX are validated together until they hold this many rows: a small run's suites go
# at once, a large run's one or two at a time. With a run's scopes capped at DEFAULT_GX_MAX_ROWS per
# table, fewer than twice this many rows are in pandas at once, whatever the run's size.
GX_BATCH_ROWS = 50_000
COLUMN_SET = "expect_table_columns_to_match_set"


def column_set_outcome(spec: SuiteSpec, columns: list[str], expectation: Mapping[str, Any]) -> ExpectationOutcome:
    """``expect_table_columns_to_match_set`` decided from the table's column names, as GX 1.x decides
    it on a pandas batch: names compare as written; with ``exact_match`` (GX's default: true) no
    column may be missing or unexpected, else none may be missing. ``observed_value`` is the sorted
    column names (as GX reports); a failure's sample is GX's ``mismatched`` detail (sorted
    ``missing`` / ``unexpected`` names)."""
    kwargs = _plain_kwargs(expectation["kwargs"])
    exact = kwargs.get("exact_match", True) is not False
    expected = set(kwargs.get("column_set") or [])
    missing = sorted(expected - set(columns))
    unexpected = sorted(set(columns) - expected)
    success = not missing and not (exact and unexpected)
    mismatched = {k: v for k, v in (("unexpected", unexpected), ("missing", missing)) if v}
    return ExpectationOutcome(COLUMN_SET, kwargs, effective_severity(spec, expectation.get("severity")), success,
                              observed_value=sorted(columns), unexpected_sample=[] if success else [mismatched])


def _validate_empty_scope(
    spec: SuiteSpec, df: Any, expectations: list[dict[str, Any]], call_id: str
) -> list[ExpectationOutcome]:
    """Outcomes of a suite on a scope with no rows (nothing changed since the last validation).

    The column set (``expect_table_columns_to_match_set``) is compared with the empty batch's
    columns (the table's) without GX; any other table-level expectation would still go through GX.
    A row-level expectation holds vacuously on no rows, as GX itself would report, but GX would cost
    its import and about a second per suite building its metric graph for nothing; it is recorded
    as met with ``observed_value`` "no rows in scope" instead.
    """
    columns = [str(c) for c in df.columns]
    other_table_level = [e for e in expectations if e["type"].startswith("expect_table_") and e["type"] != COLUMN_SET]
    outcomes = _gx_validator().validate(spec, df, other_table_level, call_id) if other_table_level else []
    for exp in expectations:
        if exp["type"] == COLUMN_SET:
            outcomes.append(column_set_outcome(spec, columns, exp))
            continue
        if exp["type"].startswith("expect_table_"):
            continue
        kwargs = _plain_kwargs(exp["kwargs"])
        severity = effective_severity(spec, exp.get("severity"))
        outcomes.append(ExpectationOutcome(exp["type"], kwargs, severity, True,
                                           observed_value=NO_ROWS_IN_SCOPE, unexpected_count=0))
    return outcomes


def validate_suites(
    conn: duckdb.DuckDBPyConnection,
    specs: Iterable[SuiteSpec] | None = None,
    *,
    run_id: str | None = None,
    value_sets: Mapping[str, list[str] | None] | None = None,
    max_row_drop_share: float | None = None,
    record: bool = True,
    scope: str = FULL,
    max_rows: int | None = None,
    run_started_at: datetime | None = None,
    sql_scope: str | None = None,
) -> list[SuiteOutcome]:
    """Validate each spec's table with its GX suite, its SQL checks and the row-count history.

    conn: an open DuckDB connection (read-write when ``record`` is true).
    specs: which suites (default: all of :data:`SUITE_SPECS`).
    run_id: groups the recorded rows (the Dagster run id; a fresh uuid by default).
    value_sets: overrides :func:`default_value_sets` (names -> lists; None = unavailable).
    max_row_drop_share: allowed share of rows lost since the previous run (default from env, 0.5).
    record: append the outcomes to ``quality.validation_results``, the counts to
        ``quality.row_counts`` and the row scopes to ``quality.validation_scopes``.
    scope: ``"full"`` (whole tables, the default) or ``"changed"`` (the rows changed since the last
        validation without an ERROR failure; see :mod:`pipelines.quality.scope`).
    max_rows: at most this many rows per table go into GX (None = no cap).
    run_started_at: start of the current pipeline run (naive UTC); a changed scope never starts later.
    sql_scope: ``"changed"`` runs the scoped variant of the SQL checks over the rows changed since
        the same point as the GX scope (when that scope is ``changed_since``); ``"full"`` runs them
        over whole tables. Default: ``full`` in the full scope, else ``ACCORDWATCH_SQL_CHECK_SCOPE``
        (default ``changed``).
    """
    specs = list(SUITE_SPECS if specs is None else specs)
    run_id = run_id or f"adhoc-{uuid.uuid4()}"
    value_sets = dict(default_value_sets(conn) if value_sets is None else value_sets)
    max_drop = max_row_drop_share_from_env() if max_row_drop_share is None else max_row_drop_share
    if sql_scope is None:
        sql_scope = FULL if scope == FULL else sql_scope_from_env()
    call_id = uuid.uuid4().hex[:12]
    suite_outcomes: list[SuiteOutcome] = []
    read: list[tuple[SuiteOutcome, Any, list[dict[str, Any]]]] = []

    def validate_read() -> None:
        """GX validates the suites read so far (in the run's GX worker, on the other cores) while this
        process runs their SQL checks; each suite's outcomes are then GX's first, as its file lists them."""
        to_gx = [(outcome.spec, df, expectations, call_id) for outcome, df, expectations in read if len(df)]
        gx_pending = _gx_validator().submit_many(to_gx) if to_gx else _Done([])
        del to_gx
        other_outcomes: list[list[ExpectationOutcome]] = []
        gx_outcomes_of: dict[int, list[ExpectationOutcome]] = {}
        for i, (outcome, df, expectations) in enumerate(read):
            if not len(df):
                gx_outcomes_of[i] = _validate_empty_scope(outcome.spec, df, expectations, call_id)
            row_scope = outcome.scope
            since = row_scope.since if sql_scope != FULL and row_scope.basis == "changed_since" else None
            sql_checks = [*whole_table_key_checks(outcome.spec), *checks_for(outcome.spec.asset_key)]
            rows_in_scope = row_scope.rows_in_scope if since is not None else row_scope.rows_in_table
            others = []
            for check in sql_checks:
                others.append(run_sql_check(conn, outcome.spec, check, since, rows_in_scope))
                # the extraction checks measured alone: +185 / +204 / +234 MB at 10k / 100k / 200k articles
                # keeping the cache, +173 / +176 / +185 MB evicting it after each check, in the same time
                release_cache(conn)
            previous = previous_row_count(conn, outcome.spec.asset_key, run_id)
            others.append(row_count_drop_outcome(outcome.spec, previous, row_scope.rows_in_table, max_drop))
            other_outcomes.append(others)
        validated = iter(gx_pending.result())
        for i, (outcome, _, _) in enumerate(read):
            outcome.outcomes.extend(gx_outcomes_of[i] if i in gx_outcomes_of else next(validated))
            outcome.outcomes.extend(other_outcomes[i])
        read.clear()

    for spec in specs:
        try:
            row_scope, df = read_scope(
                conn, spec, mode=scope, run_id=run_id, max_rows=max_rows, run_started_at=run_started_at
            )
        except duckdb.Error as exc:
            suite_outcomes.append(SuiteOutcome(spec, run_id, None, [_missing_table_outcome(spec, exc)]))
            continue
        release_cache(conn)
        outcome = SuiteOutcome(spec, run_id, row_count=row_scope.rows_in_table, scope=row_scope)
        expectations = []
        for exp in load_suite_dict(spec)["expectations"]:
            resolved = resolve_refs(exp, value_sets)
            if resolved is None:
                outcome.skipped.append(f"{exp['type']}({exp['kwargs'].get('column')}): value set "
                                       f"{', '.join(refs_in(exp))} unavailable")
            else:
                expectations.append(resolved)
        read.append((outcome, df, expectations))
        suite_outcomes.append(outcome)
        del df
        # Suites go to GX together until they reach GX_BATCH_ROWS (whole tables when ``accordwatch
        # check`` reads them uncapped: one table at a time then).
        if sum(len(d) for _, d, _ in read) >= GX_BATCH_ROWS:
            validate_read()
    validate_read()
    if record:
        record_outcomes(conn, suite_outcomes)
    return suite_outcomes
