"""Round-9 death extract ``de-trich-so-mot-dong``: the "TRÍCH LỤC KHAI TỬ" a commune typed in 2006–2025 by
copying one row of its death register ("Trích từ Sổ đăng ký khai tử"): under the title the registering committee
("Nơi đăng ký") and the book ("Quyển số"); then the entry as the register prints it, a ruled grid whose header
cells are the book's column heads and whose values stand in the cells under them (no label beside any value):
a first band "Số", "Ngày, tháng, năm đăng ký", "Họ và tên người chết", "Ngày, tháng, năm sinh", "Giới tính",
"Dân tộc", "Quốc tịch"; a second band "Số Giấy CMND / Số định danh cá nhân", "Ngày, tháng, năm chết", "Nơi chết",
"Nguyên nhân chết"; a third the declarant ("Họ và tên người đi khai tử", "Quan hệ với người chết"); the copy's
own date and signer under "Trích lục này đúng với Sổ đăng ký khai tử.".
"""

from __future__ import annotations

import random
from collections.abc import Callable

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_kit
from samples.layouts.common import LEFT, RIGHT, national_header, place_date, title
from samples.layouts.form_extras import Cell, grid
from samples.layouts.round7.kit import figures

FAMILIES = {"de-trich-so-mot-dong": "heldout"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"de-trich-so-mot-dong": {"2005-form": 45, "2015-form": 25,
                                                                       "2020-form": 30}}
# The bands of the register row: (column head, width mm, what the cell shows).
BANDS = (
    (("Số", 12.0, "number"), ("Ngày, tháng, năm đăng ký", 25.0, "registration_date"),
     ("Họ và tên người chết", 45.0, "full_name"), ("Ngày, tháng, năm sinh", 25.0, "date_of_birth"),
     ("Giới tính", 18.0, "sex"), ("Dân tộc", 20.0, "ethnicity"), ("Quốc tịch", 27.0, "nationality")),
    (("Số Giấy CMND / Số định danh cá nhân", 38.0, "personal_id"), ("Ngày, tháng, năm chết", 27.0, "date_of_death"),
     ("Nơi chết", 72.0, "place_of_death"), ("Nguyên nhân chết", 35.0, "cause")),
    (("Họ và tên người đi khai tử", 86.0, "declarant"), ("Quan hệ với người chết", 86.0, "relation")),
)
PT = 10.5


def _show(_rng: random.Random) -> dict:
    return {}


def cell_text(doc: Doc, key: str) -> str:
    """What a cell of the register row shows."""
    if key in ("cause", "declarant", "relation"):
        return doc.show[key]
    value = doc.fields[key]
    if value is None:
        return ""
    if key == "sex":
        return people.sex_label(value)
    return figures(value) if "date" in key else value


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    form = form_kit.Form(page, form_kit.Style(leaders=False, pt=12.0, line=6.6))
    y = national_header(page, s["header"])
    y = title(page, y + 12, "TRÍCH LỤC KHAI TỬ")
    page.text(105, y - 3.5, "(Trích từ Sổ đăng ký khai tử)", "italic", 12, align="center")
    y = form.rows(LEFT, RIGHT, y + 5, [[form_kit.Item("Nơi đăng ký", f["registration_authority"], "long")],
                                       [form_kit.Item("Quyển số", s["book"])]])
    top = y
    for band in BANDS:
        rows = [[Cell(head, "bold", width, "center") for head, width, _ in band],
                [Cell(cell_text(doc, key), "typedbold" if key == "full_name" else "typed", width,
                      "center" if key in ("number", "sex") else "left") for _, width, key in band]]
        top = grid(page, LEFT, top, rows, PT) + 3.0
    y = form.text_line(LEFT, top + 5, "Trích lục này đúng với Sổ đăng ký khai tử.", "italic", RIGHT)
    y = place_date(page, 140, y + 2, s["place"], s["copy_date"])
    form_kit.signer_fit(page, 140, y, ["TL. CHỦ TỊCH", "CÔNG CHỨC TƯ PHÁP - HỘ TỊCH"], None, s["signer"],
                        s["seal"], rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"de-trich-so-mot-dong": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"de-trich-so-mot-dong": _show}
