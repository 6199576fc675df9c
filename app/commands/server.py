"""``sohoa server start|stop|status``: sohoa's local Prefect API server (flows.local_server), which
``sohoa digitize`` starts on demand when no ``PREFECT_API_URL`` is set and which stops itself after
``SOHOA_SERVER_IDLE_SECONDS`` (default 1800) without requests.

Exit statuses: 0 done (``status``: running), 1 ``status`` when no server is running or a server failed to start.
"""

from __future__ import annotations

import os
import time

import typer
from rich.console import Console


def _describe(pid: int, api_url: str, started: float, idle: int) -> str:
    age = time.time() - started
    return (f"máy chủ Prefect cục bộ / local Prefect server: {api_url} (pid {pid}, "
            f"{age:.0f} s, tự dừng sau {idle} s không dùng / stops after {idle} s idle)")


def register(cli: typer.Typer) -> None:
    server_cli = typer.Typer(help="sohoa's local Prefect API server (started on demand by `sohoa digitize`).",
                             no_args_is_help=True)

    @server_cli.command("start")
    def start() -> None:
        """Starts the local Prefect server of this SOHOA_HOME (or reports the one already running)."""
        from flows.prefect_env import configure

        configure()
        from flows.local_server import ensure_running

        try:
            state, started = ensure_running()
        except RuntimeError as err:
            Console(stderr=True).print(f"[red]sohoa: {err}[/red]")
            raise typer.Exit(1) from None
        word = "đã khởi động / started" if started else "đang chạy / already running"
        Console().print(f"{word}: {_describe(state.pid, state.api_url, state.started, state.idle_seconds)}")
        if os.environ.get("PREFECT_API_URL"):
            Console().print("[yellow]PREFECT_API_URL is set: sohoa's commands use that API, not this server[/yellow]")

    @server_cli.command("stop")
    def stop() -> None:
        """Stops the local Prefect server of this SOHOA_HOME."""
        from flows.local_server import stop as stop_server

        stopped = stop_server()
        if stopped:
            Console().print(f"đã dừng / stopped: pid {stopped.pid} ({stopped.api_url})")
        else:
            Console().print("không có máy chủ nào đang chạy / no server running")

    @server_cli.command("status")
    def status() -> None:
        """Whether the local Prefect server of this SOHOA_HOME is running (exit 0) or not (exit 1)."""
        from flows.local_server import status as server_status

        state = server_status()
        if state is None:
            Console().print("không có máy chủ nào đang chạy / no server running")
            raise typer.Exit(1)
        Console().print(_describe(state.pid, state.api_url, state.started, state.idle_seconds))

    cli.add_typer(server_cli, name="server")
