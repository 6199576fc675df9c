"""The imaging libraries' own messages kept off stderr: on a broken file Pillow warns in Python ("Corrupt EXIF
data") and libtiff prints from C ("Fax4Decode: Bad code word…"), which broke the contract's one line on stderr.
What matters of a broken file reaches the user as the BadInput reason, from the exception that follows.

Called when pipeline.ingest is imported, so in the command's process and in every page worker alike.
"""

from __future__ import annotations

import ctypes
import warnings
from pathlib import Path

_done = False


def silence_imaging_libraries() -> None:
    """Pillow's and pikepdf's Python warnings ignored, libtiff's warning and error handlers removed (once)."""
    global _done
    if _done:
        return
    _done = True
    warnings.filterwarnings("ignore", module=r"PIL\.")
    warnings.filterwarnings("ignore", module=r"pikepdf\.")
    _silence_libtiff()


def _silence_libtiff() -> None:
    """libtiff (the copy Pillow loaded) prints warnings and errors to stderr unless its handlers are NULL."""
    from PIL import Image  # noqa: F401 - loads Pillow's C core, and with it libtiff

    path = _loaded_library("libtiff")
    if path is None:
        return
    try:
        libtiff = ctypes.CDLL(path)  # already loaded: the same copy, not a second one
    except OSError:
        return
    for name in ("TIFFSetWarningHandler", "TIFFSetErrorHandler"):
        setter = getattr(libtiff, name, None)
        if setter is not None:
            setter.restype = ctypes.c_void_p
            setter.argtypes = [ctypes.c_void_p]
            setter(None)


def _loaded_library(stem: str) -> str | None:
    """The file of a shared library loaded in this process whose name starts with ``stem`` (Linux)."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    for line in maps.splitlines():
        path = line.split(maxsplit=5)[-1]
        if Path(path).name.startswith(f"{stem}-") or Path(path).name.startswith(f"{stem}.so"):
            return path
    return None
