"""The archive copy stays PDF/A-2b after signing: the signature is an incremental update that keeps the
XMP identification, the output intent and the page, and covers the whole file."""

from __future__ import annotations

import pikepdf
import pytest

from pipeline.signing import Level, sign_pdf, verify_pdf
from tests.pipeline.signing.conftest import make_pdfa2b


def pdfa_identity(path) -> tuple[str | None, str | None, int]:
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        return meta.get("pdfaid:part"), meta.get("pdfaid:conformance"), len(pdf.Root.get("/OutputIntents", []))


@pytest.mark.parametrize("visible", [True, False], ids=["stamp", "invisible"])
def test_signed_pdfa_stays_pdfa_2b(visible, signing_env, tmp_path):
    src = make_pdfa2b(tmp_path / "archive.pdf")
    assert pdfa_identity(src) == ("2", "B", 1)
    out = tmp_path / "archive-signed.pdf"
    sign_pdf(src, out, level=Level.B_B, visible=visible)

    original = src.read_bytes()
    signed = out.read_bytes()
    assert signed.startswith(original), "signing must be an incremental update"
    assert pdfa_identity(out) == ("2", "B", 1)
    with pikepdf.open(out) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == pikepdf.Name.GTS_PDFA1 and len(intent.DestOutputProfile.read_bytes()) > 100
        meta = pdf.open_metadata()
        assert meta.get("dc:title") == "Bản sao giấy khai sinh"
        # PDF/A: document information and XMP must agree; the XMP stays an unfiltered xpacket
        info = pdf.trailer.get("/Info", {})
        if "/Producer" in info:
            assert meta.get("pdf:Producer") == str(info.Producer)
        assert pdf.Root.Metadata.read_bytes().startswith(b"<?xpacket begin=")
        assert "/Filter" not in pdf.Root.Metadata
        annot = pdf.pages[0].Annots[0]
        assert int(annot.F) & 4, "the signature widget must be printable (PDF/A)"
        if visible:  # the stamp's font is embedded (PDF/A requires every font embedded)
            font = annot.AP.N.Resources.Font.F1
            assert "/FontFile2" in font.DescendantFonts[0].FontDescriptor
    report = verify_pdf(out)  # the development signer: intact, a test signature (never trusted)
    assert report.verdict == "test_signature" and report.signatures[0].document_intact
    assert report.signatures[0].covers_whole_file
    assert report.signatures[0].sub_filter == "/ETSI.CAdES.detached"  # PAdES, allowed in PDF/A-2
