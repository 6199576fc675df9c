"""Progress of a batch for whoever shows it (the terminal's progress bar). In-process only: the command
line registers a listener, the tasks report to it; with remote workers nothing listens and nothing happens.
A listener must be thread-safe (tasks run in threads) and must not raise."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    kind: str  # "plan" (total: inputs to do), "start" (a file's OCR begins), "pages" (done/total pages of a
    # file), "done" (a file is finished: status "done" or "quarantined")
    name: str  # the input's output name
    done: int = 0
    total: int = 0
    status: str = ""


Listener = Callable[[Event], None]

_lock = threading.Lock()
_listeners: list[Listener] = []


def listen(listener: Listener) -> None:
    with _lock:
        _listeners.append(listener)


def stop_listening(listener: Listener) -> None:
    with _lock:
        if listener in _listeners:
            _listeners.remove(listener)


def emit(event: Event) -> None:
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        listener(event)
