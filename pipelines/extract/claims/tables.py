"""Text tables: a header row whose columns name a step ("Country | Announced | Signed | Status") and one row
per country, cells separated by "|" or tabs. Pure helpers; the claim extractor emits the claims."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.ingest.sentences import trim_span

_SEPARATOR = re.compile(r"[ \t]*\|[ \t]*|\t+")
# a cell that says the step has not happened ("-", "pending", "n/a")
_EMPTY_CELL = re.compile(r"\s*(?:[-–—]+|n/?a|none|no|not yet|pending|tbd|tba|\?)?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class TableHeader:
    n_cells: int
    columns: dict[int, tuple[str, str]]  # cell index -> (status or "joined", the header as written)
    status_column: int | None = None  # a "Status" column: its cells' words give the status


def cell_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a table line, stripped of spaces (one span when the line has no
    separator)."""
    spans, start = [], 0
    for m in _SEPARATOR.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [trim_span(text, s, e) for s, e in spans]


def table_header(text: str, columns: dict[str, str], status_columns: frozenset[str] = frozenset()) -> TableHeader | None:
    """The header of a table when ``text`` is one: two cells or more, at least one naming a step or a status."""
    if "|" not in text and "\t" not in text:
        return None
    spans = cell_spans(text)
    if len(spans) < 2:
        return None
    found, status_column = {}, None
    for i, (s, e) in enumerate(spans[1:], start=1):
        header = " ".join(text[s:e].lower().split())
        if header in columns:
            found[i] = (columns[header], text[s:e])
        elif header in status_columns and status_column is None:
            status_column = i
    return TableHeader(len(spans), found, status_column) if found or status_column is not None else None


def row_spans(text: str, header: TableHeader) -> list[tuple[int, int]] | None:
    """The cells of a row of ``header``'s table, or None when ``text`` is not one (another cell count)."""
    if "|" not in text and "\t" not in text:
        return None
    spans = cell_spans(text)
    return spans if len(spans) == header.n_cells else None


def is_empty_cell(text: str) -> bool:
    return _EMPTY_CELL.fullmatch(text) is not None
