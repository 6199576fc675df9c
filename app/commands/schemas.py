"""``sohoa schemas`` (list the document schemas) and ``sohoa schemas show ID`` (print one)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

console = Console()


def _load():
    from schemas import SchemaError, all_schemas

    try:
        return all_schemas()
    except SchemaError as err:
        typer.echo(f"sohoa: schemas/{err}", err=True)
        raise SystemExit(2) from err


def list_schemas() -> None:
    table = Table(title="Document schemas (schemas/*.yaml)")
    for column in ("id", "document", "layout", "fields", "required", "titles"):
        table.add_column(column)
    for schema in _load().values():
        shown = [k for k, f in schema.fields.items() if f.output]
        required = [k for k in shown if schema.fields[k].required]
        fields = f"{len(shown)}" + (f" + {len(schema.entry_fields)} per entry" if schema.entry_fields else "")
        table.add_row(schema.id, schema.name, schema.layout, fields, str(len(required)), schema.titles[0])
    console.print(table)


def show_schema(schema_id: str) -> None:
    schemas = _load()
    if schema_id not in schemas:
        typer.echo(f"sohoa: unknown schema {schema_id!r} (known: {', '.join(sorted(schemas))})", err=True)
        raise SystemExit(2)
    schema = schemas[schema_id]
    console.print(f"[bold]{schema.id}[/bold] — {schema.name} (layout: {schema.layout})")
    console.print(f"titles: {' · '.join(schema.titles)}", markup=False)
    table = Table()
    for column in ("field", "kind", "required", "block", "position", "labels"):
        table.add_column(column)
    for key, spec in schema.fields.items():
        name = key if spec.output else f"{key} (helper)"
        table.add_row(name, spec.kind, "yes" if spec.required else "", spec.block, spec.position,
                      " | ".join(spec.labels) or " | ".join(f"/{p}/" for p in spec.patterns))
    console.print(table)
    if schema.table is not None:
        entries = Table(title="register entries (table columns)")
        for column in ("field", "kind", "column headers"):
            entries.add_column(column)
        for key, headers in schema.table.columns.items():
            entries.add_row(key, schema.entry_fields[key].kind, " | ".join(headers))
        console.print(entries)
    if schema.qr is not None:
        console.print(f"QR code fields: {schema.qr.fields}", markup=False)
    for rule in schema.rules:
        extra = f" sex={rule.sex}" if rule.sex else ""
        console.print(f"rule {rule.rule}: {', '.join(rule.fields)}{extra}"
                      + (" (each entry)" if rule.entries else ""), markup=False)


def register(cli: typer.Typer) -> None:
    app = typer.Typer(help="The document schemas: `sohoa schemas` lists them, `sohoa schemas show ID` prints one.",
                      invoke_without_command=True, no_args_is_help=False)

    @app.callback()
    def main(ctx: typer.Context) -> None:
        """List the document schemas."""
        if ctx.invoked_subcommand is None:
            list_schemas()

    @app.command("show")
    def show(schema_id: str = typer.Argument(..., metavar="ID", help="Schema id, e.g. birth_certificate")) -> None:
        """Print one schema: its fields, labels, kinds, table, QR code and rules."""
        show_schema(schema_id)

    cli.add_typer(app, name="schemas")
