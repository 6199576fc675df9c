"""Synthetic OCR pages for tests: words placed on lines with boxes, as Tesseract would give them.

Positions are in pixels of a 2480 x 3508 page (A4 at 300 dpi); each character, and each space, is ``CHAR_W``
wide: several spaces in a row's text make a wide gap inside one OCR line (two columns read as one line).
"""

from __future__ import annotations

import re

from pipeline.models import Line, PageOcr, Word

CHAR_W = 24
LINE_H = 50
WIDTH, HEIGHT = 2480, 3508


def page(rows: list[tuple[int, int, str]], number: int = 1, conf: float = 0.95, width: int = WIDTH,
         height: int = HEIGHT, image_path: str | None = None) -> PageOcr:
    """A page from (x, y, text) rows: each row is one OCR line starting at x, top at y."""
    words: list[Word] = []
    lines: list[Line] = []
    for x, y, text in rows:
        indices = []
        cursor = x
        for piece in re.findall(r"\S+|\s+", text):
            if piece.isspace():
                cursor += CHAR_W * len(piece)  # several spaces: a wide gap in the same OCR line
                continue
            box = (cursor, y, cursor + CHAR_W * len(piece), y + LINE_H)
            words.append(Word(text=piece, conf=conf, bbox=box, line=len(lines)))
            indices.append(len(words) - 1)
            cursor = box[2]
        if indices:
            members = [words[i] for i in indices]
            bbox = (members[0].bbox[0], y, members[-1].bbox[2], y + LINE_H)
            lines.append(Line(text=" ".join(w.text for w in members), bbox=bbox, words=indices))
    text = "\n".join(line.text for line in lines)
    return PageOcr(number=number, width=width, height=height, dpi=300, text=text, mean_confidence=conf,
                   words=words, lines=lines, image_path=image_path)


def stacked(texts: list[str], x: int = 240, top: int = 200, step: int = 90, **kwargs) -> PageOcr:
    """A page whose lines all start at ``x``, one below the other."""
    return page([(x, top + i * step, t) for i, t in enumerate(texts)], **kwargs)
