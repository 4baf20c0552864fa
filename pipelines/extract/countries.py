"""Country mentions: names, aliases, demonyms, capital/seat metonymy, non-ISO states.

Surfaces come from pycountry plus the data files read by :mod:`gazetteer`. A spaCy
``PhraseMatcher`` on lower-cased tokens finds candidates; the longest candidate wins (so
"Somaliland" never becomes Somalia and "Papua New Guinea" hides "Guinea"; blockers such as
"New Mexico" hide their inner country); then context rules decide:

- case: every capitalized word of the dictionary surface must be capitalized in the text
  ("turkey" the bird and "us" the pronoun never match); acronyms marked ``exact`` must match exactly;
- ALL-CAPS text: surfaces listed as caps-ambiguous ("US") need a supporting neighbour word;
- name risk: "Jordan", "Chad", "Washington" glued to another capitalized word are a person's name;
- support: "Georgia" counts only when the article has a Caucasus cue (else it is the US state);
- metonymy: a capital after a place preposition ("landed in Rabat"), before a place word
  ("Beijing-based", "Beijing's mayor"), recognized "as the capital", or opening a sentence as a
  dateline ("RIYADH:", "Riyadh:", "RIYADH (Reuters) -", "ABU DHABI, Nov 7 (WAM) --") is the city,
  not the country; seats of government ("the White House", "the Kremlin") always stand for it;
- context-resolved surfaces ("Congo", "Dominican"): a country only when the article names exactly
  one of their candidate countries by another surface, and none of their rivals.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from pipelines.extract.gazetteer import CountrySurface, iso_codes, load_actors, load_country_lexicon, load_role_titles
from pipelines.extract.model import ArticleText, Entity, Mention
from pipelines.extract.tokens import POSSESSIVES, ArticleDoc, SharedMatcher, blank_nlp

BLOCK = "__block__"
RESOLVE = "?"  # key prefix of context-resolved surfaces
DATELINE_AFTER_CAPS = frozenset({",", "(", "-", "--", "\u2013", "\u2014", ":"})
CAPITAL_LOOKAHEAD = 5  # tokens after "as" in which "capital" makes the city a place
HYPHENS = ("-", "\u2013", "\u2014")
HYPHEN_CHAR = re.compile(r"[-\u2013\u2014]")


class _CountryMatcher:
    """The compiled matcher plus lookups, built once per process."""

    def __init__(self) -> None:
        nlp = blank_nlp()
        lexicon = load_country_lexicon()
        self.rules = lexicon.rules
        self.by_key: dict[str, CountrySurface] = {}
        self.pattern_caps: dict[str, tuple[bool, ...]] = {}
        self.single_token: dict[str, CountrySurface] = {}
        self.codes_by_lower: dict[str, str] = {}
        # Surfaces that need nothing but the case test (no caps, name-risk, support or capital rule).
        self.plain: set[str] = set()
        self.matcher = SharedMatcher("country")
        for surface in lexicon.surfaces:
            key = surface.surface.lower()
            pattern = nlp.make_doc(surface.surface)
            self.by_key[key] = surface
            self.pattern_caps[key] = tuple(t.text[:1].isupper() for t in pattern)
            self.codes_by_lower[key] = surface.code
            if len(pattern) == 1:
                self.single_token[key] = surface
            if (
                surface.surface not in self.rules.caps_ambiguous
                and surface.surface not in self.rules.name_risk
                and surface.surface not in self.rules.needs_support
                and surface.metonymy_kind != "capital"
            ):
                self.plain.add(key)
            self.matcher.add(key, [pattern])
        for surface in self.rules.context_resolved:
            self.matcher.add(RESOLVE + surface.lower(), [nlp.make_doc(surface)])
        self.resolved_spec = {RESOLVE + k.lower(): v for k, v in self.rules.context_resolved.items()}
        # Full names of known people hide the countries inside them ("Israel Katz").
        person_names = [n for a in load_actors().values() for n in (a.name, *a.aliases) if " " in n]
        blockers = [nlp.make_doc(b) for b in (*self.rules.blockers, *self.rules.ambiguous, *person_names)]
        self.matcher.add(BLOCK, blockers)
        # A role title after "Jordan"/"Chad" ("Jordan Foreign Minister ...") is not a surname.
        title_words = {t.surface.split()[0] for t in load_role_titles()[0] if t.surface[:1].isupper()}
        self.neighbours_ok = self.rules.name_risk_neighbours_ok | title_words

    # ------------------------------------------------------------------ matching

    def find(self, adoc: ArticleDoc) -> list[Mention]:
        doc = adoc.doc
        candidates = self.matcher(adoc)
        candidates.sort(key=lambda c: (-(c[2] - c[1]), c[1]))
        taken = bytearray(len(doc))
        chosen, pending = [], []
        for key, start, end in candidates:
            if any(taken[start:end]):
                continue
            if end - start > 1 and key[0] != RESOLVE and key != BLOCK and not self._case_ok_at(adoc, key, start, end):
                continue  # "the kingdom of Morocco": the title in lower case is no name, "Morocco" in it still is
            taken[start:end] = b"\x01" * (end - start)
            if key[0] == RESOLVE:
                pending.append((key, start, end))
            elif key != BLOCK:
                chosen.append((key, start, end))
        if pending:
            chosen.extend(self._resolve_by_article(adoc, pending, chosen))
        mentions = []
        # Every candidate passes here: the one-word plain surfaces need only the case test of
        # _accept (inlined); everything else goes through _accept itself. The token span of each
        # mention is handed to the ArticleDoc (what token_span would find: token offsets increase).
        by_key, plain, pattern_caps = self.by_key, self.plain, self.pattern_caps
        starts, ends, body = adoc.starts, adoc.ends, adoc.article.body
        token_spans = adoc._token_spans
        for key, s, e in chosen:
            surface = by_key[key]
            if e - s == 1 and key in plain:
                start_char, end_char = starts[s], ends[s]
                text = body[start_char:end_char]
                if surface.case == "exact":
                    if text != surface.surface:
                        continue
                elif pattern_caps[key][0] and not text[:1].isupper():
                    continue
            elif self._accept(adoc, surface, key, s, e):
                start_char, end_char = starts[s], ends[e - 1]
            else:
                continue
            method = surface.method
            token_spans[(start_char, end_char)] = (s, e)
            mentions.append(Mention(adoc.sentence_of_char(start_char), start_char, end_char, body[start_char:end_char],
                                    f"country:{surface.code}", "country", method, method == "metonymy"))
        mentions.extend(self._hyphen_compounds(adoc, taken))
        mentions.sort(key=lambda m: m.start_char)
        return mentions

    def _resolve_by_article(self, adoc: ArticleDoc, pending, chosen) -> list[tuple[str, int, int]]:
        """Context-resolved surfaces ("Congo") -> the one candidate the article names otherwise, else none.

        Returned keys are ``"<key>=<code>"`` entries added to ``by_key`` on first use.
        """
        named = {self.by_key[key].code for key, _, _ in chosen}
        out = []
        for key, start, end in pending:
            candidates, rivals = self.resolved_spec[key]
            hits = [c for c in candidates if c in named]
            if len(hits) != 1 or any(r in named for r in rivals):
                continue
            resolved_key = f"{key}={hits[0]}"
            if resolved_key not in self.by_key:
                surface = key[len(RESOLVE):]
                original = next(k for k in self.rules.context_resolved if k.lower() == surface)
                method = "demonym" if original[:1].isupper() and original.endswith(("ese", "an", "ans")) else "name"
                self.by_key[resolved_key] = CountrySurface(original, hits[0], method, "title")
                self.pattern_caps[resolved_key] = (True,) * len(original.split())
            out.append((resolved_key, start, end))
        return out

    def _hyphen_compounds(self, adoc: ArticleDoc, taken: bytearray) -> list[Mention]:
        """Countries inside tokens the tokenizer kept whole, e.g. "U.S.-brokered", "U.S.-Israel"."""
        out = []
        body = adoc.article.body
        seen: set[int] = set()
        for match in HYPHEN_CHAR.finditer(body):
            i = bisect_right(adoc.starts, match.start()) - 1
            if i < 0 or i in seen or taken[i] or adoc.ends[i] <= match.start():
                continue
            seen.add(i)
            if len(adoc.text(i)) > 1:
                out.extend(self._compound_parts(adoc, adoc.doc[i]))
        return out

    def _compound_parts(self, adoc: ArticleDoc, token) -> list[Mention]:
        """Country surfaces among the hyphen-separated parts of one token."""
        out = []
        text = token.text
        for h in HYPHENS[1:]:
            text = text.replace(h, "-")
        offset = 0
        for part in text.split("-"):
            surface = self.single_token.get(part.lower())
            if surface and surface.method != "metonymy" and self._case_ok(surface, part, (True,)):
                start = token.idx + offset
                out.append(
                    Mention(
                        sentence_idx=adoc.sentence_of_char(start),
                        start_char=start,
                        end_char=start + len(part),
                        text=adoc.article.body[start : start + len(part)],
                        entity_id=f"country:{surface.code}",
                        entity_type="country",
                        method=surface.method,
                    )
                )
            offset += len(part) + 1
        return out

    # ------------------------------------------------------------------ rules

    @staticmethod
    def _case_ok(surface: CountrySurface, text: str, caps: tuple[bool, ...], words: list[str] | None = None) -> bool:
        if surface.case == "exact":
            return text == surface.surface
        words = words if words is not None else [text]
        if len(words) != len(caps):
            return text[:1].isupper()
        return all(w[:1].isupper() for w, cap in zip(words, caps) if cap)

    def _case_ok_at(self, adoc: ArticleDoc, key: str, start: int, end: int) -> bool:
        """The case rule alone for a surface of several words at tokens [start, end)."""
        words = [adoc.text(i) for i in range(start, end)]
        return self._case_ok(self.by_key[key], adoc.span_text(start, end), self.pattern_caps[key], words)

    def _accept(self, adoc: ArticleDoc, surface: CountrySurface, key: str, start: int, end: int) -> bool:
        rules = self.rules
        if end - start == 1 and key in self.plain:  # the common case: one word, only the case rule
            text = adoc.text(start)
            if surface.case == "exact":
                return text == surface.surface
            return not self.pattern_caps[key][0] or text[:1].isupper()
        words = [adoc.text(i) for i in range(start, end)]
        if not self._case_ok(surface, adoc.span_text(start, end), self.pattern_caps[key], words):
            return False
        n = len(adoc)
        prev = adoc.text(start - 1) if start > 0 and not adoc.is_sentence_start(start) else None
        nxt = adoc.text(end) if end < n else None
        risky = surface.surface in rules.caps_ambiguous or surface.surface in rules.name_risk
        caps_text = risky and adoc.in_caps_text(start)

        if caps_text and surface.surface in rules.caps_ambiguous:
            before_ok = prev is not None and prev in rules.caps_preceding
            after_ok = nxt is not None and nxt in rules.caps_following
            if not (before_ok or after_ok):
                return False

        if surface.surface in rules.name_risk and not caps_text:
            if self._glued_to_name(adoc, start, end):
                return False

        cues = rules.needs_support.get(surface.surface)
        if cues is not None and not any(cue in adoc.article.body for cue in cues):
            return False

        if surface.metonymy_kind == "capital":
            return self._capital_stands_for_country(adoc, surface, start, end, prev, nxt)
        return True

    def _glued_to_name(self, adoc: ArticleDoc, start: int, end: int) -> bool:
        """True when a capitalized non-country word stands right before or after the span."""
        ok = self.neighbours_ok

        def name_like(text: str) -> bool:
            return text.isalpha() and text[:1].isupper() and text not in ok and text.lower() not in self.codes_by_lower

        # A sentence-initial function word ("Neighbouring Jordan") is listed as ok.
        if start > 0 and adoc.space_after(start - 1) and name_like(adoc.text(start - 1)):
            return True
        if end < len(adoc) and adoc.space_after(end - 1) and name_like(adoc.text(end)):
            return True
        return False

    def _capital_stands_for_country(self, adoc, surface, start, end, prev, nxt) -> bool:
        rules = self.rules
        n = len(adoc)
        if prev is not None and prev.lower() in rules.place_prepositions:
            return False
        if nxt is not None:
            following = nxt
            if nxt in HYPHENS and end + 1 < n:
                following = adoc.text(end + 1)
            if following.lower() in rules.place_followers:
                return False
            if prev is None and self._dateline(adoc, start, end, nxt):
                return False
            if nxt in POSSESSIVES and end + 1 < n and adoc.text(end + 1).lower() in rules.place_after_possessive:
                return False  # "Beijing's mayor", "Jerusalem's holy sites"
            if nxt.lower() == "as" and any(
                adoc.text(i).lower() == "capital" for i in range(end + 1, min(end + 1 + CAPITAL_LOOKAHEAD, n))
            ):
                return False  # "recognized Jerusalem as Israel's capital": the city itself
            if nxt == "," and end + 1 < n:
                after = adoc.text(end + 1)
                if after in ("D.C.", "DC") or self.codes_by_lower.get(after.lower()) == surface.code:
                    return False  # "Washington, D.C.", "Rabat, Morocco": the city
        return True

    @staticmethod
    def _dateline(adoc: ArticleDoc, start: int, end: int, nxt: str) -> bool:
        """A city opening its sentence as a dateline: "RIYADH:", "Riyadh:", "WASHINGTON (AP) —",
        "ABU DHABI, Nov 7 (WAM) --", "Riyadh (Reuters) -"."""
        if nxt == ":":
            return True
        words = [adoc.text(i) for i in range(start, end)]
        if all(w.isupper() for w in words) and nxt in DATELINE_AFTER_CAPS:
            return True
        # title case: "Riyadh (Reuters) -": an agency in brackets
        return nxt == "(" and end + 2 < len(adoc) and adoc.text(end + 1)[:1].isupper() and adoc.text(end + 2) == ")"


@lru_cache(maxsize=1)
def _matcher() -> _CountryMatcher:
    return _CountryMatcher()


def find_country_mentions_in_doc(adoc: ArticleDoc) -> list[Mention]:
    """Country mentions of an already tokenized article (shared by the entity stage)."""
    return _matcher().find(adoc)


def find_country_mentions(article: ArticleText) -> list[Mention]:
    """Every country mention in ``article.body``: entity_id ``country:<code>``, type 'country'."""
    return find_country_mentions_in_doc(ArticleDoc.build(article))


@lru_cache(maxsize=1)
def country_code_set() -> frozenset[str]:
    """All valid country codes: ISO 3166-1 alpha-2 plus our non-ISO state ids."""
    return iso_codes() | frozenset(s.code for s in load_country_lexicon().non_iso)


@lru_cache(maxsize=1)
def _country_entities() -> tuple[Entity, ...]:
    import pycountry

    lexicon = load_country_lexicon()
    display = lexicon.rules.display_names
    out = []
    for c in pycountry.countries:
        name = display.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        out.append(Entity(f"country:{c.alpha_2}", "country", name, c.alpha_2, c.alpha_3, True))
    for state in lexicon.non_iso:
        out.append(Entity(f"country:{state.code}", "country", state.name, None, None, False))
    return tuple(out)


def all_country_entities() -> list[Entity]:
    """Every ISO 3166-1 country and every non-ISO state, as ``core.entities`` rows."""
    return list(_country_entities())


@lru_cache(maxsize=1)
def _country_entities_by_id() -> dict[str, Entity]:
    return {e.entity_id: e for e in _country_entities()}


def country_entity(code: str) -> Entity | None:
    """The entity for one country code (ISO or non-ISO id), or None if unknown."""
    return _country_entities_by_id().get(f"country:{code}")


def country_name(code: str) -> str | None:
    """Canonical display name of a country code."""
    entity = country_entity(code)
    return entity.name if entity else None


def limited_recognition_codes() -> dict[str, str]:
    """Codes flagged as disputed or of limited recognition, with the data file's note."""
    return dict(load_country_lexicon().limited_recognition)
