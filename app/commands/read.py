"""``sohoa read IMAGE... [--kind KIND] [--json]``: one cell or line image each, read by the handwriting
recognizer and decoded against what a cell of that kind may hold (extractors/constrained)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer

from pipeline.errors import BadInput

KIND_HELP = "name | place | date | ethnicity | nationality | sex | number | text"


def open_cell(path: Path):
    from PIL import Image, UnidentifiedImageError

    if not path.is_file():
        raise BadInput(path, "no such file")
    try:
        with Image.open(path) as image:
            image.load()
            return image.convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError) as err:
        raise BadInput(path, f"not a readable image ({err.__class__.__name__})") from None


def parse_years(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    first, _, last = text.partition("-")
    try:
        lo, hi = int(first), int(last or first)
    except ValueError:
        raise BadInput("--years", f"not a year range: {text!r} (e.g. 1985-1990)") from None
    if not 1800 <= lo <= hi <= 2100:
        raise BadInput("--years", f"not a year range: {text!r} (e.g. 1985-1990)")
    return lo, hi


def register(cli: typer.Typer) -> None:
    @cli.command()
    def read(
        images: list[Path] = typer.Argument(..., help="Cell or line images (PNG, JPEG, TIFF, WebP)"),
        kind: str = typer.Option("text", "--kind", help=f"What the cells hold: {KIND_HELP}"),
        entry_date: str = typer.Option(None, "--entry-date", help="When the entries were written (YYYY-MM-DD): "
                                       "which administrative units existed (default: before 1 July 2025)"),
        years: str = typer.Option(None, "--years", help="Years a date may have, e.g. 1985-1990 (default 1900-now)"),
        as_json: bool = typer.Option(False, "--json", help="One JSON object a line"),
    ) -> None:
        """Read handwritten (or printed) cells: text, constrained value, probability, runner-up, ok/review."""
        from extractors.constrained.kinds import KINDS, CellContext

        if kind not in KINDS:
            raise BadInput("--kind", f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
        try:
            day = date.fromisoformat(entry_date) if entry_date else None
        except ValueError:
            raise BadInput("--entry-date", f"not a date: {entry_date!r} (YYYY-MM-DD)") from None
        context = CellContext(entry_date=day, years=parse_years(years))
        cells = [(path, open_cell(path)) for path in images]  # every input checked before the model loads

        from extractors.constrained.reader import CellReader

        reader = CellReader()
        for path, image in cells:
            result = reader.read(image, kind, context)
            data = {"image": str(path), **result.to_json_dict()}
            if as_json:
                typer.echo(json.dumps(data, ensure_ascii=False))
            else:
                status = "ok" if result.status == "ok" else "cần xem"
                prob = f"{result.probability:.2f}".replace(".", ",")
                typer.echo(f"{path.name}\t{result.text}\t{result.value or ''}\t{prob}\t{status}")
