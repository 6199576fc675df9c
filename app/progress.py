"""The progress bars of the command line: one look for every command, on stderr, quiet when it is not a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

err_console = Console(stderr=True)


def progress_bars(console: Console = err_console) -> Progress:
    """Description, bar, done/total and elapsed time; transient, and disabled when ``console`` is not a terminal."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
