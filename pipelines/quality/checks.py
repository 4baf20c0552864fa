"""Dagster asset checks built from the suite registry: one ``@asset_check`` per suite.

Each check opens the warehouse through the ``warehouse`` resource (read-write: it records its
results), validates its table with :func:`pipelines.quality.validate.validate_suites` in the
*changed* scope (the rows this run changed, at most ``ACCORDWATCH_GX_MAX_ROWS`` of them go through
GX; SQL invariants besides, over the same changed rows where that loses nothing and over the whole
table otherwise, or always whole-table with ``ACCORDWATCH_SQL_CHECK_SCOPE=full``; see
:mod:`pipelines.quality.scope` and :mod:`pipelines.quality.sql_checks`), and returns
an ``AssetCheckResult`` whose severity follows the suite design in :mod:`pipelines.quality.suites`.
Checks on the raw/core tables the views are built from are ``blocking``: a failed ERROR check
stops the downstream assets in the same run.

No ``from __future__ import annotations`` here: Dagster validates the ``context`` annotation at
definition time and rejects it as a string.
"""


from collections.abc import Iterable
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
    return dg.AssetCheckResult(passed=outcome.passed, severity=severity, metadata=metadata)


def _run_started_at(context: dg.AssetCheckExecutionContext) -> datetime | None:
    """When this Dagster run started (naive UTC), if the instance recorded it."""
    op_context = context.op_execution_context
    record = op_context.instance.get_run_record_by_id(op_context.run_id)
    start = None if record is None else record.start_time
    return None if start is None else datetime.fromtimestamp(start, timezone.utc).replace(tzinfo=None)


def _build_check(spec: SuiteSpec, max_row_drop_share: float | None) -> dg.AssetChecksDefinition:
    description = (
        f"GX suite expectations/{spec.suite_file.name} on the rows this run changed, plus SQL checks on "
        f"{spec.table} (keys and offsets of the changed rows, the rest whole-table; `accordwatch check` reads "
        f"everything) ({'blocking' if spec.blocking else 'non-blocking'}, at most {spec.severity})."
    )

    @dg.asset_check(
        asset=dg.AssetKey(spec.asset_key_path),
        name=CHECK_NAME,
        description=description,
        blocking=spec.blocking,
        required_resource_keys={WAREHOUSE_RESOURCE_KEY, GX_RESOURCE_KEY},
    )
    def _quality_check(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
        from pipelines.quality.scope import CHANGED, gx_max_rows_from_env
        from pipelines.quality.validate import validate_suites
        from pipelines.warehouse import apply_schema

        warehouse = getattr(context.resources, WAREHOUSE_RESOURCE_KEY)
        with warehouse.connect(streaming=True) as conn:
            apply_schema(conn)  # idempotent; the check may run first on a fresh file
            [outcome] = validate_suites(
                conn,
                [spec],
                run_id=context.op_execution_context.run_id,
                max_row_drop_share=max_row_drop_share,
                scope=CHANGED,
                max_rows=gx_max_rows_from_env(),
                run_started_at=_run_started_at(context),
            )
        if outcome.failures:
            context.log.warning(f"{spec.asset_key}: {len(outcome.failures)} expectation(s) failed, severity {outcome.severity}")
        return check_result(outcome)

    return _quality_check


def build_quality_checks(
    asset_keys: Iterable[str | dg.AssetKey] | None = None, *, max_row_drop_share: float | None = None
) -> list[dg.AssetChecksDefinition]:
    """One asset check per suite, for the given assets only (default: every suite).

    asset_keys: dotted strings (``"core.claims"``) or AssetKeys; pass the keys that exist in the
        Definitions so no check targets a missing asset. Keys without a suite are ignored.
    max_row_drop_share: allowed share of rows lost between runs (default: env / 0.5).
    """
    if asset_keys is None:
        specs = list(SUITE_SPECS)
    else:
        wanted = {k.to_user_string().replace("/", ".") if isinstance(k, dg.AssetKey) else k for k in asset_keys}
        specs = [s for s in SUITE_SPECS if s.asset_key in wanted]
    return [_build_check(spec, max_row_drop_share) for spec in specs]
