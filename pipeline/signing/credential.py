"""A person's own signing credential (an officer's or a leader's), as kept for a web account.

A credential names where the key is, never the secret that opens it: ``spec`` has the syntax of
``SOHOA_SIGNER`` (``pkcs12:PATH`` or ``pkcs11:MODULE;token=LABEL;key=LABEL``) and ``pin_source`` says where the
password or PIN is read at signing time: ``env:NAME`` (an environment variable of the server) or
``file:PATH`` (a file readable by the server only; its first line). ``load_credential`` opens it as a
``LoadedSigner``, the same object ``sign_pdf`` takes for the installation's signer.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pipeline.signing.signers import LoadedSigner, SignerUnusable, load_pkcs11, load_pkcs12, parse_pkcs11_spec

PIN_KINDS = ("env", "file")


@dataclass(frozen=True)
class AccountCredential:
    """Where an account's key is and where its PIN comes from (no secret in here)."""

    username: str
    spec: str  # pkcs12:PATH | pkcs11:MODULE;token=LABEL;key=LABEL
    pin_source: str | None  # env:NAME | file:PATH | None (a PKCS#12 file without password)
    cert_subject: str = ""  # as read when the credential was set (what the screens show before signing)
    cert_sha256: str = ""

    @property
    def kind(self) -> str:
        return self.spec.partition(":")[0]

    @property
    def description(self) -> str:
        """The credential without the key's path details, for messages."""
        return f"tài khoản {self.username} ({self.spec.split(';')[0]})"


def check_spec(spec: str) -> str:
    """``spec`` normalised, or ``SignerUnusable`` when it is not a PKCS#12 file or a PKCS#11 token."""
    kind, _, body = spec.strip().partition(":")
    if kind == "pkcs12" and body:
        return f"pkcs12:{Path(body).expanduser().resolve()}"  # the server may run from another folder
    if kind == "pkcs11":
        module, token, key = parse_pkcs11_spec(body)
        return f"pkcs11:{module};token={token};key={key}"
    raise SignerUnusable(spec, "cần pkcs12:ĐƯỜNG_DẪN hoặc pkcs11:MÔ_ĐUN;token=NHÃN;key=NHÃN / "
                               "expected pkcs12:PATH or pkcs11:MODULE;token=LABEL;key=LABEL")


def check_pin_source(source: str | None) -> str | None:
    if not source:
        return None
    kind, _, name = source.partition(":")
    if kind not in PIN_KINDS or not name:
        raise SignerUnusable(source, "nguồn mã PIN phải là env:TÊN_BIẾN hoặc file:ĐƯỜNG_DẪN / "
                                     "the PIN source must be env:NAME or file:PATH")
    return f"file:{Path(name).expanduser().resolve()}" if kind == "file" else source


def read_pin(source: str | None) -> str | None:
    """The PIN or password named by ``source`` (read now, kept nowhere)."""
    if not source:
        return None
    kind, _, name = source.partition(":")
    if kind == "env":
        value = os.environ.get(name)
        if value is None:
            raise SignerUnusable(source, f"biến môi trường {name} chưa đặt / the environment variable is not set")
        return value
    path = Path(name).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise SignerUnusable(source, f"không đọc được tệp mã PIN / cannot read the PIN file ({err.strerror})") from err
    return text.splitlines()[0] if text else ""


def pin_file_too_open(source: str | None) -> bool:
    """A PIN file that others than its owner may read (the CLI warns)."""
    if not source or not source.startswith("file:"):
        return False
    try:
        mode = Path(source[5:]).expanduser().stat().st_mode
    except OSError:
        return False
    return bool(mode & (stat.S_IRWXG | stat.S_IRWXO))


def load_credential(credential: AccountCredential) -> LoadedSigner:
    """Opens the account's key (``close()`` it after use); ``SignerUnusable`` when it cannot be opened."""
    pin = read_pin(credential.pin_source)
    kind, _, body = credential.spec.partition(":")
    if kind == "pkcs12":
        loaded = load_pkcs12(Path(body), pin)
    elif kind == "pkcs11":
        loaded = load_pkcs11(body, pin)
    else:
        raise SignerUnusable(credential.spec, "không phải pkcs12 hay pkcs11 / neither pkcs12 nor pkcs11")
    loaded.description = credential.description
    return loaded
