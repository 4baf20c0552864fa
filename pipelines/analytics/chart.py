"""The membership chart: members_lower/members_upper per accord over time, as a PNG file and in metadata."""

import base64
import hashlib
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import dagster as dg

from pipelines.resources import WarehouseResource
from pipelines.warehouse import preview_markdown

MEMBERSHIP_GROWTH = dg.AssetKey(["analytics", "membership_growth"])
MEMBERSHIP_CHART = dg.AssetKey(["analytics", "membership_chart"])
CHART_FILE_NAME = "membership_growth.png"
# Bump when render_membership_chart draws differently: charts stamped with another version are redrawn.
CHART_RENDER_VERSION = "chart-1"
GROWTH_ROWS = "SELECT accord, month, members_lower, members_upper FROM analytics.membership_growth ORDER BY accord, month"


def chart_path(db_path: str | Path) -> Path:
    """``<directory of the warehouse file>/charts/membership_growth.png``."""
    return Path(db_path).resolve().parent / "charts" / CHART_FILE_NAME


def chart_fingerprint(rows: Sequence[tuple[str, date, int, int]]) -> str:
    """What the chart is drawn from: the render version and the growth rows."""
    return hashlib.sha256(repr((CHART_RENDER_VERSION, list(rows))).encode()).hexdigest()


def write_chart_if_changed(rows: Sequence[tuple[str, date, int, int]], path: Path) -> tuple[bytes, bool]:
    """The chart's PNG bytes and whether it was drawn now. A chart already at ``path`` whose stamp
    (``<name>.sha256`` beside it) matches the rows is reused: drawing costs ~1 s (matplotlib's import
    and the rendering), and most runs add articles that change no membership."""
    stamp = path.with_name(path.name + ".sha256")
    fingerprint = chart_fingerprint(rows)
    if path.is_file() and stamp.is_file() and stamp.read_text(encoding="ascii").strip() == fingerprint:
        return path.read_bytes(), False
    png = render_membership_chart(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    stamp.write_text(fingerprint + "\n", encoding="ascii")
    return png, True


def render_membership_chart(rows: Sequence[tuple[str, date, int, int]]) -> bytes:
    """PNG bytes of step lines per accord: members_lower (solid) and members_upper (dashed), the band
    between them shaded (uncertain dates). ``rows``: (accord, month, members_lower, members_upper)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 4.5), dpi=100)
    axes = figure.add_subplot()
    by_accord: dict[str, list[tuple[date, int, int]]] = {}
    for accord, month, lower, upper in rows:
        by_accord.setdefault(accord, []).append((month, lower, upper))
    for index, (accord, points) in enumerate(sorted(by_accord.items())):
        points.sort()
        months = [p[0] for p in points]
        lower = [p[1] for p in points]
        upper = [p[2] for p in points]
        color = f"C{index % 10}"
        axes.step(months, upper, where="post", linestyle="--", color=color, label=f"{accord}: signed or announced (upper)")
        axes.step(months, lower, where="post", linestyle="-", color=color, label=f"{accord}: certainly signed (lower)")
        axes.fill_between(months, lower, upper, step="post", color=color, alpha=0.15)
    if not by_accord:
        axes.text(0.5, 0.5, "no membership events yet", ha="center", va="center", transform=axes.transAxes)
    axes.set_title("Accord membership over time")
    axes.set_xlabel("month")
    axes.set_ylabel("member countries")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    if by_accord:
        axes.legend(loc="upper left", fontsize="small")
    figure.autofmt_xdate()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()


@dg.asset(
    key=MEMBERSHIP_CHART,
    deps=[MEMBERSHIP_GROWTH],
    kinds={"duckdb", "matplotlib"},
    group_name="analytics",
)
def membership_chart(warehouse: WarehouseResource) -> dg.MaterializeResult:
    """A PNG chart of membership over time: per accord, members_lower (certainly signed) and members_upper
    (possibly signed or announced) as step lines by month, written next to the warehouse file
    (charts/membership_growth.png) and shown here in the metadata. Redrawn only when the growth rows
    changed (metadata ``redrawn``)."""
    with warehouse.connect(read_only=True) as conn:
        rows = conn.execute(GROWTH_ROWS).fetchall()
        preview = preview_markdown(conn, "SELECT * FROM analytics.membership_growth ORDER BY accord, month DESC", 12)
    path = chart_path(warehouse.db_path)
    png, redrawn = write_chart_if_changed(rows, path)
    image = f"![membership](data:image/png;base64,{base64.b64encode(png).decode('ascii')})"
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(rows),
            "chart": dg.MetadataValue.md(image),
            "path": dg.MetadataValue.path(str(path)),
            "redrawn": dg.MetadataValue.bool(redrawn),
            "preview": dg.MetadataValue.md(preview),
        }
    )
