"""Language identification of article text with py3langid (offline, bundled model).

The model (about 2 MB compressed) is loaded on the first call, never at import time.
"""

from __future__ import annotations

import functools
import re

# Below this many letters the classifier guesses; below this probability it is unsure.
MIN_LETTERS = 20
MIN_PROBABILITY = 0.5
# Enough text to decide; classifying a whole long article only costs time.
MAX_CHARS = 1500

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@functools.lru_cache(maxsize=1)
def _identifier():
    """Load py3langid's model once, with probabilities normalized to 0..1."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or ``None`` when unsure.

    ``None`` for empty or very short text (fewer than ``MIN_LETTERS`` letters) and when the
    best language has a probability below ``MIN_PROBABILITY``.
    """
    if not text:
        return None
    sample = text[:MAX_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    if probability < MIN_PROBABILITY:
        return None
    return language
