"""Drawing a civil-status form whose edition varies: label wording, value placement and fonts, leaders, columns.

A form is drawn as rows of :class:`Item` (label, value, kind) through a :class:`Form`, which applies one
:class:`Style` (leaders or none, colon or none, the value font, which kinds of value go on the line below their
label, wrap indentation). The randomized families draw a style and the wording of every label per document
(``random_style``, ``pick_words``); the fixed editions pass their own.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from samples.canvas import Page
from samples.doc import Doc
from samples.stamp import sign_and_seal

# Label wordings seen on the forms of the different periods, per field kind.
LABELS: dict[str, list[str]] = {
    "name": ["Họ, chữ đệm, tên", "Họ và tên", "Họ tên", "Họ, chữ đệm và tên"],
    "dob": ["Ngày, tháng, năm sinh", "Ngày sinh", "Sinh ngày"],
    "sex": ["Giới tính", "Nam hay nữ"],
    "ethnicity": ["Dân tộc"],
    "nationality": ["Quốc tịch"],
    "place_of_birth": ["Nơi sinh", "Nơi sinh (ghi rõ)"],
    "hometown": ["Quê quán", "Nguyên quán"],
    "personal_id": ["Số định danh cá nhân", "Số ĐDCN", "Số căn cước công dân", "Số định danh"],
    "residence": ["Nơi cư trú", "Nơi thường trú", "Địa chỉ thường trú", "Nơi thường trú/tạm trú",
                  "Nơi ở hiện nay"],
    "birth_year": ["Năm sinh"],
    "parent": ["người {who}", "{who}"],  # "Họ và tên người mẹ" / "Họ và tên mẹ"
    "authority": ["Nơi đăng ký", "Cơ quan đăng ký", "Nơi đăng ký {act}"],
    "reg_date": ["Ngày, tháng, năm đăng ký", "Ngày đăng ký", "Đăng ký ngày"],
    "book": ["Quyển số", "Quyển"],
    "declarant": ["Họ, chữ đệm, tên người đi {act}", "Người đi {act}", "Họ và tên người đi {act}"],
    "death_time": ["Đã chết vào lúc", "Chết lúc", "Thời gian chết"],
    "place_of_death": ["Nơi chết"],
    "cause": ["Nguyên nhân chết", "Nguyên nhân"],
    "status": ["Tình trạng hôn nhân"],
    "purpose": ["Giấy này được cấp để", "Mục đích sử dụng", "Giấy xác nhận được cấp để"],
}

# value font choice -> (the font of typed values, the font of names)
VALUE_FONTS: dict[str, tuple[str, str]] = {
    "serif": ("typed", "typedbold"),
    "typewriter": ("typewriter", "typewriterbold"),
    "bold": ("typedbold", "typedbold"),
    "italic": ("italic", "bolditalic"),
}


@dataclass(frozen=True)
class Style:
    """How one form prints its values."""

    leaders: bool = True
    colon: bool = True
    value_font: str = "serif"
    below: frozenset[str] = frozenset()  # item kinds whose value goes on the line below the label
    hang: bool = False  # a wrapped value continues under its first character (else under the label)
    pt: float = 13.0
    line: float = 7.4


@dataclass(frozen=True)
class Item:
    """One printed field. ``kind``: ``name`` (printed bold), ``long`` (addresses, authorities: may go below),
    ``text``, ``blank`` (no value is ever printed here, e.g. a form line left empty)."""

    label: str
    value: str | None
    kind: str = "text"


@dataclass
class Form:
    page: Page
    style: Style
    indent: float = 0.0  # continuation lines of wrapped values start this far right of the label
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        typed, named = VALUE_FONTS[self.style.value_font]
        self.page.value_fonts = {"typed": typed, "typedbold": named}

    @property
    def pt(self) -> float:
        return self.style.pt

    @property
    def line(self) -> float:
        return self.style.line

    def field(self, x: float, y: float, item: Item, x_end: float, pt: float | None = None) -> float:
        """One label and its value from x to x_end; returns the next baseline."""
        pt = pt or self.pt
        value = item.value or ""
        font = "typedbold" if item.kind == "name" else "typed"
        if item.kind == "name":
            while pt > 9.5 and self.page.width(f"{item.label}: {value}", "typedbold", pt) > x_end - x - 4:
                pt -= 0.5  # a long name is typed smaller rather than wrapped
        below = item.kind in self.style.below
        cont = x + self.indent
        if self.style.hang and not below:
            cont = x + self.page.width(item.label.rstrip(":") + ": ", "regular", pt)
        if below:
            cont = x + max(self.indent, 6.0)
        return self.page.field(x, y, item.label, value, x_end, pt, value_style=font, line_h=self.line,
                               cont_x=cont, leader=self.style.leaders, colon=self.style.colon, below=below)

    def rows(self, x0: float, x1: float, y: float, rows: list[list[Item]], pt: float | None = None,
             gap: float = 0.0) -> float:
        """Rows of items between x0 and x1; several items share a line when there is room (else one a line)."""
        for row in rows:
            if len(row) == 1 or (x1 - x0) / len(row) < 48:
                for item in row:
                    y = self.field(x0, y, item, x1, pt)
                continue
            step = (x1 - x0) / len(row)
            ends = []
            for k, item in enumerate(row):
                ends.append(self.field(x0 + k * step, y, item, x0 + (k + 1) * step - 2, pt))
            y = max(ends)
            y += gap
        return y

    def text_line(self, x: float, y: float, text: str, style: str = "regular", x_end: float = 192.0,
                  pt: float | None = None, first_indent: float = 0.0) -> float:
        """Running text wrapped between x and x_end; returns the next baseline."""
        pt = pt or self.pt
        lines = self.page.wrap(text, x_end - x - first_indent, x_end - x, style, pt)
        for k, line in enumerate(lines):
            self.page.text(x + (first_indent if k == 0 else 0), y, line, style, pt)
            y += self.line
        return y

    def split_date(self, x: float, y: float, lead: str, when: date, x_end: float, pt: float | None = None,
                   time: str | None = None) -> float:
        """'Sinh ngày 05 tháng 02 năm 2017' as the old forms print it: the words printed, the figures typed in
        (on leaders when the style has them). ``time`` ('10 giờ 20 phút') goes before the date."""
        pt = pt or self.pt
        month = f"{when.month:02d}" if when.month < 3 else str(when.month)
        parts: list[tuple[str, str]] = []
        if time:
            hours, _, minutes, _ = time.split()
            parts += [(lead, hours), ("giờ", minutes), ("phút, ngày", f"{when.day:02d}")]
        else:
            parts.append((f"{lead} ngày" if lead else "Ngày", f"{when.day:02d}"))
        parts += [("tháng", month), ("năm", str(when.year))]
        font = self.page.value_fonts.get("typed", "typed")
        cursor = x
        slot = 14.0 if self.style.leaders else 1.6
        recorded: list[str] = []
        for word, value in parts:
            cursor = self.page.text(cursor, y, word, "regular", pt, record=False) + 1.2
            width = self.page.width(value, font, pt)
            span = max(slot, width + 4) if self.style.leaders else width + 1.6
            start = cursor + (span - width) / 2 if self.style.leaders else cursor
            if self.style.leaders:  # dots either side of the typed figures
                self.page.dots(cursor, start - 0.4, y, pt)
                self.page.dots(start + width + 0.4, cursor + span, y, pt)
            self.page.text(start, y, value, font, pt, record=False)
            cursor += span
            recorded += [word, value]
        if self.style.leaders and cursor < x_end - 10:
            self.page.dots(cursor, x_end, y, pt)
        self.page.record(" ".join(recorded), x, y)
        return y + self.line


def random_style(rng: random.Random, value_fonts: list[str] | None = None) -> Style:
    """A style for a randomized family."""
    below_kinds = rng.choice([frozenset(), frozenset(), frozenset({"long"}), frozenset({"long", "name"})])
    pt = rng.choice([12.0, 12.5, 13.0])
    return Style(leaders=rng.random() < 0.6, colon=rng.random() < 0.8,
                 value_font=rng.choice(value_fonts or list(VALUE_FONTS)), below=below_kinds,
                 hang=rng.random() < 0.4, pt=pt, line=round(pt * 0.55, 2))


def pick_words(rng: random.Random, keys: list[str]) -> dict[str, str]:
    """One wording per label kind."""
    return {key: rng.choice(LABELS[key]) for key in keys}


def qualified(words: dict[str, str], key: str, who: str) -> str:
    """'Họ và tên' + 'người mẹ' -> 'Họ và tên người mẹ'."""
    return f"{words[key]} {words['parent'].format(who=who)}"


def number_book(form: Form, y: float, number: str, book: str | None, layout: str, x_left: float = 40.0,
                book_word: str = "Quyển số") -> float:
    """'Số' and 'Quyển số' per ``layout``: ``line`` (Số left, Quyển số right), ``book-first`` (the other way
    round), ``lines`` (Số above Quyển số, left). Returns the next baseline."""
    pt = form.pt
    number_item = Item("Số", number)
    book_item = Item(book_word, book) if book is not None else None
    if book_item is None:
        return form.field(x_left, y, number_item, x_left + 60, pt) + 3
    if layout == "lines":
        y = form.field(x_left - 20, y, number_item, x_left + 50, pt)
        return form.field(x_left - 20, y, book_item, x_left + 50, pt) + 3
    first, second = (number_item, book_item) if layout == "line" else (book_item, number_item)
    form.field(x_left, y, first, 98.0, pt)
    form.field(118.0, y, second, 180.0, pt)
    return y + form.line + 3


def header_lines(authority_unit: str, district: str | None, older: bool) -> list[str]:
    """The left header: 'ỦY BAN NHÂN DÂN' / 'XÃ ĐÔNG NGŨ'; older papers 'UBND HUYỆN …' / 'UBND XÃ …'."""
    if older and district:
        return [f"UBND {district.upper()}", f"UBND {authority_unit.upper()}"]
    return ["ỦY BAN NHÂN DÂN", authority_unit.upper()]


NOTES = ["Ghi chú: ", "Ghi chú những thay đổi sau này: ", "Ghi chú: Đăng ký đúng hạn",
         "Ghi chú: Đăng ký lại", "Ghi chú: Đăng ký quá hạn"]


def person_columns(form: Form, y: float, blocks: list[tuple[str, list[list[Item]]]], x0: float = 20.0,
                   x1: float = 192.0, gutter: float = 6.0, pt: float = 11.5) -> float:
    """Two persons side by side: each block is (heading, rows) in its own column. Returns the next baseline
    below the longer column."""
    mid = (x0 + x1) / 2
    bounds = [(x0, mid - gutter / 2), (mid + gutter / 2, x1)]
    ends = []
    for (heading, rows), (left, right) in zip(blocks, bounds, strict=True):
        yy = y
        if heading:
            form.page.text((left + right) / 2, yy, heading, "bold", form.pt, align="center")
            yy += form.line + 1
        ends.append(form.rows(left, right, yy, rows, pt))
    return max(ends)


def table(form: Form, x0: float, y: float, widths: list[float], heading: list[str],
          rows: list[tuple[str, list[str | None]]], pt: float = 11.5) -> float:
    """A ruled table: a heading row, then one row per label with a value per column (wrapped in its cell).
    ``y`` is the top of the table; returns the baseline of the line below it."""
    page = form.page
    lh = pt * 0.45
    edges = [x0]
    for w in widths:
        edges.append(edges[-1] + w)
    font = page.value_fonts.get("typed", "typed")
    names = page.value_fonts.get("typedbold", "typedbold")
    top = y
    page.hline(edges[0], edges[-1], top)
    cells = [(heading, True), *[([label, *values], False) for label, values in rows]]
    for k, (texts, is_heading) in enumerate(cells):
        wrapped = []
        for col, text in enumerate(texts):
            style = "bold" if is_heading or col == 0 else (names if k == 1 else font)
            wrapped.append((page.wrap(text or "", widths[col] - 4, widths[col] - 4, style, pt), style))
        height = max(len(lines) for lines, _ in wrapped)
        base = top + 5.0
        for col, (lines, style) in enumerate(wrapped):
            for j, line in enumerate(lines):
                if is_heading:
                    page.text((edges[col] + edges[col + 1]) / 2, base + j * lh, line, style, pt, align="center")
                else:
                    page.text(edges[col] + 2, base + j * lh, line, style, pt)
        bottom = base + (height - 1) * lh + 2.6
        page.hline(edges[0], edges[-1], bottom)
        for edge in edges:
            page.vline(edge, top, bottom)
        top = bottom
    return top + form.line


def signer_fit(page: Page, cx: float, y: float, heading: list[str], hint: str | None, signer: str, seal_text: str,
               rng: random.Random, bottom: float = 284.0) -> float:
    """The signer block (heading, hint, signature and seal, printed name) with the signing space shrunk to
    keep the name above ``bottom`` (the seal then overlaps the name, as it often does)."""
    for line in heading:
        page.text(cx, y, line, "bold", 13.0, align="center")
        y += 5.8
    if hint:
        page.text(cx, y, hint, "italic", 11.5, align="center")
        y += 5.2
    space = max(22.0, min(35.0, bottom - y))
    if not isinstance(page, MeasuringPage):  # a dry run needs no ink
        sign_and_seal(page, cx, y, seal_text, rng)
    y += space
    page.text(cx, y, signer, "bold", 13.0, align="center")
    return y + 7.4


class MeasuringPage(Page):
    """A page that measures and records text without drawing it (a 1 mm image), for ``fit``."""

    def __init__(self, dpi: int = 200):
        super().__init__(1.0, 1.0, dpi)
        self.width_mm, self.height_mm = 210.0, 297.0

    def text(self, x: float, y: float, text: str, style: str = "regular", pt: float = 13, align: str = "left",
             color: tuple[int, int, int] = (0, 0, 0), record: bool = True) -> float:
        w = self.width(text, style, pt)
        left = {"left": x, "center": x - w / 2, "right": x - w}[align]
        if record:
            self.record(text, left, y)
        return left + w


def fit(doc: Doc, draw: Callable[[Doc, Page, random.Random], None], bottom: float = 284.0) -> None:
    """Tighten ``doc.show["style"]`` (smaller type, closer lines) until a dry run of ``draw`` ends above
    ``bottom`` mm: a randomized form with many values below their labels would run off the page."""
    for _ in range(6):
        page = MeasuringPage()
        draw(doc, page, random.Random(0))
        if max(y for y, _, _ in page.pieces) <= bottom:
            return
        style = doc.show["style"]
        doc.show["style"] = replace(style, pt=max(10.5, style.pt - 0.5), line=max(5.6, style.line - 0.4))
