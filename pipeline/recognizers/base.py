"""The one interface every line recognizer offers: a grey line image in, its text and confidences out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np


@dataclass(frozen=True)
class LineText:
    """What a recognizer read in one line image."""

    text: str  # NFC, whitespace collapsed
    confidence: float  # 0..1 for the whole line
    char_confidences: tuple[float, ...] = ()  # 0..1 per character of ``text`` (spaces included), when known


class Recognizer(Protocol):
    name: str

    def read_line(self, grey: np.ndarray) -> LineText:
        """The text of one line: ``grey`` is a uint8 crop of a page, dark ink on light paper."""
        ...
