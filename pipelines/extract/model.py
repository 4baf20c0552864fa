"""Plain data records passed between the pure text stages.

These are the contract between ingestion (sentences), entity extraction and claim
extraction. All character offsets index the *cleaned* article body:
``body[start_char:end_char] == text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

ENTITY_TYPES = ("country", "person", "organization", "accord")
CLAIM_STATUSES = ("candidate", "negotiating", "announced", "signed", "declined", "withdrawn")
DATE_PRECISIONS = ("day", "month", "year", "range", "open")


@dataclass(frozen=True)
class SentenceText:
    sentence_idx: int
    paragraph_idx: int
    start_char: int
    end_char: int
    text: str
    is_heading: bool = False
    in_quote: bool = False


@dataclass(frozen=True)
class ArticleText:
    article_id: str
    body: str
    sentences: tuple[SentenceText, ...]
    published_at: datetime | None = None  # naive datetime, UTC by convention
    title: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Entity:
    """A canonical, article-independent entity (one row of ``core.entities``).

    entity_id conventions: ``country:KZ`` (ISO alpha-2 or our stable non-ISO id),
    ``person:donald-trump``, ``organization:government-kz``, ``accord:abraham-accords``.
    """

    entity_id: str
    entity_type: str
    name: str
    iso2: str | None = None
    iso3: str | None = None
    is_iso: bool | None = None  # countries: False for non-ISO states (Somaliland, Kosovo)
    country_iso2: str | None = None  # persons/organizations: the country they belong to
    kind: str | None = None  # e.g. government, platform, agency, news outlet


@dataclass(frozen=True)
class Mention:
    """One surface form in the body that refers to an entity."""

    sentence_idx: int
    start_char: int
    end_char: int
    text: str
    entity_id: str
    entity_type: str
    method: str  # which rule found it: 'name', 'alias', 'demonym', 'metonymy', 'title', 'coref', ...
    is_metonymy: bool = False


@dataclass(frozen=True)
class PersonRole:
    person_id: str
    role: str
    country_iso2: str | None
    sentence_idx: int
    start_char: int
    end_char: int
    source: str  # 'text' (found in the article) or 'dictionary' (role dictionary by date)


@dataclass(frozen=True)
class DateMention:
    sentence_idx: int
    start_char: int
    end_char: int
    text: str
    edtf: str
    lower: date | None
    upper: date | None
    precision: str  # one of DATE_PRECISIONS


@dataclass
class ArticleEntities:
    """Everything the entity stage found in one article."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    person_roles: list[PersonRole] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)


@dataclass(frozen=True)
class Claim:
    """One claim a sentence (or quotation) makes about one country and one accord."""

    sentence_idx: int
    country_code: str  # ISO alpha-2 or stable non-ISO id
    accord: str  # canonical registry name
    status: str  # one of CLAIM_STATUSES
    claimed_by: str  # canonical name of the speaker, or 'article'
    claimed_by_id: str | None  # entity_id of the speaker, None for 'article'
    date_edtf: str | None
    date_lower: date | None
    date_upper: date | None
    date_precision: str | None
    evidence: str  # the sentence text
    start_char: int
    end_char: int
    rule: str
    confidence: float
    is_future: bool = False  # the claim describes an explicitly future event
    ordinal: int | None = None  # "the first to sign" -> 1
