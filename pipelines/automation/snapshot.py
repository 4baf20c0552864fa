"""The analysts' read-only copy of the warehouse, published at the end of every full run.

DuckDB lets one process write a file and refuses every other process meanwhile, so analysts query
``x.read.duckdb`` (``pipelines.paths.read_only_snapshot_path``) instead of ``x.duckdb``. Publishing
happens while this process still holds the write lock (no other writer can slip in): CHECKPOINT
folds the WAL into the main file, the file is copied to ``x.read.duckdb.tmp``, the copy is opened
once to prove it is a readable database, and ``os.replace`` swaps it in. The swap is atomic: a
reader sees the old snapshot or the new one, never half of one, and a reader that already had the
old snapshot open keeps reading the old file until it reconnects. A crash at any point leaves the
previous snapshot in place (at worst a stale ``.tmp`` that the next publish overwrites).

The replaced snapshot is kept as ``x.read.duckdb.spare``, and the next publish turns the spare into
the new snapshot by rewriting only the blocks that differ from the warehouse (a 10-article run on a
1.2 GB warehouse changes ~13 MB of it): writing the whole file was most of a small run's publish
(0.7-2.9 s at 1.2 GB, with the disk's speed). The first publish has no snapshot to keep, so it copies
its new snapshot as the spare: the run that built the warehouse pays that copy (~1 s at 1.2 GB, under
1% of building it), not the small run after it. The spare costs the disk a third copy of the file;
``ACCORDWATCH_KEEP_SNAPSHOT_SPARE=0`` gives it up (each publish copies the whole file, and the
replaced snapshot is deleted by a child process, under the name ``x.read.duckdb.old``: freeing 1.2 GB
of blocks takes ~0.45 s that the run does not wait for).

A spare is reused only when no reader has it open. DuckDB holds a shared ``fcntl`` lock on a file it
has opened read-only; readers that opened the snapshot before it was replaced still hold the spare,
and the publish cannot take its exclusive lock: it copies the whole file then, and the spare's name
goes to the snapshot it replaces (the readers keep the old file until they close it). Where there
are no ``fcntl`` locks (Windows) every publish copies the whole file.
"""


import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb

try:
    import fcntl
except ImportError:  # Windows: no way to tell whether a reader has the spare open
    fcntl = None

from pipelines.paths import read_only_snapshot_path
from pipelines.resources import WarehouseResource

SNAPSHOT_KEY = dg.AssetKey(["publish", "read_snapshot"])
WRITER_POOL = "duckdb_writer"
# The in-process executor starts the ready step with the highest priority first: the snapshot,
# ready together with the checks of the last assets, waits until every check has written its results.
LAST_STEP_PRIORITY = "-1000"


@dataclass(frozen=True)
class PublishedSnapshot:
    path: Path
    size_bytes: int
    tables: int
    seconds: dict[str, float]  # checkpoint, copy (with its fsync), verify (opening the copy), replace[, first_spare]
    bytes_written: int  # the whole file, or the blocks of the spare that differed
    reused_spare: bool
    made_first_spare: bool = False  # the first publish: the new snapshot copied as the spare


def publish_snapshot(conn: duckdb.DuckDBPyConnection, db_path: str | Path, keep_spare: bool = True) -> PublishedSnapshot:
    """Copy the warehouse behind ``conn`` (an open read-write connection) onto its snapshot path.

    keep_spare: keep the replaced snapshot as the next publish's spare (see the module docstring)."""
    target = read_only_snapshot_path(db_path)
    spare = _suffixed(target, SPARE_SUFFIX)
    staging = _suffixed(target, ".tmp")
    keep_spare = keep_spare and fcntl is not None
    laps = [time.perf_counter()]
    conn.execute("CHECKPOINT")
    laps.append(time.perf_counter())
    written = _update_spare(db_path, spare) if keep_spare else None
    reused_spare = written is not None
    if reused_spare:
        staging.unlink(missing_ok=True)  # left by a publish that crashed while copying
        staging = spare
    else:
        with open(db_path, "rb") as source, open(staging, "wb") as copy:
            written = _copy_file(source, copy)
            os.fsync(copy.fileno())
    laps.append(time.perf_counter())
    with duckdb.connect(str(staging), read_only=True) as check:
        tables = check.execute("SELECT count(*) FROM duckdb_tables()").fetchone()[0]
    laps.append(time.perf_counter())
    first_publish = not target.exists()
    retired = _retire(target)
    os.replace(staging, target)
    if retired is not None and keep_spare:
        # the replaced snapshot becomes the spare; a spare that readers held (so not reused) loses
        # its name, and they keep reading the file until they close it
        os.replace(retired, spare)
    elif retired is not None:
        _delete_in_background(retired)
    if not keep_spare and spare.exists():
        _delete_in_background(spare)  # left by runs that kept one
    _fsync_directory(target.parent)
    laps.append(time.perf_counter())
    made_first_spare = keep_spare and first_publish and not spare.exists()
    if made_first_spare:
        _copy_as_spare(target, spare)
        laps.append(time.perf_counter())
    steps = ("checkpoint", "copy", "verify", "replace", "first_spare")
    seconds = {name: round(end - start, 3) for name, start, end in zip(steps, laps, laps[1:])}
    return PublishedSnapshot(target, target.stat().st_size, tables, seconds, written, reused_spare, made_first_spare)


def _copy_as_spare(snapshot: Path, spare: Path) -> None:
    """Copy the first snapshot as the next publish's spare (under a temporary name, then renamed: a
    spare is either whole or absent). No fsync: whatever a spare holds, every block is compared."""
    partial = _suffixed(spare, ".tmp")
    with open(snapshot, "rb") as source, open(partial, "wb") as copy:
        _copy_file(source, copy)
    os.replace(partial, spare)


# The snapshot replaced by a publish, kept for the next one to update in place.
SPARE_SUFFIX = ".spare"
# The spare is compared with the warehouse in pieces of DuckDB's block size (256 KB).
COMPARE_BYTES = 256 << 10


def _suffixed(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _update_spare(db_path: str | Path, spare: Path) -> int | None:
    """Make ``spare`` a byte-for-byte copy of the warehouse by writing the pieces that differ; the
    bytes written, or None when there is no spare or a reader has it open (copy the whole file then).

    Whatever the spare holds (a snapshot several runs old, or half of an update a crash interrupted),
    every piece is compared, so the result is the warehouse's bytes."""
    try:
        spare_file = open(spare, "r+b")
    except FileNotFoundError:
        return None
    with spare_file:
        try:
            fcntl.lockf(spare_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return None  # a reader opened it as the snapshot and has not closed it yet
        with open(db_path, "rb") as source:
            written = _write_differences(source.fileno(), spare_file.fileno())
        os.fsync(spare_file.fileno())
    return written  # closing the file released the lock; the spare has no name readers open


def _write_differences(source_fd: int, copy_fd: int) -> int:
    size = os.fstat(source_fd).st_size
    written = offset = 0
    while offset < size:
        wanted = os.pread(source_fd, COMPARE_BYTES, offset)
        if not wanted:
            raise OSError(f"the warehouse ended at byte {offset} of {size} while it was copied")
        if os.pread(copy_fd, len(wanted), offset) != wanted:
            _write_all(copy_fd, wanted, offset)
            written += len(wanted)
        offset += len(wanted)
    os.ftruncate(copy_fd, size)
    return written


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        n = os.pwrite(fd, view, offset)
        view, offset = view[n:], offset + n


# The copy goes in chunks; after each, the kernel is asked to start writing the chunk to disk.
COPY_CHUNK_BYTES = 64 << 20


def _copy_file(source, copy) -> int:
    """Copy one open file into another: inside the kernel (``copy_file_range``: no pass of the
    bytes through Python, a fraction of the CPU of a read/write loop) where the OS allows it, else
    with a buffered loop (other platforms, or file systems that refuse it).

    Each copied chunk is handed to the disk at once (``posix_fadvise(DONTNEED)`` starts the
    write-back of its dirty pages on Linux) instead of all 1.2 GB at the closing ``fsync``: the
    disk writes while the copy goes on, and the ``fsync`` that follows finds little left to do.
    The two halves of a large file are copied by two threads at once (the kernel copies without
    the GIL; the other core is idle at the end of a run). Copy and fsync of a 1.2 GB warehouse:
    1.1-1.2 s in one pass with one fsync at the end, 0.8-0.9 s like this."""
    size = os.fstat(source.fileno()).st_size
    if hasattr(os, "copy_file_range") and _copy_in_kernel(source.fileno(), copy.fileno(), size):
        return size
    source.seek(0)
    copy.seek(0)
    copy.truncate()
    shutil.copyfileobj(source, copy, length=1 << 22)
    copy.flush()
    return size


def _copy_in_kernel(source_fd: int, copy_fd: int, size: int) -> bool:
    """Copy with ``copy_file_range``; False if the OS refused before anything was copied."""
    half = size // 2 // COPY_CHUNK_BYTES * COPY_CHUNK_BYTES
    ranges = [(0, half), (half, size)] if half else [(0, size)]
    copied = [0] * len(ranges)
    errors: list[OSError] = []

    def copy_range(index: int) -> None:
        offset, end = ranges[index]
        try:
            while offset < end:
                n = os.copy_file_range(source_fd, copy_fd, min(COPY_CHUNK_BYTES, end - offset), offset, offset)
                if n == 0:
                    raise OSError(f"copy_file_range stopped at byte {offset} of {size}")
                _start_writeback(copy_fd, offset, n)
                offset += n
                copied[index] += n
        except OSError as exc:
            errors.append(exc)

    helpers = [threading.Thread(target=copy_range, args=(i,)) for i in range(1, len(ranges))]
    for thread in helpers:
        thread.start()
    copy_range(0)
    for thread in helpers:
        thread.join()
    if errors:
        if not any(copied):
            return False  # refused outright (e.g. a file system without it): copy the plain way
        raise errors[0]
    return True


def _start_writeback(copy_fd: int, offset: int, length: int) -> None:
    if hasattr(os, "posix_fadvise"):
        try:
            os.posix_fadvise(copy_fd, offset, length, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass  # only a hint; the fsync after the copy writes whatever is left


# The previous snapshot's second name while it is deleted after the swap (see _retire).
RETIRED_SUFFIX = ".old"
_DELETERS: list[subprocess.Popen] = []


def _retire(target: Path) -> Path | None:
    """Give the current snapshot a second name, ``x.read.duckdb.old``, so that replacing it frees no
    blocks (None: no snapshot yet, or no hard links on this file system).

    Freeing the blocks of a 1.2 GB file takes ext4 ~0.45 s inside ``os.replace`` or ``unlink``: that
    was a third of the snapshot's time on a small run. The second name is deleted by a child process
    after the swap (:func:`_delete_in_background`); readers that opened the old snapshot keep reading
    it until they close it, as before."""
    wait_for_background_deletes()  # a previous publish's deletion (long done but for back-to-back calls)
    if not target.exists():
        return None
    retired = target.with_name(target.name + RETIRED_SUFFIX)
    try:
        os.unlink(retired)  # left by a deletion that did not run (a killed process)
    except FileNotFoundError:
        pass
    try:
        os.link(target, retired)
    except OSError:
        return None
    return retired


def _delete_in_background(path: Path) -> None:
    """Unlink ``path`` in a child process (spawned, not forked: this process has DuckDB's threads),
    so that freeing its blocks does not hold this run; here if the child cannot start. A deletion
    that never ran is redone by the next publish (:func:`_retire`)."""
    try:
        _DELETERS.append(subprocess.Popen(
            [sys.executable, "-c", "import os, sys; os.unlink(sys.argv[1])", str(path)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))
    except OSError:
        os.unlink(path)


def wait_for_background_deletes() -> None:
    """Return when the previous snapshots handed to :func:`_delete_in_background` are deleted."""
    while _DELETERS:
        _DELETERS.pop().wait()


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sink_keys(assets: Sequence[dg.AssetsDefinition]) -> list[dg.AssetKey]:
    """The asset keys nothing else in ``assets`` depends on (the ends of the graph)."""
    keys: set[dg.AssetKey] = set()
    upstream: set[dg.AssetKey] = set()
    for asset in assets:
        for spec in asset.specs:
            keys.add(spec.key)
            upstream.update(dep.asset_key for dep in spec.deps)
    return sorted(keys - upstream, key=lambda k: k.to_user_string())


def build_snapshot_asset(upstream: Sequence[dg.AssetKey]) -> dg.AssetsDefinition:
    """The ``publish/read_snapshot`` asset, downstream of ``upstream`` (the ends of the graph)."""

    @dg.asset(
        key=SNAPSHOT_KEY,
        deps=list(upstream),
        group_name="publish",
        kinds={"duckdb"},
        pool=WRITER_POOL,
        op_tags={"dagster/priority": LAST_STEP_PRIORITY},
        description="Read-only copy of the warehouse (x.read.duckdb next to x.duckdb) that analysts and "
        "`accordwatch sql` open while runs write the warehouse; replaced atomically at the end of every "
        "run that materializes the whole graph, by updating the snapshot before it (kept as "
        "x.read.duckdb.spare) where the warehouse changed.",
    )
    def read_snapshot(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
        with warehouse.connect() as conn:
            published = publish_snapshot(conn, warehouse.db_path, keep_spare=warehouse.keep_snapshot_spare)
        context.log.info(f"published read-only snapshot {published.path} ({published.size_bytes} bytes)")
        return dg.MaterializeResult(
            metadata={
                "snapshot_path": dg.MetadataValue.path(str(published.path)),
                "size_bytes": published.size_bytes,
                "tables": published.tables,
                "bytes_written": published.bytes_written,
                "reused_spare": published.reused_spare,
                "made_first_spare": published.made_first_spare,
                **{f"seconds_{step}": value for step, value in published.seconds.items()},
            }
        )

    return read_snapshot
