"""``sohoa digitize`` end to end (a subprocess against the session's Prefect server): outputs, PDF/A,
signatures, the contract's JSON, quarantine with reasons, exit statuses, and a second run that redoes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest
from sqlalchemy import func, select

from pipeline.models import ExtractionResult
from pipeline.process import sha256_file
from tests.flows.conftest import run_sohoa

NAMES = ["sub/birth_certificate_clean_001", "death_extract_clean_002", "marital_status_confirmation_clean_003"]


def record_count(home: Path) -> int:
    from pipeline.config import settings
    from pipeline.store.catalog import Record
    from pipeline.store.database import create_catalog_engine

    engine = create_catalog_engine(settings().catalog_url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(Record)).scalar_one()
    finally:
        engine.dispose()


@pytest.fixture
def first_run(prefect_api: str, sohoa_home: Path, batch_folder: Path, tmp_path: Path):
    out = tmp_path / "out"
    proc = run_sohoa("digitize", str(batch_folder), "--out", str(out), "--jobs", "2", home=sohoa_home,
                     api_url=prefect_api)
    return proc, out


def test_batch_outputs_quarantine_and_resume(first_run, sohoa_home: Path, batch_folder: Path,
                                             prefect_api: str) -> None:
    proc, out = first_run
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr

    # outputs per input: the signed PDF/A-2b archive copy and the contract's JSON
    for name in NAMES:
        source = next(batch_folder.glob(f"{name}.*[!n]"))  # the scan, not its .truth.json
        with pikepdf.open(out / f"{name}.pdf") as pdf:
            meta = pdf.open_metadata()
            assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
            assert any(f.get("/FT") == "/Sig" for f in pdf.Root.AcroForm.Fields)
        data = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert set(data) == {"source", "sha256", "pages", "documents", "timings"}
        result = ExtractionResult.model_validate(data)
        assert result.sha256 == sha256_file(source) and result.source == source.name
        assert result.pages and result.pages[0].text.strip()
        assert result.documents, f"{name}: no document extracted"
        keys = {"schema", "schema_confidence", "pages", "fields", "entries", "issues", "needs_review"}
        assert all(keys <= set(document) for document in data["documents"])

    from pipeline.signing import verify_pdf

    report = verify_pdf(out / f"{NAMES[1]}.pdf")
    assert report.signatures and report.signatures[0].intact and report.signatures[0].covers_whole_file

    # bad inputs: copied (not moved) into quarantine with a reason; the batch went on
    quarantine = out / "quarantine"
    for bad, words in (("corrupt", "corrupt"), ("notes", "text file")):
        assert (quarantine / f"{bad}.pdf").read_bytes() == (batch_folder / f"{bad}.pdf").read_bytes()
        assert words in (quarantine / f"{bad}.reason.txt").read_text(encoding="utf-8")
    assert not list(out.rglob("*.part"))

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"] == {"inputs": 5, "done": 3, "skipped": 0, "duplicate": 0, "quarantined": 2,
                                 "failed": 0, "ignored": 3, "not_followed": 0}
    assert summary["pages_processed"] == 3 and summary["pages_per_second"] > 0
    records = record_count(sohoa_home)
    assert records >= 3

    # a second run: everything done is skipped (same files, same records), the bad ones again quarantined
    before = {name: (out / f"{name}.pdf").stat().st_mtime_ns for name in NAMES}
    again = run_sohoa("digitize", str(batch_folder), "--out", str(out), home=sohoa_home, api_url=prefect_api)
    assert again.returncode == 3, again.stdout + again.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["skipped"] == 3 and summary["counts"]["done"] == 0
    assert summary["pages_processed"] == 0
    assert {name: (out / f"{name}.pdf").stat().st_mtime_ns for name in NAMES} == before
    assert record_count(sohoa_home) == records


def test_bad_arguments_exit_2(sohoa_home: Path, tmp_path: Path) -> None:
    proc = run_sohoa("digitize", str(tmp_path / "no-such-folder"), "--out", str(tmp_path / "out"),
                     home=sohoa_home, api_url=None, timeout=60)
    assert proc.returncode == 2
    assert "no-such-folder" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()

    proc = run_sohoa("digitize", str(tmp_path), "--schema", "no_such_schema", "--out", str(tmp_path / "out"),
                     home=sohoa_home, api_url=None, timeout=60)
    assert proc.returncode == 2
    assert "no_such_schema" in proc.stderr and "Traceback" not in proc.stderr
