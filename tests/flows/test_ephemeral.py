"""``sohoa digitize`` with ``SOHOA_PREFECT_SERVER=ephemeral``: Prefect's temporary API server for the command
(no server to start, no network), Prefect's home under SOHOA_HOME, and no Prefect server process left behind.
(With nothing configured at all, sohoa's local server is used instead: tests/flows/test_local_server.py.)"""

from __future__ import annotations

from pathlib import Path

import psutil
import pytest

from tests.flows.conftest import run_sohoa

pytestmark = pytest.mark.slow


def servers_for(home: Path) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        try:
            if "prefect.server.api.server:create_app" in " ".join(proc.info["cmdline"] or []) and \
                    proc.environ().get("SOHOA_HOME") == str(home):
                found.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def test_ephemeral_api_under_sohoa_home(sohoa_home: Path, generated_scans: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOHOA_PREFECT_SERVER", "ephemeral")
    scan = next(generated_scans.glob("*.png"))
    out = tmp_path / "out"
    proc = run_sohoa("digitize", str(scan), "--out", str(out), "--no-sign", "--no-store", home=sohoa_home,
                     api_url=None)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (out / f"{scan.stem}.pdf").is_file() and (out / f"{scan.stem}.json").is_file()
    assert (sohoa_home / "prefect" / "prefect.db").is_file()
    assert "Starting temporary server" not in proc.stderr  # Prefect's own lines stay off the terminal
    assert not servers_for(sohoa_home)
    assert not (sohoa_home / "prefect" / "server.json").exists()
