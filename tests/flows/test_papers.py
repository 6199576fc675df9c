"""``sohoa digitize`` gives one signed copy per paper (issue 15): an input holding a birth certificate and a
marriage certificate gives two records, each with its own signed PDF/A (its page only, its own text layer),
both signatures valid (the test PKI's signer, as in a production installation); the whole input is kept as
an original, not as a record's copy."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pikepdf
import pytest
from sqlalchemy import select

from tests.flows.conftest import run_sohoa
from tests.flows.test_reuse import test_pki, use_real_signer  # noqa: F401 - the test PKI's signer

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "committed"


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.upper()


def test_digitize_signs_and_stores_each_paper_of_an_input(prefect_api: str, sohoa_home: Path, tmp_path: Path,
                                                          test_pki, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    use_real_signer(monkeypatch, test_pki)
    folder = tmp_path / "in"
    folder.mkdir()
    joined = pikepdf.new()
    for name in ("birth_certificate_clean_002.pdf", "marriage_certificate_scan_001.pdf"):
        with pikepdf.open(SAMPLES / name) as part:
            joined.pages.extend(part.pages)
    joined.save(folder / "ho_so.pdf")
    out = tmp_path / "out"
    proc = run_sohoa("digitize", str(folder), "--out", str(out), "--jobs", "1", home=sohoa_home,
                     api_url=prefect_api)
    assert proc.returncode == 0, proc.stdout + proc.stderr

    from pipeline.signing import verify_pdf
    from pipeline.store import Repository
    from pipeline.store.links import Original

    [row] = json.loads((out / "summary.json").read_text(encoding="utf-8"))["files"]
    assert [(p["schema"], p["pages"], p["pdf"]) for p in row["papers"]] == [
        ("birth_certificate", [1], "ho_so.paper-1.pdf"), ("marriage_certificate", [2], "ho_so.paper-2.pdf")]
    with pikepdf.open(out / "ho_so.pdf") as whole:
        assert len(whole.pages) == 2  # the whole input's copy is still published as before
    repo = Repository.from_settings()
    try:
        texts = {}
        for paper in row["papers"]:
            published = out / paper["pdf"]
            record = repo.get(paper["record"], actor="test")
            stored = tmp_path / f"record-{record.id}.pdf"
            stored.write_bytes(repo.read_copy(record.id, "signed", actor="test"))
            assert stored.read_bytes() == published.read_bytes()
            with pikepdf.open(stored) as pdf:
                assert len(pdf.pages) == 1
            report = verify_pdf(stored)
            assert report.valid and report.verdict == "valid", report.summary
            assert (record.schema_id, record.archive_pages, record.scan_key) == (paper["schema"], paper["pages"], None)
            texts[paper["schema"]] = _text(stored)
        with repo._read() as session:
            [original] = session.scalars(select(Original)).all()
        assert original.pages == 2 and repo.objects.get_bytes(original.object_key) == \
            (folder / "ho_so.pdf").read_bytes()
    finally:
        repo.close()
    assert "KHAI SINH" in texts["birth_certificate"] and "KẾT HÔN" not in texts["birth_certificate"]
    assert "KẾT HÔN" in texts["marriage_certificate"] and "KHAI SINH" not in texts["marriage_certificate"]
