"""Helpers for the entity tests: build ArticleText from plain text, load the seed article.

When the ingestion stage's ``clean_body``/``split_sentences`` exist they are used for the seed,
so the seed test runs on the same cleaned body the pipeline stores; otherwise a simple
paragraph/sentence splitter stands in (dropping the boilerplate lines the gold file lists).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from pipelines.extract.model import ArticleText, SentenceText

REPO = Path(__file__).resolve().parents[2]
SEED_DIR = REPO.parent / "shared" / "seed"
# The bundled sample is byte-identical to ../shared/seed (tests/ingest/test_seed.py checks it).
SEED_TXT = REPO / "pipelines" / "sample" / "rbc-ukraine-2025-11-07-kazakhstan-abraham-accords.txt"
GOLD_CANDIDATES = (REPO / "tests" / "fixtures" / "seed.gold.json", SEED_DIR / SEED_TXT.name.replace(".txt", ".gold.json"))

@contextmanager
def edited_dictionaries(tmp_path: Path, monkeypatch, name: str, edit: Callable[[str], str]) -> Iterator[None]:
    """A copy of the dictionaries folder with file ``name`` rewritten by ``edit``, in force (through
    ``ACCORDWATCH_DICTIONARIES``, caches cleared) inside the block, and the real folder after it."""
    from pipelines.extract import gazetteer

    folder = tmp_path / "dicts"
    shutil.copytree(gazetteer.dictionaries_dir(), folder)
    path = folder / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setenv("ACCORDWATCH_DICTIONARIES", str(folder))
    gazetteer.clear_caches()
    try:
        yield
    finally:
        monkeypatch.delenv("ACCORDWATCH_DICTIONARIES")
        gazetteer.clear_caches()


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”]?\s+(?=[\"“A-Z])")


def simple_sentences(body: str) -> tuple[SentenceText, ...]:
    """Split on blank lines (paragraphs) and sentence-final punctuation; offsets index ``body``."""
    out: list[SentenceText] = []
    para_idx = 0
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", body):
        start = para.start()
        text = para.group()
        cuts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
        for a, b in zip(cuts, cuts[1:]):
            chunk = text[a:b].rstrip()
            if chunk:
                heading = not chunk.endswith((".", "!", "?", '"', "”")) and len(chunk.split()) < 9
                out.append(SentenceText(len(out), para_idx, start + a, start + a + len(chunk), chunk, heading))
        para_idx += 1
    return tuple(out)


def make_article(body: str, published: str | None = "2025-11-07T05:08:38", article_id: str = "t1") -> ArticleText:
    """An ArticleText over ``body`` with simple sentences and an optional publication time."""
    when = datetime.fromisoformat(published) if published else None
    return ArticleText(article_id, body, simple_sentences(body), when, None, "en")


def gold() -> dict:
    """The seed's gold annotation (project copy first, then ../shared)."""
    for path in GOLD_CANDIDATES:
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    raise FileNotFoundError("seed gold file not found")


def seed_article() -> ArticleText:
    """The seed article as the pipeline sees it: cleaned body, sentences, publication time."""
    raw = SEED_TXT.read_text(encoding="utf-8")
    published = "2025-11-07T05:08:38"
    try:
        from pipelines.ingest.cleaning import clean_body
        from pipelines.ingest.sentences import split_sentences
    except ImportError:
        clean_body = split_sentences = None
    if clean_body is not None and split_sentences is not None:
        cleaned = clean_body(raw, gold()["article"]["title"])
        sentences = tuple(split_sentences(cleaned.body, cleaned.heading_spans))
        return ArticleText("seed", cleaned.body, sentences, datetime.fromisoformat(published), None, "en")
    # Fallback: drop the boilerplate lines the gold file lists (switcher, title + caption, author).
    lines = raw.splitlines()
    title = gold()["article"]["title"]
    kept = [
        line
        for line in lines
        if line.strip() not in ("ua en ru", title) and not line.startswith(("Author:", title + " Photo:"))
    ]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return make_article(body, published, "seed")
