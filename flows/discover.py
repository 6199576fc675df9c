"""From the paths a user gives to the list of inputs of a batch, each with the name its outputs get.

A file given by name is always an input (a bad one goes to quarantine). Folders are walked recursively for
files with a scan's extension (PDF, TIFF, PNG, JPEG, WebP); other files there (ground-truth JSON, notes) are
listed as ignored. Hidden files and folders and the batch's own output folder are left out. Symbolic links
in a folder are not followed (a link to ``/etc/passwd`` would put a copy of it in the quarantine): they are listed
as not followed, with the reason, in the summary; files other than regular files (FIFOs, devices) are ignored.

``s3://BUCKET/PREFIX`` is an S3 "folder" (or one object) taken the same way (``flows.s3inputs``): its objects are
listed here, and each input's ``path`` is where the batch will download it (under the output folder).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path, PurePath, PurePosixPath

from pydantic import BaseModel

from flows import s3inputs

SCAN_SUFFIXES = {".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".webp"}
LINK_REASON = "liên kết tượng trưng, không theo / symbolic link, not followed"


class Found(BaseModel):
    path: str  # absolute; for an S3 object, the file it is downloaded to
    name: str  # the outputs' name: the path below the folder given, without extension ("sub/scan01")
    url: str | None = None  # s3://bucket/key of an object in S3 (None: a local file)
    etag: str | None = None  # the object's ETag and size when it was listed
    size: int | None = None


class NotFollowed(BaseModel):
    path: str  # the link, as found in the folder given
    reason: str


class Discovery(BaseModel):
    inputs: list[Found]
    ignored: list[str]  # files in the folders given that are not scans (s3:// URLs for objects)
    not_followed: list[NotFollowed] = []  # symbolic links in the folders given


def _hidden(rel: PurePath) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _walk(root: Path) -> Iterator[tuple[Path, bool]]:
    """Every entry under ``root`` that is a regular file or a symbolic link, as (path, is a link), sorted; links
    to folders are not entered."""
    found: list[tuple[Path, bool]] = []
    for folder, dirs, files in os.walk(root):  # os.walk does not enter links to folders
        for name in dirs + files:
            path = Path(folder) / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode) or stat.S_ISREG(mode):
                found.append((path, stat.S_ISLNK(mode)))
    yield from sorted(found)


def discover(paths: list[str | Path], out_dir: str | Path) -> Discovery:
    out = Path(out_dir).resolve()
    inputs: list[Found] = []
    ignored: list[str] = []
    not_followed: list[NotFollowed] = []
    seen: set[Path | str] = set()
    for given in paths:
        if s3inputs.is_s3(given):
            _discover_s3(str(given), out, inputs, ignored, seen)
            continue
        root = Path(given).resolve()
        if root.is_dir():
            for path, is_link in _walk(root):
                rel = path.relative_to(root)
                if _hidden(rel) or _inside(path, out) or path in seen:
                    continue
                seen.add(path)
                if is_link:
                    not_followed.append(NotFollowed(path=str(path), reason=LINK_REASON))
                elif path.suffix.lower() in SCAN_SUFFIXES:
                    inputs.append(Found(path=str(path), name=rel.with_suffix("").as_posix()))
                else:
                    ignored.append(str(path))
        elif root not in seen:
            seen.add(root)
            inputs.append(Found(path=str(root), name=root.stem))
    return Discovery(inputs=_unique_names(inputs), ignored=ignored, not_followed=not_followed)


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
