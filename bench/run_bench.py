"""Run the accordwatch benchmark suite and print its figures.

    .venv/bin/python -m bench.run_bench [--sizes 1000,10000,100000] [--relevant-sizes 1000,10000]
        [--claims 1000000] [--parts extract,e2e,incremental,views,quality] [--work /tmp/accordwatch-bench]

Parts (see BENCHMARKS.md): (1) ``extract``: the text stages alone vs spaCy's blank tokenizer, on the
default mix and on an all-relevant sample; (2) ``e2e``: ``accordwatch run`` on each size (default mix,
and all-relevant corpora at ``--relevant-sizes``); (3) ``incremental``: +10 articles on the largest
warehouse, ``--incremental-repeats`` runs in a row (default 3; the median is reported, every run
kept); (4) ``views``: p50/p95 of the analytic views on ``--claims`` generated claims; (5) ``quality``:
claim precision/recall of the pure path and of the largest default-mix warehouse.
Writes ``results.json``, ``results.md`` and ``scaling.png`` to ``--out`` (default bench/results).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

from bench import end_to_end, extraction, quality, views

HERE = Path(__file__).resolve().parent
TARGETS = {
    "extraction_words_per_s": 100_000,
    "ratio_to_blank_tokenizer": 0.5,
    "e2e_100k_wall_s": 300,
    "peak_rss_mb": 1536,
    "incremental_ratio": 0.05,
    "view_p95_ms": 50,
}


def machine() -> dict:
    info = {"python": platform.python_version(), "platform": platform.platform(), "cores": os.cpu_count()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gb"] = round(int(line.split()[1]) / 2**20, 1)
        info["load_average_at_start"] = os.getloadavg()
    except OSError:
        pass
    import duckdb
    import spacy

    info["duckdb"] = duckdb.__version__
    info["spacy"] = spacy.__version__
    return info


def part_extract(args) -> dict:
    out = {}
    for label, share, n in (("mix", args.relevant_share, args.extract_articles),
                            ("all_relevant", 1.0, max(args.extract_articles // 4, 50))):
        texts = extraction.sample_texts(args.seed, n, share)
        result = extraction.measure_extraction(texts)
        out[label] = result
        rate = result["extraction_words_per_s"] or 0
        print(f"  [{label}] {result['articles']} articles, {result['words']:,} words: extraction "
              f"{rate:,.0f} words/s/core, blank tokenizer {result['blank_tokenizer_words_per_s']:,.0f} words/s, "
              f"ratio {result['ratio_to_blank_tokenizer'] or 0:.2f}", flush=True)
        for name in ("extraction_stages", "text_path"):
            fr = result.get(f"{name}_relevance_first_words_per_s")
            if fr:
                print(f"    relevance first, {name.replace('_', ' ')}: {fr:,.0f} words/s/core, ratio "
                      f"{result[f'{name}_relevance_first_ratio']:.2f}", flush=True)
        shares = {k: v for k, v in result["seconds"].items() if k in result["stages_timed"]}
        total = sum(shares.values()) or 1
        print("    time share: " + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in shares.items()), flush=True)
        if result["errors"]:
            print(f"    errors: {result['errors']}", flush=True)
    if args.profile:
        texts = extraction.sample_texts(args.seed, max(args.extract_articles // 2, 50), args.relevant_share)
        profile = extraction.profile_extraction(texts)
        (args.out / "profile_extraction.txt").write_text(profile)
        print(f"    cProfile written to {args.out / 'profile_extraction.txt'}", flush=True)
    return out


def part_e2e(args) -> dict:
    out = {}
    if args.sizes:  # (--sizes "" runs the all-relevant corpus alone)
        out["mix"] = end_to_end.run_sizes(args.work, args.sizes, args.seed, args.relevant_share, "mix")
    if args.relevant_sizes:
        out["all_relevant"] = end_to_end.run_sizes(args.work, args.relevant_sizes, args.seed, 1.0, "allrel")
    return out


def part_quality(args, e2e: dict | None) -> dict:
    out = {}
    print(f"  pure path on {args.quality_articles} all-relevant articles ...", flush=True)
    out["pure_all_relevant"] = quality.pure_quality(args.seed, args.quality_articles, 1.0)
    _print_quality("pure, all relevant", out["pure_all_relevant"])
    if e2e and e2e.get("mix"):
        biggest = e2e["mix"]["runs"][-1]
        if biggest["counts"].get("core.claims"):
            out["warehouse_mix"] = quality.warehouse_quality(
                Path(biggest["db"]), Path(biggest["source"]), Path(e2e["mix"]["master"]) / "truth.jsonl",
                biggest["n_articles"])
            _print_quality(f"warehouse, {biggest['n_articles']:,} mixed articles", out["warehouse_mix"])
    return out


def _print_quality(label: str, q: dict) -> None:
    ab = q["abraham"]
    print(f"    [{label}] precision {q['precision'] or 0:.3f}, recall {q['recall'] or 0:.3f} "
          f"(Abraham Accords: {ab['precision'] or 0:.3f} / {ab['recall'] or 0:.3f}); "
          f"attribution {q['attribution_accuracy'] or 0:.3f}; missed by status {q['missed_by_status']}, "
          f"false by status {q['false_by_status']}", flush=True)


def part_views(args) -> dict:
    db = args.work / "views.duckdb"
    print(f"  building a warehouse with {args.claims:,} claims ...", flush=True)
    built = views.build_claims_warehouse(db, args.claims, max(args.claims // 4, 1000))
    print(f"    generated in {built['generate_s']:.1f} s; resolve (core.membership_events) {built['resolve_s']:.1f} s; "
          f"{built['events']:,} events; {built['db_mb']:.0f} MB", flush=True)
    timed = views.time_views(db, args.view_repeat)
    for name, t in timed.items():
        arrow = f"; Arrow p50 {t['arrow_p50_ms']:.1f} / p95 {t['arrow_p95_ms']:.1f} ms" if t["arrow_p50_ms"] else ""
        print(f"    {name:<18} p50 {t['p50_ms']:8.1f} ms   p95 {t['p95_ms']:8.1f} ms   ({t['runs']} runs, "
              f"{t['rows_last']} rows{arrow}); load {os.getloadavg()[0]:.1f}", flush=True)
    return {"warehouse": built, "queries": timed}


def write_plot(results: dict, path: Path) -> bool:
    e2e = results.get("e2e")
    if not e2e:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    for key, style in (("mix", "o-"), ("all_relevant", "s--")):
        if key not in e2e:
            continue
        runs = [r for r in e2e[key]["runs"]]
        n = [r["n_articles"] for r in runs]
        ax1.loglog(n, [r["wall_s"] for r in runs], style, label=f"wall time, {key}")
        if all(r.get("tree_cpu_s") or r.get("cpu_s") for r in runs):
            ax1.loglog(n, [r.get("tree_cpu_s") or r["cpu_s"] for r in runs], style, alpha=0.4,
                       label=f"CPU time (all processes), {key}")
        ax2.loglog(n, [r.get("peak_rss_mb") or 0 for r in runs], style, label=f"peak RSS largest process, {key}")
        if all(r.get("tree_peak_pss_mb") for r in runs):
            ax2.loglog(n, [r["tree_peak_pss_mb"] for r in runs], style, alpha=0.7, label=f"peak PSS all processes, {key}")
        ax2.loglog(n, [r["db_mb"] for r in runs], style, alpha=0.4, label=f"DuckDB file, {key}")
    lo, hi = min(min(r["n_articles"] for block in e2e.values() for r in block["runs"]), 1000), 100_000
    ax1.loglog([lo, hi], [300 * lo / hi, 300], ":", color="grey", label="linear, 100k in 5 min")
    ax1.set_xlabel("articles")
    ax1.set_ylabel("seconds")
    ax1.set_title("accordwatch run: time vs N")
    ax1.legend(fontsize=7)
    ax2.axhline(1536, ls=":", color="grey", label="1.5 GB target")
    ax2.set_xlabel("articles")
    ax2.set_ylabel("MB")
    ax2.set_title("memory and warehouse size vs N")
    ax2.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)  # the figure stays current: bench.merge_results may add to it
    return True


def markdown(results: dict) -> str:
    lines = []
    ex = results.get("extract")
    if ex:
        lines += ["| corpus | articles | words | every stage on every article, words/s/core | ratio | "
                  "relevance first: extraction stages words/s/core | ratio | relevance first: whole text path | ratio | "
                  "blank tokenizer words/s |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for label, r in ex.items():
            lines.append(f"| {label} | {r['articles']} | {r['words']:,} | {r['extraction_words_per_s'] or 0:,.0f} | "
                         f"{r['ratio_to_blank_tokenizer'] or 0:.2f} | "
                         f"{r.get('extraction_stages_relevance_first_words_per_s') or 0:,.0f} | "
                         f"{r.get('extraction_stages_relevance_first_ratio') or 0:.2f} | "
                         f"{r.get('text_path_relevance_first_words_per_s') or 0:,.0f} | "
                         f"{r.get('text_path_relevance_first_ratio') or 0:.2f} | "
                         f"{r['blank_tokenizer_words_per_s']:,.0f} |")
        lines.append("")
    e2e = results.get("e2e")
    if e2e:
        lines += ["| corpus | N | wall s | CPU s | cores used | articles/s | peak RSS MB | DuckDB MB | claims | ok |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
        for label, block in e2e.items():
            for r in block["runs"]:
                lines.append(
                    f"| {label} | {r['n_articles']:,} | {r['wall_s']:.1f} | {r.get('cpu_s') or 0:.1f} | "
                    f"{r.get('cores_used') or 0:.2f} | {r['articles_per_s']:.1f} | {r.get('peak_rss_mb') or 0:.0f} | "
                    f"{r['db_mb']:.1f} | {r['counts'].get('core.claims')} | {r['succeeded']} |")
        lines.append("")
    inc = results.get("incremental")
    if inc:
        each = inc.get("runs") or [inc]
        lines.append(f"Incremental: +{inc['added_articles']} articles in {inc['wall_s']:.1f} s = "
                     f"{100 * inc['ratio_to_full']:.1f}% of the full run"
                     + (f" (median of {len(each)} runs: " + ", ".join(
                         f"{r['wall_s']:.1f} s = {100 * r['ratio_to_full']:.1f}%" for r in each) + ")"
                        if len(each) > 1 else "") + ".\n")
    vw = results.get("views")
    if vw:
        lines += [f"Views on {vw['warehouse']['claims']:,} claims ({vw['warehouse']['events']:,} events):", "",
                  "| query | p50 ms | p95 ms |", "|---|---:|---:|"]
        for name, t in vw["queries"].items():
            lines.append(f"| {name} | {t['p50_ms']:.1f} | {t['p95_ms']:.1f} |")
        lines.append("")
    q = results.get("quality")
    if q:
        lines += ["| quality | precision | recall | Abraham P | Abraham R | attribution |", "|---|---:|---:|---:|---:|---:|"]
        for label, r in q.items():
            lines.append(f"| {label} | {r['precision'] or 0:.3f} | {r['recall'] or 0:.3f} | "
                         f"{r['abraham']['precision'] or 0:.3f} | {r['abraham']['recall'] or 0:.3f} | "
                         f"{r['attribution_accuracy'] or 0:.3f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--relevant-sizes", default="1000,10000", help="all-relevant corpora ('' to skip)")
    parser.add_argument("--relevant-share", type=float, default=0.1)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--parts", default="extract,e2e,incremental,views,quality")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--extract-articles", type=int, default=2000)
    parser.add_argument("--quality-articles", type=int, default=1000)
    parser.add_argument("--view-repeat", type=int, default=20)
    parser.add_argument("--incremental-repeats", type=int, default=3,
                        help="+10-article runs in a row on the largest warehouse (the median is reported)")
    parser.add_argument("--profile", action="store_true", help="also write a cProfile of the text stages")
    parser.add_argument("--work", type=Path, default=Path("/tmp/accordwatch-bench"))
    parser.add_argument("--out", type=Path, default=HERE / "results")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    args.relevant_sizes = [int(s) for s in args.relevant_sizes.split(",") if s]
    parts = set(args.parts.split(","))
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)

    results: dict = {"machine": machine(), "command": " ".join([Path(sys.executable).name, "-m", "bench.run_bench",
                                                               *(argv if argv is not None else sys.argv[1:])]),
                     "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    print(f"machine: {results['machine']}", flush=True)
    if "extract" in parts:
        print("(1) extraction stages alone", flush=True)
        results["extract"] = part_extract(args)
    if "e2e" in parts:
        print("(2) end to end: accordwatch run", flush=True)
        results["e2e"] = part_e2e(args)
    if "quality" in parts:
        print("(5) extraction quality vs ground truth", flush=True)
        results["quality"] = part_quality(args, results.get("e2e"))
    if "incremental" in parts and results.get("e2e", {}).get("mix"):
        print("(3) incremental run", flush=True)
        block = results["e2e"]["mix"]
        results["incremental"] = end_to_end.run_incremental(
            args.work, Path(block["master"]), block["runs"][-1], args.seed, args.relevant_share, "mix",
            repeats=args.incremental_repeats)
    if "views" in parts:
        print("(4) analytic views", flush=True)
        results["views"] = part_views(args)

    (args.out / "results.json").write_text(json.dumps(results, indent=1, default=str))
    (args.out / "results.md").write_text(markdown(results))
    if write_plot(results, args.out / "scaling.png"):
        print(f"plot: {args.out / 'scaling.png'}")
    print(f"results: {args.out / 'results.json'}, {args.out / 'results.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
