"""Round-3 ID card ``card-cccd-2016-worn``: a "Căn cước công dân" of 2016–2020 (no chip, QR or MRZ)
carried for years: the print faded unevenly, the laminate scratched, a worn corner; the values under their
labels ("Ngày, tháng, năm sinh:", "Quốc tịch:", "Nơi thường trú:" each on a line of their own, the value on the
next), the barcode at the foot of the back. It is shown back side first: on a scanner bed the back above the
front; photocopied on A4, the two sides side by side or at unrelated places of the page.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

import numpy as np
from PIL import Image

from samples import people
from samples.canvas import INK, Page
from samples.doc import Doc
from samples.layouts.card_parts import (
    CARD,
    RED,
    barcode,
    emblem,
    expiry_text,
    fingerprints,
    label_value,
    paste_card,
    photo,
    waves,
)
from samples.stamp import multiply, seal_layer, signature_layer
from samples.vntext import date_figures

FAMILIES = {"card-cccd-2016-worn": "tuning"}
ISSUED = (date(2016, 1, 1), date(2020, 12, 31))
SEAL = "BỘ CÔNG AN * CỤC CẢNH SÁT ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ"
Draw = Callable[[Doc, int, random.Random], list[Page]]
# What the front prints whatever the holder: (x, baseline y, text, style, pt, colour); x = 51 is centred.
FRONT_PRINT = ((51, 5.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "sansbold", 6.2, INK),
               (51, 7.9, "Độc lập - Tự do - Hạnh phúc", "sansbold", 5.8, INK),
               (51, 13.6, "CĂN CƯỚC CÔNG DÂN", "sansbold", 9.8, RED), (2.8, 47.3, "Có giá trị đến:", "sans", 5.4, INK),
               (25, 19.6, "Số:", "sansbold", 7.0, INK))


def _below(page: Page, x: float, y: float, label: str, value: str, pt: float = 6.0, value_pt: float = 6.8,
           gap: float = 2.9, x_end: float = 83.0) -> float:
    """``Label:`` on its line, the value on the lines below. Returns the baseline after the value."""
    page.text(x, y, f"{label}:", "sans", pt)
    for line in page.wrap(value, x_end - x, x_end - x, "sansbold", value_pt):
        y += gap
        page.text(x, y, line, "sansbold", value_pt)
    return y + gap + 0.3


def front(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    waves(page, (160, 195, 225), rng)
    emblem(page, 10, 10.5, 7.0)
    photo(page, 3.5, 19.5, 21.5, 43, rng)
    for x, y, text, style, pt, color in (*FRONT_PRINT, (2.8, 50.8, expiry_text(f["expiry_date"]), "sansbold", 6.2, INK),
                                         (31, 19.8, f["personal_id"], "sansbold", 10.5, RED)):
        page.text(x, y, text, style, pt, align="center" if x == 51 else "left", color=color)
    y = _below(page, 25, 22.8, "Họ và tên", f["full_name"], value_pt=8.0, gap=3.0)
    y = _below(page, 25, y, "Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])), gap=2.7)
    page.text(25, y, f"Giới tính: {people.sex_label(f['sex'])}", "sans", 6.0)
    page.text(52, y, "Quốc tịch:", "sans", 6.0)
    page.text(52, y + 2.6, f["nationality"], "sansbold", 6.6)
    y = label_value(page, 25, y + 5.4, "Quê quán", f["place_of_origin"], pt=6.0, value_pt=6.4, gap=2.6)
    _below(page, 25, y, "Nơi thường trú", f["residence"], value_pt=6.2, gap=2.5)
    return _worn(page, rng, [(CARD[0], 0.0)])


def back(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    waves(page, (175, 200, 225), rng)
    fingerprints(page, 56, 12.5, ("Ngón trỏ trái", "Ngón trỏ phải"), box=(13, 17.0))
    multiply(page, signature_layer(page, rng, 20, 8), 20, 28)
    multiply(page, seal_layer(page, SEAL, rng, 13), 15, 27)
    barcode(page, 46, 44.5, 36, 6.0, rng)
    lines = (("Đặc điểm nhân dạng:", "sans", 6.0, 4, 5.5), (doc.show["mark"], "sansbold", 6.0, 4, 9.0),
             ("Ngày, tháng, năm:", "sans", 6.0, 4, 15.5),
             (date_figures(date.fromisoformat(f["issue_date"])), "sansbold", 6.6, 4, 18.8),
             ("CỤC TRƯỞNG CỤC CẢNH SÁT", "sansbold", 5.4, 28, 23.5),
             ("ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ", "sansbold", 5.4, 28, 26.1),
             (doc.show["signer"], "sansbold", 6.2, 28, 42.5))
    for text, style, pt, x, y in lines:
        page.text(x, y, text, style, pt, align="center" if x == 28 else "left")
    return _worn(page, rng, [(CARD[0], 0.0), (0.0, CARD[1]), CARD])


def _worn(page: Page, rng: random.Random, corners: list[tuple[float, float]]) -> Page:
    """Years in a wallet: uneven fading towards the paper, light scratches in the laminate, one of ``corners``
    (those with no print near them) rubbed off."""
    arr = np.asarray(page.image, dtype=np.float32)
    h, w = arr.shape[:2]
    noise = np.random.default_rng(rng.randrange(2**32))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    fade = 0.18 + 0.22 * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * (0.35 * w) ** 2))
    arr = arr * (1 - fade[..., None]) + 245 * fade[..., None]
    image = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    page.image.paste(image)
    width = max(1, page.px(0.12))
    for _ in range(rng.randint(6, 14)):
        x0, y0 = rng.uniform(0, page.width_mm), rng.uniform(0, page.height_mm)
        length, slope = rng.uniform(6, 30), rng.uniform(-0.4, 0.4)
        shade = int(noise.integers(225, 250))
        page.draw.line((page.px(x0), page.px(y0), page.px(x0 + length), page.px(y0 + length * slope)),
                       fill=(shade, shade, shade), width=width)
    corner = rng.choice(corners)
    r = page.px(rng.uniform(3, 4.5))
    x, y = page.px(corner[0]), page.px(corner[1])
    page.draw.ellipse((x - r, y - r, x + r, y + r), fill=(236, 236, 232))
    return page


def lay_out(front_side: Page, back_side: Page, copy: bool, dpi: int, rng: random.Random) -> Page:
    """The back first: above the front on a scanner bed; on an A4 copy beside it or at unrelated places."""
    if not copy:
        page = Page(CARD[0] + 16, CARD[1] * 2 + 22, dpi, paper=(232, 232, 228))
        paste_card(page, back_side, 8, 7)
        paste_card(page, front_side, 8, CARD[1] + 15)
        return page
    page = Page(210, 297, dpi)
    if rng.random() < 0.5:  # side by side, the back on the left
        y = rng.uniform(20, 60)
        paste_card(page, back_side, rng.uniform(12, 18), y)
        paste_card(page, front_side, rng.uniform(108, 114), y + rng.uniform(-3, 3))
    else:
        paste_card(page, back_side, rng.uniform(15, 105), rng.uniform(18, 50))
        paste_card(page, front_side, rng.uniform(15, 105), rng.uniform(110, 200))
    return page


def with_own_layouts(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/id_card.py, with the round-3 families laid out their own way."""

    def dispatch(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
        if doc.family not in FAMILIES:
            return draw(doc, dpi, rng)
        front_side, back_side = front(doc, dpi, rng), back(doc, dpi, rng)
        return [lay_out(front_side, back_side, doc.show["copy"], dpi, rng)]

    return dispatch
