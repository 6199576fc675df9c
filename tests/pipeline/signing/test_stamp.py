"""The visible stamp of DOMAIN.md: top right of page 1, copy form / agency / Vietnam time, embedded
Times-like font with every Vietnamese glyph, 10 pt, black; and the invisible variant."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import numpy as np
import pikepdf
import pytest
from PIL import Image

from pipeline.signing import sign_pdf
from pipeline.signing.stamp import MARGIN, normalize_copy_form, vietnam_time

AGENCY = "SỞ TƯ PHÁP TỈNH QUẢNG NINH"
TIME_RE = re.compile(r"^\d\d:\d\d:\d\d \d\d/\d\d/\d{4} \+07:00$")


def stamp_parts(pdf: pikepdf.Pdf):
    """(rect, font dict, text lines from /ActualText, CIDs shown, content stream) of the first widget."""
    annot = pdf.pages[0].Annots[0]
    xobj = annot.AP.N
    lines, cids = [], []
    for operands, op in pikepdf.parse_content_stream(xobj):
        if op == pikepdf.Operator("BDC") and isinstance(operands[1], pikepdf.Dictionary):
            lines.append(str(operands[1].ActualText))
        if op == pikepdf.Operator("TJ"):
            for item in operands[0]:
                if isinstance(item, pikepdf.String):
                    raw = bytes(item)
                    cids += [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
    return [float(v) for v in annot.Rect], xobj.Resources.Font.F1, lines, cids, xobj.read_bytes()


def test_stamp_text_font_and_place(signing_env, blank_pdf, tmp_path):
    signing_env.use(agency_name=AGENCY)
    out = tmp_path / "stamped.pdf"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    summary = sign_pdf(blank_pdf, out, copy_form="sao lục")
    pdf = pikepdf.open(out)
    rect, font, lines, cids, content = stamp_parts(pdf)

    assert lines[:2] == ["SAO LỤC", AGENCY]
    assert TIME_RE.match(lines[2]) and lines[2] == vietnam_time(summary.signing_time)
    assert summary.signing_time >= before
    # top right of an A4 page
    x1, y1, x2, y2 = rect
    assert x2 == pytest.approx(595 - MARGIN, abs=1) and y2 == pytest.approx(842 - MARGIN, abs=1)
    assert x1 > 595 / 2 and y1 > 842 * 0.8
    # embedded TrueType subset of Tinos / Liberation Serif, 10 pt, black, not scaled down
    cidfont = font.DescendantFonts[0]
    assert re.search(r"(Tinos|LiberationSerif)", str(font.BaseFont))
    assert "/FontFile2" in cidfont.FontDescriptor and "/ToUnicode" in font
    assert b"/F1 10 Tf" in content and b"0 0 0 rg" in content
    assert not re.search(rb"0\.\d+ 0 0 0\.\d+ \d+ \d+ cm", content), "stamp text must not be shrunk"
    # every character has a real glyph (no .notdef), with widths in PDF's 1/1000 em units
    assert cids and 0 not in cids
    widths = [w for arr in cidfont.W[1::2] for w in arr]
    assert all(150 <= int(w) <= 1000 for w in widths), widths
    pdf.close()


def test_stamp_renders(signing_env, blank_pdf, tmp_path):
    out = tmp_path / "stamped.pdf"
    sign_pdf(blank_pdf, out, copy_form="TRÍCH SAO")
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")], check=True)
    page = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    scale = page.width / 595
    with pikepdf.open(out) as pdf:
        rect = stamp_parts(pdf)[0]
    box = (int(rect[0] * scale), int((842 - rect[3]) * scale), int(rect[2] * scale), int((842 - rect[1]) * scale))
    inner = page.crop((box[0] + 4, box[1] + 4, box[2] - 4, box[3] - 4))
    dark = int((np.asarray(inner) < 100).sum())
    assert dark > 300, "the stamp's text is not drawn"
    right_half_below = page.crop((page.width // 2, box[3] + 10, page.width, page.height))
    assert np.asarray(right_half_below).min() > 200, "nothing else is drawn on the right of the page"


def test_invisible_signature(signing_env, blank_pdf, tmp_path):
    out = tmp_path / "invisible.pdf"
    summary = sign_pdf(blank_pdf, out, visible=False)
    assert not summary.visible and summary.copy_form is None
    with pikepdf.open(out) as pdf:
        rect = [float(v) for v in pdf.pages[0].Annots[0].Rect]
    assert rect[2] - rect[0] == 0 and rect[3] - rect[1] == 0


def test_vietnam_time_and_copy_forms():
    moment = dt.datetime(2026, 11, 24, 17, 20, 11, tzinfo=dt.UTC)
    assert vietnam_time(moment) == "00:20:11 25/11/2026 +07:00"
    assert normalize_copy_form("sao  y") == "SAO Y"
    assert normalize_copy_form("Trích sao") == "TRÍCH SAO"
    with pytest.raises(ValueError):
        normalize_copy_form("BẢN CHÍNH")
