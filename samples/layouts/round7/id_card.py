"""Round-7 ID card ``card-xac-nhan-so-cmnd``: not a card but the A4 paper a provincial police office issues with a
chip-less or chip "Căn cước công dân" (2016–2024) to tie the holder's old 9-digit CMND number to the card's
12-digit number (the "Giấy xác nhận số Chứng minh nhân dân", asked for by banks and land offices): the police
office in the header ("CÔNG AN TỈNH QUẢNG NINH" over "PHÒNG CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI"),
its own number ("Số: …/GXN") and its own date at the top right; the title; the holder's particulars on
leader lines ("Họ, chữ đệm và tên", "Ngày, tháng, năm sinh", "Giới tính", "Quê quán", "Nơi thường trú"), the
old "Số Chứng minh nhân dân đã được cấp"; the card's number and issue date only inside the sentence that
follows ("… và thẻ Căn cước công dân số … cấp ngày … là của cùng một người."); "Nơi nhận" at the left of
the signer. No card image, no nationality and no expiry (truth null); the paper's number, its date and the old
number are not the truth's.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import idnumbers
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import A4, LEFT, RIGHT, adjusting, national_header, title
from samples.layouts.form_kit import Form, Item, Style
from samples.layouts.round6.kit import Draw, dispatching
from samples.layouts.round7.kit import figures
from samples.vntext import date_long

FAMILIES = {"card-xac-nhan-so-cmnd": "tuning"}
ISSUED = (date(2016, 1, 1), date(2024, 6, 30))  # the card's issue date; the paper follows it
HEADER = ["CÔNG AN TỈNH QUẢNG NINH", "PHÒNG CẢNH SÁT QUẢN LÝ", "HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI"]
SEAL = "CÔNG AN TỈNH QUẢNG NINH * PHÒNG CẢNH SÁT QLHC VỀ TTXH"
Build = Callable[..., Doc]


def _papered(doc: Doc, rng: random.Random) -> None:
    """The paper's own number and date (after the card's issue), the old 9-digit number."""
    issued = date.fromisoformat(doc.fields["issue_date"])
    doc.show |= {"paper_date": min(issued + timedelta(days=rng.randint(1, 900)), max(issued, ISSUED[1])),
                 "paper_number": rng.randint(10, 4800), "old_id": doc.show["old_id"] or idnumbers.old_id_number(rng),
                 "heading": rng.choice([["TRƯỞNG PHÒNG"], ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"]]),
                 "leaders": rng.random() < 0.6}


def with_papers(build: Build) -> Build:
    """``build`` of samples/layouts/id_card.py; a ``card-xac-nhan-so-cmnd`` paper has its own number and date."""
    return adjusting(build, FAMILIES, _papered)


def no_side(_doc: Doc, _dpi: int, _rng: random.Random) -> Page:
    """The paper has no card side (its edition's ``sides`` is False): ``paper`` draws it whole."""
    raise NotImplementedError("card-xac-nhan-so-cmnd is drawn whole by samples.layouts.round7.id_card.paper")


def draw_paper(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, Style(leaders=s["leaders"], value_font="serif", pt=12.5, line=7.0), indent=4.0)
    y = national_header(page, HEADER)
    page.text(57, y + 1, f"Số: {s['paper_number']}/GXN", "regular", 12, align="center")
    page.text(136, y + 1, f"Quảng Ninh, {date_long(s['paper_date'])}", "italic", 12, align="center")
    y = title(page, y + 18, "GIẤY XÁC NHẬN", 16)
    y = title(page, y - 2, "SỐ CHỨNG MINH NHÂN DÂN", 15) + 2
    y = form.text_line(LEFT, y, "Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh Quảng Ninh "
                       "xác nhận:", "regular", RIGHT, first_indent=10)
    y = form.rows(LEFT, RIGHT, y + 1, [
        [Item("Họ, chữ đệm và tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", figures(f["date_of_birth"])),
         Item("Giới tính", "Nam" if f["sex"] == "male" else "Nữ")],
        [Item("Quê quán", f["place_of_origin"], "long")],
        [Item("Nơi thường trú", f["residence"], "long")],
        [Item("Số Chứng minh nhân dân đã được cấp", s["old_id"])],
    ])
    sentence = (f"Số Chứng minh nhân dân nêu trên và thẻ Căn cước công dân số {f['personal_id']} cấp ngày "
                f"{figures(f['issue_date'])} là của cùng một người.")
    y = form.text_line(LEFT, y + 1, sentence, "regular", RIGHT, first_indent=10)
    y = form.text_line(LEFT, y, "Giấy xác nhận này được cấp để công dân bổ sung hồ sơ khi có yêu cầu.", "italic",
                       RIGHT, first_indent=10) + 4
    page.text(LEFT, y + 1, "Nơi nhận:", "bolditalic", 11)
    for k, text in enumerate(("- Công dân;", "- Lưu: hồ sơ CCCD.")):
        page.text(LEFT, y + 6 + 4.8 * k, text, "regular", 10.5)
    form_kit.signer_fit(page, 140, y + 1, s["heading"], None, s["signer"], SEAL, rng)


def paper(doc: Doc, dpi: int, rng: random.Random) -> Page:
    page = Page(*A4, dpi)
    draw_paper(doc, page, rng)
    return page


def with_paper(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/id_card.py, with ``card-xac-nhan-so-cmnd`` as its A4 paper."""
    return dispatching(draw, FAMILIES, lambda doc, dpi, rng: [paper(doc, dpi, rng)])
