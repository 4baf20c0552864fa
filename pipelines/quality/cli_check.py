"""``accordwatch check [--db PATH] [--changed] [--max-rows N]``: run every suite against a warehouse file.

It is the audit command: by default every row of every table goes through GX (a pipeline run's
checks read only the rows the run changed, see :mod:`pipelines.quality.scope`), and every SQL check
reads the whole table. ``--changed`` validates what changed since the last validation without an
ERROR failure instead (GX and the scoped SQL checks, as a pipeline run does), and ``--max-rows N``
caps the rows per table handed to GX.

Prints one summary line per suite (with how many rows GX read) and a table of failed
expectations, records the results in ``quality.validation_results`` like a Dagster run would, and
returns the exit status: 0 = no ERROR failure (warnings allowed), 1 = at least one ERROR failure,
2 = the file cannot be used.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import duckdb

from pipelines.quality.report import failure_rows, text_table
from pipelines.warehouse import apply_schema

EXIT_OK = 0
EXIT_ERROR_FAILURES = 1
EXIT_UNUSABLE = 2
LOCK_WAIT_SECONDS = 30.0


def _scope_note(scope) -> str:
    """``; GX read 120/5,000 rows (changed_since ...)`` when GX did not read every row, else ``""``."""
    if scope is None or (scope.rows_validated == scope.rows_in_table and not scope.truncated):
        return ""
    since = f" {scope.since.isoformat(sep=' ', timespec='seconds')}" if scope.since else ""
    cap = f", capped at {scope.max_rows:,}" if scope.truncated else ""
    return f"; GX read {scope.rows_validated:,}/{scope.rows_in_table:,} rows ({scope.basis}{since}{cap})"


def run_check_command(
    db_path: str,
    out: TextIO | None = None,
    asset_keys: Sequence[str] | None = None,
    *,
    changed_only: bool = False,
    max_rows: int | None = None,
) -> int:
    """Validate all suites (or those of ``asset_keys``, dotted) against ``db_path``; print a report to
    ``out`` (stdout); return the exit status.

    changed_only: validate the rows changed since the last validation without an ERROR failure
        (default: whole tables).
    max_rows: at most this many rows per table go through GX (default: no cap).
    """
    out = out or sys.stdout
    path = Path(db_path)
    if not path.exists():
        print(f"accordwatch check: no warehouse file at {path}", file=out)
        return EXIT_UNUSABLE
    from pipelines.quality.scope import CHANGED, FULL
    from pipelines.quality.suites import SUITE_SPECS, spec_for
    from pipelines.quality.validate import validate_suites
    from pipelines.resources import WarehouseResource

    try:
        specs = list(SUITE_SPECS) if asset_keys is None else [spec_for(k) for k in asset_keys]
    except KeyError as exc:
        print(f"accordwatch check: {exc.args[0]}", file=out)
        return EXIT_UNUSABLE

    warehouse = WarehouseResource(db_path=str(path), lock_wait_seconds=LOCK_WAIT_SECONDS)
    run_id = f"cli-{uuid.uuid4()}"
    try:
        with warehouse.connect() as conn:
            apply_schema(conn)  # older files may lack the quality history tables
            outcomes = validate_suites(
                conn, specs, run_id=run_id, scope=CHANGED if changed_only else FULL, max_rows=max_rows
            )
    except duckdb.Error as exc:
        print(f"accordwatch check: cannot use {path}: {exc}", file=out)
        return EXIT_UNUSABLE

    for suite in outcomes:
        status = "passed" if suite.passed else f"FAILED ({suite.severity})"
        skipped = f", {len(suite.skipped)} skipped" if suite.skipped else ""
        print(
            f"{suite.spec.asset_key:<32} {status:<16} {len(suite.outcomes) - len(suite.failures)}/"
            f"{len(suite.outcomes)} expectations met{skipped}{_scope_note(suite.scope)}",
            file=out,
        )
    rows = failure_rows(outcomes)
    n_errors = sum(1 for s in outcomes for f in s.failures if f.severity == "ERROR")
    if rows:
        print("", file=out)
        print(text_table(rows), file=out)
    print(f"\nrun {run_id}: {n_errors} error(s), {len(rows) - n_errors} warning(s); "
          f"history in quality.validation_results", file=out)
    return EXIT_ERROR_FAILURES if n_errors else EXIT_OK
