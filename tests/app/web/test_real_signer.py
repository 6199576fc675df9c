"""The web app of an installation with a real signer (SOHOA_SIGNER a PKCS#12 file of the test PKI, its
root in SOHOA_TRUST_ROOTS, OCSP served by certomancer on 127.0.0.1): the record taken in at the counter
carries a valid signature ("Chữ ký số hợp lệ" on the record page and in the API) and its reuse fills a new
dossier's fields as checked; a copy signed by sohoa's development signer is a test signature there, and
such a record is not reused (nothing filled, "Không dùng lại được", not among the approved dossier's
records)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.config import settings
from tests.pki.installation import real_signer_env

from .conftest import sample

TEST_SIGNATURE = "chữ ký thử nghiệm, không có giá trị pháp lý"


@pytest.fixture(scope="module")
def test_pki(tmp_path_factory):
    from tests.pki.testpki import start_test_pki

    pki = start_test_pki(tmp_path_factory.mktemp("pki"))
    yield pki
    pki.close()


@pytest.fixture(scope="module")
def web_home(tmp_path_factory, test_pki) -> Iterator[Path]:
    """conftest's fresh SOHOA_HOME, configured with the test PKI's signer (a production installation)."""
    home = tmp_path_factory.mktemp("sohoa-home")
    patch = pytest.MonkeyPatch()
    patch.setenv("SOHOA_HOME", str(home))
    patch.setenv("OMP_THREAD_LIMIT", "1")
    for name in ("SOHOA_DATABASE_URL", "SOHOA_S3_ENDPOINT", "SOHOA_TSA_URL", "SOHOA_WEB_SECRET", "SOHOA_SIGN_LEVEL"):
        patch.delenv(name, raising=False)
    for name, value in real_signer_env(test_pki).items():
        patch.setenv(name, value)
    settings.cache_clear()
    yield home
    patch.undo()
    settings.cache_clear()


@pytest.fixture(scope="module")
def new_dossier(clients) -> str:
    """The citizen brings the card again: a new dossier (its code)."""
    client, csrf = clients["tiep_nhan"]
    card = sample("citizen_id_card_clean_")
    with card.open("rb") as fh:
        created = client.post("/api/dossiers", files={"files": (card.name, fh, "image/png")},
                              headers={"X-CSRF-Token": csrf})
    assert created.status_code == 200, created.text
    return created.json()["dossier"]["code"]


def signature_box(page: str) -> str:
    start = page.index('id="signature"')
    return page[start:page.index("</section>", start)]


def reused_list(page: str) -> str:
    start = page.index('id="dung-lai"')
    return page[start:page.index("</section>", start)]


def residence(client, code: str) -> dict:
    return client.get(f"/api/dossiers/{code}").json()["results"]["1"]["documents"][0]["fields"]["residence"]


def test_the_real_signers_signature_is_valid(clients, intake):
    client, _ = clients["giam_sat"]
    signature = client.get(f"/api/records/{intake.record_id}/signature").json()
    assert signature["checked"] and signature["valid"] and signature["verdict"] == "valid"
    assert signature["status"] == "valid" and signature["label"] == "chữ ký số hợp lệ"
    [sig] = signature["report"]["signatures"]
    assert sig["trusted"] and not sig["development_signer"] and "(test signer)" in sig["signer_subject"]
    shown = signature_box(client.get(f"/ho-so/{intake.record_id}").text)
    assert "Chữ ký số hợp lệ" in shown and "thử nghiệm" not in shown


def test_reuse_of_a_validly_signed_record_fills_as_checked(clients, intake, new_dossier):
    client, csrf = clients["tiep_nhan"]
    headers = {"X-CSRF-Token": csrf}
    assert client.post(f"/api/dossiers/{new_dossier}/fields", json={"f1.d0.residence": ""},
                       headers=headers).json() == {"errors": {}}
    reused = client.post(f"/api/dossiers/{new_dossier}/reuse/{intake.record_id}", headers=headers)
    assert reused.status_code == 200, reused.text
    item = reused.json()
    assert item["verified"] and item["reusable"] and item["signature"] == "valid" and item["problems"] == []
    assert "f1.d0.residence" in item["filled"]
    assert residence(client, new_dossier)["status"] == "ok"
    assert "Chữ ký số hợp lệ" in reused_list(client.get(f"/tiep-nhan/{new_dossier}").text)


def test_a_test_signed_record_is_not_reused(web_app, clients, intake, new_dossier, tmp_path):
    from pipeline.signing import sign_pdf
    from pipeline.signing.signers import load_dev_signer

    repo = web_app.state.ctx.repo
    archive = tmp_path / "archive.pdf"
    archive.write_bytes(repo.read_copy(intake.record_id, "archive", actor="test"))
    dev = load_dev_signer()
    try:
        sign_pdf(archive, tmp_path / "dev-signed.pdf", signer=dev)  # someone signed it with the demo key
    finally:
        dev.close()
    record = repo.attach_signed(intake.record_id, tmp_path / "dev-signed.pdf", None, actor="test")

    client, csrf = clients["tiep_nhan"]
    headers = {"X-CSRF-Token": csrf}
    assert client.post(f"/api/dossiers/{new_dossier}/fields", json={"f1.d0.residence": ""},
                       headers=headers).json() == {"errors": {}}
    reused = client.post(f"/api/dossiers/{new_dossier}/reuse/{record.id}", headers=headers)
    assert reused.status_code == 200, reused.text
    item = reused.json()
    assert not item["reusable"] and not item["verified"] and item["signature"] == "test_signature"
    assert item["problems"] == [TEST_SIGNATURE] and item["filled"] == []
    assert residence(client, new_dossier)["value"] is None  # nothing was filled from it
    listed = reused_list(client.get(f"/tiep-nhan/{new_dossier}").text)
    assert "Không dùng lại được" in listed and TEST_SIGNATURE in listed

    signature = client.get(f"/api/records/{record.id}/signature").json()
    assert signature["valid"] is False and signature["status"] == "test_signature"
    shown = signature_box(client.get(f"/ho-so/{record.id}").text)
    assert "Chữ ký thử nghiệm (không có giá trị pháp lý)" in shown and "Không dùng lại được" in shown
    assert "hợp lệ" not in shown.replace("không hợp lệ", "").lower()

    approved = client.post(f"/api/dossiers/{new_dossier}/approve", headers=headers)
    assert approved.status_code == 200, approved.text
    dossier = approved.json()
    assert record.id not in dossier["records"] and intake.record_id in dossier["records"]  # the refused one left out
    assert dossier["signed"] and not dossier["test_signature"]
