"""Round-7 birth registers:

- ``br-hai-muc-1990s``: a book of the late 1980s and the 1990s printed like certificates, two entries a page
  (A4 landscape), side by side, parted by a rule: each entry a block of typewritten lines over leaders, the
  labels printed ("Số", "Họ và tên", "Nam hay nữ", "Dân tộc", "Quốc tịch", "Sinh ngày … tháng … năm …", "Nơi
  sinh", "Họ và tên cha", "Họ và tên mẹ", "Nơi thường trú", "Người đứng khai", "Đăng ký ngày … tháng … năm
  …"), the registrar's signature at the foot of each block; no table and no column headers. The page heading
  names the committee ("Nơi đăng ký"), "Quyển số" and "Tờ số".
- ``br-cot-ghi-chu``: the 2016–2024 book of a district's software in yet another column order: the
  registration number, the child's name, then its personal number (a 12-digit column that is not an entry
  key), date of birth, sex, place of birth, ethnicity, nationality, the mother's and the father's names, the
  registration date near the end and a wide last column "Ghi chú thay đổi, cải chính, bổ sung" where some
  entries carry a later note with its own decision number and dates (not the entry's).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import adjusting
from samples.layouts.form_kit import Form, Item, Style
from samples.layouts.register_editions import format_date
from samples.layouts.register_table import Column, TableStyle, draw_table
from samples.layouts.round6.kit import Draw, dispatching, old_place_of_birth
from samples.layouts.round7.kit import figures
from samples.stamp import multiply, signature_layer

FAMILIES = {"br-hai-muc-1990s": "tuning", "br-cot-ghi-chu": "tuning"}
VARIANTS = {"br-hai-muc-1990s": "two-entries-1990s", "br-cot-ghi-chu": "notes-column-2016"}
YEARS = {"br-hai-muc-1990s": (1986, 1998), "br-cot-ghi-chu": (2016, 2024)}
PER_PAGE = {"br-hai-muc-1990s": (2, 2), "br-cot-ghi-chu": (4, 6)}
LANDSCAPE = (297.0, 210.0)
X0, RIGHT, MIDDLE = 14.0, 283.0, 148.5
REGISTRARS = ["Nguyễn Văn Thọ", "Phạm Thị Nhàn", "Đỗ Văn Hiển", "Vũ Thị Thanh Hà", "Lê Văn Khang"]
COLUMNS = (
    Column("Số", 13, ("number",)), Column("Họ, chữ đệm, tên", 34, ("full_name",)),
    Column("Số định danh cá nhân", 24, ("personal_id",)), Column("Ngày, tháng, năm sinh", 20, ("date_of_birth",)),
    Column("Giới tính", 12, ("sex",)), Column("Nơi sinh", 34, ("place_of_birth",)),
    Column("Dân tộc", 12, ("ethnicity",)), Column("Quốc tịch", 16, ("nationality",)),
    Column("Họ, chữ đệm, tên mẹ", 28, ("mother_name",)),
    Column("Họ, chữ đệm, tên cha", 28, ("father_name",)), Column("Ngày đăng ký", 20, ("registration_date",)),
    Column("Ghi chú thay đổi, cải chính, bổ sung", 26, ("note",)),
)
STYLE = TableStyle("bold", 8.5, 3.8, "typed", 9.5, 4.3)
Build = Callable[..., Doc]


def _two_entries(doc: Doc, rng: random.Random) -> None:
    """Places of birth in the wording of the time, each entry's home and the registrar."""
    authority = doc.fields["registration_authority"]
    unit = authority.removeprefix("Ủy ban nhân dân ")
    for entry in doc.entries:
        entry["place_of_birth"] = old_place_of_birth(rng, authority)
    head = (lambda: rng.choice(places.VILLAGES)) if unit.startswith("xã") else (
        lambda: f"Tổ {rng.randint(1, 12)}, khu {rng.randint(1, 9)}")
    doc.show |= {"homes": [f"{head()}, {unit}" for _ in doc.entries], "registrar": rng.choice(REGISTRARS),
                 "first_sheet": rng.randint(1, 60)}


def _note(rng: random.Random, registered: date) -> str:
    later = registered + timedelta(days=rng.randint(40, 1500))
    return rng.choice([
        f"Cải chính nơi sinh theo Quyết định số {rng.randint(1, 300)}/QĐ-UBND ngày {figures(later.isoformat())}",
        f"Bổ sung quê quán ngày {figures(later.isoformat())}",
        f"Đã cấp bản sao trích lục ngày {figures(later.isoformat())}",
        f"Xác định lại dân tộc theo Quyết định số {rng.randint(1, 300)}/QĐ-UBND ngày {figures(later.isoformat())}",
    ])


def _notes(doc: Doc, rng: random.Random) -> None:
    """Each child's personal number; a later note on some entries."""
    doc.show["pids"] = [idnumbers.personal_id(rng, date.fromisoformat(e["date_of_birth"]), e["sex"])
                        for e in doc.entries]
    doc.show["notes"] = [_note(rng, date.fromisoformat(e["registration_date"])) if rng.random() < 0.4 else ""
                         for e in doc.entries]


ADJUST = {"br-hai-muc-1990s": _two_entries, "br-cot-ghi-chu": _notes}


def with_round7_books(build: Build) -> Build:
    """``build`` of samples/layouts/birth_register.py, with the round-7 books' own particulars."""
    return adjusting(build, FAMILIES, lambda doc, rng: ADJUST[doc.family](doc, rng))


def _block(doc: Doc, page: Page, index: int, x0: float, x1: float, rng: random.Random) -> None:
    """One entry of a ``br-hai-muc-1990s`` page, from the top of its half."""
    e = doc.entries[index]
    form = Form(page, Style(leaders=True, value_font="typewriter", pt=11.0, line=7.4), indent=4.0)
    y = form.rows(x0, x1, 42.0, [[Item("Số", e["number"])], [Item("Họ và tên", e["full_name"], "name")],
                                 [Item("Nam hay nữ", people.sex_label(e["sex"])), Item("Dân tộc", e["ethnicity"])],
                                 [Item("Quốc tịch", e["nationality"])]])
    y = form.split_date(x0, y, "Sinh", date.fromisoformat(e["date_of_birth"]), x1)
    y = form.rows(x0, x1, y, [[Item("Nơi sinh", e["place_of_birth"], "long")],
                              [Item("Họ và tên cha", e["father_name"], "name")],
                              [Item("Họ và tên mẹ", e["mother_name"], "name")],
                              [Item("Nơi thường trú", doc.show["homes"][index], "long")],
                              [Item("Người đứng khai", doc.show["declarants"][index])]])
    y = form.split_date(x0, y, "Đăng ký", date.fromisoformat(e["registration_date"]), x1)
    cx = x1 - 32
    page.text(cx, y + 2, "Cán bộ hộ tịch", "bold", 10.5, align="center")
    multiply(page, signature_layer(page, rng, 26, 10), cx - 13 + rng.uniform(-2, 2), y + 5)
    page.text(cx, y + 22, doc.show["registrar"], "typewriter", 10.5, align="center")


def _heading(page: Page, doc: Doc, title_y: float, sheet: str) -> None:
    page.text(MIDDLE, title_y, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 15, align="center")
    page.text(X0, title_y + 11, f"Nơi đăng ký: {doc.fields['registration_authority']}", "regular", 10.5)
    page.text(RIGHT, title_y, f"Quyển số: {doc.fields['book']}", "regular", 10.5, align="right")
    page.text(RIGHT, title_y + 11, sheet, "regular", 10, align="right")


def _pages(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    pages, first = [], 0
    for k, count in enumerate(doc.show["per_page"]):
        if doc.family == "br-hai-muc-1990s":
            page = Page(*LANDSCAPE, dpi, paper=(250, 246, 233))
            _heading(page, doc, 14, f"Tờ số: {doc.show['first_sheet'] + k:02d}")
            page.vline(MIDDLE, 34, 200, 0.35)
            for j in range(count):
                left = X0 if j == 0 else MIDDLE + 6
                _block(doc, page, first + j, left, left + MIDDLE - X0 - 6, rng)
        else:
            page = Page(*LANDSCAPE, dpi)
            _heading(page, doc, 12, f"Trang {k + 1:02d}")
            draw_table(page, X0, 28.0, COLUMNS, count, lambda row, key, start=first: cell(doc, start + row, key),
                       STYLE, rng)
        pages.append(page)
        first += count
    return pages


def cell(doc: Doc, index: int, key: str) -> str:
    """The text of a ``br-cot-ghi-chu`` cell."""
    if key == "personal_id":
        return doc.show["pids"][index]
    if key == "note":
        return doc.show["notes"][index]
    value = doc.entries[index][key]
    if value is None:
        return ""
    if key == "sex":
        return people.sex_label(value)
    return format_date(value, "dd/mm/yyyy") if key in ("registration_date", "date_of_birth") else value


def with_round7_pages(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/birth_register.py, with the round-7 books drawn their own way."""
    return dispatching(draw, FAMILIES, _pages)
