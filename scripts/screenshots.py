"""Screenshots of the running Dagster UI for the README (not part of CI).

Starts ``dagster dev`` on a throwaway instance and warehouse built from the bundled sample article,
materializes everything through GraphQL (as "Materialize all" does), then photographs the asset graph,
the run with its checks, and the checks of core/claims with headless Chromium (Debian: ``apt-get install
chromium``). Every process is stopped at the end.

    .venv/bin/python scripts/screenshots.py --out docs      # or: make screenshots
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from websockets.sync.client import connect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.automation.dev_server import (  # noqa: E402
    free_port,
    launch_materialize_all,
    prepare_home,
    running_dev_server,
    wait_for_run,
)
from pipelines.automation.inbox import INBOX_ENV  # noqa: E402
from pipelines.paths import SAMPLE_DIR  # noqa: E402
from pipelines.settings import DB_ENV, SOURCE_ENV  # noqa: E402

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
WHOLE_GRAPH_VIEW = "view=lineage&lineageScope=upstream&lineageDepth=20"


def find_chromium() -> str:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("no Chromium found: apt-get install -y chromium")


class Browser:
    """Headless Chromium driven over the DevTools protocol (``websockets`` comes with dagster-webserver)."""

    def __init__(self, chromium: str, width: int, height: int) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="accordwatch-chromium-")
        port = free_port()
        self.process = subprocess.Popen(
            [
                chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", f"--user-data-dir={self._profile.name}", f"--remote-debugging-port={port}",
                f"--window-size={width},{height}", "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._next_id = 0
        self._stack = contextlib.ExitStack()
        self._ws = self._stack.enter_context(connect(self._page_socket(port), max_size=None, open_timeout=30))
        self.viewport(width, height)

    def viewport(self, width: int, height: int, scale: float = 1.0) -> None:
        """A CSS viewport of width x height, rendered at ``scale`` (0.5: a PNG half that size)."""
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=scale, mobile=False)

    @staticmethod
    def _page_socket(port: int) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as response:
                    pages = [t for t in json.loads(response.read()) if t.get("type") == "page"]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            except OSError:
                pass
            time.sleep(0.3)
        raise TimeoutError("Chromium's DevTools endpoint did not come up")

    def call(self, method: str, **params) -> dict:
        self._next_id += 1
        call_id = self._next_id
        self._ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._ws.recv(timeout=60))
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def open(self, url: str, settle_seconds: float) -> None:
        self.call("Page.navigate", url=url)
        time.sleep(settle_seconds)

    def screenshot(self, out: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        out.write_bytes(base64.b64decode(data))
        print(f"  {out}")

    def close(self) -> None:
        try:
            self._stack.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            self._profile.cleanup()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="docs", help="folder for the PNGs (default: docs)")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--settle", type=float, default=8.0, help="seconds the UI gets to load before each shot")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="accordwatch-screens-") as tmp:
        root = Path(tmp)
        source = root / "articles"
        shutil.copytree(SAMPLE_DIR, source)
        (root / "inbox").mkdir()
        env = {DB_ENV: str(root / "warehouse.duckdb"), SOURCE_ENV: str(source), INBOX_ENV: str(root / "inbox")}
        with running_dev_server(prepare_home(root / "home"), env, root / "dagster-dev.log") as server:
            print(f"dagster dev at {server.url}; materializing everything ...")
            run_id = launch_materialize_all(server)
            status = wait_for_run(server, run_id)
            print(f"run {run_id}: {status}")
            server.graphql("mutation { setNuxSeen }")  # no "join the community" dialog over the shots
            browser = Browser(chromium, args.width, args.height)
            try:
                # Everything upstream of the snapshot is the whole graph; this view zooms it to fit a tall window.
                browser.viewport(args.width, int(args.height * 1.4))
                browser.open(f"{server.url}/assets/publish/read_snapshot?{WHOLE_GRAPH_VIEW}", args.settle)
                browser.screenshot(out / "ui-asset-graph.png")
                browser.viewport(args.width, args.height)
                browser.open(f"{server.url}/runs/{run_id}", args.settle)
                browser.screenshot(out / "ui-run-with-checks.png")
                browser.open(f"{server.url}/assets/core/claims?view=checks", args.settle)
                browser.screenshot(out / "ui-claims-checks.png")
            finally:
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
