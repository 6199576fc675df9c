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
from samples.vntext import WordStyle, date_in_words, date_long, nfc

KINDS = ("crop", "spread", "photo")
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


def _write_truth(path: Path, kind: str, fmt: str, pages: list[dict[str, Any]], documents: list[dict]) -> None:
    truth = {"source": path.name, "tier": kind, "format": fmt, "pages": pages, "documents": documents}
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


WRITERS = {"crop": write_crop, "spread": write_spread, "photo": write_photo}


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
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated: crop,spread,photo")
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
