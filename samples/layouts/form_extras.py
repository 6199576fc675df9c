"""Pieces of the civil-status papers that only some editions have: an A5 sheet scanned on an A4 flatbed, the
national header at any width, a small signer block, a ruled grid of label and value cells, the QR code and
"Mã số" box of the online civil-status software, its digital-signature box, a photocopy's grey tone and the
rectangular "SAO Y BẢN CHÍNH" stamp.

Coordinates are millimetres on the A4 page, as everywhere in ``samples``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageOps

from samples.canvas import Page, _font
from samples.layouts.card_parts import qr
from samples.layouts.form_kit import MeasuringPage
from samples.stamp import SEAL_RED, multiply, seal_layer, signature_layer

A5 = (148.0, 210.0)
STAMP_INKS = {"red": SEAL_RED, "violet": (95, 45, 150)}


def a5_sheet(page: Page, rng: random.Random) -> tuple[float, float]:
    """An A5 sheet laid in the corner of an A4 flatbed scanner: the bed around it a pale grey, the sheet's edge
    casting a thin shadow. Returns the sheet's top-left corner."""
    ox, oy = rng.uniform(0.0, 5.0), rng.uniform(0.0, 5.0)
    w, h = A5
    page.rect(0, 0, page.width_mm, page.height_mm, outline=None, fill=(238, 238, 236))
    page.rect(ox + 0.8, oy + 0.8, ox + w + 0.8, oy + h + 0.8, outline=None, fill=(200, 200, 198))
    page.rect(ox, oy, ox + w, oy + h, outline=None, fill=(255, 255, 255))
    return ox, oy


def header(page: Page, left_cx: float, right_cx: float, y: float, authority_lines: list[str], pt: float) -> float:
    """The authority (left) and the national motto (right) centred on ``left_cx`` and ``right_cx``, in ``pt``.
    Returns the baseline below the header."""
    step = pt * 0.45
    page.text(left_cx, y, authority_lines[0], "regular", pt, align="center")
    yy = y
    for line in authority_lines[1:]:
        yy += step
        page.text(left_cx, yy, line, "bold", pt, align="center")
    rule = min(page.width(authority_lines[-1], "bold", pt), 30) / 4
    page.hline(left_cx - rule, left_cx + rule, yy + 1.8)
    page.text(right_cx, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", pt, align="center")
    motto = "Độc lập - Tự do - Hạnh phúc"
    page.text(right_cx, y + step, motto, "bold", pt + 0.5, align="center")
    half = page.width(motto, "bold", pt + 0.5) / 2
    page.hline(right_cx - half, right_cx + half, y + step + 1.8)
    return max(yy, y + step) + step + 2


def signer(page: Page, cx: float, y: float, heading: list[str], hint: str | None, name: str, seal_text: str,
           rng: random.Random, pt: float, space: float, seal_mm: float | None) -> float:
    """Heading lines, the hint, ``space`` mm for the signature (and the seal over its left part when
    ``seal_mm``), then the signer's printed name. Returns the baseline below the name."""
    step = pt * 0.45
    for line in heading:
        page.text(cx, y, line, "bold", pt, align="center")
        y += step
    if hint:
        page.text(cx, y, hint, "italic", pt - 1.5, align="center")
        y += step
    if not isinstance(page, MeasuringPage):
        sig = signature_layer(page, rng, space * 1.1, space * 0.45)
        multiply(page, sig, cx - space * 0.5 + rng.uniform(-2, 2), y + space * 0.2)
        if seal_mm:
            stamp = seal_layer(page, seal_text, rng, diameter_mm=seal_mm)
            multiply(page, stamp, cx - seal_mm * 0.95 + rng.uniform(-2, 2), y - 2 + rng.uniform(-1, 1))
    y += space
    page.text(cx, y, name, "bold", pt, align="center")
    return y + step + 2


@dataclass(frozen=True)
class Cell:
    """One cell of a grid row: its text, font style and width in mm."""

    text: str
    style: str
    width: float
    align: str = "left"  # or "center"


def grid(page: Page, x0: float, top: float, rows: list[list[Cell]], pt: float, pad: float = 1.8) -> float:
    """A ruled grid, row by row (each row its own cells, which may span other rows' columns); a cell's text
    wraps inside it. ``top`` is the top rule; returns the bottom rule."""
    step = pt * 0.45
    page.hline(x0, x0 + sum(c.width for c in rows[0]), top, width=0.3)
    for row in rows:
        wrapped = [page.wrap(c.text, c.width - 2 * pad, c.width - 2 * pad, c.style, pt) if c.text else []
                   for c in row]
        height = max(1, *(len(lines) for lines in wrapped)) * step + 2.6
        x = x0
        for cell, lines in zip(row, wrapped, strict=True):
            for k, line in enumerate(lines):
                at = x + cell.width / 2 if cell.align == "center" else x + pad
                page.text(at, top + 1.2 + step * (k + 1) - 0.9, line, cell.style, pt, align=cell.align)
            page.vline(x, top, top + height, width=0.3)
            x += cell.width
        page.vline(x, top, top + height, width=0.3)
        top += height
        page.hline(x0, x, top, width=0.3)
    return top


def code_box(page: Page, x: float, y: float, data: str, code: str, pt: float = 9.5) -> float:
    """The online software's QR code with "Mã số: …" printed under it. Returns the baseline below."""
    qr(page, data, x, y, 19.0)
    page.text(x + 1.5, y + 22.5, f"Mã số: {code}", "sans", pt)
    return y + 27


def digital_signature(page: Page, x: float, y: float, signed_by: str, when: str, rng: random.Random,
                      seal_text: str, width: float = 78.0, pt: float = 8.5) -> float:
    """The box the e-signing software prints where a document was signed digitally: the seal image beside
    "Ký bởi: …" and "Thời gian ký: …". Returns the y below the box."""
    step = pt * 0.45
    lines = page.wrap(f"Ký bởi: {signed_by}", width - 24, width - 24, "sans", pt) + [f"Thời gian ký: {when}"]
    bottom = y + 2.5 + step * len(lines) + 2.5
    page.rect(x, y, x + width, max(bottom, y + 20), outline=(200, 40, 40), width=0.35)
    if not isinstance(page, MeasuringPage):
        multiply(page, seal_layer(page, seal_text, rng, diameter_mm=18.0), x + 1.5, y + 1)
    for k, line in enumerate(lines):
        page.text(x + 22, y + 2.5 + step * (k + 1), line, "sans", pt, color=(180, 30, 30))
    return max(bottom, y + 20)


def photocopy(page: Page, rng: random.Random) -> None:
    """Turn what is drawn so far into a photocopy: grey tones, the paper a little darker, the ink a little
    heavier (the original's red seal comes out grey)."""
    grey = ImageOps.grayscale(page.image)
    paper, ink = rng.randint(226, 240), rng.randint(5, 25)
    grey = grey.point(lambda v: round(ink + (paper - ink) * (v / 255) ** 1.25))
    page.image.paste(grey.convert("RGB"))


def box_stamp(page: Page, cx: float, cy: float, lines: list[str], ink: tuple[int, int, int],
              rng: random.Random, pt: float = 15.0) -> None:
    """A rectangular rubber stamp ("SAO Y BẢN CHÍNH") centred at (cx, cy): a double frame round its lines,
    slightly turned, uneven ink. Its text is recorded as one line at the stamp's middle."""
    font = _font("bold", max(4, round(pt * page.dpi / 72)))
    widths = [font.getlength(line) for line in lines]
    line_px = page.px(pt * 0.45)
    margin = page.px(3.0)
    w, h = round(max(widths)) + 2 * margin, line_px * len(lines) + 2 * margin
    layer = Image.new("L", (w + 8, h + 8), 0)
    draw = ImageDraw.Draw(layer)
    draw.rectangle((4, 4, w + 3, h + 3), outline=255, width=max(1, page.px(0.7)))
    inset = page.px(1.0)
    draw.rectangle((4 + inset, 4 + inset, w + 3 - inset, h + 3 - inset), outline=255, width=max(1, page.px(0.3)))
    for k, line in enumerate(lines):
        draw.text(((w + 8) / 2, 4 + margin + line_px * (k + 0.5)), line, font=font, fill=255, anchor="mm")
    layer = layer.rotate(rng.uniform(-6, 6), resample=Image.Resampling.BICUBIC, expand=True)
    fade = Image.effect_noise(layer.size, 60).point(lambda v: 150 + v // 3)
    layer = Image.composite(fade, Image.new("L", layer.size, 0), layer)
    ink_layer = Image.new("RGB", layer.size, (255, 255, 255))
    ink_layer.paste(Image.new("RGB", layer.size, ink), (0, 0), layer)
    if not isinstance(page, MeasuringPage):
        mm = 25.4 / page.dpi
        multiply(page, ink_layer, cx - layer.width * mm / 2, cy - layer.height * mm / 2)
    page.record(" ".join(lines), cx - max(widths) * 25.4 / page.dpi / 2, cy)
