"""Prefect's environment for sohoa, set before Prefect is imported.

With nothing configured, Prefect runs on this machine with its local ephemeral API (a temporary server in a
subprocess, SQLite under ``PREFECT_HOME``): no server to start, no network. sohoa only fills in defaults
(``os.environ.setdefault``), so anything the user sets (``PREFECT_API_URL`` for a real server, ``PREFECT_HOME``,
logging levels) wins.

``sohoa digitize`` asks for more (``local_server=True``): with no ``PREFECT_API_URL`` it uses sohoa's local Prefect
server (``flows.local_server``: started once, reused by the next commands, stopped after an idle time) instead of
a temporary server per command, and points ``PREFECT_API_URL`` at it. ``SOHOA_PREFECT_SERVER=ephemeral`` keeps
Prefect's temporary server per command.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.config import settings


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
