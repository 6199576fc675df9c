"""Personal certificates for test accounts, issued by the test PKI's intermediate CA (tests/pki: certomancer,
keys generated at test time) with the CRL distribution point its certificates carry, packed as PKCS#12
files: each officer or leader gets a key of their own, as a Vietnamese CA would issue one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtensionOID, NameOID

from tests.pki.testpki import TestPki


def _crypto_cert(pki: TestPki, label: str) -> x509.Certificate:
    return x509.load_der_x509_certificate(pki.cert(label).dump())


def issue_account_p12(pki: TestPki, name: str, common_name: str, password: str,
                      valid_days: int = 365) -> Path:
    """``PKI_FOLDER/account-NAME.p12``: an ECDSA P-256 key and its certificate (CN ``common_name``, signing
    key usages, the intermediate's CRL), with the intermediate and the root."""
    interm, root = _crypto_cert(pki, "interm"), _crypto_cert(pki, "root")
    interm_key = serialization.load_pem_private_key((pki.folder / "keys" / "interm.key.pem").read_bytes(), None)
    crl = _crypto_cert(pki, "signer").extensions.get_extension_for_oid(ExtensionOID.CRL_DISTRIBUTION_POINTS)
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "UBND TỈNH QUẢNG NINH"),
                         x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(interm.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=valid_days))
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(interm_key.public_key()), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(crl.value, critical=False)
        .sign(interm_key, hashes.SHA256())
    )
    path = pki.folder / f"account-{name}.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        name.encode(), key, cert, [interm, root], serialization.BestAvailableEncryption(password.encode())))
    return path
