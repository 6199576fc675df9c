"""Page CER and reading time with and without the second recognizer: ``python -m bench.bench_recognizers DIR...``.

Every ``NAME.truth.json`` under each DIR is read through the page stage (``pipeline.reading.read_image``, no
extraction), once with SOHOA_SECOND_RECOGNIZER=off and once with it on; per tier (kind) it prints the page CER
(edit distance over truth characters, as ``sohoa eval`` counts it), the pages read empty, the pages where the
fallback fired, and the CPU seconds of the page stage. One process, one thread (OMP_THREAD_LIMIT=1).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def _read(path: Path, second: str) -> tuple[list[str], list[dict], float]:
    from pipeline.config import settings
    from pipeline.ingest import load_page, open_document
    from pipeline.ocr import page_text
    from pipeline.reading import read_image

    os.environ["SOHOA_SECOND_RECOGNIZER"] = second
    settings.cache_clear()
    texts, notes, seconds = [], [], 0.0
    for source in open_document(path):
        rgb = load_page(source)
        start = time.process_time()
        readings = read_image(rgb, source.dpi)
        seconds += time.process_time() - start
        for reading in readings:
            texts.append(page_text(reading.lines))
            notes.append(reading.prepared.notes.model_dump())
    return texts, notes, seconds


def main(argv: list[str] | None = None) -> int:
    from pipeline.evaluation.scoring import page_edits

    parser = argparse.ArgumentParser(prog="python -m bench.bench_recognizers", description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--json", type=Path, help="per-page results")
    args = parser.parse_args(argv)
    from pipeline.recognizers.choice import line_recognizer

    line_recognizer()  # the model loaded before anything is timed
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0.0, 0])
    rows = []
    for folder in args.dirs:
        for truth_file in sorted(folder.rglob("*.truth.json")):
            truth = json.loads(truth_file.read_text(encoding="utf-8"))
            source = truth_file.parent / truth["source"]
            tier = truth.get("tier", "?")
            for second in ("off", "on"):
                texts, notes, seconds = _read(source, second)
                acc = totals[(tier, second)]
                for i, t_page in enumerate(truth["pages"]):
                    text = texts[i] if i < len(texts) else ""
                    edits, chars = page_edits(text, t_page["text"])
                    fired = bool(i < len(notes) and notes[i].get("second_reading"))
                    acc[0] += edits
                    acc[1] += chars
                    acc[2] += int(not text.strip())
                    acc[3] += int(fired)
                    acc[5] += 1
                    rows.append({"file": str(source), "page": i + 1, "second": second, "tier": tier,
                                 "edits": edits, "chars": chars, "fired": fired,
                                 "notes": notes[i] if i < len(notes) else None})
                acc[4] += seconds
    print(f"{'tier':<12} {'second':<6} {'pages':>5} {'CER %':>7} {'empty':>5} {'fired':>5} {'s/page':>7}")
    for (tier, second), (edits, chars, empty, fired, seconds, pages) in sorted(totals.items()):
        cer = 100 * edits / chars if chars else 0.0
        print(f"{tier:<12} {second:<6} {pages:>5} {cer:>7.2f} {empty:>5} {fired:>5} {seconds / max(pages, 1):>7.3f}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
