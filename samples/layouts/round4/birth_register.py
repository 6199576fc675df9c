"""Round-4 birth registers (two book editions, one page an image):

- ``br-2006-groups``: the printed book of 2006–2015 (Decree 158/2005) whose header has two rows: the group
  "Người được khai sinh" over the child's columns, "Cha, mẹ" over the mother's and the father's names, and
  "Đăng ký" over the entry number and the registration date, which stand at the right end of the row, not the
  left; "Ghi chú" last; the entries printed by the computer in a sans face, dates as dd.mm.yyyy; "Quyển số"
  under the title, the registering authority and the page number at the foot of the page.
- ``br-1980s-portrait``: a 1980s book on portrait A4 sheets ruled in eight narrow columns ("Số", "Ngày đăng
  ký", "Họ và tên", "Nam / Nữ", "Sinh ngày", "Nơi sinh", "Họ tên cha", "Họ tên mẹ"): names and places wrap
  over two or three lines; no ethnicity or nationality column (their truth is null); entries typed on a
  typewriter, dates as d/m/yyyy, yellowed paper, "Cơ quan đăng ký" typed on a dotted top line.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import adjusting
from samples.layouts.register_editions import format_date
from samples.layouts.register_table import Column, TableStyle, draw_table

FAMILIES = {"br-2006-groups": "tuning", "br-1980s-portrait": "tuning"}
OLD_BOOK = {"br-1980s-portrait": "tuning"}
VARIANTS = {"br-2006-groups": "book-2006-groups", "br-1980s-portrait": "book-1980s-portrait"}
YEARS = {"br-2006-groups": (2006, 2015), "br-1980s-portrait": (1980, 1989)}
PER_PAGE = {"br-2006-groups": (5, 7), "br-1980s-portrait": (7, 10)}
LANDSCAPE = (297.0, 210.0)
PORTRAIT = (210.0, 297.0)
X0 = 14.0
Build = Callable[..., Doc]
Draw = Callable[[Doc, int, random.Random], list[Page]]

COLUMNS_2006 = (
    Column("Họ và tên", 38, ("full_name",), group="Người được khai sinh"),
    Column("Giới tính", 13, ("sex",), group="Người được khai sinh"),
    Column("Ngày, tháng, năm sinh", 22, ("date_of_birth",), group="Người được khai sinh"),
    Column("Nơi sinh", 44, ("place_of_birth",), group="Người được khai sinh"),
    Column("Dân tộc", 15, ("ethnicity",), group="Người được khai sinh"),
    Column("Quốc tịch", 17, ("nationality",), group="Người được khai sinh"),
    Column("Họ và tên mẹ", 33, ("mother_name",), group="Cha, mẹ"),
    Column("Họ và tên cha", 33, ("father_name",), group="Cha, mẹ"),
    Column("Số", 11, ("number",), group="Đăng ký"),
    Column("Ngày đăng ký", 21, ("registration_date",), group="Đăng ký"),
    Column("Ghi chú", 18, ("",)),
)
COLUMNS_1980S = tuple(Column(header, width, (key,)) for header, width, key in (
    ("Số", 9, "number"), ("Ngày đăng ký", 19, "registration_date"), ("Họ và tên", 30, "full_name"),
    ("Nam / Nữ", 11, "sex"), ("Sinh ngày", 19, "date_of_birth"), ("Nơi sinh", 32, "place_of_birth"),
    ("Họ tên cha", 29, "father_name"), ("Họ tên mẹ", 29, "mother_name"),
))
STYLE_2006 = TableStyle("bold", 9.0, 4.0, "sans", 9.2, 4.3)
STYLE_1980S = TableStyle("regular", 9.0, 4.0, "typewriter", 9.6, 4.4, jitter=0.4)
PAPER_1980S = (246, 238, 214)


def _old_book(doc: Doc, rng: random.Random) -> None:
    parts = doc.fields["registration_authority"].removeprefix("Ủy ban nhân dân ").split(", ")
    unit, district = parts[0], parts[1] if len(parts) > 2 else None
    for entry in doc.entries:
        entry["ethnicity"] = entry["nationality"] = None
        roll = rng.random()
        if roll < 0.4:
            entry["place_of_birth"] = f"Trạm xá {unit}"
        elif roll < 0.6 and district:
            entry["place_of_birth"] = f"Bệnh viện {district}"
        elif roll < 0.75:
            entry["place_of_birth"] = "Bệnh viện tỉnh Quảng Ninh"
        else:
            entry["place_of_birth"] = f"{unit}, {district}" if district else unit


def with_old_books(build: Build) -> Build:
    """``build`` of samples/layouts/birth_register.py; a ``br-1980s-portrait`` book has no ethnicity or
    nationality column and names places of birth as the books of the 1980s did."""
    return adjusting(build, OLD_BOOK, _old_book)


def _cell(doc: Doc, index: int, key: str) -> str:
    value = doc.entries[index][key] if key else None
    if value is None:
        return ""
    if key == "sex":
        return "Nam" if value == "male" else "Nữ"
    if key in ("registration_date", "date_of_birth"):
        return format_date(value, "d/m/yyyy" if doc.family == "br-1980s-portrait" else "dd.mm.yyyy")
    return value


def _page_2006(doc: Doc, number: int, first: int, count: int, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*LANDSCAPE, dpi)
    right = X0 + sum(c.width for c in COLUMNS_2006)
    page.text(148.5, 13, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 15.5, align="center")
    page.text(148.5, 19.5, f"Quyển số: {f['book']}", "regular", 11, align="center")
    draw_table(page, X0, 24.0, COLUMNS_2006, count, lambda row, key: _cell(doc, first + row, key), STYLE_2006,
               rng, bottom_limit=195.0)
    page.text(X0, 203, f"Cơ quan đăng ký: {f['registration_authority']}", "italic", 10)
    page.text(right, 203, f"Trang {number}", "regular", 10, align="right")
    return page


def _page_1980s(doc: Doc, number: int, first: int, count: int, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*PORTRAIT, dpi, paper=PAPER_1980S)
    right = X0 + sum(c.width for c in COLUMNS_1980S)
    end = page.text(X0, 14, "Cơ quan đăng ký:", "regular", 10.5, record=False)
    page.dots(end + 1, right, 14.6, 10.5)
    page.text(end + 2.5, 14, f["registration_authority"], "typewriter", 10, record=False)
    page.record(f"Cơ quan đăng ký: {f['registration_authority']}", X0, 14)
    page.text(105, 24, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 15, align="center")
    page.text(X0, 32, f"Năm {f['book'].split('/')[-1]}", "typewriter", 10.5)
    page.text(right, 32, f"Quyển số: {f['book']}", "typewriter", 10.5, align="right")
    draw_table(page, X0, 36.0, COLUMNS_1980S, count, lambda row, key: _cell(doc, first + row, key), STYLE_1980S,
               rng, bottom_limit=285.0)
    page.text(105, 291, f"Tờ {number}", "regular", 9.5, align="center")
    return page


def with_old_pages(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/birth_register.py, with the round-4 books laid out their own way."""

    def dispatch(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
        if doc.family not in FAMILIES:
            return draw(doc, dpi, rng)
        one = _page_2006 if doc.family == "br-2006-groups" else _page_1980s
        pages, first = [], 0
        number = rng.randint(2, 90)
        for k, count in enumerate(doc.show["per_page"]):
            pages.append(one(doc, number + k, first, count, dpi, rng))
            first += count
        return pages

    return dispatch


