"""One article in, everything extracted out: entities, accords, dates and membership claims.

Pure: no Dagster, no database. The Dagster asset calls :func:`analyze_article` per article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.extract.accords import accord_entities, find_accord_mentions
from pipelines.extract.claims import extract_claims
from pipelines.extract.dates import extract_dates
from pipelines.extract.model import ArticleEntities, ArticleText, Claim

__all__ = ["ArticleAnalysis", "analyze_article", "complete_analysis", "extract_claims"]


@dataclass
class ArticleAnalysis:
    entities: ArticleEntities
    claims: list[Claim] = field(default_factory=list)


def analyze_article(article: ArticleText) -> ArticleAnalysis:
    """Entities (countries, people, organizations), accord mentions, dates, then claims."""
    from pipelines.extract.entities import extract_entities  # the entity stage builds spaCy lazily

    return complete_analysis(article, extract_entities(article))


def complete_analysis(article: ArticleText, entities: ArticleEntities) -> ArticleAnalysis:
    """Everything after the entity stage: accord mentions, dates and claims, added to ``entities``
    (which this mutates and returns inside the analysis)."""
    accords = find_accord_mentions(article)
    if accords:
        mentioned = {m.entity_id for m in accords}
        entities.entities.extend(e for e in accord_entities() if e.entity_id in mentioned)
        entities.mentions.extend(accords)
        entities.mentions.sort(key=lambda m: (m.start_char, m.end_char, m.entity_type))
    entities.dates = extract_dates(article)
    return ArticleAnalysis(entities=entities, claims=extract_claims(article, entities))
