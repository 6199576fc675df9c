"""Round-8 ID card ``card-cccd-2016-photo-a4``: the photocopy of a chip-less "Căn cước công dân" (2016–2020)
that dossiers ask for: both sides copied on one A4 portrait sheet, the front above the back in the upper half
(the card laid on the glass twice), each side a little turned on its own, grey tones, no stamp or certification
and nothing else on the sheet but an applicant's handwritten-looking note "Bản photo" at the top right.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import date

from PIL import Image, ImageDraw

from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import card_cccd, form_extras
from samples.layouts.card_parts import CARD
from samples.layouts.common import A4, adjusting
from samples.layouts.round6.kit import Draw, dispatching

FAMILIES = {"card-cccd-2016-photo-a4": "tuning"}
ISSUED = (date(2016, 1, 1), date(2020, 12, 31))
front, back = card_cccd.front_2016, card_cccd.back_2016
Build = Callable[..., Doc]


def _placed(doc: Doc, rng: random.Random) -> None:
    """Always a copy; where each side lies on the glass and how it is turned."""
    doc.show |= {"copy": True, "sides_at": [(rng.uniform(45, 70), rng.uniform(22, 34), rng.uniform(-2.0, 2.0)),
                                            (rng.uniform(45, 70), rng.uniform(92, 104), rng.uniform(-2.0, 2.0))],
                 "note": rng.random() < 0.5}


def with_placements(build: Build) -> Build:
    """``build`` of samples/layouts/id_card.py; a ``card-cccd-2016-photo-a4`` card is copied on A4."""
    return adjusting(build, FAMILIES, _placed)


def paste_turned(target: Page, side: Page, x: float, y: float, degrees: float) -> None:
    """Paste a side with its top left corner near (x, y), turned ``degrees`` anticlockwise about its centre;
    its text moves with it."""
    mask = Image.new("L", side.image.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, side.image.width - 1, side.image.height - 1),
                                           radius=side.px(3.2), fill=255)
    image = side.image.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(255, 255, 255))
    mask = mask.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True)
    outline = Image.new("RGB", image.size, (110, 110, 110))
    shrunk = mask.point(lambda v: 255 if v > 250 else 0)
    target.image.paste(outline, (target.px(x), target.px(y)), mask)
    target.image.paste(image, (target.px(x), target.px(y)), shrunk)
    mm = 25.4 / target.dpi
    cx, cy = CARD[0] / 2, CARD[1] / 2
    ox, oy = x + image.width * mm / 2, y + image.height * mm / 2
    turn = math.radians(degrees)
    for py, px, text in side.pieces:
        dx, dy = px - cx, py - cy
        target.pieces.append((oy - dx * math.sin(turn) + dy * math.cos(turn),
                              ox + dx * math.cos(turn) + dy * math.sin(turn), text))


def photocopy_sheet(doc: Doc, dpi: int, rng: random.Random) -> Page:
    page = Page(*A4, dpi)
    for (x, y, degrees), side in zip(doc.show["sides_at"], (front, back), strict=True):
        paste_turned(page, side(doc, dpi, rng), x, y, degrees)
    if doc.show["note"]:
        page.text(150, 14, "Bản photo", "bolditalic", 13, color=(25, 45, 150))
    form_extras.photocopy(page, rng)
    return page


def with_photocopies(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/id_card.py, with ``card-cccd-2016-photo-a4`` as its A4 photocopy."""
    return dispatching(draw, FAMILIES, lambda doc, dpi, rng: [photocopy_sheet(doc, dpi, rng)])
