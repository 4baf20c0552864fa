"""Real GX validations of a real DuckDB warehouse: valid rows pass, each corruption is caught
with the offending value in the outcome, and the history grows by one row per expectation."""

from __future__ import annotations

import json

from conftest import ARTICLE_ID, BODY, SENTENCES, failed, strip_constraints, validate_one

from pipelines.quality.suites import ERROR, SUITE_SPECS, WARN, spec_for
from pipelines.quality.validate import validate_suites


def _values(outcome) -> list:
    """The offending values of a GX failure (samples are {'value': v, 'row': {...}} or bare values)."""
    return [s["value"] if isinstance(s, dict) and "value" in s else s for s in outcome.unexpected_sample]


def test_valid_warehouse_passes_every_suite(conn):
    outcomes = validate_suites(conn, record=False)
    assert [o.spec.asset_key for o in outcomes] == [s.asset_key for s in SUITE_SPECS]
    for outcome in outcomes:
        assert outcome.passed, (outcome.spec.asset_key, [f.as_failure() for f in outcome.failures])
        assert not outcome.skipped
        assert len(outcome.outcomes) >= 6
    growth = next(o for o in outcomes if o.spec.asset_key == "analytics.membership_growth")
    assert growth.row_count > 0  # the real view has months to check


def test_duplicate_raw_article_id_fails_with_the_id(conn):
    strip_constraints(conn, "raw.articles")
    conn.execute("INSERT INTO raw.articles SELECT * REPLACE ('Another title' AS title) FROM raw.articles")
    outcome = validate_one(conn, "raw.articles", record=False)
    failure = failed(outcome, "expect_column_values_to_be_unique", "article_id")
    assert failure.unexpected_count == 2
    assert _values(failure) == [ARTICLE_ID, ARTICLE_ID]
    assert outcome.has_error and outcome.severity == ERROR


def test_missing_published_at_is_a_warning_only(conn):
    conn.execute("UPDATE core.articles SET published_at = NULL, published_at_source = NULL")
    outcome = validate_one(conn, "core.articles", record=False)
    failure = failed(outcome, "expect_column_values_to_not_be_null", "published_at")
    assert failure.severity == WARN
    assert [f.expectation_type for f in outcome.failures] == ["expect_column_values_to_not_be_null"]
    assert not outcome.passed and not outcome.has_error and outcome.severity == WARN


def test_article_length_not_matching_body_fails(conn):
    conn.execute("UPDATE core.articles SET n_chars = 999")
    failure = failed(validate_one(conn, "core.articles", record=False), "sql:article_n_chars_matches_body")
    assert failure.unexpected_sample == [{"article_id": ARTICLE_ID, "n_chars": 999, "body_length": len(BODY)}]


def test_sentence_offset_past_the_end_of_the_body_fails(conn):
    conn.execute(f"UPDATE core.sentences SET end_char = {len(BODY) + 7} WHERE sentence_idx = 1")
    outcome = validate_one(conn, "core.sentences", record=False)
    failure = failed(outcome, "sql:sentence_offsets_inside_body")
    assert failure.unexpected_sample[0]["end_char"] == len(BODY) + 7
    assert failure.unexpected_sample[0]["body_length"] == len(BODY)
    assert outcome.has_error


def test_mention_offsets_that_do_not_slice_back_to_the_text_fail(conn):
    conn.execute("UPDATE core.mentions SET start_char = start_char + 1, end_char = end_char + 1 "
                 "WHERE text = 'Kazakhstan'")
    failure = failed(validate_one(conn, "core.mentions", record=False), "sql:mention_text_matches_body")
    [row] = failure.unexpected_sample
    assert row["stored_text"] == "Kazakhstan"
    assert row["body_slice"] == "azakhstan "  # BODY[1:11]


def test_checks_reading_bodies_find_faults_under_their_small_memory_limit_then_restore_it(conn, monkeypatch):
    from pipelines.warehouse import configure_memory_limit

    configure_memory_limit(conn, "1GB")
    monkeypatch.setenv("ACCORDWATCH_BODY_CHECK_MEMORY_LIMIT", "64MB")
    conn.execute("UPDATE core.sentences SET text = 'tampered' WHERE sentence_idx = 1")
    outcome = validate_one(conn, "core.sentences", record=False)
    failure = failed(outcome, "sql:sentence_text_matches_body")  # still found under the small limit
    assert failure.unexpected_sample[0]["stored_text"] == "tampered"
    assert conn.execute("SELECT current_setting('memory_limit')").fetchone()[0] == "953.6 MiB"  # 1GB again


def test_mention_of_unknown_entity_fails(conn):
    conn.execute("UPDATE core.mentions SET entity_id = 'country:ZZZ' WHERE text = 'United Arab Emirates'")
    failure = failed(validate_one(conn, "core.mentions", record=False), "sql:mention_entity_exists")
    assert failure.unexpected_sample[0]["entity_id"] == "country:ZZZ"


def test_entity_with_alpha3_as_iso2_fails_with_the_code(conn):
    conn.execute("UPDATE core.entities SET iso2 = 'KAZ' WHERE entity_id = 'country:KZ'")
    failure = failed(validate_one(conn, "core.entities", record=False), "expect_column_values_to_be_in_set", "iso2")
    assert failure.unexpected_sample == [{"value": "KAZ", "row": {"entity_id": "country:KZ"}}]


def test_claim_with_bad_country_code_fails_naming_code_and_claim(conn):
    conn.execute("UPDATE core.claims SET country_code = 'KAZ' WHERE claim_id = 'claim-kz'")
    outcome = validate_one(conn, "core.claims", record=False)
    failure = failed(outcome, "expect_column_values_to_be_in_set", "country_code")
    assert failure.unexpected_sample == [{"value": "KAZ", "row": {"claim_id": "claim-kz"}}]
    assert failure.severity == ERROR
    # the claim's country has no entity either
    assert failed(outcome, "sql:claim_entities_exist").unexpected_sample[0]["country_code"] == "KAZ"


def test_claim_with_null_key_fails(conn):
    strip_constraints(conn, "core.claims")
    conn.execute("UPDATE core.claims SET claim_id = NULL WHERE claim_id = 'claim-ae'")
    failure = failed(validate_one(conn, "core.claims", record=False), "expect_column_values_to_not_be_null", "claim_id")
    assert failure.unexpected_count == 1
    assert _values(failure) == [None]


def test_claim_with_accord_alias_instead_of_canonical_name_fails(conn):
    conn.execute("UPDATE core.claims SET accord = 'Abraham Accord' WHERE claim_id = 'claim-ae'")
    failure = failed(validate_one(conn, "core.claims", record=False), "expect_column_values_to_be_in_set", "accord")
    assert _values(failure) == ["Abraham Accord"]


def test_claim_evidence_offset_past_the_end_fails(conn):
    conn.execute(f"UPDATE core.claims SET end_char = {len(BODY) + 1} WHERE claim_id = 'claim-ae'")
    outcome = validate_one(conn, "core.claims", record=False)
    row = failed(outcome, "sql:claim_evidence_offsets_inside_body").unexpected_sample[0]
    assert (row["claim_id"], row["end_char"], row["body_length"]) == ("claim-ae", len(BODY) + 1, len(BODY))


def test_claim_evidence_offsets_not_slicing_back_to_the_evidence_fail(conn):
    conn.execute("UPDATE core.claims SET start_char = start_char + 1 WHERE claim_id = 'claim-ae'")
    row = failed(validate_one(conn, "core.claims", record=False), "sql:claim_evidence_text_matches_body").unexpected_sample[0]
    assert row["stored_text"] == SENTENCES[1]
    assert row["body_slice"] == SENTENCES[1][1:]


def test_claim_dated_after_publication_warns_unless_future(conn):
    conn.execute("UPDATE core.claims SET date_lower = DATE '2025-12-01', date_upper = DATE '2025-12-31', "
                 "date_edtf = '2025-12' WHERE claim_id = 'claim-kz'")
    outcome = validate_one(conn, "core.claims", record=False)
    failure = failed(outcome, "sql:claim_event_not_after_publication")
    assert failure.unexpected_sample[0]["claim_id"] == "claim-kz"
    assert failure.unexpected_sample[0]["date_lower"] == "2025-12-01"
    # a wrong published_at is recorded, not blocking: the only failure is a warning
    assert failure.severity == WARN
    assert [f.expectation_type for f in outcome.failures] == ["sql:claim_event_not_after_publication"]
    assert not outcome.has_error and outcome.severity == WARN
    conn.execute("UPDATE core.claims SET is_future = TRUE WHERE claim_id = 'claim-kz'")
    assert validate_one(conn, "core.claims", record=False).passed


def test_claim_with_reversed_dates_fails(conn):
    conn.execute("UPDATE core.claims SET date_lower = DATE '2021-01-01' WHERE claim_id = 'claim-ae'")
    failure = failed(validate_one(conn, "core.claims", record=False),
                     "expect_column_pair_values_a_to_be_greater_than_b", "date_upper,date_lower")
    assert failure.unexpected_count == 1


def test_event_linking_a_missing_claim_and_duplicate_event_ids_fail(conn):
    strip_constraints(conn, "core.membership_events")
    conn.execute("UPDATE core.membership_events SET claim_ids = ['claim-missing'] WHERE event_id = 'event-ae'")
    conn.execute("INSERT INTO core.membership_events SELECT * FROM core.membership_events WHERE event_id = 'event-kz'")
    outcome = validate_one(conn, "core.membership_events", record=False)
    links = failed(outcome, "sql:event_claims_exist_and_agree").unexpected_sample
    assert {"event_id": "event-ae", "claim_id": "claim-missing"}.items() <= links[0].items()
    assert _values(failed(outcome, "expect_column_values_to_be_unique", "event_id")) == ["event-kz", "event-kz"]


def test_membership_growth_falling_without_withdrawal_warns(conn):
    conn.execute("DROP VIEW analytics.membership_growth")
    conn.execute("CREATE TABLE analytics.membership_growth AS SELECT * FROM (VALUES "
                 "('Abraham Accords', DATE '2020-09-01', 2, 2), ('Abraham Accords', DATE '2020-10-01', 1, 2)) "
                 "t(accord, month, members_lower, members_upper)")
    outcome = validate_one(conn, "analytics.membership_growth", record=False)
    failure = failed(outcome, "sql:membership_growth_never_decreases_without_withdrawal")
    assert failure.unexpected_sample[0]["month"] == "2020-10-01"
    assert failure.unexpected_sample[0]["prev_lower"] == 2 and failure.unexpected_sample[0]["members_lower"] == 1
    assert failure.severity == WARN and not outcome.has_error
    conn.execute("UPDATE core.claims SET status = 'withdrawn' WHERE claim_id = 'claim-ae'")
    assert validate_one(conn, "analytics.membership_growth", record=False).passed


def test_missing_view_is_reported_not_raised(conn):
    conn.execute("DROP VIEW analytics.claim_conflicts")
    outcome = validate_one(conn, "analytics.claim_conflicts", record=False)
    assert failed(outcome, "sql:table_exists").severity == WARN


def test_results_table_grows_by_one_row_per_expectation_per_run(conn):
    def n_rows() -> int:
        return conn.execute("SELECT count(*) FROM quality.validation_results").fetchone()[0]

    assert n_rows() == 0
    conn.execute("UPDATE core.claims SET country_code = 'KAZ' WHERE claim_id = 'claim-kz'")
    specs = [spec_for("core.articles"), spec_for("core.claims")]
    first = validate_suites(conn, specs, run_id="run-1")
    per_run = sum(len(o.outcomes) for o in first)
    assert n_rows() == per_run
    validate_suites(conn, specs, run_id="run-2")
    assert n_rows() == 2 * per_run
    claims_rows = conn.execute("SELECT count(*) FROM quality.validation_results WHERE run_id = 'run-2' "
                               "AND asset = 'core.claims'").fetchone()[0]
    assert claims_rows == len(next(o for o in first if o.spec.asset_key == "core.claims").outcomes)
    success, severity, sample, kwargs = conn.execute(
        "SELECT success, severity, unexpected_sample, kwargs_json FROM quality.validation_results "
        "WHERE run_id = 'run-1' AND asset = 'core.claims' "
        "AND expectation_type = 'expect_column_values_to_be_in_set' AND kwargs_json LIKE '%\"country_code\"%'"
    ).fetchone()
    assert (success, severity) == (False, ERROR)
    assert json.loads(sample) == [{"value": "KAZ", "row": {"claim_id": "claim-kz"}}]
    assert json.loads(kwargs)["value_set"]["n_values"] > 200  # the injected set, abbreviated


def test_row_count_drop_beyond_the_allowed_share_fails_once(conn):
    validate_one(conn, "core.sentences", run_id="before", max_row_drop_share=0.25)
    conn.execute("DELETE FROM core.sentences WHERE sentence_idx = 1")
    outcome = validate_one(conn, "core.sentences", run_id="after", max_row_drop_share=0.25)
    failure = failed(outcome, "sql:row_count_not_dropping")
    assert failure.unexpected_sample == [{"previous_row_count": 2, "row_count": 1}]
    assert outcome.has_error
    # the drop is now history: the next run compares with 1 row
    later = validate_one(conn, "core.sentences", run_id="later", max_row_drop_share=0.25)
    assert not [f for f in later.failures if f.expectation_type == "sql:row_count_not_dropping"]
    # a drop within the allowed share passes
    conn.execute("DELETE FROM core.sentences")
    emptied = validate_one(conn, "core.sentences", run_id="emptied", max_row_drop_share=1.0)
    assert not [f for f in emptied.failures if f.expectation_type == "sql:row_count_not_dropping"]


def test_a_body_checked_for_presence_only_is_not_read_while_declared_not_null_and_still_judged(conn):
    from pipelines.quality.scope import NOT_NULL_BY_DEFINITION, PRESENCE_PREFIX_CHARS, batch_select_list

    select = batch_select_list(conn, spec_for("core.articles"))
    # the table declares body NOT NULL (DuckDB refuses a NULL on every write): it is not read at all
    assert f'{NOT_NULL_BY_DEFINITION} AS "body"' in select and 't."body"' not in select
    assert 't."language"' in select and 't."article_id"' in select  # a regex and a key: read whole
    outcome = validate_one(conn, "core.articles", record=False)
    assert not [o for o in outcome.failures if o.column == "body"]
    conn.execute("ALTER TABLE core.articles ALTER body DROP NOT NULL")
    # without the constraint the column is read again, as a prefix (not copied into pandas whole)
    select = batch_select_list(conn, spec_for("core.articles"))
    assert f'left(t."body", {PRESENCE_PREFIX_CHARS}) AS "body"' in select
    conn.execute("UPDATE core.articles SET body = NULL")
    outcome = validate_one(conn, "core.articles", record=False)
    assert failed(outcome, "expect_column_values_to_not_be_null", "body").unexpected_count == 1
