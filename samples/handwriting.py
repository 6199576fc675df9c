"""Handwriting-like register cells with their ground truth, for the ICR evaluation (bench/bench_icr.py).

No installed font both looks handwritten and covers Vietnamese (``fc-list :lang=vi``: DejaVu, Liberation,
FreeFont, Noto, Tinos, Arimo, Cousine), so each "hand" is an italic or oblique text font made irregular: every
character drawn on its own with its own size, tilt and baseline offset, a slant, a baseline that wanders along
the line, a stroke width that changes along the line (pressure), a smooth elastic warp, an ink colour, and some
cells faded or blotted. This is far from real handwriting (no joined strokes, no personal letter shapes, no
crossings-out, no overwriting): see docs/handwriting.md.

A register page is a birth register (sổ đăng ký khai sinh) of one year, written by two or three hands;
``book_cells`` gives its cells, each with its field kind and the value it holds.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from samples.people import GIVEN, MIDDLE, SURNAMES, pick_ethnicity, pick_weighted
from samples.vntext import WordStyle, date_figures, date_in_words, nfc

FONTS = "/usr/share/fonts/truetype"


@dataclass(frozen=True)
class Hand:
    name: str
    font: str
    size: int  # pixels of the font before distortion
    slant: float  # horizontal shear
    jitter: float  # per-character tilt (degrees) and offset (fraction of the size)
    wander: float  # baseline wander amplitude (fraction of the size)
    pressure: float  # how much the stroke width changes along the line (0: not at all)
    spacing: float  # extra gap between characters (fraction of the size)


# Fonts are split into tuning hands and held-out hands before any tuning (docs/evaluation.md): margins are
# fitted on TUNING only; HELD_OUT is scored once for the report. Only fonts of the packages scripts/setup.sh
# installs. Second split (2 December 2026): the first held-out hands (FreeSerif Italic, DejaVu Sans Oblique,
# Noto Serif Italic) were scored once and retired; FreeSerif joined the tuning hands, the DejaVu italics left
# (they come from fonts-dejavu-extra, which setup.sh does not install).
TUNING = (
    Hand("t2-liberation-serif", f"{FONTS}/liberation2/LiberationSerif-Italic.ttf", 38, 0.10, 5.0, 0.08, 0.4, 0.00),
    Hand("t3-noto-sans", f"{FONTS}/noto/NotoSans-Italic.ttf", 32, 0.22, 3.0, 0.05, 0.8, 0.03),
    Hand("t4-free-sans", f"{FONTS}/freefont/FreeSansOblique.ttf", 36, 0.05, 6.0, 0.07, 0.5, 0.01),
    Hand("t5-free-serif", f"{FONTS}/freefont/FreeSerifItalic.ttf", 38, 0.15, 5.0, 0.07, 0.6, 0.01),
    Hand("t6-liberation-mono", f"{FONTS}/liberation2/LiberationMono-Italic.ttf", 32, 0.18, 4.0, 0.06, 0.7, -0.04),
)
HELD_OUT = (
    Hand("h4-liberation-sans", f"{FONTS}/liberation2/LiberationSans-Italic.ttf", 34, 0.20, 4.0, 0.06, 0.7, 0.02),
    Hand("h5-free-mono", f"{FONTS}/freefont/FreeMonoOblique.ttf", 34, 0.12, 6.0, 0.08, 0.8, -0.06),
    Hand("h6-noto-serif-display", f"{FONTS}/noto/NotoSerifDisplay-Italic.ttf", 36, 0.14, 5.0, 0.07, 0.5, 0.00),
)
INKS = {"blue-black": (30, 40, 90), "blue": (40, 60, 160), "black": (25, 25, 25), "violet": (80, 40, 120),
        "brown": (90, 60, 40)}
PAPER = (236, 228, 208)

# Given names the name lexicon (extractors/data/names.yaml) lacks: a real register holds such names; the reader
# cannot spell them and must send them to review.
RARE_GIVEN = ["Thụ", "Ngoãn", "Sửu", "Khuyến", "Dần", "Tẹo", "Lự", "Khiển"]


@dataclass
class CellSample:
    image: Image.Image
    kind: str
    written: str  # what the hand wrote
    value: str  # the value it stands for, in the contract's format (names uppercase, ISO dates, male/female)
    hand: str
    entry_date: date
    years: tuple[int, int]  # the years a date in this register may have
    blotted: bool = False
    faded: bool = False


def render(text: str, hand: Hand, rng: random.Random, ink: tuple[int, int, int]) -> Image.Image:
    """``text`` written by ``hand``: characters drawn one by one, then slant, wander, pressure and a warp."""
    size = hand.size
    font_cache: dict[int, ImageFont.FreeTypeFont] = {}
    width = int(len(text) * size * 1.3 + size * 2)  # room for the widest letters; cropped to the ink below
    height = int(size * 2.4)
    mask = Image.new("L", (width, height), 0)
    x = size * 0.5
    base = height * 0.62
    phase, period = rng.uniform(0, 6.3), rng.uniform(3.0, 7.0) * size
    for ch in text:
        px = max(8, int(size * rng.uniform(0.92, 1.08)))
        font = font_cache.setdefault(px, ImageFont.truetype(hand.font, px))
        advance = font.getlength(ch)
        if ch != " ":
            glyph = Image.new("L", (int(px * 2), int(px * 2.4)), 0)
            ImageDraw.Draw(glyph).text((px * 0.5, px * 1.6), ch, font=font, fill=255, anchor="ls")
            glyph = glyph.rotate(rng.uniform(-2, 2) * hand.jitter, resample=Image.Resampling.BICUBIC)
            dy = hand.wander * size * np.sin(phase + x / period) + rng.gauss(0, hand.jitter * 0.015 * size)
            mask.paste(255, (int(x - px * 0.5), int(base + dy - px * 1.6)), glyph)
        x += advance + hand.spacing * size + rng.gauss(0, 0.02 * size)
    mask = mask.crop((0, 0, min(width, int(x + size * 0.5)), height))
    arr = np.asarray(mask, dtype=np.float32)
    arr = _shear(arr, hand.slant + rng.gauss(0, 0.03))
    arr = _pressure(arr, hand.pressure, rng)
    arr = _warp(arr, rng, strength=size * 0.07)
    # Scanned small: the writing 20-30 pixels high, softened.
    scale = rng.uniform(0.55, 0.85)
    arr = cv2.resize(arr, (max(8, int(arr.shape[1] * scale)), max(8, int(arr.shape[0] * scale))),
                     interpolation=cv2.INTER_AREA)
    arr = cv2.GaussianBlur(arr, (0, 0), rng.uniform(0.4, 0.9))
    alpha = np.clip(arr / 255.0, 0, 1)
    paper = np.empty((*alpha.shape, 3), dtype=np.float32)
    paper[:] = PAPER
    paper += np.random.default_rng(rng.randrange(1 << 30)).normal(0, 4, paper.shape)
    out = paper * (1 - alpha[..., None]) + np.array(ink, dtype=np.float32) * alpha[..., None]
    return Image.fromarray(out.clip(0, 255).astype(np.uint8), "RGB")


def _shear(arr: np.ndarray, slant: float) -> np.ndarray:
    h, w = arr.shape
    extra = int(abs(slant) * h) + 2
    matrix = np.float32([[1, -slant, slant * h if slant > 0 else 0], [0, 1, 0]])
    return cv2.warpAffine(arr, matrix, (w + extra, h), flags=cv2.INTER_LINEAR)


def _pressure(arr: np.ndarray, amount: float, rng: random.Random) -> np.ndarray:
    """Thicker and thinner stretches along the line: a blend of the strokes dilated and eroded."""
    kernel = np.ones((3, 3), np.uint8)
    thick, thin = cv2.dilate(arr, kernel), cv2.erode(arr, np.ones((2, 2), np.uint8))
    w = arr.shape[1]
    xs = np.linspace(0, rng.uniform(2, 5) * np.pi, w) + rng.uniform(0, 6.3)
    weight = (np.sin(xs) * amount)[None, :]
    return np.where(weight > 0, arr + (thick - arr) * weight, arr + (arr - thin) * weight)


def _warp(arr: np.ndarray, rng: random.Random, strength: float) -> np.ndarray:
    h, w = arr.shape
    gen = np.random.default_rng(rng.randrange(1 << 30))
    dx = cv2.GaussianBlur(gen.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 8) * strength * 8
    dy = cv2.GaussianBlur(gen.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 8) * strength * 8
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    return cv2.remap(arr, xs + dx, ys + dy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)


def fade(image: Image.Image, rng: random.Random) -> Image.Image:
    arr = np.asarray(image, dtype=np.float32)
    keep = rng.uniform(0.35, 0.55)
    return Image.fromarray((np.array(PAPER) + (arr - np.array(PAPER)) * keep).clip(0, 255).astype(np.uint8))


def blot(image: Image.Image, rng: random.Random, ink: tuple[int, int, int]) -> Image.Image:
    """An ink blot over part of the cell (not over all of it: a person could still read it)."""
    w, h = image.size
    layer = Image.new("L", image.size, 0)
    r = rng.uniform(0.12, 0.22) * h
    cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.3, 0.7) * h
    ImageDraw.Draw(layer).ellipse((cx - r * 1.3, cy - r, cx + r * 1.3, cy + r), fill=200)
    alpha = cv2.GaussianBlur(np.asarray(layer, dtype=np.float32), (0, 0), r * 0.3)[..., None] / 255.0
    arr = np.asarray(image, dtype=np.float32) * (1 - alpha) + np.array(ink, dtype=np.float32) * alpha
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8))


# --- what the cells hold -------------------------------------------------------------------------------

@cache
def _legacy_places() -> list[tuple[str, str, str, str, str, str]]:
    from extractors.constrained.gazetteer import dataset_path

    with sqlite3.connect(f"file:{dataset_path()}?mode=ro", uri=True) as db:
        return db.execute("SELECT wardType, wardShort, districtType, districtShort, province, provinceShort "
                          "FROM admin_units_legacy WHERE wardShort IS NOT NULL AND wardType IS NOT NULL "
                          "ORDER BY wardCode").fetchall()


def place(rng: random.Random) -> tuple[str, str]:
    """(as written, canonical path) of a commune before 2025, in one of the ways clerks write it."""
    wt, ws, dt, ds, p, ps = rng.choice(_legacy_places())
    pt = p[: -len(ps)].strip()
    canonical = f"{wt.lower()} {ws}, {dt.lower()} {ds}, {pt.lower()} {ps}"
    style = rng.random()
    if style < 0.35:
        written = canonical
    elif style < 0.6:
        written = f"{ws} - {ds} - {ps}"
    elif style < 0.85:
        written = f"{ws}, {ds}, {ps}"
    else:
        written, canonical = f"{dt.lower()} {ds}, {ps}", f"{dt.lower()} {ds}, {pt.lower()} {ps}"
    return written, canonical


def name(rng: random.Random, sex: str) -> str:
    given = rng.choice(RARE_GIVEN) if rng.random() < 0.06 else rng.choice(GIVEN[sex]).split()[-1]
    return nfc(" ".join([pick_weighted(rng, SURNAMES), rng.choice(MIDDLE[sex]), given]))


def entry_values(rng: random.Random, number: int, year: int) -> list[tuple[str, str, str]]:
    """(kind, as written, value) for one birth entry registered in ``year``."""
    sex = rng.choice(["male", "female"])
    written_name = name(rng, sex)
    born = date(year - 1, 6, 1) + timedelta(days=rng.randrange(540))
    born = min(born, date(year, 12, 31))
    if rng.random() < 0.65:
        written_date = date_figures(born) if rng.random() < 0.6 else f"{born.day}/{born.month}/{born.year}"
    else:
        written_date = date_in_words(born, WordStyle.pick(rng))
    written_place, canonical_place = place(rng)
    nationality = "Việt Nam" if rng.random() < 0.95 else rng.choice(["Trung Quốc", "Lào", "Campuchia"])
    ethnicity = pick_ethnicity(rng)
    return [
        ("number", str(number), str(number)),
        ("name", written_name, written_name.upper()),
        ("sex", "Nam" if sex == "male" else "Nữ", sex),
        ("date", written_date, born.isoformat()),
        ("place", written_place, canonical_place),
        ("ethnicity", ethnicity, ethnicity),
        ("nationality", nationality, nationality),
    ]


def book_cells(hands: tuple[Hand, ...], entries: int, seed: int, year: int | None = None) -> list[CellSample]:
    """The cells of one register book: ``entries`` consecutive entries, each written by one of ``hands``
    (the clerk changes every few entries), some cells faded or blotted."""
    rng = random.Random(seed)
    year = year or rng.randrange(1978, 2015)
    cells: list[CellSample] = []
    hand, ink = rng.choice(hands), rng.choice(list(INKS.values()))
    for number in range(1, entries + 1):
        if rng.random() < 0.25:
            hand, ink = rng.choice(hands), rng.choice(list(INKS.values()))
        entry_date = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        for kind, written, value in entry_values(rng, number, year):
            cells.append(write_cell(rng, kind, written, value, hand, ink, entry_date, (year - 2, year)))
    return cells


def write_cell(rng: random.Random, kind: str, written: str, value: str, hand: Hand, ink: tuple[int, int, int],
               entry_date: date, years: tuple[int, int]) -> CellSample:
    """``written`` by ``hand`` in ``ink``; now and then faded or blotted."""
    image = render(written, hand, rng, ink)
    faded, blotted = rng.random() < 0.08, rng.random() < 0.05
    if faded:
        image = fade(image, rng)
    if blotted:
        image = blot(image, rng, ink)
    return CellSample(image, kind, written, value, hand.name, entry_date, years, blotted, faded)


def corpus(hands: tuple[Hand, ...], books: int, entries: int, seed: int) -> list[CellSample]:
    """Several books, each written by two or three of ``hands``."""
    rng = random.Random(seed)
    out: list[CellSample] = []
    for b in range(books):
        chosen = tuple(rng.sample(hands, k=min(len(hands), rng.choice([2, 3]))))
        out.extend(book_cells(chosen, entries, seed * 1000 + b))
    return out


# --- whole register pages ------------------------------------------------------------------------------

COLUMNS = ("number", "name", "sex", "date", "place", "ethnicity", "nationality")
HEADERS = {"number": "Số", "name": "Họ, chữ đệm, tên", "sex": "Giới tính", "date": "Ngày, tháng, năm sinh",
           "place": "Nơi sinh", "ethnicity": "Dân tộc", "nationality": "Quốc tịch"}
WIDTHS_MM = {"number": 12, "name": 52, "sex": 18, "date": 62, "place": 88, "ethnicity": 22, "nationality": 26}
ROW_MM, HEADER_MM, DPI = 11.0, 12.0, 150
HEADER_FONT = f"{FONTS}/liberation2/LiberationSerif-Bold.ttf"


@dataclass
class RegisterPage:
    image: Image.Image  # grey, DPI dots per inch
    dpi: int
    columns: tuple[str, ...]
    cells: list[list[CellSample]]  # [row][column], the header row left out


def register_page(hands: tuple[Hand, ...], entries: int, seed: int, year: int | None = None) -> RegisterPage:
    """A ruled register page (landscape A4) with a printed header row and ``entries`` handwritten rows."""
    cells = book_cells(hands, entries, seed, year)
    rows = [cells[i:i + len(COLUMNS)] for i in range(0, len(cells), len(COLUMNS))]
    px = DPI / 25.4
    widths = [int(WIDTHS_MM[c] * px) for c in COLUMNS]
    left, top = int(10 * px), int(14 * px)
    row_h, header_h = int(ROW_MM * px), int(HEADER_MM * px)
    width, height = int(297 * px), max(int(210 * px), top + header_h + row_h * entries + int(10 * px))
    page = Image.new("L", (width, height), 238)
    xs = [left + sum(widths[:i]) for i in range(len(widths) + 1)]
    ys = [top, top + header_h] + [top + header_h + row_h * (i + 1) for i in range(entries)]
    _fill_table(page, [HEADERS[kind] for kind in COLUMNS], rows, xs, ys, random.Random(seed + 1))
    return RegisterPage(page, DPI, COLUMNS, rows)


def _fill_table(page: Image.Image, headers: list[str], rows: list[list[CellSample]], xs: list[int], ys: list[int],
                rng: random.Random) -> None:
    """The printed header row, the written cells, then the rules over them (``xs``, ``ys``: the rules)."""
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(HEADER_FONT, int(3.0 * DPI / 25.4))
    for i, text in enumerate(headers):
        draw.text(((xs[i] + xs[i + 1]) / 2, (ys[0] + ys[1]) / 2), text, font=font, fill=40, anchor="mm")
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            _paste_cell(page, cell.image, xs[c], ys[r + 1], xs[c + 1] - xs[c], ys[r + 2] - ys[r + 1], rng)
    for x in xs:
        draw.line((x, ys[0], x, ys[-1]), fill=60, width=2)
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=60, width=2)


# --- whole birth-register pages for sohoa extract / sohoa eval ---------------------------------------------

BOOK_COLUMNS = ("number", "registration_date", "full_name", "sex", "date_of_birth", "place_of_birth", "ethnicity",
                "nationality")
BOOK_KINDS = {"number": "number", "registration_date": "date", "full_name": "name", "sex": "sex",
              "date_of_birth": "date", "place_of_birth": "place", "ethnicity": "ethnicity",
              "nationality": "nationality"}
BOOK_HEADERS = {"number": "Số", "registration_date": "Ngày đăng ký", "full_name": "Họ, chữ đệm, tên",
                "sex": "Giới tính", "date_of_birth": "Ngày, tháng, năm sinh", "place_of_birth": "Nơi sinh",
                "ethnicity": "Dân tộc", "nationality": "Quốc tịch"}
BOOK_WIDTHS_MM = {"number": 12, "registration_date": 30, "full_name": 48, "sex": 16, "date_of_birth": 58,
                  "place_of_birth": 74, "ethnicity": 20, "nationality": 22}
BOOK_TOP_MM = 34.0
HEADING_FONT = f"{FONTS}/liberation2/LiberationSerif-Regular.ttf"


@dataclass
class BookPage:
    """A handwritten birth-register page as ``samples.generate`` writes it: the image (grey, ``dpi``), the
    truth of the contract's ``birth_register`` document, and each handwritten cell's sample."""

    image: Image.Image
    dpi: int
    fields: dict[str, str]  # book, registration_authority
    entries: list[dict[str, str | None]]  # the contract's entry keys; the ones the page does not hold are None
    cells: list[list[CellSample]]  # [row][column of BOOK_COLUMNS]
    year: int


def _authority(rng: random.Random) -> tuple[str, str]:
    """(the registering commune's people's committee, its place) from the pre-2025 units."""
    wt, ws, dt, ds, p, ps = rng.choice(_legacy_places())
    pt = p[: -len(ps)].strip()
    return f"Ủy ban nhân dân {wt.lower()} {ws}, {dt.lower()} {ds}, {pt.lower()} {ps}", ps


def book_entry(rng: random.Random, number: int, registered: date) -> list[tuple[str, str, str]]:
    """(entry key, as written, value) for one birth registered on ``registered``: born 3 to 60 days before."""
    sex = rng.choice(["male", "female"])
    written_name = name(rng, sex)
    born = registered - timedelta(days=rng.randint(3, 60))
    out = [("number", str(number), str(number)),
           ("registration_date", _written_date(rng, registered, words=0.0), registered.isoformat()),
           ("full_name", written_name, written_name.upper()),
           ("sex", "Nam" if sex == "male" else "Nữ", sex),
           ("date_of_birth", _written_date(rng, born, words=0.3), born.isoformat())]
    written_place, canonical_place = place(rng)
    ethnicity = pick_ethnicity(rng)
    nationality = "Việt Nam" if rng.random() < 0.95 else rng.choice(["Trung Quốc", "Lào", "Campuchia"])
    return out + [("place_of_birth", written_place, canonical_place), ("ethnicity", ethnicity, ethnicity),
                  ("nationality", nationality, nationality)]


def _written_date(rng: random.Random, day: date, words: float) -> str:
    if rng.random() < words:
        return date_in_words(day, WordStyle.pick(rng))
    return date_figures(day) if rng.random() < 0.6 else f"{day.day}/{day.month}/{day.year}"


def book_page(hands: tuple[Hand, ...], entries: int, seed: int, year: int | None = None) -> BookPage:
    """A page of a handwritten birth register (landscape A4, 150 dpi): the book's printed heading (title, year,
    registering authority, book number) and header row, ``entries`` rows written by one or two of ``hands``
    (entry numbers running on from an earlier page, registration dates in the book's year, never going back)."""
    rng = random.Random(seed)
    year = year or rng.randrange(1978, 2015)
    authority, _ = _authority(rng)
    book = f"{rng.randint(1, 3):02d}/{year}"
    first = rng.randint(1, 180)
    registered = date(year, 1, 1) + timedelta(days=rng.randint(40, 200))
    hand, ink = rng.choice(hands), rng.choice(list(INKS.values()))
    rows: list[list[CellSample]] = []
    truth: list[dict[str, str | None]] = []
    for i in range(entries):
        if rng.random() < 0.25:
            hand, ink = rng.choice(hands), rng.choice(list(INKS.values()))
        registered = min(registered + timedelta(days=rng.randint(0, 4)), date(year, 12, 31))
        row = []
        values: dict[str, str | None] = {"mother_name": None, "father_name": None}
        for key, written, value in book_entry(rng, first + i, registered):
            row.append(write_cell(rng, BOOK_KINDS[key], written, value, hand, ink, registered, (year - 1, year)))
            values[key] = value
        rows.append(row)
        truth.append(values)
    image = _draw_book(rows, authority, book, year, rng)
    return BookPage(image, DPI, {"book": book, "registration_authority": authority}, truth, rows, year)


def _draw_book(rows: list[list[CellSample]], authority: str, book: str, year: int, rng: random.Random) -> Image.Image:
    px = DPI / 25.4
    widths = [int(BOOK_WIDTHS_MM[c] * px) for c in BOOK_COLUMNS]
    left, top = int(8 * px), int(BOOK_TOP_MM * px)
    row_h, header_h = int(ROW_MM * px), int(HEADER_MM * px)
    width, height = int(297 * px), max(int(210 * px), top + header_h + row_h * len(rows) + int(10 * px))
    page = Image.new("L", (width, height), 238)
    draw = ImageDraw.Draw(page)
    xs = [left + sum(widths[:i]) for i in range(len(widths) + 1)]
    ys = [top, top + header_h] + [top + header_h + row_h * (i + 1) for i in range(len(rows))]
    title = ImageFont.truetype(HEADER_FONT, int(5.5 * px))
    regular = ImageFont.truetype(HEADING_FONT, int(3.8 * px))
    draw.text((width / 2, int(12 * px)), "SỔ ĐĂNG KÝ KHAI SINH", font=title, fill=30, anchor="mm")
    draw.text((width / 2, int(19 * px)), f"Năm {year}", font=regular, fill=30, anchor="mm")
    draw.text((xs[0], int(27 * px)), authority, font=regular, fill=30, anchor="lm")
    draw.text((xs[-1], int(27 * px)), f"Quyển số: {book}", font=regular, fill=30, anchor="rm")
    _fill_table(page, [BOOK_HEADERS[key] for key in BOOK_COLUMNS], rows, xs, ys, rng)
    return page


def _paste_cell(page: Image.Image, image: Image.Image, x0: int, y0: int, width: int, height: int,
                rng: random.Random) -> None:
    """The written cell darkened into the page (its paper as the page's), inside the cell's rules."""
    ink = image.convert("L")
    box_w, box_h = width - 8, height - 8
    scale = min(box_h / ink.height * rng.uniform(0.75, 0.95), box_w / ink.width, 1.0)
    ink = ink.resize((max(1, int(ink.width * scale)), max(1, int(ink.height * scale))))
    x = x0 + 4 + rng.randrange(max(1, box_w - ink.width + 1))
    y = y0 + 4 + (box_h - ink.height) // 2
    region = np.asarray(page.crop((x, y, x + ink.width, y + ink.height)), dtype=np.int16)
    written = np.asarray(ink, dtype=np.int16)
    written = written + (int(np.median(region)) - int(np.median(written)))
    page.paste(Image.fromarray(np.minimum(region, written).clip(0, 255).astype(np.uint8)), (x, y))


SPLITS = {"tuning": TUNING, "heldout": HELD_OUT}
FAMILIES = {f"br-hand-{split}": split for split in SPLITS}  # the truth's layout family of a book page


def book_truth(page: BookPage, source: str, split: str) -> dict:
    """The truth file (samples/truth_format.py's shape) of a one-page input holding ``page``; the entries'
    ``written`` says what each hand wrote (the unconstrained reading is scored against it)."""
    cells = [dict(zip(BOOK_COLUMNS, (c.written for c in row), strict=True)) for row in page.cells]
    text = "\n".join(["SỔ ĐĂNG KÝ KHAI SINH", f"Năm {page.year}",
                      f"{page.fields['registration_authority']} Quyển số: {page.fields['book']}",
                      " ".join(BOOK_HEADERS[k] for k in BOOK_COLUMNS), *(" ".join(c.values()) for c in cells)])
    document = {"schema": "birth_register", "pages": [1], "variant": "handwritten", "family": f"br-hand-{split}",
                "fields": dict(page.fields), "entries": [dict(e) for e in page.entries], "written": cells}
    return {"source": source, "tier": "handwritten", "format": "png",
            "pages": [{"number": 1, "rotation": 0, "skew": 0.0, "dpi": page.dpi, "text": text}],
            "documents": [document]}
