"""Page images of a stored record, for the review and record screens, cached under
``SOHOA_HOME/web/cache/<archive sha256>/page-N.jpg``. A page drawn from one JPEG gives that JPEG as it is (no
re-encoding); a page of mixed raster content (a bitonal text layer over a low-resolution background,
``pipeline/mixed_raster.py``) is rendered whole by poppler at the text layer's resolution, since either layer
alone lacks the other's ink. Either way the image covers the whole page, so bbox fractions line up."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import pikepdf
from pdf2image import convert_from_path
from pikepdf import PdfImage

from pipeline.store import Repository
from pipeline.store.views import RecordView

_lock = threading.Lock()


class NoPageImage(LookupError):
    pass


def record_page_image(repo: Repository, record: RecordView, page: int, cache: Path) -> Path:
    if not record.archive_key or not record.archive_sha256:
        raise NoPageImage("bản ghi chưa có bản lưu trữ")
    folder = cache / record.archive_sha256
    target = folder / f"page-{page:05d}.jpg"
    if target.is_file():
        return target
    with _lock:
        if not target.is_file():
            _extract_all(repo, record.archive_key, folder)
    if not target.is_file():
        raise NoPageImage("không có trang này")
    return target


def _extract_all(repo: Repository, key: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = repo.objects.download(key, Path(tmp) / "archive.pdf")
        with pikepdf.open(pdf_path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                out = folder / f"page-{number:05d}.jpg"
                xobjects = list(page.Resources.get("/XObject", {}).values())
                images = [x for x in xobjects if x.get("/Subtype") == "/Image"]
                if not images:
                    continue
                masks = [x for x in images if x.get("/ImageMask")]
                if masks:
                    _render(pdf_path, number, page, int(masks[0].Width), out)
                    continue
                image = PdfImage(images[0])
                if image.filters == ["/DCTDecode"]:
                    out.write_bytes(images[0].read_raw_bytes())
                else:
                    image.as_pil_image().convert("RGB").save(out, quality=85)


def _render(pdf_path: Path, number: int, page: pikepdf.Page, width_px: int, out: Path) -> None:
    """The whole page as poppler draws it, at the text layer's resolution (one page at a time)."""
    width_pt = float(page.MediaBox[2]) - float(page.MediaBox[0])
    dpi = max(72, min(600, round(width_px * 72 / width_pt)))
    [image] = convert_from_path(str(pdf_path), dpi=dpi, first_page=number, last_page=number)
    image.convert("RGB").save(out, quality=85)
    image.close()
