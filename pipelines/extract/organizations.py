"""Organization mentions: named organizations and national governments.

- Named organizations (``organizations.yaml``): platforms, agencies, outlets, seats of
  government ("White House", "Truth Social", "TASS", "Reuters"). Acronyms match exactly.
- Governments: a country modifier plus a head phrase ("the Kazakh government", "Kazakhstan's
  foreign ministry", "the US administration"), a head followed by "of <country>" ("the
  government of Israel"), a person's "administration" ("the Trump administration"), or a listed
  alias ("State Department"). All become ``organization:government-<code>``.
- Heads without a country ("the presidential press service") take the single country the
  same and two previous sentences point to: a president named there with his title, else the
  only country mentioned; with mixed signals they are left out (precision first).
- Anaphoric heads ("the country's Foreign Ministry", "its foreign ministry", "the ministry") take
  the country that is the subject of their sentence: the country opening the sentence, else the
  only country named before the phrase; a phrase that itself opens its sentence takes the subject
  of the previous sentence. Anything else (two countries, a coordinated subject "Oman and Qatar",
  a possessive subject "Israel's envoy met Oman's ...") resolves to nothing.
- One portfolio word may stand between the country and "ministry" ("the Saudi interior ministry").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from pipelines.extract.countries import country_name
from pipelines.extract.gazetteer import Organization, load_organizations
from pipelines.extract.model import Entity, Mention, PersonRole
from pipelines.extract.tokens import POSSESSIVES, ArticleDoc, SharedMatcher, blank_nlp

CONTEXT_SENTENCES = 2  # how many sentences back a countryless head may look
CONTEXT_ROLE = "President"
SUBJECT_PREFIXES = frozenset({"", "The", "the", '"', "\u201c"})  # what may stand before a subject country
COORDINATORS = frozenset({"and", "or", ",", "&"})
NOT_PORTFOLIO = frozenset({"the", "its", "a", "an", "this", "that", "their", "his", "her", "whose", "of"})


@dataclass
class Organizations:
    mentions: list[Mention]
    entities: list[Entity]


def government_entity(code: str) -> Entity:
    """``organization:government-kz`` "Government of Kazakhstan" for a country code."""
    return Entity(
        f"organization:government-{code.lower()}",
        "organization",
        f"Government of {country_name(code) or code}",
        country_iso2=code,
        kind="government",
    )


def organization_entity(org: Organization) -> Entity:
    return Entity(f"organization:{org.org_id}", "organization", org.name, country_iso2=org.country, kind=org.kind)


class _OrgMatcher:
    def __init__(self) -> None:
        nlp = blank_nlp()
        orgs, self.rules = load_organizations()
        self.orgs = {o.org_id: o for o in orgs}
        self.matcher = SharedMatcher("org")
        self.alias_info: dict[str, tuple[str, str, tuple[bool, ...]]] = {}
        self.single_exact: dict[str, str] = {}
        for org in orgs:
            for alias in org.aliases:
                key = "O:" + alias.lower()
                pattern = nlp.make_doc(alias)
                self.alias_info[key] = (org.org_id, alias, tuple(t.text[:1].isupper() for t in pattern))
                self.matcher.add(key, [pattern])
                if len(pattern) == 1:
                    self.single_exact[alias] = org.org_id
        self.context_heads = {h.lower() for h in self.rules.context_heads}
        self.heads_before_of = {h.lower() for h in self.rules.heads_before_of}
        self.portfolio_heads = {h.lower() for h in self.rules.portfolio_heads}
        self.anaphora_heads = {h.lower() for h in self.rules.anaphora_heads}
        self.anaphora_bare = {h.lower() for h in self.rules.anaphora_bare_heads}
        self.anaphora_determiners = {d.lower() for d in self.rules.anaphora_determiners}
        self.anaphora_nouns = {n.lower() for n in self.rules.anaphora_possessive_nouns}
        for head in {*self.rules.heads, *self.rules.context_heads}:
            self.matcher.add("H:" + head.lower(), [nlp.make_doc(head)])
        for code, surfaces in self.rules.aliases.items():
            for surface in surfaces:
                self.matcher.add(f"G:{code}:{surface.lower()}", [nlp.make_doc(surface)])

    def find(self, adoc: ArticleDoc, countries: list[Mention], persons: list[Mention], roles: list[PersonRole]) -> Organizations:
        doc = adoc.doc
        country_end = {}
        country_start = {}
        for m in countries:
            tokens = adoc.token_span(m.start_char, m.end_char)
            if tokens is not None:
                s, e = tokens
                country_end[e] = (s, m.entity_id.split(":", 1)[1])
                country_start[s] = (e, m.entity_id.split(":", 1)[1])
        person_end = {}
        for m in persons:
            tokens = adoc.token_span(m.start_char, m.end_char)
            if tokens is not None and m.method != "descriptor":
                s, e = tokens
                person_end[e] = (s, m.entity_id)
        person_country = {r.person_id: r.country_iso2 for r in roles if r.country_iso2}

        matches = self.matcher(adoc)
        matches.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
        taken: set[int] = set()
        found: list[tuple[int, int, Entity, str]] = []
        for key, s, e in matches:
            if any(i in taken for i in range(s, e)):
                continue
            hit = None
            if key.startswith("O:"):
                hit = self._named(doc, key, s, e)
            elif key.startswith("G:"):
                code = key.split(":", 2)[1]
                hit = (s, e, government_entity(code), "alias")
            else:
                hit = self._government(
                    adoc, key[2:], s, e, country_end, country_start, person_end, person_country, countries, roles
                )
            if hit is not None:
                taken.update(range(hit[0], hit[1]))
                found.append(hit)
        found.extend(self._inside_tokens(adoc, taken))

        mentions, entities = [], {}
        for s, e, entity, method, *chars in sorted(found, key=lambda h: h[0]):
            start_char, end_char = chars if chars else (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
            mentions.append(
                Mention(
                    sentence_idx=adoc.sentence_of_char(start_char),
                    start_char=start_char,
                    end_char=end_char,
                    text=adoc.article.body[start_char:end_char],
                    entity_id=entity.entity_id,
                    entity_type="organization",
                    method=method,
                )
            )
            entities.setdefault(entity.entity_id, entity)
        return Organizations(mentions, list(entities.values()))

    def _named(self, doc, key, s, e):
        org_id, alias, caps = self.alias_info[key]
        span = doc[s:e]
        if alias.isupper() and len(alias.replace(".", "")) > 1:
            if span.text != alias:
                return None
        elif not all(t.text[:1].isupper() for t, cap in zip(span, caps) if cap):
            return None
        org = self.orgs[org_id]
        return (s, e, organization_entity(org), "name" if alias == org.name else "alias")

    def _inside_tokens(self, adoc: ArticleDoc, taken):
        """Acronyms glued to punctuation in one token, as in the dateline "/TASS/."."""
        out = []
        body = adoc.article.body
        seen: set[int] = set()
        pos = body.find("/")
        while pos != -1:
            i = bisect_right(adoc.starts, pos) - 1
            pos = body.find("/", pos + 1)
            if i < 0 or i in seen or i in taken:
                continue
            seen.add(i)
            t = adoc.doc[i]
            for part in t.text.split("/"):
                part = part.strip(".,;:()")
                org_id = self.single_exact.get(part)
                if org_id and part.isupper():
                    start = t.idx + t.text.index(part)
                    out.append((t.i, t.i + 1, organization_entity(self.orgs[org_id]), "name", start, start + len(part)))
                    break
        return out

    def _government(self, adoc, head, s, e, country_end, country_start, person_end, person_country, countries, roles):
        doc = adoc.doc
        # "<country> head" / "<country>'s head"
        owner_end = s
        if s > 0 and doc[s - 1].text in POSSESSIVES:
            owner_end = s - 1
        if owner_end in country_end:
            start, code = country_end[owner_end]
            return (start, e, government_entity(code), "government")
        head_start = s
        if head in self.portfolio_heads and s > 0 and doc[s - 1].is_alpha and doc[s - 1].lower_ not in NOT_PORTFOLIO:
            head_start = s - 1  # "the Saudi interior ministry", "Israel's defense ministry"
            owner_end = head_start - 1 if head_start > 0 and doc[head_start - 1].text in POSSESSIVES else head_start
            if owner_end in country_end:
                start, code = country_end[owner_end]
                return (start, e, government_entity(code), "government")
        if head == "administration" and owner_end in person_end:
            start, pid = person_end[owner_end]
            code = person_country.get(pid)
            if code:
                return (start, e, government_entity(code), "government")
        # "the government of Israel"
        if head in self.heads_before_of and e + 1 < len(doc) and doc[e].lower_ == "of":
            after = e + 1
            if doc[after].lower_ == "the":
                after += 1
            if after in country_start:
                end, code = country_start[after]
                return (s, end, government_entity(code), "government")
        if head in self.context_heads:
            code = self._context_country(adoc, doc[s].idx, countries, roles)
            if code:
                return (s, e, government_entity(code), "context")
        if head in self.anaphora_heads:
            anaphor = self._anaphor_start(doc, head, head_start, e)
            if anaphor is not None:
                code = self._subject_country(adoc, anaphor, countries)
                if code:
                    return (head_start, e, government_entity(code), "context")
        return None

    def _anaphor_start(self, doc, head: str, s: int, e: int) -> int | None:
        """Token where "its" / "the country's" / bare "the" starts before the head at ``s``, else None."""
        if e < len(doc) and doc[e].lower_ == "of":
            return None  # "the ministry of defence of ...": a named ministry, not an anaphor
        if s > 0 and doc[s - 1].lower_ in self.anaphora_determiners:
            return s - 1
        if s > 2 and doc[s - 1].text in POSSESSIVES and doc[s - 2].lower_ in self.anaphora_nouns and doc[s - 3].lower_ == "the":
            return s - 3
        if s > 0 and doc[s - 1].lower_ == "the" and head in self.anaphora_bare:
            return s - 1
        return None

    @staticmethod
    def _subject_country(adoc: ArticleDoc, anaphor: int, countries: list[Mention]) -> str | None:
        """The country the anaphor at token ``anaphor`` refers to, or None when it is not clear.

        In its own sentence: the subject country, else the only country named before it. An
        anaphor opening its sentence ("Its foreign ministry said ...") takes the previous
        sentence's subject.
        """
        char = adoc.starts[anaphor]
        pos = adoc.sentence_position(char)
        if pos < 0:
            return None
        sentence = adoc.article.sentences[pos]
        before = [m for m in countries if sentence.start_char <= m.start_char < char]
        if before:
            subject = _OrgMatcher._sentence_subject(adoc, pos, countries)
            if subject is not None:
                return subject
            codes = {m.entity_id.split(":", 1)[1] for m in before}
            return next(iter(codes)) if len(codes) == 1 else None
        if adoc.article.body[sentence.start_char : char].strip() not in SUBJECT_PREFIXES or pos == 0:
            return None
        return _OrgMatcher._sentence_subject(adoc, pos - 1, countries)

    @staticmethod
    def _sentence_subject(adoc: ArticleDoc, pos: int, countries: list[Mention]) -> str | None:
        """The country opening sentence ``pos`` ("Uzbekistan has ...", "The UAE said", "Emirati
        officials said"), unless it is a possessive or coordinated with another ("Oman and Qatar")."""
        sentence = adoc.article.sentences[pos]
        body = adoc.article.body
        first = next((m for m in countries if sentence.start_char <= m.start_char < sentence.end_char), None)
        if first is None or body[sentence.start_char : first.start_char].strip() not in SUBJECT_PREFIXES:
            return None
        tokens = adoc.token_span(first.start_char, first.end_char)
        if tokens is None:
            return None
        after = tokens[1]
        if after < len(adoc) and (adoc.text(after) in POSSESSIVES or adoc.text(after).lower() in COORDINATORS):
            return None
        return first.entity_id.split(":", 1)[1]

    @staticmethod
    def _context_country(adoc, char, countries, roles) -> str | None:
        """The one country the current and previous sentences point to, or None."""
        pos = adoc.sentence_position(char)
        if pos < 0:
            return None
        first = adoc.article.sentences[max(pos - CONTEXT_SENTENCES, 0)].start_char
        presidents = {
            r.country_iso2
            for r in roles
            if r.source == "text" and r.role == CONTEXT_ROLE and first <= r.start_char < char and r.country_iso2
        }
        if len(presidents) == 1:
            return next(iter(presidents))
        if presidents:
            return None
        mentioned = {m.entity_id.split(":", 1)[1] for m in countries if first <= m.start_char < char}
        return next(iter(mentioned)) if len(mentioned) == 1 else None


@lru_cache(maxsize=1)
def _org_matcher() -> _OrgMatcher:
    return _OrgMatcher()


def find_organizations_in_doc(
    adoc: ArticleDoc, countries: list[Mention], persons: list[Mention], roles: list[PersonRole]
) -> Organizations:
    """Organization mentions and entities of an already tokenized article."""
    return _org_matcher().find(adoc, countries, persons, roles)
