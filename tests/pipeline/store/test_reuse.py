"""Reuse: a stored result is fetched, its objects checked against the catalog's hashes, and its signed
copy verified by the signing module (real PAdES signatures with the development signer)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.config import settings
from pipeline.store.database import open_catalog
from pipeline.store.objects import LocalObjectStore
from pipeline.store.repository import Repository

from .samples import archive_pdf, birth_certificate, result

ACTOR = "can_bo_01"


@pytest.fixture
def signed_pdf(tmp_path: Path, monkeypatch) -> Path:
    pytest.importorskip("pipeline.signing")
    from pipeline.signing import sign_pdf

    monkeypatch.setenv("SOHOA_HOME", str(tmp_path / "signer_home"))
    monkeypatch.delenv("SOHOA_SIGNER", raising=False)
    settings.cache_clear()
    src = tmp_path / "archive.pdf"
    src.write_bytes(archive_pdf(1))
    sign_pdf(src, tmp_path / "signed.pdf")
    yield tmp_path / "signed.pdf"
    settings.cache_clear()


def test_reuse_verifies_and_prefills(repo, signed_pdf):
    [record] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, archive=archive_pdf(1))
    unsigned = repo.reuse(record.id, actor=ACTOR)
    assert not unsigned.verified and unsigned.archive_intact and unsigned.signed_intact is None
    assert "chưa có bản ký số" in unsigned.problems

    signed = repo.attach_signed(record.id, signed_pdf, None, actor=ACTOR)
    reused = repo.reuse(record.id, actor="tra_cuu_03")  # the old id leads to the current version
    assert reused.record.id == signed.id
    assert reused.verified and reused.problems == []
    assert reused.signature is not None and reused.signature.checked and reused.signature.valid
    assert reused.prefill["full_name"] == "NGUYỄN THỊ THU HƯƠNG"
    assert reused.prefill["personal_id"] == "022180000123"
    assert reused.document.schema_id == "birth_certificate"
    assert ("tra_cuu_03", "reuse") in {(e.actor, e.action) for e in repo.audit_events(signed.id)}


def test_reuse_refuses_a_signed_copy_changed_after_signing(repo, signed_pdf, tmp_path):
    data = bytearray(signed_pdf.read_bytes())
    assert data[:5] == b"%PDF-" and data[9:10] == b"%"
    data[10] ^= 0x01  # a byte of the binary comment on line 2: inside the signed byte range
    [record] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, archive=archive_pdf(1))
    repo.attach_signed(record.id, bytes(data), None, actor=ACTOR)
    reused = repo.reuse(record.id, actor=ACTOR)
    assert reused.signed_intact  # stored as it came
    assert reused.signature is not None and reused.signature.valid is False
    assert not reused.verified and "chữ ký số không hợp lệ" in reused.problems


def test_reuse_detects_an_object_changed_in_the_store(tmp_path, signed_pdf):
    repo = Repository(LocalObjectStore(tmp_path / "home"), open_catalog(f"sqlite:///{tmp_path / 'c.sqlite'}"))
    [record] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, archive=archive_pdf(1))
    signed = repo.attach_signed(record.id, signed_pdf, None, actor=ACTOR)
    assert repo.reuse(signed.id, actor=ACTOR).verified
    stored = tmp_path / "home" / signed.archive_key
    os.chmod(stored, 0o644)
    stored.write_bytes(archive_pdf(2))  # someone replaced the file behind the repository's back
    reused = repo.reuse(signed.id, actor=ACTOR)
    assert reused.archive_intact is False and not reused.verified
    assert any("bản lưu trữ" in p for p in reused.problems)
    repo.close()
