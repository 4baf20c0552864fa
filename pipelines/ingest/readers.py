"""Read article source files (txt, md, html, json, jsonl) into plain records.

Pure file-to-record functions, no Dagster. Bad content never raises out of
:func:`read_source_file`: it becomes a :class:`RecordError` with a short human reason,
so one bad file (or one bad JSONL line) never stops a run.

Metadata precedence for one record, lowest to highest:
what is guessed from the content (HTML page metadata) < what the file states about itself
(front matter, JSON keys) < the sidecar ``<name>.meta.json``. For JSONL (and JSON arrays)
the sidecar gives defaults for every record and each record's own keys win, because a
per-record value is more specific than one file-wide value.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

import yaml


class IngestError(Exception):
    """A source file or record that cannot be ingested; ``str(exc)`` is the short reason."""


SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
SIDECAR_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 5_000_000

# The metadata every record carries (value None when unknown).
META_KEYS = ("title", "author", "publisher", "url", "published_at", "language")
# Keys that may hold the article text in a JSON object, in order of preference.
BODY_KEYS = ("body", "text", "content", "article")
# Other spellings of the metadata keys found in exports and scrapers (compared lowercased,
# with '-' and ' ' read as '_').
META_KEY_ALIASES = {
    "title": "title", "headline": "title",
    "author": "author", "authors": "author", "byline": "author", "creator": "author",
    "publisher": "publisher", "outlet": "publisher", "source": "publisher",
    "site_name": "publisher", "sitename": "publisher", "publication": "publisher",
    "url": "url", "link": "url", "canonical_url": "url", "canonical": "url", "source_url": "url",
    "published_at": "published_at", "published": "published_at", "date": "published_at",
    "published_date": "published_at", "publish_date": "published_at",
    "date_published": "published_at", "datepublished": "published_at",
    "pubdate": "published_at", "publication_date": "published_at",
    "language": "language", "lang": "language", "inlanguage": "language",
}


@dataclass(frozen=True)
class SourceRecord:
    """One article as read from a source file, before any cleaning.

    ``record_idx`` is 0 for single-article files and the 1-based line (JSONL) or element
    (JSON array) number otherwise. ``meta`` always has the :data:`META_KEYS` (None when
    unknown), may have ``published_at_page`` (the date an HTML page shows about itself) and
    keeps any other metadata fields found, JSON-safe.
    """

    path: str
    record_idx: int
    file_sha256: str
    size_bytes: int
    source_format: str
    body_raw: str
    meta: dict


@dataclass(frozen=True)
class RecordError:
    """A file (``record_idx`` None) or one record of it that could not be ingested."""

    path: str
    record_idx: int | None
    file_sha256: str | None
    reason: str


@dataclass
class ReadResult:
    records: list[SourceRecord] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)


# --------------------------------------------------------------------------- hashing


def file_sha256(path: Path) -> str:
    """SHA-256 hex digest of the file's bytes (streamed, any size)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# Runs of horizontal whitespace that are not already a single plain space: every such run becomes
# one space (a lone " " between words, by far the most common run, is left alone instead of being
# substituted by itself, which made the hash's normalization the costliest step of ingest).
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]{2,}|[^\S\n ]")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_for_hash(text: str) -> str:
    """Canonical form of a text for identity: NFC, one space per run of spaces, lines
    stripped, at most one blank line in a row, no surrounding whitespace."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _HORIZONTAL_SPACE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def article_id_for(body_raw: str) -> str:
    """Stable article id: the first 32 hex chars of SHA-256 of the normalized body."""
    return hashlib.sha256(normalize_for_hash(body_raw).encode("utf-8")).hexdigest()[:32]


# --------------------------------------------------------------------------- listing


class ScannedFile(NamedTuple):
    """A candidate source file with what a rescan compares: resolved path, size and mtime.

    A named tuple: a rescan makes one per file (86k for a 100k-article corpus), and a frozen
    dataclass cost twice as much to build."""

    found_at: str  # the path as found under the root given
    resolved: str  # absolute, symlinks resolved: the path ``raw.source_files`` records
    size_bytes: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        # Built on demand: a rescan of a large folder compares strings and builds Paths only for
        # the files that changed (pathlib parsing was a third of listing 100k files).
        return Path(self.found_at)


def scan_source_files(root: Path) -> list[ScannedFile]:
    """Every candidate source file under ``root`` with its size and mtime, recursively, sorted
    (:func:`iter_source_files` as a list)."""
    return list(iter_source_files(root))


def iter_source_files(root: Path) -> Iterator[ScannedFile]:
    """Every candidate source file under ``root`` with its size and mtime, recursively, sorted, one at a
    time (a folder's entries are listed at once; the whole tree never is).

    One ``os.scandir`` pass (no per-file path resolution unless the entry is a symlink). Skips hidden
    files and folders (name starting with '.'), ``*.meta.json`` sidecars and symlinked folders (as
    ``Path.rglob`` does). Files with unsupported extensions are included, so the caller can report them.
    Sorted by path components: each folder's entries are visited in name order, so the files come
    out sorted without a sort over all files.
    """
    root = Path(root)
    if root.is_file():
        stat = root.stat()
        yield ScannedFile(str(root), str(root.resolve()), stat.st_size, stat.st_mtime_ns)
        return

    def walk(folder: str, real_folder: str) -> Iterator[ScannedFile]:
        try:
            with os.scandir(folder) as entries:
                listed = sorted(entries, key=_entry_name)
        except (PermissionError, FileNotFoundError, NotADirectoryError):
            return
        real_prefix = real_folder if real_folder.endswith(os.sep) else real_folder + os.sep
        for entry in listed:
            name = entry.name
            if name[0] == ".":
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    yield from walk(entry.path, real_prefix + name)
                    continue
                if not entry.is_file() or name.lower().endswith(SIDECAR_SUFFIX):
                    continue
                stat = entry.stat()
                resolved = os.path.realpath(entry.path) if entry.is_symlink() else real_prefix + name
            except OSError:
                continue  # removed while listing, or a dangling symlink
            yield ScannedFile(entry.path, resolved, stat.st_size, stat.st_mtime_ns)

    if root.is_dir():
        yield from walk(str(root), str(root.resolve()))


def _entry_name(entry: os.DirEntry) -> str:
    return entry.name


def list_source_files(root: Path) -> list[Path]:
    """Every candidate source file under ``root``, recursively, sorted (see :func:`scan_source_files`)."""
    return [scanned.path for scanned in scan_source_files(root)]


def sidecar_for(path: Path) -> Path | None:
    """The sidecar of a source file: ``<name>.meta.json``, else ``<stem>.meta.json``."""
    path = Path(path)
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_name(path.stem + SIDECAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


# --------------------------------------------------------------------------- reading


def read_source_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read one source file into records; problems become :class:`RecordError` entries.

    Never raises for bad content. A problem with a single-article file (or with the file
    as a whole) gives one error with ``record_idx=None``; a bad JSONL line (or JSON array
    element) gives an error with that line's number while the good ones are still
    returned.
    """
    path = Path(path)
    result = ReadResult()
    sha: str | None = None
    try:
        sha = file_sha256(path)
        size = path.stat().st_size
        extension = path.suffix.lower()
        if extension not in SUPPORTED_EXTENSIONS:
            raise IngestError(f"unsupported extension {extension or '(none)'}")
        if size == 0:
            raise IngestError("empty file")
        if size > max_bytes:
            raise IngestError(f"file larger than {max_bytes} bytes")
        sidecar = _read_sidecar(path)
        data = path.read_bytes()
        source_format = "html" if extension == ".htm" else extension.lstrip(".")
        reader = _READERS[source_format]
        for record_idx, outcome in reader(data, sidecar):
            if isinstance(outcome, IngestError):
                result.errors.append(RecordError(str(path), record_idx, sha, str(outcome)))
                continue
            body_raw, meta = outcome
            result.records.append(
                SourceRecord(str(path), record_idx, sha, size, source_format, body_raw, meta)
            )
    except IngestError as exc:
        result.errors.append(RecordError(str(path), None, sha, str(exc)))
    except OSError as exc:
        result.errors.append(RecordError(str(path), None, sha, f"cannot read file: {exc.strerror or exc}"))
    return result


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = sidecar_for(path)
    if sidecar is None:
        return {}
    try:
        text = _decode(sidecar.read_bytes())
        loaded = json.loads(text)
    except IngestError as exc:
        raise IngestError(f"malformed sidecar {sidecar.name}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise IngestError(f"malformed sidecar {sidecar.name}: {_json_reason(exc)}") from exc
    if not isinstance(loaded, dict):
        raise IngestError(f"malformed sidecar {sidecar.name}: expected a JSON object")
    return _canonical_meta(loaded)


# --------------------------------------------------------------------------- decoding

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _decode(data: bytes, declared_charset: str | None = None) -> str:
    """Bytes to text: UTF-8 (BOM removed), UTF-16 with a BOM, or else the charset an HTML
    page declares. Raises IngestError for binary content, bad encoding or blank text."""
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError("not valid UTF-16") from exc
    else:
        if b"\x00" in data:
            raise IngestError("binary content")
        # UTF-8 first even when another charset is declared: bytes that are valid UTF-8
        # are almost never meant as a legacy charset, while wrong declarations are common.
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            codec = _codec_name(declared_charset) if declared_charset else None
            if codec is None or codec == "utf-8":
                raise IngestError("not valid UTF-8") from exc
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc2:
                raise IngestError(f"not valid {declared_charset} (declared charset)") from exc2
    if "\x00" in text:
        raise IngestError("binary content")
    if not text.strip():
        raise IngestError("empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


# --------------------------------------------------------------------------- metadata


def _canonical_meta(raw: dict[str, Any]) -> dict[str, Any]:
    """Map metadata keys to :data:`META_KEYS` (aliases folded); keep other keys JSON-safe.

    When several aliases of one key are present, the canonical spelling wins, then the
    first alias found.
    """
    meta: dict[str, Any] = {}
    extras: dict[str, Any] = {}
    for key, value in raw.items():
        folded = re.sub(r"[\s-]+", "_", str(key).strip().lower())
        canonical = META_KEY_ALIASES.get(folded)
        if canonical is None:
            extras[str(key)] = _json_safe(value)
            continue
        text = _meta_text(value)
        if text is None:
            continue
        if folded == canonical or canonical not in meta:
            meta[canonical] = text
    return {**extras, **meta}


def _meta_text(value: Any) -> str | None:
    """A metadata value as one string (lists joined, schema.org objects by their name)."""
    if value is None:
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return _meta_text(value.get("name") or value.get("@value") or value.get("url"))
    if isinstance(value, (list, tuple)):
        parts = [part for part in (_meta_text(item) for item in value) if part]
        return ", ".join(parts) if parts else None
    text = " ".join(str(value).split())
    return text or None


def _json_safe(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _merge_meta(*layers: dict[str, Any]) -> dict[str, Any]:
    """Later layers win for every key they set (None never overrides)."""
    merged: dict[str, Any] = {key: None for key in META_KEYS}
    for layer in layers:
        for key, value in layer.items():
            if value is not None:
                merged[key] = value
    return merged


def _json_reason(exc: json.JSONDecodeError) -> str:
    return f"{exc.msg} (line {exc.lineno} column {exc.colno})"


# --------------------------------------------------------------------------- txt / md

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
# libyaml's parser with PyYAML's safe constructors (what yaml.safe_load builds, ~10x faster);
# the pure-Python loader where PyYAML was built without libyaml.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter (between a first line '---' and the next '---') off."""
    if not re.match(r"^---[ \t]*\n", text):
        return {}, text
    first_newline = text.index("\n")
    end = _FRONT_MATTER_END.search(text, first_newline + 1)
    if end is None:
        raise IngestError("malformed front matter: no closing '---' line")
    block = text[first_newline + 1 : end.start()]
    try:
        loaded = yaml.load(block, Loader=_YAML_LOADER) if block.strip() else {}
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or "not valid YAML"
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise IngestError(f"malformed front matter: {problem}{where}") from exc
    if not isinstance(loaded, dict):
        raise IngestError("malformed front matter: expected 'key: value' lines")
    return _canonical_meta(loaded), text[end.end() :].lstrip("\n")


# a whole HTML document saved under a text extension (a scraper's "page.txt"): read as the page it is
_HTML_DOCUMENT = re.compile(r"\ufeff?\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE | re.DOTALL)


def looks_like_html_document(text: str) -> bool:
    """Whether ``text`` is a whole HTML document (a doctype or an ``<html>`` element first)."""
    return _HTML_DOCUMENT.match(text[:2000]) is not None


def _read_text(data: bytes, sidecar: dict[str, Any], markdown: bool = False):
    text = _decode(data)
    if not markdown and looks_like_html_document(text):
        yield from _read_html(data, sidecar)
        return
    front_matter, body = _split_front_matter(text)
    if markdown:
        body = markdown_to_text(body)
    if not body.strip():
        raise IngestError("no article text")
    yield 0, (body, _merge_meta(front_matter, sidecar))


def _read_markdown(data: bytes, sidecar: dict[str, Any]):
    return _read_text(data, sidecar, markdown=True)


_MD_ATX_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
# The lookahead asks for a non-blank line once; `[^\n]+\n` then backtracks in linear time
# (`[^\n]*\S[^\n]*` was quadratic in the line length).
_MD_SETEXT_UNDERLINE = re.compile(r"^(?=[^\n]*\S)(?P<text>[^\n]+)\n[ ]{0,3}(?:=+|-+)[ \t]*$", re.M)
_MD_RULE = re.compile(r"^[ ]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.M)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_LINK_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s+\S+.*$", re.M)
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_BLOCKQUOTE = re.compile(r"^[ ]{0,3}>[ ]?", re.M)
_MD_BULLET = re.compile(r"^[ ]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")


def markdown_to_text(text: str) -> str:
    """Reduce Markdown to plain text: heading marks, emphasis, links, images, quotes-marks
    and bullets removed, the words kept. Headings become their own paragraph."""
    text = _MD_SETEXT_UNDERLINE.sub(lambda m: f"\n{m['text'].strip()}\n", text)
    text = _MD_RULE.sub("", text)
    text = _MD_ATX_HEADING.sub(lambda m: f"\n{m.group(1)}\n", text)
    text = _MD_LINK_DEFINITION.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _MD_BLOCKQUOTE.sub("", text)
    text = _MD_BULLET.sub("", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_BOLD.sub(r"\2", text)
    text = _MD_ITALIC.sub(lambda m: m.group(1) or m.group(2), text)
    text = _MD_ESCAPE.sub(r"\1", text)
    return _BLANK_LINES.sub("\n\n", text).strip("\n")


# --------------------------------------------------------------------------- html

_HTML_LANG = re.compile(r"""<html[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?""", re.I)


def _read_html(data: bytes, sidecar: dict[str, Any]):
    declared = _HTML_CHARSET.search(data[:4096])
    text = _decode(data, declared.group(1).decode("ascii", "replace") if declared else None)
    body, page_meta = html_to_article(text)
    if not _has_prose(body):
        raise IngestError("no article text")
    yield 0, (body, _merge_meta(page_meta, sidecar))


def _has_prose(body: str) -> bool:
    """At least one paragraph of five words or more (not just leftover menu items)."""
    return any(len(paragraph.split()) >= 5 for paragraph in body.split("\n\n"))


def html_to_article(page: str) -> tuple[str, dict[str, Any]]:
    """Main text and page metadata of an HTML page, via trafilatura (no network).

    Returns ``(body, meta)``: one paragraph per block element, separated by a blank line;
    meta has title, author, url (canonical), publisher (site name), language (``<html
    lang>``) and ``published_at_page`` (the date the page states, ISO format).
    """
    from trafilatura import bare_extraction

    try:
        document = bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=True,  # (a status table or a fact box holds claims; rows come out as "| A | B |" lines)
            include_images=False,
            include_links=False,
            date_extraction_params={
                "extensive_search": False,
                "original_date": True,
                "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            },
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise IngestError(f"HTML could not be parsed: {type(exc).__name__}") from exc
    if document is None:
        return "", {}
    values = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = values.get("text") or ""
    paragraphs: list[str] = []
    in_table = False
    for line in (line.strip() for line in text.split("\n")):
        if not line or _TABLE_RULE.fullmatch(line):
            continue  # (a table's "|---|---|" rule)
        row = line.startswith("|")
        if row:
            # a table keeps its rows together, one per line, as a text table ("Country | Status | Since")
            line = " | ".join(cell.strip() for cell in line.strip("| ").split("|"))
            if in_table:
                paragraphs[-1] += "\n" + line
                continue
        paragraphs.append(line)
        in_table = row
    body = "\n\n".join(paragraphs)
    site = values.get("sitename")
    publisher = site if site and site != values.get("hostname") else None
    lang = _HTML_LANG.search(page[:4096])
    meta = {
        "title": _meta_text(values.get("title")),
        "author": _meta_text(values.get("author")),
        "url": _meta_text(values.get("url")),
        "publisher": _meta_text(publisher),
        "language": lang.group(1).lower() if lang else None,
        "published_at_page": _meta_text(values.get("date")),
    }
    return body, {key: value for key, value in meta.items() if value is not None}


_TABLE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*")
_HTML_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|br|h[1-6]|li|ul|ol|blockquote|section|article|tr)\b[^>]*>", re.I)
_HTML_ANY_TAG = re.compile(r"<[^>]+>")
_HTML_DROP = re.compile(r"<(script|style|figure|figcaption)\b.*?</\1\s*>", re.I | re.S)
_LOOKS_LIKE_HTML = re.compile(r"<\s*(?:p|div|br|h[1-6]|span|a|li)\b[^>]*>", re.I)


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (e.g. a JSON ``content`` field): block elements
    become paragraphs, other tags are dropped, entities unescaped."""
    text = _HTML_DROP.sub("", fragment)
    text = _HTML_BLOCK_TAG.sub("\n\n", text)
    text = html.unescape(_HTML_ANY_TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


# --------------------------------------------------------------------------- json / jsonl


def _record_from_object(obj: Any, sidecar: dict[str, Any], sidecar_wins: bool):
    """(body_raw, meta) of one JSON article object, or an IngestError."""
    if not isinstance(obj, dict):
        return IngestError("expected a JSON object with the article")
    body = None
    for key in BODY_KEYS:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            body = value
            break
    if body is None:
        return IngestError(f"no article text (expected a non-empty {', '.join(BODY_KEYS)} field)")
    if _LOOKS_LIKE_HTML.search(body):
        body = html_fragment_to_text(body)
        if not body:
            return IngestError("no article text")
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    own = _canonical_meta({k: v for k, v in obj.items() if k not in BODY_KEYS})
    meta = _merge_meta(own, sidecar) if sidecar_wins else _merge_meta(sidecar, own)
    return body, meta


def _read_json(data: bytes, sidecar: dict[str, Any]):
    text = _decode(data)
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"malformed JSON: {_json_reason(exc)}") from exc
    if isinstance(loaded, list):
        if not loaded:
            raise IngestError("no article text (empty JSON array)")
        for position, item in enumerate(loaded, start=1):
            yield position, _record_from_object(item, sidecar, sidecar_wins=False)
        return
    if not isinstance(loaded, dict):
        raise IngestError("malformed JSON: expected an article object at the top level")
    outcome = _record_from_object(loaded, sidecar, sidecar_wins=True)
    if isinstance(outcome, IngestError):
        raise outcome
    yield 0, outcome


def _read_jsonl(data: bytes, sidecar: dict[str, Any]):
    if data.startswith(_UTF16_BOMS):
        raise IngestError("not valid UTF-8 (JSONL must be UTF-8)")
    if b"\x00" in data:
        raise IngestError("binary content")
    lines = data.split(b"\n")
    if lines and lines[0].startswith(codecs.BOM_UTF8):
        lines[0] = lines[0][len(codecs.BOM_UTF8) :]
    any_line = False
    for line_no, raw_line in enumerate(lines, start=1):
        if not raw_line.strip():
            continue
        any_line = True
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError:
            yield line_no, IngestError("not valid UTF-8")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield line_no, IngestError(f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        yield line_no, _record_from_object(obj, sidecar, sidecar_wins=False)
    if not any_line:
        raise IngestError("empty file")


_READERS = {
    "txt": _read_text,
    "md": _read_markdown,
    "html": _read_html,
    "json": _read_json,
    "jsonl": _read_jsonl,
}
