"""``accordwatch check``: exit status and the printed failure table, on real warehouse files."""

from __future__ import annotations

import io

import duckdb

from pipelines.quality.cli_check import EXIT_ERROR_FAILURES, EXIT_OK, EXIT_UNUSABLE, run_check_command


# The full command runs every suite (see test_seed_warehouse.py); these tests limit it to two to stay fast.
SUITES = ["core.articles", "core.claims"]


def _run(db_path, asset_keys=SUITES) -> tuple[int, str]:
    out = io.StringIO()
    status = run_check_command(str(db_path), out=out, asset_keys=asset_keys)
    return status, out.getvalue()


def test_warnings_alone_exit_zero_and_are_listed(valid_db, gx_imported):
    with duckdb.connect(str(valid_db)) as conn:
        conn.execute("UPDATE core.articles SET published_at = NULL, published_at_source = NULL")
    status, text = _run(valid_db)
    assert status == EXIT_OK
    [line] = [ln for ln in text.splitlines() if "published_at" in ln]
    assert line.split()[:4] == ["core.articles", "WARN", "expect_column_values_to_not_be_null", "published_at"]
    assert "0 error(s), 1 warning(s)" in text
    with duckdb.connect(str(valid_db), read_only=True) as conn:
        runs = conn.execute("SELECT count(DISTINCT run_id) FROM quality.validation_results").fetchone()[0]
    assert runs == 1  # the CLI run is recorded like any other


def test_error_failure_exits_non_zero_and_names_the_value(valid_db, gx_imported):
    with duckdb.connect(str(valid_db)) as conn:
        conn.execute("UPDATE core.claims SET country_code = 'KAZ' WHERE claim_id = 'claim-kz'")
    status, text = _run(valid_db)
    assert status == EXIT_ERROR_FAILURES
    lines = [ln for ln in text.splitlines() if ln.startswith("core.claims") and "ERROR" in ln]
    assert any("expect_column_values_to_be_in_set" in ln and "country_code" in ln and "KAZ" in ln for ln in lines)
    assert any(ln.split()[:2] == ["core.claims", "FAILED"] for ln in text.splitlines())


def test_unknown_suite_is_unusable(valid_db):
    status, text = _run(valid_db, ["core.nothing"])
    assert status == EXIT_UNUSABLE
    assert "core.nothing" in text


def test_missing_file_is_unusable(tmp_path):
    status, text = _run(tmp_path / "nothing.duckdb")
    assert status == EXIT_UNUSABLE
    assert "no warehouse file" in text
    assert not (tmp_path / "nothing.duckdb").exists()


def test_audit_reads_whole_tables_and_finds_an_old_row_a_run_would_not_reread(valid_db, gx_imported):
    out = io.StringIO()
    assert run_check_command(str(valid_db), out=out, asset_keys=["core.claims"], changed_only=True) == EXIT_OK
    # an old row changed by hand, no stage logged it: outside any later run's changed scope
    with duckdb.connect(str(valid_db)) as conn:
        conn.execute("UPDATE core.claims SET accord = 'Abraham Accord' WHERE claim_id = 'claim-ae'")
    out = io.StringIO()
    assert run_check_command(str(valid_db), out=out, asset_keys=["core.claims"], changed_only=True) == EXIT_OK
    assert "GX read 0/2 rows (changed_since" in out.getvalue()
    status, text = _run(valid_db, ["core.claims"])  # the default: whole tables
    assert status == EXIT_ERROR_FAILURES
    assert any("expect_column_values_to_be_in_set" in ln and "Abraham Accord" in ln for ln in text.splitlines())
    assert "GX read" not in text  # every row was read


def test_max_rows_caps_what_the_audit_reads_and_says_so(valid_db, gx_imported):
    out = io.StringIO()
    assert run_check_command(str(valid_db), out=out, asset_keys=["core.claims"], max_rows=1) == EXIT_OK
    assert "GX read 1/2 rows (whole_table, capped at 1)" in out.getvalue()
