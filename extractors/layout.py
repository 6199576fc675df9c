"""The OCR layout of a page as the extractors see it: lines of tokens with boxes, confidences, folded text."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from extractors.text import fold, nfc
from pipeline.models import BBox, PageOcr

PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass
class Token:
    text: str  # as read, NFC
    key: str  # folded, punctuation stripped at the ends: what labels are matched on
    bbox: tuple[int, int, int, int]
    conf: float
    colon: bool  # the token ends with ':' (a label's end)

    @property
    def cx(self) -> float:
        return (self.bbox[0] + self.bbox[2]) / 2


@dataclass
class TextLine:
    index: int
    tokens: list[Token]
    bbox: tuple[int, int, int, int] = field(default=(0, 0, 0, 0))

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


@dataclass
class PageLayout:
    number: int
    width: int
    height: int
    lines: list[TextLine]
    image_path: str | None = None
    line_height: float = 30.0

    def fraction(self, box: tuple[int, int, int, int]) -> BBox:
        w, h = max(self.width, 1), max(self.height, 1)
        return (round(box[0] / w, 4), round(box[1] / h, 4), round(box[2] / w, 4), round(box[3] / h, 4))


def union(boxes: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def make_token(text: str, bbox: tuple[int, int, int, int], conf: float) -> Token:
    text = nfc(text)
    stripped = text.rstrip()
    return Token(text=text, key=PUNCT.sub("", fold(text)), bbox=bbox, conf=conf,
                 colon=stripped.endswith(":"))


def page_layout(page: PageOcr) -> PageLayout:
    """Lines of tokens in reading order (top to bottom, then left to right), from the OCR lines."""
    lines: list[TextLine] = []
    if page.lines:
        groups = [[page.words[i] for i in line.words if 0 <= i < len(page.words)] for line in page.lines]
    else:
        by_line: dict[int, list] = {}
        for word in page.words:
            by_line.setdefault(word.line, []).append(word)
        groups = [by_line[k] for k in sorted(by_line)]
    for words in groups:
        tokens = [make_token(w.text, w.bbox, w.conf) for w in words if w.text.strip()]
        if not tokens:
            continue
        tokens.sort(key=lambda t: t.bbox[0])
        lines.append(TextLine(index=0, tokens=tokens, bbox=union([t.bbox for t in tokens])))
    lines.sort(key=lambda ln: ((ln.bbox[1] + ln.bbox[3]) / 2, ln.bbox[0]))
    for i, line in enumerate(lines):
        line.index = i
    heights = [ln.bbox[3] - ln.bbox[1] for ln in lines]
    line_height = statistics.median(heights) if heights else 30.0
    return PageLayout(number=page.number, width=page.width, height=page.height, lines=lines,
                      image_path=page.image_path, line_height=float(line_height))
