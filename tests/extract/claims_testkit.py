"""Helpers for the claim tests: the seed article through the real ingest path, and quick articles."""

from __future__ import annotations

from datetime import datetime

from pipelines.extract.model import ArticleText, Claim
from pipelines.extract.pipeline import analyze_article
from pipelines.extract.text_article import article_from_text
from pipelines.paths import SAMPLE_DIR

SEED_FILE = SAMPLE_DIR / "rbc-ukraine-2025-11-07-kazakhstan-abraham-accords.txt"
SEED_TITLE = "'First of many' - Trump names country that joined Abraham Accords"
SEED_PUBLISHED = datetime(2025, 11, 7, 5, 8, 38)


def seed_article() -> ArticleText:
    """The seed, cleaned and split exactly as the ingest stage does it."""
    from pipelines.ingest.cleaning import clean_body
    from pipelines.ingest.sentences import split_sentences

    cleaned = clean_body(SEED_FILE.read_text(encoding="utf-8"), SEED_TITLE)
    sentences = split_sentences(cleaned.body, cleaned.heading_spans)
    return ArticleText("seed", cleaned.body, tuple(sentences), SEED_PUBLISHED, SEED_TITLE, "en")


def claims_of(text: str, published: datetime | None = datetime(2025, 11, 7, 12, 0), title: str | None = None) -> list[Claim]:
    return analyze_article(article_from_text(text, published_at=published, title=title)).claims


def keys(claims: list[Claim]) -> set[tuple[str, str, str, str]]:
    return {(c.country_code, c.accord, c.status, c.claimed_by) for c in claims}
