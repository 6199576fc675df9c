"""Round-9 birth registers:

- ``br-ngay-dau-nhom-1990s``: a commune's book of 1990–1999 in which the registration date is not a column: it
  heads each group of the day's entries as a row across the whole table ("Ngày 12 tháng 3 năm 1994"; a group
  that goes on over the page is headed again with "(tiếp)"), and the entry's number stands in red ink in the left
  margin outside the ruled table, not in a column; the columns the child ("Họ và tên người được khai sinh",
  "Nam hay nữ", "Ngày, tháng, năm sinh", "Nơi sinh", "Dân tộc", "Quốc tịch") and the father's and the mother's
  names; typewritten fill.
- ``br-cot-cha-me-gop-2020``: the book of Circular 04/2020/TT-BTP (2020–2024) in which each parent's particulars
  share one cell: the name on the first line and "năm sinh - dân tộc - quốc tịch" on the second ("1990 - Kinh -
  Việt Nam"), the mother's column before the father's; the child's ethnicity and nationality in one column too
  ("Kinh - Việt Nam"); printed fill.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import adjusting
from samples.layouts.form_extras import Cell, grid
from samples.layouts.register_table import Column, TableStyle, draw_table
from samples.layouts.round6.kit import Draw, dispatching
from samples.vntext import date_figures, date_long

FAMILIES = {"br-ngay-dau-nhom-1990s": "heldout", "br-cot-cha-me-gop-2020": "heldout"}
VARIANTS = {"br-ngay-dau-nhom-1990s": "day-groups-1990s", "br-cot-cha-me-gop-2020": "parents-cells-2020"}
YEARS = {"br-ngay-dau-nhom-1990s": (1990, 1999), "br-cot-cha-me-gop-2020": (2020, 2024)}
PER_PAGE = {"br-ngay-dau-nhom-1990s": (5, 7), "br-cot-cha-me-gop-2020": (5, 6)}
LANDSCAPE = (297.0, 210.0)
RED = (185, 30, 35)
# The day-group book: (header, width mm, entry key); the table starts right of the numbers' margin.
GROUPED = (("Họ và tên người được khai sinh", 50.0, "full_name"), ("Nam hay nữ", 15.0, "sex"),
           ("Ngày, tháng, năm sinh", 25.0, "date_of_birth"), ("Nơi sinh", 54.0, "place_of_birth"),
           ("Dân tộc", 18.0, "ethnicity"), ("Quốc tịch", 22.0, "nationality"),
           ("Họ và tên cha", 40.0, "father_name"), ("Họ và tên mẹ", 40.0, "mother_name"))
GROUPED_X0 = 26.0
GROUPED_PT = 10.0
COMBINED = (
    Column("Số", 12, ("number",)), Column("Ngày, tháng, năm đăng ký", 22, ("registration_date",)),
    Column("Họ, chữ đệm, tên người được khai sinh", 40, ("full_name",)),
    Column("Ngày, tháng, năm sinh", 21, ("date_of_birth",)), Column("Giới tính", 13, ("sex",)),
    Column("Dân tộc - Quốc tịch", 26, ("child_facts",)), Column("Nơi sinh", 43, ("place_of_birth",)),
    Column("Mẹ\nHọ, chữ đệm, tên; năm sinh - dân tộc - quốc tịch", 46, ("mother_name", "mother_facts")),
    Column("Cha\nHọ, chữ đệm, tên; năm sinh - dân tộc - quốc tịch", 46, ("father_name", "father_facts")),
)
COMBINED_X0 = 14.0
COMBINED_STYLE = TableStyle("bold", 9.0, 4.0, "typed", 10.0, 4.6)
Build = Callable[..., Doc]


def _parents(doc: Doc, rng: random.Random) -> None:
    """The parents' years of birth, ethnicities and nationalities that the 2020 book prints with their names."""
    facts = []
    for entry in doc.entries:
        born = date.fromisoformat(entry["date_of_birth"]).year
        mother = born - rng.randint(19, 40)
        father = mother - rng.randint(-3, 8)
        kin = entry["ethnicity"] if rng.random() < 0.9 else people.pick_ethnicity(rng)
        facts.append({"mother_facts": f"{mother} - {entry['ethnicity']} - Việt Nam",
                      "father_facts": f"{father} - {kin} - Việt Nam" if entry["father_name"] else "",
                      "child_facts": f"{entry['ethnicity']} - {entry['nationality']}"})
    doc.show["facts"] = facts


def with_round9_books(build: Build) -> Build:
    """``build`` of samples/layouts/birth_register.py, with the round-9 books' own particulars."""
    return adjusting(build, {"br-cot-cha-me-gop-2020": "heldout"}, _parents)


def shown(doc: Doc, index: int, key: str) -> str:
    """The text a cell shows of entry ``index``."""
    if key.endswith("_facts"):
        return doc.show["facts"][index][key]
    value = doc.entries[index][key]
    if value is None:
        return ""
    if key == "sex":
        return people.sex_label(value)
    return date_figures(date.fromisoformat(value)) if key in ("registration_date", "date_of_birth") else value


def day_heading(when: str, going_on: bool) -> str:
    """'Ngày 12 tháng 3 năm 1994', with '(tiếp)' over a page's first group that began on the page before."""
    text = date_long(date.fromisoformat(when))
    return f"N{text[1:]}{' (tiếp)' if going_on else ''}"


def _title(page: Page, doc: Doc, sheet: int, year_line: bool) -> None:
    page.text(148.5, 12, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 15, align="center")
    page.text(148.5, 18.5, doc.fields["registration_authority"], "bold", 11, align="center")
    if year_line:
        page.text(148.5, 24, f"Năm {doc.fields['book'].split('/')[-1]}", "italic", 10.5, align="center")
    page.text(14, 12, f"Quyển số: {doc.fields['book']}", "regular", 10.5)
    page.text(283, 12, f"Tờ số {sheet}", "regular", 10, align="right")


def _grouped_page(doc: Doc, page: Page, first: int, count: int) -> None:
    step = GROUPED_PT * 0.45
    total = sum(w for _, w, _ in GROUPED)
    top = grid(page, GROUPED_X0, 30.0, [[Cell(head, "bold", w, "center") for head, w, _ in GROUPED]], 9.5)
    previous = doc.entries[first - 1]["registration_date"] if first else None
    for index in range(first, first + count):
        entry = doc.entries[index]
        heading = None
        if entry["registration_date"] != previous:
            heading = day_heading(entry["registration_date"], False)
        elif index == first:
            heading = day_heading(entry["registration_date"], True)
        if heading:
            top = grid(page, GROUPED_X0, top, [[Cell(heading, "bolditalic", total)]], GROUPED_PT)
        previous = entry["registration_date"]
        page.text(GROUPED_X0 - 2.5, top + 1.2 + step - 0.9, entry["number"], "bold", 11, align="right", color=RED)
        top = grid(page, GROUPED_X0, top, [[Cell(shown(doc, index, key), "typewriter", w,
                                                 "center" if key == "sex" else "left")
                                            for _, w, key in GROUPED]], GROUPED_PT)


def _pages(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    pages, first = [], 0
    for sheet, count in enumerate(doc.show["per_page"], start=1):
        if doc.family == "br-ngay-dau-nhom-1990s":
            page = Page(*LANDSCAPE, dpi, paper=(246, 241, 226))
            _title(page, doc, sheet, True)
            _grouped_page(doc, page, first, count)
        else:
            page = Page(*LANDSCAPE, dpi)
            _title(page, doc, sheet, False)
            draw_table(page, COMBINED_X0, 28.0, COMBINED, count,
                       lambda row, key, start=first: shown(doc, start + row, key), COMBINED_STYLE, rng)
        pages.append(page)
        first += count
    return pages


def with_round9_pages(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/birth_register.py, with the round-9 books drawn their own way."""
    return dispatching(draw, FAMILIES, _pages)
