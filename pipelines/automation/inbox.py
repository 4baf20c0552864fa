"""What the inbox folder holds that the warehouse has not taken in yet (pure, no Dagster).

A file is identified by its resolved path and the SHA-256 of its bytes, the same identity
``pipelines.ingest.store.ingest_folder`` uses: a file is due when its (path, sha) pair has not been
requested before (the sensor cursor), is not the current version stored in ``raw.source_files``,
and did not already fail with that same content (``raw.ingest_errors``). An edited file has a new
sha, so it is due again; a failed file is due again only once its content changes.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.ingest.readers import file_sha256, list_source_files
from pipelines.paths import DEFAULT_INBOX_DIR

INBOX_ENV = "ACCORDWATCH_INBOX_DIR"
LOCK_ERROR_MARKERS = ("Could not set lock", "Conflicting lock")


def inbox_dir() -> Path:
    """The watched folder: ``$ACCORDWATCH_INBOX_DIR`` if set, else ``data/inbox/`` under the repo."""
    return Path(os.environ.get(INBOX_ENV) or DEFAULT_INBOX_DIR).resolve()


@dataclass(frozen=True)
class InboxFile:
    """One file of the inbox as last seen: size and mtime let a rescan skip re-hashing it."""

    path: str
    sha256: str
    size_bytes: int
    mtime_ns: int


class WarehouseBusy(Exception):
    """Another process holds the DuckDB write lock; try again on a later tick."""


def scan_inbox(root: Path, previous: dict[str, InboxFile]) -> list[InboxFile]:
    """Every source file under ``root`` with its content hash (reused when size and mtime match)."""
    files = []
    for file_path in list_source_files(root):
        path = str(file_path.resolve())
        try:
            stat = file_path.stat()
            known = previous.get(path)
            if known and known.size_bytes == stat.st_size and known.mtime_ns == stat.st_mtime_ns:
                files.append(known)
                continue
            files.append(InboxFile(path, file_sha256(file_path), stat.st_size, stat.st_mtime_ns))
        except FileNotFoundError:
            continue  # removed between listing and reading: not in the inbox any more
    return files


def encode_cursor(files: dict[str, InboxFile]) -> str:
    """The sensor cursor: every file requested so far, as compact JSON (path -> [sha, size, mtime])."""
    return json.dumps(
        {f.path: [f.sha256, f.size_bytes, f.mtime_ns] for f in sorted(files.values(), key=lambda f: f.path)},
        separators=(",", ":"),
    )


def decode_cursor(cursor: str | None) -> dict[str, InboxFile]:
    """Inverse of :func:`encode_cursor`; an empty or unreadable cursor means nothing requested yet."""
    if not cursor:
        return {}
    try:
        raw = json.loads(cursor)
        return {path: InboxFile(path, sha, int(size), int(mtime)) for path, (sha, size, mtime) in raw.items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def new_or_changed(files: list[InboxFile], requested: dict[str, InboxFile]) -> list[InboxFile]:
    """Files whose content was never requested (new path, or a sha different from the last request)."""
    return [f for f in files if f.path not in requested or requested[f.path].sha256 != f.sha256]


@dataclass(frozen=True)
class WarehouseView:
    """What the warehouse knows about some inbox files."""

    settled: frozenset[tuple[str, str]]  # (path, sha) already stored as current, or already failed
    current: dict[str, str]  # path -> "sha@ingested_at" of the version stored now


def warehouse_view(db_path: Path, candidates: list[InboxFile]) -> WarehouseView:
    """Look the candidates up in ``raw.source_files`` / ``raw.ingest_errors``.

    Opens the DuckDB file read-only for a moment; raises :class:`WarehouseBusy` when a writer holds
    it. A missing file (no run yet) knows nothing.
    """
    if not candidates or not Path(db_path).exists():
        return WarehouseView(frozenset(), {})
    try:
        conn = duckdb.connect(str(db_path), read_only=True)
    except duckdb.IOException as exc:
        if any(marker in str(exc) for marker in LOCK_ERROR_MARKERS):
            raise WarehouseBusy(str(exc)) from exc
        raise
    try:
        tables = {
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'raw'"
            ).fetchall()
        }
        paths = sorted({f.path for f in candidates})
        wanted = {(f.path, f.sha256) for f in candidates}
        settled: set[tuple[str, str]] = set()
        current: dict[str, str] = {}
        if "source_files" in tables:
            rows = conn.execute(
                "SELECT DISTINCT path, file_sha256, strftime(ingested_at, '%Y-%m-%dT%H:%M:%S.%f') "
                "FROM raw.source_files WHERE is_current AND list_contains(?, path)",
                [paths],
            ).fetchall()
            settled |= {(path, sha) for path, sha, _ in rows} & wanted
            current = {path: f"{sha}@{at}" for path, sha, at in rows}
        if "ingest_errors" in tables:
            # Whole-file failures only: a JSONL file with one bad line still had its good lines stored.
            rows = conn.execute(
                "SELECT DISTINCT path, file_sha256 FROM raw.ingest_errors "
                "WHERE record_idx IS NULL AND list_contains(?, path)",
                [paths],
            ).fetchall()
            settled |= {(path, sha) for path, sha in rows} & wanted
        return WarehouseView(frozenset(settled), current)
    finally:
        conn.close()


def run_key_for(files: list[InboxFile], current: dict[str, str]) -> str:
    """A run key derived from content only: the files' hashes and the versions they replace.

    The same files on the same warehouse state always give the same key, so Dagster never launches
    that run twice (even if the cursor is lost); including the replaced version keeps an edit that
    goes back to an earlier text (A -> B -> A) distinct from the first time A arrived.
    """
    digest = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.path):
        digest.update(f"{f.path}\0{f.sha256}\0{current.get(f.path, '')}\n".encode())
    return "inbox-" + digest.hexdigest()[:32]
