"""Where the "SAO Y" stamp of a counter's signed copy falls (issue 15, defect 10; Decree 30/2020, Annex I:
the copy's marking at the top right of the first page, over no part of the paper's own text): checked on a
birth certificate taken in and digitized at the counter, against the national motto's words as OCR read
them on the same page.

The stamp's place is chosen by the signing code (``pipeline/signing/placement.py``): the first inkless box from
the top right corner; on the civil-status papers the motto sits 37 pt from the top and reaches 87 % of the
width, so the fixed corner box used before covered "CHỦ NGHĨA VIỆT NAM" and "Hạnh phúc"."""

from __future__ import annotations

import io
import json

import pikepdf

from .conftest import sample

MOTTO_STARTS = ("CỘNG", "Độc")


def _stamp_rect(pdf_bytes: bytes) -> tuple[float, float, float, float]:
    """The first signature widget's rectangle on page 1, as fractions of the page (left, top, right, bottom)."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        page = pdf.pages[0]
        x0, y0, x1, y1 = (float(v) for v in page.MediaBox)
        for annot in page.get("/Annots", []):
            if annot.get("/FT") == "/Sig" or annot.get("/Parent", {}).get("/FT") == "/Sig":
                a, b, c, d = (float(v) for v in annot.Rect)
                w, h = x1 - x0, y1 - y0
                return ((min(a, c) - x0) / w, (y1 - max(b, d)) / h, (max(a, c) - x0) / w, (y1 - min(b, d)) / h)
    raise AssertionError("no signature widget on page 1")


def _motto_boxes(pages_json: list[dict]) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The motto's two lines (from "CỘNG" and from "Độc" to the end of their OCR line: the unit's name on the
    left may share the line), as fractions of the page."""
    page = pages_json[0]
    words = page["words"]
    found = []
    for line in page["lines"]:
        texts = [words[i]["text"] for i in line["words"]]
        for start in MOTTO_STARTS:
            if start in texts:
                own = [words[i] for i in line["words"][texts.index(start):]]
                box = (min(w["bbox"][0] for w in own), min(w["bbox"][1] for w in own),
                       max(w["bbox"][2] for w in own), max(w["bbox"][3] for w in own))
                found.append((" ".join(w["text"] for w in own),
                              (box[0] / page["width"], box[1] / page["height"], box[2] / page["width"],
                               box[3] / page["height"])))
    return found


def test_the_stamp_covers_no_word_of_the_national_motto(web_app, clients):
    client, csrf = clients["tiep_nhan"]
    scan = sample("birth_certificate_scan_")
    with scan.open("rb") as fh:
        created = client.post("/api/dossiers", files={"files": (scan.name, fh, "application/octet-stream")},
                              headers={"X-CSRF-Token": csrf})
    code = created.json()["dossier"]["code"]
    approved = client.post(f"/api/dossiers/{code}/approve", headers={"X-CSRF-Token": csrf})
    assert approved.status_code == 200 and approved.json()["signed"], approved.text
    record_id = approved.json()["records"][0]
    signed = client.get(f"/ho-so/{record_id}/ban-ky-so.pdf")
    assert signed.status_code == 200
    stamp = _stamp_rect(signed.content)
    assert stamp[0] > 0.5 and stamp[1] < 0.2, "top right of page 1, as the Decree places it"
    folder = web_app.state.ctx.dossiers.file_folder(code, 1)
    motto = _motto_boxes(json.loads((folder / "pages.json").read_text(encoding="utf-8")))
    assert len(motto) == 2, motto
    for text, (x0, y0, x1, y1) in motto:
        covered = x0 < stamp[2] and x1 > stamp[0] and y0 < stamp[3] and y1 > stamp[1]
        assert not covered, f"the stamp {stamp} covers «{text}» at {(x0, y0, x1, y1)}"
