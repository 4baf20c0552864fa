"""The daily refresh: cron and timezone from the environment (default 06:00 UTC)."""

from __future__ import annotations

import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dagster as dg

CRON_ENV = "ACCORDWATCH_REFRESH_CRON"
TIMEZONE_ENV = "ACCORDWATCH_REFRESH_TIMEZONE"
DEFAULT_CRON = "0 6 * * *"
DEFAULT_TIMEZONE = "UTC"


def refresh_timing() -> tuple[str, str]:
    """(cron, timezone) from ``$ACCORDWATCH_REFRESH_CRON`` / ``$ACCORDWATCH_REFRESH_TIMEZONE``.

    The timezone is checked here; Dagster rejects an invalid cron string when the schedule is built.
    """
    cron = (os.environ.get(CRON_ENV) or DEFAULT_CRON).strip()
    timezone = (os.environ.get(TIMEZONE_ENV) or DEFAULT_TIMEZONE).strip()
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"{TIMEZONE_ENV}={timezone!r} is not an IANA timezone (e.g. 'UTC', 'Europe/Kyiv')") from exc
    return cron, timezone


def build_refresh_schedule(job) -> dg.ScheduleDefinition:
    cron, timezone = refresh_timing()
    return dg.ScheduleDefinition(
        name="daily_refresh",
        job=job,
        cron_schedule=cron,
        execution_timezone=timezone,
        default_status=dg.DefaultScheduleStatus.RUNNING,
        tags={"accordwatch/trigger": "schedule"},
        description=f"Refresh the analytics views and the quality checks ({cron}, {timezone}; "
        f"set ${CRON_ENV} / ${TIMEZONE_ENV} to change).",
    )
