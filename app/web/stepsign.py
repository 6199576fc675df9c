"""The acting officer's personal signature on a dossier step: a detached CMS over the step's canonical record
(``app/counter/acknowledgement.canonical`` of ``StepRow.record()``: dossier code, step, states, officer, time,
note and details, which hold the hashes of the dossier's papers) made with the account's own credential
(``app/web/credentials.py``), stored with the step and verified when the history is shown.

The record itself says how it was signed (``detail["personal_signature"]``: the account's certificate, or
``{"kind": "none"}`` for an account without a credential), under the server's HMAC too: a signature removed
from a row whose record names a certificate is reported, not taken for "no personal signature"."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any

from app.counter.acknowledgement import canonical
from pipeline.signing.detached import cert_sha256, sign_detached, verify_detached
from pipeline.signing.options import TRUST_ROOTS_ENV, configured_trust_roots
from pipeline.signing.signers import LoadedSigner
from pipeline.store.dossier import StepRow

CLAIM = "personal_signature"
NO_PERSONAL = "Không có chữ ký số cá nhân (tài khoản chưa có chứng thư số): chỉ có xác nhận HMAC của máy chủ"


def claim(loaded: LoadedSigner | None) -> dict[str, Any]:
    """What the step's record says of its personal signature."""
    if loaded is None:
        return {"kind": "none"}
    return {"kind": "account", "subject": loaded.cert.subject.human_friendly, "cert_sha256": cert_sha256(loaded.cert)}


def sign_row(row: StepRow, loaded: LoadedSigner) -> StepRow:
    """``row`` with the account's detached CMS over its record (the certificate checked first)."""
    der = sign_detached(canonical(row.record()), loaded, configured_trust_roots())
    return row.model_copy(update={"signature": base64.b64encode(der).decode("ascii"),
                                  "signer_subject": loaded.cert.subject.human_friendly})


@dataclass(frozen=True)
class PersonalSignature:
    """``status``: ``valid``, ``untrusted``, ``invalid`` or ``none`` (no personal signature)."""

    status: str
    subject: str = ""  # the certificate's whole subject (the page's tooltip, the API)
    problem: str | None = None
    name: str = ""  # its common name and organisation (what the history shows)

    @property
    def label(self) -> str:
        who = self.name or self.subject
        if self.status == "valid":
            return f"Chữ ký số của cán bộ hợp lệ: {who}"
        if self.status == "none":
            return NO_PERSONAL
        where = f" ({who})" if who else ""
        word = "chưa xác minh được" if self.status == "untrusted" else "không hợp lệ"
        return f"Chữ ký số của cán bộ {word}{where}: {self.problem}"


_CACHE: dict[str, PersonalSignature] = {}
_CACHE_LIMIT = 4096


def check_row(row: StepRow) -> PersonalSignature:
    """The step's personal signature verified against its record as stored now."""
    claimed = (row.detail or {}).get(CLAIM) or {}
    if not row.signature:
        if claimed.get("kind") == "account":
            return PersonalSignature("invalid", claimed.get("subject", ""),
                                     "bản ghi bước ghi là đã ký nhưng chữ ký không còn")
        return PersonalSignature("none")
    data = canonical(row.record())
    key = hashlib.sha256(data + row.signature.encode() + json.dumps(
        [str(row.at), claimed, os.environ.get(TRUST_ROOTS_ENV, "")]).encode()).hexdigest()
    if key in _CACHE:
        return _CACHE[key]
    try:
        der = base64.b64decode(row.signature, validate=True)
    except ValueError:
        return PersonalSignature("invalid", row.signer_subject or "", "chữ ký không đọc được")
    check = verify_detached(data, der, configured_trust_roots(), row.at)
    if check.status != "invalid" and claimed.get("cert_sha256") != check.cert_sha256:
        found = PersonalSignature("invalid", check.signer_subject,
                                  "chữ ký không phải của chứng thư số ghi trong bản ghi bước", check.signer_name)
    else:
        found = PersonalSignature(check.status, check.signer_subject, check.problem, check.signer_name)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = found
    return found
