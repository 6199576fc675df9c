"""The truth checker accepts the generator's truth and catches values outside the contract's formats."""

import copy
import json

import pytest

from samples.committed_set import COMMITTED
from samples.truth_format import problems, value_problems

SAMPLE = json.loads((COMMITTED / "birth_certificate_clean_001.truth.json").read_text(encoding="utf-8"))
WITH_ID = json.loads((COMMITTED / "marital_status_confirmation_clean_001.truth.json").read_text(encoding="utf-8"))


def test_committed_truth_is_clean() -> None:
    assert problems(SAMPLE) == []
    assert problems(WITH_ID) == []


@pytest.mark.parametrize(
    ("key", "value"),
    [("date_of_birth", "15/06/1980"), ("date_of_birth", "1980-02-30"), ("mother_birth_year", "80"),
     ("sex", "Nam"), ("personal_id", "022 180 001234"), ("personal_id", "0221800012"),
     ("personal_id", "099180001234"),
     ("full_name", "Nguyễn Văn An"), ("full_name", "NGUYỄN  VĂN AN"), ("hometown", "xa\u0303 Tiên Yên")],
)
def test_bad_values_are_caught(key: str, value: str) -> None:
    assert value_problems(key, value)


def test_id_number_must_agree_with_birth_and_sex() -> None:
    truth = copy.deepcopy(WITH_ID)
    assert problems(truth) == []
    fields = truth["documents"][0]["fields"]
    fields["sex"] = "female" if fields["sex"] == "male" else "male"
    assert any("disagrees" in p for p in problems(truth))


def test_missing_field_key_is_caught() -> None:
    truth = copy.deepcopy(SAMPLE)
    del truth["documents"][0]["fields"]["hometown"]
    assert any("field keys" in p for p in problems(truth))
