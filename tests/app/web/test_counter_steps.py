"""A dossier's five steps through the pages, with three accounts: the counter takes it in (applicant,
procedure, papers; the receipt with the appointment date), the appraiser checks papers and fields and
passes it on, the leader approves (asked first while fields are unchecked) which signs it, the counter
returns the result. Each step is acknowledged by the server and audited; the table refuses steps out of
order or of another role; a draft is cancelled with a reason; an upload none of whose files opens creates
no dossier; the papers print to PDF with the return date, the papers and a QR code that decodes."""

from __future__ import annotations

import io
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.counter.procedures import catalogue
from app.web.casework import casework_of
from app.web.papers import long_date

from .conftest import sample

PROCEDURE = "xac_nhan_tinh_trang_hon_nhan"


def upload(client: TestClient, csrf: str, path: Path) -> str:
    with path.open("rb") as fh:
        reply = client.post("/tiep-nhan", files={"files": (path.name, fh, "application/octet-stream")},
                            data={"csrf_token": csrf}, follow_redirects=False)
    assert reply.status_code == 303, reply.text[:500]
    return reply.headers["location"].rsplit("/", 1)[1]


def post(client: TestClient, csrf: str, url: str, data: dict | list | None = None):
    fields = list(data.items()) if isinstance(data, dict) else list(data or [])
    form: dict[str, list[str]] = {"csrf_token": [csrf]}
    for name, value in fields:
        form.setdefault(name, []).append(value)
    return client.post(url, data=form, follow_redirects=False)


def steps_of(web_app, code: str) -> list[str]:
    return [item.row.step for item in casework_of(web_app).history(code)]


@pytest.fixture(scope="module")
def received(clients) -> str:
    """A dossier of the committed ID card, taken in for a certificate of marital status."""
    client, csrf = clients["tiep_nhan"]
    code = upload(client, csrf, sample("citizen_id_card_clean_"))
    papers = [p.key for p in catalogue().get(PROCEDURE).papers if p.required]
    reply = post(client, csrf, f"/tiep-nhan/{code}/thong-tin",
                 [("applicant_name", "Nguyễn Văn An"), ("applicant_personal_id", "001203004567"),
                  ("applicant_contact", "0912 345 678"), ("procedure_id", PROCEDURE), *(("paper", k) for k in papers)])
    assert reply.status_code == 303, reply.text[:500]
    return code


def test_the_five_steps_with_three_accounts(web_app, clients, received):
    code = received
    counter, counter_csrf = clients["tiep_nhan"]
    appraiser, appraiser_csrf = clients["tham_dinh"]
    leader, leader_csrf = clients["lanh_dao"]

    # 1. tiếp nhận: the receipt with the appointment date
    reply = post(counter, counter_csrf, f"/tiep-nhan/{code}/tiep-nhan-ho-so")
    assert reply.status_code == 303 and reply.headers["location"].endswith("/phieu/tiep-nhan")
    receipt = counter.get(reply.headers["location"])
    case = casework_of(web_app).case(code)
    assert case.state == "dang_tham_dinh" and case.due_date is not None
    assert long_date(case.due_date) in receipt.text
    assert "Nguyễn Văn An" in receipt.text and "Cấp Giấy xác nhận tình trạng hôn nhân" in receipt.text
    assert "Nguyễn Thị Lan" in receipt.text  # the officer's full name
    # the counter cannot change the fields any more, nor approve
    assert post(counter, counter_csrf, f"/tiep-nhan/{code}/luu", {"f1.d0.full_name": "X"}).status_code == 422
    assert post(counter, counter_csrf, f"/phe-duyet/{code}/duyet").status_code == 403

    # 2. thẩm định: the appraiser's list, papers and fields checked, passed on
    assert code in appraiser.get("/tham-dinh").text
    page = appraiser.get(f"/tham-dinh/{code}")
    assert page.status_code == 200 and 'name="paper_checked"' in page.text
    refused = post(appraiser, appraiser_csrf, f"/tham-dinh/{code}/chuyen")
    assert refused.status_code == 422 and "Còn giấy tờ chưa kiểm tra" in refused.text
    checked = [("paper_checked", k) for k, v in case.papers.items() if v.received]
    assert post(appraiser, appraiser_csrf, f"/tham-dinh/{code}/chuyen", checked).status_code == 303
    assert casework_of(web_app).case(code).state == "cho_phe_duyet"

    # 3.–4. phê duyệt and ký số: asked first while fields are unchecked, then signed
    assert code in leader.get("/phe-duyet").text
    first = post(leader, leader_csrf, f"/phe-duyet/{code}/duyet")
    check = casework_of(web_app).approval_check(web_app.state.ctx.dossiers.load(code))
    if not check.clean:
        assert first.status_code == 409 and "Cần xác nhận trước khi phê duyệt" in first.text
        assert casework_of(web_app).case(code).state == "cho_phe_duyet", "nothing done before the confirmation"
        for line in check.unchecked + check.empty_required:
            assert line.split(": ")[0] in first.text
        first = post(leader, leader_csrf, f"/phe-duyet/{code}/duyet", {"confirm": "1"})
    assert first.status_code == 303, first.text[:800]
    dossier = web_app.state.ctx.dossiers.load(code)
    assert dossier.signed and dossier.approved_by == "web:user_lanh_dao"
    assert casework_of(web_app).case(code).state == "da_ky_so"

    # 5. trả kết quả
    assert post(counter, counter_csrf, f"/tiep-nhan/{code}/tra-ket-qua").status_code == 303
    assert casework_of(web_app).case(code).state == "da_tra_ket_qua"
    assert steps_of(web_app, code) == ["tiep_nhan", "tham_dinh", "phe_duyet", "ky_so", "tra_ket_qua"]
    history = casework_of(web_app).history(code)
    assert all(item.valid for item in history)
    assert [item.row.actor for item in history] == ["web:user_tiep_nhan", "web:user_tham_dinh", "web:user_lanh_dao",
                                                    "web:user_lanh_dao", "web:user_tiep_nhan"]
    page = counter.get(f"/tiep-nhan/{code}")
    assert page.text.count("Hợp lệ ·") == 5 and "Đã trả kết quả" in page.text
    with sqlite3.connect(web_app.state.ctx.settings.home / "catalog.sqlite") as db:
        audited = [row[0] for row in db.execute(
            "SELECT detail FROM audit_events WHERE action = 'dossier_step' ORDER BY id") if code in row[0]]
        assert len(audited) == 5
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("UPDATE dossier_steps SET note = 'sửa' WHERE dossier_code = ?", (code,))
    # a step out of order is refused by the table, in Vietnamese
    again = post(counter, counter_csrf, f"/tiep-nhan/{code}/tra-ket-qua")
    assert again.status_code == 422 and "không thực hiện được bước" in again.text


def test_a_changed_step_record_no_longer_verifies(web_app, received):
    history = casework_of(web_app).history(received)
    row = history[0].row
    acknowledger = casework_of(web_app).acknowledger
    assert acknowledger.verify(row.record(), row.digest, row.acknowledgement)
    forged = row.model_copy(update={"actor_name": "Người khác"})
    assert not acknowledger.verify(forged.record(), row.digest, row.acknowledgement)


def test_a_draft_is_cancelled_with_a_reason_and_audited(web_app, clients):
    client, csrf = clients["tiep_nhan"]
    code = upload(client, csrf, sample("citizen_id_card_clean_"))
    short = post(client, csrf, f"/tiep-nhan/{code}/huy", {"reason": "sai"})
    assert short.status_code == 422 and "lý do hủy" in short.text and 'value="sai"' in short.text
    assert post(client, csrf, f"/tiep-nhan/{code}/huy", {"reason": "Người nộp rút hồ sơ"}).status_code == 303
    assert casework_of(web_app).case(code).state == "da_huy"
    assert casework_of(web_app).history(code)[-1].row.note == "Người nộp rút hồ sơ"
    assert code not in client.get("/tiep-nhan").text.split("Hồ sơ đã duyệt gần đây")[0]
    # a cancelled dossier cannot be taken in or changed
    assert post(client, csrf, f"/tiep-nhan/{code}/tiep-nhan-ho-so").status_code == 422
    assert post(client, csrf, f"/tiep-nhan/{code}/luu", {"f1.d0.full_name": "X"}).status_code == 422


def test_receiving_needs_the_applicant_the_procedure_and_the_required_papers(web_app, clients):
    client, csrf = clients["tiep_nhan"]
    code = upload(client, csrf, sample("citizen_id_card_clean_"))
    assert post(client, csrf, f"/tiep-nhan/{code}/thong-tin", {"procedure_id": "dang_ky_khai_tu"}).status_code == 303
    refused = post(client, csrf, f"/tiep-nhan/{code}/tiep-nhan-ho-so")
    assert refused.status_code == 422
    assert "họ tên người nộp" in refused.text and "Giấy báo tử" in refused.text
    assert casework_of(web_app).case(code).state == "moi_tiep_nhan"
    digitized = client.post(f"/api/dossiers/{code}/approve", headers={"X-CSRF-Token": csrf})
    assert digitized.status_code == 422 and "lãnh đạo phê duyệt" in digitized.json()["detail"]
    bad_id = post(client, csrf, f"/tiep-nhan/{code}/thong-tin", {"applicant_personal_id": "12345"})
    assert bad_id.status_code == 422 and "12 chữ số" in bad_id.text and 'value="12345"' in bad_id.text


def test_an_upload_none_of_whose_files_opens_creates_no_dossier(web_app, clients):
    client, csrf = clients["tiep_nhan"]
    before = len(casework_of(web_app).cases(web_app.state.ctx.settings.unit_code))
    reply = client.post("/tiep-nhan", data={"csrf_token": csrf},
                        files=[("files", ("ghi-chu.txt", io.BytesIO(b"khong phai anh"), "text/plain")),
                               ("files", ("hong.pdf", io.BytesIO(b"%PDF-1.4 hong"), "application/pdf"))])
    assert reply.status_code == 422 and "chưa tạo hồ sơ" in reply.text
    assert len(casework_of(web_app).cases(web_app.state.ctx.settings.unit_code)) == before


def test_supplement_and_refusal_papers(web_app, clients):
    counter, counter_csrf = clients["tiep_nhan"]
    appraiser, appraiser_csrf = clients["tham_dinh"]
    code = upload(counter, counter_csrf, sample("citizen_id_card_clean_"))
    papers = [("paper", p.key) for p in catalogue().get("dang_ky_khai_tu").papers if p.required]
    post(counter, counter_csrf, f"/tiep-nhan/{code}/thong-tin",
         [("applicant_name", "Trần Thị Bình"), ("procedure_id", "dang_ky_khai_tu"), *papers])
    assert post(counter, counter_csrf, f"/tiep-nhan/{code}/tiep-nhan-ho-so").status_code == 303
    asked = post(appraiser, appraiser_csrf, f"/tham-dinh/{code}/bo-sung",
                 {"reason": "Giấy báo tử thiếu dấu của cơ sở y tế", "paper_missing": "giay_bao_tu"})
    assert asked.status_code == 303
    paper = appraiser.get(asked.headers["location"])
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in paper.text and "thiếu dấu của cơ sở y tế" in paper.text
    assert casework_of(web_app).case(code).state == "cho_bo_sung"
    assert post(counter, counter_csrf, f"/tiep-nhan/{code}/nhan-bo-sung").status_code == 303
    refused = post(appraiser, appraiser_csrf, f"/tham-dinh/{code}/tu-choi", {"reason": "Không thuộc thẩm quyền"})
    assert refused.status_code == 303 and casework_of(web_app).case(code).state == "tu_choi"
    assert "Không thuộc thẩm quyền" in appraiser.get(refused.headers["location"]).text
    assert steps_of(web_app, code) == ["tiep_nhan", "yeu_cau_bo_sung", "nhan_bo_sung", "tu_choi"]


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "phieu.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def decoded_qr(pdf: bytes) -> list[str]:
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=200 / 72).to_pil()
    return [found.text for found in zxingcpp.read_barcodes(image)]


def check_receipt_pdf(pdf: bytes, code: str, due_text: str, papers: list[str], tmp_path: Path) -> None:
    """The receipt PDF holds the return date, the papers received and a QR code of the dossier code."""
    assert pdf.startswith(b"%PDF")
    text = re.sub(r"\s+", " ", pdf_text(pdf, tmp_path))
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert due_text in text, text[:1500]
    for name in papers:
        assert name[:40] in text, name
    assert code in decoded_qr(pdf)


def test_the_receipt_pdf_holds_the_return_date_the_papers_and_the_qr_code(web_app, clients, received, tmp_path):
    client, _ = clients["tiep_nhan"]
    case = casework_of(web_app).case(received)
    if case.state == "moi_tiep_nhan":
        post(client, clients["tiep_nhan"][1], f"/tiep-nhan/{received}/tiep-nhan-ho-so")
        case = casework_of(web_app).case(received)
    reply = client.get(f"/ho-so-tthc/{received}/phieu/tiep-nhan/ban-in.pdf")
    assert reply.status_code == 200 and reply.headers["content-type"] == "application/pdf"
    names = [p.name for p in catalogue().get(PROCEDURE).papers if p.key in case.papers and case.papers[p.key].received]
    check_receipt_pdf(reply.content, received, long_date(case.due_date), names, tmp_path)


def test_approval_asks_first_when_a_required_field_is_empty_and_a_late_result_is_apologised_for(web_app, clients):
    from app.counter.workdays import add_working_days
    from app.web.labels import field_label

    counter, counter_csrf = clients["tiep_nhan"]
    appraiser, appraiser_csrf = clients["tham_dinh"]
    leader, leader_csrf = clients["lanh_dao"]
    code = upload(counter, counter_csrf, sample("citizen_id_card_clean_"))
    papers = [("paper", p.key) for p in catalogue().get(PROCEDURE).papers if p.required]
    post(counter, counter_csrf, f"/tiep-nhan/{code}/thong-tin",
         [("applicant_name", "Lê Thị Cúc"), ("procedure_id", PROCEDURE), *papers])
    assert post(counter, counter_csrf, f"/tiep-nhan/{code}/tiep-nhan-ho-so").status_code == 303
    due = casework_of(web_app).case(code).due_date
    # the apology: a later working day, with the reason
    same = post(counter, counter_csrf, f"/tiep-nhan/{code}/hen-lai",
                {"due_date": due.isoformat(), "reason": "Chờ xác minh"})
    assert same.status_code == 422 and "phải sau ngày hẹn cũ" in same.text
    later = add_working_days(due, 2)
    moved = post(counter, counter_csrf, f"/tiep-nhan/{code}/hen-lai",
                 {"due_date": later.isoformat(), "reason": "Chờ kết quả xác minh tại nơi cư trú trước đây"})
    assert moved.status_code == 303
    apology = counter.get(moved.headers["location"]).text
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in apology
    assert long_date(later) in apology and long_date(due) in apology
    assert casework_of(web_app).case(code).due_date == later
    # the appraiser empties a required field and passes it on
    dossier = web_app.state.ctx.dossiers.load(code)
    schema_id = web_app.state.ctx.dossiers.result(code, 1).documents[0].schema_id
    checked = [("paper_checked", key) for _, key in papers]
    assert post(appraiser, appraiser_csrf, f"/tham-dinh/{code}/chuyen",
                [("f1.d0.full_name", ""), *checked]).status_code == 303
    first = post(leader, leader_csrf, f"/phe-duyet/{code}/duyet")
    assert first.status_code == 409 and "Trường bắt buộc còn trống" in first.text
    assert field_label(schema_id, "full_name") in first.text.split("Trường bắt buộc còn trống")[1]
    assert casework_of(web_app).case(code).state == "cho_phe_duyet" and not web_app.state.ctx.dossiers.load(code).signed
    assert dossier.status == "draft"
    back = post(leader, leader_csrf, f"/phe-duyet/{code}/tra-lai", {"reason": "Họ tên người được cấp còn trống"})
    assert back.status_code == 303 and casework_of(web_app).case(code).state == "dang_tham_dinh"


def test_taking_the_dossier_in_saves_what_was_typed_in_the_details_first(web_app, clients):
    """"Tiếp nhận" is a button of the details form: a name typed and not saved yet is not lost."""
    counter, csrf = clients["tiep_nhan"]
    code = upload(counter, csrf, sample("citizen_id_card_clean_"))
    papers = [("paper", p.key) for p in catalogue().get(PROCEDURE).papers if p.required]
    post(counter, csrf, f"/tiep-nhan/{code}/thong-tin", [("applicant_name", "Tên cũ"), ("procedure_id", PROCEDURE),
                                                          *papers])
    page = counter.get(f"/tiep-nhan/{code}").text
    form = page[page.index('class="details-form"'):]
    assert 'id="receive"' in form[:form.index("</form>")], "the button sends the details with it"
    reply = post(counter, csrf, f"/tiep-nhan/{code}/tiep-nhan-ho-so",
                 [("applicant_name", "Phạm Thị Mai"), ("applicant_contact", "0987 654 321"),
                  ("procedure_id", PROCEDURE), *papers])
    assert reply.status_code == 303, reply.text[:400]
    case = casework_of(web_app).case(code)
    assert case.state == "dang_tham_dinh" and case.applicant_name == "Phạm Thị Mai"
    assert case.applicant_contact == "0987 654 321"
