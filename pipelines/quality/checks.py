"""Dagster asset checks built from the suite registry: one check (``quality_suite``) per suite.

The checks on the tables one step writes run together in one Dagster step (a
``@multi_asset_check``; :func:`build_quality_checks` takes the groups): a step costs Dagster
~0.1 s whatever it does, and within the step GX validates all its suites in the run's GX worker
while this process runs their SQL checks. Each check is still its own ``AssetCheckSpec`` (blocking
or not, with its own result, history and description in the UI), and a run that selects some of a
group's checks runs those only.

Each check step opens the warehouse through the ``warehouse`` resource (read-write: it records its
results), validates its tables with :func:`pipelines.quality.validate.validate_suites` in the
*changed* scope (the rows this run changed, at most ``ACCORDWATCH_GX_MAX_ROWS`` of them go through
GX; SQL invariants besides, over the same changed rows where that loses nothing and over the whole
table otherwise, or always whole-table with ``ACCORDWATCH_SQL_CHECK_SCOPE=full``; see
:mod:`pipelines.quality.scope` and :mod:`pipelines.quality.sql_checks`), and returns
an ``AssetCheckResult`` per table whose severity follows the suite design in :mod:`pipelines.quality.suites`.
Checks on the raw/core tables the views are built from are ``blocking``: a failed ERROR check
stops the downstream assets in the same run.

No ``from __future__ import annotations`` here: Dagster validates the ``context`` annotation at
definition time and rejects it as a string.
"""


from collections.abc import Iterable, Mapping
from datetime import datetime, timezone

import dagster as dg

from pipelines.quality.outcomes import SuiteOutcome
from pipelines.quality.report import failure_rows, markdown_table
from pipelines.quality.suites import ERROR, SUITE_SPECS, SuiteSpec

CHECK_NAME = "quality_suite"
WAREHOUSE_RESOURCE_KEY = "warehouse"
GX_RESOURCE_KEY = "gx"  # pipelines.resources.GreatExpectationsResource


def check_result(outcome: SuiteOutcome) -> dg.AssetCheckResult:
    """The Dagster form of one suite's outcome (metadata: counts, failures with samples)."""
    meta = outcome.metadata()
    metadata: dict[str, dg.MetadataValue] = {
        "expectations_evaluated": dg.MetadataValue.int(meta["expectations_evaluated"]),
        "expectations_failed": dg.MetadataValue.int(meta["expectations_failed"]),
        "errors_failed": dg.MetadataValue.int(meta["errors_failed"]),
        "warnings_failed": dg.MetadataValue.int(meta["warnings_failed"]),
        "failures": dg.MetadataValue.json(meta["failures"]),
        "suite": dg.MetadataValue.text(meta["suite"]),
        "validation_run_id": dg.MetadataValue.text(meta["run_id"]),
    }
    if meta["row_count"] is not None:
        metadata["row_count"] = dg.MetadataValue.int(meta["row_count"])
    if meta["skipped"]:
        metadata["skipped"] = dg.MetadataValue.json(meta["skipped"])
    if meta["row_scope"] is not None:
        metadata["row_scope"] = dg.MetadataValue.json(meta["row_scope"])
        metadata["rows_validated_by_gx"] = dg.MetadataValue.int(meta["row_scope"]["rows_validated"])
    if outcome.failures:
        metadata["failures_table"] = dg.MetadataValue.md(markdown_table(failure_rows([outcome])))
    severity = dg.AssetCheckSeverity.ERROR if outcome.severity == ERROR else dg.AssetCheckSeverity.WARN
    return dg.AssetCheckResult(
        asset_key=dg.AssetKey(outcome.spec.asset_key_path), check_name=CHECK_NAME,
        passed=outcome.passed, severity=severity, metadata=metadata,
    )


def _run_started_at(context: dg.AssetCheckExecutionContext) -> datetime | None:
    """When this Dagster run started (naive UTC), if the instance recorded it."""
    op_context = context.op_execution_context
    record = op_context.instance.get_run_record_by_id(op_context.run_id)
    start = None if record is None else record.start_time
    return None if start is None else datetime.fromtimestamp(start, timezone.utc).replace(tzinfo=None)


def _check_spec(spec: SuiteSpec) -> dg.AssetCheckSpec:
    description = (
        f"GX suite expectations/{spec.suite_file.name} on the rows this run changed, plus SQL checks on "
        f"{spec.asset_key} (keys and offsets of the changed rows, the rest whole-table; `accordwatch check` reads "
        f"everything) ({'blocking' if spec.blocking else 'non-blocking'}, at most {spec.severity})."
    )
    return dg.AssetCheckSpec(
        CHECK_NAME, asset=dg.AssetKey(spec.asset_key_path), description=description, blocking=spec.blocking
    )


def _build_group_check(name: str, specs: list[SuiteSpec], max_row_drop_share: float | None) -> dg.AssetChecksDefinition:
    by_check_key = {dg.AssetCheckKey(dg.AssetKey(s.asset_key_path), CHECK_NAME): s for s in specs}

    @dg.multi_asset_check(
        specs=[_check_spec(s) for s in specs],
        name=name,
        description=f"Quality suites of {', '.join(s.asset_key for s in specs)}",
        can_subset=True,
        required_resource_keys={WAREHOUSE_RESOURCE_KEY, GX_RESOURCE_KEY},
    )
    def _quality_checks(context: dg.AssetCheckExecutionContext) -> Iterable[dg.AssetCheckResult]:
        from pipelines.quality.scope import CHANGED, gx_max_rows_from_env
        from pipelines.quality.validate import validate_suites
        from pipelines.warehouse import apply_schema

        selected = [spec for key, spec in by_check_key.items() if key in context.selected_asset_check_keys]
        warehouse = getattr(context.resources, WAREHOUSE_RESOURCE_KEY)
        with warehouse.connect(streaming=True) as conn:
            apply_schema(conn)  # idempotent; the checks may run first on a fresh file
            outcomes = validate_suites(
                conn,
                selected,
                run_id=context.op_execution_context.run_id,
                max_row_drop_share=max_row_drop_share,
                scope=CHANGED,
                max_rows=gx_max_rows_from_env(),
                run_started_at=_run_started_at(context),
            )
        for outcome in outcomes:
            if outcome.failures:
                context.log.warning(
                    f"{outcome.spec.asset_key}: {len(outcome.failures)} expectation(s) failed, severity {outcome.severity}"
                )
            yield check_result(outcome)

    return _quality_checks


def _own_group_name(spec: SuiteSpec) -> str:
    return f"{spec.asset_key.replace('.', '__')}_{CHECK_NAME}"


def _dotted(key: str | dg.AssetKey) -> str:
    return key.to_user_string().replace("/", ".") if isinstance(key, dg.AssetKey) else key


def build_quality_checks(
    asset_keys: Iterable[str | dg.AssetKey] | None = None,
    *,
    max_row_drop_share: float | None = None,
    groups: Mapping[str, Iterable[str | dg.AssetKey]] | None = None,
) -> list[dg.AssetChecksDefinition]:
    """One check per suite, for the given assets only (default: every suite), run in groups.

    asset_keys: dotted strings (``"core.claims"``) or AssetKeys; pass the keys that exist in the
        Definitions so no check targets a missing asset. Keys without a suite are ignored.
    max_row_drop_share: allowed share of rows lost between runs (default: env / 0.5).
    groups: step name -> the asset keys whose checks run in that step (e.g. the keys one asset
        step writes: their checks are ready together). A suite in no group gets a step of its own,
        named ``<schema>__<table>_quality_suite``.
    """
    if asset_keys is None:
        specs = list(SUITE_SPECS)
    else:
        wanted = {_dotted(k) for k in asset_keys}
        specs = [s for s in SUITE_SPECS if s.asset_key in wanted]
    group_of = {_dotted(key): name for name, keys in (groups or {}).items() for key in keys}
    grouped: dict[str, list[SuiteSpec]] = {}
    for spec in specs:
        grouped.setdefault(group_of.get(spec.asset_key, _own_group_name(spec)), []).append(spec)
    return [_build_group_check(name, members, max_row_drop_share) for name, members in grouped.items()]
