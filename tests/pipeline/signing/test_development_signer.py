"""A signature by sohoa's development signer is a test signature, never trusted (issue 16, finding 6): the
text and the JSON of ``sohoa verify`` say "chữ ký thử nghiệm", never "HỢP LỆ" or "tin cậy"."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from pipeline.signing import sign_pdf, verify_pdf


def run(*args: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0)


def test_development_signature_is_a_test_signature(signing_env, blank_pdf, tmp_path, capsys):
    out = tmp_path / "dev-signed.pdf"
    assert sign_pdf(blank_pdf, out).signer_is_development  # no SOHOA_SIGNER: the development signer
    assert run("verify", str(out)) == 1  # exit 0 is "every signature valid"
    text = capsys.readouterr().out
    assert "chữ ký thử nghiệm" in text
    assert "HỢP LỆ" not in text and ": tin cậy" not in text
    assert run("verify", str(out), "--json") == 1
    report = json.loads(capsys.readouterr().out)
    sig = report["signatures"][0]
    assert report["verdict"] == sig["verdict"] == "test_signature" and not report["valid"]
    assert sig["development_signer"] and not sig["trusted"] and sig["trust_problem"] == "DEVELOPMENT_SIGNER"
    assert sig["document_intact"]  # intact: only the trust is missing
    assert "HỢP LỆ" not in report["summary"]


def test_tampered_development_signature_is_invalid(signing_env, blank_pdf, tmp_path):
    out = tmp_path / "dev-signed.pdf"
    sign_pdf(blank_pdf, out)
    data = bytearray(out.read_bytes())
    data[data.index(b"Giay khai sinh")] = ord("X")
    out.write_bytes(bytes(data))
    report = verify_pdf(out)
    assert report.verdict == "invalid" and report.signatures[0].development_signer


def test_a_trusted_signer_is_not_a_test_signature(signing_env, test_pki, blank_pdf, tmp_path):
    signing_env.use_pkcs12(test_pki, tsa=False)
    out = tmp_path / "signed.pdf"
    sign_pdf(blank_pdf, out)
    sig = verify_pdf(out).signatures[0]
    assert sig.verdict == "valid" and sig.trusted and not sig.development_signer
