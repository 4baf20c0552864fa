"""Read articles back from DuckDB as ArticleText records, and the extractor's version stamp."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

import duckdb

from pipelines.extract.model import ArticleText, SentenceText
from pipelines.paths import DICTIONARIES_DIR

EXTRACTOR_CODE_VERSION = "extract-1"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Code version plus a hash of every dictionary file: editing a dictionary re-extracts everything."""
    digest = hashlib.sha256()
    for path in sorted(DICTIONARIES_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(DICTIONARIES_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{EXTRACTOR_CODE_VERSION}+{digest.hexdigest()[:12]}"


def load_article_texts(conn: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[ArticleText]:
    ids = list(article_ids)
    sentences: dict[str, list[SentenceText]] = defaultdict(list)
    for row in conn.execute(
        "SELECT article_id, sentence_idx, paragraph_idx, start_char, end_char, text, is_heading, in_quote "
        "FROM core.sentences WHERE list_contains(?, article_id) ORDER BY article_id, sentence_idx",
        [ids],
    ).fetchall():
        sentences[row[0]].append(SentenceText(*row[1:]))
    articles = conn.execute(
        "SELECT article_id, body, published_at, title, language FROM core.articles "
        "WHERE list_contains(?, article_id) ORDER BY article_id",
        [ids],
    ).fetchall()
    return [
        ArticleText(
            article_id=a_id,
            body=body,
            sentences=tuple(sentences[a_id]),
            published_at=published_at,
            title=title,
            language=language,
        )
        for a_id, body, published_at, title, language in articles
    ]
