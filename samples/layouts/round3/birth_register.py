"""Round-3 birth register ``br-2020-spread``: the book of Circular 04/2020/TT-BTP, whose entry runs
across two facing pages, scanned open on an A3 bed: the left page holds the child (number, registration date,
name, date of birth, sex, place of birth, ethnicity, nationality, personal number), the right page the parents
(the mother's and the father's names and birth years, their residence), the declarant and notes, on the same
pre-ruled rows; the column numbers (1)…(16) under the headers, the spine's shadow in the gutter, the page edges
at the sides. One scanned image is one spread.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
from PIL import Image

from samples import idnumbers, people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.register_editions import format_date

FAMILIES = {"br-2020-spread": "tuning"}
VARIANTS = {"br-2020-spread": "spread-2020"}
YEARS = {"br-2020-spread": (2020, 2025)}
PER_PAGE = {"br-2020-spread": (5, 7)}
SPREAD = (420.0, 297.0)
GUTTER = 210.0
PAPER = (250, 248, 241)
Draw = Callable[[Doc, int, random.Random], list[Page]]


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    key: str  # an entry key, or a key of the page's own extra text


LEFT_PAGE = (
    Column("Số", 9, "number"), Column("Ngày, tháng, năm đăng ký", 19, "registration_date"),
    Column("Họ, chữ đệm, tên người được đăng ký khai sinh", 38, "full_name"),
    Column("Ngày, tháng, năm sinh", 19, "date_of_birth"), Column("Giới tính", 11, "sex"),
    Column("Nơi sinh", 46, "place_of_birth"), Column("Dân tộc", 14, "ethnicity"),
    Column("Quốc tịch", 16, "nationality"), Column("Số định danh cá nhân", 24, "personal_id"),
)
RIGHT_PAGE = (
    Column("Họ, chữ đệm, tên người mẹ", 36, "mother_name"), Column("Năm sinh", 12, "mother_year"),
    Column("Họ, chữ đệm, tên người cha", 36, "father_name"), Column("Năm sinh", 12, "father_year"),
    Column("Nơi cư trú của cha, mẹ", 40, "residence"),
    Column("Họ, chữ đệm, tên người đi đăng ký khai sinh", 36, "declarant"), Column("Ghi chú", 24, "note"),
)
LEFT_X, RIGHT_X = 10.0, 214.0
HEADER_PT, HEADER_LINE = 8.5, 3.7
CELL_PT, CELL_LINE = 9.0, 4.1


def _extras(doc: Doc, rng: random.Random) -> list[dict[str, str]]:
    """What the spread prints beside the truth: personal numbers, parents' birth years, residence, declarant."""
    where = doc.fields["registration_authority"].removeprefix("Ủy ban nhân dân ")
    result = []
    for entry, declarant in zip(doc.entries, doc.show["declarants"], strict=True):
        born = date.fromisoformat(entry["date_of_birth"] or "2020-01-01")
        mother_year = born.year - rng.randint(19, 40)
        result.append({
            "personal_id": idnumbers.personal_id(rng, born, entry["sex"] or "male"),
            "mother_year": str(mother_year),
            "father_year": str(mother_year - rng.randint(-3, 8)) if entry["father_name"] else "",
            "residence": f"{rng.choice(['Thôn 2', 'Thôn 5', 'Tổ 3, khu 4', 'Tổ 7, khu 1', 'Thôn Bắc'])}, {where}",
            "declarant": declarant,
            "note": "" if rng.random() < 0.8 else rng.choice(["Đăng ký đúng hạn", "Đăng ký quá hạn"]),
        })
    return result


def _text(entry: dict[str, str | None], extra: dict[str, str], key: str) -> str:
    if key in extra:
        return extra[key]
    value = entry[key]
    if value is None:
        return ""
    if key in ("registration_date", "date_of_birth"):
        return format_date(value, "dd/mm/yyyy")
    return people.sex_label(value) if key == "sex" else value


def _wrapped(page: Page, column: Column, text: str, style: str, pt: float) -> list[str]:
    return page.wrap(text, column.width - 2.4, column.width - 2.4, style, pt) if text else []


def _rules(page: Page, x0: float, columns: tuple[Column, ...], top: float, bottom: float) -> None:
    x = x0
    page.vline(x, top, bottom, 0.3)
    for column in columns:
        x += column.width
        page.vline(x, top, bottom, 0.3)


def _spread(doc: Doc, extras: list[dict[str, str]], first: int, count: int, sheet: int, dpi: int,
            rng: random.Random) -> Page:
    page = Page(*SPREAD, dpi, paper=PAPER)
    fill = doc.show["fill"]
    f = doc.fields
    page.text(107, 15, "SỔ ĐĂNG KÝ KHAI SINH", "bold", 14, align="center")
    page.text(LEFT_X, 24, f"Nơi đăng ký: {f['registration_authority']}", "italic", 10)
    page.text(LEFT_X + 196, 15, f"Quyển số: {f['book']}", "regular", 10.5, align="right")
    page.text(RIGHT_X + 98, 15, f"Năm {f['book'].split('/')[-1]}", "regular", 11, align="center")
    top = 29.0
    both = [(LEFT_X, LEFT_PAGE), (RIGHT_X, RIGHT_PAGE)]
    headers = [[page.wrap(c.header, c.width - 2.4, c.width - 2.4, "bold", HEADER_PT) for c in cols]
               for _, cols in both]
    height = max(len(lines) for side in headers for lines in side) * HEADER_LINE + 3.2
    number = 1
    for (x0, columns), side in zip(both, headers, strict=True):
        page.hline(x0, x0 + 196, top, 0.3)
        x = x0
        for column, lines in zip(columns, side, strict=True):
            for k, line in enumerate(lines):
                page.text(x + column.width / 2, top + 1.0 + HEADER_LINE * (k + 1) - 0.6, line, "bold", HEADER_PT,
                          align="center")
            page.text(x + column.width / 2, top + height + 3.4, f"({number})", "italic", 7.5, align="center")
            number += 1
            x += column.width
        page.hline(x0, x0 + 196, top + height, 0.3)
        page.hline(x0, x0 + 196, top + height + 5, 0.3)
    y = top + height + 5
    cells = [[[_wrapped(page, c, _text(doc.entries[i], extras[i], c.key), fill, CELL_PT) for c in cols]
              for _, cols in both] for i in range(first, first + count)]
    # The rows are ruled in advance: one height for the page, the rows below the last entry left blank.
    row = max(3, *(len(lines) for entry in cells for side in entry for lines in side)) * CELL_LINE + 3.0
    for index in range(int((282 - y) // row)):
        for (x0, columns), side in zip(both, cells[index] if index < count else [[], []], strict=True):
            x = x0
            for column, lines in zip(columns, side, strict=False):
                for k, line in enumerate(lines):
                    page.text(x + 1.2, y + 1.0 + CELL_LINE * (k + 1) - 0.6, line, fill, CELL_PT)
                x += column.width
        y += row
        for x0, _ in both:
            page.hline(x0, x0 + 196, y, 0.3)
    for x0, columns in both:
        _rules(page, x0, columns, top, y)
    page.text(LEFT_X + 98, 289, f"{2 * sheet}", "regular", 9, align="center")
    page.text(RIGHT_X + 98, 289, f"{2 * sheet + 1}", "regular", 9, align="center")
    return _bound(page, rng)


def _bound(page: Page, rng: random.Random) -> Page:
    """The book's look on the scanner: the spine's shadow in the gutter, the stacked page edges at the sides."""
    arr = np.asarray(page.image, dtype=np.float32)
    xs = (np.arange(arr.shape[1], dtype=np.float32) + 0.5) * 25.4 / page.dpi
    depth = rng.uniform(0.35, 0.55)
    shade = 1 - depth * np.exp(-(((xs - GUTTER) / rng.uniform(2.2, 3.2)) ** 2))
    shade *= 1 - 0.12 * np.exp(-(((xs - GUTTER) / 12.0) ** 2))
    page.image.paste(Image.fromarray(np.clip(arr * shade[None, :, None], 0, 255).astype(np.uint8)))
    for k in range(4):
        grey = (200 - 12 * k,) * 3
        page.vline(1.2 + 0.9 * k, 3, 294, 0.2, grey)
        page.vline(SPREAD[0] - 1.2 - 0.9 * k, 3, 294, 0.2, grey)
    return page


def draw_spreads(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    """One image per spread of ``doc.show["per_page"]`` entries."""
    extras = _extras(doc, rng)
    pages, first = [], 0
    sheet = rng.randint(3, 40)
    for k, count in enumerate(doc.show["per_page"]):
        pages.append(_spread(doc, extras, first, count, sheet + k, dpi, rng))
        first += count
    return pages


def with_spreads(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/birth_register.py, with the round-3 families drawn as spreads."""

    def dispatch(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
        if doc.family not in FAMILIES:
            return draw(doc, dpi, rng)
        doc.show.setdefault("fill", rng.choice(["typed", "sans"]))
        return draw_spreads(doc, dpi, rng)

    return dispatch
