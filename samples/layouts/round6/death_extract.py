"""Round-6 death extracts:

- ``de-cuong-1990s``: the "GIẤY CHỨNG TỬ" of the 1990s books of counterfoil blanks (Decree 83/1998 and
  before): the sheet torn from its counterfoil along a perforated line (the ragged stub edge at the left), the
  blank's serial number printed up the left margin; the older header ("UBND HUYỆN …" over "UBND XÃ …"), Số and
  Quyển số at the right under the motto; the particulars typed on leader lines in the wordings of the time
  ("Họ và tên người chết", "Nam hay nữ" beside "Năm sinh": only the year of birth is printed, so the date of
  birth is null), "Số Giấy CMND" (the 9-digit number, or blank), "Nơi thường trú", "Đã chết vào hồi … giờ …
  phút, ngày … tháng … năm …", "Tại" (the place of death), the cause, the declarant, "Đăng ký ngày …" and
  "Nơi đăng ký".
- ``de-bang-stt-2025``: the extract a commune of the two-level local government (from 1 July 2025) prints as a
  three-column ruled table: "STT", "Nội dung", "Thông tin" in a shaded header row, thirteen numbered rows in the
  order of the new software (the person "đã mất", "Thời điểm mất" with the hour and the date in one cell, "Nơi
  mất", then "Số đăng ký khai tử", "Ngày đăng ký", "Cơ quan đăng ký" last); "Nơi nhận" at the left of the signer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import idnumbers, people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, adjusting, national_header, place_date, title
from samples.layouts.form_extras import Cell, grid
from samples.layouts.form_kit import Form, Item, Style
from samples.layouts.round6.kit import perforation, registered_and_signed, vertical_text
from samples.vntext import date_figures

FAMILIES = {"de-cuong-1990s": "tuning", "de-bang-stt-2025": "tuning"}
STUBS = {"de-cuong-1990s": "tuning"}
VARIANTS = {"1990-form": (date(1990, 1, 1), date(2005, 12, 31))}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"de-cuong-1990s": {"1990-form": 1}, "de-bang-stt-2025": {"2025-form": 1}}
Build = Callable[..., Doc]


def _show_stub(rng: random.Random) -> dict:
    return {"style": Style(leaders=True, value_font="typewriter", pt=12.0, line=6.9),
            "serial": f"{rng.choice(['AA', 'AB', 'AC', 'BD'])} {rng.randint(0, 999999):06d}"}


def _show_table(rng: random.Random) -> dict:
    return {"value_style": rng.choice(["typed", "sans"]), "pt": rng.choice([11.0, 11.5]),
            "fill": rng.choice([(225, 225, 225), (214, 228, 240)])}


def _stub(doc: Doc, rng: random.Random) -> None:
    """Only the year of birth is printed; the 9-digit CMND of the time, or none."""
    f = doc.fields
    doc.show["born_year"] = f["date_of_birth"][:4]
    f["date_of_birth"] = None
    f["personal_id"] = idnumbers.old_id_number(rng) if rng.random() < 0.75 else None


def with_stubs(build: Build) -> Build:
    """``build`` of samples/layouts/death_extract.py; a ``de-cuong-1990s`` paper prints only the year of birth."""
    return adjusting(build, STUBS, _stub)


def _draw_stub(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    perforation(page, 12.0, rng)
    vertical_text(page, 17.5, 200, f"Sê-ri: {s['serial']}", "bold", 9, color=(170, 40, 40))
    form = Form(page, s["style"], indent=6.0)
    y = national_header(page, s["older_header"])
    page.text(150, y + 1, f"Số: {f['number']}", "typewriter", 11.5)
    page.text(150, y + 6.5, f"Quyển số: {s['book']}", "typewriter", 11.5)
    y = title(page, y + 20, "GIẤY CHỨNG TỬ", 17)
    x0 = LEFT + 4
    y = form.rows(x0, RIGHT, y + 2, [[Item("Họ và tên người chết", f["full_name"], "name")]])
    form.field(x0, y, Item("Nam hay nữ", people.sex_label(f["sex"])), 96)
    y = form.field(100, y, Item("Năm sinh", s["born_year"]), RIGHT)
    y = form.rows(x0, RIGHT, y, [[Item("Dân tộc", f["ethnicity"]), Item("Quốc tịch", f["nationality"])],
                                 [Item("Số Giấy CMND", f["personal_id"])],
                                 [Item("Nơi thường trú", s["residence"], "long")]])
    died = date.fromisoformat(f["date_of_death"])
    y = form.split_date(x0, y, "Đã chết vào hồi", died, RIGHT, time=s["time"])
    y = form.rows(x0, RIGHT, y, [[Item("Tại", f["place_of_death"], "long")],
                                 [Item("Nguyên nhân chết", s["cause"])],
                                 [Item("Họ và tên người đứng khai", s["declarant"].title())],
                                 [Item("Quan hệ với người chết", s["relation"])]])
    registered_and_signed(form, x0, y, "Đăng ký", f["registration_authority"],
                          date.fromisoformat(f["registration_date"]), s["place"], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
                          s["signer"], s["seal"], rng)

def _draw_table(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    value, pt = s["value_style"], s["pt"]
    bold = "sansbold" if value == "sans" else "typedbold"
    y = national_header(page, s["header"])
    y = title(page, y + 12, "TRÍCH LỤC KHAI TỬ")
    died = date.fromisoformat(f["date_of_death"])
    registered = date.fromisoformat(f["registration_date"])
    hours, _, minutes, _ = s["time"].split()
    rows = [
        ("Họ, chữ đệm, tên người đã mất", f["full_name"], bold),
        ("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])), value),
        ("Giới tính", people.sex_label(f["sex"]), value), ("Dân tộc", f["ethnicity"], value),
        ("Quốc tịch", f["nationality"], value), ("Số định danh cá nhân", f["personal_id"], value),
        ("Nơi cư trú cuối cùng", s["residence"], value),
        ("Thời điểm mất", f"{hours} giờ {minutes} phút, ngày {date_figures(died)}", value),
        ("Nơi mất", f["place_of_death"], value), ("Nguyên nhân mất", s["cause"], value),
        ("Số đăng ký khai tử", f["number"], value), ("Ngày đăng ký", date_figures(registered), value),
        ("Cơ quan đăng ký", f["registration_authority"], value),
    ]
    widths = (14.0, 64.0, 94.0)
    page.rect(LEFT, y - 3, LEFT + sum(widths), y + 5.4, outline=None, fill=s["fill"])
    cells = [[Cell("STT", "bold", widths[0], "center"), Cell("Nội dung", "bold", widths[1], "center"),
              Cell("Thông tin", "bold", widths[2], "center")]]
    cells += [[Cell(str(k), "regular", widths[0], "center"), Cell(label, "regular", widths[1]),
               Cell(text or "", style, widths[2])] for k, (label, text, style) in enumerate(rows, start=1)]
    y = grid(page, LEFT, y - 3, cells, pt) + 8
    page.text(LEFT, y + 6, "Nơi nhận:", "bolditalic", 10.5)
    for k, text in enumerate(("- Người yêu cầu;", "- Lưu: hồ sơ hộ tịch.")):
        page.text(LEFT, y + 11 + 4.6 * k, text, "regular", 10)
    y = place_date(page, 140, y, s["place"], registered)
    form_kit.signer_fit(page, 140, y, s["heading"], None, s["signer"], s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"de-cuong-1990s": _draw_stub,
                                                                  "de-bang-stt-2025": _draw_table}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"de-cuong-1990s": _show_stub,
                                                           "de-bang-stt-2025": _show_table}
