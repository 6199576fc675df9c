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

# Each module has ``register(cli)``; add a module here (with the names of the commands it registers) to add
# its commands.
COMMAND_MODULES = {
    "app.commands.ocr": ("ocr", "extract"),
    "app.commands.digitize": ("digitize",),
    "app.commands.eval": ("eval",),
    "app.commands.sign": ("sign", "verify"),
    "app.commands.search": ("search", "export"),
    "app.commands.serve": ("serve",),
    "app.commands.server": ("server",),
    "app.commands.schemas": ("schemas",),
    "app.commands.read": ("read",),
}
HELP_OPTIONS = ("--help", "-h")


@cli.callback()
def _root() -> None:
    # A group even when one command is registered (else typer runs that command without its name).
    pass


def modules_for(args: list[str]) -> list[str]:
    """The command module of the command ``args`` name, or every module when they name none (the list of
    commands: ``sohoa --help``, a mistyped name). Only the command run is imported: ``sohoa digitize`` does not
    load the web app that ``sohoa serve`` imports to build its help (a second at start-up)."""
    for arg in args:
        if arg in HELP_OPTIONS:
            break
        if not arg.startswith("-"):
            return [module for module, names in COMMAND_MODULES.items() if arg in names] or list(COMMAND_MODULES)
    return list(COMMAND_MODULES)


def _register(args: list[str]) -> None:
    for name in modules_for(args):
        importlib.import_module(name).register(cli)


def fail_bad_input(err: BadInput) -> None:
    typer.echo(f"sohoa: {err.line()}", err=True)
    raise SystemExit(2)


def main(argv: list[str] | None = None) -> None:
    # OpenCV's log (in this process and the page workers it starts) says nothing short of an error.
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
    _register(sys.argv[1:] if argv is None else list(argv))
    try:
        cli(args=argv, prog_name="sohoa", standalone_mode=True)
    except BadInput as err:
        fail_bad_input(err)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
