"""Round-6 ID card ``card-cmnd-1990s``: the 9-digit "CHỨNG MINH NHÂN DÂN" issued in the 1990s, before the
model of Decree 05/1999: beige paper with a brown rosette print, the photo and the emblem at the left, the title
and the number in red; the items typed on a typewriter over dotted lines in the wordings of that card: "Họ và
tên", "Tên gọi khác" (left blank), "Ngày sinh" (dd-mm-yyyy), "Nguyên quán", "Trú quán" (not "Nơi thường trú" or
"Nơi ĐKHK thường trú"); on the back "Dân tộc", "Tôn giáo", "DẤU VẾT RIÊNG VÀ DỊ HÌNH", the two index
fingerprints at the right, the issue date "Ngày … tháng … năm …" and "GIÁM ĐỐC CÔNG AN TỈNH QUẢNG NINH". No sex,
nationality or expiry is printed (truth null). Both sides lie side by side (not one above the other): on a
scanner strip the front at the left; photocopied on A4 across the top of the sheet, the back at the left.
"""

from __future__ import annotations

import random
from datetime import date

from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.card_cmnd import _dashed_date, _issue_line
from samples.layouts.card_parts import CARD, RED, dotted_value, emblem, fingerprints, guilloche, paste_card, photo
from samples.layouts.form_extras import photocopy
from samples.layouts.round6.kit import Draw, dispatching
from samples.stamp import multiply, seal_layer, signature_layer

FAMILIES = {"card-cmnd-1990s": "tuning"}
ISSUED = (date(1990, 1, 1), date(1999, 6, 30))
INK = (150, 120, 85)
PAPER = (242, 235, 218)
SEAL = "CÔNG AN TỈNH QUẢNG NINH * GIÁM ĐỐC"


def front(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    guilloche(page, INK, rng, paper=PAPER)
    emblem(page, 11.0, 10.5, 7.2)
    photo(page, 3.5, 21.0, 19.5, 43.0, rng, backdrop=(226, 222, 212))
    page.text(54, 7.0, "CHỨNG MINH NHÂN DÂN", "bold", 9.0, align="center", color=RED)
    page.text(36.5, 13.4, "Số", "bold", 8.0, color=RED, record=False)
    page.text(42.5, 13.6, f["personal_id"], "typewriterbold", 11.0, color=RED, record=False)
    page.record(f"Số {f['personal_id']}", 36.5, 13.4)
    y = dotted_value(page, 22.5, 20.0, "Họ và tên", f["full_name"], 83, 6.4, "typewriterbold", 7.2, 4.2)
    y = dotted_value(page, 22.5, y, "Tên gọi khác", "", 83, 6.4, "typewriter", 7.0, 4.2)
    y = dotted_value(page, 22.5, y, "Ngày sinh", _dashed_date(f["date_of_birth"]), 83, 6.4, "typewriter", 7.2, 4.2)
    y = dotted_value(page, 22.5, y, "Nguyên quán", f["place_of_origin"], 83, 6.4, "typewriter", 6.6, 3.9)
    dotted_value(page, 22.5, y, "Trú quán", f["residence"], 83, 6.4, "typewriter", 6.6, 3.9)
    return page


def back(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    guilloche(page, INK, rng, paper=PAPER)
    for x, label, value in ((4, "Dân tộc:", doc.show["ethnicity"]), (34, "Tôn giáo:", "Không")):
        end = page.text(x, 6.0, label, "bold", 6.4, record=False)
        page.text(end + 1.2, 6.0, value, "typewriter", 6.8, record=False)
        page.record(f"{label} {value}", x, 6.0)
    page.text(4, 11.5, "DẤU VẾT RIÊNG VÀ DỊ HÌNH", "bold", 6.0)
    page.text(4, 15.2, doc.show["mark"], "typewriter", 5.8)
    fingerprints(page, 56.5, 19.0, ("NGÓN TRỎ TRÁI", "NGÓN TRỎ PHẢI"), box=(12.0, 16.5), gap=1.5, pt=3.8)
    page.text(27, 24.0, _issue_line(f["issue_date"]), "typewriter", 6.2, align="center")
    page.text(27, 27.8, "GIÁM ĐỐC CÔNG AN", "bold", 6.0, align="center")
    page.text(27, 30.5, "TỈNH QUẢNG NINH", "bold", 6.0, align="center")
    multiply(page, signature_layer(page, rng, 18, 8), 20, 33)
    multiply(page, seal_layer(page, SEAL, rng, 14), 9, 29.0)
    page.text(27, 47.0, doc.show["signer"], "bold", 6.2, align="center")
    return page


def side_by_side(doc: Doc, dpi: int, rng: random.Random) -> Page:
    face, rear = front(doc, dpi, rng), back(doc, dpi, rng)
    if not doc.show["copy"]:
        page = Page(CARD[0] * 2 + 22, CARD[1] + 16, dpi, paper=(232, 232, 228))
        paste_card(page, face, 8, 8)
        paste_card(page, rear, CARD[0] + 14, 8 + rng.uniform(-1, 1))
        return page
    page = Page(210, 297, dpi)
    top = rng.uniform(18, 34)
    left = rng.uniform(12, 22)
    paste_card(page, rear, left, top)
    paste_card(page, face, left + CARD[0] + rng.uniform(4, 10), top + rng.uniform(-2, 2))
    photocopy(page, rng)
    return page


def with_side_by_side(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/id_card.py, with ``card-cmnd-1990s``'s sides side by side."""
    return dispatching(draw, FAMILIES, lambda doc, dpi, rng: [side_by_side(doc, dpi, rng)])
