"""``sohoa eval DIR [--json REPORT] [--baseline] [--jobs N] [--families SPEC]``: score extraction against ground
truth files, per schema, tier and layout family."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from app.progress import progress_bars

if TYPE_CHECKING:
    from pipeline.evaluation.runner import System
    from pipeline.evaluation.scoring import FileScore
    from pipeline.evaluation.truth import Case


def register(cli: typer.Typer) -> None:
    @cli.command("eval")
    def eval_command(
        directory: Path = typer.Argument(..., help="Folder of inputs, each with NAME.truth.json beside it"),
        json_out: Path = typer.Option(None, "--json", help="Write the full report (per file, per field) here"),
        baseline: bool = typer.Option(
            False, "--baseline", help="Also score raw Tesseract + label regexes, side by side with sohoa"
        ),
        baseline_only: bool = typer.Option(False, "--baseline-only", help="Score the baseline alone"),
        jobs: int = typer.Option(0, "--jobs", "-j", help="Files in parallel (default: one per core)"),
        top: int = typer.Option(10, "--top", help="Silent errors listed on screen per system"),
        families: str = typer.Option(
            None, "--families", help="Score only these layout families: all, tuning, heldout or comma-separated names"
        ),
    ) -> None:
        """Score extraction against the ground truth files in DIR (NAME.truth.json beside each input)."""
        from pipeline.evaluation.families import BadFamilySpec, case_selected, parse_spec, restrict, unmatched
        from pipeline.evaluation.report import Report, build_system_report, print_report, write_json
        from pipeline.evaluation.truth import find_cases

        # Wide tables: when the output is a file or a pipe, do not squeeze them into 80 columns.
        console = Console() if sys.stdout.isatty() else Console(width=200)
        err_console = Console(stderr=True)
        if not directory.is_dir():
            err_console.print(f"sohoa: {directory}: not a folder", highlight=False)
            raise typer.Exit(2)
        try:
            selection = parse_spec(families or "all")
        except BadFamilySpec as err:
            err_console.print(f"sohoa: --families {families}: {err}", highlight=False)
            raise typer.Exit(2) from None
        cases, warnings = find_cases(directory)
        if not selection.everything:
            skipped = [c for c in cases if not case_selected(c, selection)]
            cases = [c for c in cases if case_selected(c, selection)]
            warnings += [f"--families: no document of family {name}" for name in unmatched(selection, cases)]
            if skipped:
                warnings.append(f"--families {families}: {len(skipped)} file(s) without a selected family skipped")
        workers = jobs or os.cpu_count() or 1
        systems: list[System] = ["baseline"] if baseline_only else (["sohoa", "baseline"] if baseline else ["sohoa"])
        reports = []
        for system in systems:
            files, wall = _run_with_progress(system, cases, workers, err_console, str(directory))
            files = [restrict(f, selection) for f in files]
            reports.append(build_system_report(system, files, wall, workers))
        report = Report(directory=str(directory), files=len(cases), families=families, warnings=warnings,
                        systems=reports)
        if not cases:
            console.print(f"{directory}: no input with a truth file (NAME.truth.json) found")
        else:
            print_report(report, console, top_silent=top)
        if json_out is not None:
            write_json(report, json_out)
            console.print(f"report written to {json_out}", highlight=False)


def _run_with_progress(
    system: System, cases: Sequence[Case], workers: int, console: Console, label: str
) -> tuple[list[FileScore], float]:
    """``run_system`` with a progress bar on stderr (quiet when stderr is not a terminal)."""
    from pipeline.evaluation.runner import run_system

    with progress_bars(console) as bar:
        task = bar.add_task(f"{system}: {label}", total=len(cases))
        return run_system(system, cases, jobs=workers, on_file=lambda _: bar.advance(task))
