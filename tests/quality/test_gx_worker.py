"""GX in a worker process (what a Dagster run uses) gives the outcomes GX in this process gives."""

from __future__ import annotations

import pandas as pd

from pipelines.quality.gx_worker import GxWorker, running_gx_worker, start_gx_worker, stop_gx_worker
from pipelines.quality.suites import spec_for
from pipelines.quality.validate import _gx_validator, local_gx_validator

EXPECTATIONS = [
    {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "country_code"}, "severity": "critical"},
    {"type": "expect_column_values_to_be_in_set",
     "kwargs": {"column": "status", "value_set": ["joined", "signed"]}, "severity": "warning"},
]
ROWS = pd.DataFrame({"claim_id": ["c1", "c2", "c3"], "country_code": ["KZ", None, "AE"],
                     "status": ["joined", "declined", "signed"]})


def _comparable(outcomes):
    return [(o.expectation_type, o.success, o.severity, o.unexpected_count, o.unexpected_sample) for o in outcomes]


def test_worker_outcomes_equal_in_process_outcomes():
    spec = spec_for("core.claims")
    worker = GxWorker()
    try:
        remote = worker.validate(spec, ROWS, EXPECTATIONS, "worker-test")
    finally:
        worker.close()
    local = local_gx_validator().validate(spec, ROWS, EXPECTATIONS, "local-test")
    assert _comparable(remote) == _comparable(local)
    # the rows the article says are wrong: one NULL country (c2), one status outside the set (declined)
    assert [(o.success, o.unexpected_count) for o in remote] == [(False, 1), (False, 1)]
    # a closed worker falls back to GX in this process
    assert _comparable(worker.validate(spec, ROWS, EXPECTATIONS, "after-close")) == _comparable(local)


def test_checks_use_the_running_worker_until_it_stops():
    assert running_gx_worker() is None
    worker = start_gx_worker()
    try:
        assert _gx_validator() is worker and start_gx_worker() is worker
    finally:
        stop_gx_worker()
    assert running_gx_worker() is None and _gx_validator() is local_gx_validator()
