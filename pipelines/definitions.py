"""The accordwatch Dagster code location: ingest -> extract -> resolve -> quality -> analytics.

Settings come from the environment at run time (``ACCORDWATCH_DB``, ``ACCORDWATCH_SOURCE_DIR``,
``ACCORDWATCH_INBOX_DIR``); nothing is opened or read when this module is imported.
"""

from __future__ import annotations

import dagster as dg

from pipelines.analytics.assets import analytics_assets
from pipelines.automation import automation_definitions
from pipelines.extract.assets import core_extraction
from pipelines.ingest.assets import raw_ingest
from pipelines.ingest.clean_assets import core_articles
from pipelines.progress import progress_logger
from pipelines.quality.checks import build_quality_checks
from pipelines.resolve.assets import resolve_assets
from pipelines.settings import build_resources

ALL_ASSETS = [raw_ingest, core_articles, core_extraction, *resolve_assets, *analytics_assets]

# The checks of the tables one step writes run in one step after it; the views' checks in one step.
CHECK_GROUPS = {
    **{f"{asset.node_def.name}_quality_suites": asset.keys for asset in [raw_ingest, core_articles, core_extraction]},
    **{f"{asset.node_def.name}_quality_suites": asset.keys for asset in resolve_assets},
    "analytics_quality_suites": [key for asset in analytics_assets for key in asset.keys],
}

defs = dg.Definitions.merge(
    dg.Definitions(
        assets=ALL_ASSETS,
        asset_checks=build_quality_checks(groups=CHECK_GROUPS),
        resources=build_resources(),
        # One process runs every step: DuckDB writes stay serialized, GX is imported once per run,
        # and no step pays for a subprocess start.
        executor=dg.in_process_executor,
        loggers={"console": dg.colored_console_logger, "progress": progress_logger},
    ),
    automation_definitions(ALL_ASSETS),
)
