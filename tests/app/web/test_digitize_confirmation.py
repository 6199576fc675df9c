"""The counter's "Số hóa: duyệt, ký số và lưu" asks first (issue 15, defect 4): with a required field empty, a
field to review nobody checked and a file that could not be read, the first press lists them and stores
nothing; "Vẫn số hóa, ký số và lưu" stores and signs, the step records what was confirmed, and the receipt
names the file left out."""

from __future__ import annotations

from app.web.casework import casework_of
from app.web.labels import field_label

from .conftest import sample
from .test_intake_refusals import upload_with_a_note


def _confirmation(html: str) -> str:
    start = html.index('id="xac-nhan"')
    return html[start:html.index("</section>", start)]


def test_digitizing_asks_first_and_says_which_fields_and_files(web_app, clients):
    client, csrf = clients["tiep_nhan"]
    reply = upload_with_a_note(client, csrf, sample("citizen_id_card_hard_001"))
    assert reply.status_code == 303, reply.text[:300]
    url = reply.headers["location"]
    code = url.rsplit("/", 1)[1]
    store = web_app.state.ctx.dossiers
    document = store.result(code, 1).documents[0]
    to_review = [k for k, f in document.fields.items() if f.status == "review" and k != "full_name"]
    assert to_review, "the hard scan has fields to review"
    looked_at, *left = to_review
    label = lambda key: field_label(document.schema_id, key)  # noqa: E731

    first = client.post(url + "/duyet", data={"csrf_token": csrf, "f1.d0.full_name": "",
                                              "checked": f"f1.d0.{looked_at}"}, follow_redirects=False)
    assert first.status_code == 409, first.text[:300]
    asked = _confirmation(first.text)
    assert "Cần xác nhận trước khi số hóa, ký số và lưu" in asked and 'id="confirm-approve"' in asked
    required = asked.split("Trường bắt buộc còn trống")[1].split("</ul>")[0]
    assert label("full_name") in required
    unchecked = asked.split("Ô chưa được kiểm tra")[1].split("</ul>")[0] if left else ""
    assert all(label(key) in unchecked for key in left)
    assert label(looked_at) not in unchecked, "a field the officer checked is not asked about"
    assert "ghi-chu.txt" in asked.split("Tệp không đọc được")[1]
    dossier = store.load(code)
    assert dossier.status == "draft" and not dossier.records, "nothing stored before the confirmation"
    assert casework_of(web_app).case(code).state == "moi_tiep_nhan"

    confirmed = client.post(url + "/duyet", data={"csrf_token": csrf, "confirm": "1"}, follow_redirects=False)
    assert confirmed.status_code == 303 and confirmed.headers["location"].endswith("/bien-nhan")
    receipt = client.get(confirmed.headers["location"]).text
    assert 'id="unreadable"' in receipt and "ghi-chu.txt" in receipt.split('id="unreadable"')[1]
    [step] = [item.row for item in casework_of(web_app).history(code) if item.row.step == "so_hoa"]
    assert any(label("full_name") in x for x in step.detail["confirmed"]["empty_required"])
    assert step.detail["confirmed"]["unreadable"]


def test_a_clean_dossier_is_digitized_at_the_first_press(web_app, clients):
    client, csrf = clients["tiep_nhan"]
    card = sample("citizen_id_card_clean_")
    reply = client.post("/tiep-nhan", data={"csrf_token": csrf}, files={"files": (card.name, card.read_bytes())},
                        follow_redirects=False)
    url = reply.headers["location"]
    document = web_app.state.ctx.dossiers.result(url.rsplit("/", 1)[1], 1).documents[0]
    checked = " ".join(f"f1.d0.{k}" for k, f in document.fields.items() if f.status == "review")
    approved = client.post(url + "/duyet", data={"csrf_token": csrf, "checked": checked}, follow_redirects=False)
    assert approved.status_code == 303 and approved.headers["location"].endswith("/bien-nhan")


def test_the_confirmation_names_fields_with_the_papers_own_edition_labels(web_app, clients):
    """A 2024 card's field to review is named as the screen names it ("Nơi đăng ký khai sinh"), not with the
    older card's label the schema lists first ("Quê quán")."""
    from app.web.labels import document_labels

    client, csrf = clients["tiep_nhan"]
    card = sample("citizen_id_card_clean_")
    reply = client.post("/tiep-nhan", data={"csrf_token": csrf}, files={"files": (card.name, card.read_bytes())},
                        follow_redirects=False)
    url = reply.headers["location"]
    result = web_app.state.ctx.dossiers.result(url.rsplit("/", 1)[1], 1)
    document = result.documents[0]
    own = document_labels(document.schema_id, [p.text for p in result.pages])
    to_review = [k for k, f in document.fields.items() if f.status == "review"]
    assert "place_of_origin" in to_review and own["place_of_origin"] == "Nơi đăng ký khai sinh"
    asked = client.post(url + "/duyet", data={"csrf_token": csrf}, follow_redirects=False)
    assert asked.status_code == 409
    unchecked = _confirmation(asked.text).split("Ô chưa được kiểm tra")[1].split("</ul>")[0]
    assert all(own[key] in unchecked for key in to_review)
    assert field_label(document.schema_id, "place_of_origin") not in unchecked  # "Quê quán", the older card's
