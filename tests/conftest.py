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


@pytest.fixture(scope="session", autouse=True)
def cache_dir_of_the_session(tmp_path_factory):
    """Decompressed models go to a folder of the test session, not the user's ~/.cache (the workers
    the tests start inherit the variable)."""
    import os

    from pipelines.ingest.language import CACHE_DIR_ENV

    previous = os.environ.get(CACHE_DIR_ENV)
    os.environ[CACHE_DIR_ENV] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop(CACHE_DIR_ENV, None)
    else:
        os.environ[CACHE_DIR_ENV] = previous


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
