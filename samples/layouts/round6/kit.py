"""Drawing pieces the round-6 families share: the national title of the Democratic Republic (before 1976),
the committee of that time ("Ủy ban hành chính"), a row of digit boxes, a perforated counterfoil edge, text set
vertically (rotated a quarter turn, as narrow register columns print their headers), the registration lines and
signer of the typed older forms, and the wrapper that draws some families of a type their own way."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from PIL import Image, ImageDraw

from samples.canvas import INK, Page, _font
from samples.doc import Doc
from samples.layouts.common import RIGHT, place_date
from samples.layouts.form_kit import Form, Item, MeasuringPage, signer_fit

Draw = Callable[[Doc, int, random.Random], list[Page]]
DRVN = "VIỆT NAM DÂN CHỦ CỘNG HÒA"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
YELLOWED = (246, 240, 219)


def administrative(authority: str) -> str:
    """'Ủy ban nhân dân xã …' as the committees were named until 1975: 'Ủy ban hành chính xã …'."""
    return authority.replace("Ủy ban nhân dân ", "Ủy ban hành chính ", 1)


def old_place_of_birth(rng: random.Random, authority: str) -> str:
    """A place of birth as the books of the 1960s–1970s name it: the commune's maternity station, the district's
    hospital, or the commune itself (from the registering committee's name)."""
    parts = authority.split(" ", 4)[-1].split(", ")
    unit, district = parts[0], parts[1] if len(parts) > 2 else None
    roll = rng.random()
    if roll < 0.45:
        return f"Nhà hộ sinh {unit}"
    if roll < 0.65 and district:
        return f"Bệnh viện {district}"
    return f"{unit}, {district}" if district else unit


def drvn_header(page: Page, cx: float, y: float, pt: float = 12.5) -> float:
    """The old state's name and motto centred on ``cx``, the motto underlined. Returns the baseline below."""
    page.text(cx, y, DRVN, "bold", pt, align="center")
    page.text(cx, y + pt * 0.45, MOTTO, "bold", pt, align="center")
    half = page.width(MOTTO, "bold", pt) / 2
    page.hline(cx - half, cx + half, y + pt * 0.45 + 1.8)
    return y + pt * 0.9 + 4


def digit_boxes(page: Page, x: float, y: float, digits: str | None, count: int = 12, box: float = 5.6,
                pt: float = 11.5, style: str = "typed") -> float:
    """``count`` ruled boxes with one digit in each (empty boxes without ``digits``); the number is recorded once,
    as OCR reads it. ``y`` is the digits' baseline; returns the x after the last box."""
    top = y - box + 1.4
    for k in range(count):
        page.rect(x + k * box, top, x + (k + 1) * box, top + box, width=0.25)
        if digits and k < len(digits):
            page.text(x + k * box + box / 2, y, digits[k], style, pt, align="center", record=False)
    if digits:
        page.record(digits, x + 0.8, y)
    return x + count * box


def perforation(page: Page, x: float, rng: random.Random, torn: bool = True) -> None:
    """The perforated line where a counterfoil was torn off: a column of small holes, the paper left of it
    ragged and greyed (the scanner bed showing through)."""
    if isinstance(page, MeasuringPage):
        return
    bed = (214, 214, 210)
    if torn:
        edge = [(0, 0)]
        yy = 0.0
        while yy < page.height_mm:
            edge.append((page.px(x - 1.5 + rng.uniform(-0.8, 0.8)), page.px(yy)))
            yy += rng.uniform(1.0, 2.5)
        edge += [(page.px(x - 1.5), page.px(page.height_mm)), (0, page.px(page.height_mm))]
        page.draw.polygon(edge, fill=bed)
    yy = 3.0
    while yy < page.height_mm - 2:
        r = page.px(0.5)
        cx, cy = page.px(x), page.px(yy)
        page.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(180, 180, 176))
        yy += 3.0


def vertical_text(page: Page, x: float, y_bottom: float, text: str, style: str, pt: float,
                  color: tuple[int, int, int] = INK, record: bool = False) -> None:
    """``text`` read bottom to top, its left end at (x, y_bottom) and its baseline's side at x (a quarter
    turn anticlockwise). Not recorded by default (OCR of the page's lines does not read it as a line)."""
    if isinstance(page, MeasuringPage):
        if record:
            page.record(text, x, y_bottom)
        return
    font = _font(style, max(4, round(pt * page.dpi / 72)))
    width = round(font.getlength(text)) + 4
    height = round(pt * page.dpi / 72 * 1.35)
    layer = Image.new("L", (width, height), 0)
    ImageDraw.Draw(layer).text((2, height * 0.78), text, font=font, fill=255, anchor="ls")
    layer = layer.rotate(90, expand=True)
    ink = Image.new("RGB", layer.size, color)
    page.image.paste(ink, (page.px(x) - round(height * 0.78), page.px(y_bottom) - layer.height + 2), layer)
    if record:
        page.record(text, x, y_bottom)


def registered_and_signed(form: Form, x0: float, y: float, lead: str, authority: str, registered: date,
                          place: str, heading: list[str], signer: str, seal: str, rng: random.Random) -> None:
    """'<lead> ngày … tháng … năm …' and 'Nơi đăng ký' on leader lines, the place and date, the signer."""
    y = form.split_date(x0, y, lead, registered, RIGHT)
    y = form.rows(x0, RIGHT, y, [[Item("Nơi đăng ký", authority, "long")]])
    y = place_date(form.page, 140, y + 2.5, place, registered)
    signer_fit(form.page, 140, y, heading, None, signer, seal, rng)


def dispatching(draw: Draw, families: dict[str, str], own: Callable[[Doc, int, random.Random], list[Page]]) -> Draw:
    """``draw`` of a type's layout module, with its documents of ``families`` drawn by ``own``."""

    def dispatch(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
        return own(doc, dpi, rng) if doc.family in families else draw(doc, dpi, rng)

    return dispatch
