"""The naive baseline: title keywords, "label: value" on OCR text, simple normalisation, all "ok"."""

from pathlib import Path

import pytest

from pipeline.evaluation.baseline import baseline_extract, classify, normalise_value, split_documents
from pipeline.evaluation.scoring import score_file
from pipeline.evaluation.truth import find_cases
from pipeline.models import PageResult

BIRTH_TEXT = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
GIẤY KHAI SINH
Số: 177... Quyển số: 02/2010
Họ, chữ đệm, tên: Trần Hoài Hồng Thuỷ
Ngày, tháng, năm sinh: 05/08/2010 ghi bằng chữ: Ngày năm, tháng tám, năm hai
Giới tính: Nữ Dân tộc: Kinh Quốc tịch: Việt Nam
Họ, chữ đệm, tên người mẹ: TRẦN THUỲ QUỲNH
Năm sinh: 1978 Dân tộc: Tày Quốc tịch: Việt Nam
Họ, chữ đệm, tên người cha:
Năm sinh: Dân tộc: Quốc tịch:
Cẩm Phả, ngày 30 tháng 8 năm 2010
(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)"""

CARD_TEXT = """CĂN CƯỚC CÔNG DÂN
Số / No.: 022 165 634029
Họ và tên / Full name:
TÔ THÚY NHUNG
Giới tính / Sex: Nam Quốc tịch / Nationality: Việt Nam"""


def _page(number: int, text: str) -> PageResult:
    return PageResult(number=number, width=10, height=10, dpi=300, text=text)


def test_labels_occurrences_and_formats_on_ocr_text() -> None:
    (doc,) = split_documents([_page(1, BIRTH_TEXT)])
    values = {key: field.value for key, field in doc.fields.items()}
    assert doc.schema_id == "birth_certificate" and doc.pages == [1]
    assert values["number"] == "177" and values["book"] == "02/2010"
    assert values["full_name"] == "TRẦN HOÀI HỒNG THUỶ"
    assert values["date_of_birth"] == "2010-08-05"
    assert values["sex"] == "female"
    assert values["mother_name"] == "TRẦN THUỲ QUỲNH"
    assert values["mother_birth_year"] == "1978"
    assert values["mother_ethnicity"] == "Tày" and values["ethnicity"] == "Kinh"
    assert values["father_name"] is None and values["father_birth_year"] is None
    assert values["registration_date"] == "2010-08-30"
    assert all(field.status == ("ok" if field.value is not None else "review") for field in doc.fields.values())


def test_pages_without_title_join_the_document_before_and_titles_split() -> None:
    docs = split_documents(
        [_page(1, "TỜ KHAI, Căn cước số 1"), _page(2, CARD_TEXT), _page(3, "mặt sau"), _page(4, BIRTH_TEXT)]
    )
    assert [(d.schema_id, d.pages) for d in docs] == [("citizen_id_card", [2, 3]), ("birth_certificate", [4])]
    card = {key: field.value for key, field in docs[0].fields.items()}
    assert card["personal_id"] == "022165634029"
    assert card["full_name"] == "TÔ THÚY NHUNG"  # value under its label
    assert card["sex"] == "male"


def test_classification_takes_the_earliest_title() -> None:
    assert classify("GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN\n... đăng ký KẾT HÔN") == "marital_status_confirmation"
    assert classify("SỔ ĐĂNG KÝ KHAI SINH") == "birth_register"
    assert classify("nothing here") is None


@pytest.mark.parametrize(
    ("raw", "kind", "expected"),
    [
        (" 05/02/2024.", "date", "2024-02-05"),
        ("ngày 5 tháng 2 năm 2024", "date", "2024-02-05"),
        ("1978 Dân", "year", "1978"),
        ("Nữ", "sex", "female"),
        ("0221 6563", "id", "02216563"),
        ("125......", "number", "125"),
        ("LÊ AN ........ -- 22 E2E", "name", "LÊ AN"),
        ("  ", "text", None),
        ("x", "date", None),
    ],
)
def test_simple_normalisation(raw: str, kind: str, expected: str | None) -> None:
    assert normalise_value(raw, kind) == expected  # type: ignore[arg-type]


def test_baseline_on_one_real_file(tmp_path: Path) -> None:
    from tests.pipeline.evaluation.conftest import sample_folder

    folder = sample_folder(tmp_path, ["death_extract"])
    cases, warnings = find_cases(folder)
    assert len(cases) == 1 and not warnings
    result = baseline_extract(cases[0].input_path)
    assert len(result.pages) == len(cases[0].truth.pages)
    assert "TRÍCH LỤC" in result.pages[0].text
    score = score_file(cases[0], result, seconds=1.0)
    assert score.documents[0].classified
    assert score.pages[0].truth_chars > 100
