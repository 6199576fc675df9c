"""Reuse: a stored result is fetched, its objects checked against the catalog's hashes, and its signed
copy verified by the signing module (real PAdES signatures: by a signer of the test PKI, trusted through
SOHOA_TRUST_ROOTS, and by sohoa's development signer, whose test signature a development installation
reuses, marked, and an installation with a real signer refuses)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.config import settings
from pipeline.store.database import open_catalog
from pipeline.store.objects import LocalObjectStore
from pipeline.store.repository import Repository

from .samples import archive_pdf, birth_certificate, result

ACTOR = "can_bo_01"
TEST_SIGNATURE = "chữ ký thử nghiệm, không có giá trị pháp lý"
SIGNING_ENV = ("SOHOA_SIGNER", "SOHOA_SIGNER_PIN", "SOHOA_TSA_URL", "SOHOA_TRUST_ROOTS", "SOHOA_SIGN_LEVEL")


@pytest.fixture(scope="module")
def test_pki(tmp_path_factory):
    pytest.importorskip("pipeline.signing")
    from tests.pki.testpki import start_test_pki

    pki = start_test_pki(tmp_path_factory.mktemp("pki"))
    yield pki
    pki.close()


@pytest.fixture
def signer_home(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """A SOHOA_HOME of its own with no signing configuration: a development installation."""
    pytest.importorskip("pipeline.signing")
    monkeypatch.setenv("SOHOA_HOME", str(tmp_path / "signer_home"))
    for name in SIGNING_ENV:
        monkeypatch.delenv(name, raising=False)
    settings.cache_clear()
    yield tmp_path / "signer_home"
    settings.cache_clear()


def use_real_signer(monkeypatch, pki) -> None:
    """The test PKI's signer as SOHOA_SIGNER (PKCS#12), its root trusted: a production installation."""
    from tests.pki.installation import real_signer_env

    for name, value in real_signer_env(pki).items():
        monkeypatch.setenv(name, value)
    settings.cache_clear()


def sign(tmp_path: Path, name: str) -> Path:
    from pipeline.signing import sign_pdf

    src = tmp_path / "archive.pdf"
    src.write_bytes(archive_pdf(1))
    sign_pdf(src, tmp_path / name)
    return tmp_path / name


@pytest.fixture
def signed_pdf(tmp_path: Path, signer_home) -> Path:
    """The archive copy signed by sohoa's development signer (a test signature)."""
    return sign(tmp_path, "signed.pdf")


@pytest.fixture
def pki_signed_pdf(tmp_path: Path, signer_home, monkeypatch, test_pki) -> Path:
    """The archive copy signed by the test PKI's signer; the configuration stays a production one."""
    use_real_signer(monkeypatch, test_pki)
    return sign(tmp_path, "signed-pki.pdf")


def local_repository(tmp_path: Path, development: bool | None = None) -> Repository:
    return Repository(LocalObjectStore(tmp_path / "home"), open_catalog(f"sqlite:///{tmp_path / 'c.sqlite'}"),
                      development=development)


def test_reuse_verifies_and_prefills(repo, pki_signed_pdf):
    [record] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, archive=archive_pdf(1))
    unsigned = repo.reuse(record.id, actor=ACTOR)
    assert not unsigned.verified and unsigned.archive_intact and unsigned.signed_intact is None
    assert unsigned.reusable and unsigned.signature_status == "absent"
    assert "chưa có bản ký số" in unsigned.problems

    signed = repo.attach_signed(record.id, pki_signed_pdf, None, actor=ACTOR)
    reused = repo.reuse(record.id, actor="tra_cuu_03")  # the old id leads to the current version
    assert reused.record.id == signed.id
    assert reused.verified and reused.reusable and reused.problems == []
    assert reused.signature is not None and reused.signature.checked and reused.signature.valid
    assert reused.signature_status == "valid" and reused.signature.label == "chữ ký số hợp lệ"
    assert reused.prefill["full_name"] == "NGUYỄN THỊ THU HƯƠNG"
    assert reused.prefill["personal_id"] == "022180000123"
    assert reused.document.schema_id == "birth_certificate"
    reads = [e for e in repo.audit_events(signed.id) if e.action == "reuse"]
    assert "tra_cuu_03" in {e.actor for e in reads}


def test_a_development_installation_reuses_a_test_signature_marked_as_such(tmp_path, signed_pdf):
    repo = local_repository(tmp_path)  # no SOHOA_SIGNER: the development signer is the configured one
    [record] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, archive=archive_pdf(1))
    signed = repo.attach_signed(record.id, signed_pdf, None, actor=ACTOR)
    reused = repo.reuse(signed.id, actor=ACTOR)
    assert reused.reusable and not reused.verified
    assert reused.signature is not None and reused.signature.checked and reused.signature.valid is False
    assert reused.signature.verdict == "test_signature" and reused.signature_status == "test_signature"
    assert reused.signature.label == "chữ ký thử nghiệm (không có giá trị pháp lý)"
    assert "hợp lệ" not in reused.signature.label and "tin cậy" not in reused.signature.label
    assert reused.problems == [TEST_SIGNATURE]
    assert reused.prefill["personal_id"] == "022180000123"
    [event] = [e for e in repo.audit_events(signed.id) if e.action == "reuse"]
    assert event.detail == {"verified": False, "reusable": True, "signature": "test_signature"}
    repo.close()


def test_a_production_installation_refuses_a_test_signature(tmp_path, signed_pdf, monkeypatch, test_pki):
    repo = local_repository(tmp_path)
    [record] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, archive=archive_pdf(1))
    signed = repo.attach_signed(record.id, signed_pdf, None, actor=ACTOR)
    assert repo.reuse(signed.id, actor=ACTOR).reusable  # still a development installation
    configured = Repository.from_settings()
    assert configured.development is True
    configured.close()
    use_real_signer(monkeypatch, test_pki)  # the installation now signs with a real certificate
    configured = Repository.from_settings()
    assert configured.development is False
    configured.close()
    production = local_repository(tmp_path, development=False)
    for outcome in (repo.reuse(signed.id, actor=ACTOR), production.reuse(signed.id, actor=ACTOR)):
        assert not outcome.reusable and not outcome.verified
        assert outcome.signature_status == "test_signature" and outcome.problems == [TEST_SIGNATURE]
    development = local_repository(tmp_path, development=True)
    assert development.reuse(signed.id, actor=ACTOR).reusable
    for opened in (repo, production, development):
        opened.close()


def test_reuse_refuses_a_signed_copy_changed_after_signing(repo, signed_pdf, tmp_path):
    data = bytearray(signed_pdf.read_bytes())
    assert data[:5] == b"%PDF-" and data[9:10] == b"%"
    data[10] ^= 0x01  # a byte of the binary comment on line 2: inside the signed byte range
    [record] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, archive=archive_pdf(1))
    repo.attach_signed(record.id, bytes(data), None, actor=ACTOR)
    reused = repo.reuse(record.id, actor=ACTOR)
    assert reused.signed_intact  # stored as it came
    assert reused.signature is not None and reused.signature.valid is False
    assert reused.signature_status == "invalid" and not reused.reusable  # a development installation too
    assert not reused.verified and "chữ ký số không hợp lệ" in reused.problems


def test_reuse_detects_an_object_changed_in_the_store(tmp_path, pki_signed_pdf):
    repo = local_repository(tmp_path)
    [record] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, archive=archive_pdf(1))
    signed = repo.attach_signed(record.id, pki_signed_pdf, None, actor=ACTOR)
    assert repo.reuse(signed.id, actor=ACTOR).verified
    stored = tmp_path / "home" / signed.archive_key
    os.chmod(stored, 0o644)
    stored.write_bytes(archive_pdf(2))  # someone replaced the file behind the repository's back
    reused = repo.reuse(signed.id, actor=ACTOR)
    assert reused.archive_intact is False and not reused.verified and not reused.reusable
    assert any("bản lưu trữ" in p for p in reused.problems)
    repo.close()
