"""Benchmark part 4: the analytic views on a warehouse holding a million claims or more.

Articles and claims are generated directly in DuckDB SQL (deterministic: every random choice is a
hash of the row number), then core.membership_events is rebuilt with the project's own resolution
(pipelines/resolve/events.py) and the analytics macros/views are created from warehouse/sql/analytics/, exactly as the
resolve and analytics assets do (including the tables those assets store: the state intervals behind
members_as_of, the knowledge intervals behind known_as_of, built by replaying the claims in
publication order (pipelines/analytics/known.py; its time is reported as ``known_build_s``), and the
monthly counts behind membership_growth). Each query is run ``repeat`` times
(results fully fetched with fetchall, then again as Arrow) after one warm-up run; p50 and p95 are
reported.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

ANALYTICS_FILES = ("analytics/_membership_state.sql", "analytics/members_as_of.sql",
                   "analytics/membership_growth.sql", "analytics/_known_claims.sql")
KNOWN_FILE = "analytics/known_as_of.sql"  # after pipelines.analytics.known.build_known_states
# Country codes the synthetic claims use: a few heavily reported candidates and many others.
COUNTRIES = ("KZ AZ SA ID MR UZ OM SY LB AM AE BH SD MA IL US FI SE GB MY TR EG JO PS FR DE IT ES PL UA "
             "RO GR KE NG GH ET ZA BR AR CL PE MX CA JP IN PK BD VN TH PH AU NZ NO IE NL BE AT HU RS "
             "GE MN CO EC TZ SN TN QA KW IQ LK NP KR SG KG TJ TM").split()
STATUSES = ("candidate", "negotiating", "announced", "signed", "declined", "withdrawn")


def _h(expr: str, salt: str, modulo: int) -> str:
    """SQL for a deterministic pseudo-random integer in [0, modulo) from ``expr``."""
    return f"CAST(hash({expr}, '{salt}') % {modulo} AS BIGINT)"


def build_claims_warehouse(db: Path, n_claims: int, n_articles: int, memory_limit: str = "4GB") -> dict:
    """Create a warehouse at ``db`` with ``n_articles`` articles and ``n_claims`` claims; resolve them."""
    import duckdb
    import pyarrow as pa

    from pipelines.analytics.known import build_known_states
    from pipelines.extract.rows import accord_rows
    from pipelines.resolve.events import rebuild_membership_events
    from pipelines.warehouse import apply_schema, read_sql

    for old in db.parent.glob(db.name + "*"):
        old.unlink()
    accords = [r["accord"] for r in accord_rows()]
    timings = {}
    with duckdb.connect(str(db), config={"memory_limit": memory_limit}) as conn:
        apply_schema(conn)
        conn.register("_accords", pa.Table.from_pylist(accord_rows()))
        conn.execute("INSERT INTO core.accords SELECT * FROM _accords")
        conn.unregister("_accords")
        started = time.perf_counter()
        conn.execute(f"""
            INSERT INTO core.articles
            SELECT md5('a' || i) AS article_id, 'title ' || i, NULL, 'outlet-' || {_h('i', 'pub', 40)}, NULL,
                   CASE WHEN {_h('i', 'nodate', 10)} = 0 THEN NULL
                        ELSE TIMESTAMP '2020-08-01' + to_days(CAST({_h('i', 'day', 2000)} AS INTEGER)) END,
                   'metadata', 'en', 'x', 1, TRUE, 'bench', now()
            FROM range({n_articles}) t(i)""")
        country_list = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
        accord_list = "[" + ", ".join("'" + a.replace("'", "''") + "'" for a in accords) + "]"
        status_list = "[" + ", ".join(f"'{s}'" for s in STATUSES) + "]"
        conn.execute(f"""
            INSERT INTO core.claims
            WITH c AS (
                SELECT i, md5('a' || {_h('i', 'art', n_articles)}) AS article_id,
                       {_h('i', 'future', 20)} = 0 AS is_future,
                       {_h('i', 'dated', 3)} AS dated,
                       DATE '2020-07-01' + CAST({_h('i', 'evday', 2000)} AS INTEGER) AS ev
                FROM range({n_claims}) t(i)
            )
            SELECT md5('c' || i), article_id, CAST({_h('i', 'sent', 40)} AS INTEGER),
                   -- half the claims are about 12 much-reported countries
                   CASE WHEN {_h('i', 'hot', 2)} = 0 THEN {country_list}[1 + {_h('i', 'hc', 12)}]
                        ELSE {country_list}[1 + {_h('i', 'cc', len(COUNTRIES))}] END,
                   CASE WHEN {_h('i', 'ab', 2)} = 0 THEN 'Abraham Accords'
                        ELSE {accord_list}[1 + {_h('i', 'acc', len(accords))}] END,
                   {status_list}[1 + {_h('i', 'st', len(STATUSES))}],
                   CASE WHEN {_h('i', 'art2', 5)} < 2 THEN 'article' ELSE 'speaker-' || {_h('i', 'spk', 300)} END,
                   NULL, NULL,
                   CASE WHEN dated = 0 THEN NULL ELSE ev END,
                   CASE WHEN dated = 0 THEN NULL WHEN dated = 1 THEN ev ELSE ev + 30 END,
                   CASE WHEN dated = 0 THEN NULL WHEN dated = 1 THEN 'day' ELSE 'range' END,
                   'evidence sentence ' || i, 0, 20, 'bench', 0.8, is_future, NULL, 'bench'
            FROM c""")
        timings["generate_s"] = time.perf_counter() - started
        started = time.perf_counter()
        rebuild_membership_events(conn)
        timings["resolve_s"] = time.perf_counter() - started
        started = time.perf_counter()
        for name in ANALYTICS_FILES:
            conn.execute(read_sql(name))
        timings["analytics_other_s"] = time.perf_counter() - started
        # the known_as_of build, as its asset runs it (one transaction)
        started, cpu = time.perf_counter(), time.process_time()
        conn.execute("BEGIN TRANSACTION")
        replay = build_known_states(conn)
        timings["known_replay_s"] = time.perf_counter() - started
        conn.execute(read_sql(KNOWN_FILE))
        conn.execute("COMMIT")
        timings["known_build_s"] = time.perf_counter() - started
        timings["known_build_cpu_s"] = time.process_time() - cpu  # this process only (DuckDB threads included)
        timings["known_nodes"] = replay["nodes"]
        timings["known_versions"] = replay["versions"]
        timings["known_state_rows"] = conn.execute("SELECT count(*) FROM analytics.known_state_intervals").fetchone()[0]
        timings["claims"] = conn.execute("SELECT count(*) FROM core.claims").fetchone()[0]
        timings["articles"] = conn.execute("SELECT count(*) FROM core.articles").fetchone()[0]
        timings["events"] = conn.execute("SELECT count(*) FROM core.membership_events").fetchone()[0]
    timings["db_mb"] = db.stat().st_size / 2**20
    return timings


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def time_views(db: Path, repeat: int = 20, slow_ms: float = 2000, slow_repeat: int = 5,
               memory_limit: str = "4GB") -> dict:
    """p50/p95 (ms) of members_as_of(d), known_as_of(d) over varying days, and membership_growth.

    A query whose warm-up takes more than ``slow_ms`` runs only ``slow_repeat`` times (days spread
    over the same range) and is not timed again as Arrow; the run count is in the result."""
    import duckdb

    days = [f"DATE '2020-09-15' + {int(k * 1900 / max(repeat - 1, 1))}" for k in range(repeat)]
    queries = {
        "members_as_of": [f"SELECT * FROM analytics.members_as_of({d})" for d in days],
        "known_as_of": [f"SELECT * FROM analytics.known_as_of({d})" for d in days],
        "membership_growth": ["SELECT * FROM analytics.membership_growth"] * repeat,
    }
    out = {}
    with duckdb.connect(str(db), read_only=True, config={"memory_limit": memory_limit}) as conn:
        for name, sqls in queries.items():
            started = time.perf_counter()
            conn.execute(sqls[0]).fetchall()  # warm-up
            warm_ms = (time.perf_counter() - started) * 1000
            if warm_ms > slow_ms:
                # a slow query (seconds per run): fewer runs, spread over the same range of days
                step = max(1, len(sqls) // slow_repeat)
                sqls = sqls[::step][:slow_repeat]
            times, rows = [], 0
            for sql in sqls:
                started = time.perf_counter()
                rows = len(conn.execute(sql).fetchall())
                times.append((time.perf_counter() - started) * 1000)
            # the same queries fetched as Arrow (no Python object per list element): the latency a
            # columnar client sees, next to fetchall's, which also pays for the list columns' Python lists
            arrow_times = []
            for sql in (sqls if warm_ms <= slow_ms else []):
                started = time.perf_counter()
                conn.execute(sql).arrow().read_all()
                arrow_times.append((time.perf_counter() - started) * 1000)
            out[name] = {"p50_ms": statistics.median(times), "p95_ms": _percentile(times, 0.95),
                         "max_ms": max(times), "runs": len(times), "rows_last": rows,
                         "warm_up_ms": warm_ms,
                         "arrow_p50_ms": statistics.median(arrow_times) if arrow_times else None,
                         "arrow_p95_ms": _percentile(arrow_times, 0.95) if arrow_times else None}
    return out


def explain_analyze(db: Path, sql: str) -> str:
    """DuckDB's profile of one query (operator timings), for the report."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute("EXPLAIN ANALYZE " + sql).fetchall()[0][1]
