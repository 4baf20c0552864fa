"""Benchmark part 1: the pure text stages alone, in words per second on one core (CPU time).

Times, article by article on the same generated text: boilerplate cleaning, sentence splitting,
language detection, the relevance prefilter (together: what the clean stage does to every
article), then for relevant articles only entity extraction and the whole ``analyze_article``
(entities + dates + claims). Next to it: spaCy's blank English tokenizer alone on the same cleaned
bodies, the floor any spaCy-based design pays. Words are whitespace-separated tokens of the input.

Every stage is timed on every article it applies to, and the figures are also combined as the
pipeline runs them, relevance first (``relevance_first_figures``): irrelevant articles pay cleaning,
language detection and the prefilter only.
"""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import datetime

from bench.corpus import build_article


def sample_texts(seed: int, n: int, relevant_share: float, offset: int = 10_000_000) -> list[tuple[str, str, datetime | None]]:
    """(title, raw body, published) of ``n`` generated articles (indexes far from the e2e corpora)."""
    out = []
    for index in range(offset, offset + n):
        article = build_article(seed, index, relevant_share)
        out.append((article.title, article.title + "\n\n" + "\n\n".join(article.paragraphs), article.published))
    return out


def _analyzer():
    """``analyze_article`` and ``extract_entities`` if the extract stage has landed (else None)."""
    try:
        from pipelines.extract.pipeline import analyze_article
    except ImportError:
        analyze_article = None
    try:
        from pipelines.extract.entities import extract_entities
    except ImportError:
        extract_entities = None
    return analyze_article, extract_entities


def measure_extraction(texts: list[tuple[str, str, datetime | None]], repeat: int = 1) -> dict:
    """Seconds per stage and words/s for the whole path and for the blank tokenizer."""
    from pipelines.extract.model import ArticleText
    from pipelines.extract.relevance import is_relevant_text
    from pipelines.extract.tokens import blank_nlp
    from pipelines.ingest.cleaning import clean_body
    from pipelines.ingest.language import detect_language
    from pipelines.ingest.sentences import split_sentences

    analyze_article, extract_entities = _analyzer()
    nlp = blank_nlp()
    # Warm every cache (dictionaries, automata, language model) outside the timings: the figures are
    # per-article throughput, as a worker runs after loading them once (end to end, part (2), includes
    # the loading). Rounds 1-4 did not warm the extraction stages: their first call loaded the claim,
    # date and accord dictionaries inside the timings (~0.1-0.15 CPU-s, ~6-10% of the mix's stages).
    warm = clean_body(texts[0][1], texts[0][0])
    warm_sentences = split_sentences(warm.body, warm.heading_spans)
    detect_language(warm.body)
    is_relevant_text(warm.body)
    nlp.make_doc(warm.body)
    warm_article = ArticleText("bench-warm-up", warm.body, tuple(warm_sentences), texts[0][2], texts[0][0], None)
    for stage in (extract_entities, analyze_article):
        if stage is not None:
            try:
                stage(warm_article)
            except Exception:  # noqa: BLE001 - reported by the timed calls below
                pass

    seconds: dict[str, float] = defaultdict(float)
    words = sum(len(raw.split()) for _, raw, _ in texts) * repeat
    relevant_words = 0
    n_relevant = n_claims = 0
    errors: dict[str, str] = {}
    # CPU time of this process: "words per second per core" and immune to other processes
    # competing for the two cores (wall time is also kept, for the record).
    clock = time.process_time
    wall_started = time.perf_counter()
    for _ in range(repeat):
        for i, (title, raw, published) in enumerate(texts):
            t0 = clock()
            cleaned = clean_body(raw, title)
            t1 = clock()
            sentences = split_sentences(cleaned.body, cleaned.heading_spans)
            t2 = clock()
            language = detect_language(cleaned.body)
            t3 = clock()
            relevant = is_relevant_text(cleaned.body) or is_relevant_text(title)
            t4 = clock()
            nlp.make_doc(cleaned.body)
            t5 = clock()
            seconds["clean"] += t1 - t0
            seconds["sentences"] += t2 - t1
            seconds["language"] += t3 - t2
            seconds["prefilter"] += t4 - t3
            seconds["blank_tokenizer"] += t5 - t4
            if not relevant:
                continue
            # The pipeline splits only relevant articles into sentences (relevance first).
            seconds["sentences_relevant"] += t2 - t1
            n_relevant += 1
            relevant_words += len(raw.split())
            article = ArticleText(f"bench-{i}", cleaned.body, tuple(sentences), published, title, language)
            if extract_entities is not None:
                t6 = clock()
                try:
                    extract_entities(article)
                except Exception as exc:  # a stage under construction must not stop the benchmark
                    errors.setdefault("entities", f"{type(exc).__name__}: {exc}")
                seconds["entities"] += clock() - t6
            if analyze_article is not None:
                t7 = clock()
                try:
                    analysis = analyze_article(article)
                    n_claims += len(getattr(analysis, "claims", []) or [])
                except Exception as exc:
                    errors.setdefault("analyze_article", f"{type(exc).__name__}: {exc}")
                seconds["analyze_article"] += clock() - t7
    pipeline_stages = ["clean", "sentences", "language", "prefilter"]
    pipeline_stages += ["analyze_article"] if analyze_article is not None else (["entities"] if extract_entities else [])
    total = sum(seconds[s] for s in pipeline_stages)
    result = {
        "clock": "process_time (CPU seconds of this process)",
        "wall_s_total": round(time.perf_counter() - wall_started, 2),
        "articles": len(texts) * repeat,
        "relevant_articles": n_relevant,
        "words": words,
        "relevant_words": relevant_words,
        "claims": n_claims,
        "seconds": {k: round(v, 4) for k, v in seconds.items()},
        "stages_timed": pipeline_stages,
        "extraction_words_per_s": words / total if total else None,
        "blank_tokenizer_words_per_s": words / seconds["blank_tokenizer"],
        "per_stage_words_per_s": {k: words / v for k, v in seconds.items() if v},
        "analyze_relevant_words_per_s": relevant_words / seconds["analyze_article"] if seconds.get("analyze_article") else None,
        "analyze_article_available": analyze_article is not None,
        "errors": errors,
    }
    result["ratio_to_blank_tokenizer"] = (
        result["extraction_words_per_s"] / result["blank_tokenizer_words_per_s"] if total else None
    )
    result.update(relevance_first_figures(seconds, words, result["blank_tokenizer_words_per_s"]))
    return result


def relevance_first_figures(seconds: dict[str, float], words: int, blank_words_per_s: float) -> dict:
    """Words/s over *all* words when the work is done as the pipeline does it, relevance first.

    ``extraction_stages``: what issue #7 calls the extraction stages (sentences, entities, claims)
    plus the prefilter that gates them: every article pays the prefilter, only relevant ones pay
    sentence splitting and ``analyze_article``. ``text_path``: the same plus cleaning and language
    detection, which every article pays because ``core.articles`` stores its cleaned body and
    language.
    """
    groups = {
        "extraction_stages": ("prefilter", "sentences_relevant", "analyze_article"),
        "text_path": ("clean", "language", "prefilter", "sentences_relevant", "analyze_article"),
    }
    out = {}
    for name, stages in groups.items():
        spent = sum(seconds.get(s, 0.0) for s in stages)
        rate = words / spent if spent else None
        out[f"{name}_relevance_first_words_per_s"] = rate
        out[f"{name}_relevance_first_ratio"] = rate / blank_words_per_s if rate and blank_words_per_s else None
    return out


def profile_extraction(texts, top: int = 25) -> str:
    """cProfile of the same path (clean, sentences, language, prefilter, analyze): the top functions
    by cumulative and by own time, as text."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    measure_extraction(texts)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()
