"""The source folder's listing as a table, and `accordwatch run`'s listing started ahead of the run.

Every run rescans the whole source folder to find what is new (~1 s of one core for 86k files), and
the ingest can do nothing before that. Meanwhile the other core only waits for GX's import. So
``accordwatch run`` forks a process at its very first step (before it starts a thread, opens DuckDB
or imports Dagster) that lists the folder while this process loads Dagster and the definitions;
the ingest then takes that listing (Arrow IPC through a pipe, a few ms) instead of scanning again.

The listing is the folder as of the command's start: a file arriving later is read by the next run,
as one arriving just after a scan always was. Anything unexpected (no ``fork``, a process with
threads already, a scan that failed) leaves the ingest to scan the folder itself, as it does in
``dagster dev`` runs and tests.
"""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import Any

# The columns a rescan compares with ``raw.source_files``.
LISTING_COLUMNS = ("found_at", "path", "size_bytes", "mtime_ns")

_PENDING: dict[str, tuple[Any, Any]] = {}  # root -> (process, receiving end of its pipe)


def scan_source_table(root: Path) -> Any:
    """:func:`pipelines.ingest.readers.scan_source_files` as a ``pyarrow.Table`` of
    :data:`LISTING_COLUMNS` (``path`` is the resolved path ``raw.source_files`` records), in its order."""
    import pyarrow as pa

    from pipelines.ingest.readers import scan_source_files

    scanned = scan_source_files(Path(root))
    return pa.table(
        {
            "found_at": pa.array([f.found_at for f in scanned], pa.string()),
            "path": pa.array([f.resolved for f in scanned], pa.string()),
            "size_bytes": pa.array([f.size_bytes for f in scanned], pa.int64()),
            "mtime_ns": pa.array([f.mtime_ns for f in scanned], pa.int64()),
        }
    )


def start_scan_ahead(root: str | Path) -> bool:
    """Start listing ``root`` in a forked process; False (nothing started) where forking is not safe:
    no ``fork`` start method, or threads already running in this process (a lock one of them holds
    would stay held in the copy)."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return False
    fork = multiprocessing.get_context("fork")
    receiver, sender = fork.Pipe(duplex=False)
    process = fork.Process(target=_scan_and_send, args=(str(root), sender), name="accordwatch-scan-ahead",
                           daemon=True)
    process.start()
    sender.close()
    _PENDING[_key(root)] = (process, receiver)
    return True


def source_listing(root: str | Path) -> Any:
    """The listing of ``root`` (see :func:`scan_source_table`): the one started ahead for this folder
    if there is one (taken once), else a scan now."""
    listing = _take_scan_ahead(root)
    return listing if listing is not None else scan_source_table(Path(root))


def _take_scan_ahead(root: str | Path) -> Any:
    entry = _PENDING.pop(_key(root), None)
    if entry is None:
        return None
    process, receiver = entry
    try:
        data = receiver.recv_bytes()
    except (EOFError, OSError):  # the process died before sending
        data = b""
    finally:
        receiver.close()
        process.join()
    if not data:
        return None
    import pyarrow as pa

    return pa.ipc.open_stream(data).read_all()


def _scan_and_send(root: str, sender: Any) -> None:
    data = b""
    try:
        import pyarrow as pa

        table = scan_source_table(Path(root))
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        data = sink.getvalue().to_pybytes()
    except Exception:  # noqa: BLE001 - the ingest scans the folder itself
        data = b""
    finally:
        sender.send_bytes(data)
        sender.close()


def _key(root: str | Path) -> str:
    # As given, not resolved: the listing's ``found_at`` paths start with the root as written.
    return str(Path(root))
