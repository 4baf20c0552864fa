"""Merge the results of several ``bench.run_bench`` invocations into one scaling table and plot.

The parts were run one at a time (``--out bench/results/<part>``) so that each could be timed on its
own; this reads every ``bench/results/*/results.json``, puts the end-to-end runs of each corpus
kind in one list ordered by N (a later run of the same N replaces an earlier one) and writes
``bench/results/scaling.md`` and ``bench/results/scaling.png``.

    .venv/bin/python -m bench.merge_results [RESULTS_DIR]   # default bench/results
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.run_bench import write_plot

HERE = Path(__file__).resolve().parent


def merged_e2e(results_dir: Path) -> dict:
    blocks: dict[str, dict] = {}
    for path in sorted(results_dir.glob("*/results.json"), key=lambda p: p.stat().st_mtime):
        for label, block in (json.loads(path.read_text()).get("e2e") or {}).items():
            merged = blocks.setdefault(label, {"label": label, "runs": {}})
            for run in block["runs"]:
                merged["runs"][run["n_articles"]] = run
    return {label: {**b, "runs": [b["runs"][n] for n in sorted(b["runs"])]} for label, b in blocks.items()}


def scaling_table(e2e: dict) -> str:
    lines = ["| corpus | N | wall s | CPU s (tree) | cores used | articles/s (wall) | articles/CPU-s | "
             "peak RSS MB (largest process) | peak PSS MB (tree) | DuckDB MB | claims | load 1-min before/after |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for label, block in e2e.items():
        for r in block["runs"]:
            cpu = r.get("tree_cpu_s") or r.get("cpu_s") or 0
            lines.append(
                f"| {label} | {r['n_articles']:,} | {r['wall_s']:.1f} | {cpu:.1f} | {cpu / r['wall_s']:.2f} | "
                f"{r['n_articles'] / r['wall_s']:.0f} | {r['n_articles'] / cpu if cpu else 0:.0f} | "
                f"{r.get('peak_rss_mb') or 0:.0f} | {r.get('tree_peak_pss_mb') or 0:.0f} | {r['db_mb']:.1f} | "
                f"{r['counts'].get('core.claims')} | {r['load_before'][0]:.1f} / {r['load_after'][0]:.1f} |")
    return "\n".join(lines) + "\n"


def plot_partials(results_dir: Path, png: Path) -> None:
    """Redraw the plot with stopped runs (``*/partial.json``) as lower bounds (upward triangles)."""
    partials = [json.loads(p.read_text()) for p in results_dir.glob("*/partial.json")]
    if not partials:
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.gcf()
    ax1, ax2 = fig.axes
    for p in partials:
        ax1.plot([p["n_articles"]], [p["stopped_after_wall_s"]], "^", color="red", ms=9,
                 label=f"{p['n_articles'] // 1000}k stopped at {p['stopped_after_wall_s']:.0f} s (lower bound)")
        ax2.plot([p["n_articles"]], [p["main_peak_rss_mb_at_stop"]], "^", color="red", ms=9,
                 label=f"{p['n_articles'] // 1000}k RSS at stop (lower bound)")
    ax1.legend(fontsize=7)
    ax2.legend(fontsize=7)
    fig.savefig(png, dpi=110)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    results_dir = Path(argv[0]) if argv else HERE / "results"
    e2e = merged_e2e(results_dir)
    (results_dir / "scaling.md").write_text(scaling_table(e2e))
    write_plot({"e2e": e2e}, results_dir / "scaling.png")
    plot_partials(results_dir, results_dir / "scaling.png")
    print(scaling_table(e2e))
    print(f"plot: {results_dir / 'scaling.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
