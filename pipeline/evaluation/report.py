"""The evaluation report: its JSON shape (``--json REPORT``) and its tables on the terminal (rich)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, Field, computed_field
from rich.console import Console
from rich.table import Table

from pipeline.evaluation.families import splits_of
from pipeline.evaluation.handwritten import HandwrittenStats, handwritten_stats
from pipeline.evaluation.metrics import (
    FamilyMetrics,
    FieldStats,
    Metrics,
    compute_metrics,
    family_of,
    metrics_by_family,
    metrics_by_schema,
    metrics_by_tier,
    stats_by_field,
)
from pipeline.evaluation.scoring import FieldOutcome, FileScore


class SystemReport(BaseModel):
    system: str
    jobs: int
    wall_seconds: float
    overall: Metrics
    by_schema: dict[str, Metrics]
    by_tier: dict[str, Metrics]
    by_family: dict[str, FamilyMetrics] = Field(default_factory=dict)
    by_field: dict[str, dict[str, FieldStats]]
    # Handwritten register cells (pipeline/evaluation/handwritten.py): split of hands -> entry field -> stats.
    handwritten: dict[str, dict[str, HandwrittenStats]] = Field(default_factory=dict)
    silent_errors: list[FieldOutcome]
    errors: list[str]  # one line per file that could not be extracted
    files: list[FileScore]

    @computed_field
    @property
    def pages_per_second_wall(self) -> float | None:
        return self.overall.pages / self.wall_seconds if self.wall_seconds else None


class Report(BaseModel):
    directory: str
    files: int
    families: str | None = None  # the --families selection, None when every document was scored
    warnings: list[str] = Field(default_factory=list)
    systems: list[SystemReport]

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)


def build_system_report(system: str, files: Sequence[FileScore], wall_seconds: float, jobs: int) -> SystemReport:
    files = list(files)
    return SystemReport(
        system=system,
        jobs=jobs,
        wall_seconds=round(wall_seconds, 3),
        overall=compute_metrics(files),
        by_schema=metrics_by_schema(files),
        by_tier=metrics_by_tier(files),
        by_family=metrics_by_family(files, splits_of({family_of(d) for f in files for d in f.documents})),
        by_field=stats_by_field(files),
        handwritten=handwritten_stats(files),
        silent_errors=[o for f in files for o in f.outcomes() if o.silent_error],
        errors=[f"{f.source}: {f.error}" for f in files if f.error],
        files=files,
    )


def write_json(report: Report, path: Path) -> None:
    path.write_text(json.dumps(report.to_json_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# --- terminal ---------------------------------------------------------------------------------------

_COLUMNS = (
    ("docs", "right"),
    ("class. acc", "right"),
    ("spurious", "right"),
    ("field acc", "right"),
    ("coverage", "right"),
    ("precision", "right"),
    ("silent err", "right"),
    ("row acc", "right"),
    ("CER", "right"),
    ("pages", "right"),
    ("pages/s", "right"),
)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _cells(m: Metrics) -> list[str]:
    return [
        str(m.documents),
        _pct(m.classification_accuracy),
        str(m.spurious),
        _pct(m.field_accuracy),
        _pct(m.coverage),
        _pct(m.precision),
        f"[bold red]{m.silent_errors}[/]" if m.silent_errors else "0",
        _pct(m.row_field_accuracy),
        "—" if m.cer is None else f"{m.cer:.3f}",
        str(m.pages),
        "—" if m.pages_per_second is None else f"{m.pages_per_second:.2f}",
    ]


def _table(title: str, group: str, reports: Sequence[SystemReport], attribute: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(group)
    table.add_column("system")
    for name, justify in _COLUMNS:
        table.add_column(name, justify=justify)
    keys: list[str] = []
    for report in reports:
        keys += [k for k in getattr(report, attribute) if k not in keys]
    for key in sorted(keys):
        for index, report in enumerate(reports):
            metrics = getattr(report, attribute).get(key, Metrics())
            table.add_row(key if index == 0 else "", report.system, *_cells(metrics))
        if len(reports) > 1:
            table.add_section()
    for index, report in enumerate(reports):
        table.add_row("[bold]all[/]" if index == 0 else "", report.system, *_cells(report.overall))
    return table


_FAMILY_COLUMNS = ("docs", "field acc", "row acc", "coverage", "precision", "silent err")


def _family_table(reports: Sequence[SystemReport], selection: str | None) -> Table:
    title = "Per layout family" + (f" (--families {selection})" if selection else "")
    table = Table(title=title, title_justify="left")
    for name in ("family", "split", "system"):
        table.add_column(name)
    for name in _FAMILY_COLUMNS:
        table.add_column(name, justify="right")
    keys = sorted({k for report in reports for k in report.by_family})
    for key in keys:
        for index, report in enumerate(reports):
            m = report.by_family.get(key, FamilyMetrics())
            split = next((r.by_family[key].split for r in reports if key in r.by_family), None)
            table.add_row(key if index == 0 else "", (split or "—") if index == 0 else "", report.system,
                          str(m.documents), _pct(m.field_accuracy), _pct(m.row_field_accuracy), _pct(m.coverage),
                          _pct(m.precision), f"[bold red]{m.silent_errors}[/]" if m.silent_errors else "0")
        if len(reports) > 1:
            table.add_section()
    return table


def _handwritten_table(report: SystemReport) -> Table:
    table = Table(title=f"Handwritten register cells ({report.system}): constrained value vs best string",
                  title_justify="left")
    for name in ("hands", "field", "cells", "best string", "best string value", "constrained", "ok coverage",
                 "ok precision", "keys/entry: all", "suggested", "ok unseen"):
        table.add_column(name, justify="left" if name in ("hands", "field") else "right")
    for split in sorted(report.handwritten):
        for index, (key, st) in enumerate(report.handwritten[split].items()):
            bold = "[bold]" if key == "all" else ""
            keys = [f"{v:.1f}" if v is not None else "—" for v in
                    (st.keys_typing_everything, st.keys_with_suggestions, st.keys_ok_unseen)]
            table.add_row(split if index == 0 else "", f"{bold}{key}", str(st.cells), _pct(st.best_string_right),
                          _pct(st.best_string_value_right), _pct(st.constrained_right), _pct(st.ok_coverage),
                          f"{_pct(st.ok_precision)} ({st.ok_cells - st.ok_wrong}/{st.ok_cells})",
                          *(keys if key == "all" else ["", "", ""]))
        table.add_section()
    return table


def print_report(report: Report, console: Console, top_silent: int = 10) -> None:
    systems = report.systems
    console.print(_table("Per schema", "schema", systems, "by_schema"))
    console.print(_table("Per tier", "tier", systems, "by_tier"))
    console.print(_family_table(systems, report.families))
    for system in systems:
        if system.handwritten:
            console.print(_handwritten_table(system))
    for system in systems:
        overall = system.overall
        console.print(
            f"[bold]{system.system}[/]: {report.files} files, {overall.pages} pages in "
            f"{system.wall_seconds:.1f} s wall clock with {system.jobs} worker(s) = "
            f"{(system.pages_per_second_wall or 0):.2f} pages/s; "
            f"{overall.spurious} spurious document(s); {len(system.errors)} file error(s)"
        )
        for line in system.errors[:5]:
            console.print(f"  [yellow]error[/] {line}", markup=True, highlight=False)
        if system.silent_errors:
            table = Table(title=f"{system.system}: silent errors (first {top_silent})", title_justify="left")
            for column in ("file", "schema", "field", "predicted", "truth"):
                table.add_column(column, overflow="fold")
            for outcome in system.silent_errors[:top_silent]:
                key = outcome.key if outcome.row is None else f"{outcome.key}[{outcome.row}]"
                table.add_row(outcome.file, outcome.schema_id, key, str(outcome.predicted), str(outcome.truth))
            console.print(table)
    for warning in report.warnings:
        console.print(f"[yellow]warning[/] {warning}", highlight=False)
