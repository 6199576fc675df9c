"""The ID card: the 2021 chip "Căn cước công dân" and the 2024 "Thẻ căn cước", front and back.

Bilingual labels, a photo box, a patterned background, the QR code
``CCCD|old CMND|name|ddmmyyyy|sex|address|issue date ddmmyyyy``, and the MRZ on the back. The card is shown
either as a card image (both sides on a scanner bed) or as a photocopy of both sides on an A4 page.

On the 2024 card "Quê quán" is replaced by "Nơi đăng ký khai sinh": the truth's ``place_of_origin`` then holds
that printed value.
"""

from __future__ import annotations

import math
import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import segno
from PIL import Image, ImageDraw

from samples import idnumbers, people, places
from samples.canvas import Page
from samples.doc import Doc
from samples.stamp import multiply, seal_layer, signature_layer
from samples.vntext import date_figures

CARD = (85.6, 53.98)
RED = (200, 30, 35)
VARIANTS = {"cccd-2021": (date(2021, 1, 15), date(2024, 6, 30)), "cancuoc-2024": (date(2024, 7, 1), date(2026, 10, 31))}
MARKS = ["Nốt ruồi C:1cm trên trước đầu lông mày trái", "Sẹo chấm C:2cm dưới sau cánh mũi phải",
         "Nốt ruồi C:1,5cm dưới sau mép phải", "Sẹo chấm C:1cm trên sau đuôi mắt trái"]


@dataclass(frozen=True)
class Holder:
    """The person an ID card is made for."""

    name: str
    sex: str
    born: date
    personal_id: str | None = None
    residence: str | None = None


def expiry(born: date, issued: date) -> date | None:
    """Valid to the 25th, 40th or 60th birthday; cards issued after 58 never expire."""
    for limit, until in ((23, 25), (38, 40), (58, 60)):
        if issued < _birthday(born, limit):
            return _birthday(born, until)
    return None


def _birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February
        return born.replace(year=born.year + years, day=28)


def build(rng: random.Random, variant: str | None = None, copy: bool | None = None,
          holder: Holder | None = None) -> Doc:
    """An ID card; ``holder`` makes it the card of a known person (a dossier's certificate holder)."""
    variant = variant or rng.choice(list(VARIANTS))
    start, end = VARIANTS[variant]
    if holder is not None:
        start = max(start, _birthday(holder.born, 14))
        if start > end:
            variant, (start, end) = "cancuoc-2024", VARIANTS["cancuoc-2024"]
            start = max(start, _birthday(holder.born, 14))
    issued = people.random_date(rng, start, end)
    if holder is None:
        born = issued - timedelta(days=365 * 75)
        person = people.make_person(rng, born, issued - timedelta(days=365 * 15), tone=rng.choice(["old", "new"]))
        pid = idnumbers.adult_personal_id(rng, person.born, person.sex)
    else:
        person = people.Person(holder.name, holder.sex, holder.born, "Kinh")
        pid = holder.personal_id or idnumbers.adult_personal_id(rng, holder.born, holder.sex)
    loc = places.locality(rng, issued)
    residence = holder.residence if holder and holder.residence else places.address(rng, loc)
    origin = places.hometown(rng, issued) if variant == "cccd-2021" else \
        places.locality(rng, person.born if person.born < places.REFORM else issued).full()
    expires = expiry(person.born, issued)
    old = idnumbers.old_id_number(rng) if person.born.year < 2000 and rng.random() < 0.8 else ""
    fields = {
        "personal_id": pid, "full_name": person.name, "date_of_birth": person.born.isoformat(), "sex": person.sex,
        "nationality": person.nationality, "place_of_origin": origin, "residence": residence,
        "issue_date": issued.isoformat(), "expiry_date": expires.isoformat() if expires else None,
    }
    qr = "|".join([pid, old, person.name.title(), person.born.strftime("%d%m%Y"), people.sex_label(person.sex),
                   residence, issued.strftime("%d%m%Y")])
    show = {"qr": qr, "mark": rng.choice(MARKS), "copy": rng.random() < 0.5 if copy is None else copy,
            "signer": rng.choice(["Tô Văn Huệ", "Nguyễn Ngọc Lâm", "Trần Văn Hòa"]), "old_id": old}
    return Doc("citizen_id_card", variant, fields, show=show)


def _ascii(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def mrz(doc: Doc) -> list[str]:
    f = doc.fields
    pid = f["personal_id"]
    born = date.fromisoformat(f["date_of_birth"])
    exp = date.fromisoformat(f["expiry_date"]) if f["expiry_date"] else None
    names = _ascii(f["full_name"]).split()
    line3 = (names[0] + "<<" + "<".join(names[1:]))[:30].ljust(30, "<")
    line1 = f"IDVNM{pid[3:]}0{pid}<<0"[:30].ljust(30, "<")
    line2 = f"{born:%y%m%d}0{'M' if f['sex'] == 'male' else 'F'}{exp:%y%m%d}" if exp else \
        f"{born:%y%m%d}0{'M' if f['sex'] == 'male' else 'F'}991231"
    line2 = (line2 + "0VNM").ljust(29, "<") + "0"
    return [line1, line2, line3]


def _background(page: Page, tint: tuple[int, int, int], rng: random.Random) -> None:
    w, h = page.image.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) / page.px(1)
    phase = rng.uniform(0, 6.28)
    wave = np.sin(xx * 0.9 + 2.5 * np.sin(yy * 0.35 + phase)) * np.cos(yy * 0.7 - 1.5 * np.sin(xx * 0.2))
    ring = np.sin(np.hypot(xx - 55, yy - 30) * 1.4)
    mix = (0.5 + 0.25 * wave + 0.25 * ring)[..., None]
    base = np.array(tint, dtype=np.float32)
    light = 255 - (255 - base) * 0.35
    arr = light * (1 - mix * 0.5) + base * (mix * 0.5)
    page.image.paste(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)))


def _emblem(page: Page, cx: float, cy: float, r: float) -> None:
    d = page.draw
    x, y, rr = page.px(cx), page.px(cy), page.px(r)
    d.ellipse((x - rr, y - rr, x + rr, y + rr), fill=(220, 170, 40))
    d.ellipse((x - rr * 0.82, y - rr * 0.82, x + rr * 0.82, y + rr * 0.82), fill=RED)
    pts = []
    for i in range(10):
        radius = rr * (0.55 if i % 2 == 0 else 0.22)
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((x + radius * math.cos(a), y + radius * math.sin(a)))
    d.polygon(pts, fill=(250, 215, 60))


def _photo(page: Page, x0: float, y0: float, x1: float, y1: float, rng: random.Random) -> None:
    page.rect(x0, y0, x1, y1, outline=(120, 120, 130), fill=(225, 232, 240), width=0.2)
    cx = (x0 + x1) / 2
    tone = rng.randint(60, 110)
    page.draw.ellipse((page.px(cx - 4.2), page.px(y0 + 4), page.px(cx + 4.2), page.px(y0 + 14.5)),
                      fill=(tone + 90, tone + 70, tone + 50))
    page.draw.ellipse((page.px(cx - 4.6), page.px(y0 + 3.2), page.px(cx + 4.6), page.px(y0 + 8.5)),
                      fill=(tone - 40, tone - 45, tone - 45))
    page.draw.chord((page.px(x0 + 1), page.px(y0 + 15), page.px(x1 - 1), page.px(y1 + 10)), 180, 360,
                    fill=(tone - 20, tone - 10, tone + 20))


def _qr(page: Page, data: str, x: float, y: float, size_mm: float) -> None:
    qr = segno.make(data, error="m", micro=False)
    rows = list(qr.matrix)
    n = len(rows) + 8
    module = page.px(size_mm) / n
    page.rect(x, y, x + size_mm, y + size_mm, outline=None, fill=(255, 255, 255))
    ox, oy = page.px(x) + 4 * module, page.px(y) + 4 * module
    for r, row in enumerate(rows):
        for c, bit in enumerate(row):
            if bit:
                x0, y0 = round(ox + c * module), round(oy + r * module)
                x1, y1 = max(x0, round(ox + (c + 1) * module) - 1), max(y0, round(oy + (r + 1) * module) - 1)
                page.draw.rectangle((x0, y0, x1, y1), fill=0)


def _national(page: Page) -> None:
    page.text(47, 5.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "sansbold", 6.2, align="center")
    page.text(47, 7.9, "Độc lập - Tự do - Hạnh phúc", "sansbold", 5.8, align="center")
    page.text(47, 10.6, "SOCIALIST REPUBLIC OF VIET NAM", "sans", 5.2, align="center")
    page.text(47, 13.1, "Independence - Freedom - Happiness", "sans", 5.2, align="center")
    _emblem(page, 8.5, 9, 5.6)


def _label_value(page: Page, x: float, y: float, label: str, value: str, x_end: float = 83,
                 pt: float = 6.0, value_pt: float = 7.2, gap: float = 3.4) -> float:
    """'Label / English:' in small type, the value after it on the same line (continuing below)."""
    end = page.text(x, y, label + ":", "sans", pt, record=False)
    lines = page.wrap(value, x_end - end - 1, x_end - x, "sansbold", value_pt)
    page.text(end + 1, y, lines[0], "sansbold", value_pt, record=False)
    page.record(f"{label}: {lines[0]}", x, y)
    for line in lines[1:]:
        y += gap
        page.text(x, y, line, "sansbold", value_pt)
    return y + gap + 0.2


def _front(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    _background(page, (150, 200, 195) if doc.variant == "cccd-2021" else (165, 190, 225), rng)
    _national(page)
    born = date_figures(date.fromisoformat(f["date_of_birth"]))
    sex = people.sex_label(f["sex"])
    if doc.variant == "cccd-2021":
        _qr(page, doc.show["qr"], 71.5, 1.5, 12.5)
        page.text(47, 18.5, "CĂN CƯỚC CÔNG DÂN", "sansbold", 9.5, align="center", color=RED)
        page.text(47, 21.3, "Citizen Identity Card", "sans", 5.5, align="center")
        _photo(page, 3, 21, 20.5, 44, rng)
        page.text(24, 25.2, "Số / No.:", "sans", 6.5)
        page.text(36, 25.5, f["personal_id"], "sansbold", 10, color=(10, 10, 10))
        page.text(24, 28.4, "Họ và tên / Full name:", "sans", 6.0)
        page.text(24, 31.8, f["full_name"], "sansbold", 8.5)
        y = _label_value(page, 24, 35.0, "Ngày sinh / Date of birth", born, gap=3.0)
        page.text(24, y, f"Giới tính / Sex: {sex}", "sans", 6.0)
        page.text(50, y, f"Quốc tịch / Nationality: {f['nationality']}", "sans", 6.0)
        y = _label_value(page, 24, y + 3.1, "Quê quán / Place of origin", f["place_of_origin"], value_pt=6.5,
                         gap=2.9)
        _label_value(page, 24, y, "Nơi thường trú / Place of residence", f["residence"], value_pt=6.5, gap=2.9)
        expiry_text = date_figures(date.fromisoformat(f["expiry_date"])) if f["expiry_date"] else "Không thời hạn"
        page.text(2.5, 47.2, "Có giá trị đến:", "sans", 5.0)
        page.text(2.5, 49.4, "Date of expiry", "sans", 5.0)
        page.text(2.5, 52.0, expiry_text, "sansbold", 6.0)
    else:
        page.text(47, 18.5, "CĂN CƯỚC", "sansbold", 10.5, align="center", color=RED)
        page.text(47, 21.3, "IDENTITY CARD", "sans", 5.5, align="center")
        _photo(page, 3, 20, 21, 44, rng)
        page.text(24, 25.5, "Số định danh cá nhân / Personal identification number:", "sans", 5.3)
        page.text(24, 30, f["personal_id"], "sansbold", 10.5)
        page.text(24, 33.6, "Họ, chữ đệm và tên khai sinh / Full name:", "sans", 5.5)
        page.text(24, 37.2, f["full_name"], "sansbold", 8.5)
        y = _label_value(page, 24, 41, "Ngày, tháng, năm sinh / Date of birth", born)
        page.text(24, y, f"Giới tính / Sex: {sex}", "sans", 6.0)
        page.text(50, y, f"Quốc tịch / Nationality: {f['nationality']}", "sans", 6.0)
    return page


def _back(doc: Doc, dpi: int, rng: random.Random) -> Page:
    f = doc.fields
    page = Page(*CARD, dpi)
    _background(page, (170, 195, 200) if doc.variant == "cccd-2021" else (185, 195, 225), rng)
    issued = date_figures(date.fromisoformat(f["issue_date"]))
    if doc.variant == "cccd-2021":
        page.text(3, 5, "Đặc điểm nhân dạng / Personal identification:", "sans", 5.5)
        page.text(3, 8.2, doc.show["mark"], "sansbold", 6.2)
        for i, label in enumerate(["Ngón trỏ trái", "Ngón trỏ phải"]):
            x = 56 + i * 14.5
            page.rect(x, 2.5, x + 13, 19, outline=(110, 110, 120), fill=(238, 238, 238), width=0.15)
            for k in range(7):
                page.draw.arc((page.px(x + 2 + k * 0.5), page.px(4 + k * 0.7), page.px(x + 11 - k * 0.5),
                               page.px(17 - k * 0.6)), 200, 340, fill=(90, 90, 95), width=max(1, page.px(0.2)))
            page.text(x + 6.5, 21.5, label, "sans", 4.2, align="center", record=False)
        page.text(3, 13.5, f"Ngày, tháng, năm / Date, month, year: {issued}", "sans", 6.0)
        page.text(27, 17.2, "CỤC TRƯỞNG CỤC CẢNH SÁT", "sansbold", 5.6, align="center")
        page.text(27, 19.8, "QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI", "sansbold", 5.6, align="center")
        sig_y, name_y = 20.5, 33.5
    else:
        _qr(page, doc.show["qr"], 2, 2, 14)
        y = _label_value(page, 18, 4.5, "Nơi cư trú / Place of residence", f["residence"], x_end=84)
        y = _label_value(page, 18, y, "Nơi đăng ký khai sinh / Place of birth", f["place_of_origin"], x_end=84)
        page.text(18, y, f"Ngày, tháng, năm cấp / Date of issue: {issued}", "sans", 5.8)
        expiry_text = date_figures(date.fromisoformat(f["expiry_date"])) if f["expiry_date"] else "Không thời hạn"
        page.text(18, y + 3.4, f"Ngày, tháng, năm hết hạn / Date of expiry: {expiry_text}", "sans", 5.8)
        page.text(60, y + 7.5, "BỘ CÔNG AN", "sansbold", 6, align="center")
        page.text(60, y + 10, "MINISTRY OF PUBLIC SECURITY", "sans", 4.8, align="center")
        sig_y, name_y = y + 10.5, y + 20
    cx = 27 if doc.variant == "cccd-2021" else 60
    multiply(page, signature_layer(page, rng, 20, 8), cx - 8, sig_y + 1)
    multiply(page, seal_layer(page, "BỘ CÔNG AN * CỤC CẢNH SÁT QLHC VỀ TTXH", rng, 13), cx - 13, sig_y)
    page.text(cx, name_y, doc.show["signer"], "sansbold", 6.2, align="center")
    for i, line in enumerate(mrz(doc)):
        page.text(4, 44.5 + i * 3.6, line, "sans", 7.6, color=(30, 30, 30))
    return page


def _paste_card(target: Page, card: Page, x: float, y: float) -> None:
    mask = Image.new("L", card.image.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, card.image.width - 1, card.image.height - 1),
                                           radius=card.px(3.2), fill=255)
    shadow = Image.new("RGB", card.image.size, (150, 150, 150))
    target.image.paste(shadow, (target.px(x + 0.4), target.px(y + 0.5)), mask)
    target.image.paste(card.image, (target.px(x), target.px(y)), mask)
    target.pieces.extend((py + y, px + x, text) for py, px, text in card.pieces)


def draw(doc: Doc, dpi: int, rng: random.Random) -> list[Page]:
    front, back = _front(doc, dpi, rng), _back(doc, dpi, rng)
    if doc.show["copy"]:
        page = Page(210, 297, dpi)
        x = rng.uniform(50, 68)
        _paste_card(page, front, x, 24 + rng.uniform(0, 6))
        _paste_card(page, back, x, 90 + rng.uniform(0, 8))
        return [page]
    page = Page(CARD[0] + 16, CARD[1] * 2 + 22, dpi, paper=(232, 232, 228))
    _paste_card(page, front, 8, 7)
    _paste_card(page, back, 8, CARD[1] + 15)
    return [page]
