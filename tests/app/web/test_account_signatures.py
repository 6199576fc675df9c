"""Personal signatures (issue 15, Build 1: "each step is signed"): accounts bound to their own certificate (issued
by the test PKI's intermediate CA, PKCS#12) with ``sohoa serve --set-signer``; each step's record is signed by
the acting officer's key and verified on the dossier's history with the certificate's subject; the approved
result's PAdES signature is the leader's; a changed step record is reported invalid; an account without a
credential falls back to the server's HMAC and the installation's signer, and the history says so."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.counter.procedures import catalogue
from app.web.casework import casework_of
from app.web.credentials import CredentialStore
from app.web.stepsign import NO_PERSONAL

from . import test_real_signer as installation
from .accountpki import issue_account_p12
from .conftest import sample
from .test_counter_steps import PROCEDURE, post, upload

# a production installation: the test PKI's signer as SOHOA_SIGNER, its root trusted (test_real_signer's)
test_pki, web_home = installation.test_pki, installation.web_home
ROOT = Path(__file__).resolve().parents[3]
COUNTER_CN, LEADER_CN = "Nguyễn Thị Lan (cán bộ tiếp nhận)", "Võ Đức Thắng (lãnh đạo UBND)"
INSTALLATION_CN = "Nguyễn Văn An (test signer)"  # the installation's SOHOA_SIGNER (tests/pki)
COUNTER_PIN, LEADER_PIN = "mã-pin-của-Lan", "mã-pin-lãnh-đạo"
PIN_ENV = "SOHOA_TEST_PIN_LAN"


def set_signer(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "app.cli", "serve", "--set-signer", *args],
                          env={**os.environ, "SOHOA_HOME": str(home), **(env or {})}, cwd=ROOT,
                          capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def credentials(web_app, web_home, test_pki, tmp_path_factory) -> Iterator[CredentialStore]:
    """The counter officer bound through the command line (PIN from an environment variable, set in the
    server's environment too), the leader through the store (PIN from a file); the appraiser has none."""
    patch = pytest.MonkeyPatch()
    patch.setenv(PIN_ENV, COUNTER_PIN)
    counter_p12 = issue_account_p12(test_pki, "lan", COUNTER_CN, COUNTER_PIN)
    made = set_signer(web_home, "user_tiep_nhan", "--credential", f"pkcs12:{counter_p12}", "--pin-env", PIN_ENV)
    assert made.returncode == 0, made.stderr
    assert COUNTER_CN in made.stdout
    pin_file = tmp_path_factory.mktemp("pins") / "lanh_dao.pin"
    pin_file.write_text(LEADER_PIN + "\n", encoding="utf-8")
    pin_file.chmod(0o600)
    store = CredentialStore(web_app.state.ctx.repo.engine)
    store.set("user_lanh_dao", f"pkcs12:{issue_account_p12(test_pki, 'thang', LEADER_CN, LEADER_PIN)}",
              f"file:{pin_file}", actor="test")
    yield store
    patch.undo()


def new_case(clients, paper: str = "citizen_id_card_clean_001") -> str:
    """A dossier for a certificate of marital status; ``paper``: a committed sample not taken in before in this
    module (the same paper again would be recognised and its earlier signed copy kept)."""
    client, csrf = clients["tiep_nhan"]
    code = upload(client, csrf, sample(paper))
    papers = [p.key for p in catalogue().get(PROCEDURE).papers if p.required]
    reply = post(client, csrf, f"/tiep-nhan/{code}/thong-tin",
                 [("applicant_name", "Nguyễn Văn An"), ("procedure_id", PROCEDURE), *(("paper", k) for k in papers)])
    assert reply.status_code == 303, reply.text[:500]
    return code


def five_steps(web_app, clients, code: str) -> None:
    counter, counter_csrf = clients["tiep_nhan"]
    appraiser, appraiser_csrf = clients["tham_dinh"]
    leader, leader_csrf = clients["lanh_dao"]
    assert post(counter, counter_csrf, f"/tiep-nhan/{code}/tiep-nhan-ho-so").status_code == 303
    case = casework_of(web_app).case(code)
    checked = [("paper_checked", k) for k, v in case.papers.items() if v.received]
    assert post(appraiser, appraiser_csrf, f"/tham-dinh/{code}/chuyen", checked).status_code == 303
    approved = post(leader, leader_csrf, f"/phe-duyet/{code}/duyet", {"confirm": "1"})
    assert approved.status_code == 303, approved.text[:800]
    assert post(counter, counter_csrf, f"/tiep-nhan/{code}/tra-ket-qua").status_code == 303


@pytest.fixture(scope="module")
def signed_case(web_app, clients, credentials) -> str:
    code = new_case(clients)
    five_steps(web_app, clients, code)
    return code


def result_subjects(web_app, clients, code: str) -> list[str]:
    """The signer of each stored record's signed copy, as the record's signature check reports it."""
    client, _ = clients["giam_sat"]
    subjects = []
    for record_id in web_app.state.ctx.dossiers.load(code).records:
        signature = client.get(f"/api/records/{record_id}/signature").json()
        assert signature["valid"] and signature["verdict"] == "valid", signature
        subjects += [s["signer_subject"] for s in signature["report"]["signatures"]]
    return subjects


def test_the_command_line_keeps_where_the_pin_is_never_the_pin(web_app, web_home, credentials, test_pki):
    counter = credentials.get("user_tiep_nhan")
    assert counter.pin_source == f"env:{PIN_ENV}" and COUNTER_CN in counter.cert_subject
    assert credentials.get("user_lanh_dao").pin_source.startswith("file:")
    assert credentials.get("user_tham_dinh") is None
    catalog = (web_home / "catalog.sqlite").read_bytes()
    assert COUNTER_PIN.encode() not in catalog and LEADER_PIN.encode() not in catalog
    wrong = set_signer(web_home, "user_tham_dinh", "--credential",
                       f"pkcs12:{issue_account_p12(test_pki, 'ha', 'Phạm Thu Hà', 'đúng')}", "--pin-env", "WRONG_PIN",
                       env={"WRONG_PIN": "sai"})
    assert wrong.returncode == 2 and "sai mật khẩu" in wrong.stderr
    assert credentials.get("user_tham_dinh") is None


def test_each_step_is_signed_by_the_acting_officer(web_app, clients, signed_case):
    history = casework_of(web_app).history(signed_case)
    assert [item.row.step for item in history] == ["tiep_nhan", "tham_dinh", "phe_duyet", "ky_so", "tra_ket_qua"]
    by_step = {item.row.step: item.personal for item in history}
    for step, name in (("tiep_nhan", COUNTER_CN), ("phe_duyet", LEADER_CN), ("ky_so", LEADER_CN),
                       ("tra_ket_qua", COUNTER_CN)):
        assert by_step[step].status == "valid", (step, by_step[step])
        assert name in by_step[step].subject
    assert all(item.valid for item in history)  # the server's HMAC as before
    # the appraiser has no credential: the step says so
    assert by_step["tham_dinh"].status == "none" and history[1].row.signature is None
    assert history[1].row.detail["personal_signature"] == {"kind": "none"}
    page = clients["tiep_nhan"][0].get(f"/tiep-nhan/{signed_case}").text
    assert page.count("Chữ ký số của cán bộ hợp lệ") == 4 and page.count(NO_PERSONAL) == 1
    assert f"Chữ ký số của cán bộ hợp lệ: {LEADER_CN}, UBND TỈNH QUẢNG NINH" in page  # the name, the subject on hover
    assert f'title="Common Name: {COUNTER_CN}, Organization: UBND TỈNH QUẢNG NINH, Country: VN"' in page
    api = clients["tham_dinh"][0].get(f"/api/cases/{signed_case}").json()
    assert [s["status"] for s in api["signatures"]] == ["valid", "none", "valid", "valid", "valid"]
    assert LEADER_CN in api["signatures"][2]["subject"] and api["history"][2]["signature"]
    # what the signature covers: the dossier, the step, the officer, the time, the decision, the papers' hashes
    record = history[0].row.record()
    assert record["dossier"] == signed_case and record["actor"] == "web:user_tiep_nhan" and record["at"]
    assert record["detail"]["files_sha256"] and record["detail"]["content_sha256"]


def test_the_result_is_signed_by_the_leader(web_app, clients, signed_case):
    subjects = result_subjects(web_app, clients, signed_case)
    assert subjects and all(LEADER_CN in s for s in subjects), subjects
    record_id = web_app.state.ctx.dossiers.load(signed_case).records[0]
    shown = clients["giam_sat"][0].get(f"/ho-so/{record_id}").text
    assert "Chữ ký số hợp lệ" in shown and f"Người ký: Common Name: {LEADER_CN}" in shown
    signing = casework_of(web_app).history(signed_case)[3].row
    assert signing.detail["result_signer"] == "account" and LEADER_CN in signing.detail["result_signer_subject"]
    assert LEADER_CN in signing.note


def test_a_changed_step_record_is_reported_invalid(web_app, clients, signed_case):
    with web_app.state.ctx.repo.engine.begin() as db:  # someone with the database goes around the triggers
        db.exec_driver_sql("DROP TRIGGER dossier_steps_no_update")
        db.exec_driver_sql("UPDATE dossier_steps SET note = 'Đã xác nhận 0 điểm' "
                           "WHERE dossier_code = ? AND step = 'phe_duyet'", (signed_case,))
        db.exec_driver_sql("UPDATE dossier_steps SET signature = NULL "
                           "WHERE dossier_code = ? AND step = 'tra_ket_qua'", (signed_case,))
    history = {item.row.step: item for item in casework_of(web_app).history(signed_case)}
    assert history["phe_duyet"].personal.status == "invalid" and LEADER_CN in history["phe_duyet"].personal.subject
    assert history["tra_ket_qua"].personal.status == "invalid"  # the record names a certificate: not "none"
    assert history["tiep_nhan"].personal.status == "valid"
    page = clients["tiep_nhan"][0].get(f"/tiep-nhan/{signed_case}").text
    assert page.count("Chữ ký số của cán bộ không hợp lệ") == 2


def test_an_account_without_a_credential_falls_back_and_says_so(web_app, clients, credentials):
    assert credentials.remove("user_lanh_dao", actor="test")
    code = new_case(clients, "citizen_id_card_clean_002")
    five_steps(web_app, clients, code)
    subjects = result_subjects(web_app, clients, code)
    assert subjects and all(INSTALLATION_CN in s for s in subjects), subjects
    history = {item.row.step: item for item in casework_of(web_app).history(code)}
    assert history["phe_duyet"].personal.status == "none" and history["ky_so"].personal.status == "none"
    assert history["ky_so"].row.detail["result_signer"] == "installation"
    assert "chữ ký số của cơ quan (SOHOA_SIGNER)" in history["ky_so"].row.note
    assert history["tiep_nhan"].personal.status == "valid"  # the counter officer still signs
    page = clients["tiep_nhan"][0].get(f"/tiep-nhan/{code}").text
    assert page.count(NO_PERSONAL) == 3 and "tài khoản chưa có chứng thư số riêng" in page


def test_a_credential_that_cannot_be_opened_refuses_the_step(web_app, clients, credentials, monkeypatch):
    code = new_case(clients)
    monkeypatch.delenv(PIN_ENV)
    counter, csrf = clients["tiep_nhan"]
    refused = post(counter, csrf, f"/tiep-nhan/{code}/tiep-nhan-ho-so")
    assert refused.status_code == 422 and "Không mở được chứng thư số" in refused.text
    assert casework_of(web_app).case(code).state == "moi_tiep_nhan" and casework_of(web_app).history(code) == []
