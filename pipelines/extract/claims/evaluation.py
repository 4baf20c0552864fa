"""Score claim extraction against labelled articles (``tests/fixtures/articles/NAME.txt`` with
``NAME.labels.json``).

Labels: ``published_at`` (ISO or null), ``title``, ``claims`` [{country, accord, status (a status or
a list of accepted ones), claimed_by ("*" = any speaker, or a list of accepted speakers), optional
(true: a defensible reading that is neither required nor wrong)}] and ``must_not`` [country code,
or "CODE:Accord"] that no claim may name. A predicted claim is unique per (country, accord, status,
claimed_by); it is a true positive when a required label accepts it, ignored when only optional
labels accept it, a false positive otherwise. A required label no claim matches is a miss.

Four sets: ``tests/fixtures/articles`` (written with the rules, plain-text split),
``tests/fixtures/heldout`` (written before running the extractor, raw pages with their noise,
read through the real ingest path: ``clean_body`` + ``split_sentences``), ``tests/fixtures/redteam``
(traps written to break the rules, labelled before running, also through the ingest path) and
``tests/fixtures/blind`` (written and labelled by writers who had not seen the rules, ingest path).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from pipelines.extract.model import ArticleText, Claim
from pipelines.extract.text_article import article_from_text
from pipelines.paths import REPO_ROOT

LABELLED_DIR = REPO_ROOT / "tests" / "fixtures" / "articles"
HELDOUT_DIR = REPO_ROOT / "tests" / "fixtures" / "heldout"
REDTEAM_DIR = REPO_ROOT / "tests" / "fixtures" / "redteam"
BLIND_DIR = REPO_ROOT / "tests" / "fixtures" / "blind"


@dataclass
class LabelledArticle:
    name: str
    article: ArticleText
    claims: list[dict]
    must_not: list[str]


def ingested_article(raw: str, article_id: str, published_at: datetime | None, title: str | None) -> ArticleText:
    """A raw page text through the ingest stage's cleaner and sentence splitter (as in production)."""
    from pipelines.ingest.cleaning import clean_body
    from pipelines.ingest.readers import html_to_article, looks_like_html_document
    from pipelines.ingest.sentences import split_sentences

    if looks_like_html_document(raw):
        raw = html_to_article(raw)[0]  # (a page saved as .txt is read as the HTML it is, as the reader does)
    cleaned = clean_body(raw, title)
    sentences = split_sentences(cleaned.body, cleaned.heading_spans)
    return ArticleText(article_id, cleaned.body, tuple(sentences), published_at, title or cleaned.title, "en")


def load_labelled_articles(folder: Path = LABELLED_DIR, ingest: bool = False) -> list[LabelledArticle]:
    """Labelled articles of ``folder``; ``ingest`` reads each .txt as a raw page (clean + split)."""
    out = []
    for labels_path in sorted(folder.glob("*.labels.json")):
        name = labels_path.name[: -len(".labels.json")]
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        body = (folder / f"{name}.txt").read_text(encoding="utf-8")
        published = datetime.fromisoformat(labels["published_at"]) if labels.get("published_at") else None
        if ingest:
            article = ingested_article(body, name, published, labels.get("title"))
        else:
            article = article_from_text(body, article_id=name, published_at=published, title=labels.get("title"))
        out.append(LabelledArticle(name, article, labels.get("claims", []), labels.get("must_not", [])))
    return out


def load_heldout_articles() -> list[LabelledArticle]:
    """The held-out set: raw pages read through the ingest path."""
    return load_labelled_articles(HELDOUT_DIR, ingest=True)


def load_redteam_articles() -> list[LabelledArticle]:
    """The red-team set: traps (op-eds, wrong member lists, non-member normalization, trade deals,
    anniversaries, timelines, other "Abraham" names, welcomes, denials, Russian and Arabic pages, a
    live blog), labelled before the extractor was run, read through the ingest path."""
    return load_labelled_articles(REDTEAM_DIR, ingest=True)


def load_blind_articles() -> list[LabelledArticle]:
    """The blind set: articles written and labelled by writers who had not seen the rules (other outlets,
    2020-2025, the Abraham Accords and NATO, BRICS, the EU, CPTPP, Paris, the SCO), ingest path."""
    return load_labelled_articles(BLIND_DIR, ingest=True)


def accepts(label: dict, claim: Claim) -> bool:
    statuses = label["status"] if isinstance(label["status"], list) else [label["status"]]
    speakers = label.get("claimed_by", "*")
    speakers = speakers if isinstance(speakers, list) else [speakers]
    return (
        label["country"] == claim.country_code
        and label["accord"] == claim.accord
        and claim.status in statuses
        and ("*" in speakers or claim.claimed_by.casefold() in {s.casefold() for s in speakers}
             or (claim.claimed_by_id or "").startswith("country:")
             and any(_state_named(s) == claim.claimed_by_id for s in speakers))
        # (a speaker's name in another case is the same name: "Government of Kazakhstan", "government of Kazakhstan";
        # a state named by its capital or its name is the same state: "Riyadh" is the claim's "Saudi Arabia")
    )


@lru_cache(maxsize=4096)
def _state_named(name: str) -> str | None:
    """The state a label's speaker name is, when the name is one country mention and nothing else ("Riyadh", "Saudi
    Arabia", "the Kingdom of Bahrain"), else None."""
    from pipelines.extract.countries import find_country_mentions
    from pipelines.extract.text_article import article_from_text

    mentions = find_country_mentions(article_from_text(name + " said so."))
    if len(mentions) != 1 or len({m.entity_id for m in mentions}) != 1:
        return None
    m = mentions[0]
    rest = (name[:m.start_char] + name[m.end_char:len(name)]).strip(" ,.").lower()
    return m.entity_id if rest in ("", "the") else None


def violates_must_not(entry: str, claim: Claim) -> bool:
    code, _, accord = entry.partition(":")
    return claim.country_code == code and (not accord or claim.accord == accord)


@dataclass
class Score:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    errors: list[str] = field(default_factory=list)

    def precision(self, status: str | None = None) -> float | None:
        tp = sum(self.tp.values()) if status is None else self.tp[status]
        fp = sum(self.fp.values()) if status is None else self.fp[status]
        return tp / (tp + fp) if tp + fp else None

    def recall(self, status: str | None = None) -> float | None:
        tp = sum(self.tp.values()) if status is None else self.tp[status]
        fn = sum(self.fn.values()) if status is None else self.fn[status]
        return tp / (tp + fn) if tp + fn else None


def score_article(labelled: LabelledArticle, claims: list[Claim], score: Score) -> None:
    """Add one article's true/false positives and misses to ``score``."""
    unique: dict[tuple, Claim] = {}
    for claim in claims:
        unique.setdefault((claim.country_code, claim.accord, claim.status, claim.claimed_by), claim)
    matched_labels: set[int] = set()
    for key, claim in unique.items():
        hits = [i for i, label in enumerate(labelled.claims) if accepts(label, claim)]
        matched_labels.update(hits)
        if any(not labelled.claims[i].get("optional") for i in hits):
            score.tp[claim.status] += 1
        elif hits:
            pass  # only an optional reading accepts it: neither right nor wrong
        else:
            score.fp[claim.status] += 1
            score.errors.append(f"{labelled.name}: FALSE {key} <- {claim.evidence!r} [{claim.rule}]")
        for entry in labelled.must_not:
            if violates_must_not(entry, claim):
                score.errors.append(f"{labelled.name}: MUST-NOT {entry} claimed: {key}")
    for i, label in enumerate(labelled.claims):
        if i not in matched_labels and not label.get("optional"):
            status = label["status"][0] if isinstance(label["status"], list) else label["status"]
            score.fn[status] += 1
            score.errors.append(f"{labelled.name}: MISSED {label}")


def score_articles(articles: list[LabelledArticle]) -> Score:
    """One labelled set scored with the whole analysis (entities, then claims) of each article."""
    from pipelines.extract.pipeline import analyze_article  # (the pipeline imports this package)

    score = Score()
    for labelled in articles:
        score_article(labelled, analyze_article(labelled.article).claims, score)
    return score
