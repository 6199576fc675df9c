"""Run a command and measure its wall time and the peak memory of its whole process tree (sum of the resident
memory of the process and all its descendants, sampled every 50 ms)."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass

import psutil


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    returncode: int


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        total = 0
        try:
            members = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            members = []
        for member in members:
            try:
                total += member.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        peak = max(peak, total)
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if proc.returncode:
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-2000:]}")
    return Run(seconds=seconds, peak_rss_mb=peak / 2**20, returncode=proc.returncode)
