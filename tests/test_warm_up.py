"""A run bringing few articles loads the text stages' models while its raw checks run; a large run
leaves that to its workers. Real Dagster runs into DuckDB files."""

from __future__ import annotations

import dagster as dg
import pytest

import pipelines.warm_up as warm_up
from pipelines.parallel import MIN_ITEMS_FOR_WORKERS
from pipelines.resources import ComputeResource
from tests.helpers import query, resources_for


def test_the_sample_goes_through_every_stage():
    from pipelines.extract.model import ArticleText
    from pipelines.extract.pipeline import analyze_article
    from pipelines.ingest.prepare import prepare_article

    prepared = prepare_article({"article_id": "s", "body_raw": warm_up.SAMPLE_BODY, "title": warm_up.SAMPLE_TITLE},
                               warm_up.datetime(2020, 12, 11))
    assert prepared.article["is_relevant"] and prepared.article["language"] == "en" and prepared.sentences
    article = ArticleText("s", prepared.article["body"], tuple(prepared.sentences), None, "t", "en")
    analysis = analyze_article(article)
    assert [(c.country_code, c.accord, c.status) for c in analysis.claims] == [("MA", "Abraham Accords", "signed")]
    assert {m.entity_type for m in analysis.entities.mentions} >= {"country", "accord"}
    assert analysis.entities.dates


def _ingest(tmp_path, n_articles: int):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(n_articles):
        (src / f"a{i:03d}.txt").write_text(f"Report {i}\n\nThe council met on Monday to discuss item {i}.", encoding="utf-8")
    from pipelines.ingest.assets import raw_ingest

    db = tmp_path / "w.duckdb"
    resources = {**resources_for(db, src), "compute": ComputeResource(workers=2)}  # as on this 2-core machine
    result = dg.materialize([raw_ingest], resources=resources)
    assert result.success
    return db


@pytest.mark.parametrize(("n_articles", "warms_up"), [(3, True), (MIN_ITEMS_FOR_WORKERS, False)])
def test_the_ingest_starts_the_warm_up_only_for_few_articles(tmp_path, monkeypatch, n_articles, warms_up):
    monkeypatch.setattr(warm_up, "_THREAD", None)  # as in a fresh run process
    db = _ingest(tmp_path, n_articles)
    assert query(db, "SELECT count(*) FROM raw.articles") == [(n_articles,)]
    assert (warm_up._THREAD is not None) is warms_up
    warm_up.wait_for_text_warm_up()
