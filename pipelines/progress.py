"""A Dagster logger that prints one line per finished step (used by ``accordwatch run``)."""

from __future__ import annotations

import logging
import sys

import dagster as dg

_SHOWN_EVENTS = {
    "STEP_START": "started",
    "STEP_SUCCESS": "done",
    "STEP_FAILURE": "FAILED",
    "STEP_SKIPPED": "skipped",
    "ASSET_CHECK_EVALUATION": "check",
}


class _StepLineHandler(logging.Handler):
    def __init__(self, stream) -> None:
        super().__init__()
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        if event is None:
            return
        label = _SHOWN_EVENTS.get(event.event_type_value)
        if label is None or label == "started":
            return
        step = event.step_key or ""
        if label == "check":
            data = event.event_specific_data
            evaluation = getattr(data, "evaluation", data)
            passed = getattr(evaluation, "passed", None)
            name = getattr(evaluation, "check_name", "")
            key = getattr(evaluation, "asset_key", None)
            target = "/".join(key.path) if key is not None else step
            outcome = "passed" if passed else f"FAILED ({getattr(evaluation, 'severity', '')})"
            self.stream.write(f"  check {target}:{name} {outcome}\n")
        else:
            self.stream.write(f"  [{label}] {step}\n")
        self.stream.flush()


@dg.logger(
    config_schema={"enabled": dg.Field(bool, default_value=False)},
    description="One line per finished step and asset check; enabled by `accordwatch run`.",
)
def progress_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    logger = logging.getLogger("accordwatch.progress")
    logger.setLevel(logging.DEBUG)
    logger.handlers.clear()
    logger.propagate = False
    if init_context.logger_config["enabled"]:
        logger.addHandler(_StepLineHandler(sys.stdout))
    return logger
