"""Login throttling by back-off, not lock-out (in memory, per server process).

Wrong passwords are counted per user name (NFC-normalised and case-folded, as accounts are stored, so
another spelling of the same name shares the count) and per client address. Past a few free failures
within ``WINDOW_S``, each further attempt has to wait a delay that doubles with every failure, up to a
cap: the name's cap is short (``NAME_MAX_DELAY_S``), so that an anonymous client hammering an officer's
name slows that officer down by seconds at worst instead of locking the account; the client's cap is long,
so that one client trying many names (a password spray) is held back. An attempt made during its delay is
refused without looking at the password and is not counted; a success clears the name's count.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from app.web.users import normalize_username

WINDOW_S = 15 * 60
MAX_KEYS = 100_000  # failures remembered at most; the oldest are dropped first


@dataclass(frozen=True)
class BackOff:
    free: int  # failures without delay
    base_s: float  # delay after the first failure past the free ones; doubles with each failure
    max_s: float


NAME_BACKOFF = BackOff(free=5, base_s=1.0, max_s=30.0)
CLIENT_BACKOFF = BackOff(free=20, base_s=1.0, max_s=15 * 60.0)


def wait_message(seconds: float) -> str:
    return f"Đăng nhập sai nhiều lần; hãy thử lại sau {max(1, round(seconds))} giây."


class LoginThrottle:
    def __init__(self, name_backoff: BackOff = NAME_BACKOFF, client_backoff: BackOff = CLIENT_BACKOFF,
                 window_s: float = WINDOW_S):
        self.backoff = {"name": name_backoff, "client": client_backoff}
        self.window_s = window_s
        self._failures: dict[tuple[str, str], list[float]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _keys(username: str, client: str | None) -> list[tuple[str, str]]:
        return [("name", normalize_username(username)), ("client", client or "?")]

    def _recent(self, key: tuple[str, str], now: float) -> list[float]:
        recent = [t for t in self._failures.get(key, []) if now - t < self.window_s]
        if recent:
            self._failures[key] = recent
        else:
            self._failures.pop(key, None)
        return recent

    def _delay(self, key: tuple[str, str], now: float) -> float:
        failures = self._recent(key, now)
        backoff = self.backoff[key[0]]
        over = len(failures) - backoff.free
        if over < 0:
            return 0.0
        delay = min(backoff.base_s * 2 ** over, backoff.max_s)
        return max(0.0, failures[-1] + delay - now)

    def wait(self, username: str, client: str | None) -> float:
        """Seconds this attempt must still wait (0: it may try now)."""
        with self._lock:
            now = time.monotonic()
            return max(self._delay(key, now) for key in self._keys(username, client))

    def failed(self, username: str, client: str | None) -> None:
        with self._lock:
            now = time.monotonic()
            for key in self._keys(username, client):
                self._failures[key] = [*self._recent(key, now), now]
            while len(self._failures) > MAX_KEYS:
                self._failures.pop(next(iter(self._failures)))

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(("name", normalize_username(username)), None)
