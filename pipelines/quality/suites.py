"""Which table each expectation suite guards, how hard it guards it, and loading the suite files.

One GX 1.x suite per table lives in ``expectations/<schema>.<table>.json`` (the file is the source
of truth and is written in the ``ExpectationSuite.to_json_dict()`` format).

Severity design
---------------
Severity is set per expectation with GX's own ``severity`` field: ``"critical"`` (the default)
maps to Dagster ``ERROR``; ``"warning"`` and ``"info"`` map to ``WARN``. A suite's
:attr:`SuiteSpec.severity` is a *cap*: a ``WARN`` suite (the analytics views) never reports
``ERROR`` whatever its expectations say. A check's severity is ``ERROR`` when at least one failed
expectation is ERROR after capping, else ``WARN``. So ``published_at`` being present is a
``"warning"`` expectation inside the blocking ``core.articles`` suite: it shows as a warning and
never blocks the views.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipelines.paths import EXPECTATIONS_DIR

ERROR = "ERROR"
WARN = "WARN"

# GX FailureSeverity value -> our severity.
GX_SEVERITY_TO_OURS = {"critical": ERROR, "warning": WARN, "info": WARN}


@dataclass(frozen=True)
class SuiteSpec:
    """One suite guarding one table (or view) of the warehouse.

    asset_key: dotted Dagster asset key, also the suite name (``core.claims``).
    table: the DuckDB relation read into the batch: the asset's own, or the same rows without a
        view's ORDER BY (the asset's relation must still exist, see ``read_scope``).
    suite_file: the JSON suite.
    blocking: a failed ERROR check stops downstream assets in the same run.
    severity: the highest severity this suite may report (``ERROR`` or ``WARN``).
    key_columns: columns identifying a row; failing rows are reported by these keys.
    """

    asset_key: str
    table: str
    suite_file: Path
    blocking: bool
    severity: str
    key_columns: tuple[str, ...] = ()

    @property
    def asset_key_path(self) -> list[str]:
        return self.asset_key.split(".")


def _spec(
    asset_key: str, blocking: bool, severity: str, key_columns: tuple[str, ...], table: str | None = None
) -> SuiteSpec:
    return SuiteSpec(
        asset_key=asset_key,
        table=table or asset_key,
        suite_file=EXPECTATIONS_DIR / f"{asset_key}.json",
        blocking=blocking,
        severity=severity,
        key_columns=key_columns,
    )


SUITE_SPECS: tuple[SuiteSpec, ...] = (
    _spec("raw.articles", True, ERROR, ("article_id",)),
    _spec("raw.source_files", False, ERROR, ("path", "file_sha256", "record_idx")),
    _spec("raw.ingest_errors", False, ERROR, ("path",)),
    _spec("core.articles", True, ERROR, ("article_id",)),
    _spec("core.sentences", True, ERROR, ("article_id", "sentence_idx")),
    _spec("core.stage_log", False, ERROR, ("article_id", "stage")),
    _spec("core.entities", True, ERROR, ("entity_id",)),
    _spec("core.mentions", True, ERROR, ("article_id", "start_char", "end_char")),
    _spec("core.person_roles", False, ERROR, ("article_id", "person_id")),
    _spec("core.dates", False, ERROR, ("article_id", "start_char", "end_char")),
    _spec("core.claims", True, ERROR, ("claim_id",)),
    _spec("core.membership_events", True, ERROR, ("event_id",)),
    _spec("analytics.membership_timeline", False, WARN, ()),
    _spec("analytics.membership_growth", False, WARN, ("accord", "month")),
    # the view's rows without its presentation order (warehouse/sql/analytics/claim_conflicts.sql)
    _spec("analytics.claim_conflicts", False, WARN, (), table="analytics._claim_conflict_rows"),
)


def spec_for(asset_key: str) -> SuiteSpec:
    """The spec of one dotted asset key (KeyError with the known keys otherwise)."""
    for spec in SUITE_SPECS:
        if spec.asset_key == asset_key:
            return spec
    raise KeyError(f"no suite for {asset_key!r}; known: {[s.asset_key for s in SUITE_SPECS]}")


@lru_cache(maxsize=None)
def _load_suite_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_suite_dict(spec: SuiteSpec) -> dict[str, Any]:
    """The suite file as a dict (a fresh copy each call), checked for the basics GX won't check.

    Raises ValueError naming the file if the name does not match the asset key or the file has no
    expectations list.
    """
    data = json.loads(_load_suite_text(spec.suite_file))
    if data.get("name") != spec.asset_key:
        raise ValueError(f"{spec.suite_file}: suite name {data.get('name')!r} must be {spec.asset_key!r}")
    if not isinstance(data.get("expectations"), list):
        raise ValueError(f"{spec.suite_file}: 'expectations' must be a list")
    for i, exp in enumerate(data["expectations"]):
        if not isinstance(exp, dict) or "type" not in exp or "kwargs" not in exp:
            raise ValueError(f"{spec.suite_file}: expectation #{i} needs 'type' and 'kwargs'")
        severity = exp.get("severity", "critical")
        if severity not in GX_SEVERITY_TO_OURS:
            raise ValueError(f"{spec.suite_file}: expectation #{i} has unknown severity {severity!r}")
    return data


def effective_severity(spec: SuiteSpec, gx_severity: str | None) -> str:
    """Our severity of one expectation in one suite: its own, capped by the suite's."""
    ours = GX_SEVERITY_TO_OURS.get(gx_severity or "critical", ERROR)
    return WARN if spec.severity == WARN else ours
