"""Profile the ingest step alone (``ingest_folder`` in one transaction, as the raw_ingest asset runs it).

Prints the seconds of each 500-file batch's ``_store_batch`` (does a batch get slower as the
warehouse grows?), the time spent reading files, and a cProfile of the whole ingest.

    .venv/bin/python -m bench.profile_ingest --source /tmp/accordwatch-bench/src-mix-20000 --db /tmp/x.duckdb
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    import duckdb

    from pipelines.ingest import store
    from pipelines.ingest.assets import utc_now
    from pipelines.warehouse import apply_schema, transaction

    batch_seconds: list[float] = []
    original = store._store_batch

    def timed_batch(*a, **k):
        started = time.process_time()
        try:
            return original(*a, **k)
        finally:
            batch_seconds.append(time.process_time() - started)

    store._store_batch = timed_batch
    for old in args.db.parent.glob(args.db.name + "*"):
        old.unlink()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    cpu = time.process_time()
    with duckdb.connect(str(args.db)) as conn:
        with transaction(conn):
            apply_schema(conn)
            profiler.enable()
            stats = store.ingest_folder(conn, args.source, 50_000_000, utc_now())
            profiler.disable()
    print(f"ingest: {stats.new_articles} articles, wall {time.perf_counter() - started:.1f} s, "
          f"CPU {time.process_time() - cpu:.1f} s (commit included)")
    n = len(batch_seconds)
    print(f"_store_batch CPU s per batch ({n} batches): first 5 {[round(s, 2) for s in batch_seconds[:5]]}, "
          f"last 5 {[round(s, 2) for s in batch_seconds[-5:]]}, total {sum(batch_seconds):.1f}")
    out = io.StringIO()
    st = pstats.Stats(profiler, stream=out)
    st.sort_stats("cumulative").print_stats(r"/pipelines/", args.top)
    st.sort_stats("tottime").print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
