"""Language identification of article text with py3langid (offline, bundled model).

The model (about 4.5 MB, LZMA-compressed) is loaded on the first call, never at import time.
Decompressing it costs ~0.6 CPU-s in every process that detects languages (the run's process on a
small run, each cleaning worker on a large one), so the decompressed arrays are cached once in
``$ACCORDWATCH_CACHE_DIR`` (default ``$XDG_CACHE_HOME/accordwatch``, else ``~/.cache/accordwatch``),
keyed by the model file's size and mtime; loading them takes ~0.05 s. Without a writable cache
folder the model is decompressed each time, as py3langid does.

py3langid counts its byte n-gram features by walking a finite automaton over the text one
byte at a time in Python. :class:`_VectorIdentifier` computes the same walk with a few
array operations instead (see :func:`_dfa_states`), so the counts, and thus the scores and
the answer, are exactly py3langid's at a fraction of the CPU.
"""

from __future__ import annotations

import functools
import io
import lzma
import os
import re
from pathlib import Path

# Below this many letters the classifier guesses; below this probability it is unsure.
MIN_LETTERS = 20
MIN_PROBABILITY = 0.5
# Enough text to decide; classifying a whole long article only costs time.
MAX_CHARS = 1500

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Matches at the start of a text with at least MIN_LETTERS letters (stops at the last one needed).
_ENOUGH_LETTERS = re.compile(rf"(?:[\W\d_]*[^\W\d_]){{{MIN_LETTERS}}}", re.UNICODE)


def _dfa_states(nextmove, rowbase, data):
    """The automaton's state after each byte of ``data``, as a sequential walk from state 0 gives.

    Let T_k[i] be the state reached by reading the k bytes ending at i from state 0 (fewer at
    the start of the text). T_{k+1}[i] = step(T_k[i-1], data[i]), so T_{k+1} is a fixed
    function of T_k; once it stops changing it stays fixed, and T_n is the sequential walk.
    Only positions after a change can change next round: a few rounds over few positions.
    (``nextmove``, ``rowbase`` and ``data`` are integer numpy arrays.)
    """
    import numpy as np

    n = len(data)
    states = nextmove[rowbase[0] + data]  # T_1
    changed = np.flatnonzero(states[:-1] != 0)  # positions where T_1 differs from T_0 (state 0)
    while changed.size:
        at = changed + 1
        new = nextmove[rowbase[states[changed]] + data[at]]
        moved = new != states[at]
        states[at[moved]] = new[moved]
        changed = at[moved]
        changed = changed[changed < n - 1]
    return states


def _identifier_class():
    import numpy as np
    from py3langid.langid import LanguageIdentifier, visit_counts

    class _VectorIdentifier(LanguageIdentifier):
        """py3langid's identifier with the feature counting done on arrays (same counts, same
        first-seen order, so the same floating-point scores)."""

        def _prepare_walk(self) -> None:
            typecode = {2: np.uint16, 4: np.uint32, 8: np.uint64}[self.tk_nextmove.itemsize]
            # a view of py3langid's own table (no copy: it holds about ten million entries)
            self._nextmove_np = np.frombuffer(self.tk_nextmove, dtype=typecode)
            self._rowbase_np = np.asarray(self._rowbase, dtype=np.intp)
            self._output_np = np.asarray(self.tk_output, dtype=np.intp)
            # The float16 table widened once (exactly: every float16 is a float32): numpy widened
            # the ~700 gathered rows on every call, most of the scoring time. +57 MB per process.
            self._nb_ptc32 = np.asarray(self.nb_ptc, dtype=np.float32)

        def _feature_arrays(self, data: bytes):
            """(features, counts) of ``data`` in first-seen order, as arrays; None if none."""
            if not data:
                return None
            states = _dfa_states(self._nextmove_np, self._rowbase_np, np.frombuffer(data, dtype=np.uint8).astype(np.intp))
            features = self._output_np[states]
            features = features[features >= 0]
            if not features.size:
                return None
            values, first, counts = np.unique(features, return_index=True, return_counts=True)
            order = np.argsort(first)
            return values[order], counts[order]

        def feature_counts(self, data: bytes) -> dict[int, int] | None:
            """``py3langid.langid.visit_counts`` for ``data``: {feature: count} in first-seen order."""
            arrays = self._feature_arrays(data)
            return dict(zip(arrays[0].tolist(), arrays[1].tolist())) if arrays is not None else None

        def _raw_score(self, text):
            arrays = self._feature_arrays(text)
            if arrays is None:
                return super()._raw_score(text)  # no feature at all: py3langid's fallback score
            # py3langid's _sparse_score on the same arrays (same dtypes, same order)
            features, counts = arrays
            return np.log1p(counts.astype(np.float32)) @ self._nb_ptc32[features] + self.nb_pc

        def walk_agrees(self, samples) -> bool:
            """Whether the array walk counts exactly as py3langid does on ``samples``."""
            for sample in samples:
                data = self._encode(sample)
                if self.feature_counts(data) != visit_counts(self.tk_nextmove, self._rowbase, self.tk_output, data):
                    return False
            return True

    return LanguageIdentifier, _VectorIdentifier


# Checked once at load: if a future py3langid walked its automaton differently, fall back to it.
_SELF_CHECK = (
    "The accord was signed in Washington on Tuesday, officials said.",
    "Соглашение подписано во вторник, сообщили официальные лица.",
    "وقّعت الاتفاقية يوم الثلاثاء",
    "协议于周二签署。",
    "a",
    "Ünïcödé ß ẞ ſ K İ ı",
)


CACHE_DIR_ENV = "ACCORDWATCH_CACHE_DIR"


def cache_dir() -> Path:
    """Where decompressed model files are kept between processes."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "accordwatch"


def _model_arrays(model_path: Path) -> dict:
    """The arrays of py3langid's ``.npz.xz`` model, from the decompressed copy in :func:`cache_dir`
    (written on first use, atomically; any failure to read or write it only costs the decompression)."""
    import numpy as np

    stat = model_path.stat()
    cached = cache_dir() / f"py3langid-{model_path.name}-{stat.st_size}-{stat.st_mtime_ns}.npz"
    try:
        with np.load(cached, allow_pickle=False) as data:
            return {name: data[name] for name in data.files}
    except Exception:  # noqa: BLE001 - absent, unreadable or truncated: decompress again
        pass
    raw = lzma.decompress(model_path.read_bytes())
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        staging = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        staging.write_bytes(raw)
        os.replace(staging, cached)
    except OSError:
        pass
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        return {name: data[name] for name in data.files}


def load_identifier(cls):
    """``cls.from_model_file(MODEL_FILE, norm_probs=True)`` (py3langid's bundled model) with the
    model's arrays read through :func:`_model_arrays`, converted as py3langid's loader converts them."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import _to_array

    arrays = _model_arrays(MODEL_DIR / MODEL_FILE)
    return cls(
        np.asarray(arrays["ptc"]), np.asarray(arrays["pc"]), arrays["classes"].tolist(),
        _to_array(arrays["nextmove"]), arrays["out_feat"].tolist(),
        norm_probs=True, tk_row=_to_array(arrays["nextmove_row"]),
    )


@functools.lru_cache(maxsize=1)
def _identifier():
    """Load py3langid's model once, with probabilities normalized to 0..1."""
    from py3langid.langid import MODEL_FILE

    plain, vector = _identifier_class()
    try:
        identifier = load_identifier(vector)
        identifier._prepare_walk()
        if identifier.walk_agrees(_SELF_CHECK):
            return identifier
    except (AttributeError, KeyError, TypeError, ValueError, ImportError, OSError):  # another py3langid layout
        pass
    return plain.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or ``None`` when unsure.

    ``None`` for empty or very short text (fewer than ``MIN_LETTERS`` letters) and when the
    best language has a probability below ``MIN_PROBABILITY``.
    """
    if not text:
        return None
    sample = text[:MAX_CHARS]
    if _ENOUGH_LETTERS.match(sample) is None:  # fewer than MIN_LETTERS letters
        return None
    language, probability = _identifier().classify(sample)
    if probability < MIN_PROBABILITY:
        return None
    return language
