"""The entity stage: countries, people with roles and organizations of one article.

The body is tokenized once (``spacy.blank("en")``) and every finder works on that shared
:class:`~pipelines.extract.tokens.ArticleDoc`. Dates and accords are added by their own stages.
"""

from __future__ import annotations

from bisect import bisect_left

from pipelines.extract.countries import all_country_entities, country_entity, find_country_mentions_in_doc
from pipelines.extract.organizations import find_organizations_in_doc
from pipelines.extract.people import find_people_in_doc
from pipelines.extract.model import ArticleEntities, ArticleText, Entity, Mention
from pipelines.extract.tokens import ArticleDoc

__all__ = ["all_country_entities", "extract_entities"]


def _dedupe_entities(entities: list[Entity]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for entity in entities:
        seen.setdefault(entity.entity_id, entity)
    return list(seen.values())


def _country_entities_for(mentions: list[Mention]) -> list[Entity]:
    """The country entity of each mention, in mention order, once per entity_id (what
    :func:`_dedupe_entities` keeps of the list with every repetition)."""
    out = []
    seen: set[str] = set()
    for m in mentions:
        if m.entity_type == "country" and m.entity_id not in seen:
            seen.add(m.entity_id)
            entity = country_entity(m.entity_id.split(":", 1)[1])
            if entity is not None:
                out.append(entity)
    return out


def prepare_matchers() -> None:
    """Load the dictionaries and compile all matchers (idempotent; done on first use)."""
    from pipelines.extract.countries import _matcher
    from pipelines.extract.organizations import _org_matcher
    from pipelines.extract.people import _people_matcher

    _matcher()
    _people_matcher()
    _org_matcher()


def _outside_all(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions that overlap none of the (start, end) character spans (one bisection each)."""
    if not spans:
        return list(mentions)
    spans = sorted(spans)
    starts = [start for start, _ in spans]
    reach, furthest = [], None  # reach[i]: the largest end among spans[: i + 1]
    for _, end in spans:
        furthest = end if furthest is None or end > furthest else furthest
        reach.append(furthest)
    out = []
    for m in mentions:
        # the spans starting before the mention ends overlap it iff one of them ends after it starts
        i = bisect_left(starts, m.end_char)
        if i == 0 or reach[i - 1] <= m.start_char:
            out.append(m)
    return out


def extract_entities(article: ArticleText) -> ArticleEntities:
    """Countries, persons and organizations of ``article``: mentions, entities and person roles."""
    prepare_matchers()  # every stage's patterns are in the shared matcher before it runs
    from pipelines.extract.people import _person_ner

    # A trained NER model reads the whole body: then every sentence is tokenized.
    adoc = ArticleDoc.build(article, full=_person_ner() is not None)
    countries = find_country_mentions_in_doc(adoc)
    people = find_people_in_doc(adoc, countries)
    person_spans = [(m.start_char, m.end_char) for m in people.mentions if m.method != "descriptor"]
    countries = _outside_all(countries, person_spans)
    orgs = find_organizations_in_doc(adoc, countries, people.mentions, people.roles)
    mentions = [*countries, *people.mentions, *orgs.mentions]
    entities = [*_country_entities_for(countries), *people.entities, *orgs.entities]
    mentions.sort(key=lambda m: (m.start_char, m.end_char, m.entity_type))
    return ArticleEntities(entities=_dedupe_entities(entities), mentions=mentions, person_roles=people.roles)
