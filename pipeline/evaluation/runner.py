"""Running a system (sohoa or the baseline) over the cases, files in parallel, and scoring each file.

One file per worker process, as many workers as ``jobs``, Tesseract single-threaded
(``OMP_THREAD_LIMIT=1``): DESIGN.md, "Tesseract single-threaded, pages in parallel".
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Literal

from pipeline.errors import BadInput
from pipeline.evaluation.scoring import FileScore, score_file
from pipeline.evaluation.truth import Case
from pipeline.models import ExtractionResult

System = Literal["sohoa", "baseline"]
SYSTEMS: tuple[System, ...] = ("sohoa", "baseline")


def _single_thread_tesseract() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def extract_with(system: System, path: Path) -> tuple[ExtractionResult | None, float, str | None]:
    """Run ``system`` on one file: (result or None, seconds, error line or None). Never raises."""
    _single_thread_tesseract()
    start = time.perf_counter()
    try:
        if system == "baseline":
            from pipeline.evaluation.baseline import baseline_extract

            result = baseline_extract(path)
        else:
            from pipeline.process import extract_file

            result = extract_file(path, jobs=1)
        return result, time.perf_counter() - start, None
    except BadInput as err:
        return None, time.perf_counter() - start, f"bad input: {err.reason}"
    except Exception as err:  # noqa: BLE001 - an evaluation reports a crash on one file and goes on
        return None, time.perf_counter() - start, f"{err.__class__.__name__}: {err}"


def run_system(
    system: System,
    cases: Sequence[Case],
    jobs: int = 1,
    on_file: Callable[[FileScore], None] | None = None,
) -> tuple[list[FileScore], float]:
    """Score every case with ``system``; returns the file scores in case order and the wall-clock seconds."""
    start = time.perf_counter()
    scores: list[FileScore] = []

    def collect(case: Case, outcome: tuple[ExtractionResult | None, float, str | None]) -> None:
        result, seconds, error = outcome
        score = score_file(case, result, seconds, error)
        scores.append(score)
        if on_file is not None:
            on_file(score)

    if jobs <= 1 or len(cases) <= 1:
        for case in cases:
            collect(case, extract_with(system, case.input_path))
    else:
        with ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=_single_thread_tesseract,
        ) as pool:
            futures = [pool.submit(extract_with, system, case.input_path) for case in cases]
            for case, future in zip(cases, futures, strict=True):
                collect(case, future.result())
    return scores, time.perf_counter() - start
