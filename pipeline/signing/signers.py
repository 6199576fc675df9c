"""Signers from ``SOHOA_SIGNER``: ``pkcs12:PATH``, ``pkcs11:MODULE;token=LABEL;key=LABEL``, or the
development signer (default). The PIN or password is ``SOHOA_SIGNER_PIN``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asn1crypto import x509
from pyhanko.sign import signers
from pyhanko.sign.general import load_cert_from_pemder

from pipeline.config import settings
from pipeline.errors import BadInput
from pipeline.signing.devsigner import ensure_dev_signer


class SignerUnusable(BadInput):
    """The configured signer cannot be used (missing, wrong PIN, expired, revoked, ...): exit 2."""

    def __init__(self, spec: str, reason: str):
        super().__init__(f"signer {spec}", reason)


@dataclass
class LoadedSigner:
    signer: signers.Signer
    cert: x509.Certificate
    chain: list[x509.Certificate]
    description: str
    is_development: bool = False
    _session: Any = field(default=None, repr=False)
    # result of the last pre-signing check: (level key, monotonic deadline, warnings)
    checked: tuple[str, float, list[str]] | None = field(default=None, repr=False)
    # B-B signature container size (hex digits) measured by pyHanko on this signer's first B-B signature
    reserved_b_b: int | None = field(default=None, repr=False)

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


def _describe(spec: str | None) -> str:
    if not spec:
        return "development"
    return spec.split(";")[0]


def _chain_of(signer: signers.Signer) -> list[x509.Certificate]:
    cert = signer.signing_cert
    registry = signer.cert_registry
    return [c for c in registry if c.sha256 != cert.sha256] if registry is not None else []


def load_dev_signer() -> LoadedSigner:
    folder = ensure_dev_signer()
    signer = signers.SimpleSigner.load(
        key_file=str(folder / "signer.key.pem"),
        cert_file=str(folder / "signer.cert.pem"),
        ca_chain_files=(str(folder / "root.cert.pem"),),
    )
    if signer is None:
        raise SignerUnusable("development", f"cannot read the key in {folder}")
    root = load_cert_from_pemder(str(folder / "root.cert.pem"))
    return LoadedSigner(signer, signer.signing_cert, [root], "development", is_development=True)


def load_pkcs12(path: Path, pin: str | None) -> LoadedSigner:
    spec = f"pkcs12:{path}"
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SignerUnusable(spec, f"không đọc được tệp khóa / cannot read the key file ({err.strerror})") from err
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            data, other_certs=(), passphrase=pin.encode() if pin else None
        )
    except ValueError as err:
        raise SignerUnusable(
            spec, "sai mật khẩu hoặc tệp PKCS#12 hỏng / wrong password (SOHOA_SIGNER_PIN) or bad PKCS#12 file"
        ) from err
    return LoadedSigner(signer, signer.signing_cert, _chain_of(signer), spec)


def parse_pkcs11_spec(body: str) -> tuple[str, str, str]:
    """``MODULE_PATH;token=LABEL;key=LABEL`` -> (module, token label, key label)."""
    module, *params = body.split(";")
    values = dict(p.split("=", 1) for p in params if "=" in p)
    token, key = values.get("token"), values.get("key")
    if not module or not token or not key:
        raise SignerUnusable(
            "pkcs11:" + body, "expected pkcs11:MODULE_PATH;token=LABEL;key=LABEL"
        )
    return module, token, key


def load_pkcs11(body: str, pin: str | None) -> LoadedSigner:
    from pkcs11 import PKCS11Error
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    module, token, key = parse_pkcs11_spec(body)
    spec = f"pkcs11:{module};token={token}"
    if not Path(module).is_file():
        raise SignerUnusable(spec, f"không có mô-đun PKCS#11 / PKCS#11 module not found: {module}")
    try:
        session = open_pkcs11_session(module, token_criteria=TokenCriteria(label=token), user_pin=pin)
    except (PKCS11Error, Exception) as err:  # wrong PIN, token absent, module error
        raise SignerUnusable(
            spec, f"không mở được token / cannot open the token ({type(err).__name__}: {err})"
        ) from err
    try:
        # other_certs_to_pull=None: take every certificate on the token (VN CA tokens carry the CA chain)
        signer = PKCS11Signer(session, cert_label=key, key_label=key, other_certs_to_pull=None)
        cert = signer.signing_cert
    except Exception as err:
        session.close()
        raise SignerUnusable(
            spec, f"không tìm thấy khóa/chứng thư '{key}' / key or certificate '{key}' not found ({err})"
        ) from err
    return LoadedSigner(signer, cert, _chain_of(signer), spec, _session=session)


def load_signer(spec: str | None = None, pin: str | None = None) -> LoadedSigner:
    """The signer described by ``spec`` (default: ``settings().signer``); close() it after use."""
    conf = settings()
    spec = conf.signer if spec is None else spec
    pin = conf.signer_pin if pin is None else pin
    if not spec or spec == "dev":
        return load_dev_signer()
    kind, _, body = spec.partition(":")
    if kind == "pkcs12":
        return load_pkcs12(Path(body).expanduser(), pin)
    if kind == "pkcs11":
        return load_pkcs11(body, pin)
    raise SignerUnusable(_describe(spec), "SOHOA_SIGNER must be pkcs12:PATH or pkcs11:MODULE;token=..;key=..")
