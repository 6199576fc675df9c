"""A CTC line recognizer behind a small interface: an image in, per-frame character probabilities out.

The one implementation runs asterocr's bundled ONNX graph (input ``images``: batch x 3 x 32 x width, RGB in
[-1, 1]; output ``log_probs``: time x batch x 227, one frame per 4 pixels of width) with onnxruntime on one
thread. Pre-processing is ours: grey, dark ink on light paper (inverted when the cell is light on dark), cropped
to the ink with a margin, height normalised to 32 pixels.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

import numpy as np
from PIL import Image

from pipeline.icr.model_file import model_files

HEIGHT = 32
MAX_WIDTH = 1600  # wider crops are squeezed: a register cell is never that long
PAD = 6


@dataclass
class Reading:
    """What the recognizer saw in one image: ``probs[t, k]`` is the probability of ``chars[k]`` at frame t."""

    probs: np.ndarray  # (frames, classes), rows sum to 1
    chars: tuple[str, ...]  # chars[0] is the blank

    @cached_property
    def best_path(self) -> list[int]:
        return [int(k) for k in self.probs.argmax(axis=1)]

    def greedy(self) -> str:
        """The unconstrained best string: the best class per frame, repeats collapsed, blanks dropped."""
        out, prev = [], -1
        for k in self.best_path:
            if k != prev and k != 0:
                out.append(self.chars[k])
            prev = k
        return unicodedata.normalize("NFC", " ".join("".join(out).split()))

    def greedy_log_prob(self) -> float:
        """Log-probability of the best path (a lower bound of the best string's probability)."""
        return float(np.log(self.probs.max(axis=1) + 1e-12).sum())


class Recognizer(Protocol):
    name: str

    def read(self, image: Image.Image) -> Reading: ...


def prepare(image: Image.Image) -> np.ndarray:
    """A cell image as the network's input row: 1 x 3 x 32 x W, dark ink, values in [-1, 1]."""
    grey = np.asarray(image.convert("L"), dtype=np.float32)
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    if np.median(border) < 110:  # light writing on a dark ground
        grey = 255.0 - grey
    grey = _crop_to_ink(grey)
    h, w = grey.shape
    width = int(round(w * HEIGHT / max(h, 1)))
    width = min(max(16, (width + 3) // 4 * 4), MAX_WIDTH)
    row = Image.fromarray(grey.clip(0, 255).astype(np.uint8)).resize((width, HEIGHT), Image.Resampling.BILINEAR)
    arr = np.asarray(row, dtype=np.float32) / 255.0
    arr = (arr - 0.5) / 0.5
    return np.repeat(arr[None, None], 3, axis=1)


def _crop_to_ink(grey: np.ndarray) -> np.ndarray:
    """The ink's bounding box with a margin; an empty cell is returned whole."""
    paper, darkest = float(np.percentile(grey, 90)), float(np.percentile(grey, 0.5))
    if paper - darkest < 25:  # nothing written, or nothing that stands out of the paper
        return grey
    ink = grey < paper - 0.3 * (paper - darkest)  # relative: a faded hand keeps its first and last letters
    if ink.sum() < 4:
        return grey
    ys, xs = np.nonzero(ink)
    h, w = grey.shape
    y0, y1 = max(0, ys.min() - PAD), min(h, ys.max() + PAD + 1)
    x0, x1 = max(0, xs.min() - PAD), min(w, xs.max() + PAD + 1)
    crop = grey[y0:y1, x0:x1]
    return np.pad(crop, ((2, 2), (PAD, PAD)), constant_values=paper)


class OnnxLineRecognizer:
    """asterocr's bundled AsterNet, run by onnxruntime (no code of the asterocr package is imported)."""

    name = "asternet-onnx"

    def __init__(self, threads: int = 1):
        import onnxruntime as ort

        files = model_files()
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(files.onnx), options, providers=["CPUExecutionProvider"])
        self.chars = files.chars
        self.version = files.version
        self.input_name = self.session.get_inputs()[0].name

    def read(self, image: Image.Image) -> Reading:
        log_probs = self.session.run(None, {self.input_name: prepare(image)})[0][:, 0, :]
        probs = np.exp(log_probs.astype(np.float64))
        probs /= probs.sum(axis=1, keepdims=True)
        return Reading(probs=probs, chars=self.chars)
