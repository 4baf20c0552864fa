"""Checks Great Expectations cannot express on one table: they need joins or history.

Each :class:`SqlCheck` is a query returning the *offending rows* (zero rows = pass). They run
alongside the GX suite of the table they guard and are recorded the same way, with
``expectation_type = "sql:<name>"``.

Row scope: a check whose violation always involves a row the run changed (or the body of an article
the run re-cleaned) has a ``scoped_sql`` too. A pipeline run's check (the ``changed`` scope, see
:mod:`pipelines.quality.scope`) runs that variant over the rows changed since the suite's last
validation without an ERROR failure, so an incremental run does not re-read 5M sentences to check
ten articles; ``accordwatch check`` (and ``ACCORDWATCH_SQL_CHECK_SCOPE=full``) runs every check over
the whole table. The scoped variants check exactly the same rule on the rows they read:

- ``unique_<cols>``: the changed rows' keys are looked up in the *whole* table (a new row that
  duplicates an old one is found; two old rows were checked when they were written);
- offsets/text against ``core.articles.body``, ``mention_inside_its_sentence`` and
  ``claim_sentence_exists``: the rows of the articles logged since then by the table's own stage
  *or by the clean stage* (which rewrites the body and the sentences they are compared with).

Cheap checks (NULL keys, references to entities or to parent rows, which a deleted parent could
break without the child changing) stay whole-table in every scope. DuckDB string functions count code points, like Python, so
``substr(body, start_char + 1, end_char - start_char)`` is ``body[start_char:end_char]``.

Also here: the row-count history check (a table must not lose more than a configurable share of
its rows since the previous validation run, see :func:`row_count_drop_outcome`).
"""

from __future__ import annotations

import os
import re
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import duckdb

from pipelines.quality.outcomes import SAMPLE_SIZE, ExpectationOutcome
from pipelines.quality.suites import SuiteSpec, effective_severity, load_suite_dict
from pipelines.incremental import runs_within_budget
from pipelines.warehouse import duckdb_threads, memory_limit, rows_where

DEFAULT_MAX_ROW_DROP_SHARE = 0.5
MAX_ROW_DROP_ENV = "ACCORDWATCH_MAX_ROW_DROP_SHARE"


@dataclass(frozen=True)
class SqlCheck:
    """A named query whose result rows are violations of one rule on one table."""

    name: str
    asset_key: str
    description: str
    sql: str
    severity: str = "critical"  # GX vocabulary: critical | warning
    columns: tuple[str, ...] = ()  # the columns the rule is about (reported like a GX column_list)
    # The same rule restricted to changed rows: CHANGED_TOKEN stands for a predicate on the table's
    # row aliased ``t``, ARTICLES_TOKEN for a subquery of article ids (both with one ``$since``
    # parameter). None = always whole-table.
    scoped_sql: str | None = None
    # The query reads core.articles.body: it runs under BODY_CHECK_MEMORY_LIMIT (see run_sql_check).
    reads_bodies: bool = False
    # The query joins rows with their article's body one chunk of articles at a time ($chunk_lo and
    # $chunk_hi: a range of core.articles rowids); these queries list (rowid, n_chars) of the articles
    # it reads, whole-table and scoped (see run_sql_check and body_chunks).
    chunk_bounds_sql: str | None = None
    scoped_chunk_bounds_sql: str | None = None
    # The query groups or joins whole tables by these columns: it runs in passes, each over the rows whose
    # hash of them falls in one share; ``__key_pass__(alias)`` in its SQL marks each table it reads (see
    # key_pass_queries).
    pass_columns: tuple[str, ...] = ()


# In ``scoped_sql``: where the predicate selecting the changed rows goes.
CHANGED_TOKEN = "__changed_rows__"
# In ``scoped_sql``: the subquery of the article ids whose rows the table's stage or the clean stage
# rewrote after ``$since`` (:func:`pipelines.quality.scope.changed_article_ids`).
ARTICLES_TOKEN = "__changed_article_ids__"
# In a SqlCheck's SQL, ``__key_pass__(t)``: the predicate picking the rows of table alias ``t`` that one
# pass reads (see SqlCheck.pass_columns).
KEY_PASS_TOKEN = "__key_pass__"
_KEY_PASS_MARK = re.compile(KEY_PASS_TOKEN + r"\((\w+)\)")
# A pass reads about this many rows of the checked table. In one pass, the hash tables grew with the table:
# uniqueness +57 MB for the 0.78M sentences at 100k articles, +109 MB for 1.55M at 200k (passes of ~200k
# rows: 22-28 MB at both sizes), the mentions-in-sentences join +94 / +172 MB (38-46 / 65-80 MB); no slower.
ROWS_PER_KEY_PASS = 200_000
WHOLE_TABLE = "whole_table"
CHANGED_SINCE = "changed_since"
SQL_SCOPE_ENV = "ACCORDWATCH_SQL_CHECK_SCOPE"
# DuckDB keeps every block a query scans cached up to memory_limit: a check slicing the text of 100k
# articles out of their bodies held ~0.9 GB of body blocks at the default 2GB limit, on top of the
# run's process. Under this limit the scan evicts as it goes and the join spills if it must. The checks
# run on one DuckDB thread: each thread scans and joins with blocks of its own, and with two a chunk at
# 200k articles needed 112-128 MB (the checks held 138-189 MB measured alone); with one it fits under
# 96 MB (they held 105-116 MB at 100k and 200k), in about the same time at 100k.
BODY_CHECK_MEMORY_LIMIT_ENV = "ACCORDWATCH_BODY_CHECK_MEMORY_LIMIT"
DEFAULT_BODY_CHECK_MEMORY_LIMIT = "96MB"
# A check joining rows with their article's body reads the bodies in chunks of about this many characters
# (env ACCORDWATCH_BODY_CHECK_CHUNK_CHARS). DuckDB builds the join's hash table on the bodies: in one query
# that was every body the check reads (456M characters at 100k articles: the check failed with "Out of
# Memory" under a limit of 160 MB, so the former 256 MB limit would have been outgrown at ~140k articles).
# Each chunk re-reads only the narrow article_id columns, and the checks ran faster at 100k (mentions
# 2.3 -> 0.9 s: no spilling). A chunk's need is not its bodies alone (8M-character chunks needed as much
# as 32M), so a piece that runs out of memory under the lowered limit runs again under twice that limit,
# then under the connection's own (counted in the outcome's kwargs; the connection's limit alone would let
# the body blocks fill its cache, 384 MB in a check step).
BODY_CHECK_CHUNK_CHARS_ENV = "ACCORDWATCH_BODY_CHECK_CHUNK_CHARS"
DEFAULT_BODY_CHECK_CHUNK_CHARS = 32_000_000


def _in_chunk(alias: str) -> str:
    """The core.articles rows (aliased ``alias``) of one chunk of a body-slicing check (see
    SqlCheck.chunk_bounds_sql)."""
    return f"{alias}.rowid >= $chunk_lo AND {alias}.rowid < $chunk_hi"


def _of_changed_articles(table: str) -> str:
    """``table`` restricted to the changed articles' rows (every side of a join is restricted, and
    through :func:`pipelines.warehouse.rows_where`, so DuckDB never reads the bodies or sentences of
    the articles nobody touched)."""
    return rows_where(table, f"t.article_id IN {ARTICLES_TOKEN}")


def _slice(alias: str) -> str:
    return f"substr(a.body, {alias}.start_char + 1, {alias}.end_char - {alias}.start_char)"


def _offsets_inside_body(asset: str, name_prefix: str, key_cols: str, text_col: str | None) -> list[SqlCheck]:
    """Offsets inside the article body, and (if the table stores the text) slicing back to it.

    The offsets are compared with ``core.articles.n_chars``, which ``article_n_chars_matches_body``
    checks against ``length(body)``: reading the bodies here too made each of these checks scan every
    body of the run (2.8 s and ~0.9 GB of DuckDB's cache at 100k articles, against 0.1 s and none)."""
    def offsets(rows: str, articles: str) -> str:
        return f"""
            SELECT {key_cols}, t.start_char, t.end_char, a.n_chars AS body_length
            FROM {rows} t JOIN {articles} a USING (article_id)
            WHERE t.start_char < 0 OR t.end_char < t.start_char OR t.end_char > a.n_chars"""

    def text(picked: str) -> str:
        # the rows (``picked``: a predicate on the table aliased t) of the chunk's articles, and the bodies
        # of the chunk's articles that have such rows; both sides read their wide columns for those only
        rows = rows_where(asset, f"{picked} AND t.article_id IN "
                                 f"(SELECT c.article_id FROM core.articles c WHERE {_in_chunk('c')})")
        articles = rows_where("core.articles", f"{_in_chunk('t')} AND t.article_id IN ({with_rows(picked)})")
        return f"""
            SELECT {key_cols}, t.start_char, t.end_char, t.{text_col} AS stored_text,
                   {_slice('t')} AS body_slice
            FROM {rows} t JOIN {articles} a USING (article_id)
            WHERE {_slice('t')} IS DISTINCT FROM t.{text_col}"""

    def bounds(picked: str) -> str:
        return f"""
            SELECT a.rowid, coalesce(a.n_chars, 0) AS n_chars FROM core.articles a
            WHERE a.article_id IN ({with_rows(picked)}) ORDER BY a.rowid"""

    def with_rows(picked: str) -> str:
        """The ids of the articles that have rows to check."""
        return f"SELECT DISTINCT t.article_id FROM {asset} t WHERE {picked}"

    scoped = (_of_changed_articles(asset), _of_changed_articles("core.articles"))
    changed = f"t.article_id IN {ARTICLES_TOKEN}"
    checks = [
        SqlCheck(
            name=f"{name_prefix}_offsets_inside_body",
            asset_key=asset,
            description="0 <= start_char <= end_char <= core.articles.n_chars (= length(body), its own check)",
            sql=offsets(asset, "core.articles"),
            scoped_sql=offsets(*scoped),
        )
    ]
    if text_col:
        checks.append(
            SqlCheck(
                name=f"{name_prefix}_text_matches_body",
                asset_key=asset,
                description=f"core.articles.body[start_char:end_char] == {text_col}",
                sql=text("TRUE"),
                scoped_sql=text(changed),
                reads_bodies=True,
                chunk_bounds_sql=bounds("TRUE"),
                scoped_chunk_bounds_sql=bounds(changed),
            )
        )
    return checks


def _article_exists(asset: str, name_prefix: str, key_cols: str, parent: str = "core.articles") -> SqlCheck:
    return SqlCheck(
        name=f"{name_prefix}_article_exists",
        asset_key=asset,
        description=f"every article_id exists in {parent}",
        sql=f"""
            SELECT {key_cols}, t.article_id FROM {asset} t
            WHERE t.article_id NOT IN (SELECT article_id FROM {parent})
        """,
    )


def _mention_in_sentence(mentions: str, sentences: str) -> str:
    """(In passes by article: each joins the mentions and the sentences of the same share of articles.)"""
    return f"""
        SELECT t.article_id, t.sentence_idx, t.text, t.start_char, t.end_char,
               s.start_char AS sentence_start, s.end_char AS sentence_end
        FROM {mentions} t
        LEFT JOIN (SELECT * FROM {sentences} s WHERE {KEY_PASS_TOKEN}(s)) s USING (article_id, sentence_idx)
        WHERE {KEY_PASS_TOKEN}(t) AND (s.article_id IS NULL OR t.start_char < s.start_char OR t.end_char > s.end_char)"""


def _claim_sentence(claims: str, sentences: str) -> str:
    return f"""
        SELECT t.claim_id, t.article_id, t.sentence_idx FROM {claims} t
        LEFT JOIN {sentences} s USING (article_id, sentence_idx)
        WHERE s.article_id IS NULL"""


SQL_CHECKS: tuple[SqlCheck, ...] = (
    # raw
    SqlCheck(
        name="superseded_article_points_to_existing_article",
        asset_key="raw.articles",
        description="a superseded article names an existing newer article (and only superseded ones do)",
        sql="""
            SELECT t.article_id, t.is_superseded, t.superseded_by FROM raw.articles t
            WHERE (t.is_superseded AND (t.superseded_by IS NULL
                     OR t.superseded_by NOT IN (SELECT article_id FROM raw.articles)))
               OR (NOT t.is_superseded AND t.superseded_by IS NOT NULL)
        """,
    ),
    _article_exists("raw.source_files", "source_file", "t.path, t.record_idx", parent="raw.articles"),
    # core.articles
    SqlCheck(
        name="article_n_chars_matches_body",
        asset_key="core.articles",
        description="n_chars == length(body)",
        sql="SELECT t.article_id, t.n_chars, length(t.body) AS body_length FROM core.articles t "
        "WHERE t.n_chars IS DISTINCT FROM length(t.body)",
        scoped_sql="SELECT t.article_id, t.n_chars, length(t.body) AS body_length "
        f"FROM {_of_changed_articles('core.articles')} t WHERE t.n_chars IS DISTINCT FROM length(t.body)",
        reads_bodies=True,
    ),
    _article_exists("core.articles", "core_article_raw", "t.article_id", parent="raw.articles"),
    # core.sentences
    _article_exists("core.sentences", "sentence", "t.sentence_idx"),
    *_offsets_inside_body("core.sentences", "sentence", "t.article_id, t.sentence_idx", "text"),
    # core.mentions
    _article_exists("core.mentions", "mention", "t.sentence_idx, t.text"),
    *_offsets_inside_body("core.mentions", "mention", "t.article_id, t.entity_id", "text"),
    SqlCheck(
        name="mention_entity_exists",
        asset_key="core.mentions",
        description="every mention's entity_id exists in core.entities",
        sql="SELECT t.article_id, t.text, t.entity_id FROM core.mentions t "
        "WHERE t.entity_id NOT IN (SELECT entity_id FROM core.entities)",
    ),
    SqlCheck(
        name="mention_inside_its_sentence",
        asset_key="core.mentions",
        description="a mention lies inside the sentence it names",
        severity="warning",
        sql=_mention_in_sentence("core.mentions", "core.sentences"),
        scoped_sql=_mention_in_sentence(_of_changed_articles("core.mentions"), _of_changed_articles("core.sentences")),
        pass_columns=("article_id",),
    ),
    # core.dates, core.person_roles
    *_offsets_inside_body("core.dates", "date", "t.article_id, t.edtf", "text"),
    SqlCheck(
        name="person_role_person_exists",
        asset_key="core.person_roles",
        description="every person_id exists in core.entities",
        sql="SELECT t.article_id, t.person_id, t.role FROM core.person_roles t "
        "WHERE t.person_id NOT IN (SELECT entity_id FROM core.entities)",
    ),
    # core.claims
    _article_exists("core.claims", "claim", "t.claim_id"),
    SqlCheck(
        name="claim_sentence_exists",
        asset_key="core.claims",
        description="every claim's (article_id, sentence_idx) exists in core.sentences",
        sql=_claim_sentence("core.claims", "core.sentences"),
        scoped_sql=_claim_sentence(_of_changed_articles("core.claims"), _of_changed_articles("core.sentences")),
    ),
    SqlCheck(
        name="claim_entities_exist",
        asset_key="core.claims",
        description="the claim's country ('country:'||country_code) and its speaker (claimed_by_id) exist in core.entities",
        sql="""
            SELECT t.claim_id, t.country_code, t.claimed_by_id FROM core.claims t
            WHERE ('country:' || t.country_code) NOT IN (SELECT entity_id FROM core.entities)
               OR (t.claimed_by_id IS NOT NULL
                   AND t.claimed_by_id NOT IN (SELECT entity_id FROM core.entities))
        """,
    ),
    *_offsets_inside_body("core.claims", "claim_evidence", "t.claim_id", "evidence"),
    SqlCheck(
        name="claim_event_not_after_publication",
        asset_key="core.claims",
        description="an event's earliest date is not after the article's publication day unless is_future",
        # A warning, not an error: one article with a wrong published_at (a date parsed from an old URL,
        # a syndicated copy) would otherwise halt every view; the row is recorded and shown, not blocking.
        severity="warning",
        sql="""
            SELECT t.claim_id, t.date_lower, a.published_at, t.is_future FROM core.claims t
            JOIN core.articles a USING (article_id)
            WHERE NOT t.is_future AND a.published_at IS NOT NULL
              AND t.date_lower > CAST(a.published_at AS DATE)
        """,
    ),
    # core.membership_events
    SqlCheck(
        name="event_claims_exist_and_agree",
        asset_key="core.membership_events",
        description="every claim_id of an event exists in core.claims with the event's country, accord and status",
        sql="""
            WITH links AS (SELECT e.event_id, e.country_code, e.accord, e.status, unnest(e.claim_ids) AS claim_id
                           FROM core.membership_events e)
            SELECT l.event_id, l.claim_id, c.country_code AS claim_country, c.accord AS claim_accord,
                   c.status AS claim_status
            FROM links l LEFT JOIN core.claims c USING (claim_id)
            WHERE c.claim_id IS NULL OR c.country_code <> l.country_code
               OR c.accord <> l.accord OR c.status <> l.status
        """,
    ),
    SqlCheck(
        name="event_n_claims_matches_claim_ids",
        asset_key="core.membership_events",
        description="n_claims == len(claim_ids), n_claimants == len(claimants), n_articles == len(article_ids) "
        "(when listed) and n_articles <= n_claims",
        sql="""
            SELECT t.event_id, t.n_claims, len(t.claim_ids) AS n_claim_ids, t.n_claimants,
                   len(t.claimants) AS n_claimant_names, t.n_articles, len(t.article_ids) AS n_article_ids
            FROM core.membership_events t
            WHERE t.n_claims <> len(t.claim_ids) OR t.n_claimants <> len(t.claimants)
               OR t.n_articles > t.n_claims
               OR (t.article_ids IS NOT NULL AND t.n_articles <> len(t.article_ids))
        """,
    ),
    # analytics
    SqlCheck(
        name="membership_growth_never_decreases_without_withdrawal",
        asset_key="analytics.membership_growth",
        description="members_lower/members_upper never fall from one month to the next for an accord "
        "that has no 'withdrawn' claim",
        sql="""
            WITH g AS (
                SELECT accord, month, members_lower, members_upper,
                       lag(members_lower) OVER (PARTITION BY accord ORDER BY month) AS prev_lower,
                       lag(members_upper) OVER (PARTITION BY accord ORDER BY month) AS prev_upper
                FROM analytics.membership_growth
            )
            SELECT accord, month, prev_lower, members_lower, prev_upper, members_upper FROM g
            WHERE (members_lower < prev_lower OR members_upper < prev_upper)
              AND accord NOT IN (SELECT accord FROM core.claims WHERE status = 'withdrawn')
        """,
    ),
)


def _unique_column_sets(spec: SuiteSpec) -> list[tuple[str, ...]]:
    """The column sets the suite file expects to be unique (single or compound)."""
    sets = []
    for exp in load_suite_dict(spec)["expectations"]:
        kwargs = exp["kwargs"]
        if exp["type"] == "expect_column_values_to_be_unique":
            sets.append((kwargs["column"],))
        elif exp["type"] == "expect_compound_columns_to_be_unique":
            sets.append(tuple(kwargs["column_list"]))
    return sets


def _unique_sql(table: str, cols: tuple[str, ...], changed: str | None) -> str:
    """Duplicate keys over the whole table; with ``changed``, only the keys a changed row holds.

    Two steps: the whole table is grouped by a 64-bit hash of the key, then only the rows whose hash
    is shared are grouped by the key itself (exact: a hash collision between different keys is not
    reported). Grouping 0.8M rows by their string keys built a hash table of ~90 MB at 100k articles;
    by their hashes ~55 MB less, and the table grows with the corpus."""
    key_hash = f"hash({', '.join(f't.{c}' for c in cols)})"
    not_null = " AND ".join(f"t.{c} IS NOT NULL" for c in cols)
    in_scope = "" if changed is None else (
        f" AND {key_hash} IN (SELECT {key_hash} FROM {table} t WHERE {changed} AND {not_null})"
    )
    return f"""
        SELECT {', '.join(f't.{c}' for c in cols)}, count(*) AS n_rows FROM {table} t
        WHERE {not_null} AND {key_hash} IN (
            SELECT {key_hash} AS key_hash FROM {table} t WHERE {not_null} AND {KEY_PASS_TOKEN}(t){in_scope}
            GROUP BY key_hash HAVING count(*) > 1)
        GROUP BY ALL HAVING count(*) > 1"""


def key_pass_queries(check: SqlCheck, sql: str, rows: int) -> list[str]:
    """``sql`` of a check with :attr:`SqlCheck.pass_columns` as one query per pass over ``rows`` rows: a
    table's rows are picked by the hash of those columns modulo the number of passes. Equal keys have
    equal hashes, so each pass joins or groups complete keys, and a duplicate or a missing partner is
    found in exactly one pass. The numbers are literals: as query parameters the same passes took ~15
    times longer."""
    passes = max(1, -(-rows // ROWS_PER_KEY_PASS))
    if passes == 1:
        return [_KEY_PASS_MARK.sub("TRUE", sql)]
    return [
        _KEY_PASS_MARK.sub(lambda mark, i=i: _pass_predicate(check.pass_columns, mark.group(1), passes, i), sql)
        for i in range(passes)
    ]


def _pass_predicate(columns: tuple[str, ...], alias: str, passes: int, i: int) -> str:
    return f"(hash({', '.join(f'{alias}.{c}' for c in columns)}) % {passes} = {i})"


def whole_table_key_checks(spec: SuiteSpec) -> list[SqlCheck]:
    """SQL mirrors, over the whole table, of what a run's changed rows cannot decide.

    - ``unique_<columns>``: one per uniqueness expectation of the suite file (a new row may
      duplicate an old one, which a batch of the new rows alone never shows); in a changed scope
      the changed rows' keys are counted over the whole table;
    - ``not_null_keys``: no NULL in those key columns nor in the columns the changed-rows scope
      is selected by (a row with a NULL ``article_id`` is in no run's scope).

    Views are skipped: their GX batch is always the whole view.
    """
    if spec.asset_key.startswith("analytics."):
        return []
    from pipelines.quality.scope import change_rules

    key_sets = _unique_column_sets(spec)
    rule = change_rules().get(spec.asset_key)
    checks = [
        SqlCheck(
            name="unique_" + "_".join(cols),
            asset_key=spec.asset_key,
            description=f"({', '.join(cols)}) unique over the whole table (rows with a NULL in them ignored, as GX does)",
            columns=cols,
            sql=_unique_sql(spec.table, cols, None),
            scoped_sql=None if rule is None else _unique_sql(spec.table, cols, CHANGED_TOKEN),
            pass_columns=cols,
        )
        for cols in key_sets
    ]
    not_null = list(dict.fromkeys([c for cols in key_sets for c in cols] + list(rule.scope_columns if rule else ())))
    if not_null:
        shown = list(dict.fromkeys(not_null + list(spec.key_columns)))
        checks.append(
            SqlCheck(
                name="not_null_keys",
                asset_key=spec.asset_key,
                description=f"no NULL in ({', '.join(not_null)}) over the whole table",
                columns=tuple(not_null),
                sql=f"""
                    SELECT {', '.join(f't.{c}' for c in shown)} FROM {spec.table} t
                    WHERE {' OR '.join(f't.{c} IS NULL' for c in not_null)}
                """,
            )
        )
    return checks


def checks_for(asset_key: str) -> list[SqlCheck]:
    """The hand-written SQL checks of one table (see :func:`whole_table_key_checks` for the rest)."""
    return [c for c in SQL_CHECKS if c.asset_key == asset_key]


def jsonable(value: Any) -> Any:
    """A value as something json.dumps and Dagster metadata accept (dates as ISO strings)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return None if value != value else value  # NaN -> None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if hasattr(value, "tolist"):  # numpy arrays / scalars
        return jsonable(value.tolist())
    if hasattr(value, "isoformat"):  # pandas Timestamp
        return value.isoformat()
    return str(value)


_COUNT_COLUMN = "_accordwatch_n_offending"


def sql_scope_from_env() -> str:
    """How the pipeline runs' SQL checks read their tables (``ACCORDWATCH_SQL_CHECK_SCOPE``):
    ``changed`` (default: the rows the run changed, where a check allows it) or ``full``."""
    raw = (os.environ.get(SQL_SCOPE_ENV) or "changed").strip().lower()
    if raw not in ("changed", "full"):
        raise ValueError(f"{SQL_SCOPE_ENV} must be 'changed' or 'full', got {raw!r}")
    return raw


def scoped_query(check: SqlCheck, since: datetime | None) -> tuple[str, str, dict[str, Any] | None]:
    """(rows read, query, parameters) of one check: its scoped variant when ``since`` is given and it
    has one, else its whole-table query."""
    if not _reads_changed(check, since):
        return WHOLE_TABLE, check.sql, None
    return CHANGED_SINCE, _with_scope(check, check.scoped_sql), {"since": since}


def chunk_bounds_query(check: SqlCheck, since: datetime | None) -> str | None:
    """The query listing (rowid, n_chars) of the articles a body-slicing check reads, in the same
    scope as :func:`scoped_query` (None: the check is not read in chunks)."""
    if not _reads_changed(check, since):
        return check.chunk_bounds_sql
    return None if check.scoped_chunk_bounds_sql is None else _with_scope(check, check.scoped_chunk_bounds_sql)


def _reads_changed(check: SqlCheck, since: datetime | None) -> bool:
    """The check runs its scoped variant (a start point is given and it has one)."""
    return since is not None and check.scoped_sql is not None


def _with_scope(check: SqlCheck, sql: str) -> str:
    from pipelines.quality.scope import change_rules, changed_article_ids

    if CHANGED_TOKEN in sql:
        sql = sql.replace(CHANGED_TOKEN, f"({change_rules()[check.asset_key].changed_filter})")
    if ARTICLES_TOKEN in sql:
        sql = sql.replace(ARTICLES_TOKEN, changed_article_ids(check.asset_key))
    return sql


def body_chunks(rowids: Any, n_chars: Any, budget: int) -> list[tuple[int, int]]:
    """Ranges [lo, hi) of rowids (sorted) holding about ``budget`` characters each (at least one row)."""
    runs = runs_within_budget(n_chars, budget)
    return [(rowids[first], rowids[last + 1] if last + 1 < len(rowids) else rowids[-1] + 1) for first, last in runs]


def run_sql_check(
    conn: duckdb.DuckDBPyConnection,
    spec: SuiteSpec,
    check: SqlCheck,
    since: datetime | None = None,
    rows_in_scope: int | None = None,
) -> ExpectationOutcome:
    """Run one check; a query error counts as a failure with the error as observed value.

    since: run the check's scoped variant over the rows changed after this time (if it has one;
        None = whole table). The kwargs record which rows were read (``rows``, ``since``).
    rows_in_scope: how many rows that scope holds, if the caller knows (a check's key passes are
        sized by it; else by the whole table's count).
    """
    scoped = scoped_query(check, since)
    rows_read, _, params = scoped
    kwargs: dict[str, Any] = {"description": check.description, "rows": rows_read}
    if params is not None:
        kwargs["since"] = since.isoformat()
    if check.columns:
        kwargs["column_list"] = list(check.columns)
    severity = effective_severity(spec, check.severity)
    limit = body_check_memory_limit() if check.reads_bodies else None
    try:
        count, sample, pieces_over_limit = 0, [], 0
        for chunk_sql, chunk_params in _pieces(conn, spec, check, since, scoped, rows_in_scope):
            # one pass over the data: the offending rows are few, the window counts them all
            query = f"SELECT *, count(*) OVER () AS {_COUNT_COLUMN} FROM ({chunk_sql}) LIMIT {SAMPLE_SIZE}"
            columns, rows, over_limit = _fetch_within(conn, query, chunk_params, limit)
            pieces_over_limit += over_limit
            count += rows[0][columns.index(_COUNT_COLUMN)] if rows else 0
            sample += [{c: jsonable(v) for c, v in zip(columns, row) if c != _COUNT_COLUMN}
                       for row in rows[:SAMPLE_SIZE - len(sample)]]
        if pieces_over_limit:
            kwargs["pieces_over_body_check_memory_limit"] = pieces_over_limit
    except duckdb.Error as exc:
        return ExpectationOutcome(f"sql:{check.name}", kwargs, severity, False, observed_value=f"error: {exc}")
    return ExpectationOutcome(
        f"sql:{check.name}", kwargs, severity, count == 0,
        observed_value=count, unexpected_count=count, unexpected_sample=sample,
    )


def doubled_size(size: str) -> str | None:
    """A DuckDB size setting (``128MB``, ``1.5GiB``) doubled, in the same unit; None if it is not one."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]i?B)\s*", size, flags=re.IGNORECASE)
    if not match:
        return None
    number = float(match.group(1)) * 2
    return f"{number:g}{match.group(2)}"


def _fetch_within(
    conn: duckdb.DuckDBPyConnection, query: str, params: dict[str, Any] | None, limit: str | None
) -> tuple[list[str], list, bool]:
    """The query's columns and rows, run on one DuckDB thread under ``limit`` if given (else as the
    connection is), and whether it ran out of memory under that limit first. The lowered limit is a
    saving, not a rule: a query out of memory under it runs again under twice the limit, then under the
    connection's own."""
    def run(attempt_limit: str | None) -> tuple[list[str], list]:
        with memory_limit(conn, attempt_limit) if attempt_limit else nullcontext(), \
                duckdb_threads(conn, 1) if limit else nullcontext():
            cursor = conn.execute(query, params)
            return [d[0] for d in cursor.description], cursor.fetchall()

    lowered = [lim for lim in (limit, doubled_size(limit) if limit else None) if lim]
    for attempt_limit in lowered:
        try:
            return *run(attempt_limit), attempt_limit != limit
        except duckdb.OutOfMemoryException:
            pass
    return *run(None), bool(limit)


def _pieces(
    conn: duckdb.DuckDBPyConnection,
    spec: SuiteSpec,
    check: SqlCheck,
    since: datetime | None,
    scoped: tuple[str, str, dict[str, Any] | None],
    rows_in_scope: int | None,
) -> list[tuple[str, dict[str, Any] | None]]:
    """The queries one check runs (``scoped``: :func:`scoped_query`'s answer), with their parameters: a
    body-slicing check's chunks of articles, a check's key passes (:attr:`SqlCheck.pass_columns`), or its
    one query."""
    rows_read, sql, params = scoped
    bounds_sql = chunk_bounds_query(check, since)
    if bounds_sql is not None:
        listed = conn.execute(bounds_sql, params).fetchnumpy()
        return [(sql, {**(params or {}), "chunk_lo": lo, "chunk_hi": hi})
                for lo, hi in body_chunks(listed["rowid"].tolist(), listed["n_chars"].tolist(), body_check_chunk_chars())]
    if check.pass_columns:
        if rows_in_scope is None or rows_read == WHOLE_TABLE:
            rows_in_scope = conn.execute(f"SELECT count(*) FROM {spec.table}").fetchone()[0]
        return [(query, params) for query in key_pass_queries(check, sql, rows_in_scope)]
    return [(sql, params)]


def body_check_memory_limit() -> str:
    """DuckDB's memory_limit for the checks reading article bodies (env
    ``ACCORDWATCH_BODY_CHECK_MEMORY_LIMIT``, default :data:`DEFAULT_BODY_CHECK_MEMORY_LIMIT`)."""
    return os.environ.get(BODY_CHECK_MEMORY_LIMIT_ENV, "").strip() or DEFAULT_BODY_CHECK_MEMORY_LIMIT


def body_check_chunk_chars() -> int:
    """How many body characters a body-slicing check joins per query (env
    ``ACCORDWATCH_BODY_CHECK_CHUNK_CHARS``, default :data:`DEFAULT_BODY_CHECK_CHUNK_CHARS`)."""
    raw = os.environ.get(BODY_CHECK_CHUNK_CHARS_ENV, "").strip()
    if not raw:
        return DEFAULT_BODY_CHECK_CHUNK_CHARS
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{BODY_CHECK_CHUNK_CHARS_ENV} must be a positive number of characters, got {raw!r}")
    return int(raw)


def max_row_drop_share_from_env() -> float:
    """The configured share (env ``ACCORDWATCH_MAX_ROW_DROP_SHARE``, default 0.5)."""
    raw = os.environ.get(MAX_ROW_DROP_ENV)
    if raw is None:
        return DEFAULT_MAX_ROW_DROP_SHARE
    value = float(raw)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{MAX_ROW_DROP_ENV} must be between 0 and 1, got {raw!r}")
    return value


def previous_row_count(conn: duckdb.DuckDBPyConnection, asset_key: str, run_id: str) -> int | None:
    """The row count recorded for the asset by the latest *other* run (None if never counted)."""
    row = conn.execute(
        "SELECT row_count FROM quality.row_counts WHERE asset = ? AND run_id <> ? "
        "ORDER BY counted_at DESC LIMIT 1",
        [asset_key, run_id],
    ).fetchone()
    return None if row is None else int(row[0])


def row_count_drop_outcome(
    spec: SuiteSpec, previous: int | None, current: int, max_drop_share: float
) -> ExpectationOutcome:
    """Fail when the table lost more than ``max_drop_share`` of its rows since the previous run."""
    allowed_min = None if previous is None else previous * (1.0 - max_drop_share)
    success = previous is None or current >= allowed_min
    return ExpectationOutcome(
        "sql:row_count_not_dropping",
        {"max_drop_share": max_drop_share, "previous_row_count": previous},
        effective_severity(spec, "critical"),
        success,
        observed_value=current,
        unexpected_count=0 if success else previous - current,
        unexpected_sample=[] if success else [{"previous_row_count": previous, "row_count": current}],
    )
