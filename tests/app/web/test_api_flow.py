"""The JSON API end to end with the real pipeline: search and open the record taken in at the counter,
reuse it in a new dossier, a batch record through the review queue, the dashboard's figures, bad input.

The app signs with sohoa's development signer (no SOHOA_SIGNER): a development installation, where a
stored record carries a test signature, is reusable and is marked "chữ ký thử nghiệm" wherever its
signature is shown. A real signer's valid signature: ``test_real_signer.py``."""

from __future__ import annotations

from pipeline.store.names import fold_name

from .conftest import sample


def test_the_stored_record_is_found_by_number_name_and_dossier_code(clients, intake):
    client, csrf = clients["kiem_tra"]
    headers = {"X-CSRF-Token": csrf}
    for query in ({"personal_id": intake.personal_id}, {"name": fold_name(intake.full_name).lower()},
                  {"name": intake.full_name}, {"dossier_code": intake.code}):
        found = client.post("/api/records/search", json=query, headers=headers)
        assert found.status_code == 200
        assert intake.record_id in [r["id"] for r in found.json()], query
    for query in ({"name": intake.full_name}, {"dossier_code": intake.code}):  # also as an address
        assert intake.record_id in [r["id"] for r in client.get("/api/records", params=query).json()]
    assert client.post("/api/records/search", json={"personal_id": "001099999999"}, headers=headers).json() == []
    assert client.post("/api/records/search", json={}, headers=headers).status_code == 422
    assert client.get("/api/records").status_code == 422
    assert client.get("/api/records", params={"personal_id": intake.personal_id}).status_code == 404
    person = client.post("/api/people", json={"personal_id": intake.personal_id}, headers=headers).json()
    assert intake.full_name in person["names"] and intake.personal_id not in person["token"]
    assert [(link["role"], link["record"]["id"]) for link in person["links"]] == [("subject", intake.record_id)]
    assert client.get(f"/api/people/{person['token']}").json()["links"] == person["links"]
    assert client.get(f"/api/people/{intake.personal_id}").status_code == 404, "the old address answers nothing"
    page = client.post("/tra-cuu", data={"ma_dinh_danh": intake.personal_id, "csrf_token": csrf})
    assert page.status_code == 200 and f'href="/ho-so/{intake.record_id}"' in page.text
    old = client.get("/tra-cuu", params={"ma_dinh_danh": intake.personal_id}, follow_redirects=False)
    assert old.status_code == 303 and old.headers["location"] == "/tra-cuu"


def test_the_record_is_signed_and_its_test_signature_verifies_as_such(clients, intake):
    client, _ = clients["giam_sat"]
    record = client.get(f"/api/records/{intake.record_id}").json()["record"]
    assert record["status"] == "signed" and record["dossier_code"] == intake.code and not record["needs_review"]
    signature = client.get(f"/api/records/{intake.record_id}/signature").json()
    assert signature["checked"] and signature["valid"] is False and signature["verdict"] == "test_signature"
    assert signature["status"] == "test_signature"
    assert signature["label"] == "chữ ký thử nghiệm (không có giá trị pháp lý)"
    pdf = client.get(f"/ho-so/{intake.record_id}/ban-ky-so.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_reuse_fills_the_empty_fields_of_a_new_dossier(clients, intake):
    client, csrf = clients["tiep_nhan"]
    headers = {"X-CSRF-Token": csrf}
    card = sample("citizen_id_card_clean_")  # the citizen brings the card again: a new dossier
    with card.open("rb") as fh:
        created = client.post("/api/dossiers", files={"files": (card.name, fh, "image/png")}, headers=headers)
    assert created.status_code == 200, created.text
    code = created.json()["dossier"]["code"]
    assert code != intake.code
    document = created.json()["results"]["1"]["documents"][0]
    assert document["schema"] == "citizen_id_card"
    assert client.post(f"/api/dossiers/{code}/fields", json={"f1.d0.residence": ""},
                       headers=headers).json() == {"errors": {}}
    reused = client.post(f"/api/dossiers/{code}/reuse/{intake.record_id}", headers=headers)
    assert reused.status_code == 200, reused.text
    item = reused.json()
    assert item["reusable"] and not item["verified"] and item["signature"] == "test_signature"
    assert item["problems"] == ["chữ ký thử nghiệm, không có giá trị pháp lý"] and "f1.d0.residence" in item["filled"]
    stored = client.get(f"/api/records/{intake.record_id}").json()["document"]["fields"]["residence"]["value"]
    after = client.get(f"/api/dossiers/{code}").json()["results"]["1"]["documents"][0]["fields"]["residence"]
    assert after["value"] == stored and after["status"] == "review"  # a test signature vouches for nothing
    page = client.get(f"/tiep-nhan/{code}")
    start = page.text.index('id="dung-lai"')
    reused_list = page.text[start:page.text.index("</section>", start)]
    assert "Giấy tờ dùng lại" in reused_list and "Chữ ký thử nghiệm (không có giá trị pháp lý)" in reused_list
    assert "Chữ ký số hợp lệ" not in reused_list


def test_a_batch_record_goes_through_the_review_queue(web_app, clients, intake):
    repo = web_app.state.ctx.repo
    first = repo.history(intake.record_id, actor="test")[0]
    result = repo.load_result(first)
    document = result.documents[0]
    fields = dict(document.fields)
    fields["full_name"] = fields["full_name"].model_copy(update={"value": "LE ANH NGHIA", "status": "review"})
    other = intake.personal_id[:-1] + str((int(intake.personal_id[-1]) + 1) % 10)  # another card: not the same paper
    fields["personal_id"] = fields["personal_id"].model_copy(update={"value": other})
    batch = result.model_copy(update={"sha256": "0" * 64, "source": "so-cu.png", "documents": [
        document.model_copy(update={"fields": fields, "needs_review": True})]})
    [record] = repo.put(batch, actor="sohoa-batch")

    client, csrf = clients["kiem_tra"]
    queue = client.get("/api/review-queue").json()
    assert record.id in [r["id"] for r in queue]
    screen = client.get(f"/kiem-tra/{record.id}")
    assert screen.status_code == 200 and 'class="box review"' in screen.text
    refused = client.post(f"/api/records/{record.id}/review", json={"date_of_birth": "30/02/2000"},
                          headers={"X-CSRF-Token": csrf})
    assert refused.status_code == 422 and "date_of_birth" in refused.json()["errors"]
    reviewed = client.post(f"/api/records/{record.id}/review", json={"full_name": intake.full_name.lower()},
                           headers={"X-CSRF-Token": csrf})
    assert reviewed.status_code == 200, reviewed.text
    new = reviewed.json()["record"]
    assert new["version"] == 2 and not new["needs_review"] and new["status"] == "reviewed"
    assert record.id not in [r["id"] for r in client.get("/api/review-queue").json()]
    fields = client.get(f"/api/records/{new['id']}").json()["document"]["fields"]
    assert fields["full_name"]["value"] == intake.full_name

    supervisor, _ = clients["giam_sat"]
    stats = supervisor.get("/api/stats").json()
    assert stats["documents_reviewed"] >= 2
    shares = {(f["schema_id"], f["key"]): f for f in stats["fields"]}
    assert shares[("citizen_id_card", "full_name")]["corrected"] >= 1
    assert stats["days"] and sum(d["pages"] for d in stats["days"]) >= 2


def test_an_upload_of_only_unreadable_files_is_refused_without_a_dossier(web_app, clients, tmp_path):
    client, csrf = clients["tiep_nhan"]
    bad = tmp_path / "ghi-chu.txt"
    bad.write_text("không phải ảnh quét", encoding="utf-8")
    before = sorted(web_app.state.ctx.dossiers.root.iterdir())
    with bad.open("rb") as fh:
        created = client.post("/api/dossiers", files={"files": (bad.name, fh, "text/plain")},
                              headers={"X-CSRF-Token": csrf})
    assert created.status_code == 422
    assert created.json()["detail"].startswith("Không tệp nào đọc được, chưa tạo hồ sơ: ghi-chu.txt: ")
    with bad.open("rb") as fh:
        page = client.post("/tiep-nhan", files={"files": (bad.name, fh, "text/plain")}, data={"csrf_token": csrf})
    assert page.status_code == 422 and "chưa tạo hồ sơ" in page.text
    assert sorted(web_app.state.ctx.dossiers.root.iterdir()) == before


def test_a_document_type_can_be_set_by_hand(clients):
    client, csrf = clients["tiep_nhan"]
    headers = {"X-CSRF-Token": csrf}
    card = sample("citizen_id_card_clean_")
    with card.open("rb") as fh:
        code = client.post("/api/dossiers", files={"files": (card.name, fh, "image/png")},
                           headers=headers).json()["dossier"]["code"]
    refused = client.post(f"/api/dossiers/{code}/classify", json={"file": 1, "document": 0, "schema_id": "ho_chieu"},
                          headers=headers)
    assert refused.status_code == 422 and refused.json()["detail"] == "loại giấy tờ không hợp lệ"
    done = client.post(f"/api/dossiers/{code}/classify",
                       json={"file": 1, "document": 0, "schema_id": "marital_status_confirmation"}, headers=headers)
    assert done.status_code == 200, done.text
    document = done.json()["results"]["1"]["documents"][0]
    assert document["schema"] == "marital_status_confirmation" and document["needs_review"]
    assert "marital_status" in document["fields"]
    assert all(f["value"] is None for f in document["fields"].values())


def test_the_dossier_page_saves_classifies_and_shows_errors(clients):
    import re

    client, csrf = clients["tiep_nhan"]
    card = sample("citizen_id_card_clean_")
    with card.open("rb") as fh:
        reply = client.post("/tiep-nhan", data={"csrf_token": csrf}, files={"files": (card.name, fh, "image/png")},
                            follow_redirects=False)
    assert reply.status_code == 303
    url = reply.headers["location"]
    screen = client.get(url).text
    assert 'name="f1.d0.full_name"' in screen and "Họ và tên" in screen and "<rect" in screen
    bad = client.post(url + "/luu", data={"csrf_token": csrf, "f1.d0.date_of_birth": "31/02/1990"})
    assert bad.status_code == 422 and "ngày không có thật trên lịch" in bad.text
    saved = client.post(url + "/luu", data={"csrf_token": csrf, "f1.d0.date_of_birth": "01/02/1990"},
                        follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"].endswith("?da_luu=1")
    assert re.search(r'name="f1\.d0\.date_of_birth" value="01/02/1990"', client.get(url).text)
    classified = client.post(url + "/phan-loai", data={"csrf_token": csrf, "target": "f1.d0.",
                                                       "schema:f1.d0.": "death_extract"}, follow_redirects=False)
    assert classified.status_code == 303
    screen = client.get(url).text
    assert "Trích lục khai tử" in screen and 'name="f1.d0.date_of_death"' in screen


def test_files_of_a_dossier_are_read_together_and_archived_at_approval(web_app, clients, tmp_path):
    """Two files in one upload (one readable, one not): both are read in the same pass, each with its stage
    timings; the archive copy (PDF/A-2b with the OCR text layer) is written only when the dossier is approved."""
    client, csrf = clients["tiep_nhan"]
    headers = {"X-CSRF-Token": csrf}
    certificate = sample("birth_certificate_clean_")
    bad = tmp_path / "khong-phai-anh.pdf"
    bad.write_bytes(b"%PDF-1.4 hong")
    with certificate.open("rb") as fh, bad.open("rb") as bh:
        created = client.post("/api/dossiers", headers=headers, files=[
            ("files", (certificate.name, fh, "image/png")), ("files", (bad.name, bh, "application/pdf"))])
    assert created.status_code == 200, created.text
    body = created.json()
    code = body["dossier"]["code"]
    good, broken = body["dossier"]["files"]
    assert good["error"] is None and broken["error"] and list(body["results"]) == ["1"]
    assert set(good["stages"]) == {"upload", "ingest", "pages", "extract", "save"}
    assert [set(p) for p in good["page_seconds"]] == [{"load", "preprocess", "ocr", "image", "cpu"}]
    assert set(good["cpu"]) == {"extract"}
    assert body["results"]["1"]["documents"][0]["schema"] == "birth_certificate"
    folder = web_app.state.ctx.dossiers.file_folder(code, 1)
    assert (folder / "pages.json").is_file() and not (folder / "archive.pdf").exists()

    approved = client.post(f"/api/dossiers/{code}/approve", headers=headers)
    assert approved.status_code == 200, approved.text
    assert approved.json()["signed"]
    import pikepdf

    with pikepdf.open(folder / "paper-1.pdf") as pdf:  # the one paper's own archive copy
        with pdf.open_metadata() as meta:
            assert meta["pdfaid:part"] == "2" and meta["dc:title"] == certificate.name
        assert b"BT" in pdf.pages[0].Contents.read_bytes(), "the invisible OCR text layer"
    record = client.get(f"/api/records/{approved.json()['records'][0]}").json()["record"]
    assert record["status"] == "signed"


def test_pages_whose_worker_died_are_reported_and_the_dossier_goes_on(web_app, clients, monkeypatch):
    """A page worker killed twice on the same pages (out of memory): the upload is kept, the file marked
    unreadable with the reason in Vietnamese, and the next file of the dossier is read as usual."""
    from concurrent.futures.process import BrokenProcessPool

    from app.web.dossiers import WORKER_DIED

    client, csrf = clients["tiep_nhan"]
    headers = {"X-CSRF-Token": csrf}
    card = sample("citizen_id_card_clean_")
    workers = web_app.state.ctx.dossiers.workers

    def died(_jobs):
        raise BrokenProcessPool("a worker was killed")

    with monkeypatch.context() as patch:
        patch.setattr(workers, "read", died)
        with card.open("rb") as fh:
            created = client.post("/api/dossiers", files={"files": (card.name, fh, "image/png")}, headers=headers)
    assert created.status_code == 200, created.text
    code = created.json()["dossier"]["code"]
    assert created.json()["dossier"]["files"][0]["error"] == WORKER_DIED
    refused = client.post(f"/api/dossiers/{code}/approve", headers=headers)
    assert refused.status_code == 422 and refused.json()["detail"] == "hồ sơ chưa có giấy tờ nào đọc được"
    assert "Không đọc được tệp" in client.get(f"/tiep-nhan/{code}").text
    with card.open("rb") as fh:
        added = client.post(f"/tiep-nhan/{code}/tep", data={"csrf_token": csrf},
                            files={"files": (card.name, fh, "image/png")}, follow_redirects=False)
    assert added.status_code == 303
    files = client.get(f"/api/dossiers/{code}").json()["dossier"]["files"]
    assert [f["index"] for f in files] == [1, 2] and files[1]["error"] is None and files[1]["pages"] == 1
