"""Size limits on every decoded image, checked from its header (an image file, a TIFF frame) or its stream's
dictionary (an image in a PDF) before any pixel is decoded, so that a decompression bomb is a refusal (BadInput,
exit 2) and no input takes more than about 600 MB (docs/architecture.md, "Limits").

Three limits, from the cheapest check to the last:

- ``Limits.max_pixels`` (pipeline.config): no image, wherever it comes from, has more pixels;
- ``MAX_DECODED_BYTES``: no image is decoded whole into more memory than this (Pillow's storage, with the copy
  that reducing it needs); a JPEG is decoded at 1/2, 1/4 or 1/8 of its size when that is enough;
- ``MAX_WORK_PIXELS``: a page larger than this is reduced to it before preprocessing and OCR (its resolution,
  and so the dpi recorded for it, goes down by the same factor). Preprocessing and OCR take about 21 bytes per
  pixel on top of ~160 MB: an A3 page at 300 dpi (17.4 Mpx) takes 520 MB.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pipeline.config import Limits
from pipeline.errors import BadInput

MAX_DECODED_BYTES = 272 * 2**20  # an A3 page at 600 dpi in colour (70 Mpx) is 266 MiB
MAX_WORK_PIXELS = 18_000_000

# Bytes per pixel that Pillow's storage takes for a mode (RGB is stored in four bytes), plus the copy made before
# reducing a large image: a bilevel image is turned into greys and a palette image into colours first.
_PIL_BYTES = {"1": 2, "L": 1, "P": 5, "I;16": 2, "I;16L": 2, "I;16B": 2, "I;16N": 2}
_PIL_BYTES_DEFAULT = 4

def _megapixels(pixels: float) -> str:
    return f"{pixels / 1e6:.0f} megapixels"


def check_pixels(path: str | Path, width: int, height: int, limits: Limits, what: str = "image") -> None:
    """Refuses an image whose declared size is not a size, or has more pixels than ``limits.max_pixels``."""
    if width <= 0 or height <= 0:
        raise BadInput(path, f"corrupt {what}: its size is {width}×{height} pixels")
    if width * height > limits.max_pixels:
        raise BadInput(path, f"{what} too large ({width}×{height} pixels; limit {_megapixels(limits.max_pixels)})")


def decoded_bytes(mode: str, width: int, height: int) -> int:
    """The memory that decoding an image of this Pillow mode and size takes (and reducing it, if it is large)."""
    return width * height * _PIL_BYTES.get(mode, _PIL_BYTES_DEFAULT)


def tiff_strip_bytes(tags: Mapping[int, Any], width: int, height: int) -> int:
    """The buffer one strip (or tile) of a TIFF frame is decoded into before Pillow copies it: a compressed TIFF
    is read through libtiff a strip or a tile at a time, and a frame may be one strip."""
    bits = tags.get(258, (1,))
    bits_per_pixel = sum(bits) if isinstance(bits, tuple) else int(bits) * int(tags.get(277, 1))
    if 322 in tags and 323 in tags:
        return int(tags[322]) * int(tags[323]) * bits_per_pixel // 8
    rows = min(int(tags.get(278, height)), height)
    return rows * ((width * bits_per_pixel + 7) // 8)


def check_decoded(path: str | Path, mode: str, width: int, height: int, what: str = "image",
                  buffer: int = 0) -> None:
    """Refuses an image that would take more than ``MAX_DECODED_BYTES`` decoded (deep or many-channel samples),
    with the ``buffer`` its decoder fills first (a TIFF strip)."""
    need = decoded_bytes(mode, width, height) + buffer
    if need > MAX_DECODED_BYTES:
        raise BadInput(path, f"{what} too large to decode ({width}×{height} pixels in mode {mode}: "
                             f"{need / 2**20:.0f} MB; limit {MAX_DECODED_BYTES / 2**20:.0f} MB)")


def work_size(width: int, height: int) -> tuple[int, int] | None:
    """The size a page of ``width``×``height`` pixels is processed at when it is larger than ``MAX_WORK_PIXELS``
    (the same shape, reduced), or None when it is processed at its own size."""
    if width * height <= MAX_WORK_PIXELS:
        return None
    factor = math.sqrt(MAX_WORK_PIXELS / (width * height))
    return max(1, int(width * factor)), max(1, int(height * factor))


def pdf_images(pdf: object) -> Iterator[tuple[int, int, int]]:
    """(object number, /Width, /Height) of every image stream of a PDF: on its pages, in forms, patterns, fonts,
    annotations and soft masks alike (every object of the file is looked at, from its dictionary only)."""
    import pikepdf

    for obj in pdf.objects:  # type: ignore[attr-defined]
        if not isinstance(obj, pikepdf.Stream) or obj.get("/Subtype") != pikepdf.Name.Image:
            continue
        width, height = obj.get("/Width"), obj.get("/Height")
        if not isinstance(width, int | pikepdf.Object) or not isinstance(height, int | pikepdf.Object):
            raise ValueError(f"image object {obj.objgen[0]} has no /Width or /Height")
        yield obj.objgen[0], int(width), int(height)


def check_pdf_images(path: str | Path, pdf: object, limits: Limits) -> None:
    """Refuses a PDF holding an image (anywhere in it) with more pixels than ``limits.max_pixels``."""
    for number, width, height in pdf_images(pdf):
        check_pixels(path, width, height, limits, what=f"image in the PDF (object {number})")
