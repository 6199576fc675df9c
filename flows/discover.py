"""From the paths a user gives to the list of inputs of a batch, each with the name its outputs get.

A file given by name is always an input (a bad one goes to quarantine). Folders are walked recursively for
files with a scan's extension (PDF, TIFF, PNG, JPEG, WebP); other files there (ground-truth JSON, notes) are
listed as ignored. Hidden files and folders and the batch's own output folder are left out.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

SCAN_SUFFIXES = {".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".webp"}


class Found(BaseModel):
    path: str  # absolute
    name: str  # the outputs' name: the path below the folder given, without extension ("sub/scan01")


class Discovery(BaseModel):
    inputs: list[Found]
    ignored: list[str]  # files in the folders given that are not scans


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def discover(paths: list[str | Path], out_dir: str | Path) -> Discovery:
    out = Path(out_dir).resolve()
    inputs: list[Found] = []
    ignored: list[str] = []
    seen: set[Path] = set()
    for given in paths:
        root = Path(given).resolve()
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                rel = path.relative_to(root)
                if _hidden(rel) or _inside(path, out) or path in seen:
                    continue
                seen.add(path)
                if path.suffix.lower() in SCAN_SUFFIXES:
                    inputs.append(Found(path=str(path), name=rel.with_suffix("").as_posix()))
                else:
                    ignored.append(str(path))
        elif root not in seen:
            seen.add(root)
            inputs.append(Found(path=str(root), name=root.stem))
    return Discovery(inputs=_unique_names(inputs), ignored=ignored)


def _unique_names(inputs: list[Found]) -> list[Found]:
    """Two inputs that would get the same output name (``a/x.pdf`` and ``b/x.pdf`` given as files, or
    ``x.pdf`` and ``x.png``) get ``-2``, ``-3``… after the second and later ones."""
    used: dict[str, int] = {}
    out = []
    for item in inputs:
        key = item.name.lower()
        used[key] = used.get(key, 0) + 1
        if used[key] > 1:
            item = item.model_copy(update={"name": f"{item.name}-{used[key]}"})
        out.append(item)
    return out
