"""Store what a source folder holds into the raw layer, incrementally.

A file already stored with the same content is skipped (by size and mtime first, then by hash);
a file that failed before is not retried until its content changes; an edited file becomes a new
article version and the article it used to carry is marked superseded, never deleted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from pipelines.ingest.readers import (
    RecordError,
    SourceRecord,
    article_id_for,
    file_sha256,
    list_source_files,
    read_source_file,
)
from pipelines.warehouse import insert_rows


@dataclass
class IngestStats:
    files_seen: int = 0
    files_unchanged: int = 0
    files_read: int = 0
    files_skipped_failed_before: int = 0
    new_articles: int = 0
    duplicate_records: int = 0
    superseded_articles: int = 0
    errors: list[RecordError] = field(default_factory=list)


@dataclass(frozen=True)
class _StoredFile:
    file_sha256: str
    size_bytes: int | None
    mtime_ns: int | None


def _current_files(conn: duckdb.DuckDBPyConnection) -> dict[str, _StoredFile]:
    rows = conn.execute(
        "SELECT path, any_value(file_sha256), any_value(size_bytes), any_value(mtime_ns) "
        "FROM raw.source_files WHERE is_current GROUP BY path"
    ).fetchall()
    return {path: _StoredFile(sha, size, mtime) for path, sha, size, mtime in rows}


def _failed_before(conn: duckdb.DuckDBPyConnection) -> set[tuple[str, str | None]]:
    rows = conn.execute(
        "SELECT DISTINCT path, file_sha256 FROM raw.ingest_errors WHERE record_idx IS NULL"
    ).fetchall()
    return {(path, sha) for path, sha in rows}


def _article_row(record: SourceRecord, article_id: str, now: datetime) -> dict:
    meta = record.meta
    return {
        "article_id": article_id,
        "body_raw": record.body_raw,
        "title": meta.get("title"),
        "author": meta.get("author"),
        "publisher": meta.get("publisher"),
        "url": meta.get("url"),
        "published_at_meta": None if meta.get("published_at") is None else str(meta["published_at"]),
        "language": meta.get("language"),
        "source_format": record.source_format,
        "metadata_json": json.dumps(meta, default=str, sort_keys=True),
        "source_paths": [record.path],
        "first_ingested_at": now,
    }


def _store_records(
    conn: duckdb.DuckDBPyConnection, path: str, records: list[SourceRecord], stats: IngestStats, now: datetime
) -> None:
    previous_ids = [
        row[0]
        for row in conn.execute(
            "SELECT article_id FROM raw.source_files WHERE path = ? AND is_current", [path]
        ).fetchall()
    ]
    conn.execute("UPDATE raw.source_files SET is_current = FALSE WHERE path = ? AND is_current", [path])

    new_ids: list[str] = []
    file_rows = []
    for record in records:
        article_id = article_id_for(record.body_raw)
        new_ids.append(article_id)
        exists = conn.execute(
            "SELECT list_contains(source_paths, ?) FROM raw.articles WHERE article_id = ?", [path, article_id]
        ).fetchone()
        if exists is None:
            insert_rows(conn, "raw.articles", [_article_row(record, article_id, now)])
            stats.new_articles += 1
        else:
            stats.duplicate_records += 1
            # The same text again (another file, or an edit reverted): it is current once more.
            conn.execute(
                "UPDATE raw.articles SET is_superseded = FALSE, superseded_by = NULL, superseded_at = NULL, "
                "source_paths = CASE WHEN list_contains(source_paths, ?) THEN source_paths "
                "ELSE list_append(source_paths, ?) END WHERE article_id = ?",
                [path, path, article_id],
            )
        file_rows.append(
            {
                "path": path,
                "file_sha256": record.file_sha256,
                "record_idx": record.record_idx,
                "article_id": article_id,
                "size_bytes": record.size_bytes,
                "mtime_ns": None,
                "ingested_at": now,
                "is_current": True,
            }
        )
    # A file re-read with content seen before (edited, then reverted) replaces its old rows.
    for row in file_rows:
        conn.execute(
            "DELETE FROM raw.source_files WHERE path = ? AND file_sha256 = ? AND record_idx = ?",
            [row["path"], row["file_sha256"], row["record_idx"]],
        )
    insert_rows(conn, "raw.source_files", file_rows)

    successor = new_ids[0] if new_ids else None
    for old_id in set(previous_ids) - set(new_ids):
        still_carried = conn.execute(
            "SELECT count(*) FROM raw.source_files WHERE article_id = ? AND is_current", [old_id]
        ).fetchone()[0]
        if not still_carried:
            conn.execute(
                "UPDATE raw.articles SET is_superseded = TRUE, superseded_by = ?, superseded_at = ? "
                "WHERE article_id = ?",
                [successor, now, old_id],
            )
            stats.superseded_articles += 1


def _record_errors(conn: duckdb.DuckDBPyConnection, errors: list[RecordError], now: datetime) -> None:
    insert_rows(
        conn,
        "raw.ingest_errors",
        [
            {
                "path": e.path,
                "reason": e.reason,
                "detected_at": now,
                "file_sha256": e.file_sha256,
                "record_idx": e.record_idx,
            }
            for e in errors
        ],
    )


def ingest_folder(
    conn: duckdb.DuckDBPyConnection, source_dir: Path, max_file_bytes: int, now: datetime
) -> IngestStats:
    """Ingest new and changed files under ``source_dir`` (the caller owns the transaction)."""
    stats = IngestStats()
    if not source_dir.is_dir():
        error = RecordError(str(source_dir), None, None, "source folder does not exist")
        stats.errors.append(error)
        _record_errors(conn, [error], now)
        return stats
    stored = _current_files(conn)
    failed = _failed_before(conn)
    for file_path in list_source_files(source_dir):
        stats.files_seen += 1
        path = str(file_path.resolve())
        stat = file_path.stat()
        known = stored.get(path)
        if known and known.size_bytes == stat.st_size and known.mtime_ns == stat.st_mtime_ns:
            stats.files_unchanged += 1
            continue
        sha = file_sha256(file_path)
        if known and known.file_sha256 == sha:
            stats.files_unchanged += 1
            conn.execute(
                "UPDATE raw.source_files SET mtime_ns = ? WHERE path = ? AND is_current", [stat.st_mtime_ns, path]
            )
            continue
        if (path, sha) in failed:
            stats.files_skipped_failed_before += 1
            continue
        stats.files_read += 1
        result = read_source_file(file_path, max_bytes=max_file_bytes)
        errors = [
            RecordError(path, e.record_idx, e.file_sha256 or sha, e.reason) for e in result.errors
        ]
        if errors:
            stats.errors.extend(errors)
            _record_errors(conn, errors, now)
        if result.records:
            records = [_with_path(r, path) for r in result.records]
            _store_records(conn, path, records, stats, now)
            conn.execute(
                "UPDATE raw.source_files SET mtime_ns = ? WHERE path = ? AND is_current", [stat.st_mtime_ns, path]
            )
    return stats


def _with_path(record: SourceRecord, path: str) -> SourceRecord:
    if record.path == path:
        return record
    from dataclasses import replace

    return replace(record, path=path)
