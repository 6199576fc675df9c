"""Round-8 birth registers:

- ``br-hai-dong-cha-me``: a commune's book of 2000–2012 (Decree 158/2005 and the years before it) in which every
  entry takes two ruled rows of different columns: the upper row the registration and the child ("Số", "Ngày
  đăng ký", "Họ và tên người được khai sinh", "Ngày, tháng, năm sinh", "Giới tính", "Dân tộc", "Quốc tịch",
  "Nơi sinh"), the lower row the parents side by side under their own header ("Họ và tên cha" over the child's
  name and dates, "Họ và tên mẹ" over the rest), the header itself two rows of the same two splits; typed fill.
- ``br-so-quyen-gks-2000s``: a 2000s book filled in by hand (an irregular italic fill; the book's number in
  blue ink): a running "STT" of the page (not the entry's number), the columns in another order (the child, the
  sex, the date of birth, the place, ethnicity, nationality, the father's and the mother's names, the
  registration date), then "Số, quyển giấy khai sinh đã cấp" holding the entry's number with its book ("Số 125"
  over "Q.01") and a mostly empty "Ghi chú" column.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import adjusting
from samples.layouts.form_extras import Cell, grid
from samples.layouts.register_editions import format_date
from samples.layouts.register_table import Column, TableStyle, draw_table
from samples.layouts.round6.kit import Draw, dispatching

FAMILIES = {"br-hai-dong-cha-me": "tuning", "br-so-quyen-gks-2000s": "tuning"}
VARIANTS = {"br-hai-dong-cha-me": "two-rows-2000s", "br-so-quyen-gks-2000s": "handwritten-2000s"}
YEARS = {"br-hai-dong-cha-me": (2000, 2012), "br-so-quyen-gks-2000s": (2001, 2009)}
PER_PAGE = {"br-hai-dong-cha-me": (4, 6), "br-so-quyen-gks-2000s": (5, 7)}
LANDSCAPE = (297.0, 210.0)
X0, RIGHT = 14.0, 283.0
# The upper row of an entry: (header, width mm, entry key); the lower row's two cells span the first four and
# the last four of these.
UPPER = (("Số", 14.0, "number"), ("Ngày đăng ký", 24.0, "registration_date"),
         ("Họ và tên người được khai sinh", 52.0, "full_name"), ("Ngày, tháng, năm sinh", 24.0, "date_of_birth"),
         ("Giới tính", 16.0, "sex"), ("Dân tộc", 20.0, "ethnicity"), ("Quốc tịch", 22.0, "nationality"),
         ("Nơi sinh", 97.0, "place_of_birth"))
SPLIT = 4  # the father's cell spans the first SPLIT upper columns
INK = (30, 50, 140)
HANDWRITTEN = (
    Column("STT", 10, ("index",)), Column("Họ và tên người được khai sinh", 36, ("full_name",)),
    Column("Nam/Nữ", 12, ("sex",)), Column("Ngày, tháng, năm sinh", 21, ("date_of_birth",)),
    Column("Nơi sinh", 36, ("place_of_birth",)), Column("Dân tộc", 13, ("ethnicity",)),
    Column("Quốc tịch", 18, ("nationality",)), Column("Họ và tên cha", 29, ("father_name",)),
    Column("Họ và tên mẹ", 29, ("mother_name",)), Column("Ngày đăng ký", 20, ("registration_date",)),
    Column("Số, quyển giấy khai sinh đã cấp", 22, ("number", "book_short"), ("Số ", "Q.")),
    Column("Ghi chú", 23, ("note",)),
)
HAND_STYLE = TableStyle("bold", 8.5, 3.8, "italic", 10.5, 4.8, jitter=0.6)
NOTES = ["Cấp bản sao", "Đã cấp lại bản chính", "Đăng ký quá hạn", "Con ngoài giá thú"]
Build = Callable[..., Doc]


def _particulars(doc: Doc, rng: random.Random) -> None:
    """The book's short number ("01") and, on the handwritten book, a note on some entries."""
    doc.show["book_short"] = doc.fields["book"].split("/")[0]
    doc.show["notes"] = [rng.choice(NOTES) if rng.random() < 0.2 else "" for _ in doc.entries]


def with_round8_books(build: Build) -> Build:
    """``build`` of samples/layouts/birth_register.py, with the round-8 books' own particulars."""
    return adjusting(build, FAMILIES, _particulars)


def text_of(doc: Doc, index: int, key: str) -> str:
    """The text a cell shows of entry ``index`` (or of the page's running ``index`` + 1)."""
    if key == "book_short":
        return doc.show["book_short"]
    if key == "note":
        return doc.show["notes"][index]
    value = doc.entries[index][key]
    if value is None:
        return ""
    if key == "sex":
        return people.sex_label(value)
    return format_date(value, "dd/mm/yyyy") if key in ("registration_date", "date_of_birth") else value


def _heading(page: Page, doc: Doc, sheet: int, style: str, color: tuple[int, int, int]) -> None:
    page.text(148.5, 13, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 15, align="center")
    page.text(X0, 22, f"Nơi đăng ký: {doc.fields['registration_authority']}", "regular", 10.5)
    page.text(RIGHT, 13, f"Quyển số: {doc.fields['book']}", style, 10.5, align="right", color=color)
    page.text(RIGHT, 22, f"Trang {sheet:02d}", "regular", 10, align="right")


def _two_row_page(doc: Doc, page: Page, first: int, count: int) -> None:
    widths = [w for _, w, _ in UPPER]
    lower = (sum(widths[:SPLIT]), sum(widths[SPLIT:]))
    rows = [[Cell(head, "bold", w, "center") for head, w, _ in UPPER],
            [Cell("Họ và tên cha", "bold", lower[0], "center"), Cell("Họ và tên mẹ", "bold", lower[1], "center")]]
    for index in range(first, first + count):
        rows.append([Cell(text_of(doc, index, key), "typedbold" if key == "full_name" else "typed", w,
                          "center" if key in ("number", "sex") else "left") for _, w, key in UPPER])
        rows.append([Cell(text_of(doc, index, "father_name"), "typed", lower[0]),
                     Cell(text_of(doc, index, "mother_name"), "typed", lower[1])])
    grid(page, X0, 30.0, rows, 9.5)


def _pages(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    pages, first = [], 0
    for k, count in enumerate(doc.show["per_page"], start=1):
        if doc.family == "br-hai-dong-cha-me":
            page = Page(*LANDSCAPE, dpi)
            _heading(page, doc, k, "regular", (0, 0, 0))
            _two_row_page(doc, page, first, count)
        else:
            page = Page(*LANDSCAPE, dpi, paper=(249, 247, 238))
            _heading(page, doc, k, "italic", INK)
            draw_table(page, X0, 28.0, HANDWRITTEN, count,
                       lambda row, key, start=first: str(row + 1) if key == "index" else text_of(doc, start + row, key),
                       HAND_STYLE, rng)
        pages.append(page)
        first += count
    return pages


def with_round8_pages(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/birth_register.py, with the round-8 books drawn their own way."""
    return dispatching(draw, FAMILIES, _pages)
