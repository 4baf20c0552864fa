"""Benchmark parts 2, 3 and 5: ``accordwatch run`` as a subprocess on corpora of several sizes.

One master corpus of the largest size is generated once; the corpus of each smaller size is a tree
of hard links to its first N articles (same bytes, no copy). Each run is timed with
``/usr/bin/time`` (wall time, CPU share, peak resident memory of the whole process tree's largest
process) and the DuckDB file size is read afterwards. The incremental run adds 10 new articles to
the largest corpus and runs again on the same warehouse.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import generate_corpus
from bench.proctree import TreeSampler
from pipelines.paths import read_only_snapshot_path

TIME_BIN = "/usr/bin/time"


def ensure_corpus(root: Path, n: int, seed: int, relevant_share: float) -> Path:
    """The master corpus of ``n`` articles under ``root`` (generated only if missing or smaller)."""
    manifest = root / "manifest.json"
    if manifest.exists():
        batches = json.loads(manifest.read_text())["batches"]
        have = batches[0]["n"] if batches and batches[0]["start"] == 0 else 0
        if have >= n and batches[0]["seed"] == seed and batches[0]["relevant_share"] == relevant_share:
            return root
    if root.exists():
        shutil.rmtree(root)
    started = time.monotonic()
    totals = generate_corpus(root, n, seed, relevant_share)
    print(f"  generated {n} articles ({totals['words']:,} words) in {time.monotonic() - started:.0f} s -> {root}",
          flush=True)
    return root


def truth_records(root: Path, limit: int | None = None):
    with open(root / "truth.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if limit is not None and record["index"] >= limit:
                continue
            yield record


def link_subset(master: Path, target: Path, n: int, extra_start: int | None = None) -> Path:
    """A source tree of hard links to the master corpus's articles with index < n (sidecars too)."""
    if target.exists():
        shutil.rmtree(target)
    seen: set[str] = set()
    for record in truth_records(master, None):
        if record["index"] >= n and (extra_start is None or record["index"] < extra_start):
            continue
        rel = record["path"]
        if rel in seen:
            continue
        seen.add(rel)
        _link(master / "articles" / rel, target / rel)
        sidecar = master / "articles" / (rel + ".meta.json")
        if sidecar.exists():
            _link(sidecar, target / (rel + ".meta.json"))
    return target


def _link(source: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    os.link(source, dest)


def accordwatch_command(source: Path, db: Path) -> list[str]:
    exe = Path(sys.executable).with_name("accordwatch")
    return [str(exe), "run", "--source", str(source), "--db", str(db)]


def timed_run(source: Path, db: Path, log: Path) -> dict:
    """Run ``accordwatch run`` once under /usr/bin/time; wall s, CPU %, peak RSS MB, DuckDB MB."""
    stats_file = log.with_suffix(".time")
    command = accordwatch_command(source, db)
    if Path(TIME_BIN).exists():
        command = [TIME_BIN, "-f", "%e %U %S %M", "-o", str(stats_file)] + command
    load_before = os.getloadavg()
    started = time.monotonic()
    with open(log, "w") as out:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        sampler = TreeSampler(process.pid).start()
        for line in process.stdout:  # each line stamped with the seconds since start: per-step timings
            out.write(f"[{time.monotonic() - started:8.1f}s] {line}")
            out.flush()  # a stopped run keeps its log
        code = process.wait()
        tree = sampler.stop()
    wall = time.monotonic() - started
    result = {"exit_code": code, "wall_s": wall, "log": str(log), "load_before": load_before,
              "load_after": os.getloadavg(), **tree}
    if stats_file.exists():
        fields = stats_file.read_text().strip().splitlines()[-1].split()
        elapsed, user, system, max_kb = float(fields[0]), float(fields[1]), float(fields[2]), int(fields[3])
        result.update(wall_s=elapsed, time_cpu_s=user + system, peak_rss_mb=max_kb / 1024)
    # CPU of every process of the run (sampled): /usr/bin/time counts only the children it waits for,
    # and the run's workers (forkserver children) are not among them once accordwatch exits directly.
    result["cpu_s"] = result.get("tree_cpu_s") or result.get("time_cpu_s")
    result["cores_used"] = result["cpu_s"] / result["wall_s"] if result.get("cpu_s") and result["wall_s"] else None
    result["db_mb"] = sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file()) / 2**20
    text = log.read_text(errors="replace")
    result["succeeded"] = code == 0 and "succeeded" in text
    failed = re.search(r"failed steps: (.*)", text)
    result["failed_steps"] = failed.group(1).strip() if failed else None
    return result


def warehouse_counts(db: Path) -> dict:
    import duckdb

    counts = {}
    try:
        with duckdb.connect(str(db), read_only=True) as conn:
            for table in ("raw.articles", "core.articles", "core.sentences", "core.mentions", "core.claims",
                          "core.membership_events"):
                try:
                    counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                except duckdb.Error:
                    counts[table] = None
            try:
                counts["relevant_articles"] = conn.execute(
                    "SELECT count(*) FROM core.articles WHERE is_relevant").fetchone()[0]
            except duckdb.Error:
                counts["relevant_articles"] = None
    except duckdb.Error as exc:
        counts["error"] = str(exc)
    return counts


def run_sizes(work: Path, sizes: list[int], seed: int, relevant_share: float, label: str) -> dict:
    """End-to-end runs for each size, each on a fresh warehouse."""
    master = ensure_corpus(work / f"corpus-{label}", max(sizes), seed, relevant_share)
    runs = []
    for n in sorted(sizes):
        source = link_subset(master, work / f"src-{label}-{n}", n)
        db = work / f"wh-{label}-{n}.duckdb"
        for old in [*db.parent.glob(db.name + "*"), *db.parent.glob(read_only_snapshot_path(db).name + "*")]:
            old.unlink()  # the warehouse, its WAL, its snapshot and the snapshot's spare of an earlier bench
        print(f"  [{label}] accordwatch run on {n:,} articles ...", flush=True)
        result = timed_run(source, db, work / f"run-{label}-{n}.log")
        result.update(n_articles=n, counts=warehouse_counts(db), source=str(source), db=str(db))
        result["articles_per_s"] = n / result["wall_s"]
        print(f"    {result['wall_s']:.1f} s, {result['articles_per_s']:.0f} articles/s, "
              f"peak RSS {result.get('peak_rss_mb', 0):.0f} MB (tree RSS {result['tree_peak_rss_mb']:.0f} MB, PSS {result.get('tree_peak_pss_mb', 0):.0f} MB), "
              f"CPU {result.get('cpu_s') or 0:.0f} s (the run's process and its waited children "
              f"{result.get('time_cpu_s') or 0:.0f} s), "
              f"cores {result.get('cores_used') or 0:.2f}, load {result['load_before'][0]:.1f}->{result['load_after'][0]:.1f}, "
              f"DuckDB {result['db_mb']:.1f} MB, ok={result['succeeded']}", flush=True)
        runs.append(result)
    return {"label": label, "relevant_share": relevant_share, "runs": runs, "master": str(master)}


def run_incremental(work: Path, master: Path, full: dict, seed: int, relevant_share: float, label: str,
                    added: int = 10, repeats: int = 1) -> dict:
    """Add ``added`` new articles to the largest corpus and run again on its warehouse, ``repeats`` times
    (each run adds ``added`` articles not seen before). The result is the median run (by wall time), with
    every run under ``runs``: the VM's speed varies by +-20% between runs minutes apart, and the first run
    after the full run also validates the rows the full run's check caps left for later."""
    n = full["n_articles"]
    source = Path(full["source"])
    runs = []
    for k in range(repeats):
        extra = work / (f"extra-{label}" if k == 0 else f"extra-{label}-{k + 1}")
        if extra.exists():
            shutil.rmtree(extra)
        generate_corpus(extra, added, seed, relevant_share, start=n + k * added)
        for record in truth_records(extra):
            rel = record["path"]
            if not (source / rel).exists():
                _link(extra / "articles" / rel, source / rel)
            sidecar = extra / "articles" / (rel + ".meta.json")
            if sidecar.exists() and not (source / (rel + ".meta.json")).exists():
                _link(sidecar, source / (rel + ".meta.json"))
        print(f"  [{label}] incremental run {k + 1}/{repeats}: +{added} articles on the {n + k * added:,}-article "
              "warehouse ...", flush=True)
        log = work / (f"run-{label}-{n}-plus{added}.log" if k == 0 else f"run-{label}-{n}-plus{added}-{k + 1}.log")
        result = timed_run(source, Path(full["db"]), log)
        result["added_articles"] = added
        result["ratio_to_full"] = result["wall_s"] / full["wall_s"]
        result["counts"] = warehouse_counts(Path(full["db"]))
        print(f"    {result['wall_s']:.1f} s = {100 * result['ratio_to_full']:.1f}% of the full run", flush=True)
        runs.append(result)
    median = sorted(runs, key=lambda r: r["wall_s"])[(len(runs) - 1) // 2]
    return {**median, "repeats": len(runs), "runs": runs}


def no_change_run(full: dict, work: Path, label: str) -> dict:
    """A run with nothing new (the fixed cost of one run: start-up, scans, rebuilds)."""
    result = timed_run(Path(full["source"]), Path(full["db"]), work / f"run-{label}-nochange.log")
    return result
