"""Turn one raw article into its ``core.articles`` row and ``core.sentences`` rows (pure)."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import datetime

from pipelines.extract.model import SentenceText
from pipelines.extract.relevance import is_relevant_text
from pipelines.ingest.boilerplate import boilerplate_digest
from pipelines.ingest.cleaning import clean_body
from pipelines.ingest.language import detect_language
from pipelines.ingest.published_date import resolve_published_at
from pipelines.ingest.sentences import split_sentences
from pipelines.warehouse import columns_of

SENTENCE_COLUMNS = tuple(f.name for f in fields(SentenceText))

CLEAN_STAGE = "clean"
CLEAN_CODE_VERSION = "clean-1"


def clean_version() -> str:
    """Code version plus a hash of ``boilerplate.yaml``: editing the noise list re-cleans every article."""
    return f"{CLEAN_CODE_VERSION}+{boilerplate_digest()}"


@dataclass(frozen=True)
class PreparedArticle:
    article: dict
    sentences: list[SentenceText]


def prepare_article(raw: dict, now: datetime) -> PreparedArticle:
    """Clean the body, settle title/author/date/language, split sentences, flag relevance.

    ``raw`` holds the ``raw.articles`` columns. Metadata given with the file wins over what is
    guessed from the text.
    """
    cleaned = clean_body(raw["body_raw"], raw.get("title"))
    page_date = json.loads(raw.get("metadata_json") or "{}").get("published_at_page") or cleaned.posted_text
    published_at, published_source = resolve_published_at(raw.get("published_at_meta"), page_date, raw.get("url"))
    sentences = split_sentences(cleaned.body, cleaned.heading_spans)
    language = raw.get("language") or detect_language(cleaned.body)
    article = {
        "article_id": raw["article_id"],
        "title": raw.get("title") or cleaned.title,
        "author": raw.get("author") or cleaned.author,
        "publisher": raw.get("publisher"),
        "url": raw.get("url"),
        "published_at": published_at,
        "published_at_source": published_source,
        "language": language,
        "body": cleaned.body,
        "n_chars": len(cleaned.body),
        "is_relevant": is_relevant_text(cleaned.body) or is_relevant_text(raw.get("title") or ""),
        "extractor_version": clean_version(),
        "processed_at": now,
    }
    return PreparedArticle(article, sentences)


def sentence_rows(article_id: str, sentences: list[SentenceText]) -> list[dict]:
    version = clean_version()
    return [{"article_id": article_id, **columns_of(s, SENTENCE_COLUMNS), "extractor_version": version} for s in sentences]
