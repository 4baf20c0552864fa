"""People and their roles: titles, appositions, the actor dictionary, short forms, descriptors.

Rules, in order, on one tokenized article:

1. Actor dictionary names and aliases (``actors.csv``) -> person mentions ('name' / 'alias').
2. Titles (``role_titles.yaml``) with an optional country modifier before them ("US President",
   "Kazakhstan's foreign minister", "Trump's special envoy") followed by a name ("... Donald
   Trump"), by a comma and a name (apposition), or preceded by "Name, " (reverse apposition);
   plural titles take coordinated names ("Prime Ministers A and B"). Each yields a
   ``PersonRole`` with source 'text'.
3. Short forms: the last word of a full name found in the article ("Tokayev").
4. Descriptors: "the US president", "the Kazakh president", "the White House chief" resolve to
   the person holding that role in the article, else to the actor dictionary on the article's
   publication date; never to a guess.
5. Roles from the dictionary, valid on the publication date, for every person mentioned whose
   role the article does not state (source 'dictionary'): "Trump" alone in 2020 and in 2025 is
   the US President, in 2022 he holds no office.

An optional trained spaCy pipeline adds PERSON entities when the environment variable
``ACCORDWATCH_PERSON_NER`` names one (default: unset, blank tokenizer only).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pipelines.extract.gazetteer import Actor, load_actors, load_role_titles, leader_roles, portfolio_words, slugify
from pipelines.extract.model import Entity, Mention, PersonRole
from pipelines.extract.tokens import POSSESSIVES, ArticleDoc, SharedMatcher, blank_nlp

PERSON_NER_ENV = "ACCORDWATCH_PERSON_NER"
NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "de", "van", "von", "der", "da", "ben", "abu", "ould"})
NOT_NAME_START = frozenset(
    {"The", "A", "An", "This", "That", "He", "She", "It", "They", "We", "I", "His", "Her", "In", "On", "At",
     "And", "But", "Or", "As", "Of", "For", "To", "By", "With", "From", "Mr", "Mrs", "Ms", "Dr", "Sheikh", "Prince"}
)
HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sheikh", "Prince", "Sir"})
MAX_NAME_TOKENS = 6


@dataclass
class PersonHit:
    """A person mention in token coordinates, before conversion to a Mention."""

    start: int
    end: int
    person_id: str
    name: str
    method: str
    start_char: int = -1  # filled from the tokens by add_hit unless given (a hit in a blanked sentence)
    end_char: int = -1


@dataclass
class People:
    """What the people stage found in one article."""

    mentions: list[Mention]
    roles: list[PersonRole]
    entities: list[Entity]


class _PeopleMatcher:
    """Compiled title, descriptor and actor-name matchers, built once per process."""

    def __init__(self) -> None:
        nlp = blank_nlp()
        titles, descriptors = load_role_titles()
        self.actors: dict[str, Actor] = load_actors()
        self.matcher = SharedMatcher("people")
        self.titles = {}
        self.descriptors = {}
        self.actor_surfaces: dict[str, tuple[str, str, tuple[bool, ...], bool]] = {}
        for title in titles:
            key = "T:" + title.surface.lower()
            self.titles[key] = title
            self.matcher.add(key, [nlp.make_doc(title.surface)])
        for desc in descriptors:
            key = "D:" + desc.surface.lower()
            self.descriptors[key] = desc
            self.matcher.add(key, [nlp.make_doc(desc.surface)])
        for actor in self.actors.values():
            for surface in (actor.name, *actor.aliases):
                pattern = nlp.make_doc(surface)
                caps = tuple(t.text[:1].isupper() for t in pattern)
                exact = surface.isupper() and len(surface) > 1  # "MBS", "MBZ"
                method = "name" if surface == actor.name else "alias"
                key = "A:" + surface.lower()
                self.actor_surfaces[key] = (actor.person_id, method, caps, exact, surface)
                self.matcher.add(key, [pattern])

    # ------------------------------------------------------------------ entry point

    def find(self, adoc: ArticleDoc, countries: list[Mention]) -> People:
        doc = adoc.doc
        day = adoc.article.published_at.date() if adoc.article.published_at else None
        state = _ArticleState(adoc, countries, self.actors, day)
        raw = self.matcher(adoc)
        actor_hits, title_hits, desc_hits = self._select(raw)

        for key, s, e in actor_hits:
            pid, method, caps, exact, surface = self.actor_surfaces[key]
            if self._case_ok(doc[s:e], caps, exact, surface):
                state.add_hit(PersonHit(s, e, pid, self.actors[pid].name, method))
        for key, s, e in title_hits:
            self._title(state, self.titles[key], s, e)
        state.add_short_forms()
        for key, s, e in title_hits:
            self._descriptor(state, self.titles[key].role, None, s, e, is_title=True)
        for key, s, e in desc_hits:
            d = self.descriptors[key]
            self._descriptor(state, d.role, d.country, s, e, is_title=False)
        state.add_ner_persons()
        return state.result()

    def _select(self, raw):
        """Longest non-overlapping matches; actor names take precedence over titles."""
        raw.sort(key=lambda c: (not c[0].startswith("A:"), -(c[2] - c[1]), c[1]))
        taken: set[int] = set()
        actor_hits, title_hits, desc_hits = [], [], []
        for key, s, e in raw:
            if any(i in taken for i in range(s, e)):
                continue
            taken.update(range(s, e))
            {"A": actor_hits, "T": title_hits, "D": desc_hits}[key[0]].append((key, s, e))
        for hits in (actor_hits, title_hits, desc_hits):
            hits.sort(key=lambda h: h[1])
        return actor_hits, title_hits, desc_hits

    @staticmethod
    def _case_ok(span, caps, exact, surface) -> bool:
        if exact:
            return span.text == surface
        words = [t.text for t in span]
        if len(words) != len(caps):
            return span.text[:1].isupper()
        return all(w[:1].isupper() for w, cap in zip(words, caps) if cap)

    # ------------------------------------------------------------------ titles

    def _title(self, state: "_ArticleState", title, ts: int, te: int) -> None:
        doc = state.doc
        modifier_start, country, possessor = state.modifier_before(ts)
        caps_text = state.adoc.in_caps_text(ts)
        names: list[tuple[int, int]] = []
        name = state.name_after(te, allow_new=not caps_text)
        if name is None and te + 1 < len(doc) and doc[te].lower_ in ("of", "for") and title.surface[:1].isupper():
            after = _after_portfolio(doc, te + 1)
            name = state.name_after(after, allow_new=not caps_text) if after > te + 1 else None
        apposition = False
        if name is None and te < len(doc) and doc[te].text == "," and (modifier_start < ts or title.surface[0].islower()):
            name = state.name_after(te + 1, allow_new=not caps_text)
            apposition = name is not None
        if name is not None:
            names.append(name)
            if title.plural:
                cursor = name[1]
                while cursor < len(doc) and doc[cursor].text in (",", "and"):
                    nxt = cursor + 1
                    if doc[cursor].text == "," and nxt < len(doc) and doc[nxt].text == "and":
                        nxt += 1
                    more = state.name_after(nxt, allow_new=not caps_text)
                    if more is None:
                        break
                    names.append(more)
                    cursor = more[1]
        else:
            # Reverse apposition: "Steve Witkoff, Trump's special envoy for the Middle East, said"
            lead = modifier_start
            if lead > 0 and doc[lead - 1].lower_ in ("the", "a", "an"):
                lead -= 1
            before = lead - 1
            if before > 0 and doc[before].text == "," and (modifier_start < ts or title.surface[0].islower()):
                name = state.name_before(before)
                if name is not None:
                    names.append(name)
                    apposition = True
        for ns, ne in names:
            hit = state.person_at(ns, ne, method="apposition" if apposition else "title")
            if hit is None:
                continue
            role_country = country
            if role_country is None and possessor is not None:
                role_country = state.country_of_person(possessor)
            if role_country is None:
                role_country = state.dictionary_country(hit.person_id, title.role)
            span_start = min(modifier_start, ns) if not apposition else min(ns, modifier_start)
            span_end = max(te, ne)
            state.add_role(hit.person_id, title.role, role_country, span_start, span_end, "text")

    # ------------------------------------------------------------------ descriptors

    def _descriptor(self, state, role, country, ts, te, is_title) -> None:
        """"the US president", "the Kazakh president", "the White House chief" -> a known person."""
        doc = state.doc
        if state.covered(ts, te):
            return
        if te < len(doc) and state.looks_like_name_start(te):
            return  # a title in front of a name, handled by _title
        modifier_start, modifier_country, possessor = state.modifier_before(ts)
        if possessor is not None:
            return
        start = modifier_start
        if start == 0 or doc[start - 1].lower_ != "the":
            return
        if is_title and doc[ts].text[:1].isupper() and modifier_start == ts and not state.adoc.in_caps_text(ts):
            return  # "the President" alone is too vague unless a country is named
        country = country or modifier_country
        end = te
        if country is None and te + 1 < len(doc) and doc[te].lower_ == "of":
            of_country = state.country_starting_at(te + 1)
            if of_country:
                country, end = of_country
        if country is None:
            return
        person_id = state.resolve_role(role, country)
        if person_id is None:
            return
        state.add_hit(PersonHit(start - 1, end, person_id, self.actor_name(state, person_id), "descriptor"))

    def actor_name(self, state, person_id: str) -> str:
        return state.names.get(person_id) or self.actors[person_id].name


# the descriptor role of "the Turkish leader": whoever speaks for the state (see ``resolve_role``)
LEADER = "Leader"


def _after_portfolio(doc, i: int) -> int:
    """The token after a ministry's portfolio that starts at ``i`` ("Housing, Urban Renewal and Climate Change" in
    "Minister of Housing, Urban Renewal and Climate Change Pearnel Charles"), or ``i`` when none starts there."""
    words = portfolio_words()
    j = i
    while j < len(doc) and (doc[j].lower_ in words or (j > i and doc[j].text in (",", "and", "&", "the"))):
        j += 1
    while j > i and doc[j - 1].lower_ not in words:
        j -= 1  # (a trailing "and" or comma belongs to no portfolio)
    return j


class _ArticleState:
    """Per-article bookkeeping shared by the rules."""

    def __init__(self, adoc: ArticleDoc, countries: list[Mention], actors: dict[str, Actor], day: date | None):
        self.adoc = adoc
        self.doc = adoc.doc
        self.actors = actors
        self.day = day
        self.hits: list[PersonHit] = []
        self.names: dict[str, str] = {}
        self.roles: list[PersonRole] = []
        self._taken: dict[int, PersonHit] = {}
        self.country_by_end: dict[int, tuple[int, str]] = {}
        self.country_by_start: dict[int, tuple[int, str]] = {}
        for m in countries:
            tokens = adoc.token_span(m.start_char, m.end_char)
            if tokens is not None:
                s, e = tokens
                code = m.entity_id.split(":", 1)[1]
                self.country_by_end[e] = (s, code)
                self.country_by_start[s] = (e, code)

    # ------------------------------------------------------------------ hits

    def add_hit(self, hit: PersonHit) -> None:
        if any(i in self._taken for i in range(hit.start, hit.end)):
            return
        if hit.start_char < 0:
            hit.start_char, hit.end_char = self.adoc.starts[hit.start], self.adoc.ends[hit.end - 1]
        self.hits.append(hit)
        self.names.setdefault(hit.person_id, hit.name)
        for i in range(hit.start, hit.end):
            self._taken[i] = hit

    def covered(self, s: int, e: int) -> bool:
        return any(i in self._taken for i in range(s, e))

    def person_at(self, s: int, e: int, method: str) -> PersonHit | None:
        """The person whose mention is exactly/inside tokens s..e, creating a text person if new."""
        for i in range(s, e):
            if i in self._taken:
                return self._taken[i]
        span = self.doc[s:e]
        if e - s == 1:
            return None  # a lone unknown word after a title is too weak to create a person
        name = span.text
        hit = PersonHit(s, e, slugify(name), name, method)
        self.add_hit(hit)
        return hit

    # ------------------------------------------------------------------ names

    def _is_name_token(self, i: int) -> bool:
        t = self.doc[i]
        return t.text[:1].isupper() and (t.is_alpha or t.text.replace(".", "").isalpha()) and t.text not in HONORIFICS

    def looks_like_name_start(self, i: int) -> bool:
        t = self.doc[i]
        if i in self._taken:
            return True
        return self._is_name_token(i) and t.text not in NOT_NAME_START and not self.adoc.in_caps_text(i)

    def name_after(self, i: int, allow_new: bool) -> tuple[int, int] | None:
        """Token span of the name that starts at ``i`` (honorifics skipped), or None."""
        doc = self.doc
        while i < len(doc) and doc[i].text in HONORIFICS:
            i += 1
        if i >= len(doc):
            return None
        if i in self._taken:
            hit = self._taken[i]
            return (hit.start, hit.end) if hit.start == i else None
        if not allow_new or not self._is_name_token(i) or doc[i].text in NOT_NAME_START:
            return None
        j = i + 1
        while j < len(doc) and j - i < MAX_NAME_TOKENS:
            t = doc[j]
            prev = doc[j - 1]
            if t.text in ("-", "\u2010") and not prev.whitespace_ and j + 1 < len(doc) and doc[j + 1].text[:1].isalpha():
                j += 2
                continue
            if self._is_name_token(j) and j not in self._taken:
                j += 1
                continue
            if t.lower_ in NAME_PARTICLES:
                k = j + 1  # a run of particles ("Ursula von der Leyen") before the next name word
                while k < len(doc) and doc[k].lower_ in NAME_PARTICLES:
                    k += 1
                if k < len(doc) and (self._is_name_token(k) or doc[k].text == "-"):
                    j = k
                    continue
            break
        return (i, j)

    def name_before(self, end: int) -> tuple[int, int] | None:
        """Token span of the name ending right before ``end`` (a known person, or 2+ capitalized words)."""
        j = end - 1
        if j < 0:
            return None
        if j in self._taken:
            hit = self._taken[j]
            return (hit.start, hit.end) if hit.end == end else None
        i = j
        while i >= 0 and end - i <= MAX_NAME_TOKENS:
            t = self.doc[i]
            if self._is_name_token(i) or (t.text == "-" and i > 0 and not self.doc[i - 1].whitespace_):
                i -= 1
                continue
            if t.lower_ in NAME_PARTICLES:
                k = i - 1  # a run of particles after the previous name word ("von der")
                while k >= 0 and self.doc[k].lower_ in NAME_PARTICLES:
                    k -= 1
                if k >= 0 and self._is_name_token(k):
                    i = k
                    continue
            break
        start = i + 1
        while start < end and (self.doc[start].text in NOT_NAME_START or not self._is_name_token(start)):
            start += 1
        if end - start < 2 or self.adoc.in_caps_text(start) or self.adoc.is_sentence_start(start) and end - start < 2:
            return None
        return (start, end)

    # ------------------------------------------------------------------ modifiers and countries

    def modifier_before(self, ts: int) -> tuple[int, str | None, PersonHit | None]:
        """Country or possessor in front of a title: "US", "Kazakhstan's", "Trump's"."""
        doc = self.doc
        if ts in self.country_by_end:
            s, code = self.country_by_end[ts]
            return s, code, None
        if ts > 0 and doc[ts - 1].text in POSSESSIVES:
            owner_end = ts - 1
            if owner_end in self.country_by_end:
                s, code = self.country_by_end[owner_end]
                return s, code, None
            hit = self._taken.get(owner_end - 1)
            if hit is not None and hit.end == owner_end:
                return hit.start, None, hit
        return ts, None, None

    def country_starting_at(self, i: int) -> tuple[str, int] | None:
        if i in self.country_by_start:
            e, code = self.country_by_start[i]
            return code, e
        if i < len(self.doc) and self.doc[i].lower_ == "the" and i + 1 in self.country_by_start:
            e, code = self.country_by_start[i + 1]
            return code, e
        return None

    def dictionary_country(self, person_id: str, role: str) -> str | None:
        actor = self.actors.get(person_id)
        if actor is None:
            return None
        for term in actor.terms:
            if term.role == role and term.country:
                return term.country
        return None

    def _with_dictionary_country(self, role: PersonRole, actor: Actor) -> PersonRole:
        """``role`` with the country of the actor's term of that role valid on the article's day, when there is one."""
        countries = {t.country for t in actor.terms if t.role == role.role and t.country and t.valid_on(self.day)}
        if len(countries) != 1:
            return role
        return PersonRole(role.person_id, role.role, countries.pop(), role.sentence_idx, role.start_char, role.end_char,
                          role.source)

    def country_of_person(self, hit: PersonHit) -> str | None:
        for r in self.roles:
            if r.person_id == "person:" + hit.person_id and r.country_iso2:
                return r.country_iso2
        actor = self.actors.get(hit.person_id)
        return actor.country if actor else None

    # ------------------------------------------------------------------ roles

    def add_role(self, person_id: str, role: str, country: str | None, s: int, e: int, source: str) -> None:
        self.add_role_chars(person_id, role, country, self.adoc.starts[s], self.adoc.ends[e - 1], source)

    def add_role_chars(self, person_id: str, role: str, country: str | None, start: int, end: int, source: str) -> None:
        pid = person_id if person_id.startswith("person:") else "person:" + person_id
        row = PersonRole(pid, role, country, self.adoc.sentence_of_char(start), start, end, source)
        if not any(r.person_id == pid and r.role == role and r.country_iso2 == country and r.source == source for r in self.roles):
            self.roles.append(row)

    def resolve_role(self, role: str, country: str) -> str | None:
        """The person who holds ``role`` for ``country``: named in the article, else by dictionary date. The role
        ``LEADER`` is any of ``leader_roles`` (role_titles.yaml): "the Turkish leader" is the one such person, never a
        choice between a president and a prime minister."""
        roles = leader_roles() if role == LEADER else {role}
        in_text = {r.person_id for r in self.roles if r.role in roles and r.country_iso2 == country}
        if len(in_text) == 1:
            return next(iter(in_text)).split(":", 1)[1]
        if len(in_text) > 1 or self.day is None:
            return None
        holders = {
            t.person_id
            for a in self.actors.values()
            for t in a.terms
            if t.role in roles and t.country == country and t.valid_on(self.day)
        }
        return next(iter(holders)) if len(holders) == 1 else None

    # ------------------------------------------------------------------ short forms, NER, result

    def add_short_forms(self) -> None:
        """Surname of every full name in the article -> that person ("Tokayev")."""
        surnames: dict[str, str] = {}
        for hit in list(self.hits):
            if hit.end - hit.start >= 2:
                last = self.doc[hit.end - 1].text
                if last[:1].isupper() and len(last) > 2:
                    owner = surnames.setdefault(last, hit.person_id)
                    if owner != hit.person_id:
                        surnames[last] = ""  # two people share the surname: ambiguous
        surnames = {k: v for k, v in surnames.items() if v}
        if not surnames:
            return
        body = self.adoc.article.body
        for surname, pid in surnames.items():
            for start, end in _word_occurrences(body, surname):
                self._add_short_form(body, pid, start, end)

    def _add_short_form(self, body: str, pid: str, start: int, end: int) -> None:
        """One surname occurrence -> a hit, unless it is inside another mention."""
        tokens = self.adoc.token_span(start, end)
        if tokens is None:
            # Sentences without any cue are not tokenized (blanked): a surname there is a hit
            # when it stands alone as spaCy would split it (apostrophe or hyphen after it is fine).
            if self.adoc.in_blanked_text(start) and self._word_alone(body, start, end):
                self.add_hit(PersonHit(-1, -1, pid, self.names[pid], "alias", start, end))
            return
        if tokens[1] - tokens[0] != 1 or tokens[0] in self._taken:
            return
        self.add_hit(PersonHit(tokens[0], tokens[1], pid, self.names[pid], "alias"))

    @staticmethod
    def _word_alone(body: str, start: int, end: int) -> bool:
        before = body[start - 1] if start > 0 else " "
        return not (before.isalnum() or before in "'\u2019-.") and not (end < len(body) and body[end].isalnum())

    def add_ner_persons(self) -> None:
        nlp = _person_ner()
        if nlp is None:
            return
        for ent in nlp(self.adoc.article.body).ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            span = self.doc.char_span(ent.start_char, ent.end_char)
            if span is None or self.covered(span.start, span.end):
                continue
            self.add_hit(PersonHit(span.start, span.end, slugify(ent.text), ent.text, "ner"))

    def result(self) -> People:
        if self.day is not None:
            first: dict[str, PersonHit] = {}
            for hit in sorted(self.hits, key=lambda h: h.start_char):
                first.setdefault(hit.person_id, hit)
            for slug, hit in first.items():
                pid = "person:" + slug
                actor = self.actors.get(slug)
                if actor is None:
                    continue
                if any(r.person_id == pid for r in self.roles):
                    # the article states the role itself: the dictionary is only a fallback, here for the country the
                    # article leaves unsaid ("Prime Minister Nawaf Salam": Lebanon's, by the dictionary on that day)
                    self.roles = [self._with_dictionary_country(r, actor) if r.person_id == pid and r.country_iso2 is None
                                  else r for r in self.roles]
                    continue
                for term in actor.terms:
                    if term.valid_on(self.day):
                        self.add_role_chars(pid, term.role, term.country, hit.start_char, hit.end_char, "dictionary")
        mentions = []
        body = self.adoc.article.body
        for hit in sorted(self.hits, key=lambda h: h.start_char):
            mentions.append(
                Mention(
                    sentence_idx=self.adoc.sentence_of_char(hit.start_char),
                    start_char=hit.start_char,
                    end_char=hit.end_char,
                    text=body[hit.start_char : hit.end_char],
                    entity_id="person:" + hit.person_id,
                    entity_type="person",
                    method=hit.method,
                )
            )
        entities = {}
        for hit in self.hits:
            pid = "person:" + hit.person_id
            if pid in entities:
                continue
            actor = self.actors.get(hit.person_id)
            country = actor.country if actor else next(
                (r.country_iso2 for r in self.roles if r.person_id == pid and r.country_iso2), None
            )
            name = actor.name if actor else self.names.get(hit.person_id, hit.name)
            entities[pid] = Entity(pid, "person", name, country_iso2=country)
        return People(mentions, sorted(self.roles, key=lambda r: r.start_char), list(entities.values()))


def _word_occurrences(body: str, word: str):
    """(start, end) of every occurrence of ``word`` not glued to a letter, digit or underscore."""
    n = len(word)
    pos = body.find(word)
    while pos != -1:
        end = pos + n
        before_ok = pos == 0 or not (body[pos - 1].isalnum() or body[pos - 1] == "_")
        after_ok = end >= len(body) or not (body[end].isalnum() or body[end] == "_")
        if before_ok and after_ok:
            yield pos, end
        pos = body.find(word, pos + 1)


@lru_cache(maxsize=1)
def _people_matcher() -> _PeopleMatcher:
    return _PeopleMatcher()


@lru_cache(maxsize=1)
def _person_ner():
    """The trained spaCy pipeline named by ``ACCORDWATCH_PERSON_NER``, or None (the default)."""
    name = os.environ.get(PERSON_NER_ENV, "").strip()
    if not name:
        return None
    import spacy

    return spacy.load(name)


def find_people_in_doc(adoc: ArticleDoc, countries: list[Mention]) -> People:
    """People, their mentions and roles in an already tokenized article."""
    return _people_matcher().find(adoc, countries)
