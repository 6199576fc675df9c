"""The server's page workers (a pool kept warm for the life of the server) and the archive copy written at
approval from the images and words intake kept: real OCR on committed scans."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from app.web.archive import jpeg_mode, write_archive
from app.web.workers import PageFailure, PageWorkers
from pipeline.ingest import open_document
from pipeline.process import PageJob, PageOutput, process_page

from .conftest import sample


@pytest.fixture(scope="module")
def workers() -> PageWorkers:
    pool = PageWorkers(2)
    pool.start()
    yield pool
    pool.close()


def two_pages(tmp_path: Path) -> Path:
    """A 2-page PDF of two committed scans (a birth certificate, an ID card)."""
    scans = [sample("birth_certificate_clean_"), sample("citizen_id_card_clean_")]
    images = [Image.open(p).convert("RGB") for p in scans]
    out = tmp_path / "hai-trang.pdf"
    images[0].save(out, "PDF", resolution=300.0, save_all=True, append_images=images[1:])
    return out


def jobs_of(path: Path, workdir: Path) -> list[PageJob]:
    workdir.mkdir(exist_ok=True)
    return [PageJob(source=s, number=n, workdir=str(workdir), write_pdf=False)
            for n, s in enumerate(open_document(path), start=1)]


def test_pages_are_read_in_parallel_workers_in_order(workers, tmp_path):
    pdf = two_pages(tmp_path)
    read = workers.read(jobs_of(pdf, tmp_path / "pages"))
    assert [type(r) for r in read] == [PageOutput, PageOutput]
    assert [r.page.number for r in read] == [1, 2]
    assert "KHAI SINH" in read[0].page.text.upper() and "CĂN CƯỚC" in read[1].page.text.upper()
    assert {r.page.image_path for r in read} == {str(tmp_path / "pages" / f"page-0000{n}.jpg") for n in (1, 2)}
    assert all(r.pdf_path is None for r in read), "no one-page PDFs at intake: the archive copy waits for approval"
    processes = set(workers._get_pool()._processes)
    assert len(processes) == 2
    again = workers.read(jobs_of(pdf, tmp_path / "again"))
    assert [r.page.words == first.page.words for r, first in zip(again, read, strict=True)] == [True, True]
    assert set(workers._get_pool()._processes) == processes, "the same warm processes serve every request"


def test_a_page_that_cannot_be_read_is_reported_not_raised(workers, tmp_path):
    good = open_document(sample("citizen_id_card_clean_"))[0]
    broken = tmp_path / "hong.png"
    broken.write_bytes(sample("citizen_id_card_clean_").read_bytes()[:5000])  # truncated after ingest sniffed it
    bad = good.model_copy(update={"path": str(broken)})
    read = workers.read([PageJob(source=bad, number=1, workdir=str(tmp_path)),
                         PageJob(source=good, number=2, workdir=str(tmp_path), write_pdf=False)])
    assert isinstance(read[0], PageFailure) and "truncated" in read[0].reason
    assert isinstance(read[1], PageOutput)


def test_a_dead_worker_is_replaced(workers, tmp_path):
    pool = workers._get_pool()
    os.kill(next(iter(pool._processes)), signal.SIGKILL)
    read = workers.read(jobs_of(sample("citizen_id_card_clean_"), tmp_path / "pages"))
    assert isinstance(read[0], PageOutput) and read[0].page.words


def test_the_archive_written_later_is_the_same_as_the_pipelines(tmp_path):
    """write_archive (at approval) from the kept image and words draws the page as process_page's one-page PDF
    does: the same page, the same invisible words, mixed raster content (a bitonal text layer over the
    background) where the pipeline used it too, the background no larger than the kept JPEG."""
    scan = sample("citizen_id_card_clean_")
    [source] = open_document(scan)
    out = process_page(PageJob(source=source, number=1, workdir=str(tmp_path), write_pdf=True))
    image = Path(out.page.image_path)
    later = tmp_path / "archive.pdf"
    write_archive([out.page], [image], later, title="the-card.png")

    def text_ops(page) -> bytes:
        content = bytes(page.Contents.read_bytes())
        return content[content.index(b"BT"):]

    with pikepdf.open(out.pdf_path) as theirs, pikepdf.open(later) as ours:
        assert len(ours.pages) == 1
        assert ours.pages[0].MediaBox == theirs.pages[0].MediaBox
        assert text_ops(ours.pages[0]) == text_ops(theirs.pages[0])
        ours_images = list(ours.pages[0].Resources.XObject.values())
        their_images = list(theirs.pages[0].Resources.XObject.values())
        assert len(ours_images) == len(their_images)
        masks = [im for im in ours_images if im.get("/ImageMask")]
        assert len(masks) == len([im for im in their_images if im.get("/ImageMask")])
        if masks:  # mixed raster: a CCITT G4 text layer at the page's size
            assert masks[0].Filter == "/CCITTFaxDecode" and int(masks[0].Width) == out.page.width
        else:  # one JPEG: the kept image itself
            assert ours_images[0].read_raw_bytes() == image.read_bytes()
        assert sum(len(im.read_raw_bytes()) for im in ours_images) <= len(image.read_bytes())
        assert jpeg_mode(image.read_bytes()) in ("grey", "colour")
        assert str(ours.Root.OutputIntents[0].S) == "/GTS_PDFA1"
        with ours.open_metadata() as meta:
            assert meta["pdfaid:part"] == "2" and meta["dc:title"] == "the-card.png"
