"""Deterministic benchmark corpus: N news articles in every supported format, with ground truth.

``generate_corpus(out_dir, n, seed)`` writes

* ``out_dir/articles/<shard>/...``: the articles (.txt, .md, .html, .json, and .jsonl files holding
  a block of up to 20 articles), some with a ``.meta.json`` sidecar; 300-1,200 words each;
* ``out_dir/truth.jsonl``: one line per article: its file (relative to ``articles/``), record index,
  word count, whether it is about accords, and its ground-truth claims
  (country, accord, status, accept_status, claimed_by, optional);
* ``out_dir/manifest.json``: the parameters and totals.

Article ``i`` depends only on ``(seed, i)``: the same seed gives the same bytes, and
``start=N, n=10`` adds 10 new articles to an existing corpus (for the incremental benchmark).
A share of the articles (``relevant_share``, default 10%) is about accords, written with the
phrasing variety of ../shared/COVERAGE.md (bench/corpus_passages.yaml); the rest is ordinary
world news with many countries, people and dates and no membership change
(bench/corpus_vocab.yaml). Everything is streamed to disk: memory does not grow with N.

    python -m bench.corpus --out /tmp/corpus-1k --n 1000 [--seed 7] [--relevant-share 0.1]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
JSONL_BLOCK = 20  # articles per .jsonl file
SHARD = 1000  # articles per folder
FORMAT_WEIGHTS = {"txt": 35, "md": 15, "html": 20, "json": 15}
JSONL_BLOCK_SHARE = 0.15
SIDECAR_SHARE = 0.5
PREFILTER_NOISE_SHARE = 0.05  # ordinary articles that name another accord in passing
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
DATELINES = ("WASHINGTON (AP) - ", "WASHINGTON, {month} {day}. /TASS/. ", "JERUSALEM (Reuters) - ", "")
_SLOT = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=1)
def vocab() -> dict:
    return yaml.safe_load((HERE / "corpus_vocab.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def passages() -> dict:
    return yaml.safe_load((HERE / "corpus_passages.yaml").read_text(encoding="utf-8"))


def article_rng(seed: int, index: int, salt: str = "") -> random.Random:
    """The random stream of one article (independent of every other article)."""
    digest = hashlib.sha256(f"{seed}:{index}:{salt}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


@dataclass
class Article:
    title: str
    paragraphs: list[str]
    published: datetime | None
    url: str | None
    author: str
    publisher: str
    relevant: bool
    claims: list[dict]

    @property
    def n_words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


# --------------------------------------------------------------------------- text


def _fill(template: str, slots: dict[str, str]) -> str:
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def _person(rng: random.Random) -> str:
    v = vocab()
    return f"{rng.choice(v['first_names'])} {rng.choice(v['last_names'])}"


def _news_slots(rng: random.Random, published: date) -> dict[str, str]:
    v = vocab()
    c1, c2 = rng.sample(v["countries"], 2)
    year = published.year - rng.randint(0, 6)
    return {
        "country": c1[0], "country2": c2[0], "demonym": c1[1], "capital": c1[2],
        "leader": c1[3], "city": rng.choice(v["cities"]), "person": _person(rng), "person2": _person(rng),
        "role": rng.choice(v["roles"]), "weekday": rng.choice(WEEKDAYS),
        "date": f"{rng.choice(MONTHS)} {rng.randint(1, 28)}", "month": rng.choice(MONTHS),
        "year": str(year), "num": str(rng.randint(2, 90)), "num2": str(rng.randint(2, 90)),
        "pct": f"{rng.randint(1, 12)}.{rng.randint(0, 9)}", "outlet": rng.choice(v["outlets"]),
        "ordinal": rng.choice(ORDINALS),
    }


def _news_paragraph(rng: random.Random, published: date) -> str:
    sentences = rng.sample(vocab()["news_sentences"], rng.randint(2, 5))
    return " ".join(_fill(s, _news_slots(rng, published)) for s in sentences)


def _pad_with_news(rng: random.Random, paragraphs: list[str], target_words: int, published: date) -> list[str]:
    """Insert ordinary-news paragraphs between the given ones until the target length is reached."""
    out = list(paragraphs)
    words = sum(len(p.split()) for p in out)
    while words < target_words:
        para = _news_paragraph(rng, published)
        out.insert(rng.randint(1 if out else 0, len(out)), para)
        words += len(para.split())
    return out


# --------------------------------------------------------------------------- claims


def _claims_of(passage: dict, slots: dict[str, str], codes: dict[str, str], names: dict[str, str]) -> list[dict]:
    claims = []
    for country, accord, status, by, *extra in passage["claims"]:
        options = extra[0] if extra else {}
        claims.append({
            "country": codes.get(country, country),
            "accord": accord,
            "status": status,
            "accept_status": [status, *options.get("accept", [])],
            "claimed_by": names.get(by, by),
            "optional": bool(options.get("optional", False)),
        })
    return claims


def _merge_claims(claims: list[dict]) -> list[dict]:
    """One truth claim per (country, accord, status); claimants and accepted statuses merged."""
    merged: dict[tuple, dict] = {}
    for c in claims:
        key = (c["country"], c["accord"], c["status"])
        if key not in merged:
            merged[key] = {**c, "claimed_by": [c["claimed_by"]], "accept_status": list(c["accept_status"])}
            continue
        m = merged[key]
        m["claimed_by"] += [b for b in [c["claimed_by"]] if b not in m["claimed_by"]]
        m["accept_status"] += [s for s in c["accept_status"] if s not in m["accept_status"]]
        m["optional"] = m["optional"] and c["optional"]
    return list(merged.values())


def _accord_article(rng: random.Random, published: datetime) -> tuple[str, list[str], list[dict]]:
    p = passages()
    paragraphs: list[str] = []
    claims: list[dict] = []
    is_2020 = published.year == 2020
    speakers = p["speakers"]["y2020" if is_2020 else "recent"]
    code, name, dem, noun, leader, leader_name = rng.choice(p["joiners"])

    def slots_for() -> tuple[dict, dict, dict]:
        full, short, pron, canonical = rng.choice(speakers)
        slots = {
            "J": name, "J_dem": dem, "J_noun": noun, "J_leader": leader, "S": full, "S_short": short,
            "S_pron": pron.capitalize(), "weekday": rng.choice(WEEKDAYS), "ordinal": rng.choice(ORDINALS),
            "person": _person(rng), "year": str(published.year + 1),
        }
        names = {"S": canonical, "JL": leader_name, "JG": f"Government of {name}"}
        return slots, {"J": code}, names

    def add(passage: dict) -> None:
        slots, codes, names = slots_for()
        paragraphs.append(_fill(passage["text"], slots))
        claims.extend(_claims_of(passage, slots, codes, names))

    def available(group: str) -> list[dict]:
        """The passages of ``group`` that an article of this day can tell (no event after it)."""
        return [x for x in p[group] if "after" not in x or x["after"] <= published.date()]

    if is_2020:
        unnamed = available("unnamed_2020")
        chosen = rng.sample(unnamed, min(len(unnamed), rng.randint(1, 3)))
        title = "Israel deal: " + rng.choice(["what comes next", "reactions", "the region reacts"])
    else:
        chosen = [rng.choice(p["named_first"])] + rng.sample(p["named_more"], rng.randint(1, 4))
        title = rng.choice([f"Abraham Accords: {name} in focus", f"What the Abraham Accords mean for {name}",
                            f"{name} and the Abraham Accords, explained"])
    if rng.random() < 0.4:
        chosen.append(rng.choice(available("distractors")))
    for passage in chosen:
        add(passage)
    dateline = rng.choice(DATELINES).format(month=MONTHS[published.month - 1], day=published.day)
    paragraphs[0] = dateline + paragraphs[0]
    return title, paragraphs, _merge_claims(claims)


def build_article(seed: int, index: int, relevant_share: float) -> Article:
    """Article ``index`` of the corpus of ``seed`` (pure: same inputs, same article)."""
    rng = article_rng(seed, index)
    v = vocab()
    relevant = rng.random() < relevant_share
    target = rng.randint(300, 1200)
    if relevant and rng.random() < 0.25:
        published = datetime(2020, 8, 14) + timedelta(days=rng.randint(0, 139), minutes=rng.randint(0, 1439))
    else:
        published = datetime(2021, 1, 1) + timedelta(days=rng.randint(0, 1800), minutes=rng.randint(0, 1439))
    if relevant:
        title, paragraphs, claims = _accord_article(rng, published)
    else:
        s = _news_slots(rng, published.date())
        title = _fill(rng.choice(v["news_headlines"]), s)
        paragraphs, claims = [], []
        if rng.random() < PREFILTER_NOISE_SHARE:
            paragraphs.append(_fill(rng.choice(passages()["prefilter_noise"]), _news_slots(rng, published.date())))
    author = _person(rng)
    paragraphs = _pad_with_news(rng, paragraphs, target, published.date())
    paragraphs.append(f"Reporting by {author} in {rng.choice(v['cities'])}; editing by {_person(rng)} (ref {index}).")
    publisher = rng.choice(v["outlets"])
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    host = re.sub(r"[^a-z]+", "", publisher.lower())
    url = None
    if rng.random() < 0.7:
        url = f"https://www.{host}.example/{published:%Y/%m/%d}/{slug}-{index}"
    if rng.random() < 0.15:  # no machine-readable date (sometimes only the URL has it)
        published = None
    return Article(title, paragraphs, published, url, author, publisher, relevant, claims)


# --------------------------------------------------------------------------- formats


def _meta(article: Article) -> dict:
    meta = {"title": article.title, "author": article.author, "publisher": article.publisher}
    if article.url:
        meta["url"] = article.url
    if article.published:
        meta["published_at"] = article.published.strftime("%Y-%m-%dT%H:%M:%SZ")
    return meta


def render_txt(article: Article, rng: random.Random) -> str:
    head = []
    if rng.random() < 0.2:
        head.append("ua en ru")
    head.append(article.title)
    if rng.random() < 0.5:
        head.append(f"Author: {article.author}")
    if article.published and rng.random() < 0.5:
        head.append(f"Posted: {article.published:%b %d, %Y %I:%M %p}")
    return "\n\n".join(head + article.paragraphs) + "\n"


def render_md(article: Article, rng: random.Random) -> str:
    front = ""
    if rng.random() < 0.6:
        meta = _meta(article)
        front = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items()) + "---\n\n"
    body = [f"# {article.title}", f"*By {article.author}*"]
    for i, para in enumerate(article.paragraphs):
        if i and i % 4 == 0:
            body.append("## " + rng.choice(["Background", "Reaction", "What comes next", "Context"]))
        body.append(para)
    return front + "\n\n".join(body) + "\n"


def render_html(article: Article, rng: random.Random) -> str:
    from html import escape

    meta = []
    if article.published:
        meta.append(f'<meta property="article:published_time" content="{article.published:%Y-%m-%dT%H:%M:%S}+00:00">')
    if article.url:
        meta.append(f'<link rel="canonical" href="{escape(article.url)}">')
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(article.title)} | {escape(article.publisher)}</title>"
        f'<meta property="og:site_name" content="{escape(article.publisher)}">'
        f'<meta name="author" content="{escape(article.author)}">{"".join(meta)}</head>\n'
        '<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>\n'
        f'<article><h1>{escape(article.title)}</h1>\n<p class="byline">By {escape(article.author)}</p>\n'
        f"{paragraphs}\n</article>\n"
        f"<footer><p>Copyright {escape(article.publisher)}. All rights reserved.</p></footer></body></html>\n"
    )


def render_json_object(article: Article) -> dict:
    return {**_meta(article), "body": "\n\n".join(article.paragraphs)}


# --------------------------------------------------------------------------- corpus


def _is_jsonl_block(seed: int, block: int) -> bool:
    return article_rng(seed, block, "jsonl-block").random() < JSONL_BLOCK_SHARE


def generate_corpus(out_dir: Path, n: int, seed: int = 7, relevant_share: float = 0.1, start: int = 0) -> dict:
    """Write articles ``start .. start+n-1`` under ``out_dir/articles`` and append their truth.

    Returns the totals (articles, relevant, words, files, truth claims).
    """
    out_dir = Path(out_dir)
    root = out_dir / "articles"
    root.mkdir(parents=True, exist_ok=True)
    totals = {"articles": 0, "relevant": 0, "words": 0, "files": 0, "claims": 0}
    jsonl_handle = None
    jsonl_block = None
    with open(out_dir / "truth.jsonl", "a", encoding="utf-8") as truth:
        for index in range(start, start + n):
            article = build_article(seed, index, relevant_share)
            rng = article_rng(seed, index, "format")
            shard = root / f"{index // SHARD:04d}"
            shard.mkdir(exist_ok=True)
            block = index // JSONL_BLOCK
            if _is_jsonl_block(seed, block):
                if jsonl_block != block:
                    if jsonl_handle:
                        jsonl_handle.close()
                    jsonl_path = shard / f"batch-{block:06d}.jsonl"
                    jsonl_handle = open(jsonl_path, "a", encoding="utf-8")
                    jsonl_block = block
                    totals["files"] += 1
                jsonl_handle.write(json.dumps(render_json_object(article), ensure_ascii=False) + "\n")
                path, record_idx = jsonl_path, index % JSONL_BLOCK + 1
            else:
                fmt = rng.choices(list(FORMAT_WEIGHTS), weights=list(FORMAT_WEIGHTS.values()))[0]
                path, record_idx = shard / f"article-{index:07d}.{fmt}", 0
                if fmt == "json":
                    text = json.dumps(render_json_object(article), ensure_ascii=False, indent=1)
                else:
                    text = {"txt": render_txt, "md": render_md, "html": render_html}[fmt](article, rng)
                path.write_text(text, encoding="utf-8")
                totals["files"] += 1
                if fmt in ("txt", "html") and rng.random() < SIDECAR_SHARE:
                    sidecar = path.with_name(path.name + ".meta.json")
                    sidecar.write_text(json.dumps(_meta(article), indent=1), encoding="utf-8")
            truth.write(json.dumps({
                "index": index,
                "path": str(path.relative_to(root)),
                "record_idx": record_idx,
                "n_words": article.n_words,
                "relevant": article.relevant,
                "published_at": article.published.isoformat() if article.published else None,
                "claims": article.claims,
            }, ensure_ascii=False) + "\n")
            totals["articles"] += 1
            totals["relevant"] += article.relevant
            totals["words"] += article.n_words
            totals["claims"] += sum(not c["optional"] for c in article.claims)
    if jsonl_handle:
        jsonl_handle.close()
    manifest_path = out_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {"batches": []}
    manifest["batches"].append({"seed": seed, "start": start, "n": n, "relevant_share": relevant_share, **totals})
    manifest_path.write_text(json.dumps(manifest, indent=1))
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--relevant-share", type=float, default=0.1)
    parser.add_argument("--start", type=int, default=0, help="index of the first article (append to a corpus)")
    args = parser.parse_args(argv)
    totals = generate_corpus(args.out, args.n, args.seed, args.relevant_share, args.start)
    print(json.dumps(totals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
