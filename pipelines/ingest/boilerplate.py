"""Load and validate ``warehouse/dictionaries/boilerplate.yaml``: the page-furniture vocabulary
that :mod:`pipelines.ingest.cleaning` removes from article bodies.

Nothing is read at import time: :func:`boilerplate` reads the file on first use and caches it.
Validation is strict so that a typo in the data file fails loudly, naming the file, the
section and the entry: every section is known and present, every entry is a non-empty
string (or, for ``line_patterns``, a ``{reason, pattern}`` mapping), word sections hold single
words, and every regex compiles and cannot match an empty line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipelines.paths import DICTIONARIES_DIR

BOILERPLATE_FILE = "boilerplate.yaml"

# Sections of single words (no whitespace), compared casefolded unless noted.
WORD_SECTIONS = (
    "language_codes",
    "language_names",
    "byline_not_names",
    "name_particles",
    "social_networks",
    "follow_networks",
    "wire_photo_agencies",  # case-sensitive: "REUTERS/Name"
)
# Sections of plain phrases (no regex); spaces match any run of whitespace.
PHRASE_SECTIONS = (
    "author_labels",
    "posted_labels",
    "updated_labels",
    "photo_labels",
    "caption_markers",
    "glued_caption_markers",
    "credit_labels",
    "photo_credit_words",  # case-sensitive: "(AP Photo/...)"
    "link_prefixes",
    "link_labels_alone",
    "section_labels",
    "whole_lines",
    "trailer_markers",
    "call_to_action_prefixes",
    "follow_verbs",
    "reporting_credit_prefixes",
    "mastheads",
    "social_button_prefixes",
)
# Sections of regexes matched against a whole line.
PATTERN_SECTIONS = ("line_patterns", "date_line_patterns")
KNOWN_SECTIONS = WORD_SECTIONS + PHRASE_SECTIONS + PATTERN_SECTIONS


class BoilerplateError(ValueError):
    """The boilerplate data file is malformed (the message names the file and the entry)."""


@dataclass(frozen=True)
class LinePattern:
    """A whole-line noise pattern and the reason recorded when it removes a line.

    A named group ``caption`` makes the matched text the article's photo caption (when none
    was found before).
    """

    reason: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Boilerplate:
    """The validated contents of ``boilerplate.yaml``: phrase/word tuples per section (in file
    order, stripped) and compiled line patterns."""

    words: dict[str, tuple[str, ...]]
    phrases: dict[str, tuple[str, ...]]
    line_patterns: tuple[LinePattern, ...]
    date_line_patterns: tuple[re.Pattern, ...]
    digest: str  # first 12 hex digits of the SHA-256 of the file's bytes

    def word_set(self, section: str) -> frozenset[str]:
        """The words of ``section``, casefolded."""
        return frozenset(w.casefold() for w in self.words[section])

    def phrase_set(self, section: str) -> frozenset[str]:
        """The phrases of ``section``, casefolded with single spaces."""
        return frozenset(" ".join(p.casefold().split()) for p in self.phrases[section])


def boilerplate_path() -> Path:
    return DICTIONARIES_DIR / BOILERPLATE_FILE


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    """The validated boilerplate vocabulary (read once, cached)."""
    return load_boilerplate(boilerplate_path())


def boilerplate_digest() -> str:
    """Hash of the loaded data file (the same bytes the rules were built from): it changes
    whenever the file does, so a version stamp built on it re-cleans every article."""
    return boilerplate().digest


def load_boilerplate(path: Path) -> Boilerplate:
    """Read and validate a boilerplate file; raise :class:`BoilerplateError` on any defect."""
    raw = path.read_bytes()
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BoilerplateError(f"{path}: not valid UTF-8 YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise BoilerplateError(f"{path}: expected a mapping of sections, got {type(data).__name__}")
    unknown = sorted(set(data) - set(KNOWN_SECTIONS))
    if unknown:
        raise BoilerplateError(f"{path}: unknown section(s) {unknown}; known: {list(KNOWN_SECTIONS)}")
    missing = [s for s in KNOWN_SECTIONS if s not in data]
    if missing:
        raise BoilerplateError(f"{path}: missing section(s) {missing}")
    words = {s: _strings(path, s, data[s], single_word=True) for s in WORD_SECTIONS}
    phrases = {s: _strings(path, s, data[s], single_word=False) for s in PHRASE_SECTIONS}
    line_patterns = tuple(_line_pattern(path, i, entry) for i, entry in enumerate(_list(path, "line_patterns", data)))
    date_patterns = tuple(
        _compile(path, "date_line_patterns", i, entry)
        for i, entry in enumerate(_strings(path, "date_line_patterns", data["date_line_patterns"], single_word=False))
    )
    return Boilerplate(words, phrases, line_patterns, date_patterns, hashlib.sha256(raw).hexdigest()[:12])


def _list(path: Path, section: str, data: dict) -> list:
    value = data[section]
    if value is None:
        return []
    if not isinstance(value, list):
        raise BoilerplateError(f"{path}: section {section!r} must be a list, got {type(value).__name__}")
    return value


def _strings(path: Path, section: str, value, single_word: bool) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise BoilerplateError(f"{path}: section {section!r} must be a list, got {type(value).__name__}")
    out: list[str] = []
    seen: set[str] = set()
    for index, entry in enumerate(value):
        where = f"{path}: section {section!r} entry {index + 1} ({entry!r})"
        if not isinstance(entry, str):
            raise BoilerplateError(f"{where}: must be a string (quote it in YAML)")
        text = entry.strip()
        if not text:
            raise BoilerplateError(f"{where}: empty entry")
        if single_word and len(text.split()) != 1:
            raise BoilerplateError(f"{where}: must be a single word")
        key = " ".join(text.casefold().split())
        if key in seen and section not in ("wire_photo_agencies", "photo_credit_words"):
            raise BoilerplateError(f"{where}: duplicate entry")
        seen.add(key)
        out.append(text)
    return tuple(out)


def _compile(path: Path, section: str, index: int, text: str) -> re.Pattern:
    where = f"{path}: section {section!r} entry {index + 1} ({text!r})"
    try:
        pattern = re.compile(text, re.I)
    except re.error as exc:
        raise BoilerplateError(f"{where}: regex does not compile: {exc}") from exc
    if pattern.fullmatch("") or pattern.fullmatch(" "):
        raise BoilerplateError(f"{where}: regex matches an empty line")
    return pattern


def _line_pattern(path: Path, index: int, entry) -> LinePattern:
    where = f"{path}: section 'line_patterns' entry {index + 1} ({entry!r})"
    if not isinstance(entry, dict) or set(entry) != {"reason", "pattern"}:
        raise BoilerplateError(f"{where}: must be a mapping with exactly the keys 'reason' and 'pattern'")
    reason, text = entry["reason"], entry["pattern"]
    if not isinstance(reason, str) or not re.fullmatch(r"[a-z][a-z-]*", reason):
        raise BoilerplateError(f"{where}: reason must be a lower-case-hyphenated word")
    if not isinstance(text, str) or not text.strip():
        raise BoilerplateError(f"{where}: empty pattern")
    pattern = _compile(path, "line_patterns", index, text)
    unknown_groups = set(pattern.groupindex) - {"caption"}
    if unknown_groups:
        raise BoilerplateError(f"{where}: unknown named group(s) {sorted(unknown_groups)}; allowed: caption")
    return LinePattern(reason, pattern)
