"""Loading the text stages' models ahead of time, for a run whose few new articles are cleaned and
analysed in the run's own process (:mod:`pipelines.parallel`: fewer than ``MIN_ITEMS_FOR_WORKERS``).

The clean and extraction steps of such a run would each first load what they need: py3langid's
model, spaCy and the gazetteer's matchers, the claim and date vocabularies (~1-1.5 CPU-s in all,
most of a 10-article run's text work). The ingest, once it knows how few articles came, starts a
thread that loads them by cleaning and analysing one short sample text, while the run's process
mostly waits for GX in the raw checks (their GX runs in the worker process). The clean and
extraction steps wait for that thread before they use the stages, so the loaders never run twice at
once. A large run (workers load the models themselves) starts no thread.
"""

from __future__ import annotations

import threading
from datetime import datetime

# Not a rule of any stage: a text that goes through every stage (a relevant article with a country,
# an accord, a date, a speaker and a claim), so that each loads its models.
SAMPLE_TITLE = "Warm-up sample"
SAMPLE_BODY = (
    "Morocco signed the Abraham Accords on 10 December 2020, the foreign ministry said in Rabat.\n\n"
    "The United States welcomed the decision, a spokesperson for the State Department told reporters."
)

_LOCK = threading.Lock()
_THREAD: threading.Thread | None = None


def start_text_warm_up() -> threading.Thread:
    """Start loading the text stages on a daemon thread (once per process; later calls return it)."""
    global _THREAD
    with _LOCK:
        if _THREAD is None:
            _THREAD = threading.Thread(target=_warm_up_quietly, name="accordwatch-text-warm-up", daemon=True)
            _THREAD.start()
        return _THREAD


def wait_for_text_warm_up() -> None:
    """Return when a started warm-up is done (at once if none was started)."""
    thread = _THREAD
    if thread is not None:
        thread.join()


def warm_up_text_stages() -> None:
    """Clean and analyse the sample text: every stage loads its models and dictionaries."""
    from pipelines.extract.model import ArticleText
    from pipelines.extract.pipeline import analyze_article
    from pipelines.ingest.prepare import prepare_article

    raw = {"article_id": "warm-up", "body_raw": SAMPLE_BODY, "title": SAMPLE_TITLE, "language": None}
    prepared = prepare_article(raw, datetime(2020, 12, 11))
    article = prepared.article
    analyze_article(ArticleText(article["article_id"], article["body"], tuple(prepared.sentences),
                                article["published_at"], article["title"], article["language"]))


def _warm_up_quietly() -> None:
    try:
        warm_up_text_stages()
    except Exception:  # noqa: BLE001 - the step that uses the stage raises it again, in its own step
        pass
