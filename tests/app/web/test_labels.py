"""Labels on screen: Vietnamese only (the Vietnamese half of a bilingual label), and an ID card labelled as
its own edition prints it (the 2024 "Căn cước" is not shown the older card's "Số / No.", "Quê quán")."""

from __future__ import annotations

import json

import pytest

from app.web.labels import (
    CARD_EDITIONS,
    CARD_SCHEMA,
    card_edition,
    change_reason,
    document_labels,
    field_labels,
    vietnamese_half,
)
from schemas import all_schemas

from .conftest import SAMPLES


def test_every_edition_label_is_one_the_schema_lists():
    schema = all_schemas()[CARD_SCHEMA]
    for edition, _phrases, labels in CARD_EDITIONS:
        for key, label in labels.items():
            listed = {vietnamese_half(text) for text in schema.fields[key].labels}
            assert label in listed, (edition, key, label)


def test_no_label_on_screen_carries_an_english_half():
    for schema_id in all_schemas():
        for label in field_labels(schema_id).values():
            assert " / " not in label, (schema_id, label)


def _truth_pages(name: str) -> list[str]:
    path = SAMPLES / f"{name}.truth.json"
    if not path.exists():
        pytest.skip(f"no committed sample {name}")
    return [page["text"] for page in json.loads(path.read_text(encoding="utf-8"))["pages"]]


def test_a_2024_card_gets_the_2024_labels():
    pages = _truth_pages("citizen_id_card_clean_001")  # a 2024 "Căn cước" card
    assert card_edition(pages) == "can_cuoc_2024"
    labels = document_labels(CARD_SCHEMA, pages)
    assert labels["personal_id"] == "Số định danh cá nhân"
    assert labels["residence"] == "Nơi cư trú"
    assert labels["place_of_origin"] == "Nơi đăng ký khai sinh"
    assert "Quê quán" not in labels.values() and not any("/" in v for v in labels.values())


def test_an_older_card_keeps_its_own_labels():
    pages = _truth_pages("citizen_id_card_hard_001")  # a "Căn cước công dân" card
    assert card_edition(pages) == "can_cuoc_cong_dan"
    labels = document_labels(CARD_SCHEMA, pages)
    assert labels["place_of_origin"] == "Quê quán" and labels["residence"] == "Nơi thường trú"
    assert document_labels(CARD_SCHEMA, ["CHỨNG MINH NHÂN DÂN Họ tên Nguyên quán"])["place_of_origin"] == "Nguyên quán"
    assert document_labels("birth_certificate", pages) == field_labels("birth_certificate")


def test_version_reasons_the_repository_writes_in_english_are_shown_in_vietnamese():
    assert change_reason("signed copy attached") == "đính kèm bản ký số"
    assert change_reason("status: signed") == "chuyển trạng thái: Đã ký số"
    assert change_reason(None) == "lưu lần đầu"
    assert change_reason("kiểm tra trong hàng đợi") == "kiểm tra trong hàng đợi"
