"""A moved source folder: `accordwatch run` on a copy of a finished warehouse whose corpus now sits at another path.

    .venv/bin/python -m bench.moved_folder SOURCE_DIR DB_PATH WORK_DIR

SOURCE_DIR and DB_PATH are a finished run's folder and warehouse (left as they are). WORK_DIR gets a copy
of the warehouse (with its read snapshot and spare) and the folder as hard links under a new path, so every
file is new to the ingest by its path but carries an article already stored: the run reads and hashes every
file, stores no new article, and makes each stored article current with its new path. Prints the run's
wall time, CPU, peak RSS and how many articles it revived, and writes WORK_DIR/moved-run.log.
"""

import os
import shutil
import sys
from pathlib import Path

from bench.end_to_end import timed_run, warehouse_counts
from pipelines.paths import read_only_snapshot_path


def _copy_warehouse(db: Path, target: Path) -> None:
    """The warehouse file with its read snapshot and the snapshot's spare, as a run leaves them."""
    shutil.copy(db, target)
    snapshot, target_snapshot = read_only_snapshot_path(db), read_only_snapshot_path(target)
    for suffix in ("", ".spare"):
        if Path(f"{snapshot}{suffix}").exists():
            shutil.copy(f"{snapshot}{suffix}", f"{target_snapshot}{suffix}")


def _carried_from(db: Path, folder: Path) -> int:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(
            "SELECT count(*) FROM raw.articles WHERE len(list_filter(source_paths, p -> starts_with(p, ?))) > 0",
            [str(folder.resolve()) + "/"],
        ).fetchone()[0]


def main(source_dir: str, db_path: str, work_dir: str) -> None:
    source, db, work = Path(source_dir), Path(db_path), Path(work_dir)
    work.mkdir(parents=True, exist_ok=True)
    moved, moved_db = work / "moved-source", work / "moved.duckdb"
    if moved.exists():
        shutil.rmtree(moved)
    for stale in work.glob("moved.*duckdb*"):
        stale.unlink()
    shutil.copytree(source, moved, copy_function=os.link)  # hard links: no bytes copied
    _copy_warehouse(db, moved_db)
    before = warehouse_counts(moved_db)
    result = timed_run(moved, moved_db, work / "moved-run.log")
    after = warehouse_counts(moved_db)
    files = sum(1 for path in moved.rglob("*") if path.is_file())
    print(f"moved folder: {files:,} files, raw.articles {before['raw.articles']:,} -> {after['raw.articles']:,}, "
          f"{_carried_from(moved_db, moved):,} of them now carried by a file of the moved folder")
    print(f"  accordwatch run: {'succeeded' if result['succeeded'] else 'FAILED'} in {result['wall_s']:.1f} s, "
          f"{result['cpu_s']:.1f} CPU-s, peak RSS {result.get('peak_rss_mb', 0):.0f} MB "
          f"(all processes' PSS {result.get('tree_peak_pss_mb', 0):.0f} MB); log: {result['log']}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
