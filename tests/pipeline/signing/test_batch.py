"""A batch reuses one loaded signer: one PKCS#11 session, one certificate check, and the B-B container
size measured once; every document still validates."""

from __future__ import annotations

from pipeline.signing import load_signer, sign_pdf, verify_pdf
from tests.pipeline.signing.conftest import make_pdf
from tests.pipeline.signing.validators import pdfsig


def test_batch_with_one_pkcs11_signer(signing_env, test_pki, softhsm_token, tmp_path):
    signing_env.use_pkcs11(test_pki, softhsm_token, tsa=False)
    signer = load_signer()
    try:
        outputs = []
        for n in range(4):
            src = make_pdf(tmp_path / f"in-{n}.pdf", pages=n + 1)
            out = tmp_path / f"out-{n}.pdf"
            sign_pdf(src, out, level="B-B", copy_form="SAO Y", signer=signer)
            outputs.append(out)
            if n == 0:
                assert signer.reserved_b_b and signer.checked is not None
        assert signer._session is not None, "the caller's signer stays open"
    finally:
        signer.close()
    for out in outputs:
        assert verify_pdf(out).valid
        assert pdfsig(out)[0]["Signature Validation"] == "Signature is Valid."
