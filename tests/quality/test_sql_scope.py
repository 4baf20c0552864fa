"""The SQL checks of a pipeline run read what the run changed; the audit and the env switch read
everything; a suite whose scope is empty is recorded without importing GX.

Same simulated "second run" as test_scope.py: a copy of the article under a new id, logged later.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest
from conftest import ARTICLE_ID, failed, strip_constraints, validate_one
from test_scope import LATER, NEW_ID, add_second_article, changed

from pipelines.ingest.prepare import CLEAN_STAGE
from pipelines.quality.sql_checks import SQL_SCOPE_ENV, sql_scope_from_env
from pipelines.quality.suites import ERROR, spec_for
from pipelines.quality.validate import COLUMN_SET, _gx_validator, column_set_outcome


def sql_outcome(outcome, name: str):
    [match] = [o for o in outcome.outcomes if o.expectation_type == f"sql:{name}"]
    return match


def test_scoped_sql_check_finds_a_bad_row_of_the_new_article(conn):
    assert changed(conn, "core.sentences", "run-1").passed
    add_second_article(conn)
    conn.execute("UPDATE core.sentences SET text = 'not in the body' WHERE article_id = ? AND sentence_idx = 1",
                 [NEW_ID])
    outcome = changed(conn, "core.sentences", "run-2")
    failure = failed(outcome, "sql:sentence_text_matches_body")
    assert failure.kwargs["rows"] == "changed_since" and failure.kwargs["since"]
    assert failure.unexpected_count == 1 and failure.unexpected_sample[0]["article_id"] == NEW_ID
    assert failure.severity == ERROR and outcome.has_error


def test_scoped_check_reads_only_changed_articles_and_the_audit_reads_all(conn, monkeypatch):
    assert changed(conn, "core.sentences", "run-1").passed
    add_second_article(conn)
    # an old article's row corrupted by hand: no stage logged it, so no run's scope holds it ...
    conn.execute("UPDATE core.sentences SET text = 'edited' WHERE article_id = ? AND sentence_idx = 0", [ARTICLE_ID])
    scoped = changed(conn, "core.sentences", "run-2", record=False)
    check = sql_outcome(scoped, "sentence_text_matches_body")
    assert check.success and check.kwargs["rows"] == "changed_since"
    # ... the audit reads the whole table ...
    audit = validate_one(conn, "core.sentences", record=False)
    assert failed(audit, "sql:sentence_text_matches_body").kwargs["rows"] == "whole_table"
    # ... and so does a pipeline run told to
    monkeypatch.setenv(SQL_SCOPE_ENV, "full")
    forced = changed(conn, "core.sentences", "run-3", record=False)
    assert failed(forced, "sql:sentence_text_matches_body").unexpected_count == 1


def test_recleaned_article_has_its_mentions_rechecked_against_the_new_body(conn):
    assert changed(conn, "core.mentions", "run-1").passed
    # the clean stage rewrote the article (the body moved by one character), extraction did not run
    conn.execute("UPDATE core.articles SET body = 'X' || body, n_chars = n_chars + 1 WHERE article_id = ?",
                 [ARTICLE_ID])
    conn.execute("UPDATE core.stage_log SET processed_at = ? WHERE article_id = ? AND stage = ?",
                 [LATER, ARTICLE_ID, CLEAN_STAGE])
    outcome = changed(conn, "core.mentions", "run-2")
    assert outcome.scope.rows_validated == 0  # no mention row was rewritten ...
    failure = failed(outcome, "sql:mention_text_matches_body")  # ... but their article's body was
    assert failure.kwargs["rows"] == "changed_since" and failure.unexpected_count == 4


def test_scoped_uniqueness_counts_the_changed_keys_over_the_whole_table(conn):
    assert changed(conn, "core.stage_log", "run-1").passed
    strip_constraints(conn, "core.stage_log")
    add_second_article(conn)
    # a new entry duplicating an old one's key: only the new row is in the scope, the old one is not
    conn.execute("INSERT INTO core.stage_log SELECT * REPLACE (? AS processed_at) FROM core.stage_log "
                 "WHERE article_id = ? AND stage = ?", [LATER, ARTICLE_ID, CLEAN_STAGE])
    outcome = changed(conn, "core.stage_log", "run-2")
    assert outcome.scope.rows_validated == 3  # the new article's two entries and the duplicate
    failure = failed(outcome, "sql:unique_article_id_stage")
    assert failure.kwargs["rows"] == "changed_since"
    assert failure.unexpected_sample == [{"article_id": ARTICLE_ID, "stage": CLEAN_STAGE, "n_rows": 2}]


def test_sql_scope_from_env(monkeypatch):
    monkeypatch.delenv(SQL_SCOPE_ENV, raising=False)
    assert sql_scope_from_env() == "changed"
    monkeypatch.setenv(SQL_SCOPE_ENV, "FULL")
    assert sql_scope_from_env() == "full"
    monkeypatch.setenv(SQL_SCOPE_ENV, "sometimes")
    with pytest.raises(ValueError, match=SQL_SCOPE_ENV):
        sql_scope_from_env()


@pytest.mark.parametrize("columns, column_set, exact", [
    (["a", "b", "c"], ["a", "b"], False),
    (["a", "b", "c"], ["a", "b"], True),
    (["a", "b"], ["a", "b", "z"], False),
    (["b", "a"], ["a", "b"], True),
    (["a"], ["a", "b"], None),  # GX's default exact_match
    (["Article_ID", "b"], ["article_id", "b"], True),  # on a pandas batch GX compares names as written
])
def test_column_set_without_gx_agrees_with_gx(gx_imported, columns, column_set, exact):
    kwargs = {"column_set": column_set} if exact is None else {"column_set": column_set, "exact_match": exact}
    expectation = {"type": COLUMN_SET, "kwargs": kwargs, "severity": "critical"}
    spec = spec_for("core.claims")
    ours = column_set_outcome(spec, columns, expectation)
    [gx] = _gx_validator().validate(spec, pd.DataFrame(columns=columns), [expectation], "column-set-test")
    assert (ours.success, ours.observed_value, ours.severity) == (gx.success, gx.observed_value, gx.severity)


def test_run_that_changed_nothing_never_imports_gx(conn, valid_db):
    tables = ["raw.articles", "core.articles", "core.sentences", "core.mentions", "core.claims", "core.stage_log"]
    for table in tables:
        assert changed(conn, table, "run-1").passed
    conn.close()
    script = textwrap.dedent(f"""
        import sys
        import duckdb
        from pipelines.quality.scope import CHANGED
        from pipelines.quality.suites import spec_for
        from pipelines.quality.validate import validate_suites
        with duckdb.connect({str(valid_db)!r}) as conn:
            outcomes = validate_suites(conn, [spec_for(t) for t in {tables!r}], run_id="run-2", scope=CHANGED)
        assert all(o.passed and o.scope.rows_validated == 0 for o in outcomes), [o.failures for o in outcomes]
        assert all(o.expectation_type != "expect_table_columns_to_match_set" or o.success
                   for s in outcomes for o in s.outcomes)
        print("gx imported:", "great_expectations" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "gx imported: False" in done.stdout
