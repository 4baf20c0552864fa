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
    import multiprocessing

    assert running_gx_worker() is None
    before = set(multiprocessing.active_children())
    worker = start_gx_worker()
    try:
        assert _gx_validator() is worker and start_gx_worker() is worker
        worker.validate(spec_for("core.claims"), ROWS, EXPECTATIONS, "started")  # its process is running
        started = set(multiprocessing.active_children()) - before
        assert started
    finally:
        stop_gx_worker()
    assert running_gx_worker() is None and _gx_validator() is local_gx_validator()
    # stopped means exited: a worker still stopping when the process exits could hang its exit
    assert not [p for p in started if p.is_alive()]


class _PidValidator:
    """Answers each expectation with (its type, the pid of the process that validated it)."""

    def validate(self, spec, df, expectations, call_id):
        import os

        return [(e["type"], os.getpid()) for e in expectations]


def _numbered(n: int) -> list[dict]:
    return [{"type": f"expectation_{i}", "kwargs": {}} for i in range(n)]


def test_shared_validation_keeps_each_suites_order_and_uses_a_second_process():
    import os

    from pipelines.quality.gx_worker import EXPECTATIONS_PER_PIECE, validate_shared

    spec = spec_for("core.claims")
    sizes = [EXPECTATIONS_PER_PIECE * 3 + 1, 2, 0, EXPECTATIONS_PER_PIECE]
    tasks = [(spec, ROWS, _numbered(n), "shared") for n in sizes]
    outcomes = validate_shared(_PidValidator(), tasks)
    assert [[t for t, _ in o] for o in outcomes] == [[e["type"] for e in _numbered(n)] for n in sizes]
    pids = {pid for o in outcomes for _, pid in o}
    assert os.getpid() in pids and len(pids) == 2  # this process and one forked copy shared the work
    # one piece of work: no copy
    [single] = validate_shared(_PidValidator(), [(spec, ROWS, _numbered(3), "one")])
    assert {pid for _, pid in single} == {os.getpid()}


def test_shared_gx_validation_equals_one_by_one():
    from pipelines.quality.gx_worker import validate_shared

    spec = spec_for("core.claims")
    many = [  # 10 different expectations: two pieces
        *({"type": "expect_column_values_to_not_be_null", "kwargs": {"column": c}} for c in ROWS.columns),
        *({"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "status", "value_set": ["joined", s]},
           "severity": "warning"} for s in ("signed", "declined", "left", "x", "y", "z", "w")),
    ]
    tasks = [(spec, ROWS, many, "a"), (spec, ROWS.iloc[:1], EXPECTATIONS, "b")]
    shared = validate_shared(local_gx_validator(), tasks)
    alone = [local_gx_validator().validate(*task) for task in tasks]
    assert [_comparable(o) for o in shared] == [_comparable(o) for o in alone]
    assert [(o.success, o.unexpected_count) for o in shared[1]] == [(True, 0), (True, 0)]  # row c1 is valid


def test_two_pass_validation_reports_what_one_detailed_pass_reports():
    """Passing row rules come from GX's BOOLEAN_ONLY pass; the others are validated again in detail.

    Rows: claims c1 (KZ, joined), c2 (no country, declined), c3 (AE, signed)."""
    spec = spec_for("core.claims")
    expectations = [
        *EXPECTATIONS,  # country not null (c2 fails), status in {joined, signed} (c2's "declined" fails)
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "claim_id"}, "severity": "critical"},
        # passes although one row of three is NULL: the count of that row must still be reported
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "country_code", "mostly": 0.5},
         "severity": "warning"},
        {"type": "expect_table_columns_to_match_set",
         "kwargs": {"column_set": ["claim_id", "country_code", "status"]}, "severity": "critical"},
    ]
    validator = local_gx_validator()
    outcomes = validator.validate(spec, ROWS, expectations, "two-pass")
    by_rule = {(o.expectation_type, o.kwargs.get("column"), o.kwargs.get("mostly")): o for o in outcomes}
    assert len(by_rule) == len(expectations) == len(outcomes)
    null_country = by_rule[("expect_column_values_to_not_be_null", "country_code", None)]
    assert (null_country.success, null_country.unexpected_count) == (False, 1)
    assert null_country.unexpected_sample[0]["row"] == {"claim_id": "c2"}  # the offending row's key
    in_set = by_rule[("expect_column_values_to_be_in_set", "status", None)]
    assert (in_set.success, in_set.unexpected_count) == (False, 1)
    assert in_set.unexpected_sample[0]["value"] == "declined"
    claim_id = by_rule[("expect_column_values_to_not_be_null", "claim_id", None)]
    assert (claim_id.success, claim_id.unexpected_count, claim_id.unexpected_sample) == (True, 0, [])
    mostly = by_rule[("expect_column_values_to_not_be_null", "country_code", 0.5)]
    assert (mostly.success, mostly.unexpected_count) == (True, 1)
    columns = by_rule[("expect_table_columns_to_match_set", None, None)]
    assert columns.success and columns.observed_value == ["claim_id", "country_code", "status"]
    # the same outcomes, in the same order, as one validation with GX's detailed result
    from pipelines.quality.validate import _gx_outcome

    detailed = validator._validate_with(spec, ROWS, expectations, "one-pass", "SUMMARY")
    assert outcomes == [_gx_outcome(spec, r) for r in detailed]
