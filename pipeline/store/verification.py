"""Checking the signature of a stored signed copy through the signing module's verifier.

``pipeline.signing.verify_pdf(path)`` is imported lazily: the repository works (and says so) when the
signing module or its dependencies are not available. A verifier may also be passed in (tests, web).

``development_installation()``: whether this installation signs with sohoa's development signer (no
``SOHOA_SIGNER``, or ``dev``, as ``pipeline.signing.load_signer`` reads it). There a copy carrying a test
signature (verdict ``test_signature``) may be reused, marked as such; an installation with a real signer
refuses it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.config import Settings, settings
from pipeline.errors import BadInput
from pipeline.store.views import SignatureCheck

Verifier = Callable[[Path], Any]


def default_verifier() -> Verifier | None:
    try:
        from pipeline.signing import verify_pdf
    except ImportError:
        return None
    return verify_pdf


def development_installation(s: Settings | None = None) -> bool:
    """True when the configured signer is sohoa's development signer (the default)."""
    signer = (s or settings()).signer
    return not signer or signer == "dev"


def check_signature(path: Path, verifier: Verifier | None = None) -> SignatureCheck:
    verifier = verifier or default_verifier()
    if verifier is None:
        return SignatureCheck(checked=False, summary="không có mô-đun kiểm tra chữ ký số (pipeline.signing)")
    try:
        report = verifier(path)
    except BadInput as err:
        return SignatureCheck(checked=True, valid=False, summary=err.reason, verdict="invalid")
    valid = report if isinstance(report, bool) else bool(getattr(report, "valid", False))
    verdict = getattr(report, "verdict", None)
    dump = getattr(report, "model_dump", None)
    return SignatureCheck(
        checked=True,
        valid=valid,
        summary=getattr(report, "summary", None),
        report=dump(mode="json") if dump else None,
        verdict=str(verdict) if verdict is not None else ("valid" if valid else "invalid"),
    )
