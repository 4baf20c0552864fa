"""Asset keys, one per DuckDB table or view (``schema.table``)."""

import dagster as dg


def table_key(qualified_name: str) -> dg.AssetKey:
    """``'core.claims'`` -> ``AssetKey(['core', 'claims'])``."""
    return dg.AssetKey(qualified_name.split("."))


RAW_ARTICLES = table_key("raw.articles")
RAW_SOURCE_FILES = table_key("raw.source_files")
RAW_INGEST_ERRORS = table_key("raw.ingest_errors")
CORE_ARTICLES = table_key("core.articles")
CORE_SENTENCES = table_key("core.sentences")
CORE_STAGE_LOG = table_key("core.stage_log")
CORE_ACCORDS = table_key("core.accords")
CORE_ENTITIES = table_key("core.entities")
CORE_MENTIONS = table_key("core.mentions")
CORE_PERSON_ROLES = table_key("core.person_roles")
CORE_DATES = table_key("core.dates")
CORE_CLAIMS = table_key("core.claims")
CORE_MEMBERSHIP_EVENTS = table_key("core.membership_events")
