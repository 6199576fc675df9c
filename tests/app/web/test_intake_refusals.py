"""A bad upload (issue 15, defect 6): corrupt, empty, not a scan, or a picture that opens and cannot be
read; it creates no dossier and takes no dossier code, and the intake screen says why, file by file, in
Vietnamese (never the pipeline's English reason)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from sqlalchemy import func, select

from pipeline.store.catalog import Dossier

from .conftest import sample

ENGLISH = ("truncated", "corrupt", "not a PDF", "empty file", "cannot", "image")


def _truncated_jpeg() -> bytes:
    """A JPEG cut short: its header opens, its pixels cannot be read."""
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), "white").save(buffer, "JPEG")
    data = buffer.getvalue()
    return data[: len(data) // 3]


def _dossier_count(web_app) -> int:
    with web_app.state.ctx.repo.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Dossier)).scalar_one()


def _folders(web_app) -> list[str]:
    return sorted(p.name for p in web_app.state.ctx.dossiers.root.iterdir())


def test_a_bad_upload_creates_no_dossier_and_says_why_in_vietnamese(web_app, clients):
    client, csrf = clients["tiep_nhan"]
    before, folders = _dossier_count(web_app), _folders(web_app)
    files = [("files", ("ghi-chu.txt", io.BytesIO(b"khong phai anh quet"), "text/plain")),
             ("files", ("rong.pdf", io.BytesIO(b""), "application/pdf")),
             ("files", ("hong.pdf", io.BytesIO(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"), "application/pdf")),
             ("files", ("cat-cut.jpg", io.BytesIO(_truncated_jpeg()), "image/jpeg"))]
    reply = client.post("/tiep-nhan", data={"csrf_token": csrf}, files=files, follow_redirects=False)
    assert reply.status_code == 422, reply.status_code
    html = reply.text
    assert 'id="refused"' in html and "chưa tạo hồ sơ" in html
    for name, reason in (("ghi-chu.txt", "Không phải tệp PDF hay ảnh"), ("rong.pdf", "Tệp rỗng"),
                         ("hong.pdf", "Tệp PDF bị cắt cụt hoặc hỏng"), ("cat-cut.jpg", "")):
        assert f"<li>{name}: {reason}" in html, name
    refused = html[html.index('id="refused"'):html.index("</div>", html.index('id="refused"'))]
    assert not any(word in refused for word in ENGLISH), refused
    assert _dossier_count(web_app) == before, "no dossier code was taken"
    assert _folders(web_app) == folders, "nothing was kept"

    api = client.post("/api/dossiers", files=[("files", ("cat-cut.jpg", io.BytesIO(_truncated_jpeg()), "image/jpeg"))],
                      headers={"X-CSRF-Token": csrf})
    assert api.status_code == 422 and api.json()["detail"].startswith("Không tệp nào đọc được, chưa tạo hồ sơ")
    assert _dossier_count(web_app) == before


def upload_with_a_note(client, csrf: str, scan: Path):
    """A scan and a text file (no scan) uploaded together at the counter, as the intake form sends them."""
    files = [("files", (scan.name, scan.read_bytes(), "image/png")),
             ("files", ("ghi-chu.txt", b"khong phai anh quet", "text/plain"))]
    return client.post("/tiep-nhan", data={"csrf_token": csrf}, files=files, follow_redirects=False)


def test_a_good_file_with_a_bad_one_makes_a_dossier_and_the_bad_ones_reason_is_vietnamese(web_app, clients):
    client, csrf = clients["tiep_nhan"]
    reply = upload_with_a_note(client, csrf, sample("citizen_id_card_clean_"))
    assert reply.status_code == 303
    screen = client.get(reply.headers["location"]).text
    assert "Không đọc được tệp: Không phải tệp PDF hay ảnh" in screen
    assert "not a PDF" not in screen
