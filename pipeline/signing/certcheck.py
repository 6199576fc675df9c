"""Checks the signer's certificate before signing (Circular 15/2025/TT-BKHCN: check before signing):
validity period, key usage, the chain to configured roots, and revocation when the certificate names
an OCSP responder or a CRL. Refusals are raised as ``SignerUnusable`` (exit 2) in Vietnamese + English."""

from __future__ import annotations

import asyncio
import datetime as dt

from asn1crypto import x509
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import (
    ExpiredError,
    NotYetValidError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
    ValidationError,
)
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend

from pipeline.signing.signers import LoadedSigner, SignerUnusable

SIGNING_KEY_USAGES = {"digital_signature", "non_repudiation"}
FETCH_TIMEOUT_S = 5


def _fmt(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%d/%m/%Y %H:%M UTC")


def has_revocation_sources(cert: x509.Certificate) -> bool:
    return bool(cert.ocsp_urls or cert.crl_distribution_points)


def check_validity_period(cert: x509.Certificate, desc: str, now: dt.datetime) -> None:
    validity = cert["tbs_certificate"]["validity"]
    not_before = validity["not_before"].native
    not_after = validity["not_after"].native
    if now > not_after:
        raise SignerUnusable(
            desc,
            f"chứng thư số đã hết hạn ngày {_fmt(not_after)}, không được ký / "
            f"the certificate expired on {_fmt(not_after)}; signing refused",
        )
    if now < not_before:
        raise SignerUnusable(
            desc,
            f"chứng thư số chưa có hiệu lực (từ {_fmt(not_before)}) / "
            f"the certificate is not valid before {_fmt(not_before)}; signing refused",
        )


def check_key_usage(cert: x509.Certificate, desc: str) -> None:
    usage = cert.key_usage_value
    if usage is not None and not (set(usage.native) & SIGNING_KEY_USAGES):
        raise SignerUnusable(
            desc,
            "chứng thư số không cho phép ký (key usage) / "
            "the certificate's key usage does not allow signing",
        )


def validation_context(
    roots: list[x509.Certificate],
    others: list[x509.Certificate],
    *,
    fetch: bool,
    revocation_mode: str,
    moment: dt.datetime | None = None,
) -> ValidationContext:
    return ValidationContext(
        trust_roots=roots,
        other_certs=others,
        allow_fetching=fetch,
        revocation_mode=revocation_mode,
        moment=moment,
        fetcher_backend=RequestsFetcherBackend(per_request_timeout=FETCH_TIMEOUT_S),
    )


def check_chain_and_revocation(
    loaded: LoadedSigner, roots: list[x509.Certificate], *, require_revinfo: bool
) -> list[str]:
    """Path validation to ``roots`` (with revocation when the certificate has sources); returns warnings."""
    cert, desc = loaded.cert, loaded.description
    warnings: list[str] = []
    anchors = list(roots)
    if not anchors:
        # No configured roots: validate against the signer's own self-signed chain top, so that
        # expiry and revocation are still checked; say that the chain itself is unverified.
        anchors = [c for c in loaded.chain if c.self_signed]
        warnings.append(
            "Chưa cấu hình gốc tin cậy (SOHOA_TRUST_ROOTS): chuỗi chứng thư chưa được kiểm tra / "
            "no trust roots configured: the certificate chain was not checked against them"
        )
        if not anchors:
            return warnings
    fetch = has_revocation_sources(cert)
    mode = "hard-fail" if (fetch and require_revinfo) else "soft-fail"
    ctx = validation_context(anchors, loaded.chain, fetch=fetch, revocation_mode=mode)
    validator = CertificateValidator(cert, intermediate_certs=loaded.chain, validation_context=ctx)
    try:
        asyncio.run(validator.async_validate_path())
    except RevokedError as err:
        raise SignerUnusable(
            desc, f"chứng thư số đã bị thu hồi, không được ký / the certificate is revoked ({err})"
        ) from err
    except (ExpiredError, NotYetValidError) as err:
        raise SignerUnusable(
            desc, f"chứng thư trong chuỗi hết hạn / a certificate in the chain is out of its validity ({err})"
        ) from err
    except PathBuildingError as err:
        raise SignerUnusable(
            desc,
            "chứng thư số không dẫn tới gốc tin cậy đã cấu hình / "
            f"the certificate does not chain to a configured trust root ({err})",
        ) from err
    except (PathValidationError, ValidationError) as err:
        raise SignerUnusable(
            desc, f"chứng thư số không hợp lệ / the certificate failed validation ({err})"
        ) from err
    if not fetch:
        warnings.append(
            "Chứng thư không có OCSP/CRL: không kiểm tra được thu hồi / "
            "the certificate names no OCSP/CRL: revocation not checked"
        )
    return warnings


def check_signer(
    loaded: LoadedSigner, roots: list[x509.Certificate], *, require_revinfo: bool = False
) -> list[str]:
    """All pre-signing checks; raises ``SignerUnusable`` on refusal, returns warnings otherwise."""
    now = dt.datetime.now(dt.UTC)
    check_validity_period(loaded.cert, loaded.description, now)
    for ca in loaded.chain:
        check_validity_period(ca, loaded.description + " (CA)", now)
    check_key_usage(loaded.cert, loaded.description)
    return check_chain_and_revocation(loaded, roots, require_revinfo=require_revinfo)
