"""Plain records of what a validation found: one per expectation, grouped per suite.

GX expectations and SQL checks both end up as :class:`ExpectationOutcome`, so the Dagster
check, the CLI and ``quality.validation_results`` treat them alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipelines.quality.suites import ERROR, WARN, SuiteSpec

SAMPLE_SIZE = 10


@dataclass(frozen=True)
class ExpectationOutcome:
    """The result of one expectation (GX) or one SQL check on one table in one run.

    expectation_type: the GX type (``expect_column_values_to_be_unique``) or ``sql:<name>``.
    kwargs: the expectation's kwargs (value sets abbreviated) or the SQL check's parameters.
    severity: ``ERROR`` or ``WARN`` (already capped by the suite).
    observed_value: GX's observed value, or a short message (exception text, "skipped: ...").
    unexpected_sample: up to :data:`SAMPLE_SIZE` offending values / rows (JSON-able).
    """

    expectation_type: str
    kwargs: dict[str, Any]
    severity: str
    success: bool
    observed_value: Any = None
    unexpected_count: int | None = None
    unexpected_sample: list[Any] = field(default_factory=list)

    @property
    def column(self) -> str | None:
        kw = self.kwargs
        return kw.get("column") or (",".join(kw["column_list"]) if "column_list" in kw else None) or (
            f"{kw['column_A']},{kw['column_B']}" if "column_A" in kw else None
        )

    def as_failure(self) -> dict[str, Any]:
        """A compact description for Dagster metadata and the CLI table."""
        return {
            "expectation": self.expectation_type,
            "column": self.column,
            "severity": self.severity,
            "unexpected_count": self.unexpected_count,
            "unexpected_sample": self.unexpected_sample,
            "observed_value": self.observed_value,
        }


@dataclass
class SuiteOutcome:
    """Every expectation outcome of one suite in one run."""

    spec: SuiteSpec
    run_id: str
    row_count: int | None  # rows in the whole table
    outcomes: list[ExpectationOutcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # expectations that could not be evaluated
    scope: Any = None  # the pipelines.quality.scope.RowScope GX read (None if the table was unreadable)

    @property
    def failures(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success]

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def severity(self) -> str:
        """ERROR if any failed expectation is ERROR, else WARN (also WARN when all passed)."""
        return ERROR if any(o.severity == ERROR for o in self.failures) else WARN

    @property
    def has_error(self) -> bool:
        return not self.passed and self.severity == ERROR

    def metadata(self) -> dict[str, Any]:
        """Plain metadata (the Dagster check wraps the values in MetadataValue)."""
        return {
            "suite": self.spec.asset_key,
            "run_id": self.run_id,
            "row_count": self.row_count,
            "expectations_evaluated": len(self.outcomes),
            "expectations_failed": len(self.failures),
            "errors_failed": sum(1 for o in self.failures if o.severity == ERROR),
            "warnings_failed": sum(1 for o in self.failures if o.severity == WARN),
            "failures": [o.as_failure() for o in self.failures],
            "skipped": list(self.skipped),
            "row_scope": None if self.scope is None else self.scope.metadata(),
        }
