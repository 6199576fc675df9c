"""Round-5 birth register ``br-danh-sach-in``: the year's birth register as the shared electronic
civil-status software prints it out to keep a paper book (A4 landscape, 2017 on): the committee at the top left
and the motto at the top right in small type, "SỔ ĐĂNG KÝ KHAI SINH" with the software's note and the period
("Từ ngày 01/01/… đến ngày 31/12/…"), "Đơn vị đăng ký:" and "Quyển số:" on one line; the entries as a
spreadsheet-like list: a shaded header row of abbreviated headers ("STT", "Số ĐK", "Ngày ĐK", "GT", "Họ tên
mẹ", …), no vertical rules, thin horizontal rules, every other row shaded, a running "STT" (the row's place in
the print-out) before the registration number, the mother before the father, no nationality column (its truth
null); the footer with the print date and "Trang x/y".
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import adjusting
from samples.layouts.register_editions import format_date

FAMILIES = {"br-danh-sach-in": "tuning"}
VARIANTS = {"br-danh-sach-in": "software-list-print"}
YEARS = {"br-danh-sach-in": (2017, 2024)}
PER_PAGE = {"br-danh-sach-in": (9, 14)}
LANDSCAPE = (297.0, 210.0)
X0 = 14.0
BOTTOM = 194.0
Build = Callable[..., Doc]
Draw = Callable[[Doc, int, random.Random], list[Page]]
# (header, width mm, entry key or a display key)
COLUMNS = (("STT", 9, "row"), ("Số ĐK", 13, "number"), ("Ngày ĐK", 19, "registration_date"),
           ("Họ, chữ đệm, tên", 40, "full_name"), ("Ngày sinh", 19, "date_of_birth"), ("GT", 9, "sex"),
           ("Nơi sinh", 52, "place_of_birth"), ("Dân tộc", 15, "ethnicity"), ("Họ tên mẹ", 37, "mother_name"),
           ("Họ tên cha", 37, "father_name"), ("Ghi chú", 19, ""))
HEADER_FILL = (222, 222, 222)
ZEBRA = (242, 242, 242)


def _no_nationality(doc: Doc, rng: random.Random) -> None:
    for entry in doc.entries:
        entry["nationality"] = None
    doc.show |= {"first_row": rng.randint(0, 300), "printed_day": rng.randint(2, 40),
                 "printed_at": f"{rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}", "cell_pt": rng.choice([8.5, 9.0])}


def with_no_nationality(build: Build) -> Build:
    """``build`` of samples/layouts/birth_register.py; a ``br-danh-sach-in`` print-out has no nationality
    column."""
    return adjusting(build, FAMILIES, _no_nationality)


def _cell(doc: Doc, index: int, key: str) -> str:
    if key == "row":
        return str(doc.show["first_row"] + index + 1)
    value = doc.entries[index][key] if key else None
    if value is None:
        return ""
    if key == "sex":
        return people.sex_label(value)
    if key in ("registration_date", "date_of_birth"):
        return format_date(value, "dd/mm/yyyy")
    return value


def _list(page: Page, top: float, doc: Doc, first: int, count: int) -> float:
    """The header row and ``count`` entries from ``first``; smaller type when they would pass ``BOTTOM``.
    Returns the bottom of the list."""
    right = X0 + sum(w for _, w, _ in COLUMNS)
    for factor in (1.0, 0.92, 0.85, 0.78):
        pt = doc.show["cell_pt"] * factor
        line = pt * 0.43
        rows = [[page.wrap(_cell(doc, first + r, key), w - 2.2, w - 2.2, "sans", pt) if key else [""]
                 for _, w, key in COLUMNS] for r in range(count)]
        heights = [max(len(lines) for lines in row) * line + 2.4 for row in rows]
        headers = [page.wrap(h, w - 2, w - 2, "sansbold", pt) for h, w, _ in COLUMNS]
        head = max(len(h) for h in headers) * line + 3.0
        if top + head + sum(heights) <= BOTTOM:
            break
    page.rect(X0, top, right, top + head, outline=None, fill=HEADER_FILL)
    page.hline(X0, right, top, 0.4)
    x = X0
    for lines, (_, w, _) in zip(headers, COLUMNS, strict=True):
        for k, text in enumerate(lines):
            page.text(x + w / 2, top + 1.3 + line * (k + 1) - 0.6, text, "sansbold", pt, align="center")
        x += w
    y = top + head
    page.hline(X0, right, y, 0.4)
    for r, (row, height) in enumerate(zip(rows, heights, strict=True)):
        if r % 2:
            page.rect(X0, y + 0.25, right, y + height - 0.1, outline=None, fill=ZEBRA)
        x = X0
        for lines, (_, w, key) in zip(row, COLUMNS, strict=True):
            for k, text in enumerate(lines):
                if key in ("row", "number", "sex"):
                    page.text(x + w / 2, y + 1.2 + line * (k + 1) - 0.6, text, "sans", pt, align="center")
                else:
                    page.text(x + 1.1, y + 1.2 + line * (k + 1) - 0.6, text, "sans", pt)
            x += w
        y += height
        page.hline(X0, right, y, 0.15, (120, 120, 120))
    page.hline(X0, right, y, 0.4)
    return y


def _page(doc: Doc, number: int, total: int, first: int, count: int, dpi: int) -> Page:
    f = doc.fields
    page = Page(*LANDSCAPE, dpi)
    right = X0 + sum(w for _, w, _ in COLUMNS)
    unit = f["registration_authority"].removeprefix("Ủy ban nhân dân ").split(", ")[0]
    page.text(52, 11, "ỦY BAN NHÂN DÂN", "regular", 9.5, align="center")
    page.text(52, 15.3, unit.upper(), "bold", 9.5, align="center")
    page.text(238, 11, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 9.5, align="center")
    page.text(238, 15.3, "Độc lập - Tự do - Hạnh phúc", "bold", 9.5, align="center")
    year = int(f["book"].split("/")[-1])
    page.text(148.5, 22, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 14, align="center")
    page.text(148.5, 26.8, f"Từ ngày 01/01/{year} đến ngày 31/12/{year}", "italic", 9.5, align="center")
    page.text(148.5, 31, "(In từ Phần mềm đăng ký, quản lý hộ tịch điện tử dùng chung)", "italic", 8.5,
              align="center")
    page.text(X0, 37, f"Đơn vị đăng ký: {f['registration_authority']}", "sans", 9.5)
    page.text(right, 37, f"Quyển số: {f['book']}", "sansbold", 9.5, align="right")
    _list(page, 40.0, doc, first, count)
    printed = date(year + 1, 1, 1).toordinal() + doc.show["printed_day"]
    page.text(X0, 202, f"Ngày in: {format_date(date.fromordinal(printed).isoformat(), 'dd/mm/yyyy')} "
              f"{doc.show['printed_at']}", "sans", 8)
    page.text(148.5, 202, f"Trang {number}/{total}", "sans", 8, align="center")
    return page


def with_list_pages(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/birth_register.py, with ``br-danh-sach-in`` printed as the software's list."""

    def dispatch(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
        if doc.family not in FAMILIES:
            return draw(doc, dpi, rng)
        pages, first = [], 0
        total = rng.randint(len(doc.show["per_page"]) + 2, 40)
        start = rng.randint(1, total - len(doc.show["per_page"]) + 1)
        for k, count in enumerate(doc.show["per_page"]):
            pages.append(_page(doc, start + k, total, first, count, dpi))
            first += count
        return pages

    return dispatch
