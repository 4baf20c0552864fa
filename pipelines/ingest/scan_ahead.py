"""The source folder's listing as Arrow tables, and `accordwatch run`'s listing started ahead of the run.

Every run rescans the whole source folder to find what is new (~1 s of one core for 86k files), and
the ingest can do nothing before that. Meanwhile the other core only waits for GX's import. So
``accordwatch run`` forks a process at its very first step (before it starts a thread, opens DuckDB
or imports Dagster) that lists the folder while this process loads Dagster and the definitions;
the ingest then takes that listing instead of scanning again: the process writes it as an Arrow IPC
stream into an anonymous temporary file, and the ingest reads it back a slice at a time.

The listing comes in slices of :data:`LISTING_ROWS_PER_SLICE` files, so the ingest never holds the whole
folder's listing: as one table it grew the ingest's memory with the corpus (~180 bytes per file, held
through the whole step, received as bytes beside it).

The listing is the folder as of the command's start: a file arriving later is read by the next run,
as one arriving just after a scan always was. Anything unexpected (no ``fork``, a process with
threads already, a scan that failed) leaves the ingest to scan the folder itself, as it does in
``dagster dev`` runs and tests.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# The columns a rescan compares with ``raw.source_files``.
LISTING_COLUMNS = ("found_at", "path", "size_bytes", "mtime_ns")
# Files per slice of a listing.
LISTING_ROWS_PER_SLICE = 10_000

_PENDING: dict[str, tuple[Any, Any, Any]] = {}  # root -> (process, receiving end of its pipe, listing file)


def _listing_schema() -> Any:
    """The Arrow schema of :data:`LISTING_COLUMNS`."""
    import pyarrow as pa

    return pa.schema(list(zip(LISTING_COLUMNS, (pa.string(), pa.string(), pa.int64(), pa.int64()))))


def scan_source_slices(root: Path, rows: int | None = None) -> Iterator[Any]:
    """:func:`pipelines.ingest.readers.iter_source_files` as ``pyarrow.Table`` slices of at most ``rows``
    files (default :data:`LISTING_ROWS_PER_SLICE`), with the columns of :data:`LISTING_COLUMNS` (``path`` is
    the resolved path ``raw.source_files`` records), in its order. An empty folder gives no slice."""
    import pyarrow as pa

    from pipelines.ingest.readers import iter_source_files

    rows = rows or LISTING_ROWS_PER_SLICE
    schema = _listing_schema()

    def table(found: list[tuple]) -> Any:
        return pa.Table.from_arrays([pa.array(column, field.type) for column, field in zip(zip(*found), schema)],
                                    schema=schema)

    found: list[tuple] = []
    for scanned in iter_source_files(Path(root)):
        found.append((scanned.found_at, scanned.resolved, scanned.size_bytes, scanned.mtime_ns))
        if len(found) >= rows:
            yield table(found)
            found = []
    if found:
        yield table(found)


def scan_source_table(root: Path) -> Any:
    """The whole listing of ``root`` as one table (:func:`scan_source_slices` concatenated)."""
    import pyarrow as pa

    slices = list(scan_source_slices(root))
    return pa.concat_tables(slices) if slices else _listing_schema().empty_table()


def start_scan_ahead(root: str | Path) -> bool:
    """Start listing ``root`` in a forked process; False (nothing started) where forking is not safe:
    no ``fork`` start method, or threads already running in this process (a lock one of them holds
    would stay held in the copy)."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return False
    fork = multiprocessing.get_context("fork")
    try:
        listing_file = tempfile.TemporaryFile(prefix="accordwatch-listing-")  # no name: gone when closed
    except OSError:
        return False
    receiver, sender = fork.Pipe(duplex=False)
    process = fork.Process(target=_scan_and_write, args=(str(root), listing_file.fileno(), sender),
                           name="accordwatch-scan-ahead", daemon=True)
    process.start()
    sender.close()
    _PENDING[_key(root)] = (process, receiver, listing_file)
    return True


def source_listing(root: str | Path) -> Iterator[Any]:
    """The listing of ``root`` in slices (see :func:`scan_source_slices`): the one started ahead for this
    folder if there is one (taken once), else a scan now."""
    listing = _take_scan_ahead(root)
    return listing if listing is not None else scan_source_slices(Path(root))


def _take_scan_ahead(root: str | Path) -> Iterator[Any] | None:
    entry = _PENDING.pop(_key(root), None)
    if entry is None:
        return None
    process, receiver, listing_file = entry
    try:
        written = receiver.recv_bytes() == b"ok"
    except (EOFError, OSError):  # the process died before saying
        written = False
    finally:
        receiver.close()
        process.join()
    if not written:
        listing_file.close()
        return None
    return _read_slices(listing_file)


def _read_slices(listing_file: Any) -> Iterator[Any]:
    """The slices written to ``listing_file``, read one at a time; the file is closed (and so gone) after."""
    import pyarrow as pa

    try:
        listing_file.seek(0)
        for batch in pa.ipc.open_stream(listing_file):
            yield pa.Table.from_batches([batch])
    finally:
        listing_file.close()


def _scan_and_write(root: str, fd: int, sender: Any) -> None:
    outcome = b""  # anything but "ok": the ingest scans the folder itself
    try:
        import pyarrow as pa

        with os.fdopen(os.dup(fd), "wb") as out, pa.ipc.new_stream(out, _listing_schema()) as writer:
            for table in scan_source_slices(Path(root)):
                writer.write_table(table)
        outcome = b"ok"
    except Exception:  # noqa: BLE001
        pass
    finally:
        sender.send_bytes(outcome)
        sender.close()


def _key(root: str | Path) -> str:
    # As given, not resolved: the listing's ``found_at`` paths start with the root as written.
    return str(Path(root))
