"""The bundled ONNX CTC line recognizer (pipeline.icr) as a free-text line recognizer: greedy CTC decoding,
each character's confidence the best probability of the frames that emitted it."""

from __future__ import annotations

import unicodedata

import numpy as np
from PIL import Image

from pipeline.icr.recognizer import OnnxLineRecognizer, Reading, prepare
from pipeline.recognizers.base import LineText

MAX_INPUT_WIDTH = 1000  # the graph's positional encoding holds 256 frames (1024 pixels): a longer line is cut


def greedy_with_confidence(reading: Reading) -> LineText:
    """The best path, repeats collapsed and blanks dropped (``Reading.greedy``), with per-character confidences."""
    chars: list[str] = []
    confidences: list[float] = []
    best = reading.probs.max(axis=1)
    prev = -1
    for t, k in enumerate(reading.best_path):
        if k != 0 and k != prev:
            chars.append(reading.chars[k])
            confidences.append(float(best[t]))
        elif k != 0 and k == prev:
            confidences[-1] = max(confidences[-1], float(best[t]))
        prev = k
    # Whitespace collapsed as Reading.greedy does, keeping each kept character's confidence.
    text, kept = [], []
    for ch, c in zip(chars, confidences, strict=True):
        if ch.isspace():
            if text and text[-1] != " ":
                text.append(" ")
                kept.append(c)
            continue
        text.append(ch)
        kept.append(c)
    while text and text[-1] == " ":
        text.pop()
        kept.pop()
    joined = "".join(text)
    if unicodedata.normalize("NFC", joined) != joined:  # combining marks: per-character confidences no longer align
        joined = unicodedata.normalize("NFC", joined)
        kept = [float(np.mean(kept))] * len(joined) if kept else []
    if not joined:
        return LineText("", 0.0)
    return LineText(joined, float(np.mean(kept)), tuple(kept))


class OnnxLine:
    """asterocr's AsterNet (pipeline.icr.recognizer: its session, pre-processing and decoding) reading lines."""

    def __init__(self, model: OnnxLineRecognizer | None = None):
        self.model = model or OnnxLineRecognizer()
        self.name = self.model.name

    def read_line(self, grey: np.ndarray) -> LineText:
        image = Image.fromarray(np.ascontiguousarray(grey, dtype=np.uint8))
        if prepare(image).shape[-1] <= MAX_INPUT_WIDTH or grey.shape[1] < 8:
            return greedy_with_confidence(self.model.read(image))
        cut = _cut_column(grey)
        left, right = self.read_line(grey[:, :cut]), self.read_line(grey[:, cut:])
        if not left.text or not right.text:
            return left if left.text else right
        text = f"{left.text} {right.text}"
        chars = (*_or_uniform(left), min(left.confidence, right.confidence), *_or_uniform(right))
        return LineText(text, float(np.mean(chars)), chars)


def _or_uniform(text: LineText) -> tuple[float, ...]:
    return text.char_confidences or (text.confidence,) * len(text.text)


def _cut_column(grey: np.ndarray) -> int:
    """Where to cut a line too long for the graph: the column with the least ink in its middle third (a word gap)."""
    ink = (float(np.percentile(grey, 90)) - grey.astype(np.float32)).clip(0, None).sum(axis=0)
    w = grey.shape[1]
    lo, hi = w // 3, max(w // 3 + 1, 2 * w // 3)
    smooth = np.convolve(ink, np.ones(5) / 5, mode="same")
    return lo + int(np.argmin(smooth[lo:hi]))
