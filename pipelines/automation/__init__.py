"""Jobs, schedules and sensors that keep the warehouse fresh."""

from __future__ import annotations

import dagster as dg


def automation_definitions() -> dg.Definitions:
    """Jobs, schedules and sensors of the code location."""
    return dg.Definitions()
