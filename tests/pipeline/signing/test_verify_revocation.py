"""Revocation evidence in verification: a file signed elsewhere (plain pyHanko, no pre-signing check)
with a certificate that the test PKI's OCSP responder reports revoked is invalid, and says so."""

from __future__ import annotations

import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter

from app.cli import main
from pipeline.signing import verify_pdf
from tests.pipeline.signing.conftest import P12_PASSWORD


def sign_with_pyhanko(src, dst, p12) -> None:
    signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=P12_PASSWORD.encode())
    meta = signers.PdfSignatureMetadata(field_name="Other", subfilter=SigSeedSubFilter.PADES)
    with src.open("rb") as inp, dst.open("wb") as out:
        signers.sign_pdf(IncrementalPdfFileWriter(inp), meta, signer=signer, output=out)


def test_revoked_signer_is_reported(signing_env, test_pki, blank_pdf, tmp_path, capsys):
    signing_env.use(trust_roots=str(test_pki.root_pem))
    out = tmp_path / "revoked.pdf"
    sign_with_pyhanko(blank_pdf, out, test_pki.pkcs12("signer-revoked", P12_PASSWORD))
    sig = verify_pdf(out).signatures[0]
    assert sig.document_intact and sig.revoked and not sig.trusted and not sig.valid
    with pytest.raises(SystemExit) as exc:
        main(["verify", str(out)])
    assert exc.value.code == 1
    assert "ĐÃ BỊ THU HỒI" in capsys.readouterr().out


def test_good_signer_signed_elsewhere_is_valid(signing_env, test_pki, blank_pdf, tmp_path):
    signing_env.use(trust_roots=str(test_pki.root_pem))
    out = tmp_path / "good.pdf"
    sign_with_pyhanko(blank_pdf, out, test_pki.pkcs12("signer", P12_PASSWORD))
    report = verify_pdf(out)
    assert report.valid and report.signatures[0].trusted and not report.signatures[0].revoked
