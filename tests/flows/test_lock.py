"""One batch at a time in an output folder (flows.lock): a second ``sohoa digitize`` into it gets one line and
exit 2; the lock of a killed run does not block the next one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.lock import OutputFolderBusy, lock_path, output_folder_lock
from tests.flows.conftest import REPO

HOLDER = """
import sys, time
from flows.lock import output_folder_lock
with output_folder_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(600)
"""


@pytest.fixture
def holder(tmp_path: Path):
    """Another process holding the lock of ``tmp_path / "out"``."""
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(out)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    yield out, proc
    proc.kill()
    proc.wait()


def test_a_second_run_into_the_same_folder_gets_one_line_and_exit_2(holder, tmp_path: Path) -> None:
    out, proc = holder
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n")
    run = subprocess.run([sys.executable, "-m", "app.cli", "digitize", str(scan), "--out", str(out), "--no-sign",
                          "--no-store"], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "in use by another run" in lines[0] and f"pid {proc.pid}" in lines[0], run.stderr
    assert not (out / "summary.json").exists()


def test_the_lock_of_a_killed_run_does_not_block(holder) -> None:
    out, proc = holder
    with pytest.raises(OutputFolderBusy), output_folder_lock(out):
        pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert lock_path(out).exists()  # left behind, with the dead run's pid in it
    with output_folder_lock(out):
        assert lock_path(out).read_text().strip() == str(os.getpid())


def test_the_lock_is_reentrant_within_a_process(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with output_folder_lock(out), output_folder_lock(out):
        pass
    started = time.perf_counter()
    with output_folder_lock(out):  # released: taken again at once
        pass
    assert time.perf_counter() - started < 1
