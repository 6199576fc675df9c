"""The server's electronic acknowledgement of a dossier step.

Each step's record (dossier code, step, states, officer, time, note, details, and a SHA-256 over the
dossier's data as it stood: the corrected extraction of every file) is written as canonical JSON; its
SHA-256 is the step's ``digest`` and HMAC-SHA256 of that digest under a key derived from the server's
secret (``SOHOA_WEB_SECRET`` / ``SOHOA_HOME/web/secret``) is its ``acknowledgement``. It proves that this
server recorded this content for the logged-in officer and that the row was not changed afterwards by
anyone without the secret. It is not the officer's personal digital signature: that is a detached CMS over
the same canonical record, made with the account's own credential when it has one (``app/web/stepsign.py``);
the leader's PAdES signature on the result is the legal signature of the result.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any


def canonical(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode()


def digest(record: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(record)).hexdigest()


class Acknowledger:
    def __init__(self, secret: bytes):
        self._key = hmac.new(secret, b"sohoa dossier step", hashlib.sha256).digest()

    def acknowledge(self, record_digest: str) -> str:
        return hmac.new(self._key, record_digest.encode("ascii"), hashlib.sha256).hexdigest()

    def verify(self, record: dict[str, Any], record_digest: str, acknowledgement: str) -> bool:
        """The record still has the digest it was acknowledged with, and the acknowledgement is ours."""
        return (hmac.compare_digest(digest(record), record_digest)
                and hmac.compare_digest(self.acknowledge(record_digest), acknowledgement))
