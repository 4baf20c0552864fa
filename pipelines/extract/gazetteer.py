"""Load and validate the entity dictionaries under ``DICTIONARIES_DIR`` (cached per process).

Every dictionary is a data file (CSV or YAML). Loaders check structure and codes and raise
:class:`DictionaryError` naming the file and row on any problem. Nothing is read at import
time; each loader is wrapped in ``functools.lru_cache`` (call ``clear_caches()`` in tests that
point ``ACCORDWATCH_DICTIONARIES`` elsewhere).
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipelines import paths

CASE_POLICIES = ("title", "exact")
METONYMY_KINDS = ("capital", "seat")


class DictionaryError(ValueError):
    """A dictionary file is missing, malformed, or refers to an unknown code."""


def dictionaries_dir() -> Path:
    """The folder holding the dictionaries (env ``ACCORDWATCH_DICTIONARIES`` overrides, read now)."""
    override = os.environ.get("ACCORDWATCH_DICTIONARIES")
    return Path(override) if override else paths.DICTIONARIES_DIR


def read_csv(name: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of ``name`` as dicts (values stripped); each row carries its line number as ``_line``."""
    path = dictionaries_dir() / name
    if not path.is_file():
        raise DictionaryError(f"{path}: dictionary file not found")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DictionaryError(f"{path}: missing column(s) {missing}; header is {reader.fieldnames}")
        rows = []
        for line_no, row in enumerate(reader, start=2):
            clean = {k: (v or "").strip() for k, v in row.items() if k is not None}
            clean["_line"] = str(line_no)
            rows.append(clean)
    return rows


# libyaml's safe loader when PyYAML was built with it: the same data as ``yaml.safe_load`` (the same
# SafeConstructor), parsed ~9x faster. Every process that extracts pays this once per dictionary.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """``yaml.safe_load(text)``, with libyaml's parser when available."""
    return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader


def read_yaml(name: str) -> Any:
    """Parsed content of the YAML file ``name``."""
    path = dictionaries_dir() / name
    if not path.is_file():
        raise DictionaryError(f"{path}: dictionary file not found")
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{path}: invalid YAML: {exc}") from exc


def fail(name: str, line: str | int | None, message: str) -> DictionaryError:
    """A DictionaryError pointing at ``name`` (and line when known)."""
    where = f"{dictionaries_dir() / name}" + (f":{line}" if line else "")
    return DictionaryError(f"{where}: {message}")


def ascii_fold(text: str) -> str:
    """``Türkiye`` -> ``Turkiye``: strip combining accents (other characters unchanged)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def surface_variants(surface: str) -> list[str]:
    """The surface plus its accent-free and curly/straight-apostrophe spellings (deduplicated)."""
    out = [surface]
    for candidate in (ascii_fold(surface),):
        if candidate not in out:
            out.append(candidate)
    for s in list(out):
        for a, b in (("'", "\u2019"), ("\u2019", "'")):
            if a in s and s.replace(a, b) not in out:
                out.append(s.replace(a, b))
    return out


def parse_iso_date(value: str, name: str, line: str) -> date | None:
    """``YYYY-MM-DD`` or empty (open) -> date | None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise fail(name, line, f"bad date {value!r} (want YYYY-MM-DD or empty)") from exc


# --------------------------------------------------------------------------- countries


@dataclass(frozen=True)
class CountrySurface:
    """One surface form that names a country."""

    surface: str
    code: str
    method: str  # name | alias | demonym | metonymy
    case: str  # title | exact
    metonymy_kind: str | None = None  # capital | seat for metonymy surfaces


@dataclass(frozen=True)
class NonIsoState:
    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class CountryRules:
    blockers: tuple[str, ...]
    ambiguous: tuple[str, ...]
    place_prepositions: frozenset[str]
    place_followers: frozenset[str]
    caps_ambiguous: frozenset[str]
    caps_preceding: frozenset[str]
    caps_following: frozenset[str]
    name_risk: frozenset[str]
    name_risk_neighbours_ok: frozenset[str]
    needs_support: dict[str, tuple[str, ...]]
    display_names: dict[str, str]
    # Ambiguous surfaces resolved by the article: surface -> (candidate codes, rival codes).
    context_resolved: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    place_after_possessive: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CountryLexicon:
    """Everything the country matcher needs, validated."""

    surfaces: tuple[CountrySurface, ...]  # one per lowercase surface (variants included)
    non_iso: tuple[NonIsoState, ...]
    limited_recognition: dict[str, str]
    rules: CountryRules


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """All ISO 3166-1 alpha-2 codes known to pycountry."""
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries)


def _str_list(value: Any, name: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(name, None, f"{key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


@lru_cache(maxsize=1)
def load_country_rules() -> CountryRules:
    """``country_rules.yaml``: blockers, place prepositions, caps and name-risk rules."""
    name = "country_rules.yaml"
    data = read_yaml(name)
    if not isinstance(data, dict):
        raise fail(name, None, "top level must be a mapping")
    support = data.get("needs_support") or {}
    if not isinstance(support, dict):
        raise fail(name, None, "'needs_support' must map a surface to a list of cue words")
    display = data.get("display_names") or {}
    for code in display:
        if code not in iso_codes():
            raise fail(name, None, f"display_names: {code!r} is not an ISO 3166-1 alpha-2 code")

    def low(key: str) -> frozenset[str]:
        return frozenset(s.lower() for s in _str_list(data.get(key), name, key))

    resolved = data.get("context_resolved") or {}
    if not isinstance(resolved, dict):
        raise fail(name, None, "'context_resolved' must map a surface to {candidates: [...], rivals: [...]}")
    context_resolved = {}
    for surface, spec in resolved.items():
        if not isinstance(spec, dict) or not spec.get("candidates"):
            raise fail(name, None, f"context_resolved.{surface}: needs a non-empty 'candidates' list")
        candidates = _str_list(spec.get("candidates"), name, f"context_resolved.{surface}.candidates")
        rivals = _str_list(spec.get("rivals"), name, f"context_resolved.{surface}.rivals")
        context_resolved[str(surface)] = (candidates, rivals)

    return CountryRules(
        blockers=_str_list(data.get("blockers"), name, "blockers"),
        ambiguous=_str_list(data.get("ambiguous"), name, "ambiguous"),
        place_prepositions=low("place_prepositions"),
        place_followers=low("place_followers"),
        caps_ambiguous=frozenset(_str_list(data.get("caps_ambiguous"), name, "caps_ambiguous")),
        caps_preceding=frozenset(_str_list(data.get("caps_preceding"), name, "caps_preceding")),
        caps_following=frozenset(_str_list(data.get("caps_following"), name, "caps_following")),
        name_risk=frozenset(_str_list(data.get("name_risk"), name, "name_risk")),
        name_risk_neighbours_ok=frozenset(
            _str_list(data.get("name_risk_neighbours_ok"), name, "name_risk_neighbours_ok")
        ),
        needs_support={str(k): _str_list(v, name, f"needs_support.{k}") for k, v in support.items()},
        display_names={str(k): str(v) for k, v in display.items()},
        context_resolved=context_resolved,
        place_after_possessive=low("place_after_possessive"),
    )


@lru_cache(maxsize=1)
def load_non_iso_states() -> tuple[tuple[NonIsoState, ...], dict[str, str]]:
    """``non_iso_states.yaml``: states without ISO codes, and the limited-recognition flags."""
    name = "non_iso_states.yaml"
    data = read_yaml(name)
    if not isinstance(data, dict) or not isinstance(data.get("states"), list):
        raise fail(name, None, "expected a mapping with a 'states' list")
    states = []
    for item in data["states"]:
        code = str(item.get("id", ""))
        if len(code) != 2 or not code.isupper():
            raise fail(name, None, f"state id {code!r} must be two capital letters")
        first, second = code
        user_assigned = code == "AA" or code == "ZZ" or first == "X" or (first == "Q" and second >= "M")
        if not user_assigned or code in iso_codes():
            raise fail(name, None, f"state id {code!r} is not in the ISO user-assigned range")
        if not item.get("name"):
            raise fail(name, None, f"state {code} has no name")
        states.append(
            NonIsoState(
                code=code,
                name=str(item["name"]),
                aliases=_str_list(item.get("aliases"), name, f"{code}.aliases"),
                demonyms=_str_list(item.get("demonyms"), name, f"{code}.demonyms"),
            )
        )
    limited = {str(k): str(v) for k, v in (data.get("limited_recognition") or {}).items()}
    known = iso_codes() | {s.code for s in states}
    for code in limited:
        if code not in known:
            raise fail(name, None, f"limited_recognition: unknown code {code!r}")
    return tuple(states), limited


def _pycountry_names(exclude: set[str]) -> list[CountrySurface]:
    """Name, official name and common name of every ISO country, as running text writes them."""
    import pycountry

    out = []
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if not value or "," in value or "(" in value:
                continue  # inverted index forms ("Korea, Republic of") never occur in running text
            if value.startswith("the "):
                value = value[4:]
            if value.lower() in exclude:
                continue
            out.append(CountrySurface(value, c.alpha_2, "name", "title"))
    return out


@lru_cache(maxsize=1)
def load_country_lexicon() -> CountryLexicon:
    """Names (pycountry), aliases, demonyms, metonymy and non-ISO states, validated together."""
    rules = load_country_rules()
    non_iso, limited = load_non_iso_states()
    valid = iso_codes() | {s.code for s in non_iso}
    excluded = {s.lower() for s in (*rules.ambiguous, *rules.context_resolved)}
    for surface, (candidates, rivals) in rules.context_resolved.items():
        for code in (*candidates, *rivals):
            if code not in valid:
                raise fail("country_rules.yaml", None, f"context_resolved.{surface}: unknown code {code!r}")
    surfaces: list[CountrySurface] = _pycountry_names(excluded)

    name = "country_aliases.csv"
    for row in read_csv(name, ("code", "alias", "case")):
        if row["code"] not in valid:
            raise fail(name, row["_line"], f"unknown country code {row['code']!r}")
        if row["case"] not in CASE_POLICIES:
            raise fail(name, row["_line"], f"case must be one of {CASE_POLICIES}, not {row['case']!r}")
        if not row["alias"]:
            raise fail(name, row["_line"], "empty alias")
        surfaces.append(CountrySurface(row["alias"], row["code"], "alias", row["case"]))

    name = "demonyms.csv"
    seen_codes = set()
    for row in read_csv(name, ("code", "demonyms")):
        code = row["code"]
        if code not in iso_codes():
            raise fail(name, row["_line"], f"unknown ISO country code {code!r}")
        if code in seen_codes:
            raise fail(name, row["_line"], f"duplicate row for {code}")
        seen_codes.add(code)
        if not row["demonyms"] and not row.get("note"):
            raise fail(name, row["_line"], f"{code} has no demonym: give a note saying why")
        for demonym in filter(None, (d.strip() for d in row["demonyms"].split("|"))):
            surfaces.append(CountrySurface(demonym, code, "demonym", "title"))
            if demonym.endswith(("an", "i", "k", "er")):  # Israelis, Uzbeks, Icelanders
                surfaces.append(CountrySurface(demonym + "s", code, "demonym", "title"))
    missing = iso_codes() - seen_codes
    if missing:
        raise fail(name, None, f"no row for ISO code(s) {sorted(missing)}: every country needs one")

    name = "metonymy.csv"
    for row in read_csv(name, ("surface", "code", "kind")):
        if row["code"] not in valid:
            raise fail(name, row["_line"], f"unknown country code {row['code']!r}")
        if row["kind"] not in METONYMY_KINDS:
            raise fail(name, row["_line"], f"kind must be one of {METONYMY_KINDS}")
        surfaces.append(CountrySurface(row["surface"], row["code"], "metonymy", "title", row["kind"]))

    for state in non_iso:
        surfaces.extend(CountrySurface(a, state.code, "name", "title") for a in state.aliases)
        surfaces.extend(CountrySurface(d, state.code, "demonym", "title") for d in state.demonyms)

    clash = [s.surface for s in surfaces if s.surface.lower() in excluded]
    if clash:
        raise fail("country_rules.yaml", None, f"{sorted(set(clash))} are listed as ambiguous or context_resolved "
                   "but also as a plain surface in another dictionary: remove one")

    for code in rules.display_names:
        if code not in valid:
            raise fail("country_rules.yaml", None, f"display_names: unknown code {code!r}")

    # One lowercase surface must mean one country: a clash is a data error, not a coin toss.
    # The first entry wins among same-country duplicates (names before aliases before demonyms).
    by_lower: dict[str, CountrySurface] = {}
    for s in surfaces:
        for variant in surface_variants(s.surface):
            other = by_lower.get(variant.lower())
            if other and other.code != s.code:
                raise DictionaryError(
                    f"surface {variant!r} maps to both {other.code} and {s.code}; "
                    "list it under 'ambiguous' in country_rules.yaml or remove one"
                )
            if other is None:
                by_lower[variant.lower()] = CountrySurface(variant, s.code, s.method, s.case, s.metonymy_kind)
    return CountryLexicon(tuple(by_lower.values()), non_iso, limited, rules)




# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class ActorTerm:
    """One row of ``actors.csv``: a person held ``role`` for ``country`` from ``start`` to ``end``."""

    person_id: str
    name: str
    role: str
    country: str | None
    start: date | None
    end: date | None  # None: still in office (open)

    def valid_on(self, day: date) -> bool:
        """True when the term covers ``day`` (start inclusive, end exclusive)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Actor:
    person_id: str
    name: str
    aliases: tuple[str, ...]
    terms: tuple[ActorTerm, ...]

    @property
    def country(self) -> str | None:
        """The country of the actor's terms (the most frequent one)."""
        countries = [t.country for t in self.terms if t.country]
        return max(set(countries), key=countries.count) if countries else None


@dataclass(frozen=True)
class RoleTitle:
    surface: str
    role: str
    plural: bool


@dataclass(frozen=True)
class RoleDescriptor:
    surface: str
    role: str
    country: str | None


@lru_cache(maxsize=65536)  # pure; the people stage slugs every name it finds, and names recur
def slugify(name: str) -> str:
    """``Kassym-Jomart Tokayev`` -> ``kassym-jomart-tokayev`` (ASCII, lowercase, dashes)."""
    folded = ascii_fold(name).lower().replace("'", "").replace("\u2019", "")
    out = []
    for ch in folded:
        out.append(ch if ch.isalnum() else "-")
    return "-".join(filter(None, "".join(out).split("-")))


@lru_cache(maxsize=1)
def load_actors() -> dict[str, Actor]:
    """``actors.csv``: people with their roles, countries and validity dates, by person_id."""
    name = "actors.csv"
    valid = iso_codes() | {s.code for s in load_non_iso_states()[0]}
    grouped: dict[str, dict] = {}
    for row in read_csv(name, ("person_id", "name", "aliases", "role", "country", "from", "to")):
        line = row["_line"]
        pid = row["person_id"]
        if not pid or pid != slugify(pid):
            raise fail(name, line, f"person_id {pid!r} must be a lowercase slug")
        if not row["name"] or not row["role"]:
            raise fail(name, line, "name and role are required")
        if row["country"] and row["country"] not in valid:
            raise fail(name, line, f"unknown country code {row['country']!r}")
        start = parse_iso_date(row["from"], name, line)
        end = parse_iso_date(row["to"], name, line)
        if start and end and end <= start:
            raise fail(name, line, f"'to' {end} is not after 'from' {start}")
        entry = grouped.setdefault(pid, {"name": row["name"], "aliases": [], "terms": []})
        if entry["name"] != row["name"]:
            raise fail(name, line, f"{pid} is named both {entry['name']!r} and {row['name']!r}")
        for alias in filter(None, (a.strip() for a in row["aliases"].split("|"))):
            if alias not in entry["aliases"]:
                entry["aliases"].append(alias)
        entry["terms"].append(ActorTerm(pid, row["name"], row["role"], row["country"] or None, start, end))
    actors = {
        pid: Actor(pid, e["name"], tuple(e["aliases"]), tuple(e["terms"])) for pid, e in grouped.items()
    }
    owner: dict[str, str] = {}
    for actor in actors.values():
        for surface in (actor.name, *actor.aliases):
            other = owner.setdefault(surface.lower(), actor.person_id)
            if other != actor.person_id:
                raise fail(name, None, f"name or alias {surface!r} belongs to both {other} and {actor.person_id}")
    return actors


@lru_cache(maxsize=1)
def load_role_titles() -> tuple[tuple[RoleTitle, ...], tuple[RoleDescriptor, ...]]:
    """``role_titles.yaml``: title surfaces (singular/plural) and descriptor phrases."""
    name = "role_titles.yaml"
    data = read_yaml(name)
    if not isinstance(data, dict) or not isinstance(data.get("roles"), list):
        raise fail(name, None, "expected a mapping with a 'roles' list")
    titles: list[RoleTitle] = []
    seen: dict[str, str] = {}
    for item in data["roles"]:
        role = item.get("role") if isinstance(item, dict) else None
        if not role:
            raise fail(name, None, f"role entry without 'role': {item!r}")
        for key, plural in (("surfaces", False), ("plural", True)):
            for surface in _str_list(item.get(key), name, f"{role}.{key}"):
                if seen.setdefault(surface.lower(), role) != role:
                    raise fail(name, None, f"title {surface!r} given for {seen[surface.lower()]!r} and {role!r}")
                titles.append(RoleTitle(surface, role, plural))
    descriptors = []
    valid = iso_codes() | {s.code for s in load_non_iso_states()[0]}
    for item in data["roles"]:
        if not isinstance(item.get("speaks_for_state", False), bool):
            raise fail(name, None, f"{item['role']}: 'speaks_for_state' must be true or false")
    for item in data.get("descriptors") or []:
        if not isinstance(item, dict) or not item.get("surface") or not item.get("role"):
            raise fail(name, None, f"descriptor needs 'surface' and 'role': {item!r}")
        country = item.get("country")
        if country and country not in valid:
            raise fail(name, None, f"descriptor {item['surface']!r}: unknown country {country!r}")
        descriptors.append(RoleDescriptor(str(item["surface"]), str(item["role"]), country))
    return tuple(titles), tuple(descriptors)


@lru_cache(maxsize=1)
def leader_roles() -> frozenset[str]:
    """``leader_roles`` of ``role_titles.yaml``: the roles "the Turkish leader" may stand for; each must be a role of
    the file (empty when it lists none)."""
    data = read_yaml("role_titles.yaml")
    if "leader_roles" not in data:
        return frozenset()
    roles = _str_list(data.get("leader_roles"), "role_titles.yaml", "leader_roles")
    known = {item.get("role") for item in data.get("roles") or [] if isinstance(item, dict)}
    unknown = [r for r in roles if r not in known]
    if unknown:
        raise fail("role_titles.yaml", None, f"leader_roles: unknown roles {unknown}")
    return frozenset(roles)


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    """``portfolio_words`` of ``role_titles.yaml``, lower-cased: the words of a ministry's portfolio between a title and
    the name ("Minister of Housing, Urban Renewal and Climate Change Pearnel Charles"); empty when the file lists none."""
    data = read_yaml("role_titles.yaml")
    if "portfolio_words" not in data:
        return frozenset()
    return frozenset(w.lower() for w in _str_list(data.get("portfolio_words"), "role_titles.yaml", "portfolio_words"))


@lru_cache(maxsize=1)
def state_roles() -> tuple[frozenset[str], re.Pattern | None]:
    """The roles of ``role_titles.yaml`` marked ``speaks_for_state`` (validated with the titles), and a
    pattern for a text that ends with one of its ``out_of_office_words`` and up to two words after it
    ("former ", "ex-", "former Armenian "), None when the file lists none."""
    load_role_titles()
    data = read_yaml("role_titles.yaml")
    words = _str_list(data.get("out_of_office_words"), "role_titles.yaml", "out_of_office_words")
    out_of_office = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, words)) + r")[\s-]+(?:[\w’'-]+\s+){0,2}$",
                               re.IGNORECASE) if words else None
    return frozenset(item["role"] for item in data["roles"] if item.get("speaks_for_state")), out_of_office


# --------------------------------------------------------------------------- organizations


@dataclass(frozen=True)
class Organization:
    org_id: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class GovernmentRules:
    heads: tuple[str, ...]
    context_heads: tuple[str, ...]
    heads_before_of: tuple[str, ...]
    aliases: dict[str, tuple[str, ...]]  # country code -> surfaces naming its government
    portfolio_heads: tuple[str, ...] = ()  # one word may stand between country and head
    anaphora_heads: tuple[str, ...] = ()  # heads that may take the sentence subject's country
    anaphora_determiners: tuple[str, ...] = ()  # "its"
    anaphora_possessive_nouns: tuple[str, ...] = ()  # "the country's"
    anaphora_bare_heads: tuple[str, ...] = ()  # "the ministry"


@lru_cache(maxsize=1)
def load_organizations() -> tuple[tuple[Organization, ...], GovernmentRules]:
    """``organizations.yaml``: named organizations and the government head phrases."""
    name = "organizations.yaml"
    data = read_yaml(name)
    if not isinstance(data, dict) or not isinstance(data.get("organizations"), list):
        raise fail(name, None, "expected a mapping with an 'organizations' list")
    valid = iso_codes() | {s.code for s in load_non_iso_states()[0]}
    orgs = []
    owner: dict[str, str] = {}
    for item in data["organizations"]:
        if not isinstance(item, dict) or not item.get("id") or not item.get("name") or not item.get("kind"):
            raise fail(name, None, f"organization needs id, name and kind: {item!r}")
        org_id = str(item["id"])
        if org_id != slugify(org_id) or org_id.startswith("government-"):
            raise fail(name, None, f"id {org_id!r} must be a slug not starting with 'government-'")
        country = item.get("country")
        if country is not None and country not in valid:
            raise fail(name, None, f"{org_id}: unknown country {country!r}")
        aliases = _str_list(item.get("aliases"), name, f"{org_id}.aliases") or (str(item["name"]),)
        for alias in aliases:
            if owner.setdefault(alias.lower(), org_id) != org_id:
                raise fail(name, None, f"alias {alias!r} belongs to both {owner[alias.lower()]} and {org_id}")
        orgs.append(Organization(org_id, str(item["name"]), str(item["kind"]), country, aliases))
    gov = data.get("governments") or {}
    anaphora = gov.get("anaphora") or {}
    if not isinstance(anaphora, dict):
        raise fail(name, None, "governments.anaphora must be a mapping")
    gov_aliases = {}
    for code, surfaces in (gov.get("aliases") or {}).items():
        if code not in valid:
            raise fail(name, None, f"governments.aliases: unknown country {code!r}")
        gov_aliases[str(code)] = _str_list(surfaces, name, f"governments.aliases.{code}")
    rules = GovernmentRules(
        heads=_str_list(gov.get("heads"), name, "governments.heads"),
        context_heads=_str_list(gov.get("context_heads"), name, "governments.context_heads"),
        heads_before_of=_str_list(gov.get("heads_before_of"), name, "governments.heads_before_of"),
        aliases=gov_aliases,
        portfolio_heads=_str_list(gov.get("portfolio_heads"), name, "governments.portfolio_heads"),
        anaphora_heads=_str_list(anaphora.get("heads"), name, "governments.anaphora.heads"),
        anaphora_determiners=_str_list(anaphora.get("determiners"), name, "governments.anaphora.determiners"),
        anaphora_possessive_nouns=_str_list(
            anaphora.get("possessive_nouns"), name, "governments.anaphora.possessive_nouns"
        ),
        anaphora_bare_heads=_str_list(anaphora.get("bare_heads"), name, "governments.anaphora.bare_heads"),
    )
    heads = {h.lower() for h in (*rules.heads, *rules.context_heads)}
    for key, listed in (("portfolio_heads", rules.portfolio_heads), ("anaphora.heads", rules.anaphora_heads),
                        ("anaphora.bare_heads", rules.anaphora_bare_heads)):
        unknown = [h for h in listed if h.lower() not in heads]
        if unknown:
            raise fail(name, None, f"governments.{key}: {unknown} are not listed under governments.heads")
    if not rules.heads:
        raise fail(name, None, "governments.heads must not be empty")
    return tuple(orgs), rules


def clear_caches() -> None:
    """Forget every loaded dictionary (for tests that switch ``ACCORDWATCH_DICTIONARIES``).

    The compiled matchers of the stages are process-wide and are not rebuilt by this.
    """
    for fn in (
        iso_codes, load_country_rules, load_non_iso_states, load_country_lexicon,
        load_actors, load_role_titles, state_roles, leader_roles, portfolio_words, load_organizations,
    ):
        fn.cache_clear()
