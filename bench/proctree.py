"""Sample a process tree from /proc: peak summed resident memory and CPU seconds of every process.

``/usr/bin/time`` reports the largest single process's peak RSS and only the CPU of children that
were waited for; the pipeline's pool workers are grandchildren started by a forkserver, so both
figures under-count them. This sampler walks /proc every ``interval`` seconds, sums VmRSS over the
run process and all its descendants (peak of the sum, and peak of the largest one) and PSS (shared
pages split between the processes sharing them, so the sum does not count them twice), and keeps the
last utime+stime seen per pid (CPU of a process that ends between two samples is counted up to
its last sample).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK")
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _snapshot() -> dict[int, tuple[int, float, int]]:
    """pid -> (ppid, cpu seconds, rss bytes) for every process readable now."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text().split()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        ppid = int(fields[1])
        cpu = (int(fields[11]) + int(fields[12])) / _TICK
        out[int(entry.name)] = (ppid, cpu, int(statm[1]) * _PAGE)
    return out


def _pss(pid: int) -> int:
    """Proportional set size in bytes (shared pages split among the processes sharing them)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class TreeSampler:
    """Background thread sampling the tree under ``root_pid`` until ``stop()``."""

    def __init__(self, root_pid: int, interval: float = 0.25):
        self.root_pid = root_pid
        self.interval = interval
        self.peak_tree_rss = 0
        self.peak_tree_pss = 0
        self.peak_single_rss = 0
        self.max_processes = 0
        self._cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> "TreeSampler":
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        snap = _snapshot()
        children: dict[int, list[int]] = {}
        for pid, (ppid, _, _) in snap.items():
            children.setdefault(ppid, []).append(pid)
        tree, todo = [], [self.root_pid]
        while todo:
            pid = todo.pop()
            if pid in snap:
                tree.append(pid)
                todo.extend(children.get(pid, ()))
        rss = [snap[p][2] for p in tree]
        self.peak_tree_rss = max(self.peak_tree_rss, sum(rss))
        self.peak_tree_pss = max(self.peak_tree_pss, sum(_pss(p) for p in tree))
        self.peak_single_rss = max(self.peak_single_rss, max(rss, default=0))
        self.max_processes = max(self.max_processes, len(tree))
        for pid in tree:
            self._cpu[pid] = max(self._cpu.get(pid, 0.0), snap[pid][1])

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join()
        return {"tree_peak_rss_mb": self.peak_tree_rss / 2**20, "tree_peak_pss_mb": self.peak_tree_pss / 2**20, "single_peak_rss_mb": self.peak_single_rss / 2**20,
                "tree_cpu_s": sum(self._cpu.values()), "max_processes": self.max_processes}
