"""Resource settings: environment variables when set, the project's defaults otherwise."""

from __future__ import annotations

import os
from typing import Any

import dagster as dg

from pipelines.paths import DB_ENV, DEFAULT_DB_PATH, SAMPLE_DIR, SOURCE_ENV
from pipelines.resources import ArticleSourceResource, ComputeResource, GreatExpectationsResource, WarehouseResource

MAX_FILE_BYTES_ENV = "ACCORDWATCH_MAX_FILE_BYTES"
WORKERS_ENV = "ACCORDWATCH_WORKERS"
MEMORY_LIMIT_ENV = "ACCORDWATCH_DUCKDB_MEMORY_LIMIT"
STREAM_MEMORY_LIMIT_ENV = "ACCORDWATCH_STREAM_MEMORY_LIMIT"
ALL_SENTENCES_ENV = "ACCORDWATCH_SENTENCES_FOR_ALL_ARTICLES"
SHARE_CONNECTION_ENV = "ACCORDWATCH_SHARE_RUN_CONNECTION"
KEEP_SNAPSHOT_SPARE_ENV = "ACCORDWATCH_KEEP_SNAPSHOT_SPARE"
TRUE_WORDS = ("1", "true", "yes", "on")


def _env_or(name: str, default: str) -> str | dg.EnvVar:
    """An ``EnvVar`` (resolved when a run starts, shown as such in the UI) if the variable is set."""
    return dg.EnvVar(name) if os.environ.get(name) else default


def env_flag(name: str, default: bool = False) -> bool:
    """True when the variable is set to 1/true/yes/on (any case), false when set to anything else,
    ``default`` when unset or empty; Dagster has no boolean ``EnvVar``."""
    value = os.environ.get(name, "").strip().lower()
    return default if not value else value in TRUE_WORDS


def warehouse_settings() -> dict[str, Any]:
    """The warehouse resource's fields as this environment sets them."""
    return {
        "db_path": _env_or(DB_ENV, str(DEFAULT_DB_PATH)),
        "memory_limit": _env_or(MEMORY_LIMIT_ENV, "2GB"),
        "stream_memory_limit": _env_or(STREAM_MEMORY_LIMIT_ENV, "384MB"),
        "sentences_for_all_articles": env_flag(ALL_SENTENCES_ENV),
        "share_run_connection": env_flag(SHARE_CONNECTION_ENV, default=True),
        "keep_snapshot_spare": env_flag(KEEP_SNAPSHOT_SPARE_ENV, default=True),
    }


def source_settings() -> dict[str, Any]:
    """The article source resource's fields as this environment sets them."""
    return {
        "source_dir": _env_or(SOURCE_ENV, str(SAMPLE_DIR)),
        "max_file_bytes": dg.EnvVar.int(MAX_FILE_BYTES_ENV) if os.environ.get(MAX_FILE_BYTES_ENV) else 5_000_000,
    }


def build_resources() -> dict[str, dg.ConfigurableResource]:
    return {
        "warehouse": WarehouseResource(**warehouse_settings()),
        "source": ArticleSourceResource(**source_settings()),
        "compute": ComputeResource(workers=dg.EnvVar.int(WORKERS_ENV) if os.environ.get(WORKERS_ENV) else 0),
        "gx": GreatExpectationsResource(),
    }


def _as_run_config(settings: dict[str, Any]) -> dict[str, Any]:
    # dg.EnvVar and dg.EnvVar.int(...) (a str and an int subclass) both carry the variable's name
    return {name: {"env": value.env_var_name} if hasattr(value, "env_var_name") else value
            for name, value in settings.items()}


def resources_run_config(db_path: str | None = None, source_dir: str | None = None) -> dict[str, Any]:
    """Run config pointing the warehouse and/or source resources at other paths, every other field
    as this environment sets it.

    Run config that names a resource replaces its whole configuration: a field it leaves out falls
    back to the class default, not to the value the code location was built with (so a run config
    of ``db_path`` alone would silently drop ``ACCORDWATCH_DUCKDB_MEMORY_LIMIT`` and the other
    settings). Hence every field is spelled out, environment variables as ``{"env": NAME}``."""
    resources: dict[str, Any] = {}
    if db_path is not None:
        resources["warehouse"] = {"config": {**_as_run_config(warehouse_settings()), "db_path": db_path}}
    if source_dir is not None:
        resources["source"] = {"config": {**_as_run_config(source_settings()), "source_dir": source_dir}}
    return resources
