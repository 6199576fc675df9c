"""PAdES B-B, B-T, B-LT and B-LTA from a PKCS#12 key and from a SoftHSM2 (PKCS#11) key, checked by
sohoa's validator, by pyHanko's command line and by poppler's pdfsig."""

from __future__ import annotations

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from pipeline.signing import Level, sign_pdf, verify_pdf
from tests.pipeline.signing.validators import pdfsig, pyhanko_validate

LEVELS = [Level.B_B, Level.B_T, Level.B_LT, Level.B_LTA]


@pytest.fixture(params=["pkcs12", "pkcs11"])
def signer_kind(request, signing_env, test_pki):
    if request.param == "pkcs12":
        signing_env.use_pkcs12(test_pki)
    else:
        signing_env.use_pkcs11(test_pki, request.getfixturevalue("softhsm_token"))
    return request.param


@pytest.mark.parametrize("level", LEVELS, ids=[lv.value for lv in LEVELS])
def test_signed_copy_passes_three_validators(level, signer_kind, blank_pdf, tmp_path, test_pki):
    out = tmp_path / f"signed-{level.value}.pdf"
    summary = sign_pdf(blank_pdf, out, level=level)
    assert summary.level is level
    assert "Nguyễn Văn An" in summary.signer_subject and not summary.signer_is_development

    report = verify_pdf(out)
    assert report.valid, report.summary
    sig = report.signatures[0]
    assert sig.kind == "signature" and sig.intact and sig.trusted and sig.document_intact
    assert (sig.timestamp is not None) == (level is not Level.B_B)
    if level in (Level.B_B, Level.B_T):
        assert sig.covers_whole_file and sig.modification_level == "NONE"
    else:  # DSS (and document timestamp) added in later revisions: allowed LTA updates only
        assert report.has_dss and sig.modification_level == "LTA_UPDATES"
        with out.open("rb") as fh:
            dss = PdfFileReader(fh).root["/DSS"]
            assert len(dss["/OCSPs"]) >= 1 and len(dss["/Certs"]) >= 3
    kinds = [s.kind for s in report.signatures]
    assert kinds.count("document_timestamp") == (1 if level is Level.B_LTA else 0)

    result = pyhanko_validate(out, test_pki.root_pem)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "INTACT:TRUSTED" in result.stdout
    assert ("TIMESTAMP_TOKEN<INTACT:TRUSTED>" in result.stdout) == (level is not Level.B_B)

    poppler = pdfsig(out)
    assert poppler, "pdfsig found no signature"
    assert poppler[0]["Signature Validation"] == "Signature is Valid."
    assert poppler[0]["Signature Type"] == "ETSI.CAdES.detached"
    if level in (Level.B_B, Level.B_T):
        assert "Total document signed" in poppler[0]
