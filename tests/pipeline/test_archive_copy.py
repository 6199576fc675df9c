"""The archive copy: PDF/A-2b declared, output intent, colour images at the scan's resolution, and a text layer
from which pdftotext gets the words with their Vietnamese diacritics. One OCR pass per page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

import pipeline.process as process
import pipeline.reading as reading
from pipeline.process import ocr_to_pdfa, process_file
from tests.pipeline.page_images import noisy, render_page, turned


@pytest.fixture(scope="module")
def two_page_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "dossier.pdf"
    first = noisy(turned(render_page(dpi=200), 0, 2.0))
    second = noisy(turned(render_page(dpi=200, seal=False), 180, 0.0), seed=1)
    first.save(path, "PDF", resolution=200, save_all=True, append_images=[second], quality=85)
    return path


@pytest.fixture(scope="module")
def archive_and_pages(two_page_scan: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("out") / "dossier.pdfa.pdf"
    pages = ocr_to_pdfa(two_page_scan, out, jobs=2)
    assert [p.number for p in pages] == [1, 2]
    assert pages[1].rotation == 180
    return out, pages


@pytest.fixture(scope="module")
def archive(archive_and_pages) -> Path:
    return archive_and_pages[0]


def test_declares_pdfa_2b_with_output_intent(archive: Path) -> None:
    with pikepdf.open(archive) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        intents = pdf.Root.OutputIntents
        assert intents[0].S == pikepdf.Name.GTS_PDFA1
        assert len(intents[0].DestOutputProfile.read_bytes()) > 100
        assert "/ID" in pdf.trailer
        for page in pdf.pages:
            fonts = page.Resources.Font
            for _, font in fonts.items():
                assert "/FontFile2" in font.DescendantFonts[0].FontDescriptor


def test_images_keep_colour_and_resolution(archive: Path) -> None:
    """Each page: a background image (colour where the page has a seal, grey otherwise) and, as mixed raster
    content, a lossless bitonal text layer (CCITT G4 stencil mask) at the scan's resolution."""
    listing = subprocess.run(["pdfimages", "-list", str(archive)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    by_page: dict[str, dict[str, list[str]]] = {}
    for row in rows:
        by_page.setdefault(row[0], {})[row[2]] = row
    assert by_page["1"]["image"][5] == "rgb"  # page 1 has the red seal
    assert by_page["2"]["image"][5] == "gray"  # page 2 has no colour
    for page in by_page.values():
        text = page.get("stencil", page["image"])  # the text layer, or the one image of a page without one
        assert int(text[12]) >= 199 and int(text[13]) >= 199  # x-ppi, y-ppi
        if "stencil" in page:
            assert page["stencil"][8] == "ccitt" and page["stencil"][7] == "1"


def test_seal_stays_red(archive: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", str(archive), str(tmp_path / "p")],
                   check=True)
    rgb = np.asarray(Image.open(next(tmp_path.glob("p-*.png"))).convert("RGB")).astype(int)
    red = (rgb[..., 0] > 140) & (rgb[..., 0] - rgb[..., 1] > 60) & (rgb[..., 0] - rgb[..., 2] > 60)
    assert red.sum() > 200  # the seal's ring and star, in red


def test_text_layer_gives_words_with_diacritics(archive_and_pages) -> None:
    archive, pages = archive_and_pages
    text = subprocess.run(["pdftotext", str(archive), "-"], capture_output=True, text=True, check=True).stdout
    for page, extracted in zip(pages, text.split("\f"), strict=False):
        # Exactly the OCR's words, in order, diacritics intact.
        assert extracted.split() == page.text.split()
        assert "Độc lập - Tự do - Hạnh phúc" in extracted
        assert "Quảng Ninh" in extracted and "Quốc tịch: Việt Nam" in extracted


def test_size_per_page_is_small(archive: Path) -> None:
    assert archive.stat().st_size / 2 <= 100 * 1024


def test_one_ocr_pass_feeds_text_layer_and_extraction(
    two_page_scan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = reading.ocr_page

    def counting(grey, dpi, lang="vie", **options):
        calls.append(dpi)
        return real(grey, dpi, lang, **options)

    monkeypatch.setattr(reading, "ocr_page", counting)
    done = process_file(two_page_scan, jobs=1, archive_out=tmp_path / "a.pdf")
    assert len(calls) == 2
    assert (tmp_path / "a.pdf").exists()
    assert done.result.pages[0].text == done.pages[0].text
    assert "THU HƯƠNG" in done.result.pages[0].text
    assert done.result.sha256 == process.sha256_file(two_page_scan)
