"""The resolve/analytics assets as the lead's Definitions will see them (no run needed), and the
chart renderer on its own."""

from __future__ import annotations

from datetime import date

import dagster as dg

from pipelines.analytics.assets import VIEWS, analytics_assets
from pipelines.analytics.chart import chart_path, render_membership_chart, write_chart_if_changed
from pipelines.paths import SQL_DIR
from pipelines.resolve.assets import resolve_assets

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
UPSTREAM = {dg.AssetKey(["core", "claims"]), dg.AssetKey(["core", "articles"]), dg.AssetKey(["core", "accords"])}


def all_specs() -> dict[str, dg.AssetSpec]:
    return {spec.key.to_user_string(): spec
            for asset in [*resolve_assets, *analytics_assets] for spec in asset.specs}


def test_asset_keys_are_the_duckdb_tables():
    assert set(all_specs()) == {
        "core/membership_events", "analytics/membership_timeline", "analytics/members_as_of",
        "analytics/known_as_of", "analytics/membership_growth", "analytics/claim_conflicts",
        "analytics/membership_chart"}


def test_every_asset_is_described_grouped_and_typed():
    for key, spec in all_specs().items():
        assert spec.description and len(spec.description) > 40, key
        assert spec.group_name == ("resolve" if key.startswith("core/") else "analytics"), key
        expected_kinds = {"duckdb", "matplotlib"} if key.endswith("membership_chart") else {"duckdb"}
        assert spec.kinds == expected_kinds, key


def test_writers_share_the_duckdb_pool_and_the_chart_reads_only():
    for asset in [*resolve_assets, *analytics_assets]:
        expected = None if asset.key.path[-1] == "membership_chart" else "duckdb_writer"
        assert asset.op.pool == expected, asset.key


def test_lineage_reaches_the_extracted_tables():
    specs = all_specs()
    events_deps = {dep.asset_key for dep in specs["core/membership_events"].deps}
    assert events_deps == UPSTREAM
    for view in VIEWS:
        deps = {dep.asset_key for dep in specs[view.key.to_user_string()].deps}
        assert dg.AssetKey(["core", "membership_events"]) in deps, view.name
    chart_deps = {dep.asset_key for dep in specs["analytics/membership_chart"].deps}
    assert chart_deps == {dg.AssetKey(["analytics", "membership_growth"])}


def test_every_view_has_its_sql_file():
    for view in VIEWS:
        for relative in view.sql_files:
            assert (SQL_DIR / relative).is_file(), relative


def test_chart_renders_a_png_with_and_without_data(tmp_path):
    rows = [("Abraham Accords", date(2020, 9, 1), 0, 2), ("Abraham Accords", date(2020, 10, 1), 2, 3),
            ("Paris Agreement", date(2020, 9, 1), 1, 1)]
    assert render_membership_chart(rows)[:8] == PNG_MAGIC
    assert render_membership_chart([])[:8] == PNG_MAGIC
    assert chart_path(tmp_path / "w.duckdb") == tmp_path.resolve() / "charts" / "membership_growth.png"


def test_chart_is_redrawn_only_when_its_rows_change(tmp_path):
    path = tmp_path / "charts" / "membership_growth.png"
    rows = [("Abraham Accords", date(2020, 9, 1), 0, 2)]
    png, redrawn = write_chart_if_changed(rows, path)
    assert redrawn and png[:8] == PNG_MAGIC and path.read_bytes() == png
    assert write_chart_if_changed(list(rows), path) == (png, False)
    changed = [*rows, ("Abraham Accords", date(2020, 10, 1), 2, 3)]
    png2, redrawn = write_chart_if_changed(changed, path)
    assert redrawn and png2 != png and path.read_bytes() == png2
    path.unlink()  # a deleted chart is drawn again even though its stamp is still there
    assert write_chart_if_changed(changed, path)[1]
