"""Round-5 marital-status confirmations:

- ``ms-tren-to-khai``: the confirmation written at the foot of the applicant's own declaration, as communes did
  under Decree 158/2005 (2006–2015): no authority header, only the motto centred; the title "TỜ KHAI CẤP GIẤY
  XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", "Kính gửi: <the commune's committee>"; the applicant's particulars on leader
  lines ("Họ và tên người khai", "Số CMND" or "Số CCCD", "Nơi thường trú", "Tình trạng hôn nhân hiện nay", the
  purpose as "Đề nghị cấp Giấy xác nhận tình trạng hôn nhân để"), the pledge, the declaration's own place and
  date (days before the issue) and the applicant's signature; under a double rule "XÁC NHẬN CỦA ỦY BAN NHÂN
  DÂN …", "Số", the confirmation as one running sentence that repeats the status, the validity, the
  committee's place and date of issue and the chairman's signature and seal.
- ``ms-luoi-2025``: the paper a commune of the two-level local government (from 1 July 2025) prints: "Số:
  …/XNTTHN" under the authority, the legal bases and "Xét đề nghị của …" in italics under the title, then
  "<authority> xác nhận:" and the particulars in a ruled grid of four columns (label, value, label, value:
  "Ngày sinh" beside "Giới tính", "Dân tộc" beside "Quốc tịch"; name, personal number, residence, status and
  "Mục đích sử dụng" across three cells), the validity, the "Nơi nhận" list at the left of the signer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_extras
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_extras import Cell
from samples.layouts.form_kit import Form, Item, MeasuringPage, Style, signer_fit
from samples.stamp import multiply, signature_layer
from samples.vntext import date_figures, date_long

FAMILIES = {"ms-tren-to-khai": "tuning", "ms-luoi-2025": "tuning"}
NUMBERED = {"ms-luoi-2025": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"ms-tren-to-khai": {"2005-form": 1}, "ms-luoi-2025": {"2025-form": 1}}
Build = Callable[..., Doc]


def _show_declaration(rng: random.Random) -> dict:
    return {"style": Style(leaders=True, value_font=rng.choice(["serif", "typewriter", "italic"]), pt=12.0,
                           line=6.4),
            "declared_days": rng.randint(1, 6), "kind": rng.choice(["regular", "bold"])}


def _show_grid(rng: random.Random) -> dict:
    return {"value_style": rng.choice(["typed", "sans"]), "request_days": rng.randint(1, 5),
            "suffix": rng.choice(["XNTTHN", "UBND-XNTTHN"]),
            "heading_ms": rng.choice([["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                                      ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]])}


def _numbered(doc: Doc, _rng: random.Random) -> None:
    doc.fields["number"] = f"{doc.fields['number']}/{doc.show['suffix']}"  # printed so: "Số: 45/XNTTHN"


def with_numbers(build: Build) -> Build:
    """``build`` of samples/layouts/marital_status.py; an ``ms-luoi-2025`` paper's number has the commune's
    document sign after it."""
    return adjusting(build, NUMBERED, _numbered)


def _motto(page: Page, y: float) -> float:
    page.text(105, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 12.5, align="center")
    motto = "Độc lập - Tự do - Hạnh phúc"
    page.text(105, y + 5.8, motto, "bold", 13, align="center")
    half = page.width(motto, "bold", 13) / 2
    page.hline(105 - half, 105 + half, y + 7.8)
    return y + 16


def _draw_declaration(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = Form(page, s["style"], indent=6.0)
    issued = date.fromisoformat(f["issue_date"])
    declared = issued - timedelta(days=s["declared_days"])
    y = _motto(page, 16)
    for part in page.wrap("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", 150, 150, "bold", 14.5):
        page.text(105, y + 3, part, "bold", 14.5, align="center")
        y += 6.5
    y = form.text_line(LEFT + 20, y + 4, f"Kính gửi: {f['issuing_authority']}", "regular", RIGHT)
    number = f["personal_id"]
    id_label = "Số CMND" if number and len(number) == 9 else "Số CCCD"
    y = form.rows(LEFT, RIGHT, y + 2, [
        [Item("Họ và tên người khai", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])))],
        [Item("Giới tính", people.sex_label(f["sex"])), Item("Dân tộc", f["ethnicity"]),
         Item("Quốc tịch", f["nationality"])],
        [Item(id_label, number)],
        [Item("Nơi thường trú", f["residence"], "long")],
        [Item("Tình trạng hôn nhân hiện nay", f["marital_status"], "long")],
        [Item("Đề nghị cấp Giấy xác nhận tình trạng hôn nhân để", f["purpose"], "long")],
    ])
    y = form.text_line(LEFT, y + 1, "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm "
                       "trước pháp luật về lời khai của mình.", "regular", RIGHT, pt=11.5, first_indent=10)
    page.text(140, y + 1, f"{s['place']}, {date_long(declared)}", "italic", 11.5, align="center")
    page.text(140, y + 6.5, "Người khai", "bold", 12, align="center")
    page.text(140, y + 11.5, "(Ký, ghi rõ họ tên)", "italic", 10.5, align="center")
    if not isinstance(page, MeasuringPage):
        multiply(page, signature_layer(page, rng, 30, 11), 125 + rng.uniform(-3, 3), y + 13)
    page.text(140, y + 29, f["full_name"].title(), "regular", 12, align="center")
    y += 34
    page.hline(LEFT, RIGHT, y, 0.5)
    page.hline(LEFT, RIGHT, y + 0.9, 0.2)
    unit = f["issuing_authority"].removeprefix("Ủy ban nhân dân ").split(", ")[0]
    y += 8
    page.text(105, y, f"XÁC NHẬN CỦA ỦY BAN NHÂN DÂN {unit.upper()}", "bold", 12.5, align="center")
    page.text(LEFT, y + 6.5, f"Số: {f['number']}", "regular", 12)
    honorific = "Ông" if f["sex"] == "male" else "Bà"
    sentence = (f"{f['issuing_authority']} xác nhận: {honorific} {f['full_name']} nêu trên hiện cư trú tại "
                f"{f['residence']}; tình trạng hôn nhân: {f['marital_status']}.")
    y = form.text_line(LEFT, y + 13, sentence, s["kind"], RIGHT, pt=12, first_indent=10)
    y = form.text_line(LEFT, y, "Giấy xác nhận này có giá trị 6 tháng kể từ ngày cấp.", "italic", RIGHT, pt=11.5,
                       first_indent=10)
    y = place_date(page, 140, y + 1, s["place"], issued)
    signer_fit(page, 140, y - 1, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], None, s["signer"], s["seal"], rng)


def _draw_grid(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    issued = date.fromisoformat(f["issue_date"])
    y = national_header(page, s["header"])
    page.text(57, y, f"Số: {f['number']}", "regular", 12, align="center")
    y = title(page, y + 13, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", 15.5)
    asked = issued - timedelta(days=s["request_days"])
    bases = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
             "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;",
             f"Xét đề nghị của {s['title']} {f['full_name'].title()} ngày {date_figures(asked)},"]
    for text in bases:
        for k, part in enumerate(page.wrap(text, RIGHT - LEFT - 10, RIGHT - LEFT, "italic", 11.5)):
            page.text(LEFT + (10 if k == 0 else 0), y, part, "italic", 11.5)
            y += 5.6
    y += 1
    for k, part in enumerate(page.wrap(f"{f['issuing_authority']} xác nhận:", RIGHT - LEFT - 10, RIGHT - LEFT,
                                       "bold", 12)):
        page.text(LEFT + (10 if k == 0 else 0), y, part, "bold", 12)
        y += 5.8
    value = s["value_style"]
    bold = "sansbold" if value == "sans" else "typedbold"
    label_w, value_w = 42.0, 44.0
    wide = value_w + label_w + value_w

    def across(label: str, text: str | None, style: str = value) -> list[Cell]:
        return [Cell(label, "bold", label_w), Cell(text or "", style, wide)]

    rows = [across("Họ, chữ đệm, tên", f["full_name"], bold),
            [Cell("Ngày sinh", "bold", label_w), Cell(date_figures(date.fromisoformat(f["date_of_birth"])), value,
                                                       value_w),
             Cell("Giới tính", "bold", label_w), Cell(people.sex_label(f["sex"]), value, value_w)],
            [Cell("Dân tộc", "bold", label_w), Cell(f["ethnicity"], value, value_w),
             Cell("Quốc tịch", "bold", label_w), Cell(f["nationality"], value, value_w)],
            across("Số định danh cá nhân", f["personal_id"]), across("Nơi cư trú", f["residence"]),
            across("Tình trạng hôn nhân", f["marital_status"]), across("Mục đích sử dụng", f["purpose"])]
    y = form_extras.grid(page, LEFT, y - 3, rows, 11.5) + 6
    page.text(LEFT + 10, y, "Giấy này có giá trị sử dụng trong thời hạn 06 tháng, kể từ ngày cấp.", "italic", 11.5)
    y += 9
    page.text(LEFT, y + 6, "Nơi nhận:", "bolditalic", 10.5)
    for k, text in enumerate(("- Người được cấp;", "- Lưu: VT, hồ sơ hộ tịch.")):
        page.text(LEFT, y + 11 + 4.6 * k, text, "regular", 10)
    y = place_date(page, 140, y, s["place"], issued)
    signer_fit(page, 140, y, s["heading_ms"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"ms-tren-to-khai": _draw_declaration,
                                                                  "ms-luoi-2025": _draw_grid}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"ms-tren-to-khai": _show_declaration,
                                                           "ms-luoi-2025": _show_grid}
