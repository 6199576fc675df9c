"""The "Chứng minh nhân dân" cards on green guilloche, without QR or chip:

- the 9-digit "GIẤY CHỨNG MINH NHÂN DÂN" (issued until about 2015): "Số", "Họ tên", "Sinh ngày", "Nguyên quán",
  "Nơi ĐKHK thường trú" over dotted lines, values typed on a typewriter or printed; on the back "Dân tộc",
  "Tôn giáo", "DẤU VẾT RIÊNG VÀ DỊ HÌNH", the issue date "Ngày … tháng … năm …" and the provincial police
  director's seal. No sex, nationality or expiry is printed.
- the 12-digit "CHỨNG MINH NHÂN DÂN" of 2012: the same labels printed without dots, "Giới tính" and "Dân tộc" on
  the front, "Có giá trị đến" (15 years) under the photo; the back as the 9-digit card's.
"""

from __future__ import annotations

import random
from datetime import date

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.card_parts import (
    CARD,
    GUILLOCHE_GREEN,
    RED,
    dotted_value,
    emblem,
    expiry_text,
    fingerprints,
    guilloche,
    label_value,
    photo,
)
from samples.stamp import multiply, seal_layer, signature_layer

SEAL = "CÔNG AN TỈNH QUẢNG NINH * GIÁM ĐỐC"
INK = (25, 30, 28)


def _dashed_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def _issue_line(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"Ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def front_9(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    guilloche(page, GUILLOCHE_GREEN, rng)
    emblem(page, 11.5, 11.5, 8.0)
    photo(page, 4.0, 23.5, 19.5, 44.5, rng, backdrop=(230, 236, 232))
    page.text(53.5, 7.2, "GIẤY CHỨNG MINH NHÂN DÂN", "bold", 8.6, align="center", color=RED)
    page.text(34.0, 13.6, "SỐ", "bold", 8.0, color=RED, record=False)
    page.text(41.5, 13.8, f["personal_id"], "bold", 11.5, color=RED, record=False)
    page.record(f"SỐ {f['personal_id']}", 34.0, 13.6)
    name_style, value_style = ("typewriterbold", "typewriter") if doc.show["typed"] else ("bold", "regular")
    pt = 7.4 if doc.show["typed"] else 7.2
    y = dotted_value(page, 23.5, 20.0, "Họ tên", f["full_name"], 83, 6.6, name_style, pt, 4.4)
    y = dotted_value(page, 23.5, y, "Sinh ngày", _dashed_date(f["date_of_birth"]), 83, 6.6, value_style, pt, 4.4)
    y = dotted_value(page, 23.5, y, "Nguyên quán", f["place_of_origin"], 83, 6.6, value_style, pt - 0.4, 4.0)
    dotted_value(page, 23.5, y, "Nơi ĐKHK thường trú", f["residence"], 83, 6.6, value_style, pt - 0.4, 4.0)
    return page


def _back(doc: Doc, page: Page, rng: random.Random, heading: str, value_style: str) -> None:
    f = doc.fields
    for x, label, value in ((4, "Dân tộc:", doc.show["ethnicity"]), (40, "Tôn giáo:", "Không")):
        end = page.text(x, 6.0, label, "bold", 6.4, record=False)
        page.text(end + 1.2, 6.0, value, value_style, 6.6, record=False)
        page.record(f"{label} {value}", x, 6.0)
    page.text(4, 11.5, heading, "bold", 6.0)
    page.text(4, 15.0, doc.show["mark"], value_style, 6.2)
    fingerprints(page, 4, 20.0, ("NGÓN TRỎ TRÁI", "NGÓN TRỎ PHẢI"), box=(12.5, 17.5), gap=2.0, pt=4.0)
    page.text(61, 24.0, _issue_line(f["issue_date"]), value_style, 6.0, align="center")
    page.text(61, 27.6, "GIÁM ĐỐC CÔNG AN", "bold", 6.0, align="center")
    page.text(61, 30.2, "TỈNH QUẢNG NINH", "bold", 6.0, align="center")
    multiply(page, signature_layer(page, rng, 18, 8), 55, 33)
    multiply(page, seal_layer(page, SEAL, rng, 14), 45, 29.5)
    page.text(61, 47.0, doc.show["signer"], "bold", 6.2, align="center")


def back_9(doc: Doc, dpi: int, rng: random.Random) -> Page:
    page = Page(*CARD, dpi)
    guilloche(page, GUILLOCHE_GREEN, rng)
    _back(doc, page, rng, "DẤU VẾT RIÊNG VÀ DỊ HÌNH", "typewriter" if doc.show["typed"] else "regular")
    return page


def front_12(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    guilloche(page, (105, 170, 130), rng, paper=(232, 243, 230))
    emblem(page, 10.0, 10.0, 6.8)
    page.text(52, 5.2, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 6.4, align="center", color=INK)
    page.text(52, 8.3, "Độc lập - Tự do - Hạnh phúc", "bold", 6.0, align="center", color=INK)
    page.text(52, 14.0, "CHỨNG MINH NHÂN DÂN", "bold", 9.6, align="center", color=RED)
    page.text(27, 19.6, "Số:", "bold", 7.2, color=RED)
    page.text(33, 19.8, f["personal_id"], "bold", 10.5, color=RED)
    photo(page, 3.5, 19.5, 21.0, 42.5, rng, backdrop=(228, 236, 230))
    page.text(2.8, 47.2, "Có giá trị đến:", "regular", 5.6)
    page.text(2.8, 50.8, expiry_text(f["expiry_date"]), "bold", 6.4)
    y = label_value(page, 24, 24.6, "Họ tên", f["full_name"], pt=6.4, value_pt=7.6, gap=3.4,
                    label_style="regular", value_style="bold")
    born = _dashed_date(f["date_of_birth"]).replace("-", "/")
    y = label_value(page, 24, y, "Sinh ngày", born, pt=6.4, value_pt=6.8, gap=3.2, label_style="regular",
                    value_style="bold")
    page.text(24, y, f"Giới tính: {people.sex_label(f['sex'])}", "regular", 6.4)
    page.text(52, y, f"Dân tộc: {doc.show['ethnicity']}", "regular", 6.4)
    y = label_value(page, 24, y + 3.4, "Nguyên quán", f["place_of_origin"], pt=6.4, value_pt=6.4, gap=3.0,
                    label_style="regular", value_style="bold")
    label_value(page, 24, y, "Nơi ĐKHK thường trú", f["residence"], pt=6.4, value_pt=6.4, gap=3.0,
                label_style="regular", value_style="bold")
    return page


def back_12(doc: Doc, dpi: int, rng: random.Random) -> Page:
    page = Page(*CARD, dpi)
    guilloche(page, (105, 170, 130), rng, paper=(232, 243, 230))
    _back(doc, page, rng, "ĐẶC ĐIỂM NHẬN DẠNG", "regular")
    return page
