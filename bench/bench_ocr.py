"""Benchmark: ``sohoa ocr`` against ``ocrmypdf -l vie --output-type pdfa -j 2`` on the same scanned PDFs.

    .venv/bin/python -m bench.bench_ocr --pages 20 200

For each size it prints pages per second, output bytes per page and peak memory (whole process tree) of both, and
the ratios. Inputs are 200 dpi A4 colour scans with some skew and noise made by the sample generator.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.measure import PEER_NICENESS, run_measured

ENV = {"OMP_THREAD_LIMIT": "1"}


def make_input(pages: int, folder: Path, seed: int) -> Path:
    from samples.generate import scan_like_pdf

    out = folder / f"scan-{pages}.pdf"
    scan_like_pdf(out, pages, seed)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[20, 200])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", type=Path, help="keep inputs and outputs in this folder")
    args = parser.parse_args(argv)
    if not shutil.which("ocrmypdf") and not (Path(sys.executable).parent / "ocrmypdf").exists():
        print("ocrmypdf is not installed (pip install ocrmypdf)", file=sys.stderr)
        return 2
    ocrmypdf = str(Path(sys.executable).parent / "ocrmypdf")
    sohoa = str(Path(sys.executable).parent / "sohoa")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sohoa-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    console = Console()
    table = Table(title=f"sohoa ocr vs OCRmyPDF (jobs={args.jobs}, 200 dpi A4 colour scans)")
    for col in ("pages", "tool", "seconds", "pages/s", "kB/page", "peak MB"):
        table.add_column(col, justify="right")
    table.add_column("ratio sohoa/ocrmypdf", justify="right")
    try:
        for n in args.pages:
            src = make_input(n, folder, args.seed)
            ours_out, theirs_out = folder / f"sohoa-{n}.pdf", folder / f"ocrmypdf-{n}.pdf"
            ours = run_measured([sohoa, "ocr", str(src), str(ours_out), "--jobs", str(args.jobs)], ENV,
                                niceness=PEER_NICENESS)  # OCRmyPDF's own niceness
            theirs = run_measured(
                [ocrmypdf, "-q", "-l", "vie", "--output-type", "pdfa", "-j", str(args.jobs), str(src), str(theirs_out)],
                ENV,
            )
            rows = [("sohoa", ours, ours_out), ("ocrmypdf", theirs, theirs_out)]
            for tool, run, out in rows:
                table.add_row(
                    str(n),
                    tool,
                    f"{run.seconds:.1f}",
                    f"{n / run.seconds:.2f}",
                    f"{out.stat().st_size / n / 1024:.0f}",
                    f"{run.peak_rss_mb:.0f}",
                    "",
                )
            table.add_row(
                str(n),
                "ratio",
                "",
                "",
                "",
                "",
                f"speed ×{theirs.seconds / ours.seconds:.2f}, size ×"
                f"{ours_out.stat().st_size / theirs_out.stat().st_size:.2f}, memory ×"
                f"{ours.peak_rss_mb / theirs.peak_rss_mb:.2f}",
            )
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    console.print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
