"""Changes after signing: ``sohoa verify`` must exit 1 and say what happened; allowed updates (a second
signature) stay valid."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from app.cli import main
from pipeline.signing import sign_pdf, verify_pdf
from tests.pipeline.signing.conftest import make_pdf
from tests.pipeline.signing.validators import pdfsig


def run_cli(*args: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    return int(exc.value.code or 0)


@pytest.fixture
def signed_two_pages(signing_env, test_pki, tmp_path) -> Path:
    signing_env.use_pkcs12(test_pki, tsa=False)  # a trusted signer, B-B: valid before any change
    src = make_pdf(tmp_path / "two.pdf", pages=2)
    out = tmp_path / "signed.pdf"
    sign_pdf(src, out)
    assert verify_pdf(out).valid
    return out


def incremental(path: Path, change) -> Path:
    """Applies ``change(writer)`` as an incremental update appended to ``path`` (in place)."""
    with path.open("rb+") as fh:
        writer = IncrementalPdfFileWriter(fh)
        change(writer)
        writer.write_in_place()
    return path


def test_changed_byte_in_signed_range(signed_two_pages, capsys):
    data = bytearray(signed_two_pages.read_bytes())
    at = data.index(b"Giay khai sinh - trang 1")
    data[at] = ord("X")  # 'Giay' -> 'Xiay': one byte, inside the first byte range
    signed_two_pages.write_bytes(bytes(data))
    report = verify_pdf(signed_two_pages)
    assert not report.valid and not report.signatures[0].intact
    assert pdfsig(signed_two_pages)[0]["Signature Validation"] == "Digest Mismatch."  # poppler agrees
    assert run_cli("verify", str(signed_two_pages)) == 1
    assert "Giá trị băm không khớp" in capsys.readouterr().out


def test_page_added_by_incremental_update(signed_two_pages, capsys):
    def add_page(w: IncrementalPdfFileWriter) -> None:
        page = generic.DictionaryObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/Page"),
                generic.pdf_name("/MediaBox"): generic.ArrayObject(map(generic.NumberObject, (0, 0, 595, 842))),
                generic.pdf_name("/Contents"): w.add_object(generic.StreamObject(stream_data=b"")),
            }
        )
        w.insert_page(page)

    incremental(signed_two_pages, add_page)
    with pikepdf.open(signed_two_pages) as pdf:
        assert len(pdf.pages) == 3
    sig = verify_pdf(signed_two_pages).signatures[0]
    assert sig.intact and sig.coverage == "ENTIRE_REVISION"
    assert sig.modification_level == "OTHER" and not sig.valid
    assert run_cli("verify", str(signed_two_pages)) == 1
    out = capsys.readouterr().out
    assert "KHÔNG HỢP LỆ" in out and "thêm/xóa trang" in out


def test_page_removed_by_incremental_update(signed_two_pages):
    def remove_last_page(w: IncrementalPdfFileWriter) -> None:
        pages = w.root["/Pages"]
        kids = pages["/Kids"]
        del kids[-1]
        pages["/Count"] = generic.NumberObject(len(kids))
        w.update_container(pages)

    incremental(signed_two_pages, remove_last_page)
    with pikepdf.open(signed_two_pages) as pdf:
        assert len(pdf.pages) == 1
    report = verify_pdf(signed_two_pages)
    assert report.signatures[0].modification_level == "OTHER" and not report.valid
    assert run_cli("verify", str(signed_two_pages)) == 1


def test_content_changed_by_incremental_update(signed_two_pages, capsys):
    def change_text(w: IncrementalPdfFileWriter) -> None:
        page = w.root["/Pages"]["/Kids"][0].get_object()
        new = generic.StreamObject(stream_data=b"BT /F1 18 Tf 72 720 Td (Giay khai tu - GIA MAO) Tj ET")
        page["/Contents"] = w.add_object(new)
        w.update_container(page)

    incremental(signed_two_pages, change_text)
    report = verify_pdf(signed_two_pages)
    sig = report.signatures[0]
    assert sig.intact and not sig.modifications_allowed and not report.valid
    assert any("sửa đổi sau khi ký" in p for p in sig.problems)
    assert run_cli("verify", str(signed_two_pages)) == 1
    assert "KHÔNG HỢP LỆ" in capsys.readouterr().out


def test_page_removed_by_rewriting_the_file(signed_two_pages):
    with pikepdf.open(signed_two_pages, allow_overwriting_input=True) as pdf:
        del pdf.pages[1]
        pdf.save(signed_two_pages)
    report = verify_pdf(signed_two_pages)
    assert not report.valid
    assert run_cli("verify", str(signed_two_pages)) == 1


def test_second_signature_is_an_allowed_update(signed_two_pages, tmp_path):
    twice = tmp_path / "twice.pdf"
    summary = sign_pdf(signed_two_pages, twice, copy_form="SAO LỤC", visible=False)
    assert summary.field_name == "SohoaSignature2"
    report = verify_pdf(twice)
    assert report.valid, report.summary
    first, second = report.signatures
    assert first.modification_level == "FORM_FILLING" and first.coverage == "ENTIRE_REVISION"
    assert second.covers_whole_file
    assert run_cli("verify", str(twice)) == 0


def test_annotation_added_after_signing_is_not_allowed(signed_two_pages):
    """Comments drawn on a signed archive copy are not among the allowed updates (form filling, later
    signatures, DSS, document timestamps)."""

    def add_note(w: IncrementalPdfFileWriter) -> None:
        page = w.root["/Pages"]["/Kids"][0].get_object()
        note = generic.DictionaryObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
                generic.pdf_name("/Rect"): generic.ArrayObject(map(generic.NumberObject, (72, 600, 92, 620))),
                generic.pdf_name("/Contents"): generic.pdf_string("đã sửa"),
            }
        )
        page["/Annots"].append(w.add_object(note))
        w.update_container(page)

    incremental(signed_two_pages, add_note)
    with pikepdf.open(signed_two_pages) as pdf:
        assert [str(a.Subtype) for a in pdf.pages[0].Annots] == ["/Widget", "/Text"]
    report = verify_pdf(signed_two_pages)
    assert report.signatures[0].modification_level in ("ANNOTATIONS", "OTHER")
    assert not report.valid
