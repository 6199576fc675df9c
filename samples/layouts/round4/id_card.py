"""Round-4 ID cards:

- ``card-cmnd-tt57``: the 12-digit "GIẤY CHỨNG MINH NHÂN DÂN" in the print of Circular 57/2013/TT-BCA (2014–2016):
  pale blue security print, the number in red under the title, "Họ và tên" with the name on the line below,
  "Ngày, tháng, năm sinh", "Giới tính" and "Dân tộc" on one line, "Quê quán" and "Nơi thường trú" (not
  "Nguyên quán" / "Nơi ĐKHK thường trú"), "Có giá trị đến" (15 years) under the photo; on the back the text
  at the left ("Đặc điểm nhân dạng", "Ngày … tháng … năm …", the provincial police director) and the two
  fingerprint boxes at the right. No nationality is printed.
- ``card-vneid-print``: no card at all but the electronic identity of the VNeID application (identification
  account level 2), two phone screenshots printed side by side on an A4 sheet: "Thông tin công dân" (a list of
  grey labels with the values under them: personal number, name, date of birth, sex, nationality, ethnicity,
  place of origin, permanent residence) and "Thẻ Căn cước" (the card's picture, its QR code, the dates of issue
  and expiry, the issuing department).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts.card_parts import CARD, RED, emblem, expiry_text, fingerprints, guilloche, photo, qr
from samples.stamp import multiply, seal_layer, signature_layer
from samples.vntext import date_figures

FAMILIES = {"card-cmnd-tt57": "tuning", "card-vneid-print": "tuning"}
TT57_ISSUED = (date(2014, 1, 15), date(2016, 6, 30))
VNEID_ISSUED = (date(2021, 7, 1), date(2026, 10, 31))
BLUE = (120, 150, 200)
SEAL = "CÔNG AN TỈNH QUẢNG NINH * GIÁM ĐỐC"
SCREEN = (90.0, 190.0)
APP_RED = (198, 28, 36)
GREY = (110, 110, 118)
Draw = Callable[[Doc, int, random.Random], list[Page]]


# -- card-cmnd-tt57 ----------------------------------------------------------------------------------
def tt57_front(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    guilloche(page, BLUE, rng, paper=(234, 240, 250))
    emblem(page, 9.5, 9.5, 6.5)
    page.text(50, 5.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 6.2, align="center")
    page.text(50, 7.9, "Độc lập - Tự do - Hạnh phúc", "bold", 5.9, align="center")
    page.text(50, 12.6, "GIẤY CHỨNG MINH NHÂN DÂN", "bold", 8.6, align="center", color=RED)
    page.text(37, 17.2, "Số:", "bold", 7.0, color=RED, record=False)
    page.text(42.5, 17.4, f["personal_id"], "bold", 10.0, color=RED, record=False)
    page.record(f"Số: {f['personal_id']}", 37, 17.2)
    photo(page, 3.0, 18.5, 20.0, 41.5, rng, backdrop=(226, 232, 244))
    page.text(2.6, 45.6, "Có giá trị đến:", "regular", 5.4)
    page.text(2.6, 49.2, expiry_text(f["expiry_date"]), "bold", 6.4)
    value = "typewriterbold" if doc.show["typed"] else "bold"
    page.text(23, 21.4, "Họ và tên:", "regular", 6.2)
    page.text(23, 24.8, f["full_name"], value, 7.8)
    born = date_figures(date.fromisoformat(f["date_of_birth"]))
    y = _inline(page, 23, 28.6, "Ngày, tháng, năm sinh", born, value)
    _inline(page, 23, y, "Giới tính", people.sex_label(f["sex"]), value)
    _inline(page, 50, y, "Dân tộc", doc.show["ethnicity"], value)
    y = _inline(page, 23, y + 3.2, "Quê quán", f["place_of_origin"], value)
    _inline(page, 23, y, "Nơi thường trú", f["residence"], value)
    return page


def _inline(page: Page, x: float, y: float, label: str, value: str, style: str, x_end: float = 83.5) -> float:
    """``Label:`` and the value after it, continuing from x. Returns the baseline after the value."""
    end = page.text(x, y, f"{label}:", "regular", 6.2, record=False)
    lines = page.wrap(value, x_end - end - 1.2, x_end - x, style, 6.2)
    page.text(end + 1.2, y, lines[0], style, 6.2, record=False)
    page.record(f"{label}: {lines[0]}", x, y)
    for text in lines[1:]:
        y += 2.8
        page.text(x, y, text, style, 6.2)
    return y + 3.2


def tt57_back(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    guilloche(page, BLUE, rng, paper=(234, 240, 250))
    page.text(4, 6.0, "Đặc điểm nhân dạng:", "bold", 6.2)
    for k, text in enumerate(page.wrap(doc.show["mark"], 48, 48, "regular", 6.2)):
        page.text(4, 9.4 + 3.2 * k, text, "regular", 6.2)
    issued = date.fromisoformat(f["issue_date"])
    page.text(27, 20.5, f"Ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}", "italic", 6.2,
              align="center")
    page.text(27, 24.0, "GIÁM ĐỐC CÔNG AN TỈNH QUẢNG NINH", "bold", 5.6, align="center")
    multiply(page, signature_layer(page, rng, 18, 8), 20, 28)
    multiply(page, seal_layer(page, SEAL, rng, 14), 8, 25.5)
    page.text(27, 45.5, doc.show["signer"], "bold", 6.2, align="center")
    fingerprints(page, 55, 6.0, ("Ngón trỏ trái", "Ngón trỏ phải"), box=(12.5, 17.0), gap=1.8, pt=4.2)
    return page


# -- card-vneid-print ----------------------------------------------------------------------------------
def _screen(doc: Doc, dpi: int, heading: str, rng: random.Random) -> tuple[Page, float]:
    """A phone screen of the VNeID application: the status bar, the red title bar. Returns the page and the y
    where the content starts."""
    page = Page(*SCREEN, dpi, paper=(246, 246, 248))
    page.rect(0, 0, SCREEN[0], 25, outline=None, fill=APP_RED)
    clock = doc.show.setdefault("clock", f"{rng.randint(7, 21):02d}:{rng.randint(0, 58):02d}")
    page.text(5, 6.5, clock, "sansbold", 8, color=(255, 255, 255), record=False)
    page.rect(SCREEN[0] - 13, 3.8, SCREEN[0] - 5, 7.0, outline=(255, 255, 255), width=0.3)
    page.rect(SCREEN[0] - 12.4, 4.4, SCREEN[0] - 12.4 + rng.uniform(2, 7), 6.4, outline=None, fill=(255, 255, 255))
    page.text(5, 19, "‹", "sansbold", 18, color=(255, 255, 255), record=False)
    page.text(SCREEN[0] / 2, 18.5, heading, "sansbold", 11, align="center", color=(255, 255, 255))
    return page, 33.0


def _item(page: Page, y: float, label: str, value: str) -> float:
    """A list item: the grey label, the value under it, a thin rule. Returns the next label's baseline."""
    page.text(6, y, label, "sans", 8.0, color=GREY)
    y += 5.2
    for text in page.wrap(value, SCREEN[0] - 12, SCREEN[0] - 12, "sansbold", 9.0):
        page.text(6, y, text, "sansbold", 9.0)
        y += 4.6
    page.hline(6, SCREEN[0] - 6, y - 1.8, 0.15, (210, 210, 215))
    return y + 3.6


def vneid_front(doc: Doc, dpi: int, rng: random.Random) -> Page:
    """The "Thông tin công dân" screen."""
    f = doc.fields
    page, y = _screen(doc, dpi, "Thông tin công dân", rng)
    photo(page, SCREEN[0] / 2 - 9, y - 2, SCREEN[0] / 2 + 9, y + 20, rng, backdrop=(236, 238, 244))
    y += 29
    born = date_figures(date.fromisoformat(f["date_of_birth"]))
    for label, value in (("Số định danh cá nhân", f["personal_id"]), ("Họ và tên", f["full_name"]),
                         ("Ngày sinh", born), ("Giới tính", people.sex_label(f["sex"])),
                         ("Quốc tịch", f["nationality"]), ("Dân tộc", doc.show["ethnicity"]),
                         ("Quê quán", f["place_of_origin"]), ("Nơi thường trú", f["residence"])):
        y = _item(page, y, label, value)
    return page


def vneid_back(doc: Doc, dpi: int, rng: random.Random) -> Page:
    """The "Thẻ Căn cước" screen: the card's picture, the QR code, the dates."""
    f = doc.fields
    page, y = _screen(doc, dpi, "Thẻ Căn cước", rng)
    x0, x1 = 8.0, SCREEN[0] - 8
    page.draw.rounded_rectangle((page.px(x0), page.px(y), page.px(x1), page.px(y + 46)), radius=page.px(3),
                                fill=(214, 224, 240), outline=(170, 180, 200))
    emblem(page, x0 + 9, y + 9, 6)
    page.text((x0 + x1) / 2 + 6, y + 10, "CĂN CƯỚC ĐIỆN TỬ", "sansbold", 10, align="center", color=RED)
    photo(page, x0 + 4, y + 18, x0 + 22, y + 42, rng)
    for k in range(4):
        page.hline(x0 + 27, x1 - 6 - 8 * (k % 2), y + 22 + 5 * k, 1.4, (190, 198, 215))
    y += 54
    page.text(SCREEN[0] / 2, y, "Mã QR", "sans", 8.0, align="center", color=GREY)
    qr(page, doc.show["qr"], SCREEN[0] / 2 - 17, y + 2, 34)
    y += 44
    issued = date_figures(date.fromisoformat(f["issue_date"]))
    for label, value in (("Ngày cấp", issued), ("Ngày hết hạn", expiry_text(f["expiry_date"])),
                         ("Nơi cấp", "Bộ Công an")):
        y = _item(page, y, label, value)
    page.text(SCREEN[0] / 2, y + 2, "Tài khoản định danh điện tử mức 2", "sans", 7.5, align="center",
              color=(40, 120, 60))
    return page


def _paste(target: Page, screen: Page, x: float, y: float) -> None:
    target.rect(x - 0.3, y - 0.3, x + screen.width_mm + 0.3, y + screen.height_mm + 0.3, outline=(180, 180, 180),
                width=0.3)
    target.image.paste(screen.image, (target.px(x), target.px(y)))
    target.pieces.extend((py + y, px + x, text) for py, px, text in screen.pieces)


def print_screens(doc: Doc, dpi: int, rng: random.Random) -> Page:
    """The two screenshots printed side by side on A4 (the information screen on the left), in colour or grey."""
    page = Page(210, 297, dpi)
    top = rng.uniform(18, 60)
    _paste(page, vneid_front(doc, dpi, rng), rng.uniform(10, 14), top)
    _paste(page, vneid_back(doc, dpi, rng), rng.uniform(106, 110), top + rng.uniform(-2, 2))
    if doc.show["grey"]:
        page.image.paste(page.image.convert("L").convert("RGB"))
    return page


def with_screens(draw: Draw) -> Draw:
    """``draw`` of samples/layouts/id_card.py, with ``card-vneid-print`` printed as two screenshots."""

    def dispatch(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
        if doc.family != "card-vneid-print":
            return draw(doc, dpi, rng)
        doc.show.setdefault("grey", rng.random() < 0.4)
        return [print_screens(doc, dpi, rng)]

    return dispatch
