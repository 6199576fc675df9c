"""Mixed raster content (pipeline/mixed_raster.py): black text to a lossless G4 text layer, coloured ink (a red seal,
a blue signature) kept in the background, a page with a photo kept as one JPEG; the page PDF drawn from the two
layers, rendered by poppler, shows the text in dark ink and the seal in red."""

from __future__ import annotations

import subprocess
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from pipeline.mixed_raster import ink_mask, split
from pipeline.pdfa import encode_jpeg, write_page_pdf

DPI = 200


def page_with_seal() -> np.ndarray:
    page = np.full((1169, 827, 3), 255, np.uint8)  # A4 at 100 dpi, drawn at twice that below
    page = cv2.resize(page, None, fx=2, fy=2)
    for row in range(8):
        cv2.putText(page, "HO VA TEN: NGUYEN VAN AN 1990", (120, 200 + 60 * row), cv2.FONT_HERSHEY_SIMPLEX, 1.2,
                    (20, 20, 20), 3, cv2.LINE_AA)
    cv2.circle(page, (1200, 1700), 150, (210, 30, 30), 8, cv2.LINE_AA)  # the seal's ring
    cv2.circle(page, (1200, 1700), 60, (210, 30, 30), -1, cv2.LINE_AA)
    cv2.line(page, (1000, 1750), (1400, 1650), (30, 50, 170), 5, cv2.LINE_AA)  # a blue signature stroke
    return page


def test_text_goes_to_the_mask_and_coloured_ink_does_not() -> None:
    page = page_with_seal()
    mask = ink_mask(page, DPI)
    assert mask is not None
    assert mask[180:420, 120:900].mean() > 0.05  # the text lines
    assert not mask[1680:1720, 1180:1220].any()  # the seal's red centre
    assert not mask[1695:1705, 1195:1205].any()


def test_page_pdf_from_layers_keeps_text_dark_and_seal_red(tmp_path: Path) -> None:
    page = page_with_seal()
    layers = split(page, "colour", DPI)
    assert layers is not None
    jpeg = encode_jpeg(page, "colour", DPI)
    assert layers.size < len(jpeg)
    out = tmp_path / "page.pdf"
    height, width = page.shape[:2]
    write_page_pdf(out, jpeg, "colour", width, height, DPI, [], [], layers)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(out), str(tmp_path / "r")], check=True)
    rendered = np.asarray(Image.open(next(tmp_path.glob("r-*.png"))).convert("RGB")).astype(int)
    assert rendered.shape[:2] == (height, width)
    text = rendered[180:420, 120:900]
    assert (text.sum(axis=2) < 200).mean() > 0.03  # dark text strokes
    r, g, b = rendered[1740, 1200]
    assert r > 150 and g < 100 and b < 100  # the seal, red
    r, g, b = rendered[1700, 1200]
    assert b > r + 40  # the signature, blue
    r, g, b = rendered[1700, 1200 - 180]
    assert min(r, g, b) > 200  # white paper beside the seal


def test_a_photo_keeps_the_page_in_one_jpeg() -> None:
    page = page_with_seal()
    yy, xx = np.mgrid[0:300, 0:240]
    page[500:800, 1300:1540] = np.clip(60 + xx * 0.5 + yy * 0.3, 0, 255).astype(np.uint8)[..., None]
    assert split(page, "colour", DPI) is None
