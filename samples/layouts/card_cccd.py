"""The "Căn cước công dân" cards: the chip card of 2021 (bilingual labels, QR on the front, chip and MRZ on the
back) and the card of 2016 (no chip, QR or MRZ; Vietnamese labels only, the number in red, a barcode on the
back)."""

from __future__ import annotations

import random
from datetime import date

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import card_mrz
from samples.layouts.card_parts import (
    CARD,
    RED,
    barcode,
    chip,
    emblem,
    expiry_text,
    fingerprints,
    label_value,
    photo,
    qr,
    waves,
)
from samples.stamp import multiply, seal_layer, signature_layer
from samples.vntext import date_figures

SEAL_2021 = "BỘ CÔNG AN * CỤC CẢNH SÁT QLHC VỀ TTXH"
SEAL_2016 = "BỘ CÔNG AN * CỤC CẢNH SÁT ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ"


def _motto(page: Page, english: bool, x: float = 47) -> None:
    page.text(x, 5.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "sansbold", 6.2, align="center")
    page.text(x, 7.9, "Độc lập - Tự do - Hạnh phúc", "sansbold", 5.8, align="center")
    if english:
        page.text(x, 10.6, "SOCIALIST REPUBLIC OF VIET NAM", "sans", 5.2, align="center")
        page.text(x, 13.1, "Independence - Freedom - Happiness", "sans", 5.2, align="center")


def _signed(page: Page, cx: float, top: float, seal_text: str, signer: str, name_y: float,
            rng: random.Random) -> None:
    multiply(page, signature_layer(page, rng, 20, 8), cx - 8, top + 1)
    multiply(page, seal_layer(page, seal_text, rng, 13), cx - 13, top)
    page.text(cx, name_y, signer, "sansbold", 6.2, align="center")


def front_2021(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    waves(page, (150, 200, 195), rng)
    _motto(page, english=True)
    emblem(page, 8.5, 9, 5.6)
    born = date_figures(date.fromisoformat(f["date_of_birth"]))
    qr(page, doc.show["qr"], 71.5, 1.5, 12.5)
    page.text(47, 18.5, "CĂN CƯỚC CÔNG DÂN", "sansbold", 9.5, align="center", color=RED)
    page.text(47, 21.3, "Citizen Identity Card", "sans", 5.5, align="center")
    photo(page, 3, 21, 20.5, 44, rng)
    page.text(24, 25.2, "Số / No.:", "sans", 6.5)
    page.text(36, 25.5, f["personal_id"], "sansbold", 10, color=(10, 10, 10))
    page.text(24, 28.4, "Họ và tên / Full name:", "sans", 6.0)
    page.text(24, 31.8, f["full_name"], "sansbold", 8.5)
    y = label_value(page, 24, 35.0, "Ngày sinh / Date of birth", born, gap=3.0)
    page.text(24, y, f"Giới tính / Sex: {people.sex_label(f['sex'])}", "sans", 6.0)
    page.text(50, y, f"Quốc tịch / Nationality: {f['nationality']}", "sans", 6.0)
    y = label_value(page, 24, y + 3.1, "Quê quán / Place of origin", f["place_of_origin"], value_pt=6.5, gap=2.9)
    label_value(page, 24, y, "Nơi thường trú / Place of residence", f["residence"], value_pt=6.5, gap=2.9)
    page.text(2.5, 47.2, "Có giá trị đến:", "sans", 5.0)
    page.text(2.5, 49.4, "Date of expiry", "sans", 5.0)
    page.text(2.5, 52.0, expiry_text(f["expiry_date"]), "sansbold", 6.0)
    return page


def back_2021(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    waves(page, (170, 195, 200), rng)
    page.text(3, 5, "Đặc điểm nhân dạng / Personal identification:", "sans", 5.5)
    page.text(3, 8.2, doc.show["mark"], "sansbold", 6.2)
    fingerprints(page, 56, 2.5, ("Ngón trỏ trái", "Ngón trỏ phải"))
    chip(page, 43, 24)
    issued = date_figures(date.fromisoformat(f["issue_date"]))
    page.text(3, 13.5, f"Ngày, tháng, năm / Date, month, year: {issued}", "sans", 6.0)
    page.text(27, 17.2, "CỤC TRƯỞNG CỤC CẢNH SÁT", "sansbold", 5.6, align="center")
    page.text(27, 19.8, "QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI", "sansbold", 5.6, align="center")
    _signed(page, 27, 20.5, SEAL_2021, doc.show["signer"], 33.5, rng)
    for i, line in enumerate(card_mrz.for_card(f)):
        page.text(4, 44.5 + i * 3.6, line, "sans", 7.6, color=(30, 30, 30))
    return page


def front_2016(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    waves(page, (160, 195, 225), rng)
    emblem(page, 10, 10.5, 7.0)
    _motto(page, english=False, x=51)
    page.text(51, 13.8, "CĂN CƯỚC CÔNG DÂN", "sansbold", 9.8, align="center", color=RED)
    photo(page, 3.5, 19.5, 21.5, 43, rng)
    page.text(2.8, 47.5, "Có giá trị đến:", "sans", 5.4)
    page.text(2.8, 51.0, expiry_text(f["expiry_date"]), "sansbold", 6.2)
    page.text(26, 19.8, "Số:", "sansbold", 7.0)
    page.text(32, 20.0, f["personal_id"], "sansbold", 10.5, color=RED)
    page.text(26, 24.6, "Họ và tên:", "sans", 6.2)
    page.text(26, 28.2, f["full_name"], "sansbold", 8.2)
    born = date_figures(date.fromisoformat(f["date_of_birth"]))
    y = label_value(page, 26, 32.0, "Ngày, tháng, năm sinh", born, pt=6.2, value_pt=6.8, gap=3.1)
    page.text(26, y, f"Giới tính: {people.sex_label(f['sex'])}", "sans", 6.2)
    page.text(52, y, f"Quốc tịch: {f['nationality']}", "sans", 6.2)
    y = label_value(page, 26, y + 3.3, "Quê quán", f["place_of_origin"], pt=6.2, value_pt=6.6, gap=2.9)
    label_value(page, 26, y, "Nơi thường trú", f["residence"], pt=6.2, value_pt=6.6, gap=2.9)
    return page


def back_2016(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    waves(page, (175, 200, 225), rng)
    barcode(page, 4, 2.5, 36, 6.5, rng)
    page.text(4, 14, "Đặc điểm nhân dạng:", "sans", 6.0)
    page.text(4, 17.6, doc.show["mark"], "sansbold", 6.2)
    issued = date_figures(date.fromisoformat(f["issue_date"]))
    page.text(4, 23.0, f"Ngày, tháng, năm: {issued}", "sans", 6.2)
    page.text(28, 27.0, "CỤC TRƯỞNG CỤC CẢNH SÁT", "sansbold", 5.4, align="center")
    page.text(28, 29.6, "ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ", "sansbold", 5.4, align="center")
    _signed(page, 28, 30.5, SEAL_2016, doc.show["signer"], 47.5, rng)
    fingerprints(page, 55, 12, ("Ngón trỏ trái", "Ngón trỏ phải"), box=(13, 17.5))
    return page
