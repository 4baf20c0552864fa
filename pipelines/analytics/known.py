"""The knowledge versions behind analytics.known_as_of(d), built once per run instead of per call.

known_as_of(d) is the resolution of the claims published on or before d (core.resolve_membership_events
cut off at d), read on day d with the rules of analytics._pair_states. Resolution never looks across
(accord, country) pairs, so a pair's answer changes only on the publication days of its own claims
(its "versions") and, between two of them, on the date bounds of the events known then (valid time).

Events are islands of overlapping claim windows per (pair, status); new claims only merge islands.
``sweep_islands`` replays each group's claims in publication order and records every island as a
*node*, alive from the version it took its current form (born) to the version a new claim changed it
(died), with the aggregates the rules read (hull and common window, is_future, first report, the one
claimant when there is only one). The nodes of a version are exactly the events of the resolution cut
off at that version's day. ``node_spans`` gives the days on which a node's claims count (while they are
in a node that is not future and has started); the SQL in warehouse/sql/analytics/known_as_of.sql takes
their union per claimant and per article. ``evaluate_states`` applies the state rules of
analytics._pair_states per (pair, version, probe day) (probe days: the version's day and the event bounds
before the next version's day), vectorized over the (probe, started node) rows with numpy: a node is
ended by a started node of the other side (out vs not out) with a later window, found as the largest
upper bound of that side among the greater and the equal lower bounds (sorted once per probe); the
conflict rule is evaluated per pair of nodes over the versions both are alive. known_as_of.sql then
stores:

* analytics.known_state_intervals: per pair, the state over intervals of days [valid_from, valid_to);
* analytics.known_claimant_spans: per pair, each claimant with the days it is listed;
* analytics.known_event_spans: per pair, each event with the days it is listed (``event_spans``: a node is
  listed once started until it dies), from which known_as_of(d) gathers the day's event ids. Storing the
  lists per state interval instead repeated every event in every interval after it: 2,540,221 ids for
  11,544 intervals at 100k articles, growing with versions x events per pair (the build's largest memory).

A day's answer is then two range lookups. Days are integers here (days since 1970-01-01) with
``NEG``/``POS`` for -infinity/infinity, as analytics._known_claims() gives them.

Incremental: since pairs are independent, a run rebuilds only the pairs whose rows of
analytics._known_claims() changed (a new, superseded or re-dated claim, a changed publication day or
publisher, accord dates): each pair's fingerprint (a sum of row hashes over every column the build reads)
is stored in analytics.known_pair_inputs with the build's own fingerprint (this file, known_as_of.sql, the
macros it reads, BUILD_VERSION); the stored rows of the unchanged pairs are kept, those of the changed and
vanished pairs replaced. Nothing here reads the current date. A different build, or stored tables
missing, rebuilds every pair.

Memory: pairs are replayed in chunks of about CHUNK_CLAIMS claims, and each chunk's rules evaluated over
slices of its versions with about SLICE_ALIVE (node, version) rows alive (the first and largest expansion
of evaluate_states), so the numpy transients stay bounded whatever the number of claims; the probe
states are appended as Arrow tables that known_as_of.sql reads in place.

Cost: the replay is linear in the claims; the evaluation is linear (plus one sort) in the (probe, started
node) rows: 2.5M rows for the 29k dated claims of the 100k-article
benchmark warehouse (12k versions, 20k nodes, 16 pairs), where a full build takes ~3-5 s of CPU (64 s with
the rules evaluated in SQL per version) and rebuilding 3 of the 16 pairs ~1.8 s. At 1M claims (419 pairs)
the largest single costs are the conflict self-join per chunk (~7 s) and _known_claims() itself (~2.5 s).
"""

from bisect import bisect_right

import duckdb

from pipelines.incremental import runs_within_budget
from pipelines.warehouse import release_cache, return_free_memory

NEG, POS = -100_000_000, 100_000_000
MANY = -1  # more than one distinct claimant

# Bump when the build's output changes in a way its fingerprint (_build_key) does not see; the fingerprint
# already covers this file, known_as_of.sql, the macros in BUILD_MACROS and the DuckDB version.
BUILD_VERSION = 3
# The macros the stored rows depend on (through analytics._known_claims(), the rules and known_as_of.sql).
BUILD_MACROS = ("analytics._day_date", "analytics._known_claims", "core.claim_articles", "core.claim_window_hi",
                "core.claim_window_lo", "core.claimant_of", "core.date_window_precision",
                "core.membership_status_camp", "core.membership_status_rank")
# Pairs are built in chunks of about this many claims (a pair is never split, so a chunk holds at least the
# largest pair). The replay's Python rows and nodes are ~1 KB per claim: at 100,000 claims per chunk the whole
# 200k-article benchmark (58k dated claims) was one chunk and the step held +149 MB measured alone; at 10,000 it
# holds +111 MB, in 2.3 s instead of 3.1 s ...
CHUNK_CLAIMS = 10_000
# ... and each chunk's rules are evaluated over slices of its versions with about this many (node, version)
# rows alive, the first and largest expansion of evaluate_states (its transients: ~15 MB per slice; 250,000 peaked
# ~80 MB higher at 100k articles for the same CPU time).
SLICE_ALIVE = 50_000

# analytics._known_claims() with only the columns the build reads: the claim id (a 32-character md5) only
# through each row's hash, the fingerprint's term (at 1M claims the full rows were ~0.3 GB of this table)
ALL_CLAIMS_QUERY = """
    SELECT accord, country_code, status, article_id, claimant, published_at, lo, hi, is_future, day, version,
           hash(claim_id, article_id, status, claimant, published_at, is_future, lo, hi, day, version) AS row_hash
    FROM analytics._known_claims()
"""

# per pair, a fingerprint of every column of analytics._known_claims() the build reads (a sum of row
# hashes: independent of the row order) and the build's own fingerprint
PAIR_INPUTS_QUERY = """
    SELECT accord, country_code, count(*) AS n_claims, sum(row_hash) AS fingerprint, CAST(? AS VARCHAR) AS build_key
    FROM _known_all_claims
    GROUP BY accord, country_code
"""

# the pairs to build (the pairs not in _known_kept_pairs), numbered in order, and dense codes of their statuses and
# claimants (the order of the values)
BUILD_TABLES = """
    CREATE OR REPLACE TEMP TABLE _known_pairs AS
        SELECT CAST(row_number() OVER (ORDER BY accord, country_code) - 1 AS INTEGER) AS pair, accord, country_code
        FROM (SELECT DISTINCT accord, country_code FROM _known_all_claims c
              WHERE NOT EXISTS (SELECT 1 FROM _known_kept_pairs k
                                WHERE k.accord IS NOT DISTINCT FROM c.accord
                                  AND k.country_code IS NOT DISTINCT FROM c.country_code));
    CREATE OR REPLACE TEMP TABLE _known_statuses AS
        SELECT CAST(row_number() OVER (ORDER BY status) - 1 AS INTEGER) AS code, status
        FROM (SELECT DISTINCT c.status FROM _known_all_claims c
              SEMI JOIN _known_pairs p ON p.accord IS NOT DISTINCT FROM c.accord
                                      AND p.country_code IS NOT DISTINCT FROM c.country_code);
    CREATE OR REPLACE TEMP TABLE _known_claimants AS
        SELECT CAST(row_number() OVER (ORDER BY claimant) - 1 AS INTEGER) AS claimant, claimant AS name
        FROM (SELECT DISTINCT c.claimant FROM _known_all_claims c
              SEMI JOIN _known_pairs p ON p.accord IS NOT DISTINCT FROM c.accord
                                      AND p.country_code IS NOT DISTINCT FROM c.country_code);
    CREATE OR REPLACE TEMP TABLE _known_leaves (pair INTEGER, claimant INTEGER, article INTEGER, node_id BIGINT);
    CREATE OR REPLACE TEMP TABLE _known_spans (node_id BIGINT, valid_from INTEGER, valid_to INTEGER);
"""

# the claims of the pairs to build, as codes only (the strings are in the tables above); articles coded by
# the order of their ids (joined from the distinct values: cheaper than a window per code)
CLAIMS_QUERY = """
    WITH claims AS (
        SELECT p.pair, c.* EXCLUDE (accord, country_code)
        FROM _known_all_claims c
        JOIN _known_pairs p
          ON p.accord IS NOT DISTINCT FROM c.accord AND p.country_code IS NOT DISTINCT FROM c.country_code
    ),
    articles AS (
        SELECT article_id, row_number() OVER (ORDER BY article_id) - 1 AS code
        FROM (SELECT DISTINCT article_id FROM claims)
    )
    SELECT c.pair, s.code AS status_code, c.version, c.day, c.lo, c.hi, c.is_future,
           epoch_us(c.published_at) AS published_us, n.claimant AS claimant_code, a.code AS article_code
    FROM claims c
    JOIN _known_statuses s ON s.status IS NOT DISTINCT FROM c.status
    JOIN _known_claimants n ON n.name IS NOT DISTINCT FROM c.claimant
    JOIN articles a ON a.article_id IS NOT DISTINCT FROM c.article_id
"""

def _probe_states_schema():
    import pyarrow as pa

    return pa.schema([("pair", pa.int32()), ("as_of", pa.int32()), ("next_as_of", pa.int32()),
                      ("status", pa.string()), ("is_certain", pa.bool_()), ("date_lo", pa.int32()),
                      ("date_hi", pa.int32()), ("certain_status", pa.string()),
                      ("statuses", pa.list_(pa.string())), ("has_conflict", pa.bool_()), ("first_us", pa.int64())])


def _event_spans_schema():
    import pyarrow as pa

    return pa.schema([("pair", pa.int32()), ("event_id", pa.uuid()), ("valid_from", pa.int32()),
                      ("valid_to", pa.int32())])


def _empty(schema):
    """An empty table of ``schema`` (pyarrow's empty_table cannot make UUID columns)."""
    import pyarrow as pa

    return pa.table([pa.ExtensionArray.from_storage(pa.uuid(), pa.array([], pa.binary(16)))
                     if field.type == pa.uuid() else pa.array([], field.type) for field in schema], schema=schema)


STORED_TABLES = ("known_pair_inputs", "known_state_intervals", "known_claimant_spans", "known_event_spans")


def _build_key(conn: duckdb.DuckDBPyConnection) -> str:
    """A fingerprint of what turns the claims into the stored rows: this file, known_as_of.sql, the
    macros of BUILD_MACROS as defined now, BUILD_VERSION and the DuckDB version (its hash function)."""
    import hashlib
    from pathlib import Path

    from pipelines.warehouse import read_sql

    digest = hashlib.md5(f"{BUILD_VERSION}|{duckdb.__version__}|".encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(read_sql("analytics/known_as_of.sql").encode())
    for name, definition in conn.execute(
            "SELECT schema_name || '.' || function_name AS name, coalesce(macro_definition, '') "
            "FROM duckdb_functions() WHERE database_name = current_database() "
            "AND list_contains(?, schema_name || '.' || function_name) ORDER BY ALL",
            [list(BUILD_MACROS)]).fetchall():
        digest.update(f"{name}\n{definition}\n".encode())
    return digest.hexdigest()


def _stored_build_usable(conn: duckdb.DuckDBPyConnection) -> bool:
    """The stored tables exist, with the pair fingerprints in the columns this build writes."""
    tables = {t for (t,) in conn.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'analytics' AND NOT temporary").fetchall()}
    if not set(STORED_TABLES) <= tables:
        return False
    columns = {c for (c,) in conn.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
        "AND schema_name = 'analytics' AND table_name = 'known_pair_inputs'").fetchall()}
    return {"accord", "country_code", "n_claims", "fingerprint", "build_key"} <= columns


def build_known_states(conn: duckdb.DuckDBPyConnection) -> dict:
    """Replay the claims of the pairs whose input changed and register what known_as_of.sql stores (needs
    the macros of _known_claims.sql; the caller runs known_as_of.sql afterwards).

    A pair is rebuilt unless its fingerprint (PAIR_INPUTS_QUERY) and the build's (_build_key) equal the
    ones stored in analytics.known_pair_inputs by the last build; the stored rows of the other pairs are
    kept (_known_kept_pairs). With no pair kept (first build, new build, changed stored tables) the stored
    tables are dropped and rebuilt in full. Returns counts for the metadata (claims, nodes, versions,
    states: of the rebuilt pairs)."""
    import numpy as np
    import pyarrow as pa

    # the claims and their coded rows are Arrow tables, not temp tables: the build runs in the asset's transaction,
    # where a dropped table's memory comes back only at the commit (~0.2 GB at 1M claims)
    all_claims = conn.execute(ALL_CLAIMS_QUERY).to_arrow_table()
    release_cache(conn)  # the blocks of claims and articles that query read (~45 MB at 200k articles)
    conn.register("_known_all_claims", all_claims)
    conn.execute(f"CREATE OR REPLACE TEMP TABLE _known_pair_inputs AS {PAIR_INPUTS_QUERY}", [_build_key(conn)])
    if _stored_build_usable(conn):
        conn.execute("""
            CREATE OR REPLACE TEMP TABLE _known_kept_pairs AS
            SELECT n.accord, n.country_code
            FROM _known_pair_inputs n
            JOIN analytics.known_pair_inputs o
              ON o.accord IS NOT DISTINCT FROM n.accord AND o.country_code IS NOT DISTINCT FROM n.country_code
            WHERE o.n_claims = n.n_claims AND o.fingerprint = n.fingerprint AND o.build_key = n.build_key""")
        n_kept, n_removed = conn.execute("""
            SELECT (SELECT count(*) FROM _known_kept_pairs),
                   (SELECT count(*) FROM analytics.known_pair_inputs o
                    WHERE NOT EXISTS (SELECT 1 FROM _known_pair_inputs n
                                      WHERE n.accord IS NOT DISTINCT FROM o.accord
                                        AND n.country_code IS NOT DISTINCT FROM o.country_code))""").fetchone()
    else:
        conn.execute("CREATE OR REPLACE TEMP TABLE _known_kept_pairs AS "
                     "SELECT accord, country_code FROM _known_pair_inputs LIMIT 0")
        n_kept, n_removed = 0, 0
    full = n_kept == 0
    if full:  # known_as_of.sql creates them anew, with the columns it writes now
        for table in STORED_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS analytics.{table}")
    n_pairs = conn.execute("SELECT count(*) FROM _known_pair_inputs").fetchone()[0]

    conn.execute(BUILD_TABLES)
    # sorted by pair, status, version: a chunk of pairs is a slice
    claim_rows = conn.execute(f"{CLAIMS_QUERY} ORDER BY pair, status_code, version").to_arrow_table()
    conn.unregister("_known_all_claims")
    del all_claims
    statuses = dict(conn.execute("SELECT code, status FROM _known_statuses").fetchall())
    rules = _status_rules(conn, statuses)
    n_build = conn.execute("SELECT count(*) FROM _known_pairs").fetchone()[0]
    pair_claims = np.bincount(claim_rows.column("pair").to_numpy(), minlength=n_build).tolist()
    pair_start = np.concatenate(([0], np.cumsum(pair_claims))).tolist()
    figures = {"claims": 0, "nodes": 0, "versions": 0, "states": 0, "chunks": 0, "slices": 0}
    states: list = []  # Arrow tables of _known_probe_states (read in place by known_as_of.sql: no copy)
    event_spans: list = []  # Arrow tables of _known_event_spans
    node_base = 0
    for first_pair, last_pair in runs_within_budget(pair_claims, CHUNK_CLAIMS):
        claims = claim_rows.slice(pair_start[first_pair], pair_start[last_pair + 1] - pair_start[first_pair])
        col = {name: claims.column(name).to_pylist() for name in claims.column_names}
        col["pair"] = [p - first_pair for p in col["pair"]]
        del claims
        nodes, leaf = sweep_islands(col["pair"], col["status_code"], col["version"], col["lo"], col["hi"],
                                    col["is_future"], col["published_us"], col["claimant_code"])
        pair_days: dict[int, list[int]] = {}
        for p, v, day in zip(col["pair"], col["version"], col["day"]):
            days = pair_days.setdefault(p, [])
            if len(days) <= v:
                days.extend([None] * (v + 1 - len(days)))
            days[v] = day
        spans = node_spans(nodes, pair_days)
        # which node each claim joined, and the days each node's claims count (the union per claimant
        # and per article is taken in known_as_of.sql); pairs and nodes numbered over all chunks
        _insert(conn, "_known_leaves", pa.table({
            "pair": pa.array([p + first_pair for p in col["pair"]], pa.int32()),
            "claimant": pa.array(col["claimant_code"], pa.int32()),
            "article": pa.array(col["article_code"], pa.int32()),
            "node_id": pa.array([n + node_base for n in leaf], pa.int64()),
        }))
        _insert(conn, "_known_spans", pa.table({
            "node_id": pa.array([n + node_base for n, ivs in enumerate(spans) for _ in ivs], pa.int64()),
            "valid_from": pa.array([iv[0] for ivs in spans for iv in ivs], pa.int32()),
            "valid_to": pa.array([iv[1] for ivs in spans for iv in ivs], pa.int32()),
        }))
        del col, spans
        node_cols = list(zip(*nodes)) if nodes else [[] for _ in range(12)]
        conn.register("_known_nodes", pa.table({
            "node_id": pa.array(range(len(nodes)), pa.int64()),
            "pair": pa.array([p + first_pair for p in node_cols[0]], pa.int32()),
            "status": pa.array([statuses[s] for s in node_cols[1]], pa.string()),
            "born": pa.array(node_cols[2], pa.int32()),
            "died": pa.array(node_cols[3], pa.int32()),
            "hull_lo": pa.array(node_cols[4], pa.int32()),
            "hull_hi": pa.array(node_cols[5], pa.int32()),
            "common_lo": pa.array(node_cols[6], pa.int32()),
            "common_hi": pa.array(node_cols[7], pa.int32()),
            "is_future": pa.array(node_cols[8], pa.bool_()),
            "first_published_us": pa.array(node_cols[9], pa.int64()),
            "single_claimant": pa.array([c if c != MANY else None for c in node_cols[10]], pa.int32()),
        }))
        del node_cols
        chunk_states, chunk_spans = _probe_states(conn, nodes, pair_days, first_pair, statuses, rules)
        states += chunk_states
        event_spans.append(chunk_spans)
        figures["chunks"] += 1
        figures["slices"] += len(chunk_states)
        conn.unregister("_known_nodes")
        figures["claims"] += len(leaf)
        figures["nodes"] += len(nodes)
        figures["versions"] += sum(len(d) for d in pair_days.values())
        node_base += len(nodes)
        del nodes, leaf, pair_days
    conn.register("_known_probe_states", pa.concat_tables(states) if states else _empty(_probe_states_schema()))
    conn.register("_known_event_spans",
                  pa.concat_tables(event_spans) if event_spans else _empty(_event_spans_schema()))
    figures["states"] = sum(len(t) for t in states)
    figures["event_spans"] = sum(len(t) for t in event_spans)
    del claim_rows
    conn.execute("DROP TABLE _known_statuses")
    # the replay's rows and transients are freed: known_as_of.sql (storing the states) starts ~40 MB lower at 100k
    return_free_memory()
    return {**figures, "pairs_rebuilt": len(pair_claims), "pairs_total": n_pairs, "pairs_removed": n_removed,
            "full_rebuild": full}


def _insert(conn: duckdb.DuckDBPyConnection, table_name: str, rows) -> None:
    """Append an Arrow table to a table with the same columns in the same order."""
    conn.register("_known_insert_rows", rows)
    try:
        conn.execute(f"INSERT INTO {table_name} SELECT * FROM _known_insert_rows")
    finally:
        conn.unregister("_known_insert_rows")


def _status_rules(conn: duckdb.DuckDBPyConnection, statuses: dict[int, str]) -> tuple:
    """The status order and camps of the resolution's macros per status code (codes: alphabetical order)."""
    import numpy as np

    names = [statuses[c] for c in sorted(statuses)]
    info = {s: (r, o) for s, r, o in conn.execute(
        "SELECT s, core.membership_status_rank(s), core.membership_status_camp(s) = 'out' FROM unnest(?) t(s)",
        [names]).fetchall()}
    code_rank = np.array([info[n][0] for n in names] or [0], np.int64)
    code_out = np.array([info[n][1] for n in names] or [False], bool)
    return names, code_rank, code_out


def _root(island: list) -> list:
    while island[8] is not None:
        island = island[8]
    return island


def sweep_islands(pair, status, version, lo, hi, future, published, claimant):
    """Replay each (pair, status) group in publication order (rows sorted by pair, status, version).

    Returns (nodes, leaf): nodes = list of [pair, status, born, died, hull_lo, hull_hi, common_lo,
    common_hi, is_future, first_published, single_claimant, parent] (died/parent None while alive at the
    last version), the node id being the list index; leaf[i] = the node row i joined on its own day.
    """
    n = len(pair)
    leaf = [0] * n
    nodes: list[list] = []
    i = 0
    while i < n:
        p, s = pair[i], status[i]
        islands: list[list] = []  # disjoint, sorted by hull lower bound
        starts: list[int] = []
        while i < n and pair[i] == p and status[i] == s:
            v = version[i]
            day_rows = []
            dying = []
            while i < n and version[i] == v and pair[i] == p and status[i] == s:
                c_lo, c_hi = lo[i], hi[i]
                # island: hull_lo, hull_hi, common_lo, common_hi, future, first, claimant, node, merged_into
                new = [c_lo, c_hi, c_lo, c_hi, future[i], published[i], claimant[i], None, None]
                right = bisect_right(starts, c_hi)
                left = right
                while left > 0 and islands[left - 1][1] >= c_lo:
                    left -= 1
                for old in islands[left:right]:
                    if old[0] < new[0]:
                        new[0] = old[0]
                    if old[1] > new[1]:
                        new[1] = old[1]
                    if old[2] > new[2]:
                        new[2] = old[2]
                    if old[3] < new[3]:
                        new[3] = old[3]
                    new[4] = new[4] and old[4]
                    if old[5] < new[5]:
                        new[5] = old[5]
                    if old[6] != new[6]:
                        new[6] = MANY
                    old[8] = new
                    if old[7] is not None:
                        dying.append(old)
                islands[left:right] = [new]
                starts[left:right] = [new[0]]
                day_rows.append((i, new))
                i += 1
            for island in islands:
                if island[7] is None:
                    island[7] = len(nodes)
                    nodes.append([p, s, v, None, island[0], island[1], island[2], island[3], island[4],
                                  island[5], island[6], None])
            for old in dying:
                row = nodes[old[7]]
                row[3] = v
                row[11] = _root(old)[7]
            for row_index, island in day_rows:
                leaf[row_index] = _root(island)[7]
    return nodes, leaf


def node_spans(nodes: list[list], pair_days: dict[int, list[int]]) -> list[tuple]:
    """Per node, the days (intervals [from, to)) on which its claims count, through its later merges.

    A node counts from the later of its birth day and its lower bound (it has started) until it dies,
    unless it is future; after its death its claims count as its parent (the island it merged into)
    does."""
    spans: list[tuple] = [()] * len(nodes)
    for node_id in range(len(nodes) - 1, -1, -1):  # parents are created after their children
        p, _, born, died, h_lo, _, c_lo, c_hi, future, _, _, parent = nodes[node_id]
        days = pair_days[p]
        end = days[died] if died is not None else POS
        after = spans[parent] if parent is not None else ()
        if future:
            spans[node_id] = after
            continue
        lower = c_lo if c_lo <= c_hi else h_lo
        start = max(days[born], lower)
        if start >= end:
            spans[node_id] = after
        elif after and after[0][0] == end:
            spans[node_id] = ((start, after[0][1]), *after[1:])
        else:
            spans[node_id] = ((start, end), *after)
    return spans


def _probe_states(conn: duckdb.DuckDBPyConnection, nodes: list[list], pair_days: dict[int, list[int]],
                  pair_base: int, statuses: dict[int, str], rules: tuple) -> tuple[list, "pa.Table"]:
    """Evaluate the state rules per probe of one chunk of pairs (evaluate_states, over slices of its versions);
    returns the rows of _known_probe_states (Arrow tables of _probe_states_schema()): pair, as_of, next_as_of
    (the pair's next probe day, NULL: none), the chosen event's status, is_certain, date_lo/date_hi (day
    numbers), certain_status, statuses, has_conflict, first_us; and the rows of _known_event_spans (an
    Arrow table of _event_spans_schema(), see event_spans). ``nodes`` and ``pair_days`` number the pairs
    from 0, the stored pair codes from ``pair_base``; _known_nodes holds the nodes (with the stored pair
    codes)."""
    import numpy as np
    import pyarrow as pa

    names, code_rank, code_out = rules
    n_pairs = len(pair_days)
    lengths = np.array([len(pair_days[p]) for p in range(n_pairs)], np.int64)
    first_g = np.cumsum(lengths) - lengths
    vday = np.array([d for p in range(n_pairs) for d in pair_days[p]], np.int64)
    vnext = np.array([d for p in range(n_pairs) for d in [*pair_days[p][1:], POS]], np.int64)
    vpair = np.repeat(np.arange(n_pairs), lengths)
    live_nodes = [n for n in nodes if not n[8]]
    ids = np.array([i for i, n in enumerate(nodes) if not n[8]], np.int64)
    cols = list(zip(*live_nodes)) if live_nodes else [[] for _ in range(12)]
    del live_nodes
    pair = np.array(cols[0], np.int64)
    status_code = np.array(cols[1], np.int64)
    common_ok = np.array(cols[6], np.int64) <= np.array(cols[7], np.int64)
    node = {
        "pair": pair,
        "lo": np.where(common_ok, np.array(cols[6], np.int64), np.array(cols[4], np.int64)),
        "hi": np.where(common_ok, np.array(cols[7], np.int64), np.array(cols[5], np.int64)),
        "born": np.array(cols[2], np.int64),
        "died": np.array([d if d is not None else lengths[p] for d, p in zip(cols[3], cols[0])], np.int64),
        "is_out": code_out[status_code] if len(status_code) else np.zeros(0, bool),
        "status_rank": code_rank[status_code] if len(status_code) else np.zeros(0, np.int64),
        "status_code": status_code,
        "first_us": np.array(cols[9], np.int64),
    }
    del cols
    # each event id (the md5 of its key, as core.membership_events makes it) as its 16 bytes, an Arrow UUID: the
    # stored lists hold UUIDs (16 bytes each, inline) and known_as_of(d) prints them back as the md5 strings; as
    # strings they were most of the build's memory (2.5M ids at 100k articles: each copy ~120 MB). The bytes sort
    # as their hex strings do, so the ranks below are those of the strings.
    event_ids = conn.execute("""
        SELECT unhex(md5(concat_ws('|', p.country_code, p.accord, n.status,
                                    CAST(analytics._day_date(n.hull_lo) AS VARCHAR),
                                    CAST(analytics._day_date(n.hull_hi) AS VARCHAR)))) AS event_id
        FROM _known_nodes n JOIN _known_pairs p ON p.pair = n.pair
        WHERE NOT n.is_future ORDER BY n.node_id""").to_arrow_table().column(0).combine_chunks()
    ev_sorted = np.argsort(np.array(event_ids.to_pylist(), dtype=object), kind="stable")
    event_ids = pa.ExtensionArray.from_storage(pa.uuid(), event_ids.cast(pa.binary(16)))
    event_rank = np.empty(len(ev_sorted), np.int64)
    event_rank[ev_sorted] = np.arange(len(ev_sorted))
    node["event_rank"] = event_rank
    spans = event_spans(node, first_g, vday, lengths)
    span_table = pa.table({
        "pair": pa.array(node["pair"][spans["node"]] + pair_base, pa.int32()),
        "event_id": event_ids.take(pa.array(spans["node"])),
        "valid_from": pa.array(spans["valid_from"], pa.int32()),
        "valid_to": pa.array(spans["valid_to"], pa.int32()),
    }, schema=_event_spans_schema())
    # the conflict rule per pair of nodes, over the versions both are alive; merged per node
    ranges = conn.execute("""
        WITH n AS (
            SELECT node_id, pair, core.membership_status_camp(status) AS camp,
                   CASE WHEN common_lo <= common_hi THEN common_lo ELSE hull_lo END AS lo,
                   CASE WHEN common_lo <= common_hi THEN common_hi ELSE hull_hi END AS hi,
                   single_claimant, born, coalesce(died, 2147483647) AS died
            FROM _known_nodes WHERE NOT is_future
        )
        SELECT a.node_id, greatest(a.born, b.born) AS v_from, least(a.died, b.died) AS v_to
        FROM n a
        JOIN n b
          ON b.pair = a.pair AND a.camp <> b.camp
         AND a.lo <= b.hi AND b.lo <= a.hi
         AND a.born < b.died AND b.born < a.died
         AND NOT (a.single_claimant IS NOT NULL AND b.single_claimant IS NOT NULL
                  AND a.single_claimant = b.single_claimant)
        ORDER BY a.node_id, v_from""").to_arrow_table()
    r_node = ranges.column("node_id").to_numpy().astype(np.int64)
    r_from = ranges.column("v_from").to_numpy().astype(np.int64)
    r_to = ranges.column("v_to").to_numpy().astype(np.int64)
    del ranges
    # merge each node's ranges: a range starts a new one unless it begins within the ones before it
    big = np.int64(1) << 32
    run = np.maximum.accumulate(r_node * big + r_to) - r_node * big if len(r_node) else r_to
    new_range = np.ones(len(r_node), bool)
    if len(r_node):
        new_range[1:] = (r_node[1:] != r_node[:-1]) | (r_from[1:] > run[:-1])
    first = np.flatnonzero(new_range)
    last = np.append(first[1:], len(r_node))[:len(first)] - 1
    conflicts = {"node": np.searchsorted(ids, r_node[first]), "v_from": r_from[first], "v_to": run[last]}
    versions = {"first_g": first_g, "day": vday, "next_day": vnext}
    name_arr = np.array(names, dtype=object)
    tables = []
    for g_from, g_to in _version_slices(node, first_g, len(vday), SLICE_ALIVE):
        out = evaluate_states(node, versions, conflicts, (g_from, g_to))
        probe_pair = vpair[out["probe_g"]]
        probe_day = out["probe_day"]
        # the next probe of a pair is the next one of the slice, or the day of the version after the slice
        # (a version's first probe is its day)
        continues = g_to < len(vday) and len(probe_pair) > 0 and vpair[g_to] == probe_pair[-1]
        has_next = np.append(probe_pair[1:] == probe_pair[:-1], continues)
        next_day = np.append(probe_day[1:], vday[g_to] if continues else 0)
        sp = out["state_probe"]
        pos = np.searchsorted(out["started_probe"], sp)
        mask_lists = {m: [names[c] for c in range(len(names)) if m >> c & 1]
                      for m in np.unique(out["status_mask"]).tolist()}
        chosen = out["chosen"]
        certain = out["certain_node"]
        tables.append(pa.table({
            "pair": pa.array(probe_pair[sp] + pair_base, pa.int32()),
            "as_of": pa.array(probe_day[sp], pa.int32()),
            "next_as_of": pa.array(next_day[sp], pa.int32(), mask=~has_next[sp]),
            "status": pa.array(name_arr[node["status_code"][chosen]] if len(sp) else [], pa.string()),
            "is_certain": pa.array(out["chosen_certain"], pa.bool_()),
            "date_lo": pa.array(node["lo"][chosen], pa.int32()),
            "date_hi": pa.array(node["hi"][chosen], pa.int32()),
            "certain_status": pa.array([names[node["status_code"][c]] if c >= 0 else None
                                        for c in certain.tolist()], pa.string()),
            "statuses": pa.array([mask_lists[m] for m in out["status_mask"][pos].tolist()],
                                 pa.list_(pa.string())),
            "has_conflict": pa.array(out["has_conflict"], pa.bool_()),
            "first_us": pa.array(out["first_us"][pos], pa.int64()),
        }, schema=_probe_states_schema()))
        del out
    return tables, span_table


def event_spans(node: dict, first_g, vday, lengths) -> dict:
    """The days on which each (non-future) node is listed among its pair's events: from the later of the
    day of the version it was born in and its lower bound (it has started) to the day of the version it
    died in (POS: alive at the last version), when that is not empty. These are exactly the days of the
    probes where evaluate_states counts it as started, so a day's list of event ids is the nodes whose span
    holds the day. Arrays: node (index into ``node``'s arrays), valid_from, valid_to."""
    import numpy as np

    pair, born, died = node["pair"], node["born"], node["died"]
    born_day = vday[first_g[pair] + born] if len(pair) else np.zeros(0, np.int64)
    alive_at_end = died >= lengths[pair]
    died_g = np.minimum(first_g[pair] + died, max(len(vday) - 1, 0))
    died_day = np.where(alive_at_end, POS, vday[died_g] if len(vday) else POS)
    start = np.maximum(born_day, node["lo"])
    listed = np.flatnonzero(start < died_day)
    return {"node": listed, "valid_from": start[listed], "valid_to": died_day[listed]}


def _version_slices(node: dict, first_g, n_versions: int, budget: int) -> list[tuple[int, int]]:
    """Consecutive ranges [from, to) of the global version indexes with about ``budget`` (node, version)
    rows alive each (at least one version per range)."""
    import numpy as np

    if n_versions == 0:
        return []
    alive = np.zeros(n_versions + 1, np.int64)
    np.add.at(alive, first_g[node["pair"]] + node["born"], 1)
    np.add.at(alive, first_g[node["pair"]] + node["died"], -1)
    total = np.cumsum(np.cumsum(alive)[:n_versions])
    cuts = np.unique(np.searchsorted(total, np.arange(budget, int(total[-1]), budget), side="right"))
    cuts = cuts[(cuts > 0) & (cuts < n_versions)]
    bounds = [0, *cuts.tolist(), n_versions]
    return list(zip(bounds[:-1], bounds[1:]))


LOW = -(2**40)  # below every day number: "no such event" in the running maxima of evaluate_states


def _segment_starts(keys) -> "np.ndarray":
    """Indexes where a sorted key array changes value (the first row of each run)."""
    import numpy as np

    if len(keys) == 0:
        return np.zeros(0, np.int64)
    return np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))


def evaluate_states(node: dict, versions: dict, conflicts: dict, g_range: tuple[int, int] | None = None) -> dict:
    """The rules of analytics._pair_states per (pair, version, probe day), vectorized over the nodes.

    node: arrays over the non-future nodes (pair, lo, hi, born, died, is_out, status_rank, status_code,
    event_rank, first_us); versions: arrays over every (pair, version) in order (g = its row index,
    day, next_day) and first_g per pair; conflicts: merged ranges [v_from, v_to) of versions in which
    each node has a conflict partner (node, v_from, v_to sorted). Returns the probes (pair, as_of, in
    order per pair) and, per probe with started events, its state: the chosen node, is_certain, the
    certain_status node, has_conflict, the statuses bitmask and first_us (the started nodes themselves are
    stored once per node as day spans, see event_spans). g_range = (from, to): only the probes of those versions
    (a version's probes do not depend on the other versions: slices of the versions give the same states)."""
    import numpy as np

    n_pair, lo, hi = node["pair"], node["lo"], node["hi"]
    born, died = node["born"], node["died"]
    first_g = versions["first_g"]
    vday, vnext = versions["day"], versions["next_day"]
    g_from, g_to = g_range if g_range is not None else (0, len(vday))
    # every (node, version) it is alive in (within the range): g = the global version index
    alive_from = np.maximum(first_g[n_pair] + born, g_from)
    counts = np.maximum(np.minimum(first_g[n_pair] + died, g_to) - alive_from, 0)
    idx = np.repeat(np.arange(len(lo)), counts)
    starts = np.cumsum(counts) - counts
    g = np.repeat(alive_from, counts) + (np.arange(len(idx)) - np.repeat(starts, counts))
    del alive_from, starts
    keep = lo[idx] < vnext[g]  # started before the next version's day
    idx, g = idx[keep], g[keep]
    # conflict flag per (node, version)
    c_node, c_from, c_to = conflicts["node"], conflicts["v_from"], conflicts["v_to"]
    big = np.int64(1) << 32
    version_of = g - first_g[n_pair[idx]]
    key = idx.astype(np.int64) * big + version_of
    c_key = c_node.astype(np.int64) * big + c_from
    j = np.searchsorted(c_key, key, side="right") - 1
    if len(c_key):
        jj = np.maximum(j, 0)
        conflicted = (j >= 0) & (c_node[jj] == idx) & (version_of < c_to[jj])
    else:
        conflicted = np.zeros(len(idx), bool)
    # probe days: each version's day, and the bounds of its live nodes before the next version's day
    day_g = vday[g]
    next_g = vnext[g]
    extra_lo = (lo[idx] > day_g) & (lo[idx] < next_g)
    extra_hi = (hi[idx] > day_g) & (hi[idx] < next_g)
    off = np.int64(300_000_000)  # day numbers + off are >= 0 and < 1e9
    scale = np.int64(1_000_000_000)
    probe_keys = np.unique(np.concatenate((
        np.arange(g_from, g_to, dtype=np.int64) * scale + vday[g_from:g_to] + off,
        g[extra_lo].astype(np.int64) * scale + lo[idx][extra_lo] + off,
        g[extra_hi].astype(np.int64) * scale + hi[idx][extra_hi] + off)))
    probe_g = probe_keys // scale
    probe_day = probe_keys - probe_g * scale - off
    # started rows: (probe, node) for each probe of the node's version on or after its lower bound
    first_probe = np.searchsorted(probe_keys, g.astype(np.int64) * scale + lo[idx] + off)
    end_probe = np.searchsorted(probe_keys, (g.astype(np.int64) + 1) * scale)
    n_rows = end_probe - first_probe
    s_node = np.repeat(idx, n_rows)
    s_conf = np.repeat(conflicted, n_rows)
    row_starts = np.cumsum(n_rows) - n_rows
    s_probe = np.repeat(first_probe, n_rows) + (np.arange(len(s_node)) - np.repeat(row_starts, n_rows))
    s_lo, s_hi, s_out = lo[s_node], hi[s_node], node["is_out"][s_node]
    as_of = probe_day[s_probe]
    # endings: per (probe, lower bound), the largest upper bound of each side (all; only those <= as_of),
    # and the same over the greater lower bounds (running maximum in descending lower-bound order)
    sort_key = s_probe.astype(np.int64) * (np.int64(1) << 30) + ((np.int64(1) << 29) - (s_lo + off))
    order = np.argsort(sort_key)
    sort_key = sort_key[order]
    p_sorted, lo_sorted = s_probe[order], s_lo[order]
    hi_sorted, out_sorted, as_of_sorted = s_hi[order], s_out[order], as_of[order]
    grp = _segment_starts(sort_key)
    grp_probe = p_sorted[grp]
    grp_flags = np.zeros(len(order), np.int64)
    grp_flags[grp] = 1
    row_grp = np.cumsum(grp_flags) - 1
    done = hi_sorted <= as_of_sorted
    shift = np.int64(1) << 42
    same = np.concatenate(([False], grp_probe[1:] == grp_probe[:-1]))
    # per group, interleaved [out side, in side]: a row reads the other side's (index 2 * group + is_out)
    eq, gt = {}, {}
    for name, done_only in (("all", False), ("done", True)):
        both_eq = np.empty(2 * len(grp), np.int64)
        both_gt = np.empty(2 * len(grp), np.int64)
        for side, mask in ((0, out_sorted), (1, ~out_sorted)):
            vals = np.where(mask & done if done_only else mask, hi_sorted, LOW)
            eq_g = np.maximum.reduceat(vals, grp) if len(grp) else np.zeros(0, np.int64)
            run = np.maximum.accumulate(eq_g + grp_probe * shift) - grp_probe * shift if len(grp) else eq_g
            both_eq[side::2] = eq_g
            both_gt[side::2] = np.where(same, np.concatenate(([LOW], run[:-1])), LOW)
        other = 2 * row_grp + out_sorted
        eq[name], gt[name] = both_eq[other], both_gt[other]
    possibly = (gt["all"] >= hi_sorted) | (eq["all"] > hi_sorted)
    certainly = (gt["done"] >= hi_sorted) | (eq["done"] > hi_sorted)
    rows_node, rows_conf = s_node[order], s_conf[order]
    is_certain = done & ~possibly
    f = ~certainly
    f_probe, f_node, f_certain, f_conf, f_lo = p_sorted[f], rows_node[f], is_certain[f], rows_conf[f], lo_sorted[f]
    rank, out, ev = node["status_rank"][f_node], node["is_out"][f_node], node["event_rank"][f_node]
    # chosen: camp = 'out' last, status_rank DESC, is_certain DESC, date_lower DESC, event_id
    pick = np.lexsort((ev, -f_lo, ~f_certain, -rank, out, f_probe))
    first = _segment_starts(f_probe[pick])
    probes_in = f_probe[pick][first]
    chosen = f_node[pick][first]
    chosen_certain = f_certain[pick][first]
    has_conflict = np.logical_or.reduceat(f_conf[pick], first) if len(first) else np.zeros(0, bool)
    # certain_status: the first certain one by camp = 'out', status_rank DESC (then by status)
    cert = pick[f_certain[pick]]
    cert = cert[np.lexsort((node["status_code"][f_node[cert]], -rank[cert], out[cert], f_probe[cert]))]
    cfirst = _segment_starts(f_probe[cert])
    certain_node = np.full(len(probe_keys), -1, np.int64)
    certain_node[f_probe[cert][cfirst]] = f_node[cert][cfirst]
    # started summaries per probe (the started nodes' event ids are stored as spans: see event_spans)
    e_order = np.argsort(s_probe, kind="stable")
    e_probe, e_node = s_probe[e_order], s_node[e_order]
    estart = _segment_starts(e_probe)
    e_probes = e_probe[estart]
    mask = np.bitwise_or.reduceat(np.int64(1) << node["status_code"][e_node].astype(np.int64), estart) \
        if len(estart) else np.zeros(0, np.int64)
    first_us = np.minimum.reduceat(node["first_us"][e_node], estart) if len(estart) else np.zeros(0, np.int64)
    return {"probe_g": probe_g, "probe_day": probe_day, "state_probe": probes_in, "chosen": chosen,
            "chosen_certain": chosen_certain, "certain_node": certain_node[probes_in],
            "has_conflict": has_conflict, "started_probe": e_probes, "status_mask": mask, "first_us": first_us}
