"""Run a command and measure its wall time, the CPU seconds and the peak memory of its whole process tree (sum of
the resident memory of the process and all its descendants), sampled every 50 ms. Processes that live less than
that are missed by the CPU and memory figures.

OCRmyPDF's command lowers its own priority (``os.nice(5)`` in ``ocrmypdf.__main__``): on a machine shared with
other work it then gets less CPU than a command at the default priority, and a wall-time ratio flatters sohoa.
The benchmarks run sohoa's commands at the same niceness (``niceness=PEER_NICENESS``)."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass

import psutil

PEER_NICENESS = 5  # what OCRmyPDF's command sets for itself


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system of every process of the tree, as last seen
    peak_rss_mb: float  # the largest sum of the tree's resident memory seen

    def __add__(self, other: Run) -> Run:
        """Two runs one after the other: times add up, peak memory is the larger."""
        return Run(self.seconds + other.seconds, self.cpu_seconds + other.cpu_seconds,
                   max(self.peak_rss_mb, other.peak_rss_mb))


def run_measured(cmd: list[str], env: dict[str, str] | None = None, niceness: int = 0) -> Run:
    """Runs ``cmd`` (output discarded; its priority lowered by ``niceness``) and samples its process tree; a failing
    command raises with its stderr."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=(lambda: os.nice(niceness)) if niceness else None)
    root = psutil.Process(proc.pid)
    cpu: dict[tuple[int, float], float] = {}  # (pid, create time) -> CPU seconds
    peak = 0
    while proc.poll() is None:
        total = 0
        try:
            members = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            members = []
        for member in members:
            try:
                with member.oneshot():
                    times = member.cpu_times()
                    total += member.memory_info().rss
                    cpu[(member.pid, member.create_time())] = times.user + times.system
            except psutil.NoSuchProcess:
                pass
        peak = max(peak, total)
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if proc.returncode:
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-2000:]}")
    return Run(seconds=seconds, cpu_seconds=sum(cpu.values()), peak_rss_mb=peak / 2**20)
