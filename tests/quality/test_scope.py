"""Row scope: a pipeline run's checks read the rows it changed (capped), the audit reads everything,
and whatever the changed rows cannot decide (duplicate keys across runs, NULL keys) is checked in
SQL over the whole table.

The "second run" is simulated the way the stages write: a second article, copied from the first
under a new id, with its ``core.stage_log`` entry (and raw ingest time) later than the first
validation, so only its rows have changed.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from conftest import ARTICLE_ID, NOW, failed, strip_constraints, validate_one

from pipelines.quality.scope import (
    CHANGED,
    DEFAULT_GX_MAX_ROWS,
    FULL,
    GX_MAX_ROWS_ENV,
    ROWS_NOT_VALIDATED_BEFORE,
    gx_max_rows_from_env,
)
from pipelines.quality.suites import ERROR, spec_for
from pipelines.quality.validate import validate_suites

NEW_ID = "f" * 32
LATER = NOW + timedelta(days=1)
PER_ARTICLE_TABLES = ("core.sentences", "core.mentions", "core.person_roles", "core.dates")


def add_second_article(conn, processed_at: datetime = LATER) -> None:
    """A second article (same text, new id) with every row a run of the stages would write for it."""
    conn.execute("INSERT INTO raw.articles SELECT * REPLACE (? AS article_id, ? AS first_ingested_at) "
                 "FROM raw.articles WHERE article_id = ?", [NEW_ID, processed_at, ARTICLE_ID])
    conn.execute("INSERT INTO raw.source_files SELECT * REPLACE ('inbox/second.txt' AS path, ? AS article_id, "
                 "? AS ingested_at) FROM raw.source_files WHERE article_id = ?", [NEW_ID, processed_at, ARTICLE_ID])
    conn.execute("INSERT INTO core.articles SELECT * REPLACE (? AS article_id, ? AS processed_at) "
                 "FROM core.articles WHERE article_id = ?", [NEW_ID, processed_at, ARTICLE_ID])
    for table in PER_ARTICLE_TABLES:
        conn.execute(f"INSERT INTO {table} SELECT * REPLACE (? AS article_id) FROM {table} WHERE article_id = ?",
                     [NEW_ID, ARTICLE_ID])
    conn.execute("INSERT INTO core.claims SELECT * REPLACE (claim_id || '-2' AS claim_id, ? AS article_id) "
                 "FROM core.claims WHERE article_id = ?", [NEW_ID, ARTICLE_ID])
    conn.execute("INSERT INTO core.stage_log SELECT * REPLACE (? AS article_id, ? AS processed_at) "
                 "FROM core.stage_log WHERE article_id = ?", [NEW_ID, processed_at, ARTICLE_ID])


def changed(conn, asset_key: str, run_id: str, **kwargs):
    return validate_one(conn, asset_key, run_id=run_id, scope=CHANGED, **kwargs)


def test_first_changed_validation_reads_the_whole_table_then_only_what_changed(conn):
    first = changed(conn, "core.claims", "run-1")
    assert first.passed
    assert first.scope.basis == "whole_table_no_previous_validation"
    assert (first.scope.rows_in_table, first.scope.rows_validated) == (2, 2)
    assert first.scope.high_water == NOW  # the stage_log time of the only article

    nothing_new = changed(conn, "core.claims", "run-2")
    assert nothing_new.passed
    assert nothing_new.scope.basis == "changed_since" and nothing_new.scope.since == NOW
    assert (nothing_new.scope.rows_in_table, nothing_new.scope.rows_validated) == (2, 0)

    add_second_article(conn)
    third = changed(conn, "core.claims", "run-3")
    assert third.passed, [f.as_failure() for f in third.failures]
    assert (third.scope.rows_in_table, third.scope.rows_in_scope, third.scope.rows_validated) == (4, 2, 2)
    assert third.scope.high_water == LATER
    # the audit still reads every row
    assert validate_one(conn, "core.claims", record=False).scope.rows_validated == 4


@pytest.mark.parametrize("asset_key, expected_rows", [
    ("raw.articles", 1), ("raw.source_files", 1), ("core.articles", 1), ("core.sentences", 2),
    ("core.stage_log", 2), ("core.mentions", 4), ("core.dates", 2), ("core.person_roles", 1),
    ("core.claims", 2), ("core.entities", 4),  # KZ, AE, Trump, the accord: what the new article refers to
])
def test_changed_scope_of_every_incremental_table_is_the_new_articles_rows(conn, asset_key, expected_rows):
    assert changed(conn, asset_key, "run-1").passed
    add_second_article(conn)
    outcome = changed(conn, asset_key, "run-2")
    assert outcome.passed, [f.as_failure() for f in outcome.failures]
    assert outcome.scope.basis == "changed_since"
    assert outcome.scope.rows_validated == expected_rows


def test_bad_country_code_in_the_new_rows_fails_with_the_code(conn):
    assert changed(conn, "core.claims", "run-1").passed
    add_second_article(conn)
    conn.execute("UPDATE core.claims SET country_code = 'KAZ' WHERE claim_id = 'claim-kz-2'")
    outcome = changed(conn, "core.claims", "run-2")
    failure = failed(outcome, "expect_column_values_to_be_in_set", "country_code")
    assert failure.unexpected_sample == [{"value": "KAZ", "row": {"claim_id": "claim-kz-2"}}]
    assert outcome.has_error and outcome.scope.rows_validated == 2


def test_new_row_duplicating_an_old_id_fails_in_sql_over_the_whole_table(conn):
    assert changed(conn, "core.claims", "run-1").passed
    strip_constraints(conn, "core.claims")
    add_second_article(conn)
    conn.execute("UPDATE core.claims SET claim_id = 'claim-ae' WHERE claim_id = 'claim-ae-2'")
    outcome = changed(conn, "core.claims", "run-2")
    # the GX batch holds only the new article's rows, where 'claim-ae' occurs once ...
    assert outcome.scope.rows_validated == 2
    assert not [f for f in outcome.failures if f.expectation_type == "expect_column_values_to_be_unique"]
    # ... the whole-table mirror of the suite's uniqueness rule sees both
    failure = failed(outcome, "sql:unique_claim_id", "claim_id")
    assert failure.unexpected_sample == [{"claim_id": "claim-ae", "n_rows": 2}]
    assert failure.severity == ERROR and outcome.has_error


def test_null_key_outside_any_changed_scope_fails_in_sql(conn):
    assert changed(conn, "core.mentions", "run-1").passed
    strip_constraints(conn, "core.mentions")
    # a NULL article_id puts the row in no run's changed scope
    conn.execute("UPDATE core.mentions SET article_id = NULL WHERE text = 'Kazakhstan'")
    outcome = changed(conn, "core.mentions", "run-2")
    assert outcome.scope.rows_validated == 0
    failure = failed(outcome, "sql:not_null_keys")
    assert failure.unexpected_count == 1
    assert {"article_id": None, "entity_id": "country:KZ"}.items() <= failure.unexpected_sample[0].items()


def test_compound_key_duplicates_are_reported_with_their_key(conn):
    strip_constraints(conn, "core.sentences")
    conn.execute("INSERT INTO core.sentences SELECT * FROM core.sentences WHERE sentence_idx = 1")
    failure = failed(validate_one(conn, "core.sentences", record=False), "sql:unique_article_id_sentence_idx")
    assert failure.unexpected_sample == [{"article_id": ARTICLE_ID, "sentence_idx": 1, "n_rows": 2}]


def test_a_uniqueness_check_in_passes_finds_each_duplicate_once(conn, monkeypatch):
    from pipelines.quality import sql_checks

    strip_constraints(conn, "core.sentences")
    # ten more sentences (100-109), then five of them twice: five duplicate keys, whatever the fixture holds
    conn.execute("INSERT INTO core.sentences SELECT s.* REPLACE (r.i AS sentence_idx) "
                 "FROM core.sentences s, range(100, 110) r(i) WHERE s.sentence_idx = 0")
    conn.execute("INSERT INTO core.sentences SELECT * FROM core.sentences WHERE sentence_idx BETWEEN 100 AND 104")
    name = "sql:unique_article_id_sentence_idx"
    one_pass = failed(validate_one(conn, "core.sentences", record=False), name)
    monkeypatch.setattr(sql_checks, "ROWS_PER_KEY_PASS", 1)  # a pass per row of the table
    [unique] = [c for c in sql_checks.whole_table_key_checks(spec_for("core.sentences")) if c.pass_columns]
    rows = conn.execute("SELECT count(*) FROM core.sentences").fetchone()[0]
    passes = sql_checks.key_pass_queries(unique, unique.sql, rows)
    assert len(passes) == rows > 15 and f"(hash(t.article_id, t.sentence_idx) % {rows} = 1)" in passes[1]
    in_passes = failed(validate_one(conn, "core.sentences", record=False), name)
    assert in_passes.unexpected_count == one_pass.unexpected_count == 5
    by_idx = lambda sample: sorted(sample, key=lambda row: row["sentence_idx"])  # noqa: E731
    assert by_idx(in_passes.unexpected_sample) == by_idx(one_pass.unexpected_sample) == [
        {"article_id": ARTICLE_ID, "sentence_idx": i, "n_rows": 2} for i in range(100, 105)
    ]


def test_mentions_outside_their_sentence_are_found_in_passes_by_article(conn, monkeypatch):
    from pipelines.quality import sql_checks

    # eight copies of the article's sentences and mentions; in each, the first mention is moved: to a
    # sentence that does not exist in the even copies, to the other sentence in the odd ones
    copies = [f"{i:x}" * 32 for i in range(1, 9)]
    for table in ("core.sentences", "core.mentions"):
        conn.execute(f"INSERT INTO {table} SELECT t.* REPLACE (c.id AS article_id) FROM {table} t, "
                     "(SELECT unnest(?) AS id) c WHERE t.article_id = ?", [copies, ARTICLE_ID])
    for i, article in enumerate(copies):
        conn.execute(f"UPDATE core.mentions SET sentence_idx = {'999' if i % 2 == 0 else '1 - sentence_idx'} "
                     "WHERE rowid = (SELECT min(rowid) FROM core.mentions WHERE article_id = ?)", [article])
    name = "sql:mention_inside_its_sentence"
    one_pass = failed(validate_one(conn, "core.mentions", record=False), name)
    monkeypatch.setattr(sql_checks, "ROWS_PER_KEY_PASS", 1)  # a pass per mention row
    in_passes = failed(validate_one(conn, "core.mentions", record=False), name)
    assert in_passes.unexpected_count == one_pass.unexpected_count == 8
    by_article = lambda sample: sorted(sample, key=lambda row: row["article_id"])  # noqa: E731
    assert by_article(in_passes.unexpected_sample) == by_article(one_pass.unexpected_sample)
    missing = [row["article_id"] for row in one_pass.unexpected_sample if row["sentence_start"] is None]
    assert sorted(missing) == copies[0::2]


def test_a_failing_validation_does_not_move_the_high_water_mark(conn):
    assert changed(conn, "core.claims", "run-1").passed
    add_second_article(conn)
    conn.execute("UPDATE core.claims SET country_code = 'KAZ' WHERE claim_id = 'claim-kz-2'")
    assert changed(conn, "core.claims", "run-2").has_error
    # the next run still reads the rows that failed, and fails again until they are fixed
    again = changed(conn, "core.claims", "run-3")
    assert again.scope.since == NOW and again.scope.rows_validated == 2
    assert failed(again, "expect_column_values_to_be_in_set", "country_code").unexpected_count == 1
    conn.execute("UPDATE core.claims SET country_code = 'KZ' WHERE claim_id = 'claim-kz-2'")
    assert changed(conn, "core.claims", "run-4").passed
    assert changed(conn, "core.claims", "run-5").scope.rows_validated == 0


def test_warnings_do_move_the_high_water_mark(conn):
    conn.execute("UPDATE core.articles SET published_at = NULL")
    first = changed(conn, "core.articles", "run-1")
    assert not first.passed and not first.has_error
    assert changed(conn, "core.articles", "run-2").scope.rows_validated == 0


def test_the_scope_never_starts_after_the_current_run(conn):
    # another run validated after this run started: this run's own rows must stay in scope
    assert changed(conn, "core.claims", "other-run").passed
    started = NOW - timedelta(hours=1)
    outcome = changed(conn, "core.claims", "this-run", run_started_at=started)
    assert outcome.scope.since == started and outcome.scope.rows_validated == 2


def test_cap_limits_the_rows_gx_reads_and_says_so(conn):
    outcome = validate_one(conn, "core.sentences", record=False, max_rows=1)
    scope = outcome.scope
    assert (scope.mode, scope.rows_in_table, scope.rows_in_scope, scope.rows_validated) == (FULL, 2, 2, 1)
    assert scope.truncated and scope.metadata()["truncated"] is True
    assert outcome.row_count == 2  # the row-count history still counts the whole table
    assert not validate_one(conn, "core.sentences", record=False, max_rows=2).scope.truncated


def test_a_view_is_read_whole_once_then_only_for_rows_no_validation_read(conn):
    first = changed(conn, "analytics.membership_growth", "run-1")
    assert first.passed and first.scope.basis == "whole_table_no_change_time"
    assert first.scope.rows_validated == first.row_count > 0
    second = changed(conn, "analytics.membership_growth", "run-2")  # the view did not change
    assert second.passed and second.scope.basis == ROWS_NOT_VALIDATED_BEFORE
    assert (second.scope.rows_in_scope, second.scope.rows_validated) == (0, 0)
    assert second.row_count == first.row_count  # the row-count history still counts the whole view


def events_scope(conn, run_id: str, **kwargs):
    outcome = changed(conn, "core.membership_events", run_id, **kwargs)
    return outcome, (outcome.scope.basis, outcome.scope.rows_in_scope, outcome.scope.rows_validated)


def test_a_rebuilt_table_reads_the_rows_the_rebuild_changed_and_rereads_rows_that_failed(conn):
    assert events_scope(conn, "run-1")[1] == ("whole_table_no_change_time", 2, 2)
    assert events_scope(conn, "run-2")[1] == (ROWS_NOT_VALIDATED_BEFORE, 0, 0)
    # a rebuild that changes one event (its dates now the hull of its claims'): that row only
    conn.execute("UPDATE core.membership_events SET date_basis = 'hull' WHERE event_id = 'event-ae'")
    outcome, scope = events_scope(conn, "run-3")
    assert scope == (ROWS_NOT_VALIDATED_BEFORE, 1, 1) and outcome.passed
    # a broken row fails with ERROR and is read again by the next run (nothing was remembered)...
    conn.execute("UPDATE core.membership_events SET n_claims = -1 WHERE event_id = 'event-kz'")
    outcome, scope = events_scope(conn, "run-4")
    assert scope == (ROWS_NOT_VALIDATED_BEFORE, 1, 1) and outcome.severity == ERROR
    assert failed(outcome, "expect_column_values_to_be_between", "n_claims").unexpected_count == 1
    outcome, scope = events_scope(conn, "run-5")
    assert scope == (ROWS_NOT_VALIDATED_BEFORE, 1, 1) and outcome.severity == ERROR
    # ...until it is mended: the mended row is new again, then nothing is left to read
    conn.execute("UPDATE core.membership_events SET n_claims = 1 WHERE event_id = 'event-kz'")
    assert events_scope(conn, "run-6")[0].passed
    assert events_scope(conn, "run-7")[1] == (ROWS_NOT_VALIDATED_BEFORE, 0, 0)


def test_rows_the_cap_cut_are_read_by_the_next_run(conn):
    assert events_scope(conn, "run-1", max_rows=1)[1] == ("whole_table_no_change_time", 2, 1)
    assert events_scope(conn, "run-2", max_rows=1)[1] == (ROWS_NOT_VALIDATED_BEFORE, 1, 1)
    assert events_scope(conn, "run-3", max_rows=1)[1] == (ROWS_NOT_VALIDATED_BEFORE, 0, 0)
    # a row that left the table is forgotten: the table's rows and the remembered hashes stay equal
    conn.execute("DELETE FROM core.membership_events WHERE event_id = 'event-kz'")
    events_scope(conn, "run-4")
    assert conn.execute("SELECT count(*) FROM quality.validated_rows WHERE asset = 'core.membership_events'"
                        ).fetchone()[0] == 1


def test_one_scope_row_per_suite_per_run_is_recorded(conn):
    specs = [spec_for("core.articles"), spec_for("core.claims")]
    validate_suites(conn, specs, run_id="run-1", scope=CHANGED, max_rows=1)
    rows = conn.execute("SELECT asset, scope_mode, basis, rows_in_table, rows_in_scope, rows_validated, max_rows, "
                        "has_error, high_water FROM quality.validation_scopes ORDER BY asset").fetchall()
    assert rows == [
        ("core.articles", CHANGED, "whole_table_no_previous_validation", 1, 1, 1, 1, False, NOW),
        ("core.claims", CHANGED, "whole_table_no_previous_validation", 2, 2, 1, 1, False, NOW),
    ]


def test_metadata_says_exactly_what_gx_read(conn):
    meta = validate_one(conn, "core.claims", record=False, scope=CHANGED, max_rows=10).metadata()["row_scope"]
    assert meta == {"mode": CHANGED, "basis": "whole_table_no_previous_validation", "since": None,
                    "high_water": NOW.isoformat(), "rows_in_table": 2, "rows_in_scope": 2, "rows_validated": 2,
                    "max_rows": 10, "truncated": False}
    json.dumps(meta)


def test_gx_max_rows_from_env(monkeypatch):
    monkeypatch.delenv(GX_MAX_ROWS_ENV, raising=False)
    assert gx_max_rows_from_env() == DEFAULT_GX_MAX_ROWS
    monkeypatch.setenv(GX_MAX_ROWS_ENV, "1200")
    assert gx_max_rows_from_env() == 1200
    monkeypatch.setenv(GX_MAX_ROWS_ENV, "0")
    assert gx_max_rows_from_env() is None
    for bad in ("-1", "many"):
        monkeypatch.setenv(GX_MAX_ROWS_ENV, bad)
        with pytest.raises(ValueError, match=GX_MAX_ROWS_ENV):
            gx_max_rows_from_env()


def test_empty_scope_records_every_expectation_and_still_checks_the_columns(conn):
    full = changed(conn, "core.claims", "run-1")
    conn.execute("ALTER TABLE core.claims DROP COLUMN ordinal")  # a schema change, no row changed
    empty = changed(conn, "core.claims", "run-2")
    assert empty.scope.rows_validated == 0
    assert len(empty.outcomes) == len(full.outcomes)  # one history row per expectation, as always
    columns = failed(empty, "expect_table_columns_to_match_set")  # the empty batch still has the columns
    assert columns.severity == ERROR and empty.has_error
    row_level = [o for o in empty.outcomes if not o.expectation_type.startswith(("expect_table_", "sql:"))]
    assert row_level and all(o.success and o.observed_value == "no rows in scope" for o in row_level)


def test_a_table_is_reread_only_when_the_stage_writing_it_logs_the_article(conn):
    from pipelines.extract.assets import EXTRACT_STAGE

    assert changed(conn, "core.sentences", "run-1").passed
    assert changed(conn, "core.claims", "run-1").passed
    # the article is re-extracted (not re-cleaned): its claims change, its sentences do not
    conn.execute("UPDATE core.stage_log SET processed_at = ? WHERE stage = ?", [LATER, EXTRACT_STAGE])
    assert changed(conn, "core.sentences", "run-2").scope.rows_validated == 0
    assert changed(conn, "core.claims", "run-2").scope.rows_validated == 2


def test_suites_read_in_batches_of_rows_give_the_same_outcomes(conn, monkeypatch):
    import pipelines.quality.validate as validate

    specs = [spec_for(key) for key in ("core.articles", "core.sentences", "core.claims", "analytics.membership_growth")]

    def outcomes(run_id):
        return [(o.spec.asset_key, [(e.expectation_type, e.success, e.unexpected_count) for e in o.outcomes])
                for o in validate_suites(conn, specs, run_id=run_id, record=False)]

    together = outcomes("together")
    monkeypatch.setattr(validate, "GX_BATCH_ROWS", 1)  # one suite per batch (as uncapped whole tables go)
    assert outcomes("one-by-one") == together
    assert [key for key, _ in together] == [s.asset_key for s in specs]
    assert all(len(results) > 3 for _, results in together)


def test_columns_no_expectation_names_are_not_read_yet_a_change_to_them_is_seen(conn):
    from pipelines.quality.scope import batch_select_list, read_scope

    spec = spec_for("core.membership_events")
    select = batch_select_list(conn, spec)
    # evidence_sample is named by no expectation of the suite: a typed NULL, not the text
    assert 'CAST(NULL AS VARCHAR) AS "evidence_sample"' in select and 't."evidence_sample"' not in select
    assert 't."n_claims"' in select and 't."event_id"' in select  # a range rule and the key: read
    _, batch = read_scope(conn, spec)
    assert "evidence_sample" in batch.columns and batch["evidence_sample"].isna().all()
    assert set(batch["event_id"]) == {"event-ae", "event-kz"}
    assert events_scope(conn, "run-1")[0].passed  # the column-set rule still sees the column
    assert events_scope(conn, "run-2")[1] == (ROWS_NOT_VALIDATED_BEFORE, 0, 0)
    # the row hash covers every column: a row whose unread column changed is read again
    conn.execute("UPDATE core.membership_events SET evidence_sample = 'edited' WHERE event_id = 'event-kz'")
    assert events_scope(conn, "run-3")[1] == (ROWS_NOT_VALIDATED_BEFORE, 1, 1)
