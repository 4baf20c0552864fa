"""Where the project's files live. Paths only: nothing is read here."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
WAREHOUSE_DIR = REPO_ROOT / "warehouse"
DICTIONARIES_DIR = Path(os.environ.get("ACCORDWATCH_DICTIONARIES", WAREHOUSE_DIR / "dictionaries"))
SQL_DIR = WAREHOUSE_DIR / "sql"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"
SAMPLE_DIR = Path(__file__).resolve().parent / "sample"
DEFAULT_DB_PATH = WAREHOUSE_DIR / "accordwatch.duckdb"
DEFAULT_INBOX_DIR = REPO_ROOT / "data" / "inbox"
# The variables naming the warehouse file and the source folder (read by pipelines.settings and the CLI).
DB_ENV = "ACCORDWATCH_DB"
SOURCE_ENV = "ACCORDWATCH_SOURCE_DIR"


def read_only_snapshot_path(db_path: str | Path) -> Path:
    """The analysts' copy of a warehouse file: ``x.duckdb`` -> ``x.read.duckdb``."""
    path = Path(db_path)
    return path.with_name(path.stem + ".read" + path.suffix)
