"""Hybrid-reference files (issue 16, finding 4): pyHanko's strict validation refuses them, so real intact
signatures were called "KHÔNG nguyên vẹn". They are validated for integrity and coverage (pdfsig is the
reference for "intact"), later updates are analysed where pyHanko can, and otherwise "not analysable" with
what is seen as the arbiter."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from app.cli import main
from pipeline.signing import sign_pdf, verify_pdf
from tests.pipeline.signing.attacks import hybrid_pdf, incremental
from tests.pipeline.signing.validators import pdfsig


def run_cli(*args: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0)


@pytest.fixture
def hybrid_signed(signing_env, test_pki, tmp_path) -> Path:
    signing_env.use_pkcs12(test_pki, tsa=False)
    src = tmp_path / "hybrid.pdf"
    src.write_bytes(hybrid_pdf(pages=2))
    with src.open("rb") as fh:
        assert PdfFileReader(fh).xrefs.hybrid_xrefs_present
    with pikepdf.open(src) as pdf:  # the font is reached through the /XRefStm only
        assert str(pdf.pages[0].Resources.Font.F1.BaseFont) == "/Helvetica"
    out = tmp_path / "signed.pdf"
    sign_pdf(src, out)
    return out


def test_hybrid_file_signed_once_is_intact(hybrid_signed, capsys):
    [poppler] = pdfsig(hybrid_signed)
    assert poppler["Signature Validation"] == "Signature is Valid."
    report = verify_pdf(hybrid_signed)
    sig = report.signatures[0]
    assert sig.intact and sig.document_intact and sig.covers_whole_file, report.summary
    assert report.valid
    assert run_cli("verify", str(hybrid_signed)) == 0
    assert "KHÔNG nguyên vẹn" not in capsys.readouterr().out


def test_hybrid_file_signed_twice_is_intact(hybrid_signed, tmp_path):
    twice = tmp_path / "twice.pdf"
    sign_pdf(hybrid_signed, twice, copy_form="SAO LỤC")
    assert [s["Signature Validation"] for s in pdfsig(twice)] == ["Signature is Valid."] * 2
    report = verify_pdf(twice)
    first, second = report.signatures
    assert first.coverage == "ENTIRE_REVISION" and first.document_intact, report.summary
    assert first.modification_level in ("FORM_FILLING", "NOT_ANALYSABLE")
    assert first.visual_check is not None and not first.visual_check.visible_change
    assert second.covers_whole_file and report.valid


def _names_added(w) -> None:
    """An invisible catalogue change pyHanko's rules reject on this hybrid file (suspicious)."""
    w.root["/Names"] = generic.DictionaryObject()
    w.update_root()


def test_what_pyhanko_cannot_analyse_is_judged_by_what_is_seen(hybrid_signed, capsys):
    incremental(hybrid_signed, _names_added)
    sig = verify_pdf(hybrid_signed).signatures[0]
    assert sig.intact and sig.modification_level == "NOT_ANALYSABLE", sig.problems
    assert sig.visual_check is not None and not sig.visual_check.visible_change
    assert sig.document_intact and sig.valid
    assert run_cli("verify", str(hybrid_signed)) == 0
    assert "không phân tích được cấu trúc" in capsys.readouterr().out


def test_visible_change_to_a_hybrid_file_is_invalid(hybrid_signed, capsys):
    def new_text(w) -> None:
        _names_added(w)
        page = w.root["/Pages"]["/Kids"][0].get_object()
        page["/Contents"] = w.add_object(
            generic.StreamObject(stream_data=b"BT /F1 18 Tf 72 720 Td (Hybrid reference page 9) Tj ET"))
        w.update_container(page)

    incremental(hybrid_signed, new_text)
    report = verify_pdf(hybrid_signed)
    sig = report.signatures[0]
    assert not report.valid and not sig.document_intact
    assert sig.visual_check is not None and sig.visual_check.text_changed == [1]
    assert run_cli("verify", str(hybrid_signed)) == 1
    assert "Nội dung hiển thị bị thay đổi sau khi ký" in capsys.readouterr().out
