"""The listing `accordwatch run` starts ahead in a forked process is the one the ingest would scan."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from pipelines.ingest import scan_ahead
from pipelines.ingest.scan_ahead import scan_source_slices, scan_source_table, source_listing, start_scan_ahead


def _folder(root: Path) -> Path:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("Kazakhstan joined the Abraham Accords.", encoding="utf-8")
    (root / "b" / "c.html").write_text("<html><body><p>Talks continue.</p></body></html>", encoding="utf-8")
    (root / "b" / "c.html.meta.json").write_text("{}", encoding="utf-8")  # a sidecar, not a source
    (root / ".hidden.txt").write_text("skipped", encoding="utf-8")
    return root


# A fresh interpreter has one thread, as `accordwatch run` has when it forks the scan.
PROBE = textwrap.dedent(
    """
    import json, sys
    from pipelines.ingest import scan_ahead
    root = sys.argv[1]
    scan_ahead.LISTING_ROWS_PER_SLICE = 1  # the forked process writes one slice per file
    started = scan_ahead.start_scan_ahead(root)
    pending = list(scan_ahead._PENDING)
    slices = [part.to_pylist() for part in scan_ahead.source_listing(root)]
    ahead = [row for part in slices for row in part]
    print(json.dumps({"started": started, "pending": pending, "ahead": ahead, "slices": len(slices),
                      "left": list(scan_ahead._PENDING)}))
    """
)


def test_listing_started_ahead_equals_a_scan_and_is_taken_once(tmp_path):
    root = _folder(tmp_path / "articles")
    done = subprocess.run([sys.executable, "-c", PROBE, str(root)], capture_output=True, text=True, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["started"] and report["pending"] == [str(root)] and report["left"] == []
    assert report["slices"] == 2  # read back a slice at a time
    expected = scan_source_table(root).to_pylist()
    assert report["ahead"] == expected
    # what a rescan compares: the two sources, resolved, with their sizes (sidecar and hidden file left out)
    assert [(Path(r["path"]).name, r["size_bytes"]) for r in expected] == [
        ("a.txt", os.path.getsize(root / "a.txt")),
        ("c.html", os.path.getsize(root / "b" / "c.html")),
    ]


def test_no_fork_while_threads_run_and_the_ingest_scans_itself(tmp_path):
    root = _folder(tmp_path / "articles")
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert not start_scan_ahead(root)
    finally:
        release.set()
        thread.join()
    assert str(root) not in scan_ahead._PENDING
    assert [row for part in source_listing(root) for row in part.to_pylist()] == scan_source_table(root).to_pylist()


def test_a_listing_comes_in_slices_that_make_up_the_whole_in_order(tmp_path):
    root = _folder(tmp_path / "articles")
    (root / "b" / "d.txt").write_text("More talks.", encoding="utf-8")
    slices = list(scan_source_slices(root, rows=2))
    assert [part.num_rows for part in slices] == [2, 1]
    whole = [row for part in slices for row in part.to_pylist()]
    assert [Path(r["found_at"]).relative_to(root).as_posix() for r in whole] == ["a.txt", "b/c.html", "b/d.txt"]
    assert whole == scan_source_table(root).to_pylist()
    assert list(scan_source_slices(tmp_path / "empty")) == []
