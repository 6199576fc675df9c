"""sohoa's local Prefect server (flows/local_server.py, ``sohoa server``): started on demand by ``sohoa digitize``
when no PREFECT_API_URL is set, reused by the next command (same pid in its state file), a stale state file
recovered, stopped by ``sohoa server stop`` and by itself after its idle time."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.flows.conftest import run_sohoa


def state_file(home: Path) -> Path:
    return home / "prefect" / "server.json"


def server_pid(home: Path) -> int:
    return int(json.loads(state_file(home).read_text(encoding="utf-8"))["pid"])


def wait_gone(pid: int, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def server_home(sohoa_home: Path) -> Iterator[Path]:
    """A fresh SOHOA_HOME whose local server (if any was started) is stopped afterwards, also on failure."""
    yield sohoa_home
    if state_file(sohoa_home).exists():
        run_sohoa("server", "stop", home=sohoa_home, api_url=None, timeout=60)


@pytest.mark.slow
def test_digitize_starts_the_server_once_and_reuses_it(server_home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    first = run_sohoa("digitize", str(empty), "--out", str(tmp_path / "out1"), "--no-sign", home=server_home,
                      api_url=None)
    assert first.returncode == 0, first.stdout + first.stderr
    pid = server_pid(server_home)
    assert psutil.pid_exists(pid)
    second = run_sohoa("digitize", str(empty), "--out", str(tmp_path / "out2"), "--no-sign", home=server_home,
                       api_url=None)
    assert second.returncode == 0, second.stdout + second.stderr
    assert server_pid(server_home) == pid
    assert json.loads((tmp_path / "out2" / "summary.json").read_text(encoding="utf-8"))["counts"]["inputs"] == 0
    # the flow runs of both commands are in the server's database
    assert (server_home / "prefect" / "prefect.db").is_file()

    stopped = run_sohoa("server", "stop", home=server_home, api_url=None, timeout=60)
    assert stopped.returncode == 0 and str(pid) in stopped.stdout
    assert wait_gone(pid, 30)
    assert not state_file(server_home).exists()
    status = run_sohoa("server", "status", home=server_home, api_url=None, timeout=60)
    assert status.returncode == 1


def test_stale_state_file_is_recovered(server_home: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    state_file(server_home).parent.mkdir(parents=True)
    state_file(server_home).write_text(json.dumps({"pid": dead.pid, "port": 9, "api_url": "http://127.0.0.1:9/api",
                                                   "started": 0.0, "idle_seconds": 1800}), encoding="utf-8")
    assert run_sohoa("server", "status", home=server_home, api_url=None, timeout=60).returncode == 1

    started = run_sohoa("server", "start", home=server_home, api_url=None, timeout=180)
    assert started.returncode == 0, started.stdout + started.stderr
    pid = server_pid(server_home)
    assert pid != dead.pid and psutil.pid_exists(pid)
    again = run_sohoa("server", "start", home=server_home, api_url=None, timeout=60)
    assert "already running" in again.stdout and server_pid(server_home) == pid
    assert run_sohoa("server", "status", home=server_home, api_url=None, timeout=60).returncode == 0

    assert run_sohoa("server", "stop", home=server_home, api_url=None, timeout=60).returncode == 0
    assert wait_gone(pid, 30) and not state_file(server_home).exists()


@pytest.mark.slow
def test_server_stops_when_idle(server_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOHOA_SERVER_IDLE_SECONDS", "2")
    started = run_sohoa("server", "start", home=server_home, api_url=None, timeout=180)
    assert started.returncode == 0, started.stdout + started.stderr
    pid = server_pid(server_home)
    # nobody uses it: it stops by itself and removes its state file
    assert wait_gone(pid, 90)
    assert not state_file(server_home).exists()
