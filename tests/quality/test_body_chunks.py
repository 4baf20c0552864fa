"""The checks slicing texts out of article bodies read the bodies chunk by chunk (a bounded number of
characters per query, so their memory does not grow with the corpus) and find the same faults as one
query over every body: in any chunk, in the whole-table and the changed scope."""

from __future__ import annotations

import pytest
from conftest import ARTICLE_ID, failed, validate_one
from test_scope import NEW_ID, add_second_article, changed

from pipelines.quality.sql_checks import (
    BODY_CHECK_CHUNK_CHARS_ENV,
    BODY_CHECK_MEMORY_LIMIT_ENV,
    body_check_chunk_chars,
    body_chunks,
    doubled_size,
)


def test_chunks_hold_about_the_budget_and_cover_every_row():
    assert body_chunks([0, 1, 2, 5, 6], [10, 10, 10, 10, 10], 20) == [(0, 2), (2, 6), (6, 7)]
    assert body_chunks([3, 4], [50, 5], 20) == [(3, 4), (4, 5)]  # a body larger than the budget is a chunk
    assert body_chunks([7], [5], 20) == [(7, 8)]
    assert body_chunks([], [], 20) == []


def _tamper_first_sentence(conn, article_id: str) -> None:
    conn.execute("UPDATE core.sentences SET text = 'tampered' WHERE article_id = ? AND sentence_idx = 1",
                 [article_id])


@pytest.mark.parametrize("chunk_chars", ["1", "100000000"])  # one article per chunk; every article in one
def test_faults_in_every_chunk_are_counted_and_sampled(conn, monkeypatch, chunk_chars):
    monkeypatch.setenv(BODY_CHECK_CHUNK_CHARS_ENV, chunk_chars)
    add_second_article(conn)
    _tamper_first_sentence(conn, ARTICLE_ID)
    _tamper_first_sentence(conn, NEW_ID)
    failure = failed(validate_one(conn, "core.sentences", record=False), "sql:sentence_text_matches_body")
    assert failure.unexpected_count == 2
    assert sorted(row["article_id"] for row in failure.unexpected_sample) == sorted([ARTICLE_ID, NEW_ID])
    assert {row["stored_text"] for row in failure.unexpected_sample} == {"tampered"}


def test_clean_rows_pass_in_chunks(conn, monkeypatch):
    monkeypatch.setenv(BODY_CHECK_CHUNK_CHARS_ENV, "1")
    add_second_article(conn)
    for table in ("core.sentences", "core.mentions", "core.dates", "core.claims"):
        outcome = validate_one(conn, table, record=False)
        body_checks = [o for o in outcome.outcomes if o.expectation_type.endswith("_text_matches_body")]
        assert len(body_checks) == 1 and body_checks[0].success, table


def test_changed_scope_in_chunks_reads_only_the_changed_articles(conn, monkeypatch):
    monkeypatch.setenv(BODY_CHECK_CHUNK_CHARS_ENV, "1")
    assert changed(conn, "core.mentions", "run-1").passed
    add_second_article(conn)
    # both articles' first mention moved by one character; only the new article is in the run's scope
    conn.execute("UPDATE core.mentions SET start_char = start_char + 1, end_char = end_char + 1 "
                 "WHERE text = 'Kazakhstan'")
    failure = failed(changed(conn, "core.mentions", "run-2"), "sql:mention_text_matches_body")
    assert failure.kwargs["rows"] == "changed_since"
    assert {row["article_id"] for row in failure.unexpected_sample} == {NEW_ID}
    assert failure.unexpected_count == len(failure.unexpected_sample) > 0


def test_chunk_size_setting_is_validated(monkeypatch):
    monkeypatch.setenv(BODY_CHECK_CHUNK_CHARS_ENV, "")
    assert body_check_chunk_chars() == 32_000_000
    monkeypatch.setenv(BODY_CHECK_CHUNK_CHARS_ENV, "1000")
    assert body_check_chunk_chars() == 1000
    for bad in ("0", "-5", "lots"):
        monkeypatch.setenv(BODY_CHECK_CHUNK_CHARS_ENV, bad)
        with pytest.raises(ValueError, match=BODY_CHECK_CHUNK_CHARS_ENV):
            body_check_chunk_chars()


def test_a_chunk_out_of_memory_under_the_lowered_limit_runs_again_under_the_connections(conn, monkeypatch):
    # the body checks' lowered memory limit saves memory, it must not fail a check: at 200k articles a
    # chunk needed 112-128 MB whatever its size (here: out of memory under 256 KB and 512 KB, then run
    # under the connection's limit)
    monkeypatch.setenv(BODY_CHECK_MEMORY_LIMIT_ENV, "256KB")
    monkeypatch.setenv(BODY_CHECK_CHUNK_CHARS_ENV, "1")
    add_second_article(conn)
    _tamper_first_sentence(conn, NEW_ID)
    threads_before = conn.execute("SELECT current_setting('threads')").fetchone()[0]
    failure = failed(validate_one(conn, "core.sentences", record=False), "sql:sentence_text_matches_body")
    assert failure.kwargs["pieces_over_body_check_memory_limit"] == 2  # both articles' chunks
    assert failure.unexpected_count == 1 and failure.unexpected_sample[0]["article_id"] == NEW_ID
    limit, threads = conn.execute("SELECT current_setting('memory_limit'), current_setting('threads')").fetchone()
    assert limit != "256.0 KiB" and threads == threads_before  # both set back afterwards


def test_the_retry_limit_doubles_the_setting_in_its_unit():
    assert doubled_size("128MB") == "256MB"
    assert doubled_size("1.5GiB") == "3GiB"
    assert doubled_size(" 96 kb ") == "192kb"
    assert doubled_size("lots") is None and doubled_size("100") is None  # no unit: straight to the connection's
