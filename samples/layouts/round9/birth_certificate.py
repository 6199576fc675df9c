"""Round-9 birth certificate ``bc-trich-luc-a5-ngang``: the "TRÍCH LỤC KHAI SINH" a commune printed in 2016–2025
on an A5 sheet laid landscape (210 x 148 mm), the items in two columns side by side: the left column the child
(headed "NGƯỜI ĐƯỢC KHAI SINH") and under it the registration ("Nơi đăng ký", "Ngày đăng ký"), the right column
the mother and the father (headed "MẸ" and "CHA"), each parent's year of birth, ethnicity and nationality on one
line of three short items; Số and Quyển số one above the other at the top right corner (not under the title);
the signer in the right column under the parents. Labels with a colon, values beside them, no leaders.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_extras
from samples.layouts.form_kit import Form, Item, Style
from samples.layouts.round6.kit import Draw, dispatching
from samples.layouts.round7.kit import figures
from samples.vntext import date_long

FAMILIES = {"bc-trich-luc-a5-ngang": "heldout"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"bc-trich-luc-a5-ngang": {"2015-form": 30, "2020-form": 70}}
SHEET = (210.0, 148.0)  # A5 landscape
LEFT_COLUMN = (12.0, 102.0)
RIGHT_COLUMN = (110.0, 200.0)


def _show(rng: random.Random, _variant: str) -> dict:
    return {"style": Style(leaders=False, value_font=rng.choice(["serif", "bold"]), pt=10.0, line=5.0)}


def _parent(form: Form, x0: float, x1: float, y: float, f: dict, key: str, heading: str) -> float:
    page = form.page
    page.text(x0, y, heading, "bold", 10.5)
    y = form.rows(x0, x1, y + 5.2, [[Item("Họ, chữ đệm, tên", f[f"{key}_name"], "name")]])
    facts = [(Item("Năm sinh", f[f"{key}_birth_year"]), 0.0, 27.0), (Item("Dân tộc", f[f"{key}_ethnicity"]),
                                                                     29.0, 55.0),
             (Item("Quốc tịch", f[f"{key}_nationality"]), 57.0, x1 - x0)]
    ends = [form.field(x0 + start, y, item, x0 + end) for item, start, end in facts]
    return form.rows(x0, x1, max(ends), [[Item("Nơi cư trú", f[f"{key}_residence"], "long")]])


def draw_sheet(doc: Doc, page: Page, rng: random.Random) -> None:
    """The whole sheet on ``page`` (coordinates of the 210 x 148 mm landscape sheet)."""
    f, s = doc.fields, doc.show
    form = Form(page, s["style"], indent=3.0)
    y = form_extras.header(page, 50, 148, 11, s["header"], 10.0)
    page.text(RIGHT_COLUMN[1], y + 1, f"Số: {f['number']}", "regular", 10, align="right")
    page.text(RIGHT_COLUMN[1], y + 6, f"Quyển số: {f['book']}", "regular", 10, align="right")
    page.text(105, y + 7, "TRÍCH LỤC KHAI SINH", "bold", 14, align="center")
    top = y + 16
    x0, x1 = LEFT_COLUMN
    page.text(x0, top, "NGƯỜI ĐƯỢC KHAI SINH", "bold", 10.5)
    y = form.rows(x0, x1, top + 5.2, [
        [Item("Họ, chữ đệm, tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", figures(f["date_of_birth"]))],
        [Item("Bằng chữ", s["words"])],
        [Item("Giới tính", people.sex_label(f["sex"]))],
        [Item("Dân tộc", f["ethnicity"])],
        [Item("Quốc tịch", f["nationality"])],
        [Item("Nơi sinh", f["place_of_birth"], "long")],
        [Item("Quê quán", f["hometown"], "long")],
        [Item("Số định danh cá nhân", f["personal_id"])],
    ])
    form.rows(x0, x1, y + 1.5, [[Item("Nơi đăng ký", f["registration_authority"], "long")],
                                [Item("Ngày đăng ký", figures(f["registration_date"]))]])
    x0, x1 = RIGHT_COLUMN
    y = _parent(form, x0, x1, top, f, "mother", "MẸ")
    if f["father_name"]:
        y = _parent(form, x0, x1, y + 1.5, f, "father", "CHA")
    cx = (x0 + x1) / 2
    page.text(cx, y + 1.5, f"{s['place']}, {date_long(s['copy_date'])}", "italic", 10, align="center")
    form_extras.signer(page, cx, y + 6.5, ["NGƯỜI KÝ TRÍCH LỤC"], None, s["signer"], s["seal"], rng, 10.0,
                       14.0, 17.0)


def _sheets(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    page = Page(*SHEET, dpi)
    draw_sheet(doc, page, rng)
    return [page]


def with_landscape_sheets(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/birth_certificate.py, with ``bc-trich-luc-a5-ngang`` on its own A5 sheet."""
    return dispatching(draw, FAMILIES, _sheets)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"bc-trich-luc-a5-ngang": draw_sheet}
FAMILY_SHOW: dict[str, Callable[[random.Random, str], dict]] = {"bc-trich-luc-a5-ngang": _show}
