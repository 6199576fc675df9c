"""Signing settings that live beside ``pipeline.config.settings()``.

``settings()`` carries signer, signer_pin, tsa_url, agency_name and home. Two more environment variables
(CONTRACT.md: configuration is only ever added to) are read here:

- ``SOHOA_SIGN_LEVEL``: ``B-B``, ``B-T``, ``B-LT`` or ``B-LTA``; default B-T with a TSA, else B-B.
- ``SOHOA_TRUST_ROOTS``: PEM files (separated by ``:`` or ``,``) whose certificates are trust anchors
  for the pre-signing check and for ``sohoa verify``; the development root is always added.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from asn1crypto import pem, x509

from pipeline.config import settings
from pipeline.signing.models import Level

LEVEL_ENV = "SOHOA_SIGN_LEVEL"
TRUST_ROOTS_ENV = "SOHOA_TRUST_ROOTS"


def parse_level(text: str) -> Level:
    norm = text.strip().upper().replace("_", "-")
    if not norm.startswith("B-"):
        norm = "B-" + norm
    try:
        return Level(norm)
    except ValueError:
        raise ValueError(f"unknown PAdES level {text!r} (B-B, B-T, B-LT, B-LTA)") from None


def configured_level() -> Level | None:
    raw = os.environ.get(LEVEL_ENV, "")
    return parse_level(raw) if raw else None


def signing_dir() -> Path:
    """Where the development signer lives: ``SOHOA_HOME/signing``."""
    return settings().home / "signing"


def load_pem_certs(path: Path) -> list[x509.Certificate]:
    """Every certificate in a PEM (or DER) file."""
    data = path.read_bytes()
    if pem.detect(data):
        return [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True)]
    return [x509.Certificate.load(data)]


def trust_root_paths() -> list[Path]:
    raw = os.environ.get(TRUST_ROOTS_ENV, "")
    return [Path(p).expanduser() for p in re.split(r"[:,]", raw) if p.strip()]


def dev_root_file() -> Path:
    """The development root certificate (exists once the development signer has been created)."""
    return signing_dir() / "dev" / "root.cert.pem"


def trust_roots() -> list[x509.Certificate]:
    """Trust anchors: SOHOA_TRUST_ROOTS plus the development root (when it exists)."""
    roots = configured_trust_roots()
    if dev_root_file().is_file():
        roots.extend(load_pem_certs(dev_root_file()))
    return roots


def configured_trust_roots() -> list[x509.Certificate]:
    """Trust anchors from SOHOA_TRUST_ROOTS (not including the development root)."""
    from pipeline.errors import BadInput

    roots: list[x509.Certificate] = []
    for path in trust_root_paths():
        try:
            roots.extend(load_pem_certs(path))
        except (OSError, ValueError) as err:
            raise BadInput(path, f"SOHOA_TRUST_ROOTS: không đọc được chứng thư gốc / cannot read ({err})") from err
    return roots
