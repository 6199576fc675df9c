"""File writers: PNG, JPEG, TIFF (multi-page), image-only PDF (each page image at its dpi), and truth JSON.

Outputs are deterministic for the same images: no timestamps in PDFs, fixed encoder settings.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import img2pdf
from PIL import Image

FORMATS = {"png": ".png", "jpeg": ".jpg", "tiff": ".tif", "pdf": ".pdf"}
MULTI_PAGE = {"tiff", "pdf"}


def _document_palette() -> Image.Image:
    """Greys, seal reds, signature blues, and the green of a framed certificate: all a clean print-out is made
    of."""
    colours: list[int] = []
    for i in range(64):
        v = round(i * 255 / 63)
        colours += [v, v, v]
    for ink in ((205, 35, 45), (25, 45, 150), (120, 40, 95), (70, 70, 75), (120, 170, 120)):
        for i in range(1, 33):
            t = i / 32
            colours += [round(255 - (255 - c) * t) for c in ink]
    palette = Image.new("P", (1, 1))
    palette.putpalette(colours + [0] * (768 - len(colours)))
    return palette


DOCUMENT_PALETTE = _document_palette()


def compact(image: Image.Image, fixed_palette: bool = True) -> Image.Image:
    """A clean page as a palette image (small lossless files): the fixed document palette (fast), or an adaptive
    one for coloured pages such as ID cards."""
    if fixed_palette:
        return image.convert("RGB").quantize(palette=DOCUMENT_PALETTE, dither=Image.Dither.NONE)
    return image.convert("RGB").quantize(128, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


def png_bytes(image: Image.Image, dpi: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG", dpi=(dpi, dpi), compress_level=6)
    return buf.getvalue()


def jpeg_bytes(image: Image.Image, dpi: int, quality: int) -> bytes:
    buf = io.BytesIO()
    image = image if image.mode in ("RGB", "L") else image.convert("RGB")
    image.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


def write_pages(path: Path, fmt: str, images: list[Image.Image], dpis: list[int], quality: int = 80) -> None:
    """Write page images in ``fmt``; single-page formats refuse several pages."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if fmt not in MULTI_PAGE and len(images) != 1:
        raise ValueError(f"{fmt} holds one page, got {len(images)}")
    if fmt == "png":
        path.write_bytes(png_bytes(images[0], dpis[0]))
    elif fmt == "jpeg":
        path.write_bytes(jpeg_bytes(images[0], dpis[0], quality))
    elif fmt == "tiff":
        # TIFF holds one resolution per page; Pillow takes it from each image's info.
        # Palette pages are stored losslessly (deflate), colour scans as JPEG-in-TIFF.
        if len(set(dpis)) != 1:
            raise ValueError("the pages of a TIFF file share one resolution here")
        frames = list(images)
        options: dict[str, Any] = {"compression": "tiff_adobe_deflate"}
        if any(f.mode != "P" for f in frames):  # scans: JPEG-in-TIFF, greyscale kept when all pages are grey
            mode = "L" if all(f.mode == "L" for f in frames) else "RGB"
            frames = [f.convert(mode) for f in frames]
            options = {"compression": "jpeg", "quality": quality}
        frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:], dpi=(dpis[0], dpis[0]), **options)
    else:
        write_pdf(path, [encode_page(image, dpi, quality) for image, dpi in zip(images, dpis, strict=True)])


def encode_page(image: Image.Image, dpi: int, quality: int = 80) -> bytes:
    """A page as it goes into a PDF: palette pages as PNG, scans as JPEG."""
    return png_bytes(image, dpi) if image.mode == "P" else jpeg_bytes(image, dpi, quality)


def write_pdf(path: Path, encoded: list[bytes]) -> None:
    """An image-only PDF of pages already encoded (``encode_page``), one image per page."""
    # The internal engine derives the file /ID from the content (pikepdf's is random): same input, same bytes.
    path.write_bytes(img2pdf.convert(encoded, nodate=True, producer="sohoa samples", engine=img2pdf.Engine.internal))


def write_truth(path: Path, truth: dict[str, Any]) -> None:
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def truth_path(file: Path) -> Path:
    """``NAME.ext`` -> ``NAME.truth.json`` beside it."""
    return file.with_name(file.name[: -len(file.suffix)] + ".truth.json")
