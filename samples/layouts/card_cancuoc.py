"""The "Căn cước" card issued from 1 July 2024 (Law on Identification 2023).

Front: emblem, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / SOCIALIST REPUBLIC OF VIET NAM", "CĂN CƯỚC / IDENTITY CARD",
the chip, the photo, and bilingual labels without spaces around the slash: personal identification number, full
name ("Họ, chữ đệm và tên khai sinh"), date of birth, sex, nationality. Back: the QR code, place of residence,
place of birth registration ("Nơi đăng ký khai sinh", no "Quê quán"), dates of issue and expiry, the Ministry's
seal and the MRZ.
"""

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
    chip,
    emblem,
    expiry_text,
    label_above,
    label_value,
    photo,
    qr,
    waves,
)
from samples.stamp import multiply, seal_layer
from samples.vntext import date_figures

TINT = (178, 190, 222)


def front(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    waves(page, TINT, rng)
    emblem(page, 8.0, 8.2, 5.4)
    page.text(46, 5.6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "sansbold", 6.3, align="center")
    page.text(46, 8.6, "SOCIALIST REPUBLIC OF VIET NAM", "sans", 5.3, align="center")
    page.text(46, 14.6, "CĂN CƯỚC", "sansbold", 11.5, align="center", color=RED)
    page.text(46, 17.8, "IDENTITY CARD", "sans", 5.6, align="center")
    chip(page, 71.5, 4.5, 10, 8)
    photo(page, 3, 20.5, 20.5, 44.5, rng, backdrop=(236, 238, 244))
    page.text(23.5, 22.6, "Số định danh cá nhân/Personal identification number:", "sans", 4.9)
    page.text(23.5, 26.7, f["personal_id"], "sansbold", 10.0)
    page.text(23.5, 30.4, "Họ, chữ đệm và tên khai sinh/Surname, middle name and given name:", "sans", 4.9)
    page.text(23.5, 34.0, f["full_name"], "sansbold", 8.0)
    born = date_figures(date.fromisoformat(f["date_of_birth"]))
    y = label_value(page, 23.5, 38.2, "Ngày, tháng, năm sinh/Date of birth", born, pt=5.2, value_pt=6.8, gap=3.0)
    page.text(23.5, y + 0.6, f"Giới tính/Sex: {people.sex_label(f['sex'])}", "sans", 5.6)
    page.text(52, y + 0.6, f"Quốc tịch/Nationality: {f['nationality']}", "sans", 5.6)
    return page


def back(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    waves(page, (190, 198, 226), rng)
    qr(page, doc.show["qr"], 70.0, 2.0, 13.5)
    y = label_above(page, 3.5, 5.0, "Nơi cư trú/Place of residence", f["residence"], x_end=68, pt=5.2,
                    value_pt=6.4, gap=2.9)
    y = label_above(page, 3.5, y + 0.6, "Nơi đăng ký khai sinh/Place of birth", f["place_of_origin"], x_end=68,
                    pt=5.2, value_pt=6.4, gap=2.9)
    issued = date_figures(date.fromisoformat(f["issue_date"]))
    y = label_value(page, 3.5, y + 0.8, "Ngày, tháng, năm cấp/Date of issue", issued, pt=5.2, value_pt=6.2,
                    gap=3.1)
    label_value(page, 3.5, y, "Ngày, tháng, năm hết hạn/Date of expiry", expiry_text(f["expiry_date"]), pt=5.2,
                value_pt=6.2, gap=3.1)
    multiply(page, seal_layer(page, "BỘ CÔNG AN * CỤC CẢNH SÁT QLHC VỀ TTXH", rng, 13), 49, 24.0)
    page.text(70, 37.5, "BỘ CÔNG AN", "sansbold", 6.0, align="center")
    page.text(70, 40.0, "MINISTRY OF PUBLIC SECURITY", "sans", 4.6, align="center")
    for i, line in enumerate(card_mrz.for_card(f)):
        page.text(4, 44.6 + i * 3.55, line, "sans", 7.5, color=(30, 30, 30))
    return page
