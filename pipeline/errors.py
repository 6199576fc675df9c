"""Errors a user can cause (bad input) and how they are reported: one clear line, exit status 2."""

from __future__ import annotations

from pathlib import Path


class BadInput(Exception):
    """The input file cannot be processed; ``reason`` is one human-readable line."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = " ".join(reason.split())  # one line, whatever a library's message held (poppler's do)
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[BadInput], tuple[str, str]]:
        # Raised in a page worker, it must come back to the parent whole (path and reason), not as a pickling error
        # that breaks the process pool.
        return (type(self), (self.path, self.reason))

    def line(self) -> str:
        return f"{self.path}: {self.reason}"
