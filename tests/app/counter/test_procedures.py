"""The procedure catalogue loads from its YAML into typed models, in NFC, with the figures of the law."""

from __future__ import annotations

import unicodedata

import pytest

from app.counter.procedures import CATALOGUE, catalogue


def test_the_civil_status_procedures_are_there_with_their_papers():
    found = catalogue()
    names = {p.id: p for p in found.procedures}
    for wanted in ("dang_ky_khai_sinh", "dang_ky_ket_hon", "dang_ky_khai_tu", "xac_nhan_tinh_trang_hon_nhan",
                   "cap_ban_sao_trich_luc"):
        assert wanted in names
        assert any(p.required for p in names[wanted].papers), wanted
    assert names["xac_nhan_tinh_trang_hon_nhan"].working_days == 3
    assert names["dang_ky_khai_sinh"].working_days == 0
    assert names["dang_ky_ket_hon"].verification_days == 5
    assert found.get("khong_co") is None
    for procedure in found.procedures:
        for text in [procedure.name, procedure.legal_basis, *(p.name for p in procedure.papers)]:
            assert unicodedata.is_normalized("NFC", text)


def test_a_catalogue_naming_a_paper_twice_is_refused(tmp_path):
    bad = tmp_path / "p.yaml"
    text = CATALOGUE.read_text(encoding="utf-8")
    bad.write_text(text.replace("key: giay_chung_sinh", "key: to_khai", 1), encoding="utf-8")
    with pytest.raises(ValueError, match="twice"):
        catalogue(bad)
