"""From the paths a user gives to the list of inputs of a batch, each with the name its outputs get.

A file given by name is always an input (a bad one goes to quarantine). Folders are walked recursively for
files with a scan's extension (PDF, TIFF, PNG, JPEG, WebP); other files there (ground-truth JSON, notes) are
listed as ignored. Hidden files and folders and the batch's own output folder are left out.

``s3://BUCKET/PREFIX`` is an S3 "folder" (or one object) taken the same way (``flows.s3inputs``): its objects are
listed here, and each input's ``path`` is where the batch will download it (under the output folder).
"""

from __future__ import annotations

from pathlib import Path, PurePath, PurePosixPath

from pydantic import BaseModel

from flows import s3inputs

SCAN_SUFFIXES = {".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".webp"}


class Found(BaseModel):
    path: str  # absolute; for an S3 object, the file it is downloaded to
    name: str  # the outputs' name: the path below the folder given, without extension ("sub/scan01")
    url: str | None = None  # s3://bucket/key of an object in S3 (None: a local file)
    etag: str | None = None  # the object's ETag and size when it was listed
    size: int | None = None


class Discovery(BaseModel):
    inputs: list[Found]
    ignored: list[str]  # files in the folders given that are not scans (s3:// URLs for objects)


def _hidden(rel: PurePath) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def discover(paths: list[str | Path], out_dir: str | Path) -> Discovery:
    out = Path(out_dir).resolve()
    inputs: list[Found] = []
    ignored: list[str] = []
    seen: set[Path | str] = set()
    for given in paths:
        if s3inputs.is_s3(given):
            _discover_s3(str(given), out, inputs, ignored, seen)
            continue
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


def _discover_s3(url: str, out: Path, inputs: list[Found], ignored: list[str], seen: set[Path | str]) -> None:
    """The objects under an ``s3://`` prefix, taken like the files of a folder (or a file given by name)."""
    for obj in s3inputs.list_objects(url):
        rel = PurePosixPath(obj.rel)
        if obj.url in seen or (not obj.named and _hidden(rel)):
            continue
        seen.add(obj.url)
        if obj.named or rel.suffix.lower() in SCAN_SUFFIXES:
            inputs.append(Found(path=str(s3inputs.download_path(out, obj)), name=rel.with_suffix("").as_posix(),
                                url=obj.url, etag=obj.etag, size=obj.size))
        else:
            ignored.append(obj.url)


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
