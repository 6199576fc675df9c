"""Round-5 ID card ``card-ban-sao-chung-thuc``: the certified copy of a "Căn cước" card (the card of 1 July 2024)
that a commune's committee makes for a dossier ("chứng thực bản sao từ bản chính", Decree 23/2015/NĐ-CP): both
sides photocopied side by side across the top of an A4 sheet, slightly enlarged; a red "BẢN SAO" stamp at the
top right; under the card the certification box stamped in violet ink ("CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH",
"Số chứng thực", "Quyển số … -SCT/BS", the place and date of certification, "NGƯỜI THỰC HIỆN CHỨNG THỰC"), the
certifier's signature, name and the commune's fresh red seal. The sheet carries a second date and a second
number that are not the card's.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from PIL import Image, ImageDraw

from samples import places
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import card_cancuoc, form_extras
from samples.layouts.card_parts import CARD
from samples.layouts.common import adjusting
from samples.stamp import multiply, seal_layer, signature_layer
from samples.vntext import date_long

FAMILIES = {"card-ban-sao-chung-thuc": "tuning"}
ISSUED = (date(2024, 7, 1), date(2026, 9, 30))
LAST_DAY = date(2026, 11, 30)
CERTIFIERS = ["Phạm Thị Thu Hà", "Nguyễn Văn Hùng", "Lê Thị Hồng Nhung", "Trần Đức Mạnh", "Vũ Thị Lan Anh"]
Build = Callable[..., Doc]
Draw = Callable[[Doc, int, random.Random], list[Page]]
front, back = card_cancuoc.front, card_cancuoc.back


def _certified(doc: Doc, rng: random.Random) -> None:
    """Always a copy on A4; the certification's number, book, day and commune."""
    issued = date.fromisoformat(doc.fields["issue_date"])
    when = issued + timedelta(days=rng.randint(3, max(3, min(700, (LAST_DAY - issued).days))))
    loc = places.locality(rng, when)
    doc.show |= {"copy": True, "certified": when, "cert_loc": loc, "cert_number": rng.randint(1, 2400),
                 "cert_book": f"{rng.randint(1, 6):02d}/{when.year}-SCT/BS", "certifier": rng.choice(CERTIFIERS),
                 "scale": rng.uniform(1.0, 1.1), "top": rng.uniform(22, 40)}


def with_certification(build: Build) -> Build:
    """``build`` of samples/layouts/id_card.py; a ``card-ban-sao-chung-thuc`` card is always a certified copy."""
    return adjusting(build, FAMILIES, _certified)


def _paste(target: Page, side: Page, x: float, y: float, scale: float) -> None:
    """Paste a side drawn at ``scale`` times the page's dpi (so ``scale`` times its size); its text moves
    (and grows) with it."""
    mask = Image.new("L", side.image.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, side.image.width - 1, side.image.height - 1),
                                           radius=side.px(3.2), fill=255)
    target.rect(x - 0.3, y - 0.3, x + CARD[0] * scale + 0.3, y + CARD[1] * scale + 0.3, outline=(90, 90, 90),
                width=0.3)
    target.image.paste(side.image, (target.px(x), target.px(y)), mask)
    target.pieces.extend((y + py * scale, x + px * scale, text) for py, px, text in side.pieces)


def certified_copy(doc: Doc, dpi: int, rng: random.Random) -> Page:
    s = doc.show
    page = Page(210, 297, dpi)
    side_dpi = round(dpi * s["scale"])
    scale = side_dpi / dpi
    width, gap = CARD[0] * scale, 5.0
    left = (210 - 2 * width - gap) / 2
    top = s["top"]
    _paste(page, front(doc, side_dpi, rng), left, top, scale)
    _paste(page, back(doc, side_dpi, rng), left + width + gap, top + rng.uniform(-1.5, 1.5), scale)
    form_extras.photocopy(page, rng)
    ink = form_extras.STAMP_INKS["violet"]
    form_extras.box_stamp(page, 178, top - 9, ["BẢN SAO"], form_extras.STAMP_INKS["red"], rng, pt=13)
    loc: places.Locality = s["cert_loc"]
    y = top + CARD[1] * scale + 18
    x0, x1 = 18.0, 112.0
    lines = [("CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH", "bold", 10.5),
             (f"Số chứng thực: {s['cert_number']}", "regular", 10.5),
             (f"Quyển số: {s['cert_book']}", "regular", 10.5),
             (f"{loc.place}, {date_long(s['certified'])}", "italic", 10.5),
             ("NGƯỜI THỰC HIỆN CHỨNG THỰC", "bold", 10.5), ("(Ký, ghi rõ họ tên và đóng dấu)", "italic", 9.5)]
    yy = y + 6
    for text, style, pt in lines:
        page.text((x0 + x1) / 2, yy, text, style, pt, align="center", color=ink)
        yy += 5.2
    multiply(page, signature_layer(page, rng, 30, 12), (x0 + x1) / 2 - 8 + rng.uniform(-3, 3), yy + 1)
    multiply(page, seal_layer(page, loc.seal_text(), rng, 30.0), x0 + 6 + rng.uniform(-3, 3), yy - 6)
    yy += 22
    page.text((x0 + x1) / 2, yy, s["certifier"], "bold", 11, align="center", color=ink)
    page.rect(x0, y, x1, yy + 4, outline=ink, width=0.5)
    return page


def with_certified_copies(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/id_card.py, with ``card-ban-sao-chung-thuc`` as its certified A4 copy."""

    def dispatch(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
        if doc.family not in FAMILIES:
            return draw(doc, dpi, rng)
        return [certified_copy(doc, dpi, rng)]

    return dispatch
