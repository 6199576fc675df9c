"""The birth-register book editions: their columns, type and page heading.

- ``br-2016``: the book of the 2016 civil-status software, one header row, values printed by the computer.
- ``br-1990s``: an older book, pre-printed headers ("Họ và tên người được khai sinh", "Nam hay nữ", the father
  before the mother, the registration date near the end, "Ghi chú"), the entries typed on a typewriter, dates
  as d-m-yyyy, slightly yellowed paper.
- ``br-2010``: the book of the late 2000s: two lines per entry (number over registration date, date of birth
  over sex, ethnicity over nationality), the parents in one divided cell ("Mẹ: …" over "Cha: …"), the declarant,
  narrow name columns so that names wrap, a row of column numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.register_table import Column, TableStyle

X0 = 14.0
RIGHT = 283.0


@dataclass(frozen=True)
class Edition:
    columns: tuple[Column, ...]
    style: TableStyle
    date_format: str  # "dd/mm/yyyy", "d-m-yyyy", "dd-mm-yyyy", "dd.mm.yyyy", "d/m/yyyy"
    heading: Callable[[Page, Doc, int], float]  # draws the page heading (page number), returns the table top
    paper: tuple[int, int, int] = (255, 255, 255)


def format_date(iso: str, pattern: str) -> str:
    d = date.fromisoformat(iso)
    sep = pattern[2] if pattern.startswith("dd") else pattern[1]
    day = f"{d.day:02d}" if pattern.startswith("dd") else str(d.day)
    month = f"{d.month:02d}" if "mm" in pattern else str(d.month)
    return f"{day}{sep}{month}{sep}{d.year}"


def _heading_2016(page: Page, doc: Doc, number: int) -> float:
    right = X0 + sum(c.width for c in COLUMNS_2016)
    page.text(X0, 12, doc.fields["registration_authority"], "italic", 11)
    page.text(right, 12, f"Quyển số: {doc.fields['book']}", "regular", 11, align="right")
    page.text(148.5, 22, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 15, align="center")
    page.text(right, 22, f"Trang {number:02d}", "italic", 10, align="right")
    return 28.0


def _heading_1990s(page: Page, doc: Doc, number: int) -> float:
    year = doc.fields["book"].split("/")[-1]
    page.text(148.5, 13, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 15.5, align="center")
    page.text(148.5, 19.5, f"Năm {year}", "typewriter", 11.5, align="center")
    end = page.text(X0, 27, "Nơi đăng ký:", "regular", 10.5, record=False)
    page.text(end + 2, 27, doc.fields["registration_authority"], "typewriter", 10.5, record=False)
    page.record(f"Nơi đăng ký: {doc.fields['registration_authority']}", X0, 27)
    page.text(RIGHT, 13, f"Quyển số: {doc.fields['book']}", "typewriter", 10.5, align="right")
    page.text(RIGHT, 27, f"Tờ số: {number:02d}", "regular", 10, align="right")
    return 32.0


def _heading_2010(page: Page, doc: Doc, number: int) -> float:
    page.text(X0, 11, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 9.5)
    page.text(X0 + 14, 15.5, "Độc lập - Tự do - Hạnh phúc", "bold", 9.5)
    page.text(148.5, 16, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 16, align="center")
    page.text(RIGHT, 11, f"Quyển số: {doc.fields['book']}", "regular", 10.5, align="right")
    page.text(148.5, 23, doc.fields["registration_authority"], "italic", 10.5, align="center")
    page.text(RIGHT, 200, f"- {number} -", "regular", 9.5, align="right")
    return 28.0


COLUMNS_2016 = (
    Column("Số", 12, ("number",)), Column("Ngày đăng ký", 22, ("registration_date",)),
    Column("Họ, chữ đệm, tên", 41, ("full_name",)), Column("Giới tính", 14, ("sex",)),
    Column("Ngày, tháng, năm sinh", 22, ("date_of_birth",)), Column("Nơi sinh", 47, ("place_of_birth",)),
    Column("Dân tộc", 16, ("ethnicity",)), Column("Quốc tịch", 18, ("nationality",)),
    Column("Họ, chữ đệm, tên người mẹ", 38, ("mother_name",)),
    Column("Họ, chữ đệm, tên người cha", 38, ("father_name",)),
)
COLUMNS_1990S = (
    Column("Số", 11, ("number",)), Column("Họ và tên người được khai sinh", 42, ("full_name",)),
    Column("Nam hay nữ", 13, ("sex",)), Column("Ngày, tháng, năm sinh", 23, ("date_of_birth",)),
    Column("Nơi sinh", 40, ("place_of_birth",)), Column("Dân tộc", 16, ("ethnicity",)),
    Column("Quốc tịch", 17, ("nationality",)), Column("Họ và tên cha", 34, ("father_name",)),
    Column("Họ và tên mẹ", 34, ("mother_name",)), Column("Ngày, tháng, năm đăng ký", 22, ("registration_date",)),
    Column("Ghi chú", 17, ("",)),
)
COLUMNS_2010 = (
    Column("Số;\nngày, tháng, năm đăng ký", 26, ("number", "registration_date"), divided=True),
    Column("Họ và tên người được đăng ký khai sinh", 33, ("full_name",)),
    Column("Ngày, tháng, năm sinh;\ngiới tính", 24, ("date_of_birth", "sex"), divided=True),
    Column("Nơi sinh", 48, ("place_of_birth",)),
    Column("Dân tộc;\nquốc tịch", 21, ("ethnicity", "nationality"), divided=True),
    Column("Họ và tên cha, mẹ", 50, ("mother_name", "father_name"), ("Mẹ: ", "Cha: "), divided=True),
    Column("Họ và tên người đi khai", 38, ("declarant",)),
    Column("Ghi chú", 25, ("",)),
)

EDITIONS: dict[str, Edition] = {
    "br-2016": Edition(COLUMNS_2016, TableStyle(header_align="left"), "dd/mm/yyyy", _heading_2016),
    "br-1990s": Edition(COLUMNS_1990S, TableStyle("regular", 9.5, 4.2, "typewriter", 9.6, 4.6, jitter=0.35),
                        "d-m-yyyy", _heading_1990s, paper=(250, 246, 233)),
    "br-2010": Edition(COLUMNS_2010, TableStyle("bold", 9.0, 4.0, "typed", 9.8, 4.4, numbered=True),
                       "dd/mm/yyyy", _heading_2010),
}
