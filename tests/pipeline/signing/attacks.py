"""Files for the verifier's tests: a page whose printed payee a form field lies over, changes after signing
that a person would see (incremental updates written with pyHanko's writer, pages built with pikepdf), and
hybrid-reference PDFs (a classic xref table plus an /XRefStm stream, as Word and older Acrobat write them)."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

import pikepdf
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

PAYEE = b"Payee: World Health Organisation"
FIELD_RECT = (66, 692, 396, 717)  # over the printed payee


def n(name: str) -> generic.NameObject:
    return generic.pdf_name(name)


def make_form_pdf(path: Path) -> Path:
    """One page printing the payee, with an empty text field (transparent appearance) lying over it."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"BT /F1 14 Tf 72 700 Td (" + PAYEE + b") Tj ET")
    empty = pdf.make_stream(b"", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 330, 25])
    field = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Tx, T=pikepdf.String("note"),
            Rect=list(FIELD_RECT), F=4, P=page.obj, DA=pikepdf.String("/F1 12 Tf 0 g"),
            AP=pikepdf.Dictionary(N=empty),
        )
    )
    page.obj.Annots = pdf.make_indirect(pikepdf.Array([field]))
    pdf.Root.AcroForm = pikepdf.Dictionary(
        Fields=[field], DR=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)), DA=pikepdf.String("/F1 12 Tf 0 g")
    )
    pdf.save(path, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return path


def incremental(path: Path, change: Callable[[IncrementalPdfFileWriter], None]) -> Path:
    """Applies ``change(writer)`` as an incremental update appended to ``path`` (in place)."""
    with path.open("rb+") as fh:
        writer = IncrementalPdfFileWriter(fh, strict=False)
        change(writer)
        writer.write_in_place()
    return path


def _first_page(w: IncrementalPdfFileWriter) -> generic.DictionaryObject:
    return w.root["/Pages"]["/Kids"][0].get_object()


def _appearance(w: IncrementalPdfFileWriter, drawing: bytes) -> generic.IndirectObject:
    """A form XObject of the field's size drawing with the page's /F1."""
    font = _first_page(w)["/Resources"]["/Font"].raw_get("/F1")
    ap = generic.StreamObject(
        {
            n("/Type"): n("/XObject"),
            n("/Subtype"): n("/Form"),
            n("/BBox"): generic.ArrayObject(map(generic.NumberObject, (0, 0, 330, 25))),
            n("/Resources"): generic.DictionaryObject({n("/Font"): generic.DictionaryObject({n("/F1"): font})}),
        },
        stream_data=drawing,
    )
    return w.add_object(ap)


OPAQUE_ATTACKER = b"1 1 1 rg 0 0 330 25 re f BT 0 g /F1 14 Tf 6 8 Td (Payee: Attacker) Tj ET"


def _add_annotation(w: IncrementalPdfFileWriter, annot: generic.DictionaryObject) -> generic.IndirectObject:
    page = _first_page(w)
    ref = w.add_object(annot)
    page["/Annots"].append(ref)
    annots = page.raw_get("/Annots")
    if isinstance(annots, generic.IndirectObject):
        w.mark_update(annots)
    else:
        w.update_container(page)
    return ref


# -- changes after signing ----------------------------------------------------------------------------------


def rewrite_content_stream(w: IncrementalPdfFileWriter) -> None:
    """The page's own content stream redefined (same object number) with another payee."""
    ref = _first_page(w).raw_get("/Contents")
    stream = ref.get_object()
    stream._data = b"BT /F1 14 Tf 72 700 Td (Payee: Attacker) Tj ET"  # noqa: SLF001 - pyHanko's writer API
    stream._encoded_data = None  # noqa: SLF001
    w.mark_update(ref)


def fill_field_over_text(w: IncrementalPdfFileWriter) -> None:
    """The existing field 'filled': an opaque appearance hides the printed payee and prints another
    (pyHanko: form filling, allowed)."""
    for ref in _first_page(w)["/Annots"]:
        annot = ref.get_object()
        if annot.get("/T") == "note":
            annot["/AP"] = generic.DictionaryObject({n("/N"): _appearance(w, OPAQUE_ATTACKER)})
            annot["/V"] = generic.pdf_string("Payee: Attacker")
            w.update_container(annot)


def rewrite_stamp_appearance(w: IncrementalPdfFileWriter) -> None:
    """The first signature's own stamp redrawn (its appearance stream redefined)."""
    for ref in _first_page(w)["/Annots"]:
        annot = ref.get_object()
        if annot.get("/FT") == "/Sig":
            ap_ref = annot["/AP"].raw_get("/N")
            stream = ap_ref.get_object()
            stream._data = b"BT 0 g /F1 10 Tf 6 30 Td (SAO Y - GIA MAO) Tj ET"  # noqa: SLF001
            stream._encoded_data = None  # noqa: SLF001
            w.mark_update(ap_ref)
            return


def new_signature_field_over_text(w: IncrementalPdfFileWriter) -> None:
    """A new (empty) signature field whose appearance hides the payee (pyHanko: form filling, allowed)."""
    field = generic.DictionaryObject(
        {
            n("/Type"): n("/Annot"),
            n("/Subtype"): n("/Widget"),
            n("/FT"): n("/Sig"),
            n("/T"): generic.pdf_string("Signature9"),
            n("/Rect"): generic.ArrayObject(map(generic.NumberObject, FIELD_RECT)),
            n("/F"): generic.NumberObject(4),
            n("/P"): w.root["/Pages"]["/Kids"].raw_get(0),
            n("/AP"): generic.DictionaryObject({n("/N"): _appearance(w, OPAQUE_ATTACKER)}),
        }
    )
    ref = _add_annotation(w, field)
    w.root["/AcroForm"]["/Fields"].append(ref)
    w.update_container(w.root["/AcroForm"])


def free_text_over_text(w: IncrementalPdfFileWriter) -> None:
    """A FreeText annotation with an opaque box over the payee."""
    note = generic.DictionaryObject(
        {
            n("/Type"): n("/Annot"),
            n("/Subtype"): n("/FreeText"),
            n("/Rect"): generic.ArrayObject(map(generic.NumberObject, FIELD_RECT)),
            n("/DA"): generic.pdf_string("/F1 14 Tf 0 g"),
            n("/Contents"): generic.pdf_string("Payee: Attacker"),
            n("/F"): generic.NumberObject(4),
            n("/AP"): generic.DictionaryObject({n("/N"): _appearance(w, OPAQUE_ATTACKER)}),
        }
    )
    _add_annotation(w, note)


def fill_field_in_blank_space(w: IncrementalPdfFileWriter) -> None:
    """Legitimate form filling: the field's appearance shows a value; nothing printed is hidden."""
    for ref in _first_page(w)["/Annots"]:
        annot = ref.get_object()
        if annot.get("/T") == "note":
            annot["/AP"] = generic.DictionaryObject({n("/N"): _appearance(w, b"BT 0 g /F1 9 Tf 250 1 Td (ok) Tj ET")})
            annot["/V"] = generic.pdf_string("ok")
            w.update_container(annot)


ATTACKS = {
    "content-stream-rewritten": rewrite_content_stream,
    "field-appearance-hides-text": fill_field_over_text,
    "stamp-appearance-rewritten": rewrite_stamp_appearance,
    "new-signature-field-hides-text": new_signature_field_over_text,
    "free-text-over-text": free_text_over_text,
}


# -- hybrid-reference files ---------------------------------------------------------------------------------


def hybrid_pdf(pages: int = 1) -> bytes:
    """A hybrid-reference PDF: the page's font lives in an object stream that only the /XRefStm stream
    indexes; the classic table lists every other object (ISO 32000-1, 7.5.8.4)."""
    objs: dict[int, bytes] = {}
    kids = [3 + 2 * p for p in range(pages)]
    font_no = 3 + 2 * pages
    objstm_no, xrefstm_no = font_no + 1, font_no + 2
    size = font_no + 3
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), pages)
    for p, page_no in enumerate(kids):
        content = b"BT /F1 18 Tf 72 720 Td (Hybrid reference page %d) Tj ET" % (p + 1)
        objs[page_no] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
            b"/Contents %d 0 R >>" % (font_no, page_no + 1)
        )
        objs[page_no + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    head = b"%d 0 " % font_no
    body = head + b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objs[objstm_no] = b"<< /Type /ObjStm /N 1 /First %d /Length %d >>\nstream\n%s\nendstream" % (
        len(head), len(body), body)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for k in sorted(objs):
        offsets[k] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (k, objs[k])
    xref_offset = len(out)
    rows = bytes([2]) + objstm_no.to_bytes(2, "big") + bytes([0]) + bytes([1]) + xref_offset.to_bytes(2, "big") + b"\0"
    data = zlib.compress(rows)
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 2 1] /Index [%d 1 %d 1] /Filter /FlateDecode /Length %d >>\n" % (
        xrefstm_no, size, font_no, xrefstm_no, len(data))
    out += b"stream\n" + data + b"\nendstream\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f\r\n" % font_no
    out += b"".join(b"%010d 00000 n\r\n" % offsets[k] for k in range(1, font_no))
    out += b"%d 1\n%010d 00000 n\r\n" % (objstm_no, offsets[objstm_no])
    out += b"trailer\n<< /Size %d /Root 1 0 R /XRefStm %d >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_offset, table)
    return bytes(out)
