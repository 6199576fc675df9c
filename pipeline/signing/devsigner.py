"""The development signer: a local root CA and a signing certificate, created on first use under
``SOHOA_HOME/signing/dev``. Both say plainly that they are not for production.

Keys are ECDSA P-256: pyHanko re-loads a software key for every signature, and loading an RSA key runs
cryptography's RSA consistency check (~45 ms, twice per document); an EC key loads in microseconds.

Files: ``root.cert.pem``, ``signer.cert.pem``, ``signer.key.pem`` (unencrypted, mode 0600).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from pipeline.config import settings
from pipeline.signing.options import dev_root_file

DEV_SIGNER_CN = "sohoa DEVELOPMENT signer - NOT FOR PRODUCTION"
DEV_ROOT_CN = "sohoa DEVELOPMENT root CA - NOT FOR PRODUCTION"
MARKER = "NOT FOR PRODUCTION"


def dev_dir() -> Path:
    return dev_root_file().parent


def _name(cn: str, org: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _generate(target: Path, org: str) -> None:
    now = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name(DEV_ROOT_CN, org)
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=365 * 20))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(DEV_SIGNER_CN, org))
        .issuer_name(root_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=365 * 5))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False
        )
        .sign(root_key, hashes.SHA256())
    )
    (target / "root.cert.pem").write_bytes(_pem(root))
    (target / "signer.cert.pem").write_bytes(_pem(cert))
    key_path = target / "signer.key.pem"
    key_bytes = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key_bytes)


def ensure_dev_signer() -> Path:
    """The development signer's folder, created on first use (safe against concurrent first uses)."""
    target = dev_dir()
    if (target / "signer.key.pem").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".dev-", dir=target.parent))
    try:
        _generate(tmp, settings().agency_name)
        try:
            tmp.rename(target)  # atomic; fails if another process won the race
        except OSError:
            if not (target / "signer.key.pem").is_file():
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return target


def is_development_subject(common_name: str) -> bool:
    return MARKER in common_name
