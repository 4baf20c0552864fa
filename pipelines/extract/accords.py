"""The accord registry (``warehouse/dictionaries/accords.yaml``) and accord mentions in articles.

The registry says which accords exist, who brokers them, who the fixed counterparty is, when they
start, and which phrases identify an *unnamed* deal as one of them ("normalize ties with Israel"
from August 2020 on is the Abraham Accords; the same words about Egypt in 1979 are not).
Everything is read lazily and cached; nothing is read at import time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

import pycountry
from pipelines.extract.gazetteer import load_yaml
from pipelines.extract.literal_gate import KeywordGate, mask_indexes
from pipelines.extract.model import ArticleText, Entity, Mention
from pipelines.paths import DICTIONARIES_DIR

ACCORDS_FILE = "accords.yaml"
_ENTITY_ID = re.compile(r"^accord:[a-z0-9][a-z0-9-]*$")
# Ids the project gives states without an ISO code (Kosovo XK, Somaliland XS): allowed where a
# registry field lists joiners, never for a broker or counterparty.
_USER_ASSIGNED = re.compile(r"X[A-Z]")


class RegistryError(ValueError):
    """The accord registry file is malformed; the message names the entry and field."""


@dataclass(frozen=True)
class Accord:
    """One accord of the registry."""

    name: str
    entity_id: str
    aliases: tuple[str, ...]
    broker: str | None
    counterparty: str | None
    start_date: date | None
    end_date: date | None
    triggers: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    trigger_requires_counterparty: bool = False
    keywords: tuple[str, ...] = ()
    not_unnamed_parties: tuple[str, ...] = ()  # normalized with the counterparty, but outside this accord
    # joining is a formal accession: "Finland joined NATO", "Slovenia acceded to the EU" tell of a membership
    # (signed), unlike the Abraham Accords, where "X joined" is said of an announced normalization
    joining_is_membership: bool = False
    # the accord's own programmes and tiers that are no membership ("Partnership for Peace"): a step told right after
    # one of them, with its object unsaid ("Romania was the first country to sign"), is the programme's
    programmes: tuple[str, ...] = ()
    # steps only this accord's accession has ("candidate status" of the EU): a step told in those words with the
    # accord unsaid is this accord's, whatever other accord the paragraph was about, when the article names it
    own_steps: tuple[str, ...] = ()
    # a joining told in the future with no day set ("Ukraine will join NATO") is an aim, not an agreed accession: the
    # members must consent and candidates speak of it for years
    future_joining_is_candidacy: bool = False

    @cached_property
    def own_step_pattern(self) -> re.Pattern | None:
        """Any of the accord's ``own_steps`` as whole words (None when it has none)."""
        if not self.own_steps:
            return None
        alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(self.own_steps, key=len, reverse=True))
        return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE)

    @cached_property
    def non_joiners(self) -> frozenset[str]:
        """Countries that can never be claimed as joining: the broker and the counterparty."""
        return frozenset(c for c in (self.broker, self.counterparty) if c)

    @cached_property
    def programme_pattern(self) -> re.Pattern | None:
        """Any of the accord's ``programmes`` as whole words (None when it has none)."""
        if not self.programmes:
            return None
        alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(self.programmes, key=len, reverse=True))
        return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE)

    def covers(self, lower: date | None, upper: date | None) -> bool:
        """Whether an event dated within [lower, upper] can belong to this accord (unknown = yes)."""
        if self.start_date and upper and upper < self.start_date:
            return False
        if self.end_date and lower and lower > self.end_date:
            return False
        return True


def _country_code(value, where: str, user_assigned: bool = False) -> str | None:
    if value is None:
        return None
    code = str(value).upper()
    if code == "PS" or (user_assigned and _USER_ASSIGNED.fullmatch(code)) or pycountry.countries.get(alpha_2=code) is not None:
        return code
    raise RegistryError(f"{where}: {value!r} is not an ISO 3166-1 alpha-2 country code (or a user-assigned id)")


def _date(value, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise RegistryError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _phrases(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RegistryError(f"{where}: expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def parse_registry(data: dict, source: str = ACCORDS_FILE) -> tuple[Accord, ...]:
    """Validate the parsed YAML and build the accords; raises RegistryError with a clear message."""
    if not isinstance(data, dict) or not isinstance(data.get("accords"), list) or not data["accords"]:
        raise RegistryError(f"{source}: expected a top-level 'accords:' list")
    accords: list[Accord] = []
    names: set[str] = set()
    ids: set[str] = set()
    for i, entry in enumerate(data["accords"]):
        where = f"{source}: accords[{i}]"
        if not isinstance(entry, dict):
            raise RegistryError(f"{where}: expected a mapping")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RegistryError(f"{where}: missing 'name'")
        where = f"{source}: accord {name!r}"
        entity_id = entry.get("entity_id")
        if not isinstance(entity_id, str) or not _ENTITY_ID.match(entity_id):
            raise RegistryError(f"{where}: entity_id {entity_id!r} must look like 'accord:some-slug'")
        if name.lower() in names:
            raise RegistryError(f"{where}: duplicate accord name")
        if entity_id in ids:
            raise RegistryError(f"{where}: duplicate entity_id {entity_id!r}")
        names.add(name.lower())
        ids.add(entity_id)
        start = _date(entry.get("start_date"), f"{where} start_date")
        end = _date(entry.get("end_date"), f"{where} end_date")
        if start and end and end < start:
            raise RegistryError(f"{where}: end_date {end} is before start_date {start}")
        aliases = _phrases(entry.get("aliases"), f"{where} aliases")
        if name not in aliases:
            aliases = (name, *aliases)
        parties = tuple(
            _country_code(p, f"{where} parties") for p in (entry.get("parties") or [])
        )
        not_unnamed = tuple(
            _country_code(p, f"{where} not_unnamed_parties", user_assigned=True) for p in (entry.get("not_unnamed_parties") or [])
        )
        if not_unnamed and not entry.get("triggers") and not entry.get("context_aliases"):
            raise RegistryError(f"{where}: not_unnamed_parties only makes sense with triggers or context_aliases")
        joining_is_membership = entry.get("joining_is_membership", False)
        if not isinstance(joining_is_membership, bool):
            raise RegistryError(f"{where}: joining_is_membership must be true or false")
        future_joining_is_candidacy = entry.get("future_joining_is_candidacy", False)
        if not isinstance(future_joining_is_candidacy, bool):
            raise RegistryError(f"{where}: future_joining_is_candidacy must be true or false")
        if future_joining_is_candidacy and not joining_is_membership:
            raise RegistryError(f"{where}: future_joining_is_candidacy needs joining_is_membership")
        accords.append(
            Accord(
                name=name.strip(),
                entity_id=entity_id,
                aliases=aliases,
                broker=_country_code(entry.get("broker"), f"{where} broker"),
                counterparty=_country_code(entry.get("counterparty"), f"{where} counterparty"),
                start_date=start,
                end_date=end,
                triggers=_phrases(entry.get("triggers"), f"{where} triggers"),
                context_aliases=_phrases(entry.get("context_aliases"), f"{where} context_aliases"),
                parties=tuple(p for p in parties if p),
                trigger_requires_counterparty=bool(entry.get("trigger_requires_counterparty", False)),
                keywords=_phrases(entry.get("keywords"), f"{where} keywords"),
                not_unnamed_parties=tuple(p for p in not_unnamed if p),
                joining_is_membership=joining_is_membership,
                programmes=_phrases(entry.get("programmes"), f"{where} programmes"),
                own_steps=_phrases(entry.get("own_steps"), f"{where} own_steps"),
                future_joining_is_candidacy=future_joining_is_candidacy,
            )
        )
    return tuple(accords)


def load_registry_file(path: Path) -> tuple[Accord, ...]:
    """Read and validate one registry file."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RegistryError(f"accord registry not found: {path}") from exc
    return parse_registry(data, str(path))


@lru_cache(maxsize=1)
def load_accord_registry() -> tuple[Accord, ...]:
    """All accords of ``accords.yaml`` in the dictionaries folder, validated (cached)."""
    return load_registry_file(DICTIONARIES_DIR / ACCORDS_FILE)


def accord_names() -> frozenset[str]:
    """Canonical accord names (what ``core.claims.accord`` may contain)."""
    return frozenset(a.name for a in load_accord_registry())


def accord_by_name(name: str) -> Accord:
    for accord in load_accord_registry():
        if accord.name == name:
            return accord
    raise KeyError(name)


_entities_of: list = [None, ()]  # the registry last asked for and its entities


def accord_entities() -> list[Entity]:
    """One ``core.entities`` row per accord."""
    registry = load_accord_registry()
    if _entities_of[0] is not registry:
        _entities_of[:] = [registry, tuple(Entity(entity_id=a.entity_id, entity_type="accord", name=a.name) for a in registry)]
    return list(_entities_of[1])


_PHRASE_GAP = r"[\s\-–—]+"


def phrase_words(phrase: str) -> list[str]:
    """The words of a phrase as :func:`phrase_pattern` matches them (literally, case-insensitively)."""
    return re.split(_PHRASE_GAP, phrase.strip())


def phrase_pattern(phrases: list[str] | tuple[str, ...], plural: bool = False) -> re.Pattern | None:
    """Case-insensitive whole-word regex for phrases; hyphens/dashes and spaces match each other;
    ``plural``: the last word may take an "s" ("normalization agreements")."""
    if not phrases:
        return None
    parts = []
    suffix = "s?" if plural else ""
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = phrase_words(phrase)
        parts.append(r"[\s\-–—]+".join(re.escape(w) for w in words) + suffix)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def deal_phrases() -> tuple[str, ...]:
    """The registry's phrases of more than one word that name an unnamed deal ("peace treaty", "treaty of peace"),
    lower-cased: words that are the registry's own even when a page capitalizes them."""
    return tuple(sorted({p.lower() for a in load_accord_registry() for p in a.triggers if " " in p}))


@lru_cache(maxsize=1)
def _alias_patterns() -> tuple[tuple[Accord, re.Pattern], ...]:
    return tuple((a, phrase_pattern(a.aliases)) for a in load_accord_registry())


@lru_cache(maxsize=1)
def _alias_gate() -> KeywordGate:
    """Which accords' aliases may occur in a sentence: every alias contains its first word, so an
    accord is a candidate only where the first word of one of its aliases occurs."""
    return KeywordGate([{phrase_words(alias)[0] for alias in accord.aliases} for accord in load_accord_registry()])


@lru_cache(maxsize=1)
def _context_patterns() -> tuple[tuple[Accord, re.Pattern], ...]:
    out = []
    for accord in load_accord_registry():
        # Only determiner phrases are mentions ("the accords", "this club"); bare nouns are not.
        phrases = [p for p in accord.context_aliases if p.lower().startswith(("the ", "this "))]
        pattern = phrase_pattern(phrases)
        if pattern is not None:
            out.append((accord, pattern))
    return tuple(out)


@lru_cache(maxsize=1)
def _context_gate() -> KeywordGate:
    """Which accords' generic phrases may occur in a sentence (the words each pattern needs)."""
    return KeywordGate.for_patterns([pattern for _, pattern in _context_patterns()])


# The named mentions of the last article asked for: the pipeline and the claim stage both need them.
_last_named: tuple[ArticleText, tuple[Mention, ...]] | None = None


def _named_mentions(article: ArticleText) -> list[Mention]:
    """Alias matches, accord by accord (registry order), sentence by sentence; each accord's regex
    runs only on the sentences its alias gate lets through (remembered for the last article)."""
    global _last_named
    if _last_named is not None and _last_named[0] is article:
        return list(_last_named[1])
    gate = _alias_gate()
    masks = gate.sentence_masks(article.body, article.sentences)  # one pass over the body
    patterns = _alias_patterns()
    by_accord: list[list[Mention]] = [[] for _ in patterns]
    for sentence, found in zip(article.sentences, masks):
        if not found:
            continue
        for i in mask_indexes(found):  # only the accords whose gate bit is set in this sentence
            accord, pattern = patterns[i]
            for m in pattern.finditer(sentence.text):
                start = sentence.start_char + m.start()
                by_accord[i].append(
                    Mention(sentence.sentence_idx, start, start + len(m.group()), m.group(), accord.entity_id, "accord", "alias")
                )
    mentions = [m for found in by_accord for m in found]  # accord by accord, each in sentence order
    _last_named = (article, tuple(mentions))
    return mentions


def article_topic_accords(article: ArticleText, named: list[Mention] | None = None) -> list[str]:
    """entity_ids of the accords the article names (title or body), most mentioned first."""
    named = _named_mentions(article) if named is None else named
    counts: dict[str, int] = {}
    for mention in named:
        counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
    if article.title:
        for entity_id in _title_accords(article.title):
            counts[entity_id] = counts.get(entity_id, 0) + 2
    return sorted(counts, key=lambda k: -counts[k])


# The accords the last title asked for names: the accord and the claim stage both ask per article.
_last_title: list = [None, None, ()]


def _title_accords(title: str) -> tuple[str, ...]:
    """entity_ids of the accords whose alias pattern occurs in ``title``, in registry order."""
    patterns = _alias_patterns()
    if _last_title[0] == title and _last_title[1] is patterns:
        return _last_title[2]
    found = tuple(accord.entity_id for accord, pattern in patterns if pattern.search(title))
    _last_title[0], _last_title[1], _last_title[2] = title, patterns, found
    return found


def find_accord_mentions(article: ArticleText) -> list[Mention]:
    """Accord mentions: registry names and aliases anywhere; generic phrases ("the accords") only
    when the article names exactly one accord that owns the phrase."""
    named = _named_mentions(article)
    topics = article_topic_accords(article, named)
    mentions = list(named)
    taken = [(m.start_char, m.end_char) for m in named]
    if len(topics) == 1:
        masks = None
        for i, (accord, pattern) in enumerate(_context_patterns()):
            if accord.entity_id != topics[0]:
                continue
            if masks is None:
                masks = _context_gate().sentence_masks(article.body, article.sentences)
            for sentence, found in zip(article.sentences, masks):
                if not found >> i & 1:
                    continue  # none of the words the accord's phrases need
                for m in pattern.finditer(sentence.text):
                    start = sentence.start_char + m.start()
                    end = start + len(m.group())
                    if any(s < end and start < e for s, e in taken):
                        continue
                    taken.append((start, end))
                    mentions.append(Mention(sentence.sentence_idx, start, end, m.group(), accord.entity_id, "accord", "context_alias"))
    return _drop_overlaps(sorted(mentions, key=lambda m: (m.start_char, -(m.end_char - m.start_char))))


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start_char < kept[-1].end_char:
            continue
        kept.append(mention)
    return kept
