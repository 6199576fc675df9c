"""Prefect's environment for sohoa, set before Prefect is imported.

With nothing configured, Prefect runs on this machine with its local ephemeral API (a temporary server in a
subprocess, SQLite under ``PREFECT_HOME``): no server to start, no network. sohoa only fills in defaults
(``os.environ.setdefault``), so anything the user sets (``PREFECT_API_URL`` for a real server, ``PREFECT_HOME``,
logging levels) wins.

``sohoa digitize`` asks for more (``local_server=True``): with no ``PREFECT_API_URL`` it uses sohoa's local Prefect
server (``flows.local_server``: started once, reused by the next commands, stopped after an idle time) instead of
a temporary server per command, and points ``PREFECT_API_URL`` at it. ``SOHOA_PREFECT_SERVER=ephemeral`` keeps
Prefect's temporary server per command. Such a command also runs its flow without Prefect's heartbeat thread
(``flow_heartbeats_off``), unless ``PREFECT_FLOWS_HEARTBEAT_FREQUENCY`` is set.
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from pathlib import Path

from pipeline.config import settings

HEARTBEAT_VARIABLES = ("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY")
_process_settings = ExitStack()  # settings this process keeps for its whole life (``flow_heartbeats_off``)


def configure(quiet_console: bool = False, local_server: bool = False) -> None:
    """Defaults for Prefect: its home under SOHOA_HOME, ephemeral API allowed, no telemetry.

    ``quiet_console`` keeps Prefect's own lines off the terminal (they still go to the Prefect API and the
    batch log, OUT/.sohoa/batch.log, which the command names when something failed); call it before the first
    ``import prefect`` in the process for it to take effect. ``local_server``: see the module's docstring.
    """
    os.environ.setdefault("PREFECT_HOME", str(settings().home / "prefect"))
    Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)  # Prefect makes one level
    os.environ.setdefault("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "true")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # The first start creates Prefect's database; on a busy machine that takes longer than Prefect's 20 s.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    if quiet_console:
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
        os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    if local_server and not os.environ.get("PREFECT_API_URL") and \
            os.environ.get("SOHOA_PREFECT_SERVER", "local") != "ephemeral":
        from flows.local_server import ensure_running

        state, _ = ensure_running()
        os.environ["PREFECT_API_URL"] = state.api_url
    if local_server:
        flow_heartbeats_off()


def flow_heartbeats_off() -> None:
    """Flows this process (thread) calls itself run without Prefect's heartbeat thread. Its heartbeats serve to
    find flow runs whose process died (a Prefect automation, for deployments run by workers); a command's own
    flow run ends with the command, and the thread costs that command up to a second at its end: it sleeps in 1-s
    steps and the flow waits for it to wake. A heartbeat interval set by the user
    (``PREFECT_FLOWS_HEARTBEAT_FREQUENCY``) is kept. Imports Prefect; called once more, it changes nothing."""
    if any(os.environ.get(name) for name in HEARTBEAT_VARIABLES):
        return
    from prefect.settings import get_current_settings, temporary_settings

    if get_current_settings().flows.heartbeat_frequency is not None:
        _process_settings.enter_context(temporary_settings(updates={"flows.heartbeat_frequency": None}))
