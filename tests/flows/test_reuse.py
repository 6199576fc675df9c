"""reuse_result after a real ``sohoa digitize`` (subprocess, session Prefect server, signed by the test PKI's
signer and stored): the citizen's records by personal number with a valid signature and their data, narrowed by
schema; an archive copy altered on disk is reported as not reusable; an unknown number gives nothing; the reads
are audited; the logs and Prefect's run parameters hold no personal data. ``check_record`` on a copy signed by
sohoa's development signer: reusable but marked in a development installation, refused with a real signer."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from pydantic import SecretStr

from pipeline.config import settings
from tests.flows.conftest import run_sohoa

pytestmark = pytest.mark.filterwarnings('ignore:Field name "schema"')
TEST_SIGNATURE = "chữ ký thử nghiệm, không có giá trị pháp lý"


@pytest.fixture(scope="module")
def test_pki(tmp_path_factory):
    from tests.pki.testpki import start_test_pki

    pki = start_test_pki(tmp_path_factory.mktemp("pki"))
    yield pki
    pki.close()


def use_real_signer(monkeypatch: pytest.MonkeyPatch, pki) -> None:
    """The test PKI's signer as SOHOA_SIGNER (PKCS#12) and its root trusted, here and in subprocesses."""
    from tests.pki.installation import real_signer_env

    for name, value in real_signer_env(pki).items():
        monkeypatch.setenv(name, value)
    for name in ("SOHOA_TSA_URL", "SOHOA_SIGN_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    settings.cache_clear()


def truth(path: Path) -> list[dict]:
    return json.loads(path.with_name(f"{path.stem}.truth.json").read_text(encoding="utf-8"))["documents"]


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_reuse_by_personal_number(prefect_api: str, sohoa_home: Path, tmp_path: Path, test_pki,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from samples import families
    from samples.dossier import generate_dossier
    from samples.generate import generate_document

    scans = tmp_path / "in"
    scans.mkdir()
    # ID card + marital status confirmation of one citizen, of tuning families: a held-out round added later
    # changes what "all" draws, and how well its editions read is not what this test is about.
    dossier = generate_dossier(scans, 11, "clean", 4, selection=families.select("tuning"))
    birth = generate_document(scans, 11, "birth_certificate", "clean", 1, "png")
    card, certificate = truth(dossier)
    pid, name = card["fields"]["personal_id"], card["fields"]["full_name"]
    assert certificate["fields"]["personal_id"] == pid

    use_real_signer(monkeypatch, test_pki)
    out = tmp_path / "out"
    proc = run_sohoa("digitize", str(scans), "--out", str(out), "--jobs", "2", home=sohoa_home, api_url=prefect_api)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = {Path(r["source"]).name: r["records"] for r in json.loads((out / "summary.json").read_text())["files"]}
    birth_ids = rows[birth.name]

    from prefect.client.orchestration import get_client

    from flows import reuse_result
    from flows.repository import close_all
    from pipeline.store import Repository, key_for

    lines = Lines()
    for logger in ("prefect.flow_runs", "prefect.task_runs"):
        logging.getLogger(logger).addHandler(lines)
    repo = Repository.from_settings()
    try:
        state = reuse_result(personal_id=pid, return_state=True)
        found = state.result()
        assert found.by == "personal_id"
        assert sorted(r.schema_id for r in found.records) == ["citizen_id_card", "marital_status_confirmation"]
        for record in found.records:
            assert record.reusable and record.verified and record.hashes_ok, record.problems
            assert record.signature == "valid" and record.hashes.signed and record.hashes.archive
            assert record.data["personal_id"] == pid and record.data["full_name"] == name
            assert record.document is not None and record.document.schema_id == record.schema_id
        with get_client(sync_client=True) as client:  # Prefect keeps the run's parameters: masked
            assert client.read_flow_run(state.state_details.flow_run_id).parameters["personal_id"] == "**********"

        narrowed = reuse_result(personal_id=SecretStr(pid), schema="citizen_id_card")
        assert [r.schema_id for r in narrowed.records] == ["citizen_id_card"]
        assert reuse_result(personal_id="000000000001").records == []
        assert reuse_result(record_id=10**9).records == []

        # one paper's archive copy altered in the local object store: that record is not reusable; the other
        # paper of the same input has its own copy (one copy per paper) and still is
        archive = sohoa_home / key_for(found.records[0].archive_sha256 or "")
        os.chmod(archive, 0o644)
        archive.write_bytes(archive.read_bytes() + b"%altered\n")
        altered = reuse_result(personal_id=pid)
        assert len(altered.records) == 2
        assert [r.record_id for r in altered.reusable] == [found.records[1].record_id]
        record = next(r for r in altered.records if r.record_id == found.records[0].record_id)
        assert not record.hashes_ok and record.hashes.archive is False and not record.verified
        assert record.data == {} and record.document is None
        assert any("bản lưu trữ" in p for p in record.problems)
        other = reuse_result(record_id=birth_ids[0])
        assert [r.record_id for r in other.records] == birth_ids and other.records[0].reusable

        # the audit log has the reads: the searches and one reuse per record and call
        for record in found.records:
            reads = [e for e in repo.audit_events(record.record_id) if e.actor == "sohoa-reuse"]
            assert [e.action for e in reads].count("reuse") == 2 + (record.schema_id == "citizen_id_card")
            assert "search" in [e.action for e in reads]
        unknown = [e for e in repo.audit_events() if e.action == "search" and e.record_id is None]
        assert unknown and unknown[-1].actor == "sohoa-reuse"
    finally:
        for logger in ("prefect.flow_runs", "prefect.task_runs"):
            logging.getLogger(logger).removeHandler(lines)
        repo.close()
        close_all()

    # logs: record ids and hashes, no personal data
    text = "\n".join(lines.lines)
    assert f"record {found.records[0].record_id}" in text and "NOT reusable, hash mismatch" in text
    assert (found.records[0].archive_sha256 or "")[:12] in text
    assert pid not in text and name not in text


def test_check_record_of_a_test_signature(sohoa_home: Path, tmp_path: Path, test_pki,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.reuse import check_record
    from pipeline.signing import sign_pdf
    from pipeline.store import Repository
    from tests.pipeline.store.samples import archive_pdf, birth_certificate, result

    for name in ("SOHOA_SIGNER", "SOHOA_SIGNER_PIN", "SOHOA_TSA_URL", "SOHOA_TRUST_ROOTS", "SOHOA_SIGN_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    settings.cache_clear()
    archive = tmp_path / "archive.pdf"
    archive.write_bytes(archive_pdf(1))
    sign_pdf(archive, tmp_path / "signed.pdf")  # sohoa's development signer: a test signature
    repo = Repository.from_settings()
    [record] = repo.put(result("ks.pdf", birth_certificate()), actor="can_bo_01", archive=archive)
    signed = repo.attach_signed(record.id, tmp_path / "signed.pdf", None, actor="can_bo_01")
    development = check_record(repo, signed.id, "sohoa-reuse")
    assert development is not None and development.reusable and not development.verified
    assert development.signature == "test_signature" and development.problems == [TEST_SIGNATURE]
    assert development.data["personal_id"] == "022180000123" and development.document is not None
    repo.close()

    use_real_signer(monkeypatch, test_pki)  # the same store, now an installation with a real signer
    repo = Repository.from_settings()
    production = check_record(repo, signed.id, "sohoa-reuse")
    assert production is not None and not production.reusable and not production.verified
    assert production.signature == "test_signature" and production.problems == [TEST_SIGNATURE]
    assert production.data == {} and production.document is None
    repo.close()
