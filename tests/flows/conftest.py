"""Fixtures for the flow tests: ONE Prefect test server for the session (its API URL is handed to the
``sohoa digitize`` subprocesses), a fresh SOHOA_HOME per test, and small folders of generated scans."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.config import settings

REPO = Path(__file__).resolve().parents[2]
SCANS = [("birth_certificate", "png"), ("death_extract", "pdf"), ("marital_status_confirmation", "jpeg")]


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Prefect's test harness (a temporary server with its own database); yields its API URL."""
    os.environ.setdefault("PREFECT_HOME", str(tmp_path_factory.mktemp("prefect-home")))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield str(PREFECT_API_URL.value())


@pytest.fixture
def sohoa_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("SOHOA_HOME", str(home))
    settings.cache_clear()
    yield home
    settings.cache_clear()


@pytest.fixture(scope="session")
def generated_scans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three one-page scans made by the sample generator (clean tier), with their truth files."""
    from samples.generate import generate_document

    folder = tmp_path_factory.mktemp("scans")
    for index, (schema, fmt) in enumerate(SCANS, start=1):
        generate_document(folder, 11, schema, "clean", index, fmt)
    return folder


@pytest.fixture
def batch_folder(tmp_path: Path, generated_scans: Path) -> Path:
    """The generated scans (in a subfolder for one of them), a corrupt PDF and a text file named .pdf."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for path in sorted(generated_scans.iterdir()):
        target = folder / "sub" if path.name.startswith(SCANS[0][0]) else folder
        shutil.copy(path, target / path.name)
    pdf = next(generated_scans.glob("*.pdf")).read_bytes()
    (folder / "corrupt.pdf").write_bytes(pdf[: len(pdf) // 3])
    (folder / "notes.pdf").write_text("Ghi chú: đây là một tệp văn bản, không phải bản quét.\n", encoding="utf-8")
    return folder


def sohoa_env(home: Path, api_url: str | None) -> dict[str, str]:
    env = {**os.environ, "SOHOA_HOME": str(home), "OMP_THREAD_LIMIT": "1", "PYTHONPATH": str(REPO)}
    env.pop("PREFECT_HOME", None)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    else:
        env.pop("PREFECT_API_URL", None)
    return env


def sohoa_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "app.cli", *args]


def run_sohoa(*args: str, home: Path, api_url: str | None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(sohoa_command(*args), cwd=REPO, env=sohoa_env(home, api_url), capture_output=True,
                          text=True, timeout=timeout)
