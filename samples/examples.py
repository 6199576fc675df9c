"""Downscaled example pages for docs/samples/: ``python -m samples.examples [--out docs/samples]``.

Each example is the first page of a committed sample, reduced to 1000 px on its long side (JPEG, < 300 kB).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pdf2image import convert_from_path
from PIL import Image

from samples.committed_set import COMMITTED

EXAMPLES = {
    "birth_certificate_clean.jpg": "birth_certificate_clean_001.png",
    "marriage_certificate_scan.jpg": "marriage_certificate_scan_002.jpg",
    "citizen_id_card_clean.jpg": "citizen_id_card_clean_001.tif",
    "death_extract_hard.jpg": "death_extract_hard_002.jpg",
    "birth_register_scan.jpg": "birth_register_scan_001.jpg",
    "dossier_id_copy_scan.jpg": "dossier_scan_001.pdf#2",
}
LONG_SIDE = 1000


def first_page(source: str) -> Image.Image:
    name, _, page = source.partition("#")
    number = int(page or 1)
    path = COMMITTED / name
    if path.suffix == ".pdf":
        return convert_from_path(str(path), dpi=100, first_page=number, last_page=number)[0]
    with Image.open(path) as image:
        image.seek(number - 1)
        return image.convert("RGB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.examples", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/samples"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for target, source in EXAMPLES.items():
        image = first_page(source)
        scale = LONG_SIDE / max(image.size)
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS)
        image.save(args.out / target, "JPEG", quality=82, optimize=True)
        print(f"{args.out / target}: {(args.out / target).stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
