"""The second reading of a poorly read page: its lines found on the binarised image (``lines.find_lines``), the
doubtful ones read by the second engine (the ONNX line recognizer), and per line the better reading kept.

When (``poor_reading``): the page's mean word confidence is low (handwriting reads so), or lines found on the
page with no word of Tesseract's in them make a share of its text (a line Tesseract dropped). A good printed page
passes both tests for the cost of finding its lines on a shrunk copy (a few tens of milliseconds on an A4 scan).

Which lines are read again (``doubtful_lines``): those Tesseract read (almost) nothing of, and long ones it read
with low confidence. Which reading is kept (``second_wins``): the second engine's, for a line Tesseract read
(almost) nothing of, when it is confident and long enough not to be a stamp's edge; for a line Tesseract read
doubtfully, when the second reading is long (a sentence, not a label) and more confident by ``MARGIN``. The
thresholds were fitted on tuning material only (docs/recognizers.md).

The words of a line read by the second engine get boxes in proportion to their characters within the line box
(the page's words feed extraction and the archive copy's text layer).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from pipeline.models import Line, Word
from pipeline.recognizers.base import LineText, Recognizer
from pipeline.recognizers.lines import TEST_HEIGHT, WORKING_HEIGHT, Box, find_lines_scaled

LOW_CONFIDENCE = 0.80  # a page read below this mean word confidence is read again line by line
MISSED_LINE_WIDTH = 8.0  # a line found with no word read in it, this many mark heights long, is a missed line
MISSED_SHARE = 0.10  # a page whose missed lines make this share of its lines' length has its missed lines read
DOUBTFUL_LINE = 0.80  # Tesseract's reading of a line below this confidence may be replaced
MIN_LINE_CHARS = 20  # ... by a second reading of at least this many characters (short lines are labels, stamps)
MARGIN = 0.05  # ... whose confidence beats Tesseract's by this much
SHORT = 0.3  # Tesseract's reading of a line this short against the expected or second reading counts as nothing
EMPTY_LINE_CONFIDENCE = 0.80  # such a line is taken from the second engine above this confidence
MIN_EMPTY_LINE_CHARS = 6  # ... when it reads at least this many characters
MAX_LINE_HEIGHT = 4.0  # a box taller than this many mark heights is several lines run together (a pattern), no line
CHAR_WIDTH = 0.6  # a character is about this many times the median word box height wide
SECOND_BLOCK = 900  # block number of the lines the second engine adds (Tesseract's own numbers stay below)


@dataclass
class LineCandidates:
    """One line box and its two readings: Tesseract's words in it (indices into the page's words) and the second
    engine's."""

    box: Box
    word_ids: list[int]
    tesseract: LineText
    second: LineText


@dataclass
class Outcome:
    words: list[Word]
    lines: list[Line]
    read_by: dict[str, int] = field(default_factory=dict)  # lines of the result per engine


@dataclass
class PageLines:
    """The page's line boxes, the words of Tesseract's reading that lie in each, and the median mark height."""

    boxes: list[Box]
    word_ids: list[list[int]]
    mark_height: float
    char_width: float  # pixels: about how wide a character of the page is

    def expected_chars(self, i: int) -> float:
        return (self.boxes[i][2] - self.boxes[i][0]) / max(self.char_width, 1.0)

    def missed_share(self) -> float:
        """The missed lines' length over all lines' length: how much of the page's text Tesseract read nothing of."""
        total = sum(b[2] - b[0] for b in self.boxes)
        return sum(self.boxes[i][2] - self.boxes[i][0] for i in self.missed()) / total if total else 0.0

    def missed(self) -> list[int]:
        """Lines with no word read in them, long enough to be text (not a seal's edge or a stroke)."""
        return [i for i, (box, ids) in enumerate(zip(self.boxes, self.word_ids, strict=True))
                if not ids and box[2] - box[0] >= MISSED_LINE_WIDTH * self.mark_height]


def page_lines(grey: np.ndarray, words: list[Word], working_height: float = WORKING_HEIGHT) -> PageLines:
    heights = [w.bbox[3] - w.bbox[1] for w in words]
    boxes, mark_height = find_lines_scaled(grey, float(np.median(heights)) if heights else None, working_height)
    word_ids: list[list[int]] = [[] for _ in boxes]
    if words and boxes:
        b = np.array([w.bbox for w in words], dtype=float)
        cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
        lines = np.array(boxes, dtype=float)
        inside = ((lines[:, None, 0] <= cx) & (cx <= lines[:, None, 2])
                  & (lines[:, None, 1] <= cy) & (cy <= lines[:, None, 3]))  # (lines, words)
        has_line = inside.any(axis=0)
        first = inside.argmax(axis=0)  # a word in two boxes goes to the first
        for i in np.nonzero(has_line)[0]:
            word_ids[int(first[i])].append(int(i))
    char_width = CHAR_WIDTH * float(np.median(heights)) if heights else mark_height
    return PageLines(boxes, word_ids, mark_height, char_width)


def poor_reading(words: list[Word], confidence: float, grey: np.ndarray) -> tuple[str | None, PageLines | None]:
    """Why the page's Tesseract reading is poor ("low-confidence", "missed-lines"), or None; and the page's lines
    to read again when it is (found on a finer copy than the test's: a good page pays for the coarse one only)."""
    if not words or confidence < LOW_CONFIDENCE:
        return "low-confidence", page_lines(grey, words)
    if page_lines(grey, words, TEST_HEIGHT).missed_share() < MISSED_SHARE:
        return None, None
    found = page_lines(grey, words)
    return ("missed-lines" if found.missed_share() >= MISSED_SHARE else None), found


def _tesseract_text(words: list[Word], ids: list[int]) -> LineText:
    members = sorted((words[i] for i in ids), key=lambda w: w.bbox[0])
    if not members:
        return LineText("", 0.0)
    text = " ".join(w.text for w in members)
    total = sum(len(w.text) for w in members)
    return LineText(text, sum(w.conf * len(w.text) for w in members) / total)


def doubtful_lines(words: list[Word], found: PageLines) -> list[int]:
    """The lines worth reading again: long enough to hold text, and read by Tesseract doubtfully or hardly at
    all."""
    out = []
    for i, ids in enumerate(found.word_ids):
        box = found.boxes[i]
        if box[3] - box[1] > MAX_LINE_HEIGHT * found.mark_height:
            continue
        expected = found.expected_chars(i)
        first = _tesseract_text(words, ids)
        if len(first.text) < SHORT * expected:
            if expected >= MIN_EMPTY_LINE_CHARS:
                out.append(i)
        elif first.confidence < DOUBTFUL_LINE and expected >= MIN_LINE_CHARS * (1 - SHORT):
            out.append(i)
    return out


def candidates(grey: np.ndarray, words: list[Word], recognizer: Recognizer, found: PageLines,
               only: list[int] | None = None) -> list[LineCandidates]:
    """The lines of the page (``only`` these, by index) with Tesseract's reading and the second engine's."""
    out = []
    for i in range(len(found.boxes)) if only is None else only:
        box, ids = found.boxes[i], found.word_ids[i]
        x0, y0, x1, y1 = box
        second = recognizer.read_line(grey[y0:y1, x0:x1])
        out.append(LineCandidates(box, ids, _tesseract_text(words, ids), second))
    return out


def second_wins(line: LineCandidates) -> bool:
    """The rule of the module's docstring."""
    second, first = line.second, line.tesseract
    if not second.text:
        return False
    if len(first.text) < SHORT * len(second.text):
        return second.confidence >= EMPTY_LINE_CONFIDENCE and len(second.text) >= MIN_EMPTY_LINE_CHARS
    return (first.confidence < DOUBTFUL_LINE and len(second.text) >= MIN_LINE_CHARS
            and second.confidence > first.confidence + MARGIN)


def proportional_words(text: LineText, box: Box, line_index: int, block: int) -> list[Word]:
    """The words of a line read as one string, each boxed in proportion to its characters within ``box``."""
    x0, y0, x1, y1 = box
    per_char = (x1 - x0) / max(1, len(text.text))
    confidences = text.char_confidences or (text.confidence,) * len(text.text)
    words, start = [], 0
    for token in text.text.split(" "):
        end = start + len(token)
        if token:
            conf = float(np.mean(confidences[start:end])) if end <= len(confidences) else text.confidence
            left = int(round(x0 + start * per_char))
            bbox = (left, y0, max(int(round(x0 + end * per_char)), left + 1), y1)
            words.append(Word(text=token, conf=round(conf, 4), bbox=bbox, block=block, par=0, line=line_index))
        start = end + 1
    return words


def merge(words: list[Word], lines: list[Line], found: list[LineCandidates], engine: str) -> Outcome:
    """Tesseract's lines with the lines the second engine won put in their place (a line Tesseract missed is put
    before the first line below it); lines and word indices renumbered."""
    replaced: dict[int, LineCandidates] = {}  # first Tesseract line index of a won box -> the box
    dropped: set[int] = set()  # word indices given up to the second engine
    added: list[LineCandidates] = []  # won boxes where Tesseract had no words
    for line in found:
        if not second_wins(line):
            continue
        dropped.update(line.word_ids)
        if line.word_ids:
            first_line = min(words[i].line for i in line.word_ids)
            if first_line in replaced:  # two boxes in one Tesseract line: the second one is added after it
                added.append(line)
            else:
                replaced[first_line] = line
        else:
            added.append(line)
    if not replaced and not added:
        return Outcome(words, lines, {"tesseract": len(lines)})
    # The page's lines in order: (kind, payload) with payload a Tesseract line index or a won box.
    order: list[tuple[str, object]] = []
    for index in range(len(lines)):
        if index in replaced:
            order.append(("second", replaced[index]))
        order.append(("tesseract", index))
    for extra in sorted(added, key=lambda c: c.box[1]):
        centre = (extra.box[1] + extra.box[3]) / 2
        at = len(order)
        for pos, (kind, payload) in enumerate(order):
            bbox = lines[payload].bbox if kind == "tesseract" else payload.box  # type: ignore[index,union-attr]
            horizontal = min(bbox[2], extra.box[2]) - max(bbox[0], extra.box[0]) > 0
            if horizontal and (bbox[1] + bbox[3]) / 2 > centre:
                at = pos
                break
        order.insert(at, ("second", extra))
    out_words: list[Word] = []
    out_lines: list[Line] = []
    read_by = {"tesseract": 0, engine: 0}
    for kind, payload in order:
        index = len(out_lines)
        if kind == "tesseract":
            members = [i for i in lines[payload].words if i not in dropped]  # type: ignore[index]
            if not members:
                continue
            new = [words[i].model_copy(update={"line": index}) for i in members]
            read_by["tesseract"] += 1
        else:
            cand: LineCandidates = payload  # type: ignore[assignment]
            new = proportional_words(cand.second, cand.box, index, SECOND_BLOCK)
            if not new:
                continue
            read_by[engine] += 1
        ids = list(range(len(out_words), len(out_words) + len(new)))
        out_words.extend(new)
        out_lines.append(Line(text=" ".join(w.text for w in new), words=ids, bbox=(
            min(w.bbox[0] for w in new), min(w.bbox[1] for w in new),
            max(w.bbox[2] for w in new), max(w.bbox[3] for w in new))))
    return Outcome(out_words, out_lines, read_by)
