"""Extraction results and archive PDFs for the repository tests, built the way the pipeline builds them."""

from __future__ import annotations

import hashlib
from typing import Any

import pikepdf

from pipeline.models import Document, ExtractionResult, FieldValue, PageResult


def fv(value: Any, page: int = 1) -> FieldValue:
    return FieldValue(value=value, confidence=0.95, status="ok", page=page)


def fields(page: int = 1, **values: Any) -> dict[str, FieldValue]:
    return {key: fv(value, page) for key, value in values.items()}


def result(source: str, *documents: Document, salt: str = "") -> ExtractionResult:
    pages = sorted({p for d in documents for p in d.pages}) or [1]
    return ExtractionResult(
        source=source,
        sha256=hashlib.sha256(f"{source}{salt}".encode()).hexdigest(),
        pages=[PageResult(number=p, width=1654, height=2339, dpi=200, text="") for p in pages],
        documents=list(documents),
    )


def birth_certificate(name: str = "NGUYỄN THỊ THU HƯƠNG", pid: str = "022180000123", dob: str = "1980-06-15",
                      mother: str = "TRẦN THỊ LAN", mother_year: str = "1955", father: str = "NGUYỄN VĂN HÙNG",
                      number: str = "125", book: str = "01/1980", page: int = 1) -> Document:
    return Document(
        schema="birth_certificate",
        pages=[page],
        fields=fields(page, full_name=name, personal_id=pid, date_of_birth=dob, sex="female",
                      mother_name=mother, mother_birth_year=mother_year, father_name=father,
                      father_birth_year="1950", number=number, book=book,
                      registration_authority="UBND xã Vân Đồn", registration_date="1980-07-01"),
        needs_review=False,
    )


def citizen_id_card(name: str, pid: str, dob: str, page: int = 1) -> Document:
    return Document(schema="citizen_id_card", pages=[page],
                    fields=fields(page, full_name=name, personal_id=pid, date_of_birth=dob, sex="female"))


def marriage(husband: str, husband_pid: str, wife: str, wife_pid: str, wife_dob: str = "1980-06-15") -> Document:
    return Document(schema="marriage_certificate", pages=[1],
                    fields=fields(1, husband_name=husband, husband_personal_id=husband_pid,
                                  husband_date_of_birth="1978-01-02", wife_name=wife, wife_personal_id=wife_pid,
                                  wife_date_of_birth=wife_dob, number="33", book="01/2005",
                                  registration_authority="UBND xã Vân Đồn"))


def register_page(book: str, authority: str, page: int, first_number: int, count: int) -> Document:
    entries = []
    for i in range(count):
        n = first_number + i
        entries.append(fields(page, number=str(n), registration_date=f"1985-03-{i + 1:02d}",
                              full_name=f"LÊ VĂN SỐ {n}", sex="male", date_of_birth=f"1985-02-{i + 1:02d}",
                              place_of_birth="Vân Đồn, Quảng Ninh", ethnicity="Kinh", nationality="Việt Nam",
                              mother_name=f"PHẠM THỊ MẸ {n}", father_name=f"LÊ VĂN CHA {n}"))
    return Document(schema="birth_register", pages=[page],
                    fields=fields(page, book=book, registration_authority=authority), entries=entries)


def archive_pdf(pages: int) -> bytes:
    """A PDF whose page n shows the text ``page n`` (the marker the export test looks for)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    for n in range(1, pages + 1):
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(f"BT /F1 24 Tf 72 720 Td (page {n}) Tj ET".encode())
    import io

    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()
