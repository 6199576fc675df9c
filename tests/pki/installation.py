"""The configuration of a production installation for tests outside the signing tests: the test PKI's
signer as ``SOHOA_SIGNER`` (PKCS#12) and its root in ``SOHOA_TRUST_ROOTS`` (no TSA, so PAdES B-B)."""

from __future__ import annotations

from tests.pki.testpki import TestPki

P12_PASSWORD = "mật-khẩu-thử"


def real_signer_env(pki: TestPki) -> dict[str, str]:
    """Environment variables that make the installation sign with the test PKI's signer."""
    return {
        "SOHOA_SIGNER": f"pkcs12:{pki.pkcs12('signer', P12_PASSWORD)}",
        "SOHOA_SIGNER_PIN": P12_PASSWORD,
        "SOHOA_TRUST_ROOTS": str(pki.root_pem),
    }
