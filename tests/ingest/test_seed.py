"""The bundled seed article through every ingestion function, checked against its gold file."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from pipelines.ingest.cleaning import clean_body
from pipelines.ingest.language import detect_language
from pipelines.ingest.published_date import parse_published_at, resolve_published_at
from pipelines.ingest.readers import article_id_for, list_source_files, read_source_file
from pipelines.ingest.sentences import split_sentences

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "pipelines" / "sample" / "rbc-ukraine-2025-11-07-kazakhstan-abraham-accords.txt"
SHARED_SEED = REPO.parent / "shared" / "seed"
GOLD_NAME = "rbc-ukraine-2025-11-07-kazakhstan-abraham-accords.gold.json"
GOLD_PATH = REPO / "tests" / "fixtures" / "seed.gold.json"  # a copy of ../shared/seed/<GOLD_NAME>


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))["article"]


@pytest.fixture(scope="module")
def record():
    result = read_source_file(SAMPLE)
    assert result.errors == []
    assert len(result.records) == 1
    return result.records[0]


@pytest.fixture(scope="module")
def cleaned(record):
    return clean_body(record.body_raw, record.meta["title"])


def test_bundled_sample_is_the_seed_article_unchanged():
    assert list_source_files(SAMPLE.parent) == [SAMPLE]  # the sidecar is not a source
    if not SHARED_SEED.is_dir():
        pytest.skip("../shared/seed is not beside this checkout")
    assert SAMPLE.read_bytes() == (SHARED_SEED / SAMPLE.name).read_bytes()
    assert GOLD_PATH.read_bytes() == (SHARED_SEED / GOLD_NAME).read_bytes()


def test_sidecar_metadata(record, gold):
    assert record.source_format == "txt"
    assert record.record_idx == 0
    assert record.meta["url"] == gold["url"]
    assert record.meta["publisher"] == gold["publisher"]
    assert parse_published_at(record.meta["published_at"]) == datetime(2025, 11, 7, 5, 8, 38)


def test_published_at_from_sidecar_and_from_url_alone(record, gold):
    expected = datetime.fromisoformat(gold["published_at"].replace("Z", "+00:00")).replace(tzinfo=None)
    assert resolve_published_at(record.meta["published_at"], None, record.meta["url"]) == (expected, "metadata")
    assert resolve_published_at(None, None, gold["url"]) == (expected, "url-unix-timestamp")


def test_title_author_and_caption(cleaned, gold):
    assert cleaned.title == gold["title"]
    assert cleaned.author == gold["author"]
    assert cleaned.photo_caption == gold["photo_caption"]


def test_boilerplate_lines_are_gone(cleaned, gold):
    assert "ua en ru" in cleaned.removed_lines
    assert "Author: Oleh Velhan" in cleaned.removed_lines
    assert cleaned.body.startswith("US President Donald Trump announced that Kazakhstan has joined")
    for noise in ("ua en ru", "Author:", "Photo:", "Getty Images", gold["title"]):
        assert noise not in cleaned.body
    assert cleaned.body.endswith("teased the announcement of another country joining the Abraham Accords.")


def test_headings_are_kept_and_marked(cleaned):
    headings = [cleaned.body[start:end] for start, end in cleaned.heading_spans]
    assert headings == ["What Kazakhstan says", "Background on Abraham Accords"]


def test_language_is_english(cleaned, gold):
    assert detect_language(cleaned.body) == gold["language"]


def test_sentences(cleaned):
    sentences = split_sentences(cleaned.body, cleaned.heading_spans)
    texts = [s.text for s in sentences]
    for sentence in sentences:
        assert cleaned.body[sentence.start_char : sentence.end_char] == sentence.text
    assert texts[0] == "US President Donald Trump announced that Kazakhstan has joined the Abraham Accords."
    assert "The Kazakh government stated that the country's accession is in the final stages of negotiations." in texts
    assert (
        "The United Arab Emirates was the first to sign the accords with Israel in 2020, followed by Bahrain, "
        "Sudan, and Morocco." in texts
    )
    headings = [s.text for s in sentences if s.is_heading]
    assert headings == ["What Kazakhstan says", "Background on Abraham Accords"]
    quoted = [s.text for s in sentences if s.in_quote]
    assert quoted == [
        '"Kazakhstan is the first country of my second term to join the Abraham Accords, the first of many.',
        "This is a major step forward in building bridges across the world, and there are many more countries "
        'trying to join this club of strength," the US president wrote.',
    ]
    # 13 paragraphs: 11 of text and 2 headings.
    assert sentences[-1].paragraph_idx == 12
    assert [s.sentence_idx for s in sentences] == list(range(len(sentences)))


def test_article_id_ignores_whitespace_differences(record):
    reformatted = record.body_raw.replace("\n", "\r\n").replace(" ", "  ") + "\n\n\n"
    assert article_id_for(reformatted) == article_id_for(record.body_raw)
    assert len(article_id_for(record.body_raw)) == 32
    assert article_id_for(record.body_raw + " Extra.") != article_id_for(record.body_raw)
