"""PAdES signing and verification of archive copies (pyHanko).

- ``sign_pdf(src, dst, level=None, copy_form="SAO Y", visible=True) -> SignatureSummary``
- ``verify_pdf(path, trust_roots=None, at=None) -> VerificationReport``
"""

from pipeline.signing.models import Level, SignatureReport, SignatureSummary, VerificationReport
from pipeline.signing.sign import sign_pdf
from pipeline.signing.signers import LoadedSigner, SignerUnusable, load_signer
from pipeline.signing.verify import verify_pdf

__all__ = [
    "Level",
    "LoadedSigner",
    "SignatureReport",
    "SignatureSummary",
    "SignerUnusable",
    "VerificationReport",
    "load_signer",
    "sign_pdf",
    "verify_pdf",
]
