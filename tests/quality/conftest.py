"""A small, hand-made, valid warehouse (real DuckDB file) and helpers to corrupt and validate it.

The article below is written for these tests; every offset is computed from its text with
``str.index`` so the rows are right by construction of the text, not of the code under test.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from pipelines.extract.assets import EXTRACT_STAGE
from pipelines.ingest.prepare import CLEAN_STAGE
from pipelines.warehouse import apply_schema, insert_rows

BODY = (
    "Kazakhstan has joined the Abraham Accords, Donald Trump said on November 6.\n\n"
    "The United Arab Emirates signed the accords in 2020."
)
SENTENCES = (
    "Kazakhstan has joined the Abraham Accords, Donald Trump said on November 6.",
    "The United Arab Emirates signed the accords in 2020.",
)
ARTICLE_ID = hashlib.sha256(BODY.encode()).hexdigest()[:32]  # the project's article id form
PUBLISHED_AT = datetime(2025, 11, 7, 5, 8, 38)
NOW = datetime(2025, 11, 8, 12, 0, 0)
VERSION = "test-1"
ANALYTICS_VIEWS = ("membership_timeline", "membership_growth", "claim_conflicts")


def span(text: str, start_at: int = 0) -> tuple[int, int]:
    start = BODY.index(text, start_at)
    return start, start + len(text)


def _sentence_idx(start: int) -> int:
    return 0 if start < len(SENTENCES[0]) else 1


def _mention(text: str, entity_id: str, entity_type: str, method: str = "name") -> dict:
    start, end = span(text)
    return dict(article_id=ARTICLE_ID, sentence_idx=_sentence_idx(start), start_char=start, end_char=end, text=text,
                entity_id=entity_id, entity_type=entity_type, method=method, is_metonymy=False,
                extractor_version=VERSION)


def _claim(claim_id, sentence_idx, country, status, claimed_by, claimed_by_id, edtf, lower, upper, precision) -> dict:
    start, end = span(SENTENCES[sentence_idx])
    return dict(claim_id=claim_id, article_id=ARTICLE_ID, sentence_idx=sentence_idx, country_code=country,
                accord="Abraham Accords", status=status, claimed_by=claimed_by, claimed_by_id=claimed_by_id,
                date_edtf=edtf, date_lower=lower, date_upper=upper, date_precision=precision,
                evidence=SENTENCES[sentence_idx], start_char=start, end_char=end, rule="test", confidence=0.9,
                is_future=False, ordinal=None, extractor_version=VERSION)


def _event(event_id, country, status, lower, upper, precision, claimant, claim_id) -> dict:
    return dict(event_id=event_id, country_code=country, accord="Abraham Accords", status=status,
                date_lower=lower, date_upper=upper, date_precision=precision, n_claims=1, n_articles=1,
                n_claimants=1, claimants=[claimant], claim_ids=[claim_id], first_reported_at=PUBLISHED_AT,
                last_reported_at=PUBLISHED_AT, has_conflict=False, conflicting_statuses=None, is_future=False,
                date_basis="intersection", hull_lower=lower, hull_upper=upper, article_ids=[ARTICLE_ID],
                evidence_sample=SENTENCES[0] if country == "KZ" else SENTENCES[1])


def fill_valid_rows(conn: duckdb.DuckDBPyConnection) -> None:
    """Insert one consistent article and everything extracted from it into every core table."""
    insert_rows(conn, "raw.articles", [dict(
        article_id=ARTICLE_ID, body_raw=BODY, title="Kazakhstan joins", author="A. Writer", publisher="Test Wire",
        url="https://example.org/news/kazakhstan", published_at_meta="2025-11-07T05:08:38Z", language="en",
        source_format="txt", metadata_json="{}", source_paths=["inbox/kazakhstan.txt"], first_ingested_at=NOW,
        is_superseded=False, superseded_by=None, superseded_at=None)])
    insert_rows(conn, "raw.source_files", [dict(
        path="inbox/kazakhstan.txt", file_sha256=hashlib.sha256(b"file").hexdigest(), record_idx=0,
        article_id=ARTICLE_ID, size_bytes=len(BODY), ingested_at=NOW, is_current=True)])
    insert_rows(conn, "raw.ingest_errors", [dict(
        path="inbox/broken.json", reason="invalid JSON", detected_at=NOW, file_sha256=None, record_idx=None)])
    insert_rows(conn, "core.articles", [dict(
        article_id=ARTICLE_ID, title="Kazakhstan joins", author="A. Writer", publisher="Test Wire",
        url="https://example.org/news/kazakhstan", published_at=PUBLISHED_AT, published_at_source="metadata",
        language="en", body=BODY, n_chars=len(BODY), is_relevant=True, extractor_version=VERSION,
        processed_at=NOW)])
    sentence_rows = []
    for idx, text in enumerate(SENTENCES):
        start, end = span(text)
        sentence_rows.append(dict(article_id=ARTICLE_ID, sentence_idx=idx, paragraph_idx=idx, start_char=start,
                                  end_char=end, text=text, is_heading=False, in_quote=False,
                                  extractor_version=VERSION))
    insert_rows(conn, "core.sentences", sentence_rows)
    # the stages that wrote the rows above: clean (articles, sentences) and extract (the rest)
    insert_rows(conn, "core.stage_log", [
        dict(article_id=ARTICLE_ID, stage=CLEAN_STAGE, stage_version=VERSION, n_rows=len(SENTENCES), processed_at=NOW),
        dict(article_id=ARTICLE_ID, stage=EXTRACT_STAGE, stage_version=VERSION, n_rows=2, processed_at=NOW),
    ])
    insert_rows(conn, "core.entities", [
        dict(entity_id="country:KZ", entity_type="country", name="Kazakhstan", iso2="KZ", iso3="KAZ", is_iso=True,
             country_iso2=None, kind=None),
        dict(entity_id="country:AE", entity_type="country", name="United Arab Emirates", iso2="AE", iso3="ARE",
             is_iso=True, country_iso2=None, kind=None),
        dict(entity_id="country:IL", entity_type="country", name="Israel", iso2="IL", iso3="ISR", is_iso=True,
             country_iso2=None, kind=None),
        dict(entity_id="person:donald-trump", entity_type="person", name="Donald Trump", iso2=None, iso3=None,
             is_iso=None, country_iso2="US", kind=None),
        dict(entity_id="accord:abraham-accords", entity_type="accord", name="Abraham Accords", iso2=None, iso3=None,
             is_iso=None, country_iso2=None, kind=None),
    ])
    insert_rows(conn, "core.mentions", [
        _mention("Kazakhstan", "country:KZ", "country"),
        _mention("Abraham Accords", "accord:abraham-accords", "accord"),
        _mention("Donald Trump", "person:donald-trump", "person"),
        _mention("United Arab Emirates", "country:AE", "country"),
    ])
    trump_start, trump_end = span("Donald Trump")
    insert_rows(conn, "core.person_roles", [dict(
        article_id=ARTICLE_ID, person_id="person:donald-trump", role="President", country_iso2="US", sentence_idx=0,
        start_char=trump_start, end_char=trump_end, source="dictionary", extractor_version=VERSION)])
    nov_start, nov_end = span("November 6")
    y_start, y_end = span("2020")
    insert_rows(conn, "core.dates", [
        dict(article_id=ARTICLE_ID, sentence_idx=0, start_char=nov_start, end_char=nov_end, text="November 6",
             edtf="2025-11-06", lower=date(2025, 11, 6), upper=date(2025, 11, 6), precision="day",
             extractor_version=VERSION),
        dict(article_id=ARTICLE_ID, sentence_idx=1, start_char=y_start, end_char=y_end, text="2020", edtf="2020",
             lower=date(2020, 1, 1), upper=date(2020, 12, 31), precision="year", extractor_version=VERSION),
    ])
    insert_rows(conn, "core.claims", [
        _claim("claim-kz", 0, "KZ", "announced", "Donald Trump", "person:donald-trump", "2025-11-06",
               date(2025, 11, 6), date(2025, 11, 6), "day"),
        _claim("claim-ae", 1, "AE", "signed", "article", None, "2020", date(2020, 1, 1), date(2020, 12, 31), "year"),
    ])
    insert_rows(conn, "core.membership_events", [
        _event("event-kz", "KZ", "announced", date(2025, 11, 6), date(2025, 11, 6), "day", "Donald Trump", "claim-kz"),
        _event("event-ae", "AE", "signed", date(2020, 1, 1), date(2020, 12, 31), "year", "article", "claim-ae"),
    ])
    insert_rows(conn, "core.accords", [dict(
        accord="Abraham Accords", entity_id="accord:abraham-accords", broker_iso2="US", counterparty_iso2="IL",
        start_date=date(2020, 8, 13), end_date=None)])


def create_analytics_views(conn: duckdb.DuckDBPyConnection) -> None:
    """The project's real analytics views, from their SQL files."""
    from pipelines.analytics.assets import VIEWS
    from pipelines.warehouse import execute_sql_files

    for view in VIEWS:
        if view.name in ANALYTICS_VIEWS:
            execute_sql_files(conn, view.sql_files)


def build_valid_warehouse(db_path: Path) -> Path:
    with duckdb.connect(str(db_path)) as conn:
        apply_schema(conn)
        fill_valid_rows(conn)
        create_analytics_views(conn)
    return db_path


@pytest.fixture(scope="session")
def gx_imported():
    """Import great_expectations once for the whole session (as the pipeline does: scipy and altair
    deferred, see :mod:`pipelines.quality.gx_import`)."""
    from pipelines.quality.gx_import import import_great_expectations

    return import_great_expectations()


@pytest.fixture(scope="session")
def valid_template(tmp_path_factory) -> Path:
    return build_valid_warehouse(tmp_path_factory.mktemp("quality") / "template.duckdb")


@pytest.fixture
def valid_db(valid_template, tmp_path) -> Path:
    """A fresh copy of the valid warehouse for one test to change."""
    copy = tmp_path / "warehouse.duckdb"
    copy.write_bytes(valid_template.read_bytes())
    return copy


@pytest.fixture
def conn(valid_db, gx_imported):
    connection = duckdb.connect(str(valid_db))
    yield connection
    connection.close()


def strip_constraints(conn: duckdb.DuckDBPyConnection, table: str) -> None:
    """Replace a table by a plain copy without its keys, as a buggy stage rewriting it might."""
    schema, name = table.split(".")
    conn.execute(f"CREATE TABLE {schema}._copy AS SELECT * FROM {table}")
    conn.execute(f"DROP TABLE {table}")
    conn.execute(f"ALTER TABLE {schema}._copy RENAME TO {name}")


def validate_one(conn: duckdb.DuckDBPyConnection, asset_key: str, **kwargs):
    """The SuiteOutcome of one suite (recorded like a real run unless record=False is passed)."""
    from pipelines.quality.suites import spec_for
    from pipelines.quality.validate import validate_suites

    [outcome] = validate_suites(conn, [spec_for(asset_key)], **kwargs)
    return outcome


def failed(outcome, expectation_type: str, column: str | None = None):
    """The one failed outcome of that expectation type (and column); fails the test if absent."""
    matches = [f for f in outcome.failures if f.expectation_type == expectation_type
               and (column is None or f.column == column)]
    assert matches, f"no failure {expectation_type}({column}); failures: {[f.as_failure() for f in outcome.failures]}"
    return matches[0]
