"""A person's own credential (an officer's or a leader's web account) on a SoftHSM2 token and as a PKCS#12 file:
kept in the catalog as where the key and the PIN are (never the PIN), opened at signing time, a detached CMS over
a step's record that verifies with the token's certificate and not once the record changed, and the PAdES
signature of an archive copy by that credential rather than the installation's SOHOA_SIGNER."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.signing import sign_pdf, verify_pdf
from pipeline.signing.credential import AccountCredential, check_spec, load_credential, read_pin
from pipeline.signing.detached import sign_detached, verify_detached
from pipeline.signing.options import configured_trust_roots
from pipeline.signing.signers import SignerUnusable
from tests.pipeline.signing.conftest import make_pdf

RECORD = b'{"dossier":"000.00.00.H49-261203-0001","step":"phe_duyet","actor":"web:lanh_dao"}'
TOKEN_CN = "Nguyễn Văn An (test signer)"


@pytest.fixture
def token_credential(signing_env, test_pki, softhsm_token, tmp_path) -> AccountCredential:
    """The token's key as the leader's credential, its PIN in a file; SOHOA_SIGNER is left unset (the
    installation's signer would be the development signer)."""
    signing_env.use(trust_roots=str(test_pki.root_pem))
    pin = tmp_path / "pin"
    pin.write_text(softhsm_token.pin + "\n", encoding="utf-8")
    return AccountCredential("lanh_dao", softhsm_token.signer_spec, f"file:{pin}")


def test_a_step_record_signed_on_the_token_verifies_with_its_certificate(token_credential):
    loaded = load_credential(token_credential)
    try:
        der = sign_detached(RECORD, loaded, configured_trust_roots())
    finally:
        loaded.close()
    now = dt.datetime.now(dt.UTC)
    check = verify_detached(RECORD, der, configured_trust_roots(), now)
    assert check.valid and TOKEN_CN in check.signer_subject
    changed = verify_detached(RECORD.replace(b"phe_duyet", b"tu_choi"), der, configured_trust_roots(), now)
    assert changed.status == "invalid" and "thay đổi" in changed.problem
    assert verify_detached(RECORD, der, [], now).status == "untrusted"  # no configured root: not called valid


def test_the_archive_copy_is_signed_by_the_account_not_the_installation(token_credential, tmp_path):
    loaded = load_credential(token_credential)
    try:
        summary = sign_pdf(make_pdf(tmp_path / "in.pdf"), tmp_path / "out.pdf", signer=loaded)
    finally:
        loaded.close()
    assert TOKEN_CN in summary.signer_subject and not summary.signer_is_development
    report = verify_pdf(tmp_path / "out.pdf")
    assert report.valid and TOKEN_CN in report.signatures[0].signer_subject


def test_the_catalog_keeps_where_the_pin_is(token_credential, signing_env, softhsm_token):
    from app.web.credentials import CredentialStore
    from app.web.users import UserStore
    from pipeline.store.database import open_catalog

    engine = open_catalog(f"sqlite:///{signing_env.home / 'catalog.sqlite'}")
    UserStore(engine).create("lanh_dao", "lanh_dao", "mat-khau-dai-du", "Võ Đức Thắng")
    kept = CredentialStore(engine).set("lanh_dao", token_credential.spec, token_credential.pin_source)
    assert TOKEN_CN in kept.cert_subject and kept.kind == "pkcs11"
    again = CredentialStore(engine).get("LANH_DAO")
    assert again == kept and again.pin_source.startswith("file:")
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM account_signers").fetchall()
    assert softhsm_token.pin not in repr(rows)
    engine.dispose()


def test_a_credential_that_cannot_be_opened_says_why(signing_env, test_pki, monkeypatch):
    monkeypatch.delenv("SOHOA_PIN_NOBODY", raising=False)
    with pytest.raises(SignerUnusable, match="chưa đặt"):
        read_pin("env:SOHOA_PIN_NOBODY")
    with pytest.raises(SignerUnusable, match="pkcs12"):
        check_spec("smartcard:reader-1")
    monkeypatch.setenv("SOHOA_PIN_WRONG", "sai")
    p12 = test_pki.pkcs12("signer", "đúng")
    with pytest.raises(SignerUnusable, match="sai mật khẩu"):
        load_credential(AccountCredential("a", f"pkcs12:{p12}", "env:SOHOA_PIN_WRONG"))
