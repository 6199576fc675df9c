"""Whole handwritten birth-register pages (samples/handwriting.book_page) and their truth files."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np

from extractors.constrained.page import find_table
from pipeline.evaluation.truth import find_cases
from samples.generate import generate_corpus
from samples.handwriting import BOOK_COLUMNS, HELD_OUT, TUNING, book_page


def test_a_page_keeps_the_register_rules_its_reader_checks():
    page = book_page(TUNING, 9, seed=12)
    numbers = [int(e["number"]) for e in page.entries]
    assert numbers == list(range(numbers[0], numbers[0] + 9))
    registered = [date.fromisoformat(e["registration_date"]) for e in page.entries]
    assert registered == sorted(registered) and {d.year for d in registered} == {page.year}
    for entry, when in zip(page.entries, registered, strict=True):
        born = date.fromisoformat(entry["date_of_birth"])
        assert when - timedelta(days=60) <= born <= when - timedelta(days=3)
        assert entry["mother_name"] is None and entry["father_name"] is None
    assert page.fields["book"].endswith(f"/{page.year}")
    assert {c.hand for row in page.cells for c in row} <= {h.name for h in TUNING}


def test_the_ruled_table_has_a_header_band_and_a_band_per_entry():
    page = book_page(HELD_OUT, 6, seed=3)
    table = find_table(np.asarray(page.image), page.dpi)
    assert table is not None
    assert len(table.rows) - 1 == 1 + 6 and len(table.columns) - 1 == len(BOOK_COLUMNS)


def test_generate_writes_handwritten_pages_with_their_truth(tmp_path: Path):
    files = generate_corpus(tmp_path, seed=5, per_type=0, dossiers=0, handwritten=2, hands="tuning")
    assert [f.name for f in files] == ["birth_register_handwritten_tuning_001.png",
                                       "birth_register_handwritten_tuning_002.png"]
    cases, warnings = find_cases(tmp_path)
    assert not warnings and len(cases) == 2
    doc = cases[0].truth.documents[0]
    assert cases[0].truth.tier == "handwritten" and doc.family == "br-hand-tuning"
    assert len(doc.written) == len(doc.entries) and set(doc.written[0]) == set(BOOK_COLUMNS)
    again = generate_corpus(tmp_path / "again", seed=5, per_type=0, dossiers=0, handwritten=1, hands="tuning")
    assert again[0].read_bytes() == files[0].read_bytes()
