"""The read-only snapshot: readers keep working while runs replace it, and see new rows afterwards."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from pipelines.automation.snapshot import SPARE_SUFFIX, publish_snapshot
from pipelines.cli import main as accordwatch, run_pipeline
from pipelines.paths import read_only_snapshot_path
from tests.conftest import copy_seed
from tests.helpers import materialize_ingest
from tests.ops.runs import add_second_article

# A reader in another process (as an analyst's shell would be): opens the snapshot, answers a query,
# then waits for a line on stdin and answers again on the same connection.
HOLDING_READER = """
import sys, duckdb
conn = duckdb.connect(sys.argv[1], read_only=True)
query = sys.argv[2]
print(conn.execute(query).fetchone()[0], flush=True)
sys.stdin.readline()
print(conn.execute(query).fetchone()[0], flush=True)
"""


def hold_reader(snapshot: Path, query: str) -> tuple[subprocess.Popen, str]:
    reader = subprocess.Popen(
        [sys.executable, "-c", HOLDING_READER, str(snapshot), query],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    return reader, reader.stdout.readline().strip()


def release_reader(reader: subprocess.Popen) -> str:
    out, err = reader.communicate("go\n", timeout=60)
    assert reader.returncode == 0, err
    return out.strip()


def count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(sql).fetchone()[0]


def test_publish_swaps_atomically_under_an_open_reader(tmp_path):
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as conn:
        conn.execute("CREATE TABLE t AS SELECT range AS i FROM range(1000)")
        publish_snapshot(conn, db)
    snapshot = read_only_snapshot_path(db)
    assert snapshot == tmp_path / "w.read.duckdb"
    reader, before = hold_reader(snapshot, "SELECT count(*) FROM t")
    with duckdb.connect(str(db)) as conn:
        conn.execute("INSERT INTO t SELECT range FROM range(5)")  # still in the WAL: CHECKPOINT must fold it in
        published = publish_snapshot(conn, db)
    assert (before, release_reader(reader)) == ("1000", "1000")  # the open reader keeps its consistent view
    assert count(snapshot, "SELECT count(*) FROM t") == 1005
    assert published.tables == 1 and not Path(str(snapshot) + ".tmp").exists()


def test_without_a_spare_the_replaced_snapshot_is_deleted_and_an_open_reader_keeps_it(tmp_path):
    from pipelines.automation.snapshot import RETIRED_SUFFIX, wait_for_background_deletes

    db, snapshot, spare = warehouse_paths(tmp_path)
    retired = Path(str(snapshot) + RETIRED_SUFFIX)
    with duckdb.connect(str(db)) as conn:
        conn.execute("CREATE TABLE t AS SELECT range AS i FROM range(1000)")
        publish_snapshot(conn, db, keep_spare=False)
        assert not retired.exists()  # nothing to retire the first time
        first_inode = snapshot.stat().st_ino
        reader, before = hold_reader(snapshot, "SELECT count(*) FROM t")
        retired.write_bytes(b"left by a deletion that never ran")
        spare.write_bytes(b"left by runs that kept a spare")
        conn.execute("INSERT INTO t SELECT range FROM range(7)")
        published = publish_snapshot(conn, db, keep_spare=False)
    wait_for_background_deletes()
    assert not published.reused_spare and published.bytes_written == db.stat().st_size
    # the previous snapshot lost both its names (the stale file under the second name went first),
    # and the spare went too...
    assert not retired.exists() and snapshot.stat().st_ino != first_inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb", "w.read.duckdb"]
    # ... while the reader that had it open still read it whole
    assert (before, release_reader(reader)) == ("1000", "1000")
    assert count(snapshot, "SELECT count(*) FROM t") == 1007


def warehouse_paths(folder: Path) -> tuple[Path, Path, Path]:
    """A warehouse file in ``folder``, its snapshot and the snapshot's spare."""
    db = folder / "w.duckdb"
    snapshot = read_only_snapshot_path(db)
    return db, snapshot, Path(str(snapshot) + SPARE_SUFFIX)


# ~2.4 MB of table: many 256 KB blocks, of which a few rows' insert changes a handful
SPREAD_TABLE = "CREATE TABLE t AS SELECT range AS i, md5(range::VARCHAR) AS h FROM range(60000)"


def test_the_next_publish_rewrites_only_the_blocks_of_the_spare_that_differ(tmp_path):
    db, snapshot, spare = warehouse_paths(tmp_path)
    with duckdb.connect(str(db)) as conn:
        conn.execute(SPREAD_TABLE)
        first = publish_snapshot(conn, db)
        # the first publish copies its snapshot as the spare, so the next one does not copy the whole file
        assert not first.reused_spare and first.made_first_spare and first.bytes_written == db.stat().st_size
        assert spare.read_bytes() == snapshot.read_bytes()
        first_inode, spare_inode = snapshot.stat().st_ino, spare.stat().st_ino
        for run, added in enumerate((5, 3)):
            conn.execute(f"INSERT INTO t SELECT range, 'run {run}' FROM range({added})")
            published = publish_snapshot(conn, db)
            size = db.stat().st_size
            assert published.reused_spare and not published.made_first_spare
            assert 0 < published.bytes_written < size / 2, (published.bytes_written, size)
            assert snapshot.read_bytes() == db.read_bytes()
        # at each publish the spare is updated into the snapshot and the snapshot it replaces is kept as the spare
        assert (snapshot.stat().st_ino, spare.stat().st_ino) == (first_inode, spare_inode)
    assert count(snapshot, "SELECT count(*) FILTER (WHERE h LIKE 'run %') + count(*) FROM t") == 8 + 60008
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb", "w.read.duckdb", "w.read.duckdb.spare"]


def test_a_spare_that_a_reader_still_has_open_is_not_written(tmp_path):
    db, snapshot, spare = warehouse_paths(tmp_path)
    with duckdb.connect(str(db)) as conn:
        conn.execute(SPREAD_TABLE)
        publish_snapshot(conn, db)
        reader, before = hold_reader(snapshot, "SELECT count(*) FROM t")  # an analyst's session on it
        held_inode = snapshot.stat().st_ino
        try:
            for added in (1, 2):
                conn.execute(f"INSERT INTO t SELECT range, 'x' FROM range({added})")
                published = publish_snapshot(conn, db)
                # the 1st updates the first publish's spare (the held snapshot becomes the spare); the 2nd finds
                # the spare held, and copies the whole file
                assert published.reused_spare == (added == 1)
            assert spare.stat().st_ino != held_inode  # the held file lost its name, not its bytes
        finally:
            after = release_reader(reader)
        assert (before, after) == ("60000", "60000")
        conn.execute("INSERT INTO t SELECT range, 'y' FROM range(4)")
        assert publish_snapshot(conn, db).reused_spare  # nobody holds the spare now
    assert count(snapshot, "SELECT count(*) FROM t") == 60007


def test_whatever_the_spare_holds_the_snapshot_is_the_warehouse(tmp_path):
    db, snapshot, spare = warehouse_paths(tmp_path)
    with duckdb.connect(str(db)) as conn:
        conn.execute(SPREAD_TABLE)
        publish_snapshot(conn, db)
        publish_snapshot(conn, db)
        size = db.stat().st_size
        # as an update a crash interrupted would leave it: garbage in the middle, and longer than the warehouse
        with open(spare, "r+b") as damaged:
            damaged.seek(size // 3)
            damaged.write(b"\xff" * (300 << 10))
            damaged.seek(size + 12345)
            damaged.write(b"tail")
        conn.execute("DELETE FROM t WHERE i % 2 = 0")
        published = publish_snapshot(conn, db)
        assert published.reused_spare
        assert snapshot.read_bytes() == db.read_bytes()
    assert count(snapshot, "SELECT count(*) FROM t") == 30000


def test_the_copy_is_byte_identical_with_and_without_copy_file_range(tmp_path, monkeypatch):
    import os
    import random

    from pipelines.automation import snapshot

    monkeypatch.setattr(snapshot, "COPY_CHUNK_BYTES", 1 << 20)  # halves of several chunks, the last one short
    for size in (9 * (1 << 20) + 12345, 12345):  # two threads; one (less than two chunks)
        source = tmp_path / "source.bin"
        source.write_bytes(random.Random(size).randbytes(size))
        copies = []
        for name in ("kernel.bin", "loop.bin"):
            with monkeypatch.context() as patch:
                if name == "loop.bin":
                    patch.delattr(os, "copy_file_range", raising=False)
                with open(source, "rb") as src, open(tmp_path / name, "wb") as dst:
                    snapshot._copy_file(src, dst)
            copies.append((tmp_path / name).read_bytes())
        assert copies[0] == copies[1] == source.read_bytes()


def test_a_reader_holds_the_snapshot_open_while_a_run_completes(tmp_path, seed_warehouse):
    # Start from the seed warehouse of the session (one full run of the seed folder), copied.
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(seed_warehouse, db)
    with duckdb.connect(str(db)) as conn:
        publish_snapshot(conn, db)
    snapshot = read_only_snapshot_path(db)
    assert count(snapshot, "SELECT count(*) FROM core.articles") == 1

    source = tmp_path / "articles"
    copy_seed(source)
    add_second_article(source)
    reader, before = hold_reader(snapshot, "SELECT count(*) FROM core.articles")
    try:
        assert run_pipeline(str(source), str(db), quiet=True)  # the `accordwatch run` path, checks included
    finally:
        after_on_old_connection = release_reader(reader)
    assert (before, after_on_old_connection) == ("1", "1")
    assert count(snapshot, "SELECT count(*) FROM core.articles") == 2
    assert count(snapshot, "SELECT count(*) FROM core.claims") == count(db, "SELECT count(*) FROM core.claims")
    assert count(snapshot, "SELECT count(*) FROM quality.validation_results") == count(
        db, "SELECT count(*) FROM quality.validation_results"
    )  # published after the last check wrote its results


def test_accordwatch_sql_answers_while_a_writer_holds_the_warehouse(tmp_path, capsys):
    db = tmp_path / "warehouse.duckdb"
    source = tmp_path / "articles"
    copy_seed(source)
    materialize_ingest(db, source)
    with duckdb.connect(str(db)) as conn:
        publish_snapshot(conn, db)
    writer = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
         "c.execute('BEGIN'); c.execute('DELETE FROM raw.articles'); print('writing', flush=True); sys.stdin.readline()",
         str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "writing"
        capsys.readouterr()
        assert accordwatch(["sql", "--db", str(db), "SELECT count(*) AS n_articles FROM raw.articles"]) == 0
        shown = capsys.readouterr().out
        assert "n_articles" in shown and re.search(r"│\s+1\s+│", shown), shown
    finally:
        writer.communicate("done\n", timeout=30)
