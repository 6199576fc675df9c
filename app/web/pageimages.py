"""Page images of a stored record, for the review and record screens: the straightened page JPEG that the
archive copy (PDF/A) embeds, taken out as it is (no re-encoding, so bbox fractions line up), cached under
``SOHOA_HOME/web/cache/<archive sha256>/page-N.jpg``."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import pikepdf
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
                images = list(page.get_images().values())
                if not images:
                    continue
                image = PdfImage(images[0])
                out = folder / f"page-{number:05d}"
                if image.filters == ["/DCTDecode"]:
                    out.with_suffix(".jpg").write_bytes(images[0].read_raw_bytes())
                else:
                    image.as_pil_image().convert("RGB").save(out.with_suffix(".jpg"), quality=85)
