"""Ingest: real types sniffed from content, pages listed, bad input refused with one clear reason."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from pipeline.errors import BadInput
from pipeline.ingest import load_page, open_document
from tests.pipeline import hostile_files
from tests.pipeline.page_images import render_page


@pytest.fixture
def scan_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "scan.pdf"
    render_page(dpi=200).save(path, "PDF", resolution=200)
    return path


def test_pdf_pages_and_resolution(scan_pdf: Path) -> None:
    pages = open_document(scan_pdf)
    assert len(pages) == 1
    assert pages[0].kind == "pdf" and 195 <= pages[0].dpi <= 205
    assert not pages[0].has_text
    rgb = load_page(pages[0])
    assert rgb.shape[2] == 3 and abs(rgb.shape[1] - 1654) <= 4


def test_pdf_with_text_layer_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "text.pdf"
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F1=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                      BaseFont=pikepdf.Name.Helvetica))
    )
    page.Contents = pdf.make_stream(b"BT /F1 14 Tf 72 700 Td (Giay khai sinh) Tj ET")
    pdf.save(path)
    assert open_document(path)[0].has_text


def test_multipage_tiff_and_type_sniffed_from_content(tmp_path: Path) -> None:
    path = tmp_path / "register.pdf"  # a TIFF misnamed .pdf: the content decides
    first, second = render_page(dpi=150), render_page(dpi=150, seal=False)
    first.save(path, "TIFF", save_all=True, append_images=[second], dpi=(150, 150), compression="tiff_deflate")
    pages = open_document(path)
    assert [p.kind for p in pages] == ["tiff", "tiff"]
    assert [p.index for p in pages] == [0, 1] and pages[0].dpi == 150


def test_jpeg_exif_orientation_is_honoured(tmp_path: Path) -> None:
    upright = render_page(dpi=100)
    stored = upright.rotate(90, expand=True)  # stored turned; EXIF 6 says "rotate 90 clockwise to view"
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "photo.jpg"
    stored.save(path, "JPEG", exif=exif.tobytes(), dpi=(100, 100))
    rgb = load_page(open_document(path)[0])
    assert rgb.shape[:2] == (upright.height, upright.width)


def test_webp(tmp_path: Path) -> None:
    path = tmp_path / "page.webp"
    render_page(dpi=100).save(path, "WEBP", quality=80)
    assert open_document(path)[0].kind == "webp"


def _encrypted_pdf(scan_pdf: Path, out: Path) -> Path:
    with pikepdf.open(scan_pdf) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    return out


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _first_half(path: Path) -> bytes:
    data = path.read_bytes()
    return data[: len(data) // 2]


def _huge_png(path: Path) -> Path:
    return hostile_files.png(path, 60000, 60000)


BAD_INPUTS = {
    "empty": ("empty file", lambda tmp, scan: _write(tmp / "empty.pdf", b"")),
    "truncated": ("truncated", lambda tmp, scan: _write(tmp / "cut.pdf", _first_half(scan))),
    "encrypted": ("encrypted", lambda tmp, scan: _encrypted_pdf(scan, tmp / "locked.pdf")),
    "text named pdf": ("text file", lambda tmp, scan: _write(tmp / "notes.pdf", "Biên bản họp\nNội dung\n".encode())),
    "huge png": ("image too large", lambda tmp, scan: _huge_png(tmp / "bomb.png")),
    "corrupt jpeg": ("corrupt", lambda tmp, scan: _write(tmp / "bad.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100)),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_refused_with_reason(case: str, tmp_path: Path, scan_pdf: Path) -> None:
    expected, make = BAD_INPUTS[case]
    path = make(tmp_path, scan_pdf)
    with pytest.raises(BadInput) as err:
        for page in open_document(path):
            load_page(page)
    assert expected in err.value.reason
    assert str(path) in err.value.line() and "\n" not in err.value.line()


def test_bad_input_cli_exit_2_one_line(tmp_path: Path, scan_pdf: Path) -> None:
    import subprocess
    import sys

    for case, (expected, make) in BAD_INPUTS.items():
        path = make(tmp_path, scan_pdf)
        for command in (["ocr", str(path), str(tmp_path / "out.pdf")], ["extract", str(path), "--json"]):
            proc = subprocess.run(
                [sys.executable, "-m", "app.cli", *command], capture_output=True, text=True, timeout=120
            )
            assert proc.returncode == 2, (case, command, proc.stderr)
            lines = proc.stderr.strip().splitlines()
            assert len(lines) == 1 and expected in lines[0] and str(path) in lines[0], (case, proc.stderr)
            assert "Traceback" not in proc.stderr


def test_too_many_pages_is_refused(tmp_path: Path) -> None:
    from pipeline.config import Limits

    path = tmp_path / "many.pdf"
    pdf = pikepdf.new()
    for _ in range(5):
        pdf.add_blank_page()
    pdf.save(path)
    with pytest.raises(BadInput, match="too many pages"):
        open_document(path, Limits(max_pages=4))


def test_unsized_image_dpi_is_estimated_from_a4(tmp_path: Path) -> None:
    path = tmp_path / "nodpi.png"
    buf = io.BytesIO()
    render_page(dpi=200).save(buf, "PNG")
    path.write_bytes(buf.getvalue())
    assert 190 <= open_document(path)[0].dpi <= 210
