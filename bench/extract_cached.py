"""Extraction on cached OCR: read every file of a corpus once (OCR pages with words and images kept in a cache
folder), then score the extractors on the cached pages in seconds. For working on extraction, where the OCR
does not change between runs.

    python -m bench.extract_cached CORPUS [--cache DIR] [--jobs N] [--families SPEC] [--silent K] [--field KEY]

The first run OCRs (``--jobs`` processes); later runs only extract. The figures are the same as ``sohoa eval``'s
(the same scoring), grouped by family when the truth files name one. ``--silent K`` lists the first K wrong
values marked ``ok``; ``--field KEY`` lists every wrong or missed value of that field.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pipeline.evaluation.metrics import Metrics, compute_metrics
from pipeline.evaluation.scoring import FileScore, score_file
from pipeline.evaluation.truth import Case, find_cases
from pipeline.models import ExtractionResult, PageOcr


def _cache_dir(cache: Path, case: Case) -> Path:
    return cache / case.input_path.name


def ocr_case(case: Case, cache: Path) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    from pipeline.process import read_pages

    folder = _cache_dir(cache, case)
    done = folder / "pages.json"
    if done.exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    try:
        pages = read_pages(case.input_path, jobs=1, workdir=folder)
    except Exception as err:  # noqa: BLE001 - a file that cannot be read is recorded and skipped
        done.write_text(json.dumps({"error": str(err)}), encoding="utf-8")
        return
    done.write_text(json.dumps([p.model_dump(mode="json") for p in pages], ensure_ascii=False), encoding="utf-8")


def extract_case(case: Case, cache: Path) -> tuple[FileScore, float]:
    from pipeline.process import extract_stream

    data = json.loads((_cache_dir(cache, case) / "pages.json").read_text(encoding="utf-8"))
    if isinstance(data, dict):
        return score_file(case, None, 0.0, data["error"]), 0.0
    pages = [PageOcr(**p) for p in data]
    start = time.perf_counter()
    documents = extract_stream(pages)
    seconds = time.perf_counter() - start
    result = ExtractionResult(source=case.input_path.name, sha256="", pages=[p.to_contract() for p in pages],
                              documents=documents, timings={"extract": seconds})
    return score_file(case, result, seconds), seconds


def families_of(case: Case) -> set[str]:
    return {f"{d.schema_id}:{d.family or d.variant or '?'}" for d in case.truth.documents}


def _row(name: str, m: Metrics) -> str:
    def pct(v: float | None) -> str:
        return "   -  " if v is None else f"{100 * v:6.1f}"
    silent = m.accepted - m.accepted_correct
    return (f"{name:44s} docs {m.documents:3d} cls {pct(m.classification_accuracy)} fld {pct(m.field_accuracy)} "
            f"rows {pct(m.row_field_accuracy)} cov {pct(m.coverage)} prec {pct(m.precision)} silent {silent:3d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extract_cached")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--families", default="", help="comma-separated family names (default: all)")
    parser.add_argument("--silent", type=int, default=20)
    parser.add_argument("--field", default="")
    args = parser.parse_args(argv)
    cache = args.cache or args.corpus / ".ocr-cache"
    cases, _ = find_cases(args.corpus)
    wanted = {f for f in args.families.split(",") if f}
    if wanted:
        cases = [c for c in cases if any(f.split(":")[1] in wanted for f in families_of(c))]
    todo = [c for c in cases if not (_cache_dir(cache, c) / "pages.json").exists()]
    if todo:
        t0 = time.perf_counter()
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            list(pool.map(ocr_case, todo, [cache] * len(todo)))
        print(f"OCR of {len(todo)} files: {time.perf_counter() - t0:.1f} s")
    scores: list[FileScore] = []
    seconds = 0.0
    pages = 0
    for case in cases:
        score, took = extract_case(case, cache)
        scores.append(score)
        seconds += took
        pages += len(case.truth.pages) or 1
    by_family: dict[str, list[FileScore]] = defaultdict(list)
    by_tier: dict[str, list[FileScore]] = defaultdict(list)
    for case, score in zip(cases, scores, strict=True):
        for fam in families_of(case):
            by_family[fam].append(score)
        by_tier[case.truth.tier].append(score)
    for fam in sorted(by_family):
        print(_row(fam, compute_metrics(by_family[fam], schema=fam.split(":")[0])))
    for tier in sorted(by_tier):
        print(_row(f"tier {tier}", compute_metrics(by_tier[tier])))
    print(_row("ALL", compute_metrics(scores)))
    print(f"extraction: {seconds:.2f} s for {pages} pages ({seconds / max(pages, 1):.3f} s/page)")
    shown = 0
    for score in scores:
        for outcome in score.outcomes():
            silent = outcome.silent_error
            wanted_field = args.field in (outcome.key, "ALL") and args.field and not outcome.correct
            if (silent and shown < args.silent) or wanted_field:
                if silent:
                    shown += 1
                tag = "SILENT" if silent else "miss  "
                row = "" if outcome.row is None else f"[{outcome.row}]"
                print(f"{tag} {score.source:48s} {outcome.schema_id}.{outcome.key}{row}: "
                      f"{outcome.predicted!r} vs {outcome.truth!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
