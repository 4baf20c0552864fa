"""Every suite passes on the warehouse the real pipeline builds from the seed article."""

from __future__ import annotations

import io
import shutil

import duckdb

from pipelines.quality.cli_check import EXIT_OK, run_check_command
from pipelines.quality.suites import SUITE_SPECS


def test_pipeline_run_recorded_every_suite_and_all_passed(seed_warehouse):
    with duckdb.connect(str(seed_warehouse), read_only=True) as conn:
        rows = conn.execute(
            "SELECT asset, count(*), count(*) FILTER (WHERE NOT success) FROM quality.validation_results GROUP BY asset"
        ).fetchall()
    by_asset = {asset: (n, n_failed) for asset, n, n_failed in rows}
    assert set(by_asset) == {s.asset_key for s in SUITE_SPECS}
    assert {asset: f for asset, (_, f) in by_asset.items() if f} == {}


def test_check_command_passes_on_the_seed_warehouse(seed_warehouse, tmp_path, gx_imported):
    copy = tmp_path / "seed.duckdb"
    shutil.copy(seed_warehouse, copy)
    out = io.StringIO()
    assert run_check_command(str(copy), out=out) == EXIT_OK, out.getvalue()
    assert "0 error(s), 0 warning(s)" in out.getvalue()
