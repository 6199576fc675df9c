"""Round-5 death extract ``de-dien-tu``: the electronic extract ("TRÍCH LỤC KHAI TỬ (BẢN ĐIỆN TỬ)") printed
from the electronic civil-status database (Circular 01/2022/TT-BTP, on the public-service portal from 2022): the
legal bases in italics under the title; three numbered sections ("I. THÔNG TIN NGƯỜI ĐÃ CHẾT", "II. THÔNG TIN
VỀ VIỆC CHẾT", "III. THÔNG TIN ĐĂNG KÝ KHAI TỬ") of labels in small capitals (a smaller bold size) in a left
column and values in a sans face at one tab stop, no leaders; the date of birth as "NGÀY SINH"; the hour of
death and the date of death on separate rows, the date again in words; the registration number ("SỐ ĐĂNG KÝ"),
date and authority at the end rather than under the title; the record's QR code and "Mã số" at the top right;
the digital-signature box and the signer's name instead of a wet seal; the portal's footnote.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_extras
from samples.layouts.common import LEFT, RIGHT, national_header, title
from samples.layouts.round5.kit import at_tab, small_caps
from samples.vntext import WordStyle, date_figures, date_in_words, date_long

FAMILIES = {"de-dien-tu": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"de-dien-tu": {"2020-form": 55, "2025-form": 45}}
E_COPIES = date(2022, 7, 1)
LAST_DAY = date(2026, 11, 30)
BASES = ("Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;",
         "Căn cứ Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ quy định chi tiết một số điều "
         "và biện pháp thi hành Luật Hộ tịch;",
         "Căn cứ Thông tư số 01/2022/TT-BTP ngày 04 tháng 01 năm 2022 của Bộ trưởng Bộ Tư pháp;")


def _show(rng: random.Random) -> dict:
    return {"code": f"{rng.randint(0, 99):02d}.{rng.randint(100000, 999999)}.KT",
            "signed_at": f"{rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +07:00",
            "sign_days": rng.randint(0, 3), "words": WordStyle.pick(rng), "tab": rng.choice([82.0, 88.0]),
            "bases": rng.randint(2, 3)}


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    pt, line, tab = 11.5, 6.3, s["tab"]
    y = national_header(page, s["header"])
    form_extras.code_box(page, RIGHT - 21, y - 2, f"https://hotichdientu.moj.gov.vn/tra-cuu?ma={s['code']}",
                         s["code"], pt=8.5)
    y = title(page, y + 13, "TRÍCH LỤC KHAI TỬ", 16.5)
    page.text(105, y - 3.5, "(BẢN ĐIỆN TỬ)", "bold", 11.5, align="center")
    y += 3
    for text in BASES[:s["bases"]]:
        for k, part in enumerate(page.wrap(text, RIGHT - LEFT - 30, RIGHT - LEFT - 20, "italic", 10.5)):
            page.text(LEFT + (8 if k == 0 else 0), y, part, "italic", 10.5)
            y += 5.0
    y += 3
    died = date.fromisoformat(f["date_of_death"])
    number = f["personal_id"]
    if number and len(number) == 12:
        paper = ("Số định danh cá nhân", number)
    else:
        paper = ("Giấy tờ tùy thân", f"{s['id_word']} {number}" if number else "")
    sections = [
        ("I. THÔNG TIN NGƯỜI ĐÃ CHẾT", [
            ("Họ, chữ đệm, tên", f["full_name"], "sansbold"),
            ("Ngày sinh", date_figures(date.fromisoformat(f["date_of_birth"])), "sans"),
            ("Giới tính", people.sex_label(f["sex"]), "sans"), ("Dân tộc", f["ethnicity"], "sans"),
            ("Quốc tịch", f["nationality"], "sans"), (*paper, "sans"),
            ("Nơi cư trú cuối cùng", s["residence"], "sans")]),
        ("II. THÔNG TIN VỀ VIỆC CHẾT", [
            ("Giờ, phút chết", s["time"], "sans"), ("Ngày, tháng, năm chết", date_figures(died), "sans"),
            ("Ghi bằng chữ", date_in_words(died, s["words"]), "sans"), ("Nơi chết", f["place_of_death"], "sans"),
            ("Nguyên nhân chết", s["cause"], "sans")]),
        ("III. THÔNG TIN ĐĂNG KÝ KHAI TỬ", [
            ("Số đăng ký", f["number"], "sans"),
            ("Ngày đăng ký", date_figures(date.fromisoformat(f["registration_date"])), "sans"),
            ("Cơ quan đăng ký", f["registration_authority"], "sans")]),
    ]
    for heading, rows in sections:
        page.text(LEFT, y, heading, "bold", 12)
        y += line + 0.5
        for label, text, style in rows:
            y = at_tab(page, LEFT + 4, tab, RIGHT, y, small_caps(label), text, pt, line, style, "bold", 9.5)
        y += 2
    page.text(LEFT, y, "Trích lục này được cấp từ Cơ sở dữ liệu hộ tịch điện tử.", "italic", 10.5)
    registered = date.fromisoformat(f["registration_date"])
    signed = registered + timedelta(days=s["sign_days"])
    if registered < E_COPIES:  # an electronic copy of an older registration, asked for later
        signed = min(E_COPIES + timedelta(days=(s["copy_date"] - registered).days % 1500), LAST_DAY)
    top = y + 7
    page.text(145, top, f"{s['place']}, {date_long(signed)}", "italic", 11.5, align="center")
    for k, heading in enumerate(s["heading"]):
        page.text(145, top + 6 + k * 5.4, heading, "bold", 11.5, align="center")
    box_top = top + 6 + len(s["heading"]) * 5.4
    bottom = form_extras.digital_signature(page, 104, box_top, f["registration_authority"],
                                           f"{signed.day:02d}/{signed.month:02d}/{signed.year} {s['signed_at']}", rng,
                                           s["seal"], width=82)
    page.text(145, bottom + 6, s["signer"], "bold", 11.5, align="center")
    page.text(105, 289, "Bản điện tử có giá trị như bản giấy. Tra cứu Mã số tại Cổng Dịch vụ công quốc gia.",
              "italic", 8.5, align="center")


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"de-dien-tu": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"de-dien-tu": _show}
