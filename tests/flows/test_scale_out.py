"""Scale-out on one machine (docs/deploy.md): a real Prefect server on a fresh PostgreSQL database, TWO
processes serving the flows (``python -m flows.deploy serve``, each with its own SOHOA_HOME, as two machines
would), one S3 server (moto over HTTP) and one PostgreSQL catalog shared by both. Batch runs are started
through the Prefect client; no mocks."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import sqlalchemy as sa

from bench.bench_scale_out import healthy, running
from tests.flows.conftest import REPO, sohoa_env
from tests.pipeline.store.conftest import free_port, pg_available, pg_url, s3_endpoint  # noqa: F401 (fixtures)

SAMPLES = REPO / "samples" / "committed"
FOLDERS = {  # two folders of one-page samples, one per machine's first run
    "a": ["birth_certificate_clean_001.png", "citizen_id_card_clean_002.png"],
    "b": ["death_extract_clean_001.png", "citizen_id_card_scan_002.jpg"],
}
BATCH = "batch-digitize/sohoa"
fresh_database = contextlib.contextmanager(pg_url.__wrapped__)  # the same fixture, for a second database


def wait_for(what: str, ready, procs: list[subprocess.Popen], logs: list[Path], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        for proc, log in zip(procs, logs, strict=True):
            assert proc.poll() is None, f"{log.name} exited while waiting for {what}:\n{log.read_text()[-3000:]}"
        assert time.monotonic() < deadline, f"no {what} after {timeout} s:\n" + "\n".join(
            f"--- {log.name}\n{log.read_text()[-2000:]}" for log in logs)
        time.sleep(0.3)


def run_batches(api_url: str, runs: list[dict], timeout: float = 180) -> list:
    """Starts one run of the batch deployment per parameter set, all at once; returns them when all are final."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}), get_client(sync_client=True) as client:
        deployment = client.read_deployment_by_name(BATCH)
        ids = [client.create_flow_run_from_deployment(deployment.id, parameters=p).id for p in runs]
        deadline = time.monotonic() + timeout
        while True:
            flow_runs = [client.read_flow_run(i) for i in ids]
            if all(r.state and r.state.is_final() for r in flow_runs) or time.monotonic() > deadline:
                return flow_runs
            time.sleep(0.5)


def counts(out: Path) -> dict[str, int]:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))["counts"]


def test_two_serving_processes_share_server_catalog_and_bucket(pg_available: bool, pg_url: str,  # noqa: F811
                                                               s3_endpoint: str, tmp_path: Path) -> None:  # noqa: F811
    from minio import Minio

    inputs = {}
    for key, names in FOLDERS.items():
        inputs[key] = tmp_path / f"in_{key}"
        inputs[key].mkdir()
        for name in names:
            shutil.copy(SAMPLES / name, inputs[key] / name)
    hashes = {hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.glob("in_*/*")}
    out = {key: tmp_path / f"out_{key}" for key in FOLDERS}
    bucket = f"sohoa-scale-{uuid.uuid4().hex[:8]}"
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    server_env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-server"),
                  "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false"}
    server_env.pop("PREFECT_API_URL", None)
    prefect = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    serve = [sys.executable, "-m", "flows.deploy", "serve", "--limit", "1"]
    logs = [tmp_path / "server.log", tmp_path / "serve-1.log", tmp_path / "serve-2.log"]
    with contextlib.ExitStack() as stack:
        prefect_db = stack.enter_context(fresh_database(pg_available))
        server_env["PREFECT_API_DATABASE_CONNECTION_URL"] = prefect_db.replace("+psycopg", "+asyncpg")
        started = time.monotonic()
        server = stack.enter_context(running(prefect, server_env, logs[0]))
        wait_for("Prefect API", lambda: healthy(api_url), [server], logs[:1])
        print(f"Prefect server on PostgreSQL answering after {time.monotonic() - started:.1f} s")
        servers = []
        for number, log in enumerate(logs[1:], start=1):
            env = sohoa_env(tmp_path / f"home-{number}", api_url) | {
                "SOHOA_S3_ENDPOINT": s3_endpoint, "SOHOA_S3_ACCESS_KEY": "testing",
                "SOHOA_S3_SECRET_KEY": "testing", "SOHOA_S3_BUCKET": bucket, "SOHOA_S3_SECURE": "false",
                "SOHOA_DATABASE_URL": pg_url, "SOHOA_JOBS": "1", "PREFECT_RUNNER_POLL_FREQUENCY": "1",
            }
            servers.append(stack.enter_context(running(serve, env, log)))
        wait_for("serving processes", lambda: all("being served" in log.read_text() for log in logs[1:]),
                 [server, *servers], logs)
        print(f"both serving processes polling after {time.monotonic() - started:.1f} s")

        # Two folders at once: with one run at a time per process, each process takes one.
        first = run_batches(api_url, [{"paths": [str(inputs[k])], "out_dir": str(out[k])} for k in FOLDERS])
        first_counts = {key: counts(out[key]) for key in FOLDERS if (out[key] / "summary.json").is_file()}
        # Both folders again into out_a: a's inputs are done there (markers), b's are redone for out_a and
        # find their records already stored (the repository's idempotent put).
        [again] = run_batches(api_url, [{"paths": [str(inputs["a"]), str(inputs["b"])], "out_dir": str(out["a"])}])
        served = [log.read_text() for log in logs[1:]]
        for r in [*first, again]:
            assert r.state.is_completed(), f"{r.name}: {r.state}\n" + "\n".join(served)
            print(f"{r.name}: started {(r.start_time - r.expected_start_time).total_seconds():.1f} s after it "
                  f"was created, ran {r.total_run_time.total_seconds():.1f} s")
        runners = [[i for i, text in enumerate(served) if f"Beginning flow run '{r.name}'" in text] for r in first]
        assert sorted(runners) == [[0], [1]], runners  # each first run in exactly one process, not the same one

    for key, names in FOLDERS.items():
        assert first_counts[key]["done"] == len(names), first_counts
        for folder in {out[key], out["a"]}:  # out_a got both folders
            for stem in (Path(name).stem for name in names):
                assert (folder / f"{stem}.pdf").is_file() and (folder / f"{stem}.json").is_file()
    again_counts = counts(out["a"])
    assert (again_counts["skipped"], again_counts["done"]) == (len(FOLDERS["a"]), len(FOLDERS["b"])), again_counts

    engine = sa.create_engine(pg_url)
    try:
        with engine.connect() as conn:
            records = conn.execute(sa.text(
                "SELECT source_sha256, doc_index, scan_key, archive_key, signed_key, extraction_key FROM records"
            )).all()
            actions = Counter(conn.execute(sa.text("SELECT action FROM audit_events")).scalars())
            originals = dict(conn.execute(sa.text("SELECT source_sha256, object_key FROM originals")).all())
    finally:
        engine.dispose()
    assert {r.source_sha256 for r in records} == hashes
    assert max(Counter((r.source_sha256, r.doc_index) for r in records).values()) == 1  # each document once
    assert actions["put"] == len(records) and actions["put_existing"] >= len(FOLDERS["b"])
    client = Minio(s3_endpoint, access_key="testing", secret_key="testing", secure=False)
    stored = {o.object_name for o in client.list_objects(bucket, recursive=True)}
    for record in records:
        # one signed copy per paper: the record's own archive and signed copies; the whole input is kept once
        # as an original (scan_key stays empty on a record that has its own copies)
        assert None not in (record.archive_key, record.signed_key, record.extraction_key)
        keys = (record.scan_key, record.archive_key, record.signed_key, record.extraction_key)
        assert {k for k in keys if k} <= stored
        assert record.scan_key or originals[record.source_sha256] in stored
