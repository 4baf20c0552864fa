"""Which rows of a table go through Great Expectations: the rows a run changed, or the whole table.

Validating through GX means copying rows into pandas, which costs time and memory in proportion
to the rows copied. The pipeline is incremental (``core.stage_log``), so a run's checks read only
what could have changed since the table was last validated, and never more than a cap:

- ``changed`` scope (the Dagster checks): the rows changed after ``since``. ``since`` is the
  *high-water mark* recorded by the latest validation of the same table that had no ERROR
  failure (so a failing run's rows are validated again next time), and no later than the start of
  the current run (so a run that started before another run's check still sees its own rows).
  With no such validation yet, the scope is the whole table. What "changed" means per table is in
  :func:`change_rules`: the article rows (``core.*``) of articles whose ``core.stage_log`` entry
  for the stage writing that table is newer than ``since`` (a stage rewrites all of an article's
  rows in its tables when it logs it), the raw rows
  ingested/superseded/detected after it, the entities those articles' mentions, roles and claims
  refer to. Tables with no change time (``core.membership_events``, whose changed pairs each run
  resolves again, and the analytics views) have their rows compared instead: each validation without an ERROR failure
  remembers a hash of every row it read (``quality.validated_rows``, with the hashes of earlier
  validations' rows that are still in the table), and the next run reads only the rows whose hash
  is not there: the rows the rebuild added or changed (basis ``rows_not_validated_before``). A
  table's first validation reads it whole.
- ``full`` scope (``accordwatch check``, the audit): the whole table.

In both scopes at most ``max_rows`` rows are read (the first rows of the scope in storage order;
``None`` = no cap). The Dagster checks take the cap from ``ACCORDWATCH_GX_MAX_ROWS`` (default
:data:`DEFAULT_GX_MAX_ROWS`, ``0`` = no cap). :class:`RowScope` records exactly what was read: the
mode, ``since``, the high-water mark, the rows in the table, in the scope and validated, and
whether the cap cut the scope. It goes into the check's metadata and ``quality.validation_scopes``.

Checks that the changed rows alone cannot decide are not left to GX: the uniqueness expectations of
every suite are also evaluated in SQL (see
:func:`pipelines.quality.sql_checks.whole_table_key_checks`), as are referential integrity and
offsets slicing back to the body (:data:`pipelines.quality.sql_checks.SQL_CHECKS`). In the
``changed`` scope the costly ones read only what the run changed (the changed rows' keys are still
counted over the whole table; offsets are checked for every article the run re-cleaned or
re-extracted, :func:`changed_article_ids`), the cheap ones (NULL keys, references) read the whole
table; in the ``full`` scope all read the whole table.
A row-local rule (a value set, a range, a null) is judged on the changed rows: every stage writes
only the rows of the articles it logs, so a bad value a stage writes is in its run's scope. A row
corrupted later by hand is found by ``accordwatch check``, which reads whole tables.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

import duckdb

from pipelines.quality.suites import SuiteSpec, load_suite_dict
from pipelines.warehouse import rows_where

FULL = "full"
CHANGED = "changed"
SCOPE_MODES = (FULL, CHANGED)
DEFAULT_GX_MAX_ROWS = 50_000
# A hash of the whole row, read beside the columns of a table without change time (then taken out).
ROW_HASH_COLUMN = "_accordwatch_row_hash"
ROWS_NOT_VALIDATED_BEFORE = "rows_not_validated_before"
GX_MAX_ROWS_ENV = "ACCORDWATCH_GX_MAX_ROWS"
# Expectations that look at a value only to see whether it is NULL, and the one that looks at
# column names only. A text column no other expectation names is read as a short prefix
# (``left(col, n)`` is NULL exactly when ``col`` is), or not at all if the table declares it NOT NULL
# (see batch_select_list), so article bodies never go into pandas whole.
_NULLNESS_ONLY = frozenset({"expect_column_values_to_not_be_null", "expect_column_values_to_be_null"})
_COLUMN_NAMES_ONLY = frozenset({"expect_table_columns_to_match_set", "expect_table_columns_to_match_ordered_list"})
PRESENCE_PREFIX_CHARS = 16
# What a presence-only text column that its table declares NOT NULL holds in the GX batch (it is not read).
NOT_NULL_BY_DEFINITION = "CAST('(not null: table constraint)' AS VARCHAR)"


@dataclass(frozen=True)
class ChangeRule:
    """How to find the rows of one table that changed after a point in time.

    high_water_sql: one value, the newest change time of the table's rows (NULL when empty).
    changed_filter: a predicate on the table aliased ``t`` with one ``$since`` parameter.
    scope_columns: columns the filter selects by; a row with a NULL there is in no changed scope,
        so they are checked for NULLs over the whole table in SQL.
    """

    high_water_sql: str
    changed_filter: str
    scope_columns: tuple[str, ...]


def _logged_since(stage: str) -> str:
    """Articles the stage logged after ``$since`` (it rewrote all their rows in its tables then)."""
    return f"SELECT article_id FROM core.stage_log WHERE stage = '{stage}' AND processed_at > $since"


def _stage_high_water(stage: str) -> str:
    return f"SELECT max(processed_at) FROM core.stage_log WHERE stage = '{stage}'"


def _per_article(stage: str) -> ChangeRule:
    return ChangeRule(_stage_high_water(stage), f"t.article_id IN ({_logged_since(stage)})", ("article_id",))


@lru_cache(maxsize=1)
def change_rules() -> dict[str, ChangeRule]:
    """Asset key -> how its changed rows are found; tables without an entry are always read whole.

    Per-article tables follow the ``core.stage_log`` entries of the stage that writes them (the
    stage names come from the stages' own modules, imported here rather than at import time).
    """
    from pipelines.extract.assets import EXTRACT_STAGE
    from pipelines.ingest.prepare import CLEAN_STAGE

    extracted_since = _logged_since(EXTRACT_STAGE)
    return {
        "raw.articles": ChangeRule(
            "SELECT max(greatest(first_ingested_at, superseded_at)) FROM raw.articles",
            "greatest(t.first_ingested_at, t.superseded_at) > $since",
            ("first_ingested_at",),
        ),
        "raw.source_files": ChangeRule(
            "SELECT max(ingested_at) FROM raw.source_files", "t.ingested_at > $since", ("ingested_at",)
        ),
        "raw.ingest_errors": ChangeRule(
            "SELECT max(detected_at) FROM raw.ingest_errors", "t.detected_at > $since", ("detected_at",)
        ),
        "core.articles": _per_article(CLEAN_STAGE),
        "core.sentences": _per_article(CLEAN_STAGE),
        "core.stage_log": ChangeRule(
            "SELECT max(processed_at) FROM core.stage_log", "t.processed_at > $since", ("processed_at",)
        ),
        "core.mentions": _per_article(EXTRACT_STAGE),
        "core.person_roles": _per_article(EXTRACT_STAGE),
        "core.dates": _per_article(EXTRACT_STAGE),
        "core.claims": _per_article(EXTRACT_STAGE),
        "core.entities": ChangeRule(
            _stage_high_water(EXTRACT_STAGE),
            f"""t.entity_id IN (
                SELECT entity_id FROM core.mentions WHERE article_id IN ({extracted_since})
                UNION ALL SELECT person_id FROM core.person_roles WHERE article_id IN ({extracted_since})
                UNION ALL SELECT claimed_by_id FROM core.claims WHERE article_id IN ({extracted_since})
                UNION ALL SELECT 'country:' || country_code FROM core.claims
                          WHERE article_id IN ({extracted_since}))""",
            ("entity_id",),
        ),
    }


def changed_article_ids(asset_key: str) -> str:
    """A subquery (one ``$since`` parameter) of the article ids whose rows the SQL checks comparing
    a per-article table with ``core.articles.body`` or ``core.sentences`` must read: the articles
    logged after ``$since`` by the stage writing ``asset_key`` or by the clean stage (which rewrites
    the body and the sentences). KeyError for a table that is not per-article."""
    from pipelines.extract.assets import EXTRACT_STAGE
    from pipelines.ingest.prepare import CLEAN_STAGE

    stages = {
        "core.articles": (CLEAN_STAGE,),
        "core.sentences": (CLEAN_STAGE,),
        "core.mentions": (CLEAN_STAGE, EXTRACT_STAGE),
        "core.person_roles": (CLEAN_STAGE, EXTRACT_STAGE),
        "core.dates": (CLEAN_STAGE, EXTRACT_STAGE),
        "core.claims": (CLEAN_STAGE, EXTRACT_STAGE),
    }[asset_key]
    names = ", ".join(f"'{s}'" for s in stages)
    return f"(SELECT article_id FROM core.stage_log WHERE stage IN ({names}) AND processed_at > $since)"


@dataclass(frozen=True)
class RowScope:
    """Exactly which rows of a table one validation read into pandas.

    mode: ``full`` or ``changed`` (what was asked for).
    basis: ``whole_table``; ``changed_since`` (rows changed after ``since``);
        ``rows_not_validated_before`` (a table without change time: rows whose hash no earlier
        validation recorded); or ``whole_table_no_previous_validation`` /
        ``whole_table_no_change_time`` when a changed scope had to read the whole table.
    since: the change time the scope starts after (``changed_since`` only).
    high_water: the newest change time in the table when it was read (recorded for the next run).
    rows_in_table, rows_in_scope, rows_validated: counts (``rows_in_table`` None if unknown).
    max_rows: the cap (None = none); truncated: the cap cut the scope.
    row_hashes: for a table without change time, the hashes of the rows read (what a validation
        without ERROR remembers, :func:`remember_validated_rows`); None otherwise. Not metadata.
    """

    mode: str
    basis: str
    since: datetime | None
    high_water: datetime | None
    rows_in_table: int | None
    rows_in_scope: int
    rows_validated: int
    max_rows: int | None
    row_hashes: Any = field(default=None, repr=False, compare=False)

    @property
    def truncated(self) -> bool:
        return self.rows_validated < self.rows_in_scope

    def metadata(self) -> dict[str, Any]:
        """Plain JSON-able description for the check metadata."""
        out = asdict(self)
        del out["row_hashes"]
        out["since"] = None if self.since is None else self.since.isoformat()
        out["high_water"] = None if self.high_water is None else self.high_water.isoformat()
        out["truncated"] = self.truncated
        return out


def gx_max_rows_from_env() -> int | None:
    """The per-table cap of the Dagster checks (``ACCORDWATCH_GX_MAX_ROWS``; ``0`` = no cap)."""
    raw = os.environ.get(GX_MAX_ROWS_ENV)
    if raw is None or raw.strip() == "":
        return DEFAULT_GX_MAX_ROWS
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{GX_MAX_ROWS_ENV} must be a whole number of rows, got {raw!r}") from None
    if value < 0:
        raise ValueError(f"{GX_MAX_ROWS_ENV} must be >= 0 (0 = no cap), got {raw!r}")
    return value or None


def previous_high_water(conn: duckdb.DuckDBPyConnection, asset_key: str, run_id: str) -> datetime | None:
    """The high-water mark of the latest validation of ``asset_key`` by another run that had no
    ERROR failure (None if there is none)."""
    row = conn.execute(
        "SELECT high_water FROM quality.validation_scopes WHERE asset = ? AND run_id <> ? AND NOT has_error "
        "AND high_water IS NOT NULL ORDER BY validated_at DESC LIMIT 1",
        [asset_key, run_id],
    ).fetchone()
    return None if row is None else row[0]


def _has_validated_rows(conn: duckdb.DuckDBPyConnection, asset_key: str) -> bool:
    return conn.execute("SELECT count(*) > 0 FROM quality.validated_rows WHERE asset = ?", [asset_key]).fetchone()[0]


def remember_validated_rows(conn: duckdb.DuckDBPyConnection, spec: SuiteSpec, scope: RowScope) -> None:
    """After a validation of a table without change time that had no ERROR failure: the rows it read
    and the rows still in the table that an earlier validation read are the validated rows (a row
    cut by the cap, or gone from the table, is not)."""
    if scope.row_hashes is None:
        return
    import pyarrow as pa

    from pipelines.warehouse import registered_table

    asset = spec.asset_key
    conn.execute(
        f"DELETE FROM quality.validated_rows WHERE asset = ? AND row_hash NOT IN (SELECT hash(t) FROM {spec.table} t)",
        [asset],
    )
    read = pa.table({"row_hash": pa.array(scope.row_hashes, pa.uint64())})
    with registered_table(conn, "_accordwatch_read_rows", read) as rows:
        conn.execute(
            f"INSERT INTO quality.validated_rows SELECT DISTINCT ?, row_hash FROM {rows} "
            "WHERE row_hash NOT IN (SELECT row_hash FROM quality.validated_rows WHERE asset = ?)",
            [asset, asset],
        )


def _high_water(conn: duckdb.DuckDBPyConnection, rule: ChangeRule | None) -> datetime | None:
    return None if rule is None else conn.execute(rule.high_water_sql).fetchone()[0]


def _words_named(expectations: list[dict[str, Any]], except_types: frozenset[str]) -> set[str]:
    """Every word in the arguments of the expectations whose type is not in ``except_types`` (column
    names among them, row conditions included)."""
    return {
        word
        for e in expectations
        if e.get("type") not in except_types
        for word in re.findall(r"\w+", repr(e.get("kwargs", {})))
    }


def batch_select_list(conn: duckdb.DuckDBPyConnection, spec: SuiteSpec) -> str:
    """The columns of ``spec.table`` as the GX batch reads them: every column whole, except

    * columns no expectation names (not a key either): not read, a typed NULL keeps them for the
      column-set expectations (the evidence texts and other unchecked columns of
      ``analytics.claim_conflicts`` were copied into pandas for nothing);
    * text columns that the suite checks for NULL only (not a key, not named by any other
      expectation, its row conditions included): read as a :data:`PRESENCE_PREFIX_CHARS` prefix, or
      not read at all when the table declares them ``NOT NULL``: DuckDB refuses a NULL there on every
      write, so each row gets :data:`NOT_NULL_BY_DEFINITION` (reading even a prefix of 50,000 article
      bodies made DuckDB read and cache ~400 MB of body blocks). The constraint is looked up at each
      call: a table that drops it has the column read again (tested)."""
    expectations = load_suite_dict(spec).get("expectations", [])
    named = _words_named(expectations, _COLUMN_NAMES_ONLY)
    named_elsewhere = _words_named(expectations, _NULLNESS_ONLY | _COLUMN_NAMES_ONLY)
    columns = conn.execute(f"SELECT * FROM {spec.table} LIMIT 0").description
    schema_name, _, table_name = spec.table.partition(".")
    not_null = {
        row[0]
        for row in conn.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? AND NOT is_nullable",
            [schema_name, table_name],
        ).fetchall()
    }
    select = []
    for name, type_code, *_ in columns:
        quoted = '"' + name.replace('"', '""') + '"'
        if name not in spec.key_columns and name not in named:
            select.append(f"CAST(NULL AS {type_code}) AS {quoted}")  # no expectation reads it
            continue
        presence_only = str(type_code) == "VARCHAR" and name not in spec.key_columns and name not in named_elsewhere
        if presence_only and name in not_null:
            select.append(f"{NOT_NULL_BY_DEFINITION} AS {quoted}")
        elif presence_only:
            select.append(f"left(t.{quoted}, {PRESENCE_PREFIX_CHARS}) AS {quoted}")
        else:
            select.append(f"t.{quoted}")
    return ", ".join(select)


def _fetch(conn: duckdb.DuckDBPyConnection, sql: str, params: dict, max_rows: int | None) -> Any:
    limit = "" if max_rows is None else f" LIMIT {int(max_rows) + 1}"  # one more row tells "truncated"
    return conn.execute(sql + limit, params or None).df()


def read_scope(
    conn: duckdb.DuckDBPyConnection,
    spec: SuiteSpec,
    *,
    mode: str = FULL,
    run_id: str = "",
    max_rows: int | None = None,
    run_started_at: datetime | None = None,
) -> tuple[RowScope, Any]:
    """The rows of ``spec.table`` to validate (a pandas DataFrame) and the :class:`RowScope` saying which.

    Raises duckdb.Error when the table cannot be read (the caller reports it as a failure).
    """
    if mode not in SCOPE_MODES:
        raise ValueError(f"scope mode must be one of {SCOPE_MODES}, got {mode!r}")
    if spec.table != spec.asset_key:  # the rows are read elsewhere; the asset's relation must exist
        conn.execute(f"SELECT * FROM {spec.asset_key} LIMIT 0").fetchall()
    rule = change_rules().get(spec.asset_key)
    high_water = _high_water(conn, rule)
    since = None
    basis = "whole_table"
    if mode == CHANGED:
        since = previous_high_water(conn, spec.asset_key, run_id) if rule is not None else None
        if since is not None and run_started_at is not None:
            since = min(since, run_started_at)
        if rule is None:
            basis = "whole_table_no_change_time"
        elif since is None:
            basis = "whole_table_no_previous_validation"
        else:
            basis = "changed_since"
    select = batch_select_list(conn, spec)
    not_validated = f"hash(t) NOT IN (SELECT row_hash FROM quality.validated_rows WHERE asset = '{spec.asset_key}')"
    if rule is None:
        select += f", hash(t) AS {ROW_HASH_COLUMN}"
        if mode == CHANGED and _has_validated_rows(conn, spec.asset_key):
            basis = ROWS_NOT_VALIDATED_BEFORE
    if basis == "changed_since":
        predicate = rule.changed_filter
        df = _fetch(conn, f"SELECT {select} FROM {rows_where(spec.table, predicate)} t", {"since": since}, max_rows)
    elif basis == ROWS_NOT_VALIDATED_BEFORE:
        df = _fetch(conn, f"SELECT {select} FROM {spec.table} t WHERE {not_validated}", {}, max_rows)
    else:
        df = _fetch(conn, f"SELECT {select} FROM {spec.table} t", {}, max_rows)
    truncated = max_rows is not None and len(df) > max_rows
    if truncated:
        df = df.iloc[:max_rows]
    row_hashes = None
    if rule is None:
        row_hashes = df[ROW_HASH_COLUMN].to_numpy()
        df = df.drop(columns=[ROW_HASH_COLUMN])
    in_table = conn.execute(f"SELECT count(*) FROM {spec.table}").fetchone()[0]
    if not truncated:
        in_scope = len(df)
    elif basis == "changed_since":
        in_scope = conn.execute(f"SELECT count(*) FROM {spec.table} t WHERE {rule.changed_filter}", {"since": since}).fetchone()[0]
    elif basis == ROWS_NOT_VALIDATED_BEFORE:
        in_scope = conn.execute(f"SELECT count(*) FROM {spec.table} t WHERE {not_validated}").fetchone()[0]
    else:
        in_scope = in_table
    scope = RowScope(
        mode=mode, basis=basis, since=since, high_water=high_water, rows_in_table=int(in_table),
        rows_in_scope=int(in_scope), rows_validated=len(df), max_rows=max_rows, row_hashes=row_hashes,
    )
    return scope, df
