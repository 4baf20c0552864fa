"""Shared fixtures: the seed article, its gold annotation, and warehouses built by real Dagster runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.paths import SAMPLE_DIR

FIXTURES = Path(__file__).parent / "fixtures"
SEED_NAME = "rbc-ukraine-2025-11-07-kazakhstan-abraham-accords.txt"


@pytest.fixture(scope="session")
def gold() -> dict:
    """The hand-made reference annotation of the seed article (copied from ../shared/seed/)."""
    return json.loads((FIXTURES / "seed.gold.json").read_text(encoding="utf-8"))


def copy_seed(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in SAMPLE_DIR.iterdir():
        shutil.copy(path, folder / path.name)
    return folder / SEED_NAME


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory) -> Path:
    """A warehouse built from the bundled seed article by one full in-process run of every asset."""
    from pipelines.cli import run_pipeline

    root = tmp_path_factory.mktemp("seed_warehouse")
    source = root / "articles"
    copy_seed(source)
    db_path = root / "accordwatch.duckdb"
    assert run_pipeline(str(source), str(db_path), quiet=True)
    return db_path


@pytest.fixture
def seed_conn(seed_warehouse):
    conn = duckdb.connect(str(seed_warehouse), read_only=True)
    yield conn
    conn.close()
