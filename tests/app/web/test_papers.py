"""One signed copy per paper and nothing typed lost, at the counter (issue 15), in an installation with a real
signer (the test PKI's PKCS#12 file, so that "valid" means valid): an upload holding a birth certificate and
a marriage certificate gives two records, each with a signed PDF/A of its own page only; the same ID card
approved in a second dossier keeps the address typed in the first and is found by both dossier codes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf

from .conftest import sample
from .test_real_signer import test_pki, web_home  # noqa: F401 - the production installation's fixtures

TYPED_ADDRESS = "Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội"


def _upload(client, csrf: str, path: Path) -> str:
    with path.open("rb") as fh:
        created = client.post("/api/dossiers", files={"files": (path.name, fh, "application/octet-stream")},
                              headers={"X-CSRF-Token": csrf})
    assert created.status_code == 200, created.text
    return created.json()["dossier"]["code"]


def _approve(client, csrf: str, code: str) -> dict:
    approved = client.post(f"/api/dossiers/{code}/approve", headers={"X-CSRF-Token": csrf})
    assert approved.status_code == 200, approved.text
    return approved.json()


def two_papers(folder: Path) -> Path:
    """One PDF holding a birth certificate (page 1) and another couple's marriage certificate (page 2)."""
    joined = pikepdf.new()
    for prefix in ("birth_certificate_clean_002", "marriage_certificate_scan_001"):
        with pikepdf.open(sample(prefix)) as part:
            joined.pages.extend(part.pages)
    out = folder / "ho-so-hai-giay.pdf"
    joined.save(out)
    return out


def test_each_paper_of_an_upload_is_its_own_signed_record(clients, tmp_path):
    from pipeline.signing import verify_pdf

    client, csrf = clients["tiep_nhan"]
    code = _upload(client, csrf, two_papers(tmp_path))
    dossier = _approve(client, csrf, code)
    assert dossier["signed"] and len(dossier["records"]) == 2
    texts = {}
    for record_id in dossier["records"]:
        record = client.get(f"/api/records/{record_id}").json()["record"]
        reply = client.get(f"/ho-so/{record_id}/ban-ky-so.pdf")
        assert reply.status_code == 200
        signed = tmp_path / f"{record_id}.pdf"
        signed.write_bytes(reply.content)
        with pikepdf.open(signed) as pdf:
            assert len(pdf.pages) == 1, "the paper's own page only"
        report = verify_pdf(signed)
        assert report.valid and report.verdict == "valid", report.summary
        texts[record["schema_id"]] = subprocess.run(["pdftotext", str(signed), "-"], capture_output=True,
                                                    text=True, check=True).stdout.upper()
        assert record["archive_pages"] == record["pages"]
    assert set(texts) == {"birth_certificate", "marriage_certificate"}
    assert "KHAI SINH" in texts["birth_certificate"] and "KẾT HÔN" not in texts["birth_certificate"]
    assert "KẾT HÔN" in texts["marriage_certificate"] and "KHAI SINH" not in texts["marriage_certificate"]
    image = client.get(f"/ho-so/{dossier['records'][1]}/anh/2")  # the input's page 2 is the copy's page 1
    assert image.status_code == 200 and image.headers["content-type"] == "image/jpeg"
    assert client.get(f"/ho-so/{dossier['records'][1]}/anh/1").status_code == 404  # not this paper's
    # the copy is mixed raster content (text layer over a background): the screen's image holds the text too
    with pikepdf.open(tmp_path / f"{dossier['records'][1]}.pdf") as pdf:
        assert any(x.get("/ImageMask") for x in pdf.pages[0].Resources.XObject.values())
    import io

    import numpy as np
    from PIL import Image

    grey = np.asarray(Image.open(io.BytesIO(image.content)).convert("L"))
    assert (grey < 100).mean() > 0.01, "the black text of the page is on the image"


def test_the_same_card_in_a_second_dossier_keeps_the_typed_address(clients):
    client, csrf = clients["tiep_nhan"]
    card = sample("citizen_id_card_clean_")
    first = _upload(client, csrf, card)
    edited = client.post(f"/api/dossiers/{first}/fields", json={"f1.d0.residence": TYPED_ADDRESS},
                         headers={"X-CSRF-Token": csrf})
    assert edited.json() == {"errors": {}}
    [record_id] = _approve(client, csrf, first)["records"]

    second = _upload(client, csrf, card)  # the citizen brings the same card to another procedure
    again = _approve(client, csrf, second)
    current = client.get(f"/api/records/{record_id}").json()
    assert again["records"] == [current["record"]["id"]], "the stored paper is reused, not stored again"
    assert current["document"]["fields"]["residence"]["value"] == TYPED_ADDRESS
    for code in (first, second):
        found = client.get("/api/records", params={"dossier_code": code}).json()
        assert [r["id"] for r in found] == [current["record"]["id"]], code


def test_a_paper_stored_already_is_offered_with_its_stored_values_before_approval(clients):
    """The same card brought to another procedure: before approval the counter's screen says it is stored
    already (the record, what approval will do) and shows the address typed the first time beside this
    reading; a card never stored gets no such notice."""
    import html
    import re

    client, csrf = clients["tiep_nhan"]
    card = sample("citizen_id_card_clean_")
    first = _upload(client, csrf, card)
    client.post(f"/api/dossiers/{first}/fields", json={"f1.d0.residence": TYPED_ADDRESS},
                headers={"X-CSRF-Token": csrf})
    [record_id] = _approve(client, csrf, first)["records"]
    current = client.get(f"/api/records/{record_id}").json()["record"]

    second = _upload(client, csrf, card)
    screen = html.unescape(client.get(f"/tiep-nhan/{second}").text)
    notice = screen[screen.index('id="known-1-0"'):]
    notice = notice[:notice.index("</p>")]
    assert "Giấy tờ này đã có trong kho" in notice and f'href="/ho-so/{current["id"]}"' in notice
    field = screen[re.search(r'<div class="field[^"]*" data-field="f1\.d0\.residence"', screen).start():]
    field = field[:field.index("</div>")]
    assert f"Đã lưu trong kho: <strong>{TYPED_ADDRESS}</strong>" in field

    other = _upload(client, csrf, sample("citizen_id_card_hard_001"))
    assert 'id="known-' not in client.get(f"/tiep-nhan/{other}").text
