"""The signer's certificate is checked before signing: expired, revoked, untrusted or locked signers
are refused with one Vietnamese + English line and exit status 2, and nothing is written."""

from __future__ import annotations

import pytest

from app.cli import main
from pipeline.signing import SignerUnusable, sign_pdf
from tests.pipeline.signing.conftest import TESTDATA


def sign_cli(src, out) -> int:
    with pytest.raises(SystemExit) as exc:
        main(["sign", str(src), str(out)])
    return int(exc.value.code or 0)


def test_expired_certificate_is_refused(signing_env, test_pki, blank_pdf, tmp_path, capsys):
    signing_env.use_pkcs12(test_pki, "signer-expired")
    out = tmp_path / "out.pdf"
    assert sign_cli(blank_pdf, out) == 2
    err = capsys.readouterr().err
    assert "hết hạn" in err and "expired" in err and "Traceback" not in err
    assert not out.exists()


def test_revoked_certificate_is_refused_via_ocsp(signing_env, test_pki, blank_pdf, tmp_path, capsys):
    signing_env.use_pkcs12(test_pki, "signer-revoked")
    out = tmp_path / "out.pdf"
    assert sign_cli(blank_pdf, out) == 2
    err = capsys.readouterr().err
    assert "thu hồi" in err and "revoked" in err
    assert not out.exists()


def test_valid_certificate_from_the_same_pki_signs(signing_env, test_pki, blank_pdf, tmp_path):
    signing_env.use_pkcs12(test_pki, "signer")
    assert sign_cli(blank_pdf, tmp_path / "out.pdf") == 0


def test_certificate_outside_the_configured_roots_is_refused(signing_env, test_pki, blank_pdf, tmp_path):
    signing_env.use_pkcs12(test_pki, "signer")
    signing_env.use(trust_roots=str(TESTDATA / "testing-ca" / "root.cert.pem"))  # a different PKI
    with pytest.raises(SignerUnusable, match="gốc tin cậy"):
        sign_pdf(blank_pdf, tmp_path / "out.pdf")


def test_wrong_pkcs12_password(signing_env, test_pki, blank_pdf, tmp_path, capsys):
    signing_env.use_pkcs12(test_pki, "signer")
    signing_env.use(signer_pin="wrong")
    assert sign_cli(blank_pdf, tmp_path / "out.pdf") == 2
    assert "sai mật khẩu" in capsys.readouterr().err


def test_wrong_pkcs11_pin(signing_env, test_pki, softhsm_token, blank_pdf, tmp_path, capsys):
    signing_env.use_pkcs11(test_pki, softhsm_token)
    signing_env.use(signer_pin="0000")
    assert sign_cli(blank_pdf, tmp_path / "out.pdf") == 2
    assert "không mở được token" in capsys.readouterr().err


def test_level_needing_a_tsa_without_one(signing_env, blank_pdf, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["sign", str(blank_pdf), str(tmp_path / "o.pdf"), "--level", "B-T"])
    assert exc.value.code == 2
    assert "SOHOA_TSA_URL" in capsys.readouterr().err


def test_default_level_is_b_t_with_a_tsa(signing_env, test_pki, blank_pdf, tmp_path):
    signing_env.use_pkcs12(test_pki, "signer")
    assert sign_pdf(blank_pdf, tmp_path / "o.pdf").level.value == "B-T"
    signing_env.use(tsa_url=None)
    summary = sign_pdf(blank_pdf, tmp_path / "o2.pdf")
    assert summary.level.value == "B-B" and any("SOHOA_TSA_URL" in w for w in summary.warnings)


def test_no_roots_configured_checks_against_the_signers_own_chain(
    signing_env, test_pki, blank_pdf, tmp_path
):
    """A development root left in SOHOA_HOME must not make a real CA's signer unusable; without
    SOHOA_TRUST_ROOTS the chain's own root is used (with a warning) and revocation is still checked."""
    sign_pdf(blank_pdf, tmp_path / "dev.pdf")  # creates the development root
    signing_env.use_pkcs12(test_pki, "signer")
    signing_env.use(trust_roots=None)
    summary = sign_pdf(blank_pdf, tmp_path / "out.pdf", level="B-LT")
    assert any("SOHOA_TRUST_ROOTS" in w for w in summary.warnings)
    signing_env.use_pkcs12(test_pki, "signer-revoked")
    signing_env.use(trust_roots=None)
    with pytest.raises(SignerUnusable, match="thu hồi"):
        sign_pdf(blank_pdf, tmp_path / "revoked.pdf")
