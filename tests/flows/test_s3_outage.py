"""The store task rides out an S3 server that is down: moto's S3 server over HTTP is stopped before the
batch stores anything, the store task fails and is retried with backoff, the server comes back a few seconds
later, and the batch completes with its objects in the bucket."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.flows.conftest import REPO, sohoa_command, sohoa_env

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_store_retries_through_s3_outage(prefect_api: str, sohoa_home: Path, generated_scans: Path,
                                         tmp_path: Path) -> None:
    from minio import Minio
    from moto.server import ThreadedMotoServer

    port = free_port()
    endpoint = f"127.0.0.1:{port}"
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    server.stop()  # down when the batch starts; moto keeps its state in this process for the restart
    folder = tmp_path / "in"
    folder.mkdir()
    scan = next(generated_scans.glob("*.png"))
    (folder / scan.name).write_bytes(scan.read_bytes())
    out = tmp_path / "out"
    env = sohoa_env(sohoa_home, prefect_api) | {
        "SOHOA_S3_ENDPOINT": endpoint, "SOHOA_S3_ACCESS_KEY": "testing", "SOHOA_S3_SECRET_KEY": "testing",
        "SOHOA_S3_BUCKET": "sohoa-outage", "SOHOA_S3_SECURE": "false",
    }
    proc = subprocess.Popen(sohoa_command("digitize", str(folder), "--out", str(out)), cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    restarted = None
    try:
        log = out / ".sohoa" / "batch.log"
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if log.is_file() and "Retry 1/" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        assert proc.poll() is None, "the batch ended while the S3 server was down"
        time.sleep(3)
        restarted = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        restarted.start()
        output, _ = proc.communicate(timeout=240)
        assert proc.returncode == 0, output
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        [entry] = summary["files"]
        assert entry["status"] == "done" and entry["stored"] and entry["records"]
        client = Minio(endpoint, access_key="testing", secret_key="testing", secure=False)
        keys = [o.object_name for o in client.list_objects("sohoa-outage", recursive=True)]
        assert len(keys) >= 4  # scan, archive copy, signed copy, extraction
    finally:
        if proc.poll() is None:
            proc.kill()
        if restarted is not None:
            restarted.stop()
