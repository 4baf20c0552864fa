"""Start the Dagster UI (`dagster dev`: webserver + daemon + code server) and drive it over GraphQL.

Used by the end-to-end UI test and by ``scripts/screenshots.py``. ``dagster dev`` started from a
non-interactive shell inherits an ignored SIGINT and maps SIGTERM onto its SIGINT handler, so it is
started in a process group of its own with SIGINT restored to the default, stopped with SIGINT to
the whole group, and anything of the group still alive after a grace period is killed. Every process
it starts carries the server's own ``DAGSTER_HOME`` in its environment, which is how
:func:`processes_using_home` proves that nothing was left behind.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipelines.paths import REPO_ROOT

INSTANCE_TEMPLATE = REPO_ROOT / "dagster_home" / "dagster.yaml"
LOCATION_NAME = "accordwatch"
REPOSITORY_NAME = "__repository__"
IMPLICIT_ASSET_JOB = "__ASSET_JOB"
FINISHED_RUN_STATUSES = {"SUCCESS", "FAILURE", "CANCELED"}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _restore_sigint() -> None:  # runs in the child, between fork and exec
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@dataclass
class DevServer:
    process: subprocess.Popen
    url: str
    home: Path
    log_path: Path

    def graphql(self, query: str, variables: Mapping | None = None, timeout: float = 60) -> dict:
        """POST one GraphQL request; returns ``data`` (raises on transport or GraphQL errors)."""
        body = json.dumps({"query": query, "variables": dict(variables or {})}).encode()
        request = urllib.request.Request(
            f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = json.loads(response.read())
        if payload.get("errors"):
            raise RuntimeError(f"GraphQL errors: {payload['errors']}")
        return payload["data"]

    def log_tail(self, n_chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-n_chars:]
        except OSError:
            return ""


def prepare_home(home: Path) -> Path:
    """A fresh DAGSTER_HOME holding the committed instance settings."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(INSTANCE_TEMPLATE, home / "dagster.yaml")
    return home


@contextmanager
def running_dev_server(
    home: Path, env: Mapping[str, str], log_path: Path, startup_timeout: float = 120
) -> Iterator[DevServer]:
    """``dagster dev`` on a free loopback port, ready to answer; every process stopped on exit."""
    port = free_port()
    dagster = Path(sys.executable).with_name("dagster")
    child_env = {**os.environ, **env, "DAGSTER_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(dagster), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
            cwd=REPO_ROOT,
            env=child_env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_restore_sigint,
        )
    server = DevServer(process, f"http://127.0.0.1:{port}", home, log_path)
    try:
        wait_until_ready(server, startup_timeout)
        yield server
    finally:
        stop(server)


def wait_until_ready(server: DevServer, timeout: float) -> None:
    """Poll ``/server_info`` until the webserver answers (about 10 s here)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"dagster dev exited with {server.process.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}/server_info", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise TimeoutError(f"dagster dev did not answer within {timeout} s:\n{server.log_tail()}")


def processes_using_home(home: Path) -> list[int]:
    """Pids of live processes whose environment has ``DAGSTER_HOME=<home>`` (Linux /proc)."""
    marker = f"DAGSTER_HOME={home}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z" and marker in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


def stop(server: DevServer, grace_seconds: float = 30) -> None:
    """SIGINT to the whole group (a clean shutdown), then SIGKILL to whatever is left of it."""
    pgid = server.process.pid  # start_new_session: the group id is the leader's pid
    _signal_group(pgid, signal.SIGINT)
    try:
        server.process.wait(timeout=grace_seconds)
    except subprocess.TimeoutExpired:
        pass
    deadline = time.monotonic() + 10
    while processes_using_home(server.home) and time.monotonic() < deadline:
        time.sleep(0.2)
    _signal_group(pgid, signal.SIGKILL)
    for pid in processes_using_home(server.home):  # a child that left the group, if any
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if server.process.poll() is None:
        server.process.wait(timeout=10)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


# ----------------------------------------------------------------------------- GraphQL operations

ASSETS_AND_CHECKS = """
query AssetsAndChecks {
  assetNodes {
    assetKey { path }
    isExecutable
    assetChecksOrError { ... on AssetChecks { checks { name } } }
  }
}
"""

LAUNCH_RUN = """
mutation Launch($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message stack }
    ... on InvalidSubsetError { message }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on Error { message }
  }
}
"""

RUN_STATUS = """
query Status($runId: ID!) { runOrError(runId: $runId) { __typename ... on Run { status } } }
"""

RUN_MATERIALIZATIONS = """
query Materializations($runId: ID!) {
  runOrError(runId: $runId) {
    ... on Run { assetMaterializations { assetKey { path } runId } }
  }
}
"""

CHECK_EXECUTIONS = """
query CheckExecutions($assetKey: AssetKeyInput!, $checkName: String!) {
  assetCheckExecutions(assetKey: $assetKey, checkName: $checkName, limit: 1) {
    runId
    status
    evaluation { success severity }
  }
}
"""


def assets_and_checks(server: DevServer) -> tuple[list[list[str]], list[tuple[list[str], str]]]:
    """(executable asset keys, (asset key, check name) of every check) as the UI lists them."""
    nodes = server.graphql(ASSETS_AND_CHECKS)["assetNodes"]
    assets = sorted(n["assetKey"]["path"] for n in nodes if n["isExecutable"])
    checks = sorted(
        (n["assetKey"]["path"], c["name"])
        for n in nodes
        for c in (n.get("assetChecksOrError") or {}).get("checks", [])
    )
    return assets, checks


def launch_materialize_all(server: DevServer) -> str:
    """What "Materialize all" does: one run of every asset and every check. Returns the run id."""
    assets, checks = assets_and_checks(server)
    params = {
        "selector": {
            "repositoryLocationName": LOCATION_NAME,
            "repositoryName": REPOSITORY_NAME,
            "jobName": IMPLICIT_ASSET_JOB,
            "assetSelection": [{"path": path} for path in assets],
            "assetCheckSelection": [{"assetKey": {"path": path}, "name": name} for path, name in checks],
        },
        "mode": "default",
        "runConfigData": {},
        "executionMetadata": {"tags": [{"key": "accordwatch/trigger", "value": "ui"}]},
    }
    result = server.graphql(LAUNCH_RUN, {"params": params})["launchRun"]
    if result["__typename"] != "LaunchRunSuccess":
        raise RuntimeError(f"launchRun failed: {result}")
    return result["run"]["runId"]


def wait_for_run(server: DevServer, run_id: str, timeout: float = 180) -> str:
    """Poll the run until it finishes; returns SUCCESS, FAILURE or CANCELED."""
    deadline = time.monotonic() + timeout
    status = None
    while time.monotonic() < deadline:
        status = server.graphql(RUN_STATUS, {"runId": run_id})["runOrError"].get("status")
        if status in FINISHED_RUN_STATUSES:
            return status
        time.sleep(1)
    raise TimeoutError(f"run {run_id} still {status} after {timeout} s:\n{server.log_tail()}")


def run_materializations(server: DevServer, run_id: str) -> list[list[str]]:
    events = server.graphql(RUN_MATERIALIZATIONS, {"runId": run_id})["runOrError"]["assetMaterializations"]
    return sorted(e["assetKey"]["path"] for e in events if e["runId"] == run_id)


def latest_check_execution(server: DevServer, asset_path: list[str], check_name: str) -> dict | None:
    executions = server.graphql(CHECK_EXECUTIONS, {"assetKey": {"path": asset_path}, "checkName": check_name})
    found = executions["assetCheckExecutions"]
    return found[0] if found else None
