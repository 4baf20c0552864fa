"""A run costs what is new: a second run over the same folder plus one article processes that article only,
and the same run twice in a row changes nothing.

The runs materialize every asset without the quality checks (they only append to the quality.* history,
which is excluded from the comparison anyway); the UI and crash tests run the checks too.
"""

from __future__ import annotations

from tests.conftest import copy_seed
from tests.helpers import query
from tests.ops.fingerprint import fingerprint
from tests.ops.runs import add_second_article, materialization_metadata, materialize_assets


def processed(result) -> tuple[int, int]:
    """(articles cleaned, articles extracted) by this run, as the stages report them."""
    return (
        materialization_metadata(result, ["core", "articles"])["processed_this_run"],
        materialization_metadata(result, ["core", "claims"])["articles_processed_this_run"],
    )


def test_second_run_processes_only_the_new_article_and_a_repeat_changes_nothing(tmp_path):
    db_path = tmp_path / "w.duckdb"
    source = tmp_path / "articles"
    copy_seed(source)

    first = materialize_assets(db_path, source)
    assert first.success
    assert processed(first) == (1, 1)
    seed_log = query(db_path, "SELECT stage, stage_version, processed_at FROM core.stage_log ORDER BY stage")

    add_second_article(source)
    second = materialize_assets(db_path, source)
    assert second.success
    assert processed(second) == (1, 1)
    assert materialization_metadata(second, ["raw", "articles"])["new_articles"] == 1
    assert query(db_path, "SELECT count(*) FROM core.articles") == [(2,)]
    # the seed's log entries were not rewritten: it was not processed again
    seed_id = query(db_path, "SELECT article_id FROM raw.articles WHERE list_contains(source_paths, ?)",
                    [str((source / "rbc-ukraine-2025-11-07-kazakhstan-abraham-accords.txt").resolve())])[0][0]
    assert query(db_path, "SELECT stage, stage_version, processed_at FROM core.stage_log "
                          "WHERE article_id = ? ORDER BY stage", [seed_id]) == seed_log

    settled = fingerprint(db_path)
    third = materialize_assets(db_path, source)
    assert third.success
    assert processed(third) == (0, 0)
    assert fingerprint(db_path) == settled  # every table and view: same rows, same content, same times


def test_logged_articles_are_the_ids_the_stage_log_lists_for_the_stage(tmp_path):
    """Only logged articles can have rows to replace: a batch deletes theirs and skips the rest."""
    from datetime import datetime

    import duckdb

    from pipelines.incremental import logged_articles, mark_processed
    from pipelines.warehouse import apply_schema

    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        apply_schema(conn)
        now = datetime(2026, 1, 1)
        mark_processed(conn, "clean", "c-1", {"a": 3, "b": 0}, now)
        mark_processed(conn, "extract", "e-1", {"a": 1}, now)
        assert sorted(logged_articles(conn, ["a", "b", "new"])) == ["a", "b"]
        assert logged_articles(conn, ["a", "b", "new"], "extract") == ["a"]
        assert logged_articles(conn, ["new"], "clean") == []
        assert logged_articles(conn, [], "clean") == []
