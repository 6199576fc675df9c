"""The small committed sample set (samples/committed/): ``python -m samples.committed_set [--out DIR]``.

Two files per schema and tier, formats mixed so that every reader is exercised, plus two dossier PDFs. Only
tuning families (samples/families.py), taken in turn so that each appears; held-out families are never
committed (they are not to be looked at). Regenerating with the same seed gives the same truth and images.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from samples import families
from samples.doc import SCHEMAS
from samples.generate import generate_document, generate_dossier

SEED = 2024
COMMITTED = Path(__file__).parent / "committed"
# tier -> the two formats used for each schema (the schema's position picks the rotation of the list).
FORMATS = {
    "clean": [("png", "pdf"), ("tiff", "png"), ("png", "tiff")],
    "scan": [("jpeg", "pdf"), ("pdf", "jpeg"), ("jpeg", "pdf")],
    "hard": [("jpeg", "pdf"), ("tiff", "jpeg"), ("pdf", "jpeg")],
}


def generate_committed(out: Path = COMMITTED, seed: int = SEED) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    tuning = families.select("tuning")
    files = []
    for position, schema in enumerate(SCHEMAS):
        turn = 0
        for tier, choices in FORMATS.items():
            for index, fmt in enumerate(choices[position % len(choices)], start=1):
                family = tuning[schema][turn % len(tuning[schema])]
                files.append(generate_document(out, seed, schema, tier, index, fmt, choices=[family]))
                turn += 1
    files.append(generate_dossier(out, seed, "scan", 1, selection=tuning))
    files.append(generate_dossier(out, seed, "hard", 1, selection=tuning))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.committed_set", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=COMMITTED)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if args.out.exists():
        for path in args.out.iterdir():
            if path.is_file() and path.name != "README.md":
                path.unlink()
            elif path.is_dir():
                shutil.rmtree(path)
    files = generate_committed(args.out, args.seed)
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(f"Đã tạo {len(files)} tệp trong {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
