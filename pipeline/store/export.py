"""Export of a historical birth register book for the Ministry of Justice (Circular 01/2022/TT-BTP art. 10,
official letter 1437/BTP-CNTT): one PDF per register entry (the archive copy's page that holds the entry)
and one spreadsheet row per entry, in one .zip per book.

The column list is a table (``HOTICH_COLUMNS``) because the official list is still to be verified.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
from openpyxl import Workbook
from openpyxl.styles import Font
from pydantic import BaseModel

from pipeline.models import Document, FieldValue
from pipeline.store.objects import sha256_bytes
from pipeline.store.repository import Repository
from pipeline.store.views import RecordView

REGISTER_SCHEMA = "birth_register"


def vn_date(value: Any) -> Any:
    """ISO ``YYYY-MM-DD`` → ``DD/MM/YYYY``; anything else as it is."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{value[8:10]}/{value[5:7]}/{value[:4]}"
    return value


def vn_sex(value: Any) -> Any:
    return {"male": "Nam", "female": "Nữ"}.get(value, value)


# (entry or page key, Vietnamese header, formatter). Keys "book" and "registration_authority" come from the
# register page; "_pdf", "_record", "_page" are filled by the export itself. (verify the official list)
HOTICH_COLUMNS: list[tuple[str, str, Callable[[Any], Any] | None]] = [
    ("book", "Quyển số", None),
    ("registration_authority", "Nơi đăng ký", None),
    ("number", "Số", None),
    ("registration_date", "Ngày đăng ký", vn_date),
    ("full_name", "Họ, chữ đệm, tên", None),
    ("sex", "Giới tính", vn_sex),
    ("date_of_birth", "Ngày, tháng, năm sinh", vn_date),
    ("place_of_birth", "Nơi sinh", None),
    ("ethnicity", "Dân tộc", None),
    ("nationality", "Quốc tịch", None),
    ("mother_name", "Họ, chữ đệm, tên người mẹ", None),
    ("father_name", "Họ, chữ đệm, tên người cha", None),
    ("_pdf", "Tệp PDF", None),
    ("_record", "Mã bản ghi", None),
    ("_page", "Trang ảnh", None),
]


class ExportError(ValueError):
    """The export cannot be made (nothing to export, ambiguous book, missing archive copy)."""


class ExportedEntry(BaseModel):
    record_id: int
    entry_index: int
    page: int
    pdf_name: str
    values: dict[str, Any]


class ExportSummary(BaseModel):
    book: str
    authority: str
    out: str
    records: list[int]
    entries: list[ExportedEntry]
    spreadsheet: str


def entry_page(entry: dict[str, FieldValue], document: Document) -> int:
    """The page of the input that holds the entry: the page most of its fields were read on."""
    pages = Counter(f.page for f in entry.values() if f.page)
    if pages:
        return pages.most_common(1)[0][0]
    return document.pages[0] if document.pages else 1


def safe_name(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "-", text).strip("-") or "x"


def _number_order(value: Any) -> tuple[int, str]:
    text = str(value or "")
    return (int(text), text) if text.isdigit() else (10**9, text)


def page_pdf(source: pikepdf.Pdf, page: int) -> bytes:
    out = pikepdf.new()
    out.pages.append(source.pages[page - 1])
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def _book_records(repo: Repository, book: str, authority: str | None, actor: str) -> tuple[str, list[RecordView]]:
    records = repo.search(actor=actor, schema=REGISTER_SCHEMA, book=book, authority=authority, limit=None)
    if not records:
        where = f" của {authority}" if authority else ""
        raise ExportError(f"không có trang sổ đăng ký khai sinh nào của quyển {book}{where}")
    authorities = sorted({r.authority or "" for r in records})
    if len(authorities) > 1:
        raise ExportError(f"quyển {book} có ở nhiều nơi đăng ký ({'; '.join(authorities)}): hãy chọn --authority")
    return authorities[0], sorted(records, key=lambda r: r.id)


class _Row(BaseModel):
    order: tuple[int, str]
    record_id: int
    entry_index: int
    page: int
    values: dict[str, Any]
    pdf: bytes


def _rows(repo: Repository, book: str, authority: str, records: list[RecordView]) -> list[_Row]:
    rows: list[_Row] = []
    for record in records:
        document = repo.load_document(record)
        if not record.archive_key:
            raise ExportError(f"bản ghi {record.id} chưa có bản lưu trữ (PDF/A)")
        archive = repo.objects.get_bytes(record.archive_key)
        if sha256_bytes(archive) != record.archive_sha256:
            raise ExportError(f"bản ghi {record.id}: bản lưu trữ không khớp mã băm trong danh mục")
        with pikepdf.open(io.BytesIO(archive)) as source:
            for index, entry in enumerate(document.entries):
                page = entry_page(entry, document)
                copy_page = record.copy_page(page) if page in (record.archive_pages or [page]) else 0
                if not 1 <= copy_page <= len(source.pages):
                    raise ExportError(f"bản ghi {record.id}: dòng {index + 1} ở trang {page}, bản lưu trữ "
                                      f"chỉ có {len(source.pages)} trang")
                values = {key: field.value for key, field in entry.items()}
                values.update(book=book, registration_authority=authority)
                rows.append(_Row(order=_number_order(values.get("number")), record_id=record.id,
                                 entry_index=index, page=page, values=values, pdf=page_pdf(source, copy_page)))
    return sorted(rows, key=lambda row: (row.order, row.record_id, row.entry_index))


def spreadsheet(entries: list[ExportedEntry]) -> bytes:
    """One row per entry, the columns of ``HOTICH_COLUMNS`` with their Vietnamese headers."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sổ đăng ký khai sinh"
    sheet.append([header for _, header, _ in HOTICH_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry in entries:
        extra = {"_pdf": entry.pdf_name, "_record": entry.record_id, "_page": entry.page}
        row = []
        for key, _, formatter in HOTICH_COLUMNS:
            value = extra[key] if key in extra else entry.values.get(key)
            row.append(formatter(value) if formatter and value is not None else value)
        sheet.append(row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_hotich(repo: Repository, book: str, out: str | Path, *, actor: str,
                  authority: str | None = None) -> ExportSummary:
    """Writes the zip of one register book to ``out`` (atomically) and returns what it holds."""
    authority, records = _book_records(repo, book, authority, actor)
    rows = _rows(repo, book, authority, records)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    entries: list[ExportedEntry] = []
    sheet_name = f"{safe_name(f'so-khai-sinh_{book}')}.xlsx"
    with tempfile.NamedTemporaryFile(dir=out.parent, suffix=".zip", delete=False) as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            for seq, row in enumerate(rows, start=1):
                name = f"pdf/{seq:04d}_so-{safe_name(str(row.values.get('number') or 'x'))}.pdf"
                bundle.writestr(name, row.pdf, compress_type=zipfile.ZIP_STORED)
                entries.append(ExportedEntry(record_id=row.record_id, entry_index=row.entry_index,
                                             page=row.page, pdf_name=name, values=row.values))
            bundle.writestr(sheet_name, spreadsheet(entries))
    Path(tmp.name).replace(out)
    repo.log_reads(actor, "export", [r.id for r in records],
                   {"book": book, "authority": authority, "entries": len(entries)})
    return ExportSummary(book=book, authority=authority, out=str(out), records=[r.id for r in records],
                         entries=entries, spreadsheet=sheet_name)
