"""The real UI: `dagster dev` on a free loopback port, a materialization of everything launched and read back
through GraphQL, and no process left behind."""

from __future__ import annotations

import pytest

from pipelines.automation.dev_server import (
    assets_and_checks,
    latest_check_execution,
    launch_materialize_all,
    prepare_home,
    processes_using_home,
    run_materializations,
    running_dev_server,
    wait_for_run,
)
from pipelines.automation.inbox import INBOX_ENV
from pipelines.paths import read_only_snapshot_path
from pipelines.settings import DB_ENV, SOURCE_ENV
from tests.conftest import copy_seed
from tests.helpers import query


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_materialize_everything_through_the_ui_and_shut_down_cleanly(tmp_path):
    home = prepare_home(tmp_path / "dagster_home")
    db_path = tmp_path / "warehouse.duckdb"
    source = tmp_path / "articles"
    copy_seed(source)
    (tmp_path / "inbox").mkdir()
    env = {DB_ENV: str(db_path), SOURCE_ENV: str(source), INBOX_ENV: str(tmp_path / "inbox")}

    with running_dev_server(home, env, tmp_path / "dagster-dev.log") as server:
        assets, checks = assets_and_checks(server)
        assert ["core", "claims"] in assets and ["publish", "read_snapshot"] in assets
        assert checks, "the UI lists no asset checks"

        run_id = launch_materialize_all(server)
        status = wait_for_run(server, run_id, timeout=180)
        assert status == "SUCCESS", server.log_tail()

        assert run_materializations(server, run_id) == assets
        for asset_path, check_name in checks:
            execution = latest_check_execution(server, asset_path, check_name)
            assert execution is not None, f"{asset_path}:{check_name} never ran"
            assert execution["runId"] == run_id
            assert execution["status"] in {"SUCCEEDED", "FAILED"}, execution  # evaluated, not skipped/errored
            assert execution["evaluation"] is not None
        pids_while_running = processes_using_home(home)
        assert len(pids_while_running) >= 2  # webserver, daemon, code server...

    assert processes_using_home(home) == []
    assert server.process.poll() is not None
    # the run wrote the warehouse named in the environment, and published its snapshot
    assert query(db_path, "SELECT count(*) FROM raw.articles") == [(1,)]
    assert query(read_only_snapshot_path(db_path), "SELECT count(*) FROM core.articles") == [(1,)]
