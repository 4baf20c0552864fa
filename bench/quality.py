"""Benchmark part 5: claim precision and recall against the generator's ground truth.

A truth claim is (country, accord, status) with the statuses it also accepts; an extracted claim is
correct when the same article has a truth claim for its country and accord whose accepted statuses
include its status. Truth claims marked optional are neither required nor penalized. Attribution is
scored separately on the correct claims: does some extracted claim for it name one of the truth's
claimants (case-insensitive; "article" for the outlet's own voice)?
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

ABRAHAM = "Abraham Accords"


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().split())


def score(pairs) -> dict:
    """``pairs``: iterable of (truth_claims, extracted) per article; extracted is a list of dicts with
    country, accord, status, claimed_by and evidence. Returns precision/recall overall, for the
    Abraham Accords, per status, and examples of misses and false claims."""
    tp = fp = fn = req = 0
    by_group: dict[str, Counter] = {}
    fp_examples, fn_examples = [], []
    attrib_ok = attrib_total = 0
    articles = 0
    for truth, extracted in pairs:
        articles += 1
        seen: set[tuple] = set()
        matched_truth: set[int] = set()
        for e in extracted:
            key = (e["country"], e["accord"], e["status"])
            if key in seen:
                continue
            seen.add(key)
            hits = [i for i, t in enumerate(truth)
                    if t["country"] == e["country"] and t["accord"] == e["accord"] and e["status"] in t["accept_status"]]
            group = by_group.setdefault("abraham" if e["accord"] == ABRAHAM else "other", Counter())
            if hits:
                matched_truth.update(hits)
                if all(truth[i]["optional"] for i in hits):
                    continue
                tp += 1
                group["tp"] += 1
            else:
                fp += 1
                group["fp"] += 1
                by_group.setdefault(f"fp_status:{e['status']}", Counter())["n"] += 1
                if len(fp_examples) < 12:
                    fp_examples.append({k: e.get(k) for k in ("country", "accord", "status", "claimed_by", "evidence")})
        for i, t in enumerate(truth):
            if t["optional"]:
                continue
            req += 1
            group = by_group.setdefault("abraham" if t["accord"] == ABRAHAM else "other", Counter())
            group["required"] += 1
            if i in matched_truth:
                group["found"] += 1
                names = {_norm(n) for n in t["claimed_by"]}
                claimants = {_norm(e.get("claimed_by")) for e in extracted
                             if e["country"] == t["country"] and e["accord"] == t["accord"]}
                attrib_total += 1
                attrib_ok += any(c in names or any(n and (n in c or c in n) for n in names) for c in claimants if c)
            else:
                fn += 1
                by_group.setdefault(f"fn_status:{t['status']}", Counter())["n"] += 1
                if len(fn_examples) < 12:
                    fn_examples.append({k: t.get(k) for k in ("country", "accord", "status", "claimed_by")})
    def pr(c: Counter) -> dict:
        extracted = c["tp"] + c["fp"]
        return {"precision": c["tp"] / extracted if extracted else None,
                "recall": c["found"] / c["required"] if c["required"] else None,
                "extracted_correct": c["tp"], "extracted_wrong": c["fp"], "required": c["required"], "found": c["found"]}
    return {
        "articles": articles,
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": (req - fn) / req if req else None,
        "extracted_correct": tp, "extracted_wrong": fp, "required": req, "missed": fn,
        "abraham": pr(by_group.get("abraham", Counter())),
        "other_accords": pr(by_group.get("other", Counter())),
        "false_by_status": {k.split(":", 1)[1]: v["n"] for k, v in by_group.items() if k.startswith("fp_status:")},
        "missed_by_status": {k.split(":", 1)[1]: v["n"] for k, v in by_group.items() if k.startswith("fn_status:")},
        "attribution_accuracy": attrib_ok / attrib_total if attrib_total else None,
        "false_examples": fp_examples,
        "missed_examples": fn_examples,
    }


def _claim_dict(c) -> dict:
    return {"country": c.country_code, "accord": c.accord, "status": c.status, "claimed_by": c.claimed_by,
            "evidence": c.evidence}


def pure_quality(seed: int, n: int, relevant_share: float, offset: int = 20_000_000) -> dict:
    """Quality of the pure path (clean, sentences, prefilter, analyze_article) on generated articles."""
    from bench.corpus import build_article
    from pipelines.extract.model import ArticleText
    from pipelines.extract.pipeline import analyze_article
    from pipelines.extract.relevance import is_relevant_text
    from pipelines.ingest.cleaning import clean_body
    from pipelines.ingest.sentences import split_sentences

    def pairs():
        for index in range(offset, offset + n):
            a = build_article(seed, index, relevant_share)
            raw = a.title + "\n\n" + "\n\n".join(a.paragraphs)
            cleaned = clean_body(raw, a.title)
            extracted = []
            if is_relevant_text(cleaned.body) or is_relevant_text(a.title):
                sentences = split_sentences(cleaned.body, cleaned.heading_spans)
                article = ArticleText(f"q-{index}", cleaned.body, tuple(sentences), a.published, a.title, "en")
                extracted = [_claim_dict(c) for c in analyze_article(article).claims]
            yield a.claims, extracted

    return score(pairs())


def warehouse_quality(db: Path, source: Path, truth_path: Path, limit: int) -> dict:
    """Quality of what ``accordwatch run`` stored, matched to the truth through raw.source_files."""
    import json

    import duckdb

    truth: dict[tuple[str, int], list] = {}
    with open(truth_path, encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            if r["index"] < limit:
                truth[(str((source / r["path"]).resolve()), r["record_idx"])] = r["claims"]
    with duckdb.connect(str(db), read_only=True) as conn:
        rows = conn.execute(
            """SELECT s.path, s.record_idx, c.country_code, c.accord, c.status, c.claimed_by, c.evidence
               FROM raw.source_files s JOIN core.claims c USING (article_id) WHERE s.is_current"""
        ).fetchall()
    extracted: dict[tuple[str, int], list] = {}
    for path, record_idx, country, accord, status, by, evidence in rows:
        extracted.setdefault((path, record_idx), []).append(
            {"country": country, "accord": accord, "status": status, "claimed_by": by, "evidence": evidence})
    unknown = [k for k in extracted if k not in truth]
    result = score((claims, extracted.get(key, [])) for key, claims in truth.items())
    result["claims_in_unknown_files"] = len(unknown)
    return result
