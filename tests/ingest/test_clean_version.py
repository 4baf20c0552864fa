"""The clean stage's version stamp carries a hash of boilerplate.yaml, so articles cleaned with
an older noise list are cleaned again on the next run (real Dagster runs into DuckDB)."""

from __future__ import annotations

import duckdb

from pipelines.ingest.boilerplate import boilerplate_digest
from pipelines.ingest.prepare import CLEAN_CODE_VERSION, CLEAN_STAGE, clean_version
from tests.helpers import materialize_ingest, query

PAGE = (
    "Bahrain joins the accords\n\n"
    "Advertisement\n\n"
    "Bahrain agreed to normalize relations with Israel, the White House said on Friday.\n\n"
    "The announcement followed a phone call between the leaders, officials said."
)
CLEAN_BODY = (
    "Bahrain agreed to normalize relations with Israel, the White House said on Friday.\n\n"
    "The announcement followed a phone call between the leaders, officials said."
)


def test_clean_version_is_code_version_plus_noise_list_hash():
    assert clean_version() == f"{CLEAN_CODE_VERSION}+{boilerplate_digest()}"


def test_articles_cleaned_with_an_older_noise_list_are_cleaned_again(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "bahrain.txt").write_text(PAGE, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, src)
    assert query(db, "SELECT body, extractor_version FROM core.articles") == [(CLEAN_BODY, clean_version())]

    # Pretend the article was cleaned under an earlier boilerplate.yaml (a different hash).
    with duckdb.connect(str(db)) as conn:
        conn.execute("UPDATE core.articles SET body = 'stale', extractor_version = 'clean-1+000000000000'")
        conn.execute(
            "UPDATE core.stage_log SET stage_version = 'clean-1+000000000000' WHERE stage = ?", [CLEAN_STAGE]
        )
    materialize_ingest(db, src)
    assert query(db, "SELECT body, extractor_version FROM core.articles") == [(CLEAN_BODY, clean_version())]
    assert query(db, "SELECT DISTINCT stage_version FROM core.stage_log WHERE stage = ?", [CLEAN_STAGE]) == [
        (clean_version(),)
    ]

