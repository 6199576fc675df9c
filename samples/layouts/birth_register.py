"""SỔ ĐĂNG KÝ KHAI SINH: ruled register pages (A4 landscape) with several typed entries per page."""

from __future__ import annotations

import random
from datetime import date, timedelta

from samples import people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.vntext import date_figures

LANDSCAPE = (297.0, 210.0)
COLUMNS = [("Số", 12), ("Ngày đăng ký", 22), ("Họ, chữ đệm, tên", 41), ("Giới tính", 14),
           ("Ngày, tháng, năm sinh", 22), ("Nơi sinh", 47), ("Dân tộc", 16), ("Quốc tịch", 18),
           ("Họ, chữ đệm, tên người mẹ", 38), ("Họ, chữ đệm, tên người cha", 38)]
KEYS = ["number", "registration_date", "full_name", "sex", "date_of_birth", "place_of_birth", "ethnicity",
        "nationality", "mother_name", "father_name"]
CELL_PT = 10.0
HEAD_PT = 9.5
X0 = 14.0


def build(rng: random.Random, variant: str | None = None, pages: int = 1) -> Doc:
    variant = variant or "typed-2016"
    year = rng.randint(2016, 2024)
    loc = places.locality(rng, date(year, 6, 1))
    per_page = [rng.randint(5, 7) for _ in range(pages)]
    first = rng.randint(1, 200)
    when = date(year, 1, 1) + timedelta(days=rng.randint(0, 200))
    entries: list[dict[str, str | None]] = []
    for i in range(sum(per_page)):
        when += timedelta(days=rng.randint(0, 4))
        tone = rng.choice(["old", "new"])
        surname = people.pick_weighted(rng, people.SURNAMES)
        child = people.make_person(rng, when - timedelta(days=60), when - timedelta(days=3), surname=surname,
                                   tone=tone)
        mother = people.full_name(rng, "female", tone=tone)
        father = people.full_name(rng, "male", surname=surname, tone=tone) if rng.random() > 0.1 else None
        entries.append({
            "number": str(first + i), "registration_date": when.isoformat(), "full_name": child.name,
            "sex": child.sex, "date_of_birth": child.born.isoformat(),
            "place_of_birth": places.place_of_birth(rng, loc, child.born), "ethnicity": child.ethnicity,
            "nationality": child.nationality, "mother_name": mother, "father_name": father,
        })
    fields = {"book": f"{rng.randint(1, 3):02d}/{year}", "registration_authority": loc.authority()}
    return Doc("birth_register", variant, fields, entries, show={"per_page": per_page})


def _cell_text(key: str, value: str | None) -> str:
    if value is None:
        return ""
    if key in ("registration_date", "date_of_birth"):
        return date_figures(date.fromisoformat(value))
    if key == "sex":
        return people.sex_label(value)
    return value


def _row(page: Page, y: float, texts: list[str], style: str, pt: float, line_h: float) -> float:
    """One table row; returns its bottom. Cells are wrapped, ruled with vertical lines."""
    wrapped = []
    for (_, width), text in zip(COLUMNS, texts, strict=True):
        wrapped.append(page.wrap(text, width - 2.4, width - 2.4, style, pt) if text else [""])
    height = max(len(w) for w in wrapped) * line_h + 3.2
    x = X0
    for (_, width), lines in zip(COLUMNS, wrapped, strict=True):
        for k, line in enumerate(lines):
            page.text(x + 1.2, y + 1.0 + line_h * (k + 1) - 1.1, line, style, pt)
        x += width
    return y + height


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    result = []
    start = 0
    for number, count in enumerate(doc.show["per_page"], start=1):
        page = Page(*LANDSCAPE, dpi)
        right = X0 + sum(w for _, w in COLUMNS)
        page.text(X0, 12, doc.fields["registration_authority"], "italic", 11)
        page.text(right, 12, f"Quyển số: {doc.fields['book']}", "regular", 11, align="right")
        page.text(148.5, 22, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 15, align="center")
        page.text(right, 22, f"Trang {number:02d}", "italic", 10, align="right")
        top = 28.0
        y = _row(page, top, [name for name, _ in COLUMNS], "bold", HEAD_PT, 4.2)
        lines_y = [top, y]
        for entry in doc.entries[start : start + count]:
            y = _row(page, y, [_cell_text(k, entry[k]) for k in KEYS], "typed", CELL_PT, 4.6)
            lines_y.append(y)
        start += count
        for yy in lines_y:
            page.hline(X0, right, yy, 0.3)
        x = X0
        for _, width in [("", 0), *COLUMNS]:
            x += width
            page.vline(x, top, lines_y[-1], 0.3)
        result.append(page)
    return result
