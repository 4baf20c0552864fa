"""Peak resident memory of `accordwatch run` between its progress lines, sampled from outside.

    .venv/bin/python -m bench.cli_step_memory SOURCE_DIR DB_PATH

The run's process is sampled every 50 ms through /proc (no thread inside it: a thread would stop
`accordwatch run` from forking its listing ahead). Each progress line is printed with the largest
RSS seen since the previous line, i.e. the peak of the step or check that line reports as done.
"""

import subprocess
import sys
import threading
import time
from pathlib import Path

SAMPLE_SECONDS = 0.05


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main(source_dir: str, db_path: str) -> None:
    command = [str(Path(sys.executable).with_name("accordwatch")), "run", "--source", source_dir, "--db", db_path]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    since_last_line = [0.0]

    def sample() -> None:
        while proc.poll() is None:
            since_last_line[0] = max(since_last_line[0], _rss_mb(proc.pid))
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    overall = 0.0
    for line in proc.stdout:
        peak, since_last_line[0] = since_last_line[0], 0.0
        overall = max(overall, peak)
        if peak:
            print(f"{peak:6.0f} MB | {line.rstrip()}", flush=True)
    proc.wait()
    sampler.join()
    print(f"peak {max(overall, since_last_line[0]):.0f} MB, exit code {proc.returncode}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
