"""Passwords, signed session cookies and CSRF tokens, from the standard library only.

- Passwords: scrypt (``hashlib.scrypt``, n=2**14, r=8, p=1, 16-byte salt), stored as
  ``scrypt$n$r$p$salt$hash`` (base64), compared in constant time.
- Sessions: ``base64(json payload).hmac`` with HMAC-SHA256 under the server secret; the payload names the
  user, the user's ``session_version`` (bumped to log every session of a user out), the issue time and the
  time of the last request seen (``seen``). A session ends 12 hours after it was issued, or after
  ``SOHOA_WEB_IDLE_MINUTES`` (default 30) without a request; the server sends the cookie again with a new
  ``seen`` at most once a minute (``renewed``), so the idle clock needs no state on the server.
- Person tokens: the per-person view is addressed by an opaque token (a signed catalog row id of one
  ``people`` row with that personal number), never by the personal number, so that the number stays out
  of URLs and the logs; a token cannot be made without the secret.
- CSRF: a token bound to the session (HMAC of the session id), sent in forms (``csrf_token``) or in the
  ``X-CSRF-Token`` header of API calls; the login form, which has no session yet, uses a signed
  pre-session nonce kept in a cookie (double submit).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from pathlib import Path

from pydantic import BaseModel

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SESSION_MAX_AGE = 12 * 3600  # one working day: the absolute limit, whatever the activity
DEFAULT_IDLE_MINUTES = 30
RENEW_AFTER = 60  # seconds: how stale ``seen`` may get before the cookie is sent again


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return "$".join(["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)])


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = _unb64(digest)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=_unb64(salt), n=int(n), r=int(r), p=int(p),
                                dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def load_secret(home: Path) -> bytes:
    """``SOHOA_WEB_SECRET`` when set, else a random secret kept in ``SOHOA_HOME/web/secret`` (mode 0600)."""
    if os.environ.get("SOHOA_WEB_SECRET"):
        return os.environ["SOHOA_WEB_SECRET"].encode("utf-8")
    path = home / "web" / "secret"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
    return path.read_bytes()


class SessionData(BaseModel):
    user_id: int
    version: int  # the user's session_version when the session was issued
    sid: str  # random per login: what the CSRF token is bound to
    issued: float
    seen: float | None = None  # the last request the server saw (None in a cookie made before idle timeouts)

    @property
    def last_seen(self) -> float:
        return self.seen if self.seen is not None else self.issued


class Signer:
    """Signs and checks cookie values with HMAC-SHA256 under one secret, one purpose per instance."""

    def __init__(self, secret: bytes, purpose: str):
        self._key = hmac.new(secret, purpose.encode("ascii"), hashlib.sha256).digest()

    def sign(self, payload: dict) -> str:
        body = _b64(json.dumps(payload, separators=(",", ":")).encode("utf-8"))
        return f"{body}.{self._mac(body)}"

    def unsign(self, token: str | None) -> dict | None:
        if not token or "." not in token:
            return None
        body, mac = token.rsplit(".", 1)
        if not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            data = json.loads(_unb64(body))
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def _mac(self, body: str) -> str:
        return _b64(hmac.new(self._key, body.encode("ascii"), hashlib.sha256).digest())


class Security:
    """The web app's session and CSRF machinery around one secret."""

    def __init__(self, secret: bytes, idle_minutes: float = DEFAULT_IDLE_MINUTES):
        self.idle_seconds = idle_minutes * 60
        self._sessions = Signer(secret, "session")
        self._csrf = Signer(secret, "csrf")
        self._prelogin = Signer(secret, "prelogin")
        self._person = Signer(secret, "person")

    def person_token(self, people_row_id: int) -> str:
        return self._person.sign({"p": people_row_id})

    def person_row(self, token: str) -> int | None:
        payload = self._person.unsign(token)
        value = payload.get("p") if payload else None
        return value if isinstance(value, int) else None

    def new_session(self, user_id: int, version: int) -> str:
        now = time.time()
        data = SessionData(user_id=user_id, version=version, sid=secrets.token_urlsafe(16), issued=now, seen=now)
        return self._sessions.sign(data.model_dump())

    def renewed(self, session: SessionData) -> str | None:
        """The session's cookie with ``seen`` set to now, when the one the browser holds is over a minute
        old; None when it is fresh enough (the cookie is not sent again on every request)."""
        now = time.time()
        if now - session.last_seen < RENEW_AFTER:
            return None
        return self._sessions.sign(session.model_copy(update={"seen": now}).model_dump())

    def read_session(self, token: str | None) -> SessionData | None:
        payload = self._sessions.unsign(token)
        if payload is None:
            return None
        try:
            data = SessionData(**payload)
        except (TypeError, ValueError):
            return None
        now = time.time()
        if now - data.issued > SESSION_MAX_AGE or now - data.last_seen > self.idle_seconds:
            return None
        return data

    def csrf_token(self, session: SessionData) -> str:
        return self._csrf.sign({"sid": session.sid})

    def check_csrf(self, session: SessionData, token: str | None) -> bool:
        payload = self._csrf.unsign(token)
        return payload is not None and hmac.compare_digest(str(payload.get("sid", "")), session.sid)

    def prelogin_token(self) -> str:
        return self._prelogin.sign({"nonce": secrets.token_urlsafe(16), "issued": time.time()})

    def check_prelogin(self, cookie: str | None, form_value: str | None) -> bool:
        if not cookie or not form_value or not hmac.compare_digest(cookie, form_value):
            return False
        payload = self._prelogin.unsign(cookie)
        return payload is not None and time.time() - float(payload.get("issued", 0)) < 3600
