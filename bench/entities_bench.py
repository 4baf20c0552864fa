"""Benchmark (not a test): words per second of the entity stage vs spaCy's blank tokenizer.

Generates a deterministic corpus of news-like articles: about one sentence in three carries
entities (country names, demonyms, capitals, titles, people, organizations), the others are
prose over a large generated vocabulary, so the tokenizer's cache is not unrealistically warm
(the seed article has about one country mention per 15 words; so does this corpus). It times, on the same texts,
``spacy.blank("en").make_doc`` alone and ``extract_entities`` (which tokenizes once itself).
Target: the entity stage runs at least half as fast as the tokenizer alone.

Two corpora: "normal" (above) and "dense" (the end-to-end generator's news, bench/corpus.py,
where nearly every sentence names a country, a person or a date).

    .venv/bin/python bench/entities_bench.py [--articles 400] [--seed 7] [--corpus normal|dense|both]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime
from pathlib import Path

from pipelines.extract.entities import extract_entities
from pipelines.extract.model import ArticleText, SentenceText
from pipelines.extract.tokens import blank_nlp

TEMPLATES = (
    "{title} {person} said on {day} that {country} would join the accords.",
    "The {demonym} government stated that the country's accession is in the final stages of negotiations.",
    "{capital} seeks to strengthen its influence in a region long dominated by {country2}.",
    "According to {org}, officials from {country} and {country2} met at the White House.",
    "{person2}, the {demonym} foreign minister, told reporters in {capital} that talks continued.",
    "Analysts said the move would be largely symbolic, since {country} already maintains relations with {country2}.",
    "There is still much work ahead to unite countries for stability and growth, the statement noted.",
    "The agreement, brokered by the United States in 2020, was followed by similar deals with {country}.",
    "Officials in {capital} declined to comment on the report by {org} on {day}.",
    "Many observers expected more countries to follow in the coming months, but none was named.",
)
FILLERS = ("economic", "diplomatic", "regional", "historic", "cultural", "security", "trade", "energy")
SYLLABLES = ("ka", "ro", "mi", "tan", "sel", "ver", "no", "pra", "lu", "dis", "ment", "ion", "ex", "con", "at", "ful")
PUNCT = (",", ",", ";", " -", ":")
ENTITY_SENTENCE_SHARE = 0.33


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    """Pseudo-words of 2-4 syllables: a vocabulary as varied as real prose."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)]


def prose_sentence(rng: random.Random, words: list[str]) -> str:
    n = rng.randint(12, 28)
    out = [rng.choice(words) for _ in range(n)]
    out[0] = out[0].capitalize()
    for _ in range(rng.randint(0, 2)):
        i = rng.randrange(1, n - 1)
        out[i] += rng.choice(PUNCT)
    if rng.random() < 0.3:
        out[rng.randrange(1, n)] = str(rng.randint(2, 2025))
    return " ".join(out) + "."


def build_corpus(n_articles: int, seed: int) -> list[ArticleText]:
    """Deterministic generated articles with simple sentence records."""
    from pipelines.extract.gazetteer import load_actors, load_country_lexicon

    rng = random.Random(seed)
    lexicon = load_country_lexicon()
    names = [s.surface for s in lexicon.surfaces if s.method == "name"]
    demonyms = [s.surface for s in lexicon.surfaces if s.method == "demonym"]
    capitals = [s.surface for s in lexicon.surfaces if s.metonymy_kind == "capital"]
    actors = [a.name for a in load_actors().values()]
    titles = ("US President", "Israeli Prime Minister", "Kazakh President", "Foreign Minister", "Saudi Crown Prince")
    orgs = ("Reuters", "Axios", "TASS", "the Associated Press", "Truth Social")
    days = ("Monday", "Thursday", "November 6", "today")
    words = vocabulary(rng)
    corpus = []
    for a in range(n_articles):
        parts, sentences, pos = [], [], 0
        for i in range(rng.randint(15, 30)):
            if rng.random() > ENTITY_SENTENCE_SHARE:
                text = prose_sentence(rng, words)
                sentences.append(SentenceText(i, i // 3, pos, pos + len(text), text))
                parts.append(text)
                pos += len(text) + 1
                continue
            text = rng.choice(TEMPLATES).format(
                title=rng.choice(titles), person=rng.choice(actors), person2=rng.choice(actors),
                country=rng.choice(names), country2=rng.choice(names), demonym=rng.choice(demonyms),
                capital=rng.choice(capitals), org=rng.choice(orgs), day=rng.choice(days),
            )
            text += " " + " ".join(rng.choice(FILLERS) for _ in range(rng.randint(0, 6))).capitalize() + " ties."
            sentences.append(SentenceText(i, i // 3, pos, pos + len(text), text))
            parts.append(text)
            pos += len(text) + 1
        body = " ".join(parts)
        corpus.append(ArticleText(f"bench-{a}", body, tuple(sentences), datetime(2025, 11, 7), None, "en"))
    return corpus


def build_dense_corpus(n_articles: int, seed: int) -> list[ArticleText]:
    """Articles of the end-to-end generator (``bench/corpus.py``, all about accords): world news where
    nearly every sentence names countries, people and dates -- the entity-dense case."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: make 'bench' importable
    from bench.corpus import build_article
    from pipelines.ingest.cleaning import clean_body
    from pipelines.ingest.sentences import split_sentences

    corpus = []
    for i in range(n_articles):
        article = build_article(seed, 20_000_000 + i, 1.0)
        raw = article.title + "\n\n" + "\n\n".join(article.paragraphs)
        cleaned = clean_body(raw, article.title)
        sentences = tuple(split_sentences(cleaned.body, cleaned.heading_spans))
        corpus.append(ArticleText(f"dense-{i}", cleaned.body, sentences, article.published, article.title, "en"))
    return corpus


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def measure(name: str, corpus: list[ArticleText], runs: int) -> None:
    """Print words/s of the blank tokenizer and of the entity stage on ``corpus`` (best of ``runs``)."""
    nlp = blank_nlp()
    words = sum(len(a.body.split()) for a in corpus)
    countries = sum(1 for a in corpus for m in extract_entities(a).mentions if m.entity_type == "country")
    extract_entities(corpus[0])  # build matchers and load dictionaries outside the timing

    # Interleave the two timings so that load from other processes hits both alike.
    t_tok, t_ent = float("inf"), float("inf")
    for _ in range(runs):
        t_tok = min(t_tok, best_of(1, lambda: [nlp.make_doc(a.body) for a in corpus]))
        t_ent = min(t_ent, best_of(1, lambda: [extract_entities(a) for a in corpus]))
    tok_wps, ent_wps = words / t_tok, words / t_ent
    print(f"== {name} corpus: {len(corpus)} articles, {words} words, {words / max(countries, 1):.0f} words per country mention")
    print(f"timing: best of {runs} runs")
    print(f"blank tokenizer:  {tok_wps:>10,.0f} words/s")
    print(f"entity stage:     {ent_wps:>10,.0f} words/s")
    print(f"ratio:            {ent_wps / tok_wps:.2f} (target >= 0.50 on the normal corpus)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", choices=("normal", "dense", "both"), default="both")
    args = parser.parse_args()
    if args.corpus == "both":
        # One fresh process per corpus: the tokenizer's caches and the heap left by one corpus
        # would otherwise slow the other's baseline and distort its ratio.
        import subprocess

        for name in ("normal", "dense"):
            subprocess.run([sys.executable, __file__, "--corpus", name, "--articles", str(args.articles),
                            "--seed", str(args.seed), "--runs", str(args.runs)], check=True)
    elif args.corpus == "normal":
        measure("normal", build_corpus(args.articles, args.seed), args.runs)
    else:
        measure("dense", build_dense_corpus(max(args.articles // 3, 1), args.seed), args.runs)


if __name__ == "__main__":
    main()
