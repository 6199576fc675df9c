"""A real test PKI for the signing tests: certomancer (tests/pki/certomancer.yml) with keys generated at
test time, its Animator serving OCSP, CRLs, certificates and an RFC 3161 TSA on 127.0.0.1 (werkzeug
in a thread), and a SoftHSM2 token holding a signer key for the PKCS#11 path."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import x509
from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import ArchLabel, CertLabel, CertomancerConfig
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from werkzeug.serving import make_server

CONFIG = Path(__file__).with_name("certomancer.yml")
ARCH = "sohoa-test"
KEY_LABELS = ("root", "interm", "interm-ocsp", "tsa", "signer", "signer-revoked", "signer-expired")
SOFTHSM_MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
)


def _generate_keys(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for label in KEY_LABELS:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (folder / f"{label}.key.pem").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        (folder / f"{label}.key.der").write_bytes(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )


class _LateApp:
    """WSGI app whose target is set after the server knows its port (the URLs in the certificates)."""

    app = None

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


@dataclass
class TestPki:
    folder: Path
    base_url: str
    arch: object
    _server: object = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    @property
    def tsa_url(self) -> str:
        return f"{self.base_url}/{ARCH}/tsa/tsa"

    def cert(self, label: str) -> x509.Certificate:
        return self.arch.get_cert(CertLabel(label))

    def cert_pem(self, label: str) -> Path:
        path = self.folder / f"{label}.cert.pem"
        if not path.exists():
            path.write_bytes(_pem(self.cert(label)))
        return path

    @property
    def root_pem(self) -> Path:
        return self.cert_pem("root")

    def key_der(self, label: str) -> Path:
        return self.folder / "keys" / f"{label}.key.der"

    def pkcs12(self, label: str, password: str) -> Path:
        path = self.folder / f"{label}.p12"
        data = self.arch.package_pkcs12(
            CertLabel(label), certs_to_embed=[CertLabel("interm"), CertLabel("root")], password=password.encode()
        )
        path.write_bytes(data)
        return path

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


def _pem(cert: x509.Certificate) -> bytes:
    from asn1crypto import pem

    return pem.armor("CERTIFICATE", cert.dump())


def start_test_pki(folder: Path) -> TestPki:
    """Generates keys, loads the certomancer config and serves it; call ``close()`` at teardown."""
    _generate_keys(folder / "keys")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log per OCSP/TSA request
    late = _LateApp()
    server = make_server("127.0.0.1", 0, late, threaded=True)
    base_url = f"http://127.0.0.1:{server.server_port}"
    cfg = CertomancerConfig.from_file(
        str(CONFIG), key_search_dir=str(folder / "keys"), external_url_prefix=base_url
    )
    late.app = Animator(AnimatorArchStore(cfg.pki_archs), with_web_ui=False)
    thread = threading.Thread(target=server.serve_forever, name="certomancer-animator", daemon=True)
    thread.start()
    return TestPki(folder, base_url, cfg.get_pki_arch(ArchLabel(ARCH)), server, thread)


@dataclass
class SoftHsmToken:
    module: str
    conf: Path
    token_label: str
    key_label: str
    pin: str

    @property
    def signer_spec(self) -> str:
        return f"pkcs11:{self.module};token={self.token_label};key={self.key_label}"


def softhsm_module() -> str | None:
    for candidate in SOFTHSM_MODULE_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return None


def init_softhsm_token(folder: Path, pki: TestPki, label: str = "signer", pin: str = "1234") -> SoftHsmToken:
    """A fresh SoftHSM2 token (own SOFTHSM2_CONF) with the signer's key, certificate and the
    intermediate CA certificate imported by pkcs11-tool. Sets SOFTHSM2_CONF in this process's
    environment (the module reads it when it is initialised)."""
    module = softhsm_module()
    if module is None or not shutil.which("softhsm2-util") or not shutil.which("pkcs11-tool"):
        raise RuntimeError("softhsm2 and opensc (pkcs11-tool) are required")
    tokens = folder / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    env = dict(os.environ, SOFTHSM2_CONF=str(conf))
    token_label = "sohoa-test"

    def run(*args: str) -> None:
        subprocess.run(args, check=True, env=env, capture_output=True, timeout=60)

    run("softhsm2-util", "--init-token", "--free", "--label", token_label, "--pin", pin, "--so-pin", "5678")
    der = folder / f"{label}.cert.der"
    der.write_bytes(pki.cert(label).dump())
    interm = folder / "interm.cert.der"
    interm.write_bytes(pki.cert("interm").dump())
    tool = ("pkcs11-tool", "--module", module, "--token-label", token_label, "--login", "--pin", pin)
    run(*tool, "--write-object", str(pki.key_der(label)), "--type", "privkey", "--id", "01", "--label", label)
    run(*tool, "--write-object", str(der), "--type", "cert", "--id", "01", "--label", label)
    run(*tool, "--write-object", str(interm), "--type", "cert", "--id", "02", "--label", "interm")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    return SoftHsmToken(module, conf, token_label, label, pin)
