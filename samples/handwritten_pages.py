"""Handwritten paragraph pages with their truth: ``python -m samples.handwritten_pages --out DIR --seed N``.

A page of 6–14 lines of administrative sentences (``samples.realistic.sentence``) written by one hand of
``samples.handwriting`` (``--hands tuning`` or ``heldout``: docs/evaluation.md's split), on yellowish paper,
optionally ruled, PNG at 150 dpi; the truth (tier ``handwritten_paragraph``, no documents) holds the page text, so that
``sohoa eval DIR`` reports its CER. The same "hands" as the register cells: irregular italic fonts, not real
handwriting (docs/handwriting.md).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from samples import writers
from samples.handwriting import HELD_OUT, INKS, PAPER, TUNING, Hand, render
from samples.realistic import sentence

DPI = 150
PAGE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 90


def _wrap_chars(text: str, limit: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and len(candidate) > limit:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def page(hand: Hand, rng: random.Random) -> tuple[Image.Image, str]:
    """One page written by ``hand``: the grey image and its text, a line per written line."""
    ink = INKS[rng.choice(list(INKS))]
    width = PAGE[0] - 2 * MARGIN
    wanted = rng.randint(6, 14)
    written: list[tuple[str, Image.Image]] = []
    while len(written) < wanted:
        for text in _wrap_chars(sentence(rng), rng.randint(40, 60)):
            image = render(text, hand, rng, ink)
            if image.width > width:
                image = image.resize((width, max(8, int(image.height * width / image.width))))
            written.append((text, image))
    written = written[:wanted]
    grain = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 4, (PAGE[1], PAGE[0], 3))
    canvas = Image.fromarray((np.array(PAPER, dtype=np.float32) + grain).clip(0, 255).astype(np.uint8), "RGB")
    pitch = max(im.height for _, im in written) + rng.randint(4, 20)
    ruled = rng.random() < 0.5
    draw = ImageDraw.Draw(canvas)
    y = MARGIN + rng.randint(0, 80)
    for _text, image in written:
        if ruled:
            draw.line((MARGIN - 20, y + int(image.height * 0.7), PAGE[0] - MARGIN + 20, y + int(image.height * 0.7)),
                      fill=(175, 185, 205), width=1)
        x = MARGIN + rng.randint(0, 30)
        region = np.asarray(canvas.crop((x, y, x + image.width, y + image.height)), dtype=np.int16)
        canvas.paste(Image.fromarray(np.minimum(region, np.asarray(image, dtype=np.int16)).astype(np.uint8)), (x, y))
        y += pitch
    return canvas, "\n".join(text for text, _ in written)


def generate(out: Path, seed: int, count: int, hands: tuple[Hand, ...]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, count + 1):
        name = f"handwritten_{i:03d}"
        rng = random.Random(f"{seed}:handwritten:{name}")
        hand = hands[(i - 1) % len(hands)]
        image, text = page(hand, rng)
        path = out / f"{name}.png"
        path.write_bytes(writers.png_bytes(image, DPI))
        truth = {"source": path.name, "tier": "handwritten_paragraph", "format": "png", "hand": hand.name,
                 "pages": [{"number": 1, "rotation": 0, "skew": 0.0, "dpi": DPI, "text": text}], "documents": []}
        writers.write_truth(writers.truth_path(path), truth)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.handwritten_pages", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, default=6, help="pages")
    parser.add_argument("--hands", choices=("tuning", "heldout"), default="tuning")
    args = parser.parse_args(argv)
    paths = generate(args.out, args.seed, args.count, TUNING if args.hands == "tuning" else HELD_OUT)
    print(f"Đã tạo {len(paths)} trang viết tay trong {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
