"""Build an ``ArticleText`` from plain text: for labelled test articles, the evaluation script and
ad-hoc use. Paragraphs are separated by line breaks; sentences end at . ! ? (with an optional
closing quote) before an upper-case letter or an opening quote, except after common abbreviations.
A short line without final punctuation is a heading. The ingest stage has its own splitter for
real articles; this one is deliberately simple and deterministic.
"""

from __future__ import annotations

import re
from datetime import datetime

from pipelines.extract.model import ArticleText, SentenceText

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "u.s", "u.n", "u.k", "no", "jan",
                  "feb", "aug", "sept", "oct", "nov", "dec", "prof", "jr", "sr", "vs", "e.g", "i.e", "inc", "co", "corp"}
_BOUNDARY = re.compile(r"[.!?]+[\"'”’]?(?=\s+[\"“'‘(]?[A-Z0-9])")


def _split_paragraph(text: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start:m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if m.group().startswith(".") and (last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
            continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(offset + s, offset + e) for s, e in spans]


def _quote_mask(body: str) -> list[bool]:
    """True for characters inside quotation marks; a quote left open at a paragraph end continues
    only when the next paragraph opens with a quote mark (the multi-paragraph convention)."""
    mask = [False] * len(body)
    inside = False
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\n" and inside:
            j = i
            while j < len(body) and body[j].isspace():
                j += 1
            if j < len(body) and body[j] in "\"“" and "\n" in body[i:j + 1]:
                i = j + 1  # the paragraph re-opens the same quote
                continue
            if "\n" in body[i:j + 1]:
                inside = False
        if ch == "“" or (ch == '"' and not inside):
            inside = True
        elif ch == "”" or (ch == '"' and inside):
            mask[i] = True
            inside = False
            i += 1
            continue
        mask[i] = inside
        i += 1
    return mask


def article_from_text(
    body: str, article_id: str = "article", published_at: datetime | None = None, title: str | None = None
) -> ArticleText:
    """Split ``body`` into paragraphs and sentences and wrap it as an ``ArticleText``."""
    mask = _quote_mask(body)
    sentences: list[SentenceText] = []
    paragraph_idx = 0
    for m in re.finditer(r"[^\n]+", body):
        line = m.group()
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        is_heading = len(line.split()) <= 8 and not line.rstrip().endswith((".", "!", "?", '"', "”", ":"))
        for s, e in _split_paragraph(line.strip(), m.start() + lead):
            text = body[s:e]
            in_quote = sum(mask[s:e]) > (e - s) / 2
            sentences.append(SentenceText(len(sentences), paragraph_idx, s, e, text, is_heading, in_quote))
        paragraph_idx += 1
    return ArticleText(article_id=article_id, body=body, sentences=tuple(sentences), published_at=published_at,
                       title=title, language="en")
