"""Turn extraction results into warehouse rows."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import duckdb

from pipelines.extract.model import Claim, Entity
from pipelines.warehouse import columns_of, insert_rows

# The per-article tables the extract stage writes (one analysis gives rows in each).
EXTRACTED_TABLES = ("core.mentions", "core.person_roles", "core.dates", "core.claims")


def claim_id_for(article_id: str, claim: Claim) -> str:
    key = "|".join(
        str(part)
        for part in (
            article_id,
            claim.sentence_idx,
            claim.country_code,
            claim.accord,
            claim.status,
            claim.claimed_by_id or claim.claimed_by,
            claim.start_char,
            claim.rule,
        )
    )
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def analysis_rows(article_id: str, analysis, version: str) -> dict[str, list[dict]]:
    """Rows for core.mentions / person_roles / dates / claims from one ArticleAnalysis."""
    common = {"article_id": article_id, "extractor_version": version}
    claims = []
    seen: set[str] = set()
    for claim in analysis.claims:
        claim_id = claim_id_for(article_id, claim)
        if claim_id in seen:
            continue
        seen.add(claim_id)
        claims.append({"claim_id": claim_id, **common, **columns_of(claim, CLAIM_COLUMNS)})
    return {
        "core.mentions": [{**common, **columns_of(m, MENTION_COLUMNS)} for m in analysis.entities.mentions],
        "core.person_roles": [{**common, **columns_of(r, ROLE_COLUMNS)} for r in analysis.entities.person_roles],
        "core.dates": [{**common, **columns_of(d, DATE_COLUMNS)} for d in analysis.entities.dates],
        "core.claims": claims,
    }


MENTION_COLUMNS = ("sentence_idx", "start_char", "end_char", "text", "entity_id", "entity_type", "method", "is_metonymy")
ROLE_COLUMNS = ("person_id", "role", "country_iso2", "sentence_idx", "start_char", "end_char", "source")
DATE_COLUMNS = ("sentence_idx", "start_char", "end_char", "text", "edtf", "lower", "upper", "precision")
CLAIM_COLUMNS = (
    "sentence_idx", "country_code", "accord", "status", "claimed_by", "claimed_by_id", "date_edtf", "date_lower",
    "date_upper", "date_precision", "evidence", "start_char", "end_char", "rule", "confidence", "is_future", "ordinal",
)
ENTITY_COLUMNS = ("entity_id", "entity_type", "name", "iso2", "iso3", "is_iso", "country_iso2", "kind")


def reference_entities() -> list[Entity]:
    """Entities that exist whether or not an article names them: all countries and all accords."""
    from pipelines.extract.accords import accord_entities
    from pipelines.extract.entities import all_country_entities

    return [*all_country_entities(), *accord_entities()]


def upsert_entities(conn: duckdb.DuckDBPyConnection, entities: Iterable[Entity], include_reference: bool = False) -> None:
    unique: dict[str, Entity] = {}
    for entity in [*(reference_entities() if include_reference else []), *entities]:
        unique.setdefault(entity.entity_id, entity)
    if not unique:
        return
    rows = [columns_of(e, ENTITY_COLUMNS) for e in unique.values()]
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _entity_ids (entity_id VARCHAR)")
    conn.execute("DELETE FROM _entity_ids")
    insert_rows(conn, "_entity_ids", [{"entity_id": r["entity_id"]} for r in rows])
    conn.execute("DELETE FROM core.entities WHERE entity_id IN (SELECT entity_id FROM _entity_ids)")
    insert_rows(conn, "core.entities", rows)


def accord_rows() -> list[dict]:
    from pipelines.extract.accords import load_accord_registry

    return [
        {
            "accord": a.name,
            "entity_id": a.entity_id,
            "broker_iso2": a.broker,
            "counterparty_iso2": a.counterparty,
            "start_date": a.start_date,
            "end_date": a.end_date,
        }
        for a in load_accord_registry()
    ]
