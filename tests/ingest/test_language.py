"""Language identification of article text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.ingest.language import detect_language

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakhstan has joined the Abraham Accords, the US president said on Thursday.", "en"),
        ("Президент США Дональд Трамп объявил, что Казахстан присоединился к Соглашениям Авраама.", "ru"),
        ("Президент США Дональд Трамп оголосив, що Казахстан приєднався до Угод Авраама.", "uk"),
        ("أعلن الرئيس الأمريكي دونالد ترامب أن كازاخستان انضمت إلى اتفاقيات أبراهام.", "ar"),
        ("Le Maroc a accepté de normaliser ses relations avec Israël, a annoncé la Maison Blanche.", "fr"),
    ],
)
def test_detects_the_language(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "Hi there", "2020-09-15 12:00", "ua en ru"])
def test_too_little_text_gives_none(text):
    assert detect_language(text) is None


def test_importing_the_ingest_modules_loads_no_model():
    """The language model and trafilatura are loaded on first use, not at import."""
    code = (
        "import sys, pipelines.ingest.language, pipelines.ingest.readers, pipelines.ingest.cleaning, "
        "pipelines.ingest.sentences, pipelines.ingest.published_date; "
        "print(sorted(m for m in ('py3langid', 'trafilatura', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout.strip() == "[]"
