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


def jpeg_bytes(image: Image.Image, dpi: int, quality: int) -> bytes:
    buf = io.BytesIO()
    image.convert("RGB").save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


def write_pages(path: Path, fmt: str, images: list[Image.Image], dpis: list[int], quality: int = 80) -> None:
    """Write page images in ``fmt``; single-page formats refuse several pages."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if fmt not in MULTI_PAGE and len(images) != 1:
        raise ValueError(f"{fmt} holds one page, got {len(images)}")
    if fmt == "png":
        images[0].save(path, "PNG", dpi=(dpis[0], dpis[0]), compress_level=6)
    elif fmt == "jpeg":
        path.write_bytes(jpeg_bytes(images[0], dpis[0], quality))
    elif fmt == "tiff":
        # TIFF holds one resolution per page; Pillow takes it from each image's info.
        frames = []
        for image, dpi in zip(images, dpis, strict=True):
            frame = image.convert("RGB")
            frame.info["dpi"] = (dpi, dpi)
            frames.append(frame)
        frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_jpeg",
                       quality=quality, dpi=(dpis[0], dpis[0]))
    else:
        pages = [jpeg_bytes(image, dpi, quality) for image, dpi in zip(images, dpis, strict=True)]
        path.write_bytes(img2pdf.convert(pages, nodate=True, producer="sohoa samples"))


def write_truth(path: Path, truth: dict[str, Any]) -> None:
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def truth_path(file: Path) -> Path:
    """``NAME.ext`` -> ``NAME.truth.json`` beside it."""
    return file.with_name(file.name[: -len(file.suffix)] + ".truth.json")
