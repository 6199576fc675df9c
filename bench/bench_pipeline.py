"""Benchmark: the whole pipeline (``sohoa digitize``: OCR, extraction, PDF/A-2b, PAdES signature, store)
against OCRmyPDF's OCR only (``ocrmypdf -l vie --output-type pdfa -j 2``) on the same scanned pages.

    .venv/bin/python -m bench.bench_pipeline [--pages 100] [--jobs 2] [--files 1]

The input is ``--pages`` 200 dpi A4 colour scans (skew, noise, yellowed paper) from the sample generator's
``scan_like_pdf``, as one PDF (``--files 1``) or split into that many PDFs. ``sohoa digitize`` runs in a
subprocess with a fresh SOHOA_HOME (so nothing is skipped as done; the development signer and Prefect's
database are made first, outside the timing) and Prefect's local ephemeral API, which takes several seconds
to start: both the whole command's time and the flow's own time (``summary.json``) are reported.
OCRmyPDF gets the same PDF(s), one after the other, with the same ``OMP_THREAD_LIMIT=1``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pikepdf
from rich.console import Console
from rich.table import Table

from bench.measure import Run, run_measured

ENV = {"OMP_THREAD_LIMIT": "1"}


def make_inputs(pages: int, files: int, folder: Path, seed: int) -> list[Path]:
    """``pages`` scan-like pages as ``files`` PDFs (the pages split as evenly as possible)."""
    from samples.generate import scan_like_pdf

    whole = scan_like_pdf(folder / "all" / f"scan-{pages}.pdf", pages, seed)
    if files <= 1:
        return [whole]
    out = folder / "split"
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with pikepdf.open(whole) as pdf:
        bounds = [round(i * pages / files) for i in range(files + 1)]
        for i in range(files):
            part = pikepdf.new()
            part.pages.extend(pdf.pages[bounds[i]:bounds[i + 1]])
            path = out / f"scan-{i + 1:03d}.pdf"
            part.save(path)
            paths.append(path)
    return paths


def run_sohoa(inputs: list[Path], out: Path, home: Path, jobs: int) -> tuple[Run, dict]:
    sohoa = str(Path(sys.executable).parent / "sohoa")
    env = {**ENV, "SOHOA_HOME": str(home)}
    # outside the timing: the development signer, and Prefect's database (made on its first start)
    run_measured([sohoa, "sign", str(inputs[0]), str(home / "warm-up-signed.pdf")], env)
    empty = home / "empty"
    empty.mkdir(parents=True, exist_ok=True)
    run_measured([sohoa, "digitize", str(empty), "--out", str(home / "warm-up-out")], env)
    run = run_measured([sohoa, "digitize", str(inputs[0].parent), "--out", str(out), "--jobs", str(jobs)], env)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return run, summary


def run_ocrmypdf(inputs: list[Path], out: Path, jobs: int) -> Run:
    ocrmypdf = str(Path(sys.executable).parent / "ocrmypdf")
    out.mkdir(parents=True, exist_ok=True)
    total = Run(seconds=0.0, peak_rss_mb=0.0, returncode=0)
    for src in inputs:
        run = run_measured([ocrmypdf, "-q", "-l", "vie", "--output-type", "pdfa", "-j", str(jobs), str(src),
                            str(out / src.name)], ENV)
        total = Run(total.seconds + run.seconds, max(total.peak_rss_mb, run.peak_rss_mb), run.returncode)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--files", type=int, default=1, help="split the pages into this many PDFs")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", type=Path, help="keep inputs and outputs in this folder")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    if not (Path(sys.executable).parent / "ocrmypdf").exists():
        print("ocrmypdf is not installed (pip install ocrmypdf)", file=sys.stderr)
        return 2
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sohoa-bench-pipeline-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        inputs = make_inputs(args.pages, args.files, folder, args.seed)
        ours, summary = run_sohoa(inputs, folder / "sohoa-out", folder / "home", args.jobs)
        theirs = run_ocrmypdf(inputs, folder / "ocrmypdf-out", args.jobs)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    counts = summary["counts"]
    if counts["done"] != len(inputs) or summary["pages_processed"] != args.pages:
        print(f"sohoa digitize did not finish every input: {counts}", file=sys.stderr)
        return 1
    n = args.pages
    figures = {
        "pages": n,
        "files": len(inputs),
        "jobs": args.jobs,
        "cpus": os.cpu_count(),
        "sohoa_seconds_command": round(ours.seconds, 2),
        "sohoa_seconds_flow": summary["seconds"],
        "sohoa_pages_per_second_command": round(n / ours.seconds, 3),
        "sohoa_pages_per_second_flow": round(n / summary["seconds"], 3),
        "sohoa_peak_mb": round(ours.peak_rss_mb),
        "ocrmypdf_seconds": round(theirs.seconds, 2),
        "ocrmypdf_pages_per_second": round(n / theirs.seconds, 3),
        "ocrmypdf_peak_mb": round(theirs.peak_rss_mb),
        "ratio_command": round(theirs.seconds / ours.seconds, 2),
        "ratio_flow": round(theirs.seconds / summary["seconds"], 2),
    }
    table = Table(title=f"Full pipeline vs OCRmyPDF OCR-only: {n} pages in {len(inputs)} file(s), jobs={args.jobs}")
    for col in ("tool", "what it does", "seconds", "pages/s", "peak MB"):
        table.add_column(col)
    table.add_row("sohoa digitize", "OCR, extract, PDF/A, sign, store (whole command)",
                  f"{ours.seconds:.1f}", f"{n / ours.seconds:.2f}", f"{ours.peak_rss_mb:.0f}")
    table.add_row("  (flow only)", "without Prefect's start-up", f"{summary['seconds']:.1f}",
                  f"{n / summary['seconds']:.2f}", "")
    table.add_row("ocrmypdf", "OCR + PDF/A only", f"{theirs.seconds:.1f}", f"{n / theirs.seconds:.2f}",
                  f"{theirs.peak_rss_mb:.0f}")
    Console().print(table)
    print(f"speed ratio sohoa/ocrmypdf: ×{figures['ratio_command']} (whole command), ×{figures['ratio_flow']} (flow)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
