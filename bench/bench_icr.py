"""Handwritten register cells: constrained reading against the recognizer's unconstrained best string.

    nice -n 5 .venv/bin/python -m bench.bench_icr --fit     # tuning hands: fit the ok thresholds, write them
    nice -n 5 .venv/bin/python -m bench.bench_icr           # held-out hands: score once, print the report

Cells come from samples/handwriting.py (its TUNING and HELD_OUT hands never mix). Per field kind it prints the
cell accuracy of the unconstrained best string (exactly what was written) and of the constrained value (exactly
the true value), the share of cells marked ``ok`` (coverage) and how many of those are right (precision), the
seconds per cell, and the keystrokes per entry with suggestions against typing everything.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections import defaultdict
from dataclasses import dataclass

import yaml
from rich.console import Console
from rich.table import Table

from extractors.constrained.kinds import KINDS, CellContext
from extractors.constrained.reader import MARGINS, CellReader, CellResult, Threshold, decide
from pipeline.icr.ctc import Candidate
from pipeline.icr.recognizer import Reading
from samples.handwriting import HELD_OUT, TUNING, CellSample, corpus

PRECISION_TARGET = 0.995
# A margin below ln(0.995 / 0.005) would call a cell sure whose runner-up keeps more than 0.5 % of the
# probability: never, whatever the tuning cells allow (too few of them to show a 0.5 % error rate).
MIN_MARGIN = math.log(PRECISION_TARGET / (1 - PRECISION_TARGET))
MARGIN_GRID = [round(MIN_MARGIN + 0.5 * i, 2) for i in range(0, 61)]
FIT_GRID = [-0.5 * i for i in range(0, 41)]


@dataclass
class Scored:
    sample: CellSample
    reading: Reading
    candidates: list[Candidate]
    seconds_read: float
    seconds_decode: float


def read_all(samples: list[CellSample], reader: CellReader) -> list[Scored]:
    out = []
    for s in samples:
        t0 = time.perf_counter()
        reading = reader.recognizer.read(s.image)
        t1 = time.perf_counter()
        candidates = reader.candidates(reading, s.kind, context(s))
        out.append(Scored(s, reading, candidates, t1 - t0, time.perf_counter() - t1))
    return out


def context(s: CellSample) -> CellContext:
    # The page's sequence: the number of the row (books are numbered from 1 in the generator).
    expected = s.written if s.kind == "number" else None
    return CellContext(entry_date=s.entry_date, years=s.years, expected_number=expected)


def results(scored: list[Scored], limits: dict[str, Threshold]) -> list[CellResult]:
    return [decide(s.sample.kind, s.reading, s.candidates, limits, context(s.sample)) for s in scored]


def fit(scored: list[Scored]) -> dict[str, Threshold]:
    """Per kind, the thresholds with the most cells ok at a precision of at least PRECISION_TARGET (an error
    costs the rest: with few cells per kind this means no error at all on the tuning hands)."""
    limits: dict[str, Threshold] = {}
    loose = {k: Threshold(-1e9, -1e9) for k in KINDS}
    by_kind: dict[str, list[tuple[CellResult, bool]]] = defaultdict(list)
    for s, r in zip(scored, results(scored, loose), strict=True):
        by_kind[s.sample.kind].append((r, r.value == s.sample.value))
    for kind, rows in by_kind.items():
        best: tuple[int, Threshold] = (-1, Threshold(99.0, 0.0))
        for m in MARGIN_GRID:
            for f in FIT_GRID:
                ok = [right for r, right in rows if r.margin >= m and r.fit >= f]
                # At equal coverage the strictest thresholds: the most room for hands not seen here.
                if ok and sum(ok) / len(ok) >= PRECISION_TARGET and len(ok) >= best[0]:
                    if len(ok) > best[0] or (m, f) > (best[1].margin, best[1].fit):
                        best = (len(ok), Threshold(m, f))
        limits[kind] = best[1]
    return limits


def keystrokes(scored: list[Scored], res: list[CellResult]) -> tuple[float, float, float]:
    """Per entry: typing everything (every character and Enter), keying with the suggestions (Enter on a right
    suggestion, the whole value and Enter on a wrong one), and the same with ok cells accepted unseen."""
    full = suggested = ok_unseen = 0
    for s, r in zip(scored, res, strict=True):
        typed = len(s.sample.written) + 1
        right = r.value == s.sample.value
        full += typed
        suggested += 1 if right else typed
        ok_unseen += 0 if r.status == "ok" else (1 if right else typed)
    entries = len(scored) / 7
    return full / entries, suggested / entries, ok_unseen / entries


def report(scored: list[Scored], res: list[CellResult], title: str) -> dict:
    table = Table(title=title)
    for col in ("kind", "cells", "best string right", "constrained right", "ok", "ok right", "s/cell"):
        table.add_column(col, justify="right")
    summary: dict = {"kinds": {}}
    kinds = [k for k in KINDS if any(s.sample.kind == k for s in scored)]
    for kind in [*kinds, "all"]:
        rows = [(s, r) for s, r in zip(scored, res, strict=True) if kind in ("all", s.sample.kind)]
        n = len(rows)
        raw = sum(" ".join(r.text.split()) == s.sample.written for s, r in rows) / n
        right = sum(r.value == s.sample.value for s, r in rows) / n
        ok = [r.value == s.sample.value for s, r in rows if r.status == "ok"]
        precision = sum(ok) / len(ok) if ok else float("nan")
        secs = sum(s.seconds_read + s.seconds_decode for s, _ in rows) / n
        summary["kinds"][kind] = {"cells": n, "best_string_right": raw, "constrained_right": right,
                                  "ok_coverage": len(ok) / n, "ok_precision": precision, "seconds_per_cell": secs}
        table.add_row(kind, str(n), f"{raw:.1%}", f"{right:.1%}", f"{len(ok) / n:.1%}",
                      f"{precision:.1%} ({sum(ok)}/{len(ok)})", f"{secs:.3f}")
    full, suggested, unseen = keystrokes(scored, res)
    summary["keystrokes_per_entry"] = {"typing_everything": full, "with_suggestions": suggested,
                                       "ok_accepted_unseen": unseen}
    console = Console()
    console.print(table)
    console.print(f"keystrokes per entry: typing everything {full:.1f}, with suggestions {suggested:.1f}, "
                  f"ok cells accepted unseen {unseen:.1f}")
    read = sum(s.seconds_read for s in scored) / len(scored)
    decode = sum(s.seconds_decode for s in scored) / len(scored)
    console.print(f"seconds per cell: recognizer {read:.3f}, constrained decoding {decode:.3f}")
    return summary


def write_limits(limits: dict[str, Threshold]) -> None:
    head = ["# Thresholds of an `ok` cell per field kind (extractors/constrained/reader.py): margin = ln P(best",
            "# value) - ln P(runner-up); fit = ln P(best value) - ln P(the recognizer's best string)."]
    body = {"thresholds": {k: {"margin": t.margin, "fit": t.fit} for k, t in sorted(limits.items())}}
    text = "\n".join([*head, "# Fitted on the tuning hands only by `bench/bench_icr.py --fit`.", ""])
    MARGINS.write_text(text + yaml.safe_dump(body, sort_keys=False), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="fit the ok thresholds on the tuning hands")
    parser.add_argument("--books", type=int, default=4)
    parser.add_argument("--entries", type=int, default=10, help="entries per book (7 cells each)")
    parser.add_argument("--json", dest="json_out", help="also write the report as JSON here")
    args = parser.parse_args()
    reader = CellReader()
    if args.fit:
        scored = read_all(corpus(TUNING, args.books + 2, args.entries, seed=11), reader)
        limits = fit(scored)
        limits["text"] = reader.limits.get("text", Threshold(0.0, -1.0))
        write_limits(limits)
        summary = report(scored, results(scored, limits), "tuning hands (thresholds fitted here)")
    else:
        scored = read_all(corpus(HELD_OUT, args.books, args.entries, seed=31), reader)
        summary = report(scored, results(scored, reader.limits), "held-out hands")
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump(summary, fh, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
