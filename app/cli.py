"""The ``sohoa`` command line (typer + rich). Thin: each command lives in ``app/commands/<name>.py``
and calls into pipeline/flows; this module only assembles them and maps errors to exit statuses.

Exit statuses (CONTRACT.md): 0 done, 1 internal error, 2 bad input (one clear line on stderr, no traceback).
"""

from __future__ import annotations

import importlib
import os
import sys

import typer

from pipeline.errors import BadInput

cli = typer.Typer(
    name="sohoa",
    help="sohoa: scanned Vietnamese administrative papers to signed, searchable, structured records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module has ``register(cli)``; add a module here to add its commands.
COMMAND_MODULES = [
    "app.commands.ocr",
    "app.commands.digitize",
    "app.commands.eval",
    "app.commands.sign",
    "app.commands.search",
    "app.commands.serve",
    "app.commands.server",
    "app.commands.schemas",
    "app.commands.read",
]


def _register_all() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(cli)


def fail_bad_input(err: BadInput) -> None:
    typer.echo(f"sohoa: {err.line()}", err=True)
    raise SystemExit(2)


def main(argv: list[str] | None = None) -> None:
    # OpenCV's log (in this process and the page workers it starts) says nothing short of an error.
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
    _register_all()
    try:
        cli(args=argv, prog_name="sohoa", standalone_mode=True)
    except BadInput as err:
        fail_bad_input(err)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
