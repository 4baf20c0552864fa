"""Plain data records passed between the pure text stages.

These are the contract between ingestion (sentences), entity extraction and claim
extraction. All character offsets index the *cleaned* article body:
``body[start_char:end_char] == text`` always holds.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime

ENTITY_TYPES = ("country", "person", "organization", "accord")
CLAIM_STATUSES = ("candidate", "negotiating", "announced", "signed", "declined", "withdrawn")
DATE_PRECISIONS = ("day", "month", "year", "range", "open")


def direct_init(cls):
    """Give a frozen dataclass an ``__init__`` that fills the instance ``__dict__`` directly.

    The generated one calls ``object.__setattr__`` once per field (frozen classes forbid plain
    assignment), which makes these records ~2.5x dearer to create; the extraction stages create
    tens of thousands per thousand articles. Same signature, defaults and resulting object; the
    class stays frozen (assignment still raises), and equality, hashing and repr are untouched.
    """
    params, body, defaults = [], [], {}
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.init:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields and defaults are supported")
        if f.default is MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    d[{f.name!r}] = {f.name}")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: __post_init__ is not supported")
    source = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n" + "\n".join(body) + "\n"
    namespace: dict = {}
    exec(source, defaults, namespace)  # noqa: S102 - built from the class's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init
    return cls


@direct_init
@dataclass(frozen=True)
class SentenceText:
    sentence_idx: int
    paragraph_idx: int
    start_char: int
    end_char: int
    text: str
    is_heading: bool = False
    in_quote: bool = False


@direct_init
@dataclass(frozen=True)
class ArticleText:
    article_id: str
    body: str
    sentences: tuple[SentenceText, ...]
    published_at: datetime | None = None  # naive datetime, UTC by convention
    title: str | None = None
    language: str | None = None


@direct_init
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


@direct_init
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


@direct_init
@dataclass(frozen=True)
class PersonRole:
    person_id: str
    role: str
    country_iso2: str | None
    sentence_idx: int
    start_char: int
    end_char: int
    source: str  # 'text' (found in the article) or 'dictionary' (role dictionary by date)


@direct_init
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


@direct_init
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
