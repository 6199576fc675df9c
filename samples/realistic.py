"""Images as officers really have them, with their truth: ``python -m samples.realistic --out DIR --seed N``.

Three kinds, each its own ``tier`` in the truth file (so that ``sohoa eval`` reports each kind's CER):

- ``crop``: a crop or screenshot of printed Vietnamese text, 1–15 lines, 600–900 px wide, recorded at 72 dpi
  or with no resolution at all; black on white, coloured text on a coloured band, white text on a dark band,
  or an RGBA image whose background is transparent. No documents, only page text.
- ``spread``: a book scanned open: two portrait pages (drawn by the sample layouts) side by side in one image,
  the inner edges curled towards the gutter and darkened by its shadow. The truth has two pages, one
  document on each.
- ``photo``: a phone photo of a paper on a desk: the page seen at an angle (perspective), uneven light, a
  little blur, JPEG, 72 dpi recorded (as phones do) or none. One page, its document.
- ``card``: one side of an ID card photographed at the counter, as it comes: on a table or in a hand, seen at
  an angle, turned by any multiple of 90 degrees plus a few, a glare, blur, phone-quality JPEG, the card
  300–600 px wide; the chip cards' background carries fine coloured wavy lines (a guilloche). The truth's
  ``card`` object holds the card's corners in the photo (the upright card's top left first, clockwise), the
  quarter turns that make it upright and how it was photographed.

Deterministic: each file draws from its own random stream seeded by (seed, file name).
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from samples import people, places, writers
from samples.canvas import font_path
from samples.compose import LAYOUTS
from samples.layouts import id_card
from samples.vntext import WordStyle, date_in_words, date_long, nfc

KINDS = ("crop", "spread", "photo", "card")
CROP_STYLES = ("plain", "colour", "inverted", "rgba", "header")
SPREAD_SCHEMAS = ("birth_certificate", "death_extract", "marital_status_confirmation", "marriage_certificate")
PHOTO_SCHEMAS = ("birth_certificate", "death_extract", "marital_status_confirmation", "citizen_id_card")
CROP_FONTS = ("regular", "sans", "bold", "sansbold", "typed")

# Sentences of the kind printed on civil-status papers, notices and guidance sheets; {name}, {place}, {date},
# {address}, {year} are filled from samples.people / samples.places.
SENTENCES = [
    "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014 và Nghị định số 123/2015/NĐ-CP của Chính phủ.",
    "Ủy ban nhân dân {place} xác nhận ông (bà) {name} hiện cư trú tại {address}.",
    "Người yêu cầu đăng ký khai sinh nộp tờ khai theo mẫu và giấy chứng sinh cho cơ quan đăng ký hộ tịch.",
    "Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con.",
    "Ông {name} sinh {date}, quê quán {place}, đã đăng ký thường trú tại {address}.",
    "Giấy xác nhận này có giá trị sử dụng trong thời hạn 06 tháng kể từ ngày cấp.",
    "Bản sao được cấp từ sổ gốc có giá trị sử dụng thay cho bản chính trong các giao dịch.",
    "Họ và tên: {name}. Ngày, tháng, năm sinh: {date_figures}. Nơi cư trú: {address}.",
    "Đề nghị cơ quan có thẩm quyền cấp trích lục khai tử cho bà {name}, mất {date}.",
    "Hồ sơ nộp trực tiếp tại Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân dân {place}.",
    "Công chức tư pháp - hộ tịch kiểm tra hồ sơ, nếu thấy đủ điều kiện thì ghi vào Sổ hộ tịch.",
    "Người đi đăng ký kết hôn phải xuất trình giấy tờ tùy thân còn giá trị sử dụng.",
    "Thời gian giải quyết: ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày "
    "làm việc tiếp theo.",
    "Lệ phí đăng ký khai sinh đúng hạn được miễn theo quy định của Hội đồng nhân dân {province}.",
    "Chứng thực chữ ký của người dịch trong các giấy tờ, văn bản từ tiếng nước ngoài sang tiếng Việt.",
    "Số định danh cá nhân của công dân được xác lập từ Cơ sở dữ liệu quốc gia về dân cư.",
    "Năm {year}, toàn {province} đã đăng ký khai sinh cho hơn mười nghìn trẻ em đúng hạn.",
    "Mọi thắc mắc xin liên hệ số điện thoại đường dây nóng của Sở Tư pháp trong giờ hành chính.",
    "{date_words}, tại trụ sở Ủy ban nhân dân {place}, chúng tôi gồm có:",
    "Bà {name}, dân tộc Kinh, quốc tịch Việt Nam, nơi thường trú: {address}.",
    "Thủ tục cấp bản sao trích lục hộ tịch được thực hiện trực tuyến trên Cổng Dịch vụ công quốc gia.",
    "Khi thay đổi nơi cư trú, công dân phải khai báo với cơ quan đăng ký cư trú trong thời hạn 12 tháng.",
]
# (text, band) colour pairs: dark ink on a light band, and light ink on a dark band.
COLOUR_PAIRS = [((150, 20, 20), (255, 236, 170)), ((20, 60, 150), (205, 228, 250)), ((0, 100, 60), (220, 240, 215)),
                ((120, 40, 120), (245, 225, 240)), ((200, 30, 30), (250, 250, 235))]
DARK_BANDS = [((255, 255, 255), (20, 50, 120)), ((255, 255, 255), (30, 30, 30)), ((255, 240, 160), (150, 20, 20)),
              ((255, 255, 255), (0, 110, 80))]


@dataclass
class Sample:
    name: str
    kind: str
    path: Path


def sentence(rng: random.Random) -> str:
    """One sentence of the bank, filled with a person, a place, a date."""
    when = people.random_date(rng, date(1940, 1, 1), date(2024, 12, 31))
    loc = places.locality(rng, date(2024, 1, 1))
    values = {"name": people.full_name(rng, rng.choice(["male", "female"])), "place": loc.full(),
              "address": places.address(rng, loc), "date": date_long(when),
              "date_figures": f"{when.day:02d}/{when.month:02d}/{when.year}",
              "date_words": date_in_words(when, WordStyle.pick(rng)), "year": str(rng.randint(2015, 2024)),
              "province": places.PROVINCE}
    return nfc(rng.choice(SENTENCES).format(**values))


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def crop_image(rng: random.Random) -> tuple[Image.Image, str, str]:
    """A crop of 1–15 printed lines: the image (RGB, or RGBA for the transparent style), its text, its style."""
    style = rng.choice(CROP_STYLES)
    width = rng.randint(600, 900)
    size = rng.randint(17, 30)
    font = ImageFont.truetype(str(font_path(rng.choice(CROP_FONTS))), size)
    margin = rng.randint(6, 24)
    wanted = rng.randint(1, 15)
    lines: list[str] = []
    while len(lines) < wanted:
        lines.extend(wrap(sentence(rng), font, width - 2 * margin))
    lines = lines[:wanted]
    pitch = int(size * rng.uniform(1.3, 1.7))
    header_lines = rng.randint(1, max(1, len(lines) // 3)) if style == "header" and len(lines) > 1 else 0
    band_gap = size // 2 if header_lines else 0  # the band ends between its last line and the next one
    height = 2 * margin + pitch * len(lines) + size // 3 + band_gap
    ink, paper = (rng.randint(0, 40),) * 3, (255, 255, 255)
    if style == "colour":
        ink, paper = rng.choice(COLOUR_PAIRS)
    elif style == "inverted":
        ink, paper = rng.choice(DARK_BANDS)
    if style == "rgba":
        image = Image.new("RGBA", (width, height), (0, 0, 0, 0))  # a transparent background, black beneath
        ink_rgba = (*ink, 255)
    else:
        image = Image.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(image)
    if header_lines:
        band_ink, band = rng.choice(DARK_BANDS + COLOUR_PAIRS)
        draw.rectangle((0, 0, width, margin + pitch * (header_lines - 1) + size + band_gap), fill=band)
    for i, line in enumerate(lines):
        colour = band_ink if i < header_lines else ink
        fill = ink_rgba if style == "rgba" else colour
        shift = band_gap if i >= header_lines else 0
        draw.text((margin, margin + i * pitch + size + shift), line, font=font, fill=fill, anchor="ls")
    return image, "\n".join(lines), style


def _png(image: Image.Image, dpi: int | None) -> bytes:
    buffer = io.BytesIO()
    if dpi:
        image.save(buffer, "PNG", dpi=(dpi, dpi))
    else:
        image.save(buffer, "PNG")
    return buffer.getvalue()


def _jpeg(image: Image.Image, dpi: int | None, quality: int) -> bytes:
    buffer = io.BytesIO()
    options: dict[str, Any] = {"quality": quality}
    if dpi:
        options["dpi"] = (dpi, dpi)
    image.convert("RGB").save(buffer, "JPEG", **options)
    return buffer.getvalue()


def _page_truth(number: int, dpi: int, text: str) -> dict[str, Any]:
    return {"number": number, "rotation": 0, "skew": 0.0, "dpi": dpi, "text": text}


def _write_truth(path: Path, kind: str, fmt: str, pages: list[dict[str, Any]], documents: list[dict],
                 **extra: Any) -> None:
    truth = {"source": path.name, "tier": kind, "format": fmt, "pages": pages, "documents": documents, **extra}
    writers.write_truth(writers.truth_path(path), truth)


def write_crop(out: Path, name: str, rng: random.Random) -> Path:
    image, text, _ = crop_image(rng)
    dpi = rng.choice([72, None])
    path = out / f"{name}.png"
    path.write_bytes(_png(image, dpi))
    _write_truth(path, "crop", "png", [_page_truth(1, dpi or 72, text)], [])
    return path


def _draw_document(schema: str, rng: random.Random, dpi: int) -> tuple[Any, Image.Image, str]:
    """One single-page document of ``schema`` drawn by its layout at ``dpi``: (Doc, RGB image, page text)."""
    layout = LAYOUTS[schema]
    doc = layout.build(rng)
    page = layout.draw(doc, dpi, rng)[0]
    return doc, page.image.convert("RGB"), page.text_content()


def curl(page: np.ndarray, gutter_on_right: bool, rng: random.Random) -> np.ndarray:
    """A page's inner part lifted towards the gutter (a cylinder): its text lines bend and are squeezed
    horizontally over the last ``reach`` of the width."""
    h, w = page.shape[:2]
    reach = rng.uniform(0.15, 0.3) * w
    bend = rng.uniform(0.01, 0.03) * h  # how far a line's end drops (or rises) at the gutter
    xs = np.arange(w, dtype=np.float32)
    to_gutter = (w - 1 - xs) if gutter_on_right else xs
    t = np.clip(1 - to_gutter / reach, 0, 1)  # 0 outside the curl, 1 at the gutter
    # The surface rises as t**2; seen from above its text is squeezed towards the gutter.
    squeeze = (reach / 3) * t**3
    src_x = xs - squeeze if not gutter_on_right else xs + squeeze
    map_x = np.tile(np.clip(src_x, 0, w - 1), (h, 1))
    ys = np.arange(h, dtype=np.float32)[:, None]
    scale = 1 - 0.03 * t[None, :] ** 2  # the lifted part looks a little shorter
    map_y = (ys - h / 2) / scale + h / 2 - bend * t[None, :] ** 2
    return cv2.remap(page, map_x.astype(np.float32), map_y.astype(np.float32), cv2.INTER_LINEAR,
                     borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255))


def write_spread(out: Path, name: str, rng: random.Random) -> Path:
    dpi = rng.choice([150, 200])
    docs, images, texts = [], [], []
    for side in range(2):
        doc, image, text = _draw_document(rng.choice(SPREAD_SCHEMAS), rng, dpi)
        docs.append(doc)
        images.append(curl(np.asarray(image), gutter_on_right=side == 0, rng=rng))
        texts.append(text)
    gap = rng.randint(0, int(dpi * 0.15))
    h = max(i.shape[0] for i in images)
    spread = np.full((h, images[0].shape[1] + gap + images[1].shape[1], 3), 255, np.uint8)
    spread[: images[0].shape[0], : images[0].shape[1]] = images[0]
    spread[: images[1].shape[0], images[0].shape[1] + gap:] = images[1]
    gutter = images[0].shape[1] + gap / 2
    xs = np.arange(spread.shape[1], dtype=np.float32)
    width = rng.uniform(0.02, 0.05) * spread.shape[1]
    shadow = 1 - rng.uniform(0.35, 0.65) * np.exp(-(((xs - gutter) / width) ** 2))
    paper = np.array([rng.randint(235, 250), rng.randint(228, 245), rng.randint(205, 230)], np.float32) / 255
    shaded = spread.astype(np.float32) * shadow[None, :, None] * paper[None, None, :]
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, 3, shaded.shape)
    result = Image.fromarray(np.clip(shaded + noise, 0, 255).astype(np.uint8))
    path = out / f"{name}.jpg"
    path.write_bytes(_jpeg(result, dpi, 85))
    pages = [_page_truth(i + 1, dpi, texts[i]) for i in range(2)]
    _write_truth(path, "spread", "jpeg", pages, [docs[i].truth([i + 1]) for i in range(2)])
    return path


def photo_of(page: np.ndarray, rng: random.Random) -> np.ndarray:
    """``page`` lying on a desk, photographed at an angle: a perspective view with some desk around it, uneven
    light and a little blur."""
    h, w = page.shape[:2]
    border = int(0.12 * max(h, w))
    out_w, out_h = w + 2 * border, h + 2 * border
    jitter = 0.07
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    target = np.float32([[border + rng.uniform(-jitter, jitter) * w, border + rng.uniform(-jitter, jitter) * h]
                         for _ in range(4)])
    target += np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(corners, target)
    desk_colour = np.array([rng.randint(60, 140), rng.randint(50, 110), rng.randint(30, 90)], np.float32)
    desk = np.random.default_rng(rng.randrange(2**32)).normal(0, 8, (out_h, out_w, 3)) + desk_colour
    desk = np.clip(desk, 0, 255).astype(np.uint8)
    warped = cv2.warpPerspective(page, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_TRANSPARENT, dst=desk.copy())
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(angle) * xx / out_w + np.sin(angle) * yy / out_h)
    light = 1 - rng.uniform(0.1, 0.3) * (ramp - ramp.min()) / max(float(np.ptp(ramp)), 1e-6)
    lit = warped.astype(np.float32) * light[..., None]
    lit = cv2.GaussianBlur(lit, (0, 0), rng.uniform(0.4, 0.9))
    return np.clip(lit, 0, 255).astype(np.uint8)


def write_photo(out: Path, name: str, rng: random.Random) -> Path:
    schema = rng.choice(PHOTO_SCHEMAS)
    dpi = 400 if schema == "citizen_id_card" else rng.choice([150, 200])
    doc, image, text = _draw_document(schema, rng, dpi)
    photo = photo_of(np.asarray(image), rng)
    recorded = rng.choice([72, None])
    path = out / f"{name}.jpg"
    path.write_bytes(_jpeg(Image.fromarray(photo), recorded, 88))
    _write_truth(path, "photo", "jpeg", [_page_truth(1, dpi, text)], [doc.truth([1])])
    return path


CARD_DPI = 300  # a card side is drawn at this resolution, then photographed down to 300-600 px
CARD_BACKGROUNDS = ("table", "hand")
TABLES = [(120, 85, 55), (160, 120, 80), (70, 70, 75), (190, 190, 185), (40, 45, 60), (150, 60, 40)]
SKINS = [(225, 180, 150), (200, 150, 115), (170, 120, 90), (235, 195, 170)]
GUILLOCHE_INKS = [(210, 120, 150), (110, 160, 200), (120, 180, 140), (200, 160, 90)]


def fine_guilloche(card: np.ndarray, rng: random.Random) -> np.ndarray:
    """Fine coloured wavy lines printed under the card's text (only its pale background takes them)."""
    h, w = card.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) * (25.4 / CARD_DPI)  # mm
    period = rng.uniform(0.5, 0.9)  # mm between lines
    field = (yy + 1.2 * np.sin(xx * rng.uniform(0.25, 0.5) + rng.uniform(0, 6.3))
             + 0.6 * np.sin(xx * rng.uniform(0.8, 1.3))) / period
    lines = np.clip(1 - np.abs(np.sin(np.pi * field)) * 3.0, 0, 1) * rng.uniform(0.35, 0.6)
    ink = np.array(rng.choice(GUILLOCHE_INKS), np.float32)
    pale = (cv2.cvtColor(card, cv2.COLOR_RGB2GRAY) > 170)[..., None]
    printed = card.astype(np.float32) * (1 - lines[..., None]) + ink * lines[..., None]
    return np.where(pale, printed, card).astype(np.uint8)


def _card_background(h: int, w: int, kind: str, rng: random.Random) -> np.ndarray:
    """A table top (a colour with grain) or a hand (skin around the card, a darker room beyond)."""
    noise = np.random.default_rng(rng.randrange(2**32))
    if kind == "table":
        base = np.array(rng.choice(TABLES), np.float32) + np.float32([rng.uniform(-15, 15) for _ in range(3)])
        grain = np.sin(np.arange(h, dtype=np.float32)[:, None] * rng.uniform(0.05, 0.3)
                       + noise.normal(0, 0.3, (1, w))) * rng.uniform(2, 10)
        scene = base[None, None, :] + grain[..., None] + noise.normal(0, 5, (h, w, 3))
    else:
        room = np.array(rng.choice(TABLES), np.float32) * 0.6
        scene = np.broadcast_to(room, (h, w, 3)) + noise.normal(0, 5, (h, w, 3))
        skin = np.array(rng.choice(SKINS), np.float32)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        palm = (((xx - w * rng.uniform(0.4, 0.6)) / (0.45 * w)) ** 2
                + ((yy - h * rng.uniform(0.5, 0.8)) / (0.5 * h)) ** 2)
        hand = cv2.GaussianBlur((palm < 1).astype(np.float32), (0, 0), 3)[..., None]
        shade = 1 - 0.25 * yy[..., None] / h
        scene = scene * (1 - hand) + (skin * shade + noise.normal(0, 4, (h, w, 3))) * hand
    return np.clip(scene, 0, 255).astype(np.float32)


def card_photo(card: np.ndarray, rng: random.Random) -> tuple[np.ndarray, np.ndarray, int, dict[str, Any]]:
    """``card`` (an upright card side, RGB) photographed as it comes: (photo, the card's corners in it from the
    upright card's top left clockwise, the quarter turns clockwise that make it upright, how it was taken)."""
    h, w = card.shape[:2]
    width = rng.randint(300, 600)  # the card's width in the photo
    scale = width / w
    quarters = rng.randrange(4)
    angle = quarters * 90 + rng.uniform(-8, 8)
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]]) * scale
    centre = corners.mean(axis=0)
    rad = np.deg2rad(angle)
    turn = np.float32([[np.cos(rad), -np.sin(rad)], [np.sin(rad), np.cos(rad)]])
    placed = (corners - centre) @ turn.T
    placed += np.float32([[rng.uniform(-0.06, 0.06) * width, rng.uniform(-0.06, 0.06) * width] for _ in range(4)])
    margin = np.float32([rng.uniform(0.1, 0.4) * width, rng.uniform(0.1, 0.4) * width])
    placed -= placed.min(axis=0) - margin
    out_w = int(placed[:, 0].max() + rng.uniform(0.1, 0.4) * width)
    out_h = int(placed[:, 1].max() + rng.uniform(0.1, 0.4) * width)
    background = rng.choice(CARD_BACKGROUNDS)
    scene = _card_background(out_h, out_w, background, rng)
    # Blur before shrinking (as a lens would), then the card and its rounded outline seen in perspective.
    small_card = cv2.GaussianBlur(card, (0, 0), max(0.5, 0.45 / scale))
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, w - 1, h - 1), radius=round(3.2 * CARD_DPI / 25.4), fill=255)
    matrix = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), placed)
    seen = cv2.warpPerspective(small_card, matrix, (out_w, out_h), flags=cv2.INTER_AREA).astype(np.float32)
    alpha = cv2.warpPerspective(np.asarray(mask), matrix, (out_w, out_h), flags=cv2.INTER_AREA)[..., None] / 255.0
    photo = scene * (1 - alpha) + seen * alpha
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    light_angle = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(light_angle) * xx / out_w + np.sin(light_angle) * yy / out_h
    photo *= (1 - rng.uniform(0.05, 0.25) * (ramp - ramp.min()) / max(float(np.ptp(ramp)), 1e-6))[..., None]
    glare = rng.random() < 0.6
    if glare:  # the light's reflection on the card's laminate
        gx, gy = placed.mean(axis=0) + np.float32([rng.uniform(-0.3, 0.3) * width, rng.uniform(-0.2, 0.2) * width])
        spread = rng.uniform(0.06, 0.15) * width
        spot = np.exp(-(((xx - gx) ** 2 + ((yy - gy) * rng.uniform(0.5, 2)) ** 2) / (2 * spread**2)))
        photo += (rng.uniform(60, 140) * spot * alpha[..., 0])[..., None]
    blur = rng.uniform(0.3, 1.1)
    photo = cv2.GaussianBlur(photo, (0, 0), blur)
    photo += np.random.default_rng(rng.randrange(2**32)).normal(0, 3, photo.shape)
    taken = {"background": background, "width": width, "angle": round(angle, 2), "glare": glare,
             "blur": round(blur, 2)}
    return np.clip(photo, 0, 255).astype(np.uint8), placed, (4 - quarters) % 4, taken


def write_card(out: Path, name: str, rng: random.Random) -> Path:
    family = rng.choice([name for name in id_card.FAMILIES if id_card.EDITIONS[name].sides])
    doc = id_card.build(rng, family=family, copy=False)
    edition = id_card.EDITIONS[family]
    side = "front" if rng.random() < 0.75 else "back"
    page = (edition.front if side == "front" else edition.back)(doc, CARD_DPI, rng)
    card = np.asarray(page.image.convert("RGB"))
    patterned = family in ("card-cccd-2021", "card-cccd-2016", "card-cancuoc-2024") or rng.random() < 0.3
    if patterned:
        card = fine_guilloche(card, rng)
    photo, corners, quarters, taken = card_photo(card, rng)
    quality = rng.randint(55, 80)
    recorded = rng.choice([72, None])
    path = out / f"{name}.jpg"
    path.write_bytes(_jpeg(Image.fromarray(photo), recorded, quality))
    truth_page = _page_truth(1, round(taken["width"] / (85.6 / 25.4)), page.text_content())
    truth_page["rotation"] = quarters * 90
    about = {"corners": corners.round(1).tolist(), "side": side, "guilloche": patterned, "jpeg": quality, **taken}
    _write_truth(path, "card", "jpeg", [truth_page], [doc.truth([1])], card=about)
    return path


WRITERS = {"crop": write_crop, "spread": write_spread, "photo": write_photo, "card": write_card}


def generate(out: Path, seed: int, per_kind: int, kinds: tuple[str, ...] = KINDS) -> list[Sample]:
    out.mkdir(parents=True, exist_ok=True)
    samples = []
    for kind in kinds:
        for i in range(1, per_kind + 1):
            name = f"{kind}_{i:03d}"
            rng = random.Random(f"{seed}:realistic:{name}")
            samples.append(Sample(name, kind, WRITERS[kind](out, name, rng)))
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.realistic", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-kind", type=int, default=10, help="files of each kind")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated: crop,spread,photo,card")
    args = parser.parse_args(argv)
    kinds = tuple(k for k in args.kinds.split(",") if k)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        print(f"samples.realistic: không rõ: {', '.join(unknown)}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    samples = generate(args.out, args.seed, args.per_kind, kinds)
    print(f"Đã tạo {len(samples)} tệp trong {args.out} ({time.perf_counter() - start:.1f} giây)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
