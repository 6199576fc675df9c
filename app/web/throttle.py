"""Login throttling: after ``MAX_FAILURES`` wrong passwords for one user name within ``WINDOW_S`` seconds,
further attempts for that name are refused until the window has passed (in memory, per server process)."""

from __future__ import annotations

import threading
import time

MAX_FAILURES = 5
WINDOW_S = 15 * 60
LOCKED_MESSAGE = "Đăng nhập sai quá nhiều lần; hãy thử lại sau 15 phút."


class LoginThrottle:
    def __init__(self, max_failures: int = MAX_FAILURES, window_s: float = WINDOW_S):
        self.max_failures = max_failures
        self.window_s = window_s
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> list[float]:
        recent = [t for t in self._failures.get(key, []) if now - t < self.window_s]
        if recent:
            self._failures[key] = recent
        else:
            self._failures.pop(key, None)
        return recent

    def locked(self, username: str) -> bool:
        with self._lock:
            return len(self._recent(username.strip().lower(), time.monotonic())) >= self.max_failures

    def failed(self, username: str) -> None:
        key = username.strip().lower()
        with self._lock:
            now = time.monotonic()
            self._failures[key] = [*self._recent(key, now), now]

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(username.strip().lower(), None)
