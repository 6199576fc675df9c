"""Benchmark: the whole pipeline (``sohoa digitize``: OCR, extraction, PDF/A-2b, PAdES signature, store)
against OCRmyPDF's OCR only (``ocrmypdf -l vie --output-type pdfa -j 2``) on the same scanned pages; or the
intake flow's latency on 2-page dossiers.

    .venv/bin/python -m bench.bench_pipeline [--pages 100] [--jobs 2] [--files 1] [--rounds 1] [--no-peer]
    .venv/bin/python -m bench.bench_pipeline --intake 7

The input is ``--pages`` 200 dpi A4 colour scans (skew, noise, yellowed paper) from the sample generator's
``scan_like_pdf``, as one PDF (``--files 1``) or split into that many PDFs. ``sohoa digitize`` runs in a
subprocess with a fresh SOHOA_HOME (so nothing is skipped as done; the development signer and Prefect's
database are made first, outside the timing) and sohoa's local Prefect server. Reported: the whole command's
time, the flow's own time (``summary.json``: the command minus Prefect's start-up), and Prefect's fixed cost
(the same command on an empty folder, reusing sohoa's local Prefect server that the warm-up run started; its
own memory is reported apart, and it is stopped at the end). OCRmyPDF gets the same PDF(s), one after the other,
with the same ``OMP_THREAD_LIMIT=1``. With ``--rounds 2`` each runs twice, sohoa first then OCRmyPDF first, and the
means are reported (on a shared machine the load changes between runs). For each: wall time, CPU seconds of the whole
process tree (sampled; on a machine shared with other jobs the CPU ratio is steadier than the wall-time ratio)
and peak memory of the tree (the sum of its processes' resident memory).

``--intake N``: the intake flow (``flows.dossier.intake_dossier``) in this process, warm (``warm_up()``, then
one dossier not counted), on N more 2-page dossiers (each new: its OCR is not reused); seconds from the call
to the extraction results, and their median (the target is ≤ 3 s).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pikepdf
import psutil
from rich.console import Console
from rich.table import Table

from bench.measure import PEER_NICENESS, Run, run_measured

ENV = {"OMP_THREAD_LIMIT": "1"}
INTAKE_TARGET_S = 3.0


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


def run_sohoa(inputs: list[Path], out: Path, home: Path, jobs: int) -> tuple[Run, Run, dict]:
    """The batch over the inputs' folder; returns it, the empty batch (Prefect's fixed cost) and the summary."""
    sohoa = str(Path(sys.executable).parent / "sohoa")
    env = {**ENV, "SOHOA_HOME": str(home)}
    # outside the timing: the development signer, and Prefect's database (made on its first start)
    run_measured([sohoa, "sign", str(inputs[0]), str(home / "warm-up-signed.pdf")], env)
    empty = home / "empty"
    empty.mkdir(parents=True, exist_ok=True)
    run_measured([sohoa, "digitize", str(empty), "--out", str(home / "warm-up-out")], env)
    fixed = run_measured([sohoa, "digitize", str(empty), "--out", str(home / "empty-out")], env, niceness=PEER_NICENESS)
    try:
        run = run_measured([sohoa, "digitize", str(inputs[0].parent), "--out", str(out), "--jobs", str(jobs)], env,
                           niceness=PEER_NICENESS)  # OCRmyPDF lowers its own priority so
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        summary["local_server_mb"] = local_server_mb(home)
    finally:
        subprocess.run([sohoa, "server", "stop"], env={**os.environ, **env}, capture_output=True, check=False)
    return run, fixed, summary


def local_server_mb(home: Path) -> float | None:
    """Resident memory of sohoa's local Prefect server (started by the warm-up run, outside the commands' process
    trees once they exit), or None without one (PREFECT_API_URL set, or SOHOA_PREFECT_SERVER=ephemeral)."""
    state = home / "prefect" / "server.json"
    try:
        return psutil.Process(json.loads(state.read_text(encoding="utf-8"))["pid"]).memory_info().rss / 2**20
    except (OSError, ValueError, KeyError, psutil.NoSuchProcess):
        return None


def run_ocrmypdf(inputs: list[Path], out: Path, jobs: int) -> Run:
    ocrmypdf = str(Path(sys.executable).parent / "ocrmypdf")
    out.mkdir(parents=True, exist_ok=True)
    total = Run(0.0, 0.0, 0.0)
    for src in inputs:
        total += run_measured([ocrmypdf, "-q", "-l", "vie", "--output-type", "pdfa", "-j", str(jobs), str(src),
                               str(out / src.name)], ENV)
    return total


def _add(total: Run | None, run: Run) -> Run:
    return run if total is None else total + run


def _scale(total: Run, rounds: int) -> Run:
    """The mean of ``rounds`` runs (peak memory: the largest)."""
    return Run(total.seconds / rounds, total.cpu_seconds / rounds, total.peak_rss_mb)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def bench_batch(args: argparse.Namespace) -> int:
    if not args.no_peer and not (Path(sys.executable).parent / "ocrmypdf").exists():
        print("ocrmypdf is not installed (pip install ocrmypdf); --no-peer runs sohoa alone", file=sys.stderr)
        return 2
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sohoa-bench-pipeline-"))
    folder.mkdir(parents=True, exist_ok=True)
    loads = []
    try:
        inputs = make_inputs(args.pages, args.files, folder, args.seed)
        ours = theirs = fixed = None
        server_mb: float | None = None
        flow_seconds = 0.0
        for i in range(args.rounds):
            # rounds alternate which runs first (sohoa, peer | peer, sohoa | ...): load changes hit both alike
            order = ["sohoa", "peer"] if i % 2 == 0 else ["peer", "sohoa"]
            for who in order:
                loads.append(load())
                if who == "sohoa":
                    shutil.rmtree(folder / "sohoa-out", ignore_errors=True)
                    shutil.rmtree(folder / "home", ignore_errors=True)
                    run, empty, summary = run_sohoa(inputs, folder / "sohoa-out", folder / "home", args.jobs)
                    ours, fixed = _add(ours, run), _add(fixed, empty)
                    flow_seconds += summary["seconds"]
                    server_mb = summary.get("local_server_mb")
                elif not args.no_peer:
                    shutil.rmtree(folder / "ocrmypdf-out", ignore_errors=True)
                    theirs = _add(theirs, run_ocrmypdf(inputs, folder / "ocrmypdf-out", args.jobs))
        loads.append(load())
        assert ours is not None and fixed is not None
        ours, fixed = _scale(ours, args.rounds), _scale(fixed, args.rounds)
        theirs = _scale(theirs, args.rounds) if theirs else None
        summary["seconds"] = round(flow_seconds / args.rounds, 2)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    counts = summary["counts"]
    if counts["done"] != len(inputs) or summary["pages_processed"] != args.pages:
        print(f"sohoa digitize did not finish every input: {counts}", file=sys.stderr)
        return 1
    n, flow_s = args.pages, summary["seconds"]
    figures: dict = {
        "pages": n, "files": len(inputs), "jobs": args.jobs, "cpus": os.cpu_count(), "rounds": args.rounds,
        "load": loads,
        "sohoa_seconds_command": round(ours.seconds, 2),
        "sohoa_seconds_flow": flow_s,
        "sohoa_pages_per_second_command": round(n / ours.seconds, 3),
        "sohoa_pages_per_second_flow": round(n / flow_s, 3),
        "sohoa_cpu_seconds": round(ours.cpu_seconds, 1),
        "sohoa_peak_mb": round(ours.peak_rss_mb),
        "prefect_fixed_seconds": round(fixed.seconds, 2),
        "prefect_fixed_cpu_seconds": round(fixed.cpu_seconds, 1),
        "prefect_fixed_peak_mb": round(fixed.peak_rss_mb),
        "local_server_mb": round(server_mb) if server_mb else None,
    }
    table = Table(title=f"Full pipeline vs OCRmyPDF OCR-only: {n} pages in {len(inputs)} file(s), jobs={args.jobs}")
    for col in ("tool", "what it does", "seconds", "pages/s", "CPU s", "peak MB"):
        table.add_column(col)
    table.add_row("sohoa digitize", "OCR, extract, PDF/A, sign, store (whole command)", f"{ours.seconds:.1f}",
                  f"{n / ours.seconds:.2f}", f"{ours.cpu_seconds:.0f}", f"{ours.peak_rss_mb:.0f}")
    table.add_row("  (flow only)", "without Prefect's start-up", f"{flow_s:.1f}", f"{n / flow_s:.2f}", "", "")
    table.add_row("  (Prefect alone)", "the command on an empty folder", f"{fixed.seconds:.1f}", "",
                  f"{fixed.cpu_seconds:.0f}", f"{fixed.peak_rss_mb:.0f}")
    if server_mb:
        table.add_row("  (local Prefect server)", "shared by the commands, stops when idle", "", "", "",
                      f"{server_mb:.0f}")
    if theirs is not None:
        figures |= {
            "ocrmypdf_seconds": round(theirs.seconds, 2),
            "ocrmypdf_pages_per_second": round(n / theirs.seconds, 3),
            "ocrmypdf_cpu_seconds": round(theirs.cpu_seconds, 1),
            "ocrmypdf_peak_mb": round(theirs.peak_rss_mb),
            "ratio_command": round(theirs.seconds / ours.seconds, 2),
            "ratio_flow": round(theirs.seconds / flow_s, 2),
            "ratio_cpu": round(theirs.cpu_seconds / ours.cpu_seconds, 2),
        }
        table.add_row("ocrmypdf", "OCR + PDF/A only", f"{theirs.seconds:.1f}", f"{n / theirs.seconds:.2f}",
                      f"{theirs.cpu_seconds:.0f}", f"{theirs.peak_rss_mb:.0f}")
    Console().print(table)
    if theirs is not None:
        print(f"speed ratio sohoa/ocrmypdf: ×{figures['ratio_command']} (whole command), "
              f"×{figures['ratio_flow']} (flow), ×{figures['ratio_cpu']} (CPU seconds)")
    print(f"load average before and after each run (in order): {' | '.join(loads)}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


def bench_intake(args: argparse.Namespace) -> int:
    """The intake flow in this process, warm; each run a new 2-page dossier."""
    from samples.generate import scan_like_pdf

    folder = args.keep or Path(tempfile.mkdtemp(prefix="sohoa-bench-intake-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.update(ENV)
    os.environ["SOHOA_HOME"] = str(folder / "home")
    try:
        dossiers = [scan_like_pdf(folder / "in" / f"dossier-{i}.pdf", 2, args.seed + i) for i in range(args.intake + 1)]
        from flows.prefect_env import configure

        configure(quiet_console=True)
        from flows.dossier import intake_dossier, warm_up

        started = time.perf_counter()
        warm_up(args.jobs).join()
        seconds: list[float] = []
        for i, dossier in enumerate(dossiers):
            began = time.perf_counter()
            intake = intake_dossier([str(dossier)], jobs=args.jobs)
            elapsed = time.perf_counter() - began
            pages = sum(len(r.pages) for r in intake.results)
            timings = intake.results[0].timings if intake.results else {}
            label = "warm-up (Prefect's start included)" if i == 0 else f"run {i}"
            if i == 0:
                label += f", {elapsed + began - started:.1f} s from the start of the process's warm-up"
            print(f"{label}: {elapsed:.2f} s, {pages} pages, "
                  f"{[d.schema_id for r in intake.results for d in r.documents]}, process_file {timings}")
            if i:
                seconds.append(elapsed)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    median = statistics.median(seconds)
    print(f"intake flow, 2-page dossier, warm: median of {len(seconds)} runs {median:.2f} s (min {min(seconds):.2f},"
          f" max {max(seconds):.2f}); target ≤ {INTAKE_TARGET_S:.0f} s: "
          f"{'met' if median <= INTAKE_TARGET_S else 'NOT met'}; load average {load()}")
    if args.json:
        args.json.write_text(json.dumps({"intake_runs": [round(s, 3) for s in seconds], "median": round(median, 3),
                                         "jobs": args.jobs, "load": load()}, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--files", type=int, default=1, help="split the pages into this many PDFs")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--no-peer", action="store_true", help="sohoa only (e.g. a memory run on many pages)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="runs of each, alternating which goes first; means are reported")
    parser.add_argument("--intake", type=int, metavar="RUNS", help="time the intake flow on RUNS 2-page dossiers")
    parser.add_argument("--keep", type=Path, help="keep inputs and outputs in this folder")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    return bench_intake(args) if args.intake else bench_batch(args)


if __name__ == "__main__":
    raise SystemExit(main())
