"""Rendering failed expectations as a table: plain text for the CLI, Markdown for Dagster."""

from __future__ import annotations

import json
from collections.abc import Iterable

from pipelines.quality.outcomes import SuiteOutcome

HEADERS = ("asset", "severity", "expectation", "column", "unexpected", "sample")
MAX_CELL = 70


def _cell(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    text = text.replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 3] + "..."


def failure_rows(suite_outcomes: Iterable[SuiteOutcome]) -> list[tuple[str, ...]]:
    """One row per failed expectation, ERRORs first."""
    rows = []
    for suite in suite_outcomes:
        for o in suite.failures:
            sample = o.unexpected_sample if o.unexpected_sample else o.observed_value
            unexpected = "" if o.unexpected_count is None else str(o.unexpected_count)
            rows.append((suite.spec.asset_key, o.severity, o.expectation_type, o.column or "", unexpected, _cell(sample)))
    return sorted(rows, key=lambda r: (r[1] != "ERROR", r[0], r[2]))


def text_table(rows: list[tuple[str, ...]]) -> str:
    """A fixed-width table with a header line."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(HEADERS)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(HEADERS, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def markdown_table(rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
    return "\n".join(lines)
