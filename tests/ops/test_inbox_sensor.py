"""The inbox sensor, evaluated with build_sensor_context against real files and a real warehouse."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from pipelines.automation.inbox import (
    INBOX_ENV,
    InboxFile,
    decode_cursor,
    encode_cursor,
    new_or_changed,
    run_key_for,
    scan_inbox,
)
from pipelines.ingest.assets import raw_ingest
from pipelines.resources import WarehouseResource
from tests.conftest import SEED_NAME, copy_seed
from tests.helpers import query, resources_for


@pytest.fixture
def inbox(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    monkeypatch.setenv(INBOX_ENV, str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "warehouse.duckdb"


def evaluate(db_path: Path, cursor: str | None):
    """One sensor tick; returns (run requests, new cursor, skip message)."""
    from pipelines.definitions import defs

    sensor = defs.resolve_sensor_def("inbox_sensor")
    with dg.build_sensor_context(cursor=cursor, resources={"warehouse": WarehouseResource(db_path=str(db_path))}) as context:
        result = sensor.evaluate_tick(context)
    skip = result.skip_message
    return list(result.run_requests or []), result.cursor, skip


def ingest_inbox(db_path: Path, folder: Path) -> None:
    """Run the real ingest asset over the inbox, as the requested run would."""
    assert dg.materialize([raw_ingest], resources=resources_for(db_path, folder)).success


def test_cursor_round_trips_and_tolerates_garbage():
    files = {"/a.txt": InboxFile("/a.txt", "ab" * 32, 10, 123), "/b.md": InboxFile("/b.md", "cd" * 32, 0, 5)}
    assert decode_cursor(encode_cursor(files)) == files
    assert decode_cursor(None) == {} and decode_cursor("") == {} and decode_cursor("not json") == {}
    assert decode_cursor('["a list"]') == {}


def test_scan_hashes_content_and_new_or_changed_compares_hashes(tmp_path):
    (tmp_path / "one.txt").write_text("first text")
    (tmp_path / "one.txt.meta.json").write_text("{}")  # a sidecar is not an article file
    (tmp_path / ".hidden.txt").write_text("ignored")
    files = scan_inbox(tmp_path, {})
    assert [Path(f.path).name for f in files] == ["one.txt"]
    # sha256 of the bytes b"first text" (computed with `printf 'first text' | sha256sum`)
    assert files[0].sha256 == "fa0343363edb8cb3ed1c098a47c28e56a7d7c8ade8dce7ed408b12b6280dd135"
    requested = {f.path: f for f in files}
    assert new_or_changed(files, requested) == []
    (tmp_path / "one.txt").write_text("second text")
    again = scan_inbox(tmp_path, requested)
    changed = new_or_changed(again, requested)
    assert len(changed) == 1 and changed[0].sha256 != files[0].sha256


def test_run_key_depends_on_content_and_on_the_version_replaced():
    a = InboxFile("/in/x.txt", "a" * 64, 1, 1)
    b = InboxFile("/in/x.txt", "b" * 64, 1, 2)
    assert run_key_for([a], {}) == run_key_for([InboxFile("/in/x.txt", "a" * 64, 99, 99)], {})  # size/mtime do not matter
    assert run_key_for([a], {}) != run_key_for([b], {})
    # going back to text A after B is a new run, not a repeat of the first A
    assert run_key_for([a], {}) != run_key_for([a], {"/in/x.txt": "b" * 64 + "@2026-01-01T00:00:00"})


def test_new_file_requests_one_run_that_ingests_the_inbox(inbox, db_path):
    seed = copy_seed(inbox)
    requests, cursor, _ = evaluate(db_path, None)
    assert len(requests) == 1
    request = requests[0]
    assert request.run_key.startswith("inbox-")
    source_config = request.run_config["resources"]["source"]["config"]
    assert source_config["source_dir"] == str(inbox.resolve())
    # the other fields are spelled out: run config naming a resource replaces its whole configuration
    assert source_config["max_file_bytes"] == 5_000_000
    assert set(request.run_config["resources"]) == {"source"}
    assert str(seed.resolve()) in decode_cursor(cursor)


def test_same_file_again_is_not_requested_even_if_touched(inbox, db_path):
    seed = copy_seed(inbox)
    _, cursor, _ = evaluate(db_path, None)
    os.utime(seed, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))  # new mtime, same bytes
    requests, cursor2, skip = evaluate(db_path, cursor)
    assert requests == [] and "nothing new" in skip
    assert cursor2 == cursor


def test_edited_file_is_requested_again_with_a_new_run_key(inbox, db_path):
    seed = copy_seed(inbox)
    first, cursor, _ = evaluate(db_path, None)
    seed.write_text(seed.read_text(encoding="utf-8") + "\nCorrection: an earlier version misspelled a name.\n", encoding="utf-8")
    second, cursor2, _ = evaluate(db_path, cursor)
    assert len(second) == 1 and second[0].run_key != first[0].run_key
    assert decode_cursor(cursor2)[str(seed.resolve())].sha256 != decode_cursor(cursor)[str(seed.resolve())].sha256


def test_file_already_in_the_warehouse_is_not_requested_with_a_fresh_cursor(inbox, db_path):
    copy_seed(inbox)
    ingest_inbox(db_path, inbox)
    requests, cursor, skip = evaluate(db_path, None)  # e.g. the sensor was reset after a CLI run
    assert requests == [] and "already in the warehouse" in skip
    assert len(decode_cursor(cursor)) == 1  # remembered, so the next tick does not even open the warehouse


def test_bad_file_is_not_retried_until_it_changes(inbox, db_path):
    bad = inbox / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    assert len(evaluate(db_path, None)[0]) == 1  # unknown yet: the run will find out
    ingest_inbox(db_path, inbox)
    assert query(db_path, "SELECT count(*) FROM raw.ingest_errors WHERE path = ?", [str(bad.resolve())]) == [(1,)]
    requests, cursor, _ = evaluate(db_path, None)
    assert requests == []
    bad.write_text('{"title": "Fixed", "body": "Now a readable article about the Abraham Accords."}', encoding="utf-8")
    requests, _, _ = evaluate(db_path, cursor)
    assert len(requests) == 1


def test_locked_warehouse_skips_the_tick_and_keeps_the_cursor(inbox, db_path):
    copy_seed(inbox)
    ingest_inbox(db_path, inbox)
    (inbox / "second.txt").write_text("Another article about the Abraham Accords.", encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); "
         "sys.stdin.readline()", str(db_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        requests, cursor, skip = evaluate(db_path, "{}")
        assert requests == [] and "being written" in skip
        assert cursor == "{}"  # unchanged: the next tick decides
    finally:
        holder.communicate("done\n", timeout=30)
    requests, _, _ = evaluate(db_path, "{}")
    assert len(requests) == 1  # only second.txt is due; the seed is already stored


def test_missing_inbox_folder_is_a_skip_not_a_crash(tmp_path, monkeypatch, db_path):
    monkeypatch.setenv(INBOX_ENV, str(tmp_path / "nowhere"))
    requests, _, skip = evaluate(db_path, None)
    assert requests == [] and "does not exist" in skip
