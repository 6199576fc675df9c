"""Dense 200-dpi A4 colour scans for the benchmarks: the sample generator's filled forms (scan tier, with their red
seals and blue signatures), printed on security paper (a light colour guilloche over the page), with heavier
sensor noise, toner specks and a high-quality scanner JPEG (~800 kB a page), as officers' scanners make them.

    .venv/bin/python -m bench.dense_pages OUT.pdf --pages 20

``dense_pdf`` writes the PDF and its truth file (the generator's, with each page's text).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from samples import writers

SCANNER_JPEG_QUALITY = 88
DPI = 200  # scan_like_pdf's pages


def guilloche(height: int, width: int, rng: np.random.Generator) -> np.ndarray:
    """A light, fine, coloured wave pattern over the whole page (the printed background of certificates)."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    period = rng.uniform(9, 14)
    phase = rng.uniform(0, 2 * np.pi)
    waves = np.sin((x + 25 * np.sin(y / 60 + phase)) / period) * np.sin((y + 25 * np.cos(x / 75)) / period)
    strength = (np.abs(waves) > 0.85).astype(np.float32) * rng.uniform(0.10, 0.16)
    tint = np.array(rng.choice([[0.55, 0.2, 0.05], [0.1, 0.45, 0.5], [0.45, 0.15, 0.45]]), dtype=np.float32)
    return 1.0 - strength[..., None] * tint[None, None, :]


def densify(image: Image.Image, seed: int) -> Image.Image:
    """Security-paper pattern, noise and specks over a rendered scan-tier page."""
    rng = np.random.default_rng(seed)
    rgb = np.asarray(image.convert("RGB"), dtype=np.float32)
    h, w = rgb.shape[:2]
    rgb *= guilloche(h, w, rng)
    rgb += rng.normal(0, 7.0, rgb.shape).astype(np.float32)  # colour sensor noise, per channel
    specks = rng.random((h, w)) < 0.0015  # toner and dust
    rgb[specks] *= rng.uniform(0.2, 0.6)
    out = np.clip(rgb, 0, 255).astype(np.uint8)
    return Image.fromarray(cv2.GaussianBlur(out, (0, 0), 0.5))


def dense_pdf(out: Path, pages: int, seed: int) -> Path:
    """The sample generator's scan-like PDF (``samples.generate.scan_like_pdf``, with its truth file), each page
    made dense (``densify``) and re-encoded as the scanner's JPEG."""
    import pikepdf

    from samples.generate import scan_like_pdf

    scan_like_pdf(out, pages, seed)
    encoded = []
    with pikepdf.open(out) as pdf:
        for number, page in enumerate(pdf.pages):
            (image,) = page.get_images().values()
            dense = densify(pikepdf.PdfImage(image).as_pil_image(), seed * 1000 + number)
            encoded.append(writers.encode_page(dense, DPI, SCANNER_JPEG_QUALITY))
    writers.write_pdf(out, encoded)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    dense_pdf(args.out, args.pages, args.seed)
    print(f"{args.out}: {args.pages} pages, {args.out.stat().st_size / args.pages / 1024:.0f} kB/page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
