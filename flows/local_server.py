"""sohoa's local Prefect API server: started once, reused by every command, stopped after an idle time.

Without ``PREFECT_API_URL``, Prefect 3 would start a temporary API server in a subprocess for each command and
stop it at exit (its "ephemeral" mode): 5–15 s and ~250 MB per command. Instead ``sohoa digitize`` (and
``sohoa server start``) call ``ensure_running()``: it reads the state file ``SOHOA_HOME/prefect/server.json``
(pid, port, API URL); when that process is alive and answers ``/api/health`` its URL is used, otherwise (no file,
a dead pid, a pid that is not our server any more) a new server is started, detached from the command, and the
file rewritten. A lock file (``server.lock``) makes two commands starting at once share one server.

The server is this module run as a program (``python -m flows.local_server --port P --idle S``): Prefect's own
ASGI app (``create_app(ephemeral=True)``: no UI, only the services Prefect runs in its temporary servers, SQLite
database under ``PREFECT_HOME``) under uvicorn, wrapped by a counter of requests in flight; when no request has
been in flight for ``idle`` seconds (``SOHOA_SERVER_IDLE_SECONDS``, default 1800) it exits and removes its state
file. Its log is ``SOHOA_HOME/prefect/server.log``.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.error import URLError
from urllib.request import urlopen

from pipeline.config import settings

DEFAULT_IDLE_SECONDS = 1800
START_TIMEOUT_SECONDS = 120.0  # the first start creates Prefect's database: slow on a busy machine
SERVER_MARK = "flows.local_server"  # in the server's command line: a reused pid is not taken for our server


@dataclass(frozen=True)
class ServerState:
    pid: int
    port: int
    api_url: str
    started: float  # time.time() when it was started
    idle_seconds: int


def prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or settings().home / "prefect").expanduser()


def state_path() -> Path:
    return settings().home / "prefect" / "server.json"


def idle_seconds() -> int:
    raw = os.environ.get("SOHOA_SERVER_IDLE_SECONDS", "")
    try:
        return max(1, int(raw)) if raw else DEFAULT_IDLE_SECONDS
    except ValueError:
        return DEFAULT_IDLE_SECONDS


def read_state() -> ServerState | None:
    try:
        return ServerState(**json.loads(state_path().read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def _write_state(state: ServerState) -> None:
    path = state_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(state)), encoding="utf-8")
    tmp.replace(path)


def _is_our_server(pid: int) -> bool:
    """The pid is alive and runs this module (not another process that got the pid of a dead server)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return SERVER_MARK.encode() in cmdline and not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def _healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        with urlopen(f"{api_url}/health", timeout=timeout) as response:  # noqa: S310 (our own http://127.0.0.1 URL)
            return response.status == 200
    except (URLError, OSError, ValueError):
        return False


def status() -> ServerState | None:
    """The running server of this SOHOA_HOME, or None (a state file whose process is gone counts as none)."""
    state = read_state()
    if state and _is_our_server(state.pid) and _healthy(state.api_url):
        return state
    return None


@contextmanager
def _locked() -> Iterator[None]:
    path = state_path().with_name("server.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env |= {
        "PREFECT_HOME": str(prefect_home()),
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_SERVER_ANALYTICS_ENABLED": env.get("PREFECT_SERVER_ANALYTICS_ENABLED", "false"),
        "PREFECT_SERVER_LOGGING_LEVEL": env.get("PREFECT_SERVER_LOGGING_LEVEL", "WARNING"),
        "PREFECT__SERVER_EPHEMERAL": "1",
        "OMP_THREAD_LIMIT": "1",
    }
    return env


def _start() -> ServerState:
    home = prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    port, idle = _free_port(), idle_seconds()
    log = (state_path().parent / "server.log").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", SERVER_MARK, "--port", str(port), "--idle", str(idle)],
        env=_server_environment(), stdin=subprocess.DEVNULL, stdout=log, stderr=log,
        start_new_session=True,  # not in the command's process group: Ctrl-C on the command leaves it running
        close_fds=True,
    )
    log.close()
    state = ServerState(pid=proc.pid, port=port, api_url=f"http://127.0.0.1:{port}/api", started=time.time(),
                        idle_seconds=idle)
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the local Prefect server exited with status {proc.returncode}; see "
                               f"{state_path().parent / 'server.log'}")
        if _healthy(state.api_url, timeout=1.0):
            _write_state(state)
            return state
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"the local Prefect server did not answer within {START_TIMEOUT_SECONDS:.0f} s")


def ensure_running() -> tuple[ServerState, bool]:
    """The server of this SOHOA_HOME, started if none is running; returns it and whether it was started now."""
    with _locked():
        running = status()
        if running:
            return running, False
        stale = read_state()
        if stale:
            state_path().unlink(missing_ok=True)
        return _start(), True


def stop(timeout: float = 15.0) -> ServerState | None:
    """Stops the running server (SIGTERM, then SIGKILL after ``timeout``); returns what was stopped, or None."""
    with _locked():
        state = read_state()
        if state is None:
            return None
        if _is_our_server(state.pid):
            os.kill(state.pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while _is_our_server(state.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            if _is_our_server(state.pid):
                os.kill(state.pid, signal.SIGKILL)
        else:
            state = None  # a stale file: nothing was running
        state_path().unlink(missing_ok=True)
        return state


# --- the server process ---------------------------------------------------------------------------------------

ASGIApp = Callable[[MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
                   Awaitable[None]]


class ActivityTracker:
    """ASGI middleware: counts HTTP requests and websockets in flight and remembers when the last one ended."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.in_flight = 0
        self.last_active = time.monotonic()
        self._lock = threading.Lock()

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        with self._lock:
            self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            with self._lock:
                self.in_flight -= 1
                self.last_active = time.monotonic()

    def touch(self) -> None:
        with self._lock:
            self.last_active = time.monotonic()

    def idle_for(self) -> float:
        with self._lock:
            return 0.0 if self.in_flight else time.monotonic() - self.last_active


def serve(port: int, idle: int) -> None:
    import uvicorn
    from prefect.server.api.server import create_app

    tracker = ActivityTracker(create_app(ephemeral=True, final=True))
    config = uvicorn.Config(tracker, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)

    def watch() -> None:
        while not server.started and not server.should_exit:  # the database is made or migrated first
            time.sleep(0.1)
        tracker.touch()
        while not server.should_exit:
            if tracker.idle_for() >= idle:
                server.should_exit = True
                return
            time.sleep(min(5.0, idle / 4))

    threading.Thread(target=watch, name="idle-watch", daemon=True).start()
    try:
        server.run()
    finally:
        state = read_state()
        if state and state.pid == os.getpid():
            state_path().unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="sohoa's local Prefect API server (started by ensure_running)")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--idle", type=int, default=DEFAULT_IDLE_SECONDS)
    args = parser.parse_args(argv)
    serve(args.port, args.idle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
