"""intake_dossier (OCR + extraction of a dossier's files, a bad file reported, not raised) and
finalize_dossier (one dossier code, signed copies, records; run twice, the same code and records)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.config import settings

pytestmark = pytest.mark.filterwarnings('ignore:Field name "schema"')
CODE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.H49-\d{6}-\d{4}$")


def test_intake_then_finalize(prefect_api: str, sohoa_home: Path, generated_scans: Path, tmp_path: Path) -> None:
    from flows import finalize_dossier, intake_dossier
    from pipeline.store import Repository

    bad = tmp_path / "empty.png"
    bad.write_bytes(b"")
    files = [str(p) for p in sorted(generated_scans.glob("*_00[12].*")) if not p.name.endswith(".json")]
    intake = intake_dossier([*files, str(bad)], jobs=2)
    assert [i.status for i in intake.items] == ["pending", "pending", "quarantined"]
    assert "empty" in (intake.items[2].reason or "")
    assert len(intake.results) == 2 and all(r.documents for r in intake.results)

    # the officer corrects a field; finalize stores the corrected value under one dossier code
    corrected = [r.model_copy(deep=True) for r in intake.results]
    field = next(iter(corrected[0].documents[0].fields.values()))
    field.value, field.status = "GIÁ TRỊ ĐÃ SỬA", "ok"
    final = finalize_dossier(intake, corrected, actor="can_bo_01")
    assert CODE.match(final.dossier_code), final.dossier_code
    assert len(final.signed) == 2 and all(Path(p).is_file() for p in final.signed)
    assert len(final.records) == sum(len(r.documents) for r in corrected)

    repo = Repository.from_settings(settings())
    try:
        stored = repo.search(dossier_code=final.dossier_code, actor="test")
        assert sorted(r.id for r in stored) == sorted(final.records)
        first = next(r for r in stored if r.source_sha256 == corrected[0].sha256 and r.doc_index == 0)
        assert first.status == "signed" and first.signed_key
        document = repo.load_document(first)
        assert "GIÁ TRỊ ĐÃ SỬA" in [f.value for f in document.fields.values()]
    finally:
        repo.close()

    again = finalize_dossier(intake, corrected, actor="can_bo_01")
    assert again.dossier_code == final.dossier_code and sorted(again.records) == sorted(final.records)
