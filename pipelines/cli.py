"""``accordwatch`` command line: run the pipeline, check quality, query the warehouse."""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import sys
import time
from pathlib import Path

# Not pipelines.settings: it imports Dagster, and `accordwatch run` starts GX's worker before that import.
from pipelines.paths import DB_ENV, DEFAULT_DB_PATH, SAMPLE_DIR, SOURCE_ENV, read_only_snapshot_path

MEMBERSHIP_QUERY = (
    "SELECT accord, country_code, status, certainty, date_lower, date_upper, statuses, claimants, has_conflict "
    "FROM analytics.members_as_of(current_date) ORDER BY accord, status, country_code"
)


def _default_db() -> str:
    return os.environ.get(DB_ENV) or str(DEFAULT_DB_PATH)


def _default_source() -> str:
    return os.environ.get(SOURCE_ENV) or str(SAMPLE_DIR)


def run_pipeline(source_dir: str, db_path: str, quiet: bool = False) -> bool:
    """Materialize the whole asset graph in-process, through the code location's own definitions."""
    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.settings import resources_run_config

    job = defs.resolve_implicit_global_asset_job_def()
    run_config = {
        "resources": resources_run_config(db_path=db_path, source_dir=source_dir),
        "loggers": {"progress": {"config": {"enabled": not quiet}}},
    }
    started = time.monotonic()
    with dg.DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(run_config=run_config, instance=instance, raise_on_error=False)
    elapsed = time.monotonic() - started
    if not quiet:
        _print_summary(result, elapsed, db_path)
    return result.success


def _print_summary(result, elapsed: float, db_path: str) -> None:
    materialized = [e for e in result.all_events if e.event_type_value == "ASSET_MATERIALIZATION"]
    failed_steps = [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    checks = [e for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    failed_checks = [e for e in checks if not e.event_specific_data.passed]
    print(f"\naccordwatch run {'succeeded' if result.success else 'FAILED'} in {elapsed:.1f} s")
    print(f"  {len(materialized)} assets materialized, {len(checks)} checks ({len(failed_checks)} failed)")
    for event in materialized:
        meta = event.event_specific_data.materialization.metadata
        rows = meta.get("dagster/row_count")
        label = "/".join(event.asset_key.path)
        print(f"  {label:<34} {rows.value if rows is not None else '':>8} rows")
    if failed_steps:
        print("  failed steps: " + ", ".join(sorted(set(failed_steps))))
    print(f"  warehouse: {db_path}")


def print_query(db_path: str, query: str) -> None:
    import duckdb

    with duckdb.connect(db_path, read_only=True) as conn:
        relation = conn.sql(query)
        relation.show(max_width=200, max_rows=100)


def cmd_run(args: argparse.Namespace) -> int:
    from pipelines.ingest.scan_ahead import start_scan_ahead
    from pipelines.quality.gx_worker import start_gx_worker

    source = str(Path(args.source).resolve())
    db_path = str(Path(args.db).resolve())
    # Forked first, while this process has no thread yet: the source folder's listing, which the
    # ingest takes instead of rescanning (pipelines.ingest.scan_ahead).
    start_scan_ahead(source)
    # The run's checks validate in this worker (its gx resource finds it running): GX's import
    # starts now, on the other core, while Dagster and the definitions load and the ingest runs.
    start_gx_worker()
    print(f"accordwatch run: source {source} -> {db_path}")
    ok = run_pipeline(source, db_path)
    if ok and args.show:
        print_query(_snapshot_or(db_path), MEMBERSHIP_QUERY)
    return 0 if ok else 1


def _snapshot_or(db_path: str) -> str:
    snapshot = read_only_snapshot_path(db_path)
    return str(snapshot) if snapshot.exists() else db_path


def cmd_check(args: argparse.Namespace) -> int:
    from pipelines.quality.cli_check import run_check_command

    return run_check_command(str(Path(args.db).resolve()), changed_only=args.changed, max_rows=args.max_rows)


def cmd_sql(args: argparse.Namespace) -> int:
    """Query the read-only snapshot (always openable, even while a run writes the warehouse)."""
    target = _snapshot_or(str(Path(args.db).resolve()))
    if args.query:
        print_query(target, " ".join(args.query))
        return 0
    duckdb_cli = Path(sys.executable).with_name("duckdb")
    os.execv(str(duckdb_cli), [str(duckdb_cli), "-readonly", target])
    return 0  # not reached


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="accordwatch", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="ingest a folder and materialize every asset through Dagster")
    run.add_argument("--source", default=_default_source(), help="folder of articles (default: bundled sample)")
    run.add_argument("--db", default=_default_db(), help="DuckDB file (default: warehouse/accordwatch.duckdb)")
    run.add_argument("--show", action="store_true", help="print the membership view at the end")
    run.set_defaults(func=cmd_run)

    check = sub.add_parser("check", help="run every quality suite against a warehouse; non-zero exit on ERROR")
    check.add_argument("--db", default=_default_db())
    check.add_argument("--changed", action="store_true",
                       help="validate only rows changed since the last passing validation (default: whole tables)")
    check.add_argument("--max-rows", type=int, default=None, metavar="N",
                       help="at most N rows per table go through Great Expectations (default: no cap)")
    check.set_defaults(func=cmd_check)

    sql = sub.add_parser("sql", help="open the duckdb shell on the read-only snapshot, or run one query")
    sql.add_argument("--db", default=_default_db())
    sql.add_argument("query", nargs="*", help="a SQL query to run (omit for the interactive shell)")
    sql.set_defaults(func=cmd_sql)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


def console_main() -> None:
    """The ``accordwatch`` command: :func:`main`, then exit without tearing the interpreter down.

    By then the run has closed the warehouse (checkpointed), stopped GX's worker and printed its
    summary. The exit handlers still run (multiprocessing's release its queues' semaphores, logging
    flushes); what is skipped is Python freeing ~2,600 modules (Dagster, spaCy, pandas) one object
    at a time: ~1 s, a tenth of a small incremental run.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    console_main()
