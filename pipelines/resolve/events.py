"""core.claims -> core.membership_events, pair by pair, rebuilding only the pairs whose claims changed.

Resolution never looks across (country, accord) pairs (warehouse/sql/resolve/_resolve_events.sql): a
pair's events depend on its own claims, their articles' publication time and publisher, and its
accord's start date. So a rebuild resolves only the pairs whose fingerprint of those inputs
(warehouse/sql/resolve/event_pair_inputs.sql) differs from the one stored in
core.membership_event_inputs by the last rebuild with the same build (this SQL and BUILD_VERSION);
the events of the other pairs stay as stored, and the events of pairs left without claims go.
No stored fingerprints (a first rebuild, a warehouse from before this bookkeeping) or another build
replace every event.

Memory: one query over every claim held ~125 MB at 100k articles and ~170 MB at 200k (its windows and
ordered aggregates hold every claim of the query at once). The pairs to resolve go in passes of about
CLAIMS_PER_PASS claims (a pair larger than that is a pass of its own), one query each. Each pass also
scans every claim and joins the articles (~60 ms at 1M claims), so a rebuild makes at most MAX_PASSES
passes: beyond CLAIMS_PER_PASS x MAX_PASSES claims the passes grow instead (100 passes of 10,000 took
7.9 s at 1M claims against 2.7 s for one query).

Everything happens in one transaction: readers see the old events or the new ones, never half.
"""

import hashlib

import duckdb

from pipelines.incremental import runs_within_budget
from pipelines.warehouse import execute_sql_files, read_sql, release_cache, table_count, transaction

# The resolution macros (core.resolve_membership_events and its helpers); the analytics views use them too.
RESOLVE_MACROS_SQL = "resolve/_resolve_events.sql"
# The columns core.membership_events has gained since its first version (run before each rebuild).
MEMBERSHIP_EVENTS_SQL = "resolve/membership_events.sql"
PAIR_INPUTS_SQL = "resolve/event_pair_inputs.sql"
# Bump when the events change in a way the build key (the SQL files above, DuckDB's version) does not see.
BUILD_VERSION = 1
# Claims resolved by one query (about 30 MB of DuckDB memory per 10,000 claims) ...
CLAIMS_PER_PASS = 10_000
# ... unless that makes more passes than this (see the module docstring).
MAX_PASSES = 8


def build_key() -> str:
    """What turns a pair's claims into its events: the resolution SQL, BUILD_VERSION and DuckDB's version
    (the fingerprint is DuckDB's hash())."""
    digest = hashlib.md5(f"{BUILD_VERSION}|{duckdb.__version__}|".encode())
    for path in (RESOLVE_MACROS_SQL, MEMBERSHIP_EVENTS_SQL, PAIR_INPUTS_SQL):
        digest.update(read_sql(path).encode())
    return digest.hexdigest()


def sql_string_list(values: list[str]) -> str:
    """``values`` as a DuckDB list literal of strings (quotes doubled)."""
    quoted = ", ".join("'" + value.replace("'", "''") + "'" for value in values)
    return f"CAST([{quoted}] AS VARCHAR[])"


def rebuild_membership_events(conn: duckdb.DuckDBPyConnection, claims_per_pass: int | None = None) -> dict:
    """Bring core.membership_events up to date with core.claims (see the module docstring).
    ``claims_per_pass`` replaces the pass size the module's constants give.

    Returns figures for the asset's metadata: events (all stored), claims (all), pairs_total,
    pairs_rebuilt, pairs_removed, passes, claims_resolved (in the passes) and full_rebuild."""
    key = build_key()
    with transaction(conn):
        execute_sql_files(conn, [RESOLVE_MACROS_SQL, MEMBERSHIP_EVENTS_SQL])
        conn.execute(f"CREATE OR REPLACE TEMP TABLE _event_pair_inputs AS {read_sql(PAIR_INPUTS_SQL)}")
        release_cache(conn)
        current = conn.execute(
            "SELECT country_code, accord, pair_key, n_claims, fingerprint FROM _event_pair_inputs ORDER BY pair_key"
        ).fetchall()
        stored = {
            pair_key: (n_claims, fingerprint, stored_key)
            for pair_key, n_claims, fingerprint, stored_key in conn.execute(
                "SELECT core.membership_pair_key(country_code, accord), n_claims, fingerprint, build_key "
                "FROM core.membership_event_inputs"
            ).fetchall()
        }
        current_keys = {row[2] for row in current}
        kept = {pair_key for _, _, pair_key, n, fp in current if stored.get(pair_key) == (n, fp, key)}
        full = not kept
        to_resolve = [row for row in current if row[2] not in kept]
        removed = [pair_key for pair_key in stored if pair_key not in current_keys]
        if full:
            conn.execute("DELETE FROM core.membership_events")
            conn.execute("DELETE FROM core.membership_event_inputs")
        else:
            _delete_pairs(conn, [row[2] for row in to_resolve] + removed)
        sizes = [row[3] for row in to_resolve]
        budget = claims_per_pass or max(CLAIMS_PER_PASS, -(-sum(sizes) // MAX_PASSES))
        runs = runs_within_budget(sizes, budget)
        for first, last in runs:
            pairs = sql_string_list([row[2] for row in to_resolve[first : last + 1]])
            conn.execute(
                "INSERT INTO core.membership_events BY NAME "
                f"SELECT * FROM core.resolve_membership_events(NULL, pairs := {pairs})"
            )
            release_cache(conn)  # each pass scans every claim: +126 MB at 200k articles without, +83 MB with
        if to_resolve:
            conn.execute(
                "INSERT INTO core.membership_event_inputs "
                "SELECT country_code, accord, n_claims, fingerprint, ? FROM _event_pair_inputs "
                f"WHERE list_contains({sql_string_list([row[2] for row in to_resolve])}, pair_key)",
                [key],
            )
        conn.execute("DROP TABLE _event_pair_inputs")
    return {
        "events": table_count(conn, "core.membership_events"),
        "claims": sum(row[3] for row in current),
        "pairs_total": len(current),
        "pairs_rebuilt": len(to_resolve),
        "pairs_removed": 0 if full else len(removed),
        "passes": len(runs),
        "claims_resolved": sum(row[3] for row in to_resolve),
        "full_rebuild": full,
    }


def _delete_pairs(conn: duckdb.DuckDBPyConnection, pair_keys: list[str]) -> None:
    """Remove the stored events and fingerprints of these pairs."""
    if not pair_keys:
        return
    pairs = sql_string_list(pair_keys)
    for table in ("core.membership_events", "core.membership_event_inputs"):
        conn.execute(f"DELETE FROM {table} WHERE list_contains({pairs}, core.membership_pair_key(country_code, accord))")
