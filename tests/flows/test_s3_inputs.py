"""``sohoa digitize s3://BUCKET/PREFIX`` against moto's S3 server (over HTTP, through the minio SDK): the objects
under the prefix are downloaded and processed like local files, the summary names them by their s3:// URL, a
corrupt object goes to quarantine, and a second run skips what is done without downloading it again."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from pipeline.models import ExtractionResult
from pipeline.process import sha256_file
from tests.flows.conftest import REPO, run_sohoa
from tests.pipeline.store import conftest as store_fixtures

s3_endpoint = store_fixtures.s3_endpoint  # moto's S3 server for the session (a fixture)

SAMPLES = REPO / "samples" / "committed"
BUCKET = "scans-in"
OBJECTS = {  # key → committed sample
    "batch/death_extract_clean_002.tif": "death_extract_clean_002.tif",
    "batch/sub/marital_status_confirmation_clean_002.pdf": "marital_status_confirmation_clean_002.pdf",
    "batch/death_extract_clean_002.truth.json": "death_extract_clean_002.truth.json",
}
NAMES = {"batch/death_extract_clean_002.tif": "death_extract_clean_002",
         "batch/sub/marital_status_confirmation_clean_002.pdf": "sub/marital_status_confirmation_clean_002"}


@pytest.fixture
def s3_batch(s3_endpoint: str, sohoa_home: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, bytes]:
    """The scans, a note and a truncated PDF under ``s3://scans-in/batch``; one object beside the prefix
    (``batch10/``) that must not be taken. The repository stores into another bucket of the same server."""
    from minio import Minio

    for name, value in {"SOHOA_S3_ENDPOINT": s3_endpoint, "SOHOA_S3_ACCESS_KEY": "testing",
                        "SOHOA_S3_SECRET_KEY": "testing", "SOHOA_S3_BUCKET": "sohoa-s3-inputs",
                        "SOHOA_S3_SECURE": "false"}.items():
        monkeypatch.setenv(name, value)
    client = Minio(s3_endpoint, access_key="testing", secret_key="testing", secure=False)
    if not client.bucket_exists(BUCKET):
        client.make_bucket(BUCKET)
    for key, sample in OBJECTS.items():
        client.fput_object(BUCKET, key, str(SAMPLES / sample))
    corrupt = (SAMPLES / "marital_status_confirmation_clean_002.pdf").read_bytes()[:4000]
    client.put_object(BUCKET, "batch/corrupt.pdf", io.BytesIO(corrupt), len(corrupt))
    client.put_object(BUCKET, "batch10/other.png", io.BytesIO(b"not taken"), 9)
    return f"s3://{BUCKET}/batch", corrupt


def test_s3_prefix_outputs_quarantine_and_resume(prefect_api: str, sohoa_home: Path, s3_batch: tuple[str, bytes],
                                                 tmp_path: Path) -> None:
    url, corrupt = s3_batch
    out = tmp_path / "out"
    proc = run_sohoa("digitize", url, "--out", str(out), "--jobs", "1", home=sohoa_home, api_url=prefect_api)
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr

    for key, name in NAMES.items():
        sample = SAMPLES / OBJECTS[key]
        result = ExtractionResult.model_validate_json((out / f"{name}.json").read_bytes())
        assert result.sha256 == sha256_file(sample) and result.source == sample.name
        assert result.documents and result.pages[0].text.strip()
        assert (out / f"{name}.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "quarantine" / "corrupt.pdf").read_bytes() == corrupt
    assert "corrupt" in (out / "quarantine" / "corrupt.reason.txt").read_text(encoding="utf-8")

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"] == {"inputs": 3, "done": 2, "skipped": 0, "duplicate": 0, "quarantined": 1,
                                 "failed": 0, "ignored": 1, "not_followed": 0}
    status = {f["source"]: f["status"] for f in summary["files"]}
    assert status == {f"s3://{BUCKET}/{key}": "done" for key in NAMES} | {f"{url}/corrupt.pdf": "quarantined"}
    assert all(f["stored"] and f["records"] for f in summary["files"] if f["status"] == "done")
    assert summary["ignored"] == [f"{url}/death_extract_clean_002.truth.json"]
    assert summary["s3"] == {"objects": 3, "downloaded": 3, "bytes": summary["s3"]["bytes"], "known": 0}
    assert not (out / ".sohoa" / "s3" / "downloads").exists()  # downloads are not kept

    # a second run: the objects done are known by their ETag and size (not downloaded), the bad one is
    # downloaded and quarantined again
    before = {name: (out / f"{name}.pdf").stat().st_mtime_ns for name in NAMES.values()}
    again = run_sohoa("digitize", url, "--out", str(out), "--jobs", "1", home=sohoa_home, api_url=prefect_api)
    assert again.returncode == 3, again.stdout + again.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["skipped"] == 2 and summary["counts"]["done"] == 0
    assert summary["s3"] == {"objects": 3, "downloaded": 1, "bytes": len(corrupt), "known": 2}
    assert {f["source"] for f in summary["files"] if f["status"] == "skipped"} == {
        f"s3://{BUCKET}/{key}" for key in NAMES}
    assert {name: (out / f"{name}.pdf").stat().st_mtime_ns for name in NAMES.values()} == before


def test_missing_bucket_is_a_bad_argument(s3_endpoint: str, sohoa_home: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOHOA_S3_ENDPOINT", s3_endpoint)
    proc = run_sohoa("digitize", "s3://no-such-bucket/x", "--out", str(tmp_path / "out"), home=sohoa_home,
                     api_url=None, timeout=60)
    assert proc.returncode == 2
    assert "no-such-bucket" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()
