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


def _samples() -> list[str]:
    fixtures = REPO / "tests" / "fixtures"
    texts = [path.read_text(encoding="utf-8") for path in sorted(fixtures.rglob("*.txt"))]
    texts += [
        "Kazakhstan has joined the Abraham Accords, the US president said on Thursday.",
        "Президент США Дональд Трамп объявил, что Казахстан присоединился к Соглашениям Авраама.",
        "أعلن الرئيس الأمريكي دونالد ترامب أن كازاخستان انضمت إلى اتفاقيات أبراهام.",
        "協議は火曜日に署名された。中国和以色列签署了协议。",
        "x",
        "ab",
        "ЁЁЁЁ ẞ ſ K İ ı 😀 \u200b\ufeff",
        "SHOUTED HEADLINE IN CAPITALS ABOUT THE ACCORD",
    ]
    return texts


def test_array_feature_counts_equal_py3langids_walk():
    """The array walk counts every feature exactly as py3langid's byte-by-byte walk does."""
    from py3langid.langid import visit_counts

    from pipelines.ingest.language import _identifier

    identifier = _identifier()
    assert type(identifier).__name__ == "_VectorIdentifier"  # the fast path is the one in use
    for text in _samples():
        for sample in (text, text[:1500], text[:7]):
            data = identifier._encode(sample)
            expected = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data)
            assert identifier.feature_counts(data) == expected
            assert list(identifier.feature_counts(data) or {}) == list(expected or {})  # same first-seen order


def test_classification_equals_py3langids_own():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from pipelines.ingest.language import MAX_CHARS, _identifier

    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in _samples():
        assert _identifier().classify(text[:MAX_CHARS]) == plain.classify(text[:MAX_CHARS])


@pytest.mark.parametrize(
    ("text", "enough"),
    [
        ("a1 " * 19 + "b", True),  # exactly MIN_LETTERS letters between digits and spaces
        ("a1 " * 19, False),  # one letter short
        ("_1" * 40 + "é" * 20, True),
    ],
)
def test_the_letter_threshold_counts_letters_only(text, enough):
    from pipelines.ingest.language import _ENOUGH_LETTERS, _LETTER, MIN_LETTERS

    assert (_ENOUGH_LETTERS.match(text) is not None) is enough
    assert (len(_LETTER.findall(text)) >= MIN_LETTERS) is enough


def test_the_decompressed_model_is_cached_and_gives_py3langids_answers(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from pipelines.ingest.language import CACHE_DIR_ENV, MAX_CHARS, load_identifier

    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    first = load_identifier(LanguageIdentifier)  # decompresses and writes the cache
    [cached] = (tmp_path / "cache").iterdir()
    second = load_identifier(LanguageIdentifier)  # reads the cache
    cached.write_bytes(cached.read_bytes()[:1000])  # a truncated cache is decompressed again and rewritten
    third = load_identifier(LanguageIdentifier)
    assert cached.stat().st_size > 1000
    for text in _samples():
        expected = plain.classify(text[:MAX_CHARS])
        assert first.classify(text[:MAX_CHARS]) == second.classify(text[:MAX_CHARS]) == third.classify(text[:MAX_CHARS]) == expected
