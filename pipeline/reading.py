"""One input image to its OCRed pages: a book spread is cut into its two pages, a photographed page is found and
straightened, then each page is preprocessed and read; a reading that comes out poor is tried again the other
way up and, failing that, from the uncorrected image, and the better reading is kept (only poor pages pay). A page
whose reading is still poor (low confidence, or lines with nothing read in them) has its lines read by the second
recognizer too, the better reading of each line kept (pipeline.recognizers.fallback, docs/recognizers.md)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from pipeline.images.card import card_page, find_card, straighten
from pipeline.images.perspective import page_in_photo
from pipeline.images.spread import split_spread
from pipeline.models import Line, Word
from pipeline.ocr import mean_confidence, ocr_page
from pipeline.preprocess import Prepared, as_is, preprocess, rotate_quadrant, turned_over
from pipeline.recognizers import fallback
from pipeline.recognizers.choice import second_recognizer, second_recognizer_on

DOUBTFUL_PAGE_CONFIDENCE = 0.75  # below this mean word confidence, a page of doubtful orientation is read again
POOR_PAGE_CONFIDENCE = 0.5  # below this, any page is read again the other way up (the layout test can be fooled)
AS_IS_CONFIDENCE = 0.7  # below this, the uncorrected image is read too
BETTER = 1.15  # a second reading replaces the first when its confident characters are this many times more
CARD_MAX_WORDS = 110  # confident words a card's face holds at most (generated card photos: up to 88; an A4
# form squeezed onto a card's canvas: 126 and more)
CARD_CONFIDENCE = 0.5  # below this, a card found in a photo is read as the photo it came in too
TURN_MARGIN = 0.15  # a page too small for the layout test is turned over only when that reads this much better


@dataclass
class PageReading:
    prepared: Prepared
    words: list[Word]
    lines: list[Line]
    seconds: dict[str, float] = field(default_factory=lambda: {"preprocess": 0.0, "ocr": 0.0})

    @property
    def confidence(self) -> float:
        return mean_confidence(self.words)

    @property
    def confident_chars(self) -> float:
        """Characters read, weighted by their words' confidence: more real text read scores higher."""
        return sum(w.conf * len(w.text) for w in self.words)


class _Clock:
    """Seconds spent preprocessing and reading one page, over all its tries."""

    def __init__(self) -> None:
        self.seconds = {"preprocess": 0.0, "ocr": 0.0}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] += now - self._last
        self._last = now


def read(prepared: Prepared, lang: str, clock: _Clock, full_resolution: bool = False) -> PageReading:
    clock.lap("preprocess")
    words, lines = ocr_page(prepared.grey, prepared.dpi, lang, full_resolution=full_resolution)
    clock.lap("ocr")
    return PageReading(prepared, words, lines, clock.seconds)


def _confident_words(reading: PageReading) -> int:
    return sum(1 for w in reading.words if w.conf >= 0.85 and len(w.text) >= 2)


def read_card(card: np.ndarray, rotation: int, lang: str, clock: _Clock) -> PageReading:
    """A straightened ID card, its long side across: read upright and upside down, the better reading kept
    (its own text tells which way up it is)."""
    upright = read(card_page(card, rotation), lang, clock, full_resolution=True)
    over = read(turned_over(upright.prepared), lang, clock, full_resolution=True)
    over.prepared.notes.orientation = "card"
    return over if over.confident_chars > upright.confident_chars else upright


def read_again(reading: PageReading, clock: _Clock) -> PageReading:
    """A poor reading's lines read by the second recognizer as well, the better reading of each line kept; the
    page's notes say why and which engine read how many lines. A good reading, an ID card's, and any reading
    when the configuration turns the second recognizer off are returned as they are."""
    if not second_recognizer_on() or reading.prepared.notes.orientation == "card":
        # An ID card reads poorly for its tiny print and printed patterns, which the second engine reads no
        # better (generated card photos: 46.6 % CER, 48.0 % with it).
        return reading
    grey = reading.prepared.grey
    reason, found = fallback.poor_reading(reading.words, reading.confidence, grey)
    poor = found if reason is not None else None
    doubtful = fallback.doubtful_lines(reading.words, poor) if poor is not None else []
    if poor is not None and doubtful:  # a blank page reads poorly too, but has no line to read again
        recognizer = second_recognizer()  # its model loaded only now: a good page never loads it
        assert recognizer is not None
        lines = fallback.candidates(grey, reading.words, recognizer, poor, doubtful)
        outcome = fallback.merge(reading.words, reading.lines, lines, recognizer.name)
        reading.words, reading.lines = outcome.words, outcome.lines
        reading.prepared.notes.second_reading = reason
        reading.prepared.notes.lines_by_engine = outcome.read_by
    clock.lap("ocr")
    return reading


def read_page(rgb: np.ndarray, dpi: int, lang: str = "vie", split: str | None = None) -> PageReading:
    """One page: preprocessed and read, with the fallbacks of the module's docstring."""
    clock = _Clock()
    return read_again(read_page_once(rgb, dpi, lang, split, clock), clock)


def read_page_once(rgb: np.ndarray, dpi: int, lang: str, split: str | None, clock: _Clock) -> PageReading:
    """One page read by Tesseract: preprocessed and read, with the image fallbacks of the module's docstring."""
    photographed = page_in_photo(rgb)
    if photographed is None and split is None:
        card = find_card(rgb)
        if card is not None:
            reading = read_card(*straighten(rgb, card.corners), lang, clock)
            too_many = _confident_words(reading) > CARD_MAX_WORDS
            if reading.confidence >= CARD_CONFIDENCE and not too_many:
                return reading
            # A card that reads poorly, or holds a page's many words (a scanned page whose edges looked like a
            # card's), is read as the image it came in too; the better reading is kept.
            plain = read_page_as_found(rgb, dpi, lang, split, clock)
            if too_many:
                return plain
            return plain if plain.confident_chars > BETTER * reading.confident_chars else reading
    return read_page_as_found(rgb, dpi, lang, split, clock, photographed)


def read_page_as_found(rgb: np.ndarray, dpi: int, lang: str, split: str | None, clock: _Clock,
                       photographed: np.ndarray | None = None) -> PageReading:
    """One page that is no card: preprocessed (a photographed page straightened) and read, with the
    fallbacks of the module's docstring."""
    source = rgb if photographed is None else photographed
    reading = read(preprocess(source, dpi, lang), lang, clock)
    notes = reading.prepared.notes
    notes.split, notes.perspective = split, photographed is not None
    method = reading.prepared.orientation_method
    doubtful = method not in ("layout", "as-is") and reading.confidence < DOUBTFUL_PAGE_CONFIDENCE
    if doubtful or reading.confidence < POOR_PAGE_CONFIDENCE:
        # The page's way up was in doubt (or the layout test was fooled, e.g. by a patterned card) and the text
        # reads poorly: read it the other way up too and keep the better reading.
        other = read(turned_over(reading.prepared), lang, clock)
        margin = TURN_MARGIN if method == "as-is" else 0.0
        if other.confidence > reading.confidence + margin:
            reading = other
    if reading.confidence < AS_IS_CONFIDENCE:
        # Never worse than the raw image: a correction that went wrong (a skew, a turn, an inversion) shows as
        # a poor reading; the image as it came (at the size OCR reads best) is read too.
        plain = read(as_is(rgb, dpi, lang), lang, clock)
        if plain.confident_chars > BETTER * reading.confident_chars:
            plain.prepared.notes.split = split
            reading = plain
    return reading


def read_image(rgb: np.ndarray, dpi: int, lang: str = "vie") -> list[PageReading]:
    """The pages of one input image: two for a book spread (left, then right), else one. A spread scanned upside
    down has its pages both turned over: its left half is the book's right page, so the two change places. A
    spread scanned sideways (its gutter across the image) shows as one page read turned a quarter: turned
    upright, it is cut at a gutter free of ink (a shadow alone across a page turned a quarter is more often a
    fold of one landscape page) and its two pages read."""
    pages = [read_page(part, dpi, lang, side) for part, side in split_spread(rgb, dpi)]
    if len(pages) == 2 and any(p.prepared.rotation in (90, 270) for p in pages):
        # A spread's pages stand upright (or both upside down), never sideways: halves read turned a quarter
        # were one page turned a quarter, cut at a blank band between its lines. It is read whole.
        pages = [read_page(rgb, dpi, lang)]
    if len(pages) == 1 and pages[0].prepared.rotation in (90, 270):
        halves = split_spread(rotate_quadrant(rgb, pages[0].prepared.rotation), dpi, shadow_gutter=False)
        if len(halves) == 2:
            pages = [read_page(part, dpi, lang, side) for part, side in halves]
    if len(pages) == 2 and all(p.prepared.rotation == 180 for p in pages):
        pages.reverse()
        pages[0].prepared.notes.split, pages[1].prepared.notes.split = "left", "right"
    return pages
