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
    dpi: int = 0
    split: str | None = None  # "left" / "right": one of the two facing pages of a book spread's image

    def fraction(self, box: tuple[int, int, int, int]) -> BBox:
        w, h = max(self.width, 1), max(self.height, 1)
        return (round(box[0] / w, 4), round(box[1] / h, 4), round(box[2] / w, 4), round(box[3] / h, 4))


def union(boxes: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ"})  # the Icelandic eth OCR reads for Vietnamese đ


def make_token(text: str, bbox: tuple[int, int, int, int], conf: float) -> Token:
    text = nfc(text).translate(_LOOKALIKES)
    stripped = text.rstrip()
    # A slash inside a token separates the halves of a bilingual label read as one word ("Số/No").
    key = " ".join(p for p in (PUNCT.sub("", part) for part in fold(text).split("/")) if p)
    return Token(text=text, key=key, bbox=bbox, conf=conf,
                 colon=stripped.endswith(":"))


def _word_groups(page: PageOcr) -> list[list]:
    if page.lines:
        return [[page.words[i] for i in line.words if 0 <= i < len(page.words)] for line in page.lines]
    by_line: dict[int, list] = {}
    for word in page.words:
        by_line.setdefault(word.line, []).append(word)
    return [by_line[k] for k in sorted(by_line)]


SIDEWAYS_SHARE = 0.6  # share of words standing upright in their boxes that shows a page read sideways


def sideways(groups: list[list]) -> int:
    """0 for a page whose lines run left to right; +1 when they run down the page (its top at the right:
    Tesseract read a page left turned a quarter), -1 when they run up."""
    long_words = [w for words in groups for w in words if len(w.text.strip()) >= 3]
    if len(long_words) < 10:
        return 0
    tall = sum(1 for w in long_words if (w.bbox[3] - w.bbox[1]) > 1.3 * (w.bbox[2] - w.bbox[0]))
    if tall < SIDEWAYS_SHARE * len(long_words):
        return 0
    down = sum(1 for words in groups if len(words) >= 2 and words[-1].bbox[1] > words[0].bbox[1])
    up = sum(1 for words in groups if len(words) >= 2 and words[-1].bbox[1] < words[0].bbox[1])
    return 1 if down >= up else -1


def _turn_box(box: tuple[int, int, int, int], turn: int, width: int, height: int) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    if turn > 0:
        return (y0, width - x1, y1, width - x0)
    return (height - y1, x0, height - y0, x1)


def _turned_image(image_path: str | None, turn: int) -> str | None:
    """The page image turned upright, written beside the original (None when it cannot be read)."""
    import cv2

    if not image_path:
        return None
    image = cv2.imread(image_path)
    if image is None:
        return None
    upright = cv2.rotate(image, cv2.ROTATE_90_COUNTERCLOCKWISE if turn > 0 else cv2.ROTATE_90_CLOCKWISE)
    path = f"{image_path}.upright.png"
    return path if cv2.imwrite(path, upright) else None


FRAME_MARGIN = 0.1  # share of the page's width at either side where a frame's ornament stands
FRAME_TOLERANCE = 0.02  # its marks line up within this share of the width
FRAME_MIN_MARKS = 6


def frame_ornament(groups: list[list], width: int) -> set[int]:
    """Ids of the words that are a printed frame's ornament read as letters ("X", "Ễ", "W" down both sides of
    a framed certificate): marks of one or two characters, no figure, that start or end their OCR line in the
    outer margin of the page, lined up one under the other on at least ``FRAME_MIN_MARKS`` lines."""
    ends = {id(line[0]) for line in groups if line} | {id(line[-1]) for line in groups if line}
    marks = [w for words in groups for w in words if id(w) in ends and len(w.text.strip()) <= 2
             and not any(ch.isdigit() for ch in w.text)  # entry numbers down a register's margin stay
             and (w.bbox[2] <= FRAME_MARGIN * width or w.bbox[0] >= (1 - FRAME_MARGIN) * width)]
    found: set[int] = set()
    tolerance = FRAME_TOLERANCE * width
    for mark in marks:
        centre = (mark.bbox[0] + mark.bbox[2]) / 2
        column = [m for m in marks if abs((m.bbox[0] + m.bbox[2]) / 2 - centre) <= tolerance]
        if len(column) >= FRAME_MIN_MARKS:
            found |= {id(m) for m in column}
    return found


# A bilingual label's English half glued to its Vietnamese half by the slash ("Số/No.:", "Vợ/Wife"): a letter,
# the slash, a capitalised word of plain Latin letters to the token's end (so "Nam/Nữ", "án/Quyết" and
# "01/2019" stay whole).
_ENGLISH_GLUE = re.compile(r"(?<=[^\W\d_])/(?=[A-Z][a-z]*[.:]*$)")


def english_glue(token: Token) -> list[Token]:
    """The token cut before the slash of a glued English half: ``Số/No.:`` → ``Số`` ``/No.:``."""
    match = _ENGLISH_GLUE.search(token.text)
    if match is None:
        return [token]
    cut = match.start()
    x0, y0, x1, y1 = token.bbox
    at = x0 + (x1 - x0) * cut // max(len(token.text), 1)
    return [make_token(token.text[:cut], (x0, y0, at, y1), token.conf),
            make_token(token.text[cut:], (at, y0, x1, y1), token.conf)]


def page_layout(page: PageOcr) -> PageLayout:
    """Lines of tokens in reading order (top to bottom, then left to right), from the OCR lines. A page
    that OCR read sideways (its words' boxes standing upright, its lines running down the page) is turned
    upright here: boxes, size and image."""
    lines: list[TextLine] = []
    groups = _word_groups(page)
    turn = sideways(groups)
    width, height, image_path = page.width, page.height, page.image_path
    if turn:
        groups = [[w.model_copy(update={"bbox": _turn_box(w.bbox, turn, page.width, page.height)}) for w in words]
                  for words in groups]
        width, height = page.height, page.width
        image_path = _turned_image(page.image_path, turn)
    ornament = frame_ornament(groups, width)
    for words in groups:
        tokens = [piece for w in words if w.text.strip() and id(w) not in ornament
                  for piece in english_glue(make_token(w.text, w.bbox, w.conf))]
        if not tokens:
            continue
        tokens.sort(key=lambda t: t.bbox[0])
        lines.append(TextLine(index=0, tokens=tokens, bbox=union([t.bbox for t in tokens])))
    lines.sort(key=lambda ln: ((ln.bbox[1] + ln.bbox[3]) / 2, ln.bbox[0]))
    for i, line in enumerate(lines):
        line.index = i
    heights = [ln.bbox[3] - ln.bbox[1] for ln in lines]
    line_height = statistics.median(heights) if heights else 30.0
    return PageLayout(number=page.number, width=width, height=height, lines=lines,
                      image_path=image_path, line_height=float(line_height), dpi=page.dpi,
                      split=page.preprocessing.split)
