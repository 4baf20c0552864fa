"""Hand-made warehouses for the resolution and analytics tests: articles, accords and claims inserted
directly into core.*, then the real resolve/analytics assets materialized with Dagster."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.analytics.assets import analytics_assets
from pipelines.resolve.assets import resolve_assets
from pipelines.resources import WarehouseResource
from pipelines.warehouse import apply_schema, insert_rows

REPO = Path(__file__).resolve().parents[2]
GOLD_NAME = "rbc-ukraine-2025-11-07-kazakhstan-abraham-accords.gold.json"
GOLD_CANDIDATES = (REPO / "tests" / "fixtures" / "seed.gold.json", REPO.parent / "shared" / "seed" / GOLD_NAME)

ABRAHAM = "Abraham Accords"
# Mirrors warehouse/dictionaries/accords.yaml: the US brokered, Israel is the counterparty.
ABRAHAM_REGISTRY = {"accord": ABRAHAM, "entity_id": "accord:abraham-accords", "broker_iso2": "US",
                    "counterparty_iso2": "IL", "start_date": date(2020, 8, 13), "end_date": None}
PARIS = "Paris Agreement"
PARIS_REGISTRY = {"accord": PARIS, "entity_id": "accord:paris-agreement", "broker_iso2": None,
                  "counterparty_iso2": None, "start_date": date(2015, 12, 12), "end_date": None}


def load_gold() -> dict:
    for path in GOLD_CANDIDATES:
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    pytest.skip("the seed's gold annotation is not available")


@dataclass
class Warehouse:
    """A DuckDB file under a test folder, filled by hand, resolved by the real assets."""

    db_path: Path
    _claims: int = field(default=0)

    @classmethod
    def create(cls, folder: Path, accords: list[dict]) -> "Warehouse":
        folder.mkdir(parents=True, exist_ok=True)
        db_path = folder / "warehouse.duckdb"
        with duckdb.connect(str(db_path)) as conn:
            apply_schema(conn)
            insert_rows(conn, "core.accords", accords)
        return cls(db_path)

    def article(self, article_id: str, published_at: datetime | None, publisher: str) -> str:
        row = {"article_id": article_id, "title": article_id, "publisher": publisher, "published_at": published_at,
               "body": "(hand-made test article)", "n_chars": 24, "is_relevant": True,
               "extractor_version": "test", "processed_at": datetime(2026, 1, 1)}
        with duckdb.connect(str(self.db_path)) as conn:
            insert_rows(conn, "core.articles", [row])
        return article_id

    def claim(self, article_id: str, country: str, status: str, claimed_by: str, evidence: str,
              lower: date | None = None, upper: date | None = None, accord: str = ABRAHAM,
              is_future: bool = False, ordinal: int | None = None) -> str:
        self._claims += 1
        claim_id = f"{article_id}#{self._claims}"
        row = {"claim_id": claim_id, "article_id": article_id, "sentence_idx": self._claims,
               "country_code": country, "accord": accord, "status": status, "claimed_by": claimed_by,
               "claimed_by_id": None, "date_edtf": None, "date_lower": lower, "date_upper": upper,
               "date_precision": None, "evidence": evidence, "start_char": 0, "end_char": len(evidence),
               "rule": "hand-made", "confidence": 0.9, "is_future": is_future, "ordinal": ordinal,
               "extractor_version": "test"}
        with duckdb.connect(str(self.db_path)) as conn:
            insert_rows(conn, "core.claims", [row])
        return claim_id

    def materialize(self) -> dg.ExecuteInProcessResult:
        """Run every resolve and analytics asset against this file, as Dagster would."""
        result = dg.materialize(
            [*resolve_assets, *analytics_assets],
            resources={"warehouse": WarehouseResource(db_path=str(self.db_path))},
        )
        assert result.success
        return result

    def rows(self, query: str, params: list | None = None) -> list[dict]:
        with duckdb.connect(str(self.db_path), read_only=True) as conn:
            relation = conn.execute(query, params or [])
            columns = [d[0] for d in relation.description]
            return [dict(zip(columns, row)) for row in relation.fetchall()]


def seed_warehouse(folder: Path) -> Warehouse:
    """The seed article's claims, written by hand from the article text (RBC-Ukraine, 2025-11-07)."""
    warehouse = Warehouse.create(folder, [ABRAHAM_REGISTRY])
    rbc = warehouse.article("rbc-2025-11-07", datetime(2025, 11, 7, 5, 8, 38), "RBC-Ukraine")
    # The announcement follows Witkoff's 6 November teaser and precedes publication.
    warehouse.claim(rbc, "KZ", "announced", "Donald Trump",
                    "US President Donald Trump announced that Kazakhstan has joined the Abraham Accords.",
                    date(2025, 11, 6), date(2025, 11, 7))
    # The quoted Truth Social post carries no date of its own.
    warehouse.claim(rbc, "KZ", "announced", "Donald Trump",
                    "Kazakhstan is the first country of my second term to join the Abraham Accords, the first of many.")
    warehouse.claim(rbc, "KZ", "negotiating", "Government of Kazakhstan",
                    "The Kazakh government stated that the country's accession is in the final stages of negotiations.",
                    date(2025, 11, 6), date(2025, 11, 7))
    background = ("The United Arab Emirates was the first to sign the accords with Israel in 2020, "
                  "followed by Bahrain, Sudan, and Morocco.")
    warehouse.claim(rbc, "AE", "signed", "article", background, date(2020, 1, 1), date(2020, 12, 31), ordinal=1)
    # 'followed by' has no date of its own: bounded by 2020 and the 2020-2021 period of the background.
    for country in ("BH", "SD", "MA"):
        warehouse.claim(rbc, country, "signed", "article", background, date(2020, 1, 1), date(2021, 12, 31))
    return warehouse
