"""Where a batch keeps its outputs and its state, and how files are written so that a kill never leaves a
half file that a resumed batch would take as done.

    OUT/NAME.pdf                    the archive copy (PDF/A-2b, signed unless --no-sign)
    OUT/NAME.json                   the extraction result (CONTRACT.md)
    OUT/summary.json                the batch report
    OUT/quarantine/NAME.EXT         a copy of each refused input, with NAME.reason.txt beside it
    OUT/.sohoa/work/SHA256/         intermediate files of an input in progress (removed once published)
    OUT/.sohoa/done/SHA256.json     the marker written last: this input is done (what a resume skips)
    OUT/.sohoa/batch.log            the batch log (documents named by hash only)
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

STATE = ".sohoa"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Writes ``data`` to a temporary file beside ``path``, flushes it to disk, then renames it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_json(path: Path, data: Any) -> None:
    atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


def atomic_copy(src: Path, dst: Path) -> None:
    """Copies ``src`` to a temporary file beside ``dst``, then renames it into place."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=f".{dst.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, Path(src).open("rb") as inp:
            shutil.copyfileobj(inp, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dst)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Layout:
    """The paths of one batch's output folder."""

    def __init__(self, out_dir: str | Path):
        self.out = Path(out_dir).resolve()

    @property
    def state(self) -> Path:
        return self.out / STATE

    @property
    def quarantine(self) -> Path:
        return self.out / "quarantine"

    @property
    def summary(self) -> Path:
        return self.out / "summary.json"

    @property
    def log(self) -> Path:
        return self.state / "batch.log"

    def work(self, sha256: str) -> Path:
        return self.state / "work" / sha256

    def marker(self, sha256: str) -> Path:
        return self.state / "done" / f"{sha256}.json"

    def pdf(self, name: str) -> Path:
        return self.out / f"{name}.pdf"

    def json(self, name: str) -> Path:
        return self.out / f"{name}.json"

    def done(self, sha256: str, sign: bool, store: bool) -> dict[str, Any] | None:
        """The marker of an input that is done with (at least) the stages asked for, and whose outputs are
        still there; None when it must be (re)done."""
        try:
            marker = json.loads(self.marker(sha256).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if sign and not marker.get("signed"):
            return None
        if store and not marker.get("stored"):
            return None
        outputs = [self.out / rel for rel in marker.get("outputs", [])]
        if not outputs or not all(p.is_file() for p in outputs):
            return None
        return marker
