"""One batch at a time in an output folder: ``OUT/.sohoa/lock`` held with ``flock`` for the whole run.

A second ``sohoa digitize`` into the same folder meets one clear line (BadInput, exit 2) naming the process that
holds it, instead of racing the first one over the work folders and ``summary.json``. The kernel releases the lock
when its process ends, however it ends (a kill -9 too), so a lock left by a killed run never blocks the next one;
the pid written in the file is only there for the message. Within one process the lock is re-entrant (the
command line takes it, then the flow it runs takes it again).
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flows.layout import Layout
from pipeline.errors import BadInput

LOCK_NAME = "lock"

_held: dict[Path, list[int]] = {}  # lock file → [file descriptor, holders in this process]
_guard = threading.Lock()


class OutputFolderBusy(BadInput):
    """Another process is running a batch into the same output folder."""


def lock_path(out_dir: str | Path) -> Path:
    return Layout(out_dir).state / LOCK_NAME


def _acquire(path: Path) -> None:
    with _guard:
        if path in _held:
            _held[path][1] += 1
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            out = path.parent.parent
            raise OutputFolderBusy(out, f"thư mục kết quả đang được một lần chạy khác dùng (pid {holder}) / "
                                        "the output folder is in use by another run") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _held[path] = [fd, 1]


def _release(path: Path) -> None:
    with _guard:
        entry = _held[path]
        entry[1] -= 1
        if entry[1] == 0:
            del _held[path]
            os.close(entry[0])  # closing the descriptor releases the lock


@contextmanager
def output_folder_lock(out_dir: str | Path) -> Iterator[None]:
    """Holds the output folder's lock for the block; raises OutputFolderBusy if another process holds it."""
    path = lock_path(out_dir)
    _acquire(path)
    try:
        yield
    finally:
        _release(path)
