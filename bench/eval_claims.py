"""Print claim precision and recall per status and overall, separately for the three labelled sets:
``tests/fixtures/articles`` (written alongside the rules) and ``tests/fixtures/heldout`` (written
before running the extractor, raw pages read through the ingest path) and ``tests/fixtures/redteam``
(traps aimed at false claims, labelled before running, ingest path) and ``tests/fixtures/blind`` (written and
labelled by writers who had not seen the rules).

    .venv/bin/python bench/eval_claims.py [-v]     (-v lists every false, missed and must-not claim)
"""

from __future__ import annotations

import sys

from pipelines.extract.claims.evaluation import (
    Score,
    load_blind_articles,
    load_heldout_articles,
    load_labelled_articles,
    load_redteam_articles,
    score_articles,
)
from pipelines.extract.model import CLAIM_STATUSES


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def report(title: str, articles, verbose: bool) -> Score:
    score = score_articles(articles)
    print(f"== {title}: {len(articles)} labelled articles")
    print(f"{'status':<12} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6}")
    for status in CLAIM_STATUSES:
        print(f"{status:<12} {score.tp[status]:>4} {score.fp[status]:>4} {score.fn[status]:>4} "
              f"{_fmt(score.precision(status)):>6} {_fmt(score.recall(status)):>6}")
    print(f"{'overall':<12} {sum(score.tp.values()):>4} {sum(score.fp.values()):>4} {sum(score.fn.values()):>4} "
          f"{_fmt(score.precision()):>6} {_fmt(score.recall()):>6}")
    must_not = [e for e in score.errors if "MUST-NOT" in e]
    print(f"must-not violations: {len(must_not)}")
    if verbose:
        print("\n".join(score.errors))
    print()
    return score


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    report("rule-author set (tests/fixtures/articles)", load_labelled_articles(), verbose)
    report("held-out set (tests/fixtures/heldout, ingest path)", load_heldout_articles(), verbose)
    report("red-team set (tests/fixtures/redteam, ingest path)", load_redteam_articles(), verbose)
    report("blind set (tests/fixtures/blind, ingest path)", load_blind_articles(), verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
