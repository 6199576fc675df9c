"""Benchmark: the archive copy's size and legibility on dense scans (bench/dense_pages.py: seals, signatures, filled
forms, security-paper pattern, noise), or on the plain scan-like pages of the other benchmarks.

    .venv/bin/python -m bench.bench_archive [--pages 12] [--plain]

``sohoa ocr`` makes the archive copy of the scans (kB per page, and which pages were written as mixed raster
content). Legibility: the copy's pages are rendered at the scan's resolution (pdftoppm) and read again by
``sohoa ocr``; the character error rate against the generator's text of each page is compared with that of the
first reading (of the scans themselves). The goal: a CER change of at most 0.2 points. Colour: the red pixels
(seal ink) of each page, in the scan and in the rendered copy; the seal stays red when the copy keeps at least half.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import numpy as np
from PIL import Image
from rapidfuzz.distance import Levenshtein

from bench.measure import run_measured

ENV = {"OMP_THREAD_LIMIT": "1"}
MAX_CER_CHANGE = 0.2  # points
MIN_RED_KEPT = 0.5


def page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [normalise(page) for page in out.split("\f")]


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def cer(reading: str, truth: str) -> float:
    return Levenshtein.distance(reading, truth) / max(1, len(truth))


def render(pdf: Path, dpi: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / "p")], check=True)
    return sorted(folder.glob("p-*.png"))


def red_pixels(image: Image.Image) -> int:
    rgb = np.asarray(image.convert("RGB")).astype(np.int16)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return int(np.count_nonzero((r > 140) & (r - g > 60) & (r - b > 60)))


def images_pdf(images: list[Path], out: Path, dpi: int) -> Path:
    import img2pdf

    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    out.write_bytes(img2pdf.convert([str(p) for p in images], layout_fun=layout))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--plain", action="store_true", help="the plain scan-like pages instead of dense ones")
    parser.add_argument("--keep", type=Path, help="keep inputs and outputs in this folder")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    sohoa = str(Path(sys.executable).parent / "sohoa")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sohoa-bench-archive-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        if args.plain:
            from samples.generate import scan_like_pdf

            scans = scan_like_pdf(folder / "scans.pdf", args.pages, args.seed)
        else:
            from bench.dense_pages import dense_pdf

            scans = dense_pdf(folder / "scans.pdf", args.pages, args.seed)
        truth = json.loads((folder / "scans.truth.json").read_text(encoding="utf-8"))
        texts = [normalise(page["text"]) for page in truth["pages"]]
        dpi = truth["pages"][0]["dpi"]
        archive = folder / "archive.pdf"
        run = run_measured([sohoa, "ocr", str(scans), str(archive), "--jobs", str(args.jobs)], ENV)
        listing = subprocess.run(["pdfimages", "-list", str(archive)], capture_output=True, text=True,
                                 check=True).stdout
        mixed_pages = {line.split()[0] for line in listing.splitlines()[2:] if line.split()[2] == "stencil"}
        archive_bytes, scan_bytes = archive.stat().st_size, scans.stat().st_size
        rendered = render(archive, dpi, folder / "copy")
        reread = folder / "reread.pdf"
        run_measured([sohoa, "ocr", str(images_pdf(rendered, folder / "copy.pdf", dpi)), str(reread), "--jobs",
                      str(args.jobs)], ENV)
        first, second = page_texts(archive), page_texts(reread)
        originals = render(scans, dpi, folder / "scan")
        rows = []
        for i, truth_text in enumerate(texts):
            with Image.open(originals[i]) as scan_image, Image.open(rendered[i]) as copy_image:
                red_scan, red_copy = red_pixels(scan_image), red_pixels(copy_image)
            rows.append({"page": i + 1, "cer_scan": cer(first[i], truth_text), "cer_copy": cer(second[i], truth_text),
                         "red_scan": red_scan, "red_copy": red_copy})
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    n = len(rows)
    kb = archive_bytes / n / 1024
    cer_scan = 100 * sum(r["cer_scan"] for r in rows) / n
    cer_copy = 100 * sum(r["cer_copy"] for r in rows) / n
    sealed = [r for r in rows if r["red_scan"] > 500]
    red_kept = min((r["red_copy"] / r["red_scan"] for r in sealed), default=1.0)
    print(f"{n} {'plain' if args.plain else 'dense'} pages at {dpi} dpi; scans {scan_bytes / n / 1024:.0f} kB/page")
    print(f"archive copy: {kb:.0f} kB/page, {len(mixed_pages)}/{n} pages as mixed raster content, "
          f"sohoa ocr {run.seconds:.1f} s")
    print(f"CER of the reading of the scans {cer_scan:.2f} %, of the archive copy's pages {cer_copy:.2f} %: "
          f"change {cer_copy - cer_scan:+.2f} points (goal ≤ {MAX_CER_CHANGE})")
    print(f"red (seal) pixels kept in the copy: at least {100 * red_kept:.0f} % on the {len(sealed)} pages with a "
          f"seal (goal ≥ {100 * MIN_RED_KEPT:.0f} %)")
    ok = cer_copy - cer_scan <= MAX_CER_CHANGE and red_kept >= MIN_RED_KEPT
    if args.json:
        args.json.write_text(json.dumps({"pages": n, "kb_per_page": round(kb, 1), "mixed_pages": len(mixed_pages),
                                         "cer_scan": round(cer_scan, 3), "cer_copy": round(cer_copy, 3),
                                         "red_kept_min": round(red_kept, 3), "rows": rows}, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
