"""Detached CMS (CAdES-BES) signatures over arbitrary bytes — a dossier step's canonical record — made with a
``LoadedSigner`` (an account's PKCS#12 file or PKCS#11 token) and verified by pyHanko.

``sign_detached(data, loaded) -> DER`` embeds the signer's certificate and chain, so that the signature can be
checked later without the key. ``verify_detached(data, der, roots, at)`` checks the message digest, the
signature value and the certificate path to ``roots`` at the claimed time ``at`` (no network: revocation was
checked before signing, ``certcheck.check_signer``)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import hashlib
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

from asn1crypto import cms, x509
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms

from pipeline.signing.certcheck import validation_context
from pipeline.signing.models import Level
from pipeline.signing.sign import checked_once
from pipeline.signing.signers import LoadedSigner, SignerUnusable

T = TypeVar("T")


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Runs ``coro`` to its end, also when called from code that runs inside an event loop (a page
    rendered by an async route): then in a worker thread with its own loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def sign_detached(data: bytes, loaded: LoadedSigner, roots: list[x509.Certificate]) -> bytes:
    """The signer's certificate is checked first (validity, key usage, chain to ``roots``, revocation; the
    check is kept on ``loaded`` for a few minutes, as ``sign_pdf``'s); returns the DER of a detached CMS
    ContentInfo over ``data`` (SHA-256, CAdES signing-certificate-v2)."""
    checked_once(loaded, Level.B_B, roots)
    try:
        info = run_sync(loaded.signer.async_sign_general_data(data, "sha256", detached=True, use_cades=True))
    except Exception as err:  # a token removed, a key that refuses: the step is not taken
        raise SignerUnusable(loaded.description, f"ký không thành công / signing failed ({err})") from err
    return info.dump()


@dataclass(frozen=True)
class DetachedCheck:
    """The verdict on one detached signature: ``status`` is ``valid``, ``untrusted`` (intact, but its
    certificate does not chain to a configured root) or ``invalid`` (the data or the signature changed)."""

    status: str
    signer_subject: str = ""
    cert_sha256: str = ""
    problem: str | None = None  # Vietnamese, when not valid
    signer_name: str = ""  # the certificate's common name and organisation, as a person reads them

    @property
    def valid(self) -> bool:
        return self.status == "valid"


def cert_sha256(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.dump()).hexdigest()


def person_name(cert: x509.Certificate) -> str:
    """``CN, O`` of the certificate (its full subject when it has neither)."""
    subject = cert.subject.native
    parts = [subject.get(k) for k in ("common_name", "organization_name") if subject.get(k)]
    return ", ".join(str(p) for p in parts) or cert.subject.human_friendly


def verify_detached(data: bytes, der: bytes, roots: list[x509.Certificate], at: dt.datetime) -> DetachedCheck:
    try:
        info = cms.ContentInfo.load(der)
        signed = info["content"]
        certs = [c.chosen for c in signed["certificates"] or [] if isinstance(c.chosen, x509.Certificate)]
    except (ValueError, TypeError, KeyError) as err:
        return DetachedCheck("invalid", problem=f"chữ ký không đọc được ({type(err).__name__})")
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    context = validation_context(roots, certs, fetch=False, revocation_mode="soft-fail", moment=at)
    try:
        status = run_sync(async_validate_detached_cms(data, signed, signer_validation_context=context))
    except Exception as err:  # a malformed signature pyHanko cannot process
        return DetachedCheck("invalid", problem=f"không kiểm tra được chữ ký ({type(err).__name__})")
    cert = status.signing_cert
    subject, digest = (cert.subject.human_friendly, cert_sha256(cert)) if cert is not None else ("", "")
    name = person_name(cert) if cert is not None else ""
    if not (status.intact and status.valid):
        return DetachedCheck("invalid", subject, digest, "bản ghi bước đã bị thay đổi sau khi ký hoặc chữ ký sai",
                             name)
    if not status.trusted:
        return DetachedCheck("untrusted", subject, digest,
                             "chứng thư số không dẫn tới gốc tin cậy đã cấu hình (SOHOA_TRUST_ROOTS)", name)
    return DetachedCheck("valid", subject, digest, signer_name=name)
