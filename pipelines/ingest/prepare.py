"""Turn one raw article into its ``core.articles`` row and ``core.sentences`` rows (pure).

Relevance first: relevance is decided on the cleaned body and the title before the body is split
into sentences, and only relevant articles (the ones extraction reads) are split, unless every
article's sentences are asked for (``all_sentences``, the warehouse's ``sentences_for_all_articles``).
"""

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

SENTENCE_COLUMNS = tuple(f.name for f in fields(SentenceText))

CLEAN_STAGE = "clean"
# clean-2: irrelevant articles are no longer split into sentences (core.sentences holds relevant ones).
# clean-3: a list item's number at a line start ("1. Belgium") no longer ends a sentence.
# clean-4: every headline of a "Read more" list is another story's, and a question heading such a list is one too.
# clean-5: a block of list items whose lines are 40-100 characters long is a list, one item per paragraph, not a
# hard-wrapped paragraph.
# clean-6: a blog's comment thread heading ("3 thoughts on \"...\"") drops the thread under it.
CLEAN_CODE_VERSION = "clean-6"
ALL_SENTENCES_MARK = "all-sentences"


def clean_version(all_sentences: bool = False) -> str:
    """Code version plus a hash of ``boilerplate.yaml``: editing the noise list re-cleans every article.

    With ``all_sentences`` (sentences of irrelevant articles too) the version carries a mark, so
    switching it on or off re-cleans every article and ``core.sentences`` matches the setting.
    """
    mark = f"+{ALL_SENTENCES_MARK}" if all_sentences else ""
    return f"{CLEAN_CODE_VERSION}{mark}+{boilerplate_digest()}"


@dataclass(frozen=True)
class PreparedArticle:
    article: dict
    sentences: list[SentenceText]


def prepare_article(raw: dict, now: datetime, all_sentences: bool = False) -> PreparedArticle:
    """Clean the body, settle title/author/date/language, flag relevance, split relevant bodies.

    ``raw`` holds the ``raw.articles`` columns. Metadata given with the file wins over what is
    guessed from the text. An irrelevant article gets no sentences unless ``all_sentences``.
    """
    cleaned = clean_body(raw["body_raw"], raw.get("title"))
    page_date = json.loads(raw.get("metadata_json") or "{}").get("published_at_page") or cleaned.posted_text
    published_at, published_source = resolve_published_at(raw.get("published_at_meta"), page_date, raw.get("url"))
    relevant = is_relevant_text(cleaned.body) or is_relevant_text(raw.get("title") or "")
    sentences = split_sentences(cleaned.body, cleaned.heading_spans) if relevant or all_sentences else []
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
        "is_relevant": relevant,
        "extractor_version": clean_version(all_sentences),
        "processed_at": now,
    }
    return PreparedArticle(article, sentences)


def sentence_columns(article_id: str, sentences: list[SentenceText], version: str) -> dict[str, list]:
    """The ``core.sentences`` rows of one article as columns (cheap to pickle and to concatenate)."""
    columns: dict[str, list] = {"article_id": [article_id] * len(sentences)}
    for name in SENTENCE_COLUMNS:
        columns[name] = [getattr(s, name) for s in sentences]
    columns["extractor_version"] = [version] * len(sentences)
    return columns


def sentence_rows(article_id: str, sentences: list[SentenceText], all_sentences: bool = False) -> list[dict]:
    """The same rows as dicts."""
    columns = sentence_columns(article_id, sentences, clean_version(all_sentences))
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def prepare_rows(raw: dict, now: datetime, all_sentences: bool = False) -> tuple[dict, dict[str, list]]:
    """What the clean stage inserts for one article, built in the worker: its ``core.articles`` row and
    its ``core.sentences`` columns."""
    prepared = prepare_article(raw, now, all_sentences)
    article = prepared.article
    return article, sentence_columns(article["article_id"], prepared.sentences, article["extractor_version"])
