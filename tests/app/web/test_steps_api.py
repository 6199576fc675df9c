"""The five steps as a JSON API, with three accounts (issue 15): the same steps and roles as the screens
(the counter's approve still refuses a procedure's dossier: the leader approves it at /api/cases/…/approve);
a signing that fails at approval (an unusable signer) leaves the approval and the stored data standing and is
retried (re-sign) once the signer works; the papers carry the unit's name from SOHOA_UNIT_NAME."""

from __future__ import annotations

from app.counter.procedures import catalogue
from pipeline.config import settings

from .conftest import sample

PROCEDURE = "xac_nhan_tinh_trang_hon_nhan"


def _api(clients, role):
    client, csrf = clients[role]
    return lambda path, body=None: client.post(path, json=body or {}, headers={"X-CSRF-Token": csrf})


def test_a_dossier_through_the_api_a_failed_signing_retried_and_the_units_name(web_app, clients, monkeypatch,
                                                                                tmp_path):
    counter, appraiser, leader = (_api(clients, r) for r in ("tiep_nhan", "tham_dinh", "lanh_dao"))
    card = sample("citizen_id_card_clean_")
    client, csrf = clients["tiep_nhan"]
    with card.open("rb") as fh:
        created = client.post("/api/dossiers", files={"files": (card.name, fh, "image/png")},
                              headers={"X-CSRF-Token": csrf})
    code = created.json()["dossier"]["code"]
    papers = [p.key for p in catalogue().get(PROCEDURE).papers if p.required]

    assert appraiser(f"/api/cases/{code}/appraise").status_code == 409, "not at appraisal yet"
    details = counter(f"/api/cases/{code}/details", {"applicant_name": "Trần Thị Hoa", "procedure_id": PROCEDURE,
                                                      "applicant_personal_id": "001203004568",
                                                      "papers_received": papers})
    assert details.status_code == 200, details.text
    assert details.json()["case"]["applicant_name"] == "Trần Thị Hoa" and "tiep_nhan" in details.json()["can"]
    bad = counter(f"/api/cases/{code}/details", {"applicant_personal_id": "12345"})
    assert bad.status_code == 422 and "12 chữ số" in bad.json()["detail"]
    assert client.post(f"/api/dossiers/{code}/approve", headers={"X-CSRF-Token": csrf}).status_code == 422

    received = counter(f"/api/cases/{code}/receive")
    assert received.status_code == 200 and received.json()["case"]["state"] == "dang_tham_dinh"
    assert received.json()["case"]["due_date"]
    left = appraiser(f"/api/cases/{code}/appraise", {})
    assert left.status_code == 422 and "Còn giấy tờ chưa kiểm tra" in left.json()["detail"]
    passed = appraiser(f"/api/cases/{code}/appraise", {"papers_checked": papers, "checked_documents": ["f1.d0."],
                                                      "note": "Đủ giấy tờ"})
    assert passed.status_code == 200, passed.text
    assert passed.json()["case"]["state"] == "cho_phe_duyet"

    # the signer is unusable (a PKCS#12 file that is not there): approved and stored, not signed
    monkeypatch.setenv("SOHOA_SIGNER", f"pkcs12:{tmp_path / 'khong-co.p12'}")
    settings.cache_clear()
    approved = leader(f"/api/cases/{code}/approve", {"confirm": True})
    assert approved.status_code == 200, approved.text
    reply = approved.json()
    assert not reply["signed"] and reply["sign_problem"] and reply["records"]
    assert reply["case"]["state"] == "cho_phe_duyet" and "ky_so" in reply["can"]
    records = reply["records"]
    stored = [web_app.state.ctx.repo.get(r, actor="test") for r in records]
    assert all(r.signed_key is None for r in stored) and all(r.status == "reviewed" for r in stored)
    page = clients["lanh_dao"][0].get(f"/phe-duyet/{code}").text
    assert 'id="resign"' in page and 'id="approve"' not in page, "the leader is offered to sign again"
    still = leader(f"/api/cases/{code}/resign")
    assert still.status_code == 200 and not still.json()["signed"], "still unusable: still unsigned, nothing lost"

    monkeypatch.delenv("SOHOA_SIGNER")
    settings.cache_clear()
    assert leader(f"/api/cases/{code}/resign", {}).status_code == 200
    done = clients["lanh_dao"][0].get(f"/api/cases/{code}").json()
    assert done["signed"] and done["sign_problem"] is None and done["case"]["state"] == "da_ky_so"
    assert [s["step"] for s in done["history"]] == ["tiep_nhan", "tham_dinh", "phe_duyet", "ky_so"]
    for before, after in zip(stored, (web_app.state.ctx.repo.get(r, actor="test") for r in done["records"]),
                             strict=True):
        assert after.root_id == before.root_id and after.signed_key
        assert after.extraction_sha256 == before.extraction_sha256, "the values approved are the ones signed"
    assert leader(f"/api/cases/{code}/resign").status_code == 409, "nothing left to sign"

    monkeypatch.setenv("SOHOA_UNIT_NAME", "UBND phường Hồng Gai")
    returned = counter(f"/api/cases/{code}/return")
    assert returned.status_code == 200 and returned.json()["case"]["state"] == "da_tra_ket_qua"
    receipt = client.get(f"/ho-so-tthc/{code}/phieu/tiep-nhan").text
    assert '<p id="unit-name">UBND PHƯỜNG HỒNG GAI</p>' in receipt


def test_the_api_refuses_steps_of_another_role_or_out_of_order(clients):
    counter, leader = _api(clients, "tiep_nhan"), _api(clients, "lanh_dao")
    assert leader("/api/cases/000.00.00.H49-260101-9999/approve").status_code == 404
    card = sample("citizen_id_card_clean_")
    client, csrf = clients["tiep_nhan"]
    with card.open("rb") as fh:
        code = client.post("/api/dossiers", files={"files": (card.name, fh, "image/png")},
                           headers={"X-CSRF-Token": csrf}).json()["dossier"]["code"]
    assert counter(f"/api/cases/{code}/approve").status_code == 403
    assert leader(f"/api/cases/{code}/approve").status_code == 409, "not appraised: the table refuses"
    assert counter(f"/api/cases/{code}/return").status_code == 409
    cancelled = counter(f"/api/cases/{code}/cancel", {"reason": "Người nộp rút hồ sơ"})
    assert cancelled.status_code == 200 and cancelled.json()["case"]["state"] == "da_huy"
