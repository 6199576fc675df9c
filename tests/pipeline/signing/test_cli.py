"""``sohoa sign`` / ``sohoa verify``: exit statuses of CONTRACT.md, one-line errors, JSON report, and the
development signer created on first use."""

from __future__ import annotations

import json

import pytest
from asn1crypto import x509

from app.cli import main
from pipeline.signing.devsigner import DEV_SIGNER_CN


def run(*args: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0)


def test_sign_then_verify(signing_env, test_pki, blank_pdf, tmp_path, capsys):
    signing_env.use_pkcs12(test_pki, tsa=False)
    out = tmp_path / "out.pdf"
    assert run("sign", str(blank_pdf), str(out), "--copy-form", "SAO Y", "--level", "B-B") == 0
    assert "đã ký PAdES B-B" in capsys.readouterr().err
    assert run("verify", str(out)) == 0
    assert "tất cả 1 chữ ký HỢP LỆ" in capsys.readouterr().out
    assert run("verify", str(out), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    sig = report["signatures"][0]
    assert report["valid"] and sig["covers_whole_file"] and sig["modification_level"] == "NONE"
    assert sig["sub_filter"] == "/ETSI.CAdES.detached" and sig["trusted"]


def test_sign_in_place_and_invisible(signing_env, test_pki, blank_pdf, capsys):
    signing_env.use_pkcs12(test_pki, tsa=False)
    assert run("sign", str(blank_pdf), str(blank_pdf), "--invisible") == 0
    assert run("verify", str(blank_pdf)) == 0


@pytest.mark.parametrize("content", [b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj <<"])
def test_not_a_pdf(content, signing_env, tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    assert run("verify", str(bad)) == 2
    assert run("sign", str(bad), str(tmp_path / "o.pdf")) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 2 and "bad.pdf" in err
    assert not (tmp_path / "o.pdf").exists()


def test_unsigned_and_missing_files(signing_env, blank_pdf, tmp_path, capsys):
    assert run("verify", str(blank_pdf)) == 2
    assert "không có chữ ký" in capsys.readouterr().err
    assert run("verify", str(tmp_path / "missing.pdf")) == 2
    assert run("sign", str(tmp_path / "missing.pdf"), str(tmp_path / "o.pdf")) == 2


@pytest.mark.parametrize("args", [["--copy-form", "BẢN CHÍNH"], ["--level", "B-X"]])
def test_bad_options(args, signing_env, blank_pdf, tmp_path):
    assert run("sign", str(blank_pdf), str(tmp_path / "o.pdf"), *args) == 2


def test_bad_signer_spec(signing_env, blank_pdf, tmp_path, capsys):
    signing_env.use(signer="pkcs12:/nonexistent/key.p12")
    assert run("sign", str(blank_pdf), str(tmp_path / "o.pdf")) == 2
    assert "không đọc được tệp khóa" in capsys.readouterr().err
    signing_env.use(signer="pkcs11:/nonexistent/lib.so;token=x")
    assert run("sign", str(blank_pdf), str(tmp_path / "o.pdf")) == 2


def test_development_signer_is_marked_and_reused(signing_env, blank_pdf, tmp_path):
    signing_env.use(agency_name="UBND XÃ VÂN ĐỒN")
    assert run("sign", str(blank_pdf), str(tmp_path / "a.pdf")) == 0
    cert_path = signing_env.home / "signing" / "dev" / "signer.cert.pem"
    first = cert_path.read_bytes()
    assert run("sign", str(blank_pdf), str(tmp_path / "b.pdf")) == 0
    assert cert_path.read_bytes() == first
    from asn1crypto import pem

    cert = x509.Certificate.load(pem.unarmor(first)[2])
    subject = cert.subject.native
    assert subject["common_name"] == DEV_SIGNER_CN and "NOT FOR PRODUCTION" in subject["common_name"]
    assert subject["organization_name"] == "UBND XÃ VÂN ĐỒN"
    assert (signing_env.home / "signing" / "dev" / "signer.key.pem").stat().st_mode & 0o077 == 0


def test_encrypted_pdf_is_bad_input(signing_env, blank_pdf, tmp_path, capsys):
    import pikepdf

    locked = tmp_path / "locked.pdf"
    with pikepdf.open(blank_pdf) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="chủ", user="", R=6))
    assert run("sign", str(locked), str(tmp_path / "o.pdf")) == 2
    assert "mã hóa" in capsys.readouterr().err
