"""Round-6 birth register ``br-sao-luc-1970s``: a handwritten book of the 1960s–1970s (Democratic Republic of
Viet Nam) typed out again on a computer decades later to keep a legible copy ("sao lục từ sổ gốc"), printed on
A4 landscape: the title with the year ("SỔ ĐĂNG KÝ KHAI SINH NĂM …") and "(Sao lục từ sổ gốc viết tay)", the
committee of that time ("Nơi đăng ký: Ủy ban hành chính …") and "Quyển số" on one line; a ruled table whose
header has merged cells (the entry's "Số thứ tự" and "Ngày vào sổ" and the "Ghi chú" over both header rows,
"NGƯỜI ĐƯỢC KHAI SINH" over the child's columns, "CHA MẸ" over the father's and the mother's names) and set
vertically in the narrow columns ("Trai/Gái", "Dân tộc", "Quốc tịch"); the sex written "Trai"/"Gái", the father
before the mother; a page after the first begins "(Tiếp theo trang …)"; each page ends with the count of its
entries and the transcriber's certification ("Sao lục đúng với sổ gốc", date, name).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.common import adjusting
from samples.layouts.register_editions import format_date
from samples.layouts.round6.kit import Draw, administrative, dispatching, old_place_of_birth, vertical_text

FAMILIES = {"br-sao-luc-1970s": "tuning"}
VARIANTS = {"br-sao-luc-1970s": "typed-transcript-1970s"}
YEARS = {"br-sao-luc-1970s": (1964, 1975)}
PER_PAGE = {"br-sao-luc-1970s": (6, 9)}
LANDSCAPE = (297.0, 210.0)
X0 = 14.0
BOTTOM = 180.0
TRANSCRIBERS = ["Nguyễn Thị Hằng", "Phạm Văn Toản", "Đỗ Thị Minh Thu", "Hoàng Văn Sơn"]
Build = Callable[..., Doc]
# (header, width mm, entry key, group header or "" for a cell over both header rows, set vertically)
COLUMNS = (("Số thứ tự", 13, "number", "", False), ("Ngày vào sổ", 22, "registration_date", "", False),
           ("Họ và tên", 40, "full_name", "NGƯỜI ĐƯỢC KHAI SINH", False),
           ("Trai/Gái", 10, "sex", "NGƯỜI ĐƯỢC KHAI SINH", True),
           ("Ngày, tháng, năm sinh", 22, "date_of_birth", "NGƯỜI ĐƯỢC KHAI SINH", False),
           ("Nơi sinh", 46, "place_of_birth", "NGƯỜI ĐƯỢC KHAI SINH", False),
           ("Dân tộc", 13, "ethnicity", "NGƯỜI ĐƯỢC KHAI SINH", True),
           ("Quốc tịch", 17, "nationality", "NGƯỜI ĐƯỢC KHAI SINH", True),
           ("Họ và tên cha", 34, "father_name", "CHA MẸ", False), ("Họ và tên mẹ", 34, "mother_name", "CHA MẸ", False),
           ("Ghi chú", 18, "", "", False))


def _transcript(doc: Doc, rng: random.Random) -> None:
    """The committee of the time, places of birth in the wording of the old books, the transcription's day."""
    f = doc.fields
    f["registration_authority"] = administrative(f["registration_authority"])
    for entry in doc.entries:
        entry["place_of_birth"] = old_place_of_birth(rng, f["registration_authority"])
    doc.show |= {"copied": date(rng.randint(2003, 2015), rng.randint(1, 12), rng.randint(1, 28)),
                 "transcriber": rng.choice(TRANSCRIBERS), "first_page": rng.randint(1, 30),
                 "cell_pt": rng.choice([9.0, 9.5])}


def with_transcripts(build: Build) -> Build:
    """``build`` of samples/layouts/birth_register.py; a ``br-sao-luc-1970s`` book is the old committee's."""
    return adjusting(build, FAMILIES, _transcript)


def cell(doc: Doc, index: int, key: str) -> str:
    value = doc.entries[index][key] if key else None
    if value is None:
        return ""
    if key == "sex":
        return "Trai" if value == "male" else "Gái"
    if key in ("registration_date", "date_of_birth"):
        return format_date(value, "dd/mm/yyyy")
    return value


def _header(page: Page, top: float, pt: float) -> float:
    """The two header rows with their merged cells; returns the bottom of the header."""
    upper, lower = 7.0, 20.0
    bottom = top + upper + lower
    right = X0 + sum(c[1] for c in COLUMNS)
    page.hline(X0, right, top, 0.4)
    x = X0
    groups: dict[str, list[float]] = {}
    for header, width, _, group, vertical in COLUMNS:
        page.vline(x, top if not group or group not in groups else top + upper, bottom, 0.3)
        if group:
            span = groups.setdefault(group, [x, x])
            span[1] = x + width
            if vertical:
                vertical_text(page, x + width / 2 + 1.2, bottom - 1.5, header, "bold", pt)
            else:
                for k, line in enumerate(page.wrap(header, width - 2, width - 2, "bold", pt)):
                    page.text(x + width / 2, top + upper + 5 + k * pt * 0.43, line, "bold", pt, align="center")
        else:
            for k, line in enumerate(page.wrap(header, width - 2, width - 2, "bold", pt)):
                page.text(x + width / 2, top + 10 + k * pt * 0.43, line, "bold", pt, align="center")
        x += width
    page.vline(x, top, bottom, 0.3)
    for group, (gx0, gx1) in groups.items():
        page.text((gx0 + gx1) / 2, top + 5, group, "bold", pt, align="center")
        page.hline(gx0, gx1, top + upper, 0.3)
    page.hline(X0, right, bottom, 0.4)
    return bottom


def _table(page: Page, top: float, doc: Doc, first: int, count: int) -> float:
    """The header and ``count`` entries from ``first`` (smaller type when they would pass ``BOTTOM``). Returns
    the bottom of the table."""
    for factor in (1.0, 0.92, 0.85, 0.78):
        pt = doc.show["cell_pt"] * factor
        line = pt * 0.45
        rows = [[page.wrap(cell(doc, first + r, key), w - 2.4, w - 2.4, "typed", pt) if key else [""]
                 for _, w, key, _, _ in COLUMNS] for r in range(count)]
        heights = [max(len(lines) for lines in row) * line + 3.0 for row in rows]
        if top + 27 + sum(heights) <= BOTTOM:
            break
    y = _header(page, top, 8.5)
    right = X0 + sum(c[1] for c in COLUMNS)
    for row, height in zip(rows, heights, strict=True):
        x = X0
        for lines, (_, w, key, _, _) in zip(row, COLUMNS, strict=True):
            for k, text in enumerate(lines):
                if key in ("number", "sex"):
                    page.text(x + w / 2, y + 1.4 + line * (k + 1) - 0.5, text, "typed", pt, align="center")
                else:
                    page.text(x + 1.2, y + 1.4 + line * (k + 1) - 0.5, text, "typed", pt)
            page.vline(x, y, y + height, 0.3)
            x += w
        page.vline(x, y, y + height, 0.3)
        y += height
        page.hline(X0, right, y, 0.25)
    return y


def _page(doc: Doc, number: int, first: int, count: int, dpi: int) -> Page:
    f, s = doc.fields, doc.show
    page = Page(*LANDSCAPE, dpi)
    right = X0 + sum(c[1] for c in COLUMNS)
    year = f["book"].split("/")[-1]
    page.text(148.5, 14, f"SỔ ĐĂNG KÝ KHAI SINH NĂM {year}", "bold", 15, align="center")
    page.text(148.5, 20, "(Sao lục từ sổ gốc viết tay)", "italic", 10.5, align="center")
    page.text(X0, 28, f"Nơi đăng ký: {f['registration_authority']}", "regular", 10.5)
    page.text(right, 28, f"Quyển số: {f['book']}", "regular", 10.5, align="right")
    top = 32.0
    if number > 1:
        page.text(right, 13, f"(Tiếp theo trang {number - 1})", "italic", 9.5, align="right")
    y = _table(page, top, doc, first, count)
    page.text(X0, y + 6, f"Cộng trang này: {count:02d} trường hợp", "italic", 10)
    page.text(210, y + 6, f"Sao lục đúng với sổ gốc, {s['copied'].day:02d}/{s['copied'].month:02d}/"
              f"{s['copied'].year}", "italic", 10, align="center")
    page.text(210, y + 11, "Người sao lục", "bold", 10, align="center")
    page.text(210, y + 23, s["transcriber"], "regular", 10, align="center")
    page.text(148.5, 203, f"Trang {number}", "regular", 9, align="center")
    return page


def _pages(doc: Doc, dpi: int, _rng: random.Random) -> list[Page]:
    pages, first = [], 0
    for k, count in enumerate(doc.show["per_page"]):
        pages.append(_page(doc, doc.show["first_page"] + k, first, count, dpi))
        first += count
    return pages


def with_transcript_pages(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/birth_register.py, with ``br-sao-luc-1970s`` as its typed transcript."""
    return dispatching(draw, FAMILIES, _pages)
