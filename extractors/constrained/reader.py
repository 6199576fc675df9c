"""One cell read: the recognizer's frames decoded against the cell's kind, and a status.

A cell is ``ok`` only when its best value is far ahead of the runner-up (``margin``, natural log of the
probability ratio) and fits the frames nearly as well as the recognizer's own best string (``fit``: log P(best
value) - log P(best string), both summed over CTC alignments; a name or place the grammar lacks fits badly).
A name the lexicon cannot spell (fit below ``NAME_FALLBACK_FIT``) is suggested as the recognizer read it, for
review: a rare given name is better typed from a close reading than from the nearest listed one. The
thresholds per kind are in ``margins.yaml``, fitted by ``bench/bench_icr.py --fit`` on the tuning hands only.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import yaml
from PIL import Image

from extractors.constrained.kinds import CellContext, grammar_for
from pipeline.icr.ctc import Candidate, Decoder, string_log_prob
from pipeline.icr.recognizer import OnnxLineRecognizer, Reading, Recognizer
from pipeline.icr.script import classify

MARGINS = Path(__file__).with_name("margins.yaml")
PAGE_MARGINS = Path(__file__).with_name("page_margins.yaml")
NO_RUNNER_UP = 50.0  # the margin when the search kept a single value
NAME_FALLBACK_FIT = -6.0


@dataclass(frozen=True)
class Threshold:
    margin: float
    fit: float


@dataclass
class CellResult:
    kind: str
    text: str  # the recognizer's unconstrained best string
    value: str | None  # the constrained value (the text itself for kind "text")
    probability: float  # of the value among the values the grammar allows (kind text: of the best path)
    runner_up: str | None
    runner_up_probability: float
    margin: float
    fit: float
    status: str  # ok | review
    script: str | None = None  # empty | printed | handwritten (pipeline/icr/script.py), when it was looked at

    def to_json_dict(self) -> dict:
        return asdict(self)


@cache
def thresholds(path: Path = MARGINS) -> dict[str, Threshold]:
    """The thresholds per kind in ``path``: ``margins.yaml`` (cells read alone) or ``page_margins.yaml``
    (cells cut from whole register pages, fitted with the row rules: bench/bench_icr_pages.py)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {kind: Threshold(float(t["margin"]), float(t["fit"])) for kind, t in data["thresholds"].items()}


def decide(kind: str, reading: Reading, candidates: list[Candidate], limits: dict[str, Threshold],
           context: CellContext = CellContext()) -> CellResult:
    text = reading.greedy()
    path = reading.greedy_log_prob()
    limit = limits.get(kind)
    if kind == "text" or not candidates:
        fit = 0.0 if kind == "text" else -NO_RUNNER_UP
        prob = math.exp(path) if kind == "text" else 0.0
        ok = kind == "text" and limit is not None and path >= limit.fit and bool(text)
        return CellResult(kind, text, text if kind == "text" else None, prob, None, 0.0,
                          0.0, fit, "ok" if ok else "review")
    best = candidates[0]
    total = best.log_prob
    for c in candidates[1:]:
        total = max(total, c.log_prob) + math.log1p(math.exp(-abs(total - c.log_prob)))
    second = candidates[1] if len(candidates) > 1 else None
    margin = _bounded(best.log_prob - second.log_prob if second else NO_RUNNER_UP)
    fit = _bounded(best.log_prob - string_log_prob(reading.probs, reading.chars, text))
    ok = limit is not None and margin >= limit.margin and fit >= limit.fit
    value = str(best.value)
    if kind == "number" and context.expected_number is not None and value != context.expected_number:
        ok = False  # the row rule: entry numbers run in sequence down the page
    if kind == "name" and fit < NAME_FALLBACK_FIT and len(text.split()) >= 2:
        value, ok = text.upper(), False
    return CellResult(kind, text, value, math.exp(best.log_prob - total),
                      str(second.value) if second else None,
                      math.exp(second.log_prob - total) if second else 0.0,
                      margin, fit, "ok" if ok else "review")


def _bounded(x: float) -> float:
    """Rounded (thresholds are compared with what is reported) and finite (JSON has no infinity)."""
    return round(max(-NO_RUNNER_UP, min(NO_RUNNER_UP, x)), 3)


class CellReader:
    """The recognizer loaded once; each cell decoded against its kind."""

    def __init__(self, recognizer: Recognizer | None = None, limits: dict[str, Threshold] | None = None,
                 look_at_script: bool = True):
        self.recognizer = recognizer or OnnxLineRecognizer()
        self.limits = thresholds() if limits is None else limits
        self.look_at_script = look_at_script

    def candidates(self, reading: Reading, kind: str, context: CellContext) -> list[Candidate]:
        grammar = grammar_for(kind, context)
        return [] if grammar is None else Decoder(grammar).decode(reading.probs, reading.chars)

    def read(self, image: Image.Image, kind: str, context: CellContext = CellContext()) -> CellResult:
        """The cell decoded against its kind, and whether it is empty, printed or handwritten. An empty cell
        (nothing darker than the paper) is not decoded: no value, ``ok``."""
        reading = self.recognizer.read(image)
        if not self.look_at_script:
            return decide(kind, reading, self.candidates(reading, kind, context), self.limits, context)
        script = classify(image, reading.greedy())
        if script.kind == "empty":
            return CellResult(kind, "", None, 1.0, None, 0.0, NO_RUNNER_UP, 0.0, "ok", "empty")
        result = decide(kind, reading, self.candidates(reading, kind, context), self.limits, context)
        result.script = script.kind
        return result
