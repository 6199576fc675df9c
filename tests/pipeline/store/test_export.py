"""Ministry of Justice export of a register book: a zip with one PDF per entry and one spreadsheet row per entry."""

from __future__ import annotations

import io
import zipfile

import pikepdf
import pytest
from openpyxl import load_workbook

from pipeline.store.export import HOTICH_COLUMNS, ExportError, export_hotich

from .samples import archive_pdf, register_page, result

ACTOR = "can_bo_01"
AUTHORITY = "UBND xã Vân Đồn"


def test_book_export_has_one_pdf_and_one_row_per_entry(repo, tmp_path):
    scan = result("so_1985.pdf", register_page("01/1985", AUTHORITY, 1, 40, 3),
                  register_page("01/1985", AUTHORITY, 2, 43, 2))
    records = repo.put(scan, actor=ACTOR, archive=archive_pdf(2))
    repo.put(result("so_1986.pdf", register_page("01/1986", AUTHORITY, 1, 1, 2)), actor=ACTOR,
             archive=archive_pdf(1))
    out = tmp_path / "export" / "so_01_1985.zip"
    summary = export_hotich(repo, "01/1985", out, actor=ACTOR)
    assert sorted(summary.records) == sorted(r.id for r in records)

    with zipfile.ZipFile(out) as bundle:
        assert bundle.testzip() is None
        pdf_names = sorted(n for n in bundle.namelist() if n.endswith(".pdf"))
        assert len(pdf_names) == 5
        pages_shown = {}
        for name in pdf_names:
            with pikepdf.open(io.BytesIO(bundle.read(name))) as pdf:
                assert len(pdf.pages) == 1
                pages_shown[name] = pdf.pages[0].Contents.read_bytes()
        sheet = load_workbook(io.BytesIO(bundle.read(summary.spreadsheet))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [header for _, header, _ in HOTICH_COLUMNS]
    table = [dict(zip([key for key, _, _ in HOTICH_COLUMNS], row, strict=True)) for row in rows[1:]]
    assert [row["number"] for row in table] == ["40", "41", "42", "43", "44"]

    # the rows match the catalog: every entry the catalog names for this book, with its values
    catalog = {}
    for record in records:
        for person in repo.get(record.id, actor=ACTOR).people:
            if person.role == "subject":
                catalog[person.entry_number] = (person.full_name, person.date_of_birth, record.id)
    assert len(catalog) == len(table)
    for row in table:
        full_name, dob, record_id = catalog[row["number"]]
        assert row["full_name"] == full_name
        assert row["date_of_birth"] == f"{dob[8:10]}/{dob[5:7]}/{dob[:4]}"
        assert row["_record"] == record_id
        assert (row["book"], row["registration_authority"], row["sex"]) == ("01/1985", AUTHORITY, "Nam")
        assert row["mother_name"] == f"PHẠM THỊ MẸ {row['number']}"
        expected_page = 1 if int(row["number"]) < 43 else 2
        assert row["_page"] == expected_page
        assert f"(page {expected_page})".encode() in pages_shown[row["_pdf"]]
    assert ("can_bo_01", "export") in {(e.actor, e.action) for e in repo.audit_events(records[0].id)}


def test_export_refuses_what_it_cannot_make(repo, tmp_path):
    with pytest.raises(ExportError, match="không có"):
        export_hotich(repo, "99/1999", tmp_path / "x.zip", actor=ACTOR)
    repo.put(result("a.pdf", register_page("02/1990", AUTHORITY, 1, 1, 1)), actor=ACTOR, archive=archive_pdf(1))
    repo.put(result("b.pdf", register_page("02/1990", "UBND xã Hạ Long", 1, 1, 1)), actor=ACTOR,
             archive=archive_pdf(1))
    with pytest.raises(ExportError, match="--authority"):
        export_hotich(repo, "02/1990", tmp_path / "x.zip", actor=ACTOR)
    summary = export_hotich(repo, "02/1990", tmp_path / "x.zip", actor=ACTOR, authority="UBND xã Hạ Long")
    assert len(summary.entries) == 1
    repo.put(result("c.pdf", register_page("03/1990", AUTHORITY, 1, 1, 1)), actor=ACTOR)
    with pytest.raises(ExportError, match="PDF/A"):
        export_hotich(repo, "03/1990", tmp_path / "y.zip", actor=ACTOR)
    assert not (tmp_path / "y.zip").exists()
