"""``sohoa ocr IN OUT.pdf`` (searchable PDF/A-2b) and ``sohoa extract FILE [--schema ID] [--json]``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from app.progress import err_console, progress_bars


@contextmanager
def page_progress(label: str) -> Iterator:
    """A progress bar on stderr for multi-page files (quiet when stderr is not a terminal)."""
    with progress_bars() as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def register(cli: typer.Typer) -> None:
    @cli.command()
    def ocr(
        src: Path = typer.Argument(..., help="Scanned file: PDF, TIFF, PNG, JPEG or WebP"),
        out: Path = typer.Argument(..., help="Where to write the searchable PDF/A-2b"),
        jobs: int = typer.Option(0, "--jobs", "-j", help="Pages in parallel (default: one per core)"),
    ) -> None:
        """Searchable PDF/A-2b only (page images + invisible text layer), no extraction."""
        from pipeline.process import ocr_to_pdfa

        with page_progress(f"OCR {src.name}") as update:
            pages = ocr_to_pdfa(src, out, jobs=jobs or None, progress=update)
        err_console.print(f"{out}: {len(pages)} page(s), PDF/A-2b, {out.stat().st_size / 1024:.0f} kB", soft_wrap=True)

    @cli.command()
    def extract(
        src: Path = typer.Argument(..., help="Scanned file: PDF, TIFF, PNG, JPEG or WebP"),
        schema: str = typer.Option(None, "--schema", help="Document schema id (default: classify each page)"),
        as_json: bool = typer.Option(False, "--json", help="Print the full JSON result"),
        jobs: int = typer.Option(0, "--jobs", "-j", help="Pages in parallel (default: one per core)"),
    ) -> None:
        """OCR + classify + extract one file and print the extraction result."""
        from pipeline.process import extract_file

        with page_progress(f"Đọc {src.name}") as update:
            result = extract_file(src, schema=schema, jobs=jobs or None, progress=update)
        data = result.to_json_dict()
        if as_json:
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        _print_summary(data)


def _print_summary(data: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{data['source']}[/bold]  sha256 {data['sha256'][:12]}…  {len(data['pages'])} trang")
    for doc in data["documents"]:
        table = Table(title=f"{doc['schema']} (trang {doc['pages']}, độ tin cậy {doc['schema_confidence']:.2f})")
        for col in ("Trường", "Giá trị", "Tin cậy", "Trạng thái"):
            table.add_column(col)
        for key, field in doc["fields"].items():
            status = "[green]ok[/green]" if field["status"] == "ok" else "[yellow]cần xem[/yellow]"
            table.add_row(key, str(field["value"] or ""), f"{field['confidence']:.2f}", status)
        console.print(table)
        for issue in doc.get("issues", []):
            console.print(f"  [red]•[/red] {issue['message']}")
    if not data["documents"]:
        for page in data["pages"]:
            console.print(f"--- trang {page['number']} (tin cậy {page['mean_confidence']:.2f}) ---")
            console.print(page["text"])
