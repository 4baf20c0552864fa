"""`kill -9` during `accordwatch run`, at several points, then a rerun: the same warehouse as a run never killed.

Each kill happens right after the run prints that a step finished (so the process dies as the next steps
start) or a moment later (so it more likely dies inside one); every outcome must be recoverable, so where
exactly the kill lands varies with machine speed without making the test flaky. The kills are chained (each run resumes what the previous killed run left), then a
last run completes; row counts and content hashes of every table and view must equal those of an
uninterrupted build of the same folder (the times at which this machine processed things excepted).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import run_pipeline
from tests.conftest import copy_seed
from tests.ops.fingerprint import fingerprint
from tests.ops.runs import add_second_article, materialize_assets

# (step, delay): kill that long after `accordwatch run` prints "  [done] <step>", in run order.
KILL_AFTER = (("raw_ingest", 0.0), ("core_articles", 0.4), ("core_extraction", 0.0), ("core__membership_events", 0.2))


def run_and_kill_after(step: str, source: Path, db_path: Path, delay: float = 0.0, timeout: float = 120) -> list[str]:
    """Start `accordwatch run`, SIGKILL its process group ``delay`` seconds after ``step`` is reported done."""
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "pipelines.cli", "run", "--source", str(source), "--db", str(db_path)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True,
    )
    seen = []
    deadline = time.monotonic() + timeout
    try:
        for line in process.stdout:
            seen.append(line.rstrip())
            if line.strip() == f"[done] {step}":
                time.sleep(delay)
                os.killpg(process.pid, signal.SIGKILL)
                break
            if time.monotonic() > deadline:
                break
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL, f"not killed after {step}; output:\n" + "\n".join(seen)
    return seen


def assert_consistent(db_path: Path) -> None:
    """What a half-applied stage would break: every logged article has its rows, and only those do."""
    with duckdb.connect(str(db_path), read_only=True) as conn:
        cleaned = set(conn.execute("SELECT article_id FROM core.stage_log WHERE stage = 'clean'").fetchall())
        assert cleaned == set(conn.execute("SELECT article_id FROM core.articles").fetchall())
        assert cleaned >= set(conn.execute("SELECT DISTINCT article_id FROM core.sentences").fetchall())
        extracted = set(conn.execute("SELECT article_id FROM core.stage_log WHERE stage = 'extract'").fetchall())
        assert extracted >= set(conn.execute("SELECT DISTINCT article_id FROM core.claims").fetchall())
        assert extracted >= set(conn.execute("SELECT DISTINCT article_id FROM core.mentions").fetchall())


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_killed_runs_resume_to_the_same_warehouse_as_an_uninterrupted_run(tmp_path):
    source = tmp_path / "articles"
    copy_seed(source)
    add_second_article(source)

    # The reference skips the quality checks: they only append to quality.*, which is not compared.
    reference = tmp_path / "reference.duckdb"
    assert materialize_assets(reference, source).success

    crashed = tmp_path / "crashed.duckdb"
    for step, delay in KILL_AFTER:
        run_and_kill_after(step, source, crashed, delay)
        assert_consistent(crashed)
    assert run_pipeline(str(source), str(crashed), quiet=True)
    assert_consistent(crashed)

    expected = fingerprint(reference, ignore_processing_times=True)
    assert fingerprint(crashed, ignore_processing_times=True) == expected
    assert expected["core.claims"][0] > 0 and expected["core.articles"][0] == 2
