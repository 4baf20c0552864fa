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
in a node that is not future and has started), and the SQL in warehouse/sql/analytics/known_as_of.sql
takes their union per claimant and per article, applies the state rules per version and stores:

* analytics.known_state_intervals: per pair, the state over intervals of days [valid_from, valid_to);
* analytics.known_claimant_spans: per pair, each claimant with the days it is listed.

A day's answer is then two range lookups. Days are integers here (days since 1970-01-01) with
``NEG``/``POS`` for -infinity/infinity, as analytics._known_claims() gives them.

Cost: the replay is linear in the claims; the SQL evaluates the rules once per (pair, version) over the
events alive then, so it grows with versions x events alive per version: ~0.2 s for 1.4k claims, ~2.7 s
for 36k (the size of a 100k-article run), ~85 s for 1M generated claims (353k versions, 9.9M
(version, event) rows). Evaluating only the versions whose started events change, or conflicts per
pair of nodes instead of per version, is the next step if that matters.
"""

from bisect import bisect_right

import duckdb

NEG, POS = -100_000_000, 100_000_000
MANY = -1  # more than one distinct claimant

# analytics._known_claims(), sorted so that each (pair, status) group is replayed in publication order
CLAIMS_QUERY = """
    SELECT dense_rank() OVER (ORDER BY accord, country_code) - 1 AS pair,
           dense_rank() OVER (ORDER BY status) - 1 AS status_code,
           version, day, lo, hi, is_future,
           epoch_us(published_at) AS published_us,
           dense_rank() OVER (ORDER BY claimant) - 1 AS claimant_code,
           dense_rank() OVER (ORDER BY article_id) - 1 AS article_code,
           accord, country_code, status, claimant
    FROM analytics._known_claims()
"""


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


def build_known_states(conn: duckdb.DuckDBPyConnection) -> dict:
    """Replay the claims, then (re)create the stored tables behind known_as_of (needs the macros of
    _known_claims.sql; the caller runs known_as_of.sql afterwards). Returns counts for the metadata."""
    import pyarrow as pa

    conn.execute(f"CREATE OR REPLACE TEMP TABLE _known_claim_rows AS {CLAIMS_QUERY}")
    claims = conn.execute(
        "SELECT pair, status_code, version, day, lo, hi, is_future, published_us, claimant_code, article_code "
        "FROM _known_claim_rows ORDER BY pair, status_code, version").to_arrow_table()
    col = {name: claims.column(name).to_pylist() for name in claims.column_names}
    del claims
    # names of the codes
    pairs = {p: (a, c) for p, a, c in conn.execute(
        "SELECT DISTINCT pair, accord, country_code FROM _known_claim_rows").fetchall()}
    statuses = dict(conn.execute("SELECT DISTINCT status_code, status FROM _known_claim_rows").fetchall())
    claimants = dict(conn.execute("SELECT DISTINCT claimant_code, claimant FROM _known_claim_rows").fetchall())
    conn.execute("DROP TABLE _known_claim_rows")

    nodes, leaf = sweep_islands(col["pair"], col["status_code"], col["version"], col["lo"], col["hi"],
                                col["is_future"], col["published_us"], col["claimant_code"])
    pair_days: dict[int, list[int]] = {}
    for p, v, day in zip(col["pair"], col["version"], col["day"]):
        days = pair_days.setdefault(p, [])
        if len(days) <= v:
            days.extend([None] * (v + 1 - len(days)))
        days[v] = day
    spans = node_spans(nodes, pair_days)

    node_cols = list(zip(*nodes)) if nodes else [[] for _ in range(12)]
    tables = {
        "_known_nodes": pa.table({
            "node_id": pa.array(range(len(nodes)), pa.int64()),
            "pair": pa.array(node_cols[0], pa.int32()),
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
        }),
        "_known_pairs": pa.table({
            "pair": pa.array(list(pairs), pa.int32()),
            "accord": pa.array([a for a, _ in pairs.values()], pa.string()),
            "country_code": pa.array([c for _, c in pairs.values()], pa.string()),
        }),
        "_known_versions": pa.table({
            "pair": pa.array([p for p, days in pair_days.items() for _ in days], pa.int32()),
            "version": pa.array([v for days in pair_days.values() for v in range(len(days))], pa.int32()),
            "day": pa.array([d for days in pair_days.values() for d in days], pa.int32()),
            "next_day": pa.array([d for days in pair_days.values() for d in [*days[1:], POS]], pa.int32()),
        }),
        # which node each claim joined, and the days each node's claims count (the union per claimant
        # and per article is taken in known_as_of.sql)
        "_known_leaves": pa.table({
            "pair": pa.array(col["pair"], pa.int32()),
            "claimant": pa.array(col["claimant_code"], pa.int32()),
            "article": pa.array(col["article_code"], pa.int32()),
            "node_id": pa.array(leaf, pa.int64()),
        }),
        "_known_spans": pa.table({
            "node_id": pa.array([n for n, ivs in enumerate(spans) for _ in ivs], pa.int64()),
            "valid_from": pa.array([iv[0] for ivs in spans for iv in ivs], pa.int32()),
            "valid_to": pa.array([iv[1] for ivs in spans for iv in ivs], pa.int32()),
        }),
        "_known_claimants": pa.table({
            "claimant": pa.array(list(claimants), pa.int32()),
            "name": pa.array(list(claimants.values()), pa.string()),
        }),
    }
    for name, table in tables.items():
        conn.register(name, table)
    return {"claims": len(leaf), "nodes": len(nodes), "versions": sum(len(d) for d in pair_days.values())}
