"""The schema files and their loader: contract ids and keys, and clear errors for broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.kinds import KINDS
from schemas import KIND_NAMES, SchemaError, load_schema_file, load_schemas

# CONTRACT.md, "Schemas and their field keys".
CONTRACT = {
    "birth_certificate": "number book full_name sex date_of_birth place_of_birth hometown ethnicity nationality "
                         "personal_id mother_name mother_birth_year mother_ethnicity mother_nationality "
                         "mother_residence father_name father_birth_year father_ethnicity father_nationality "
                         "father_residence registration_authority registration_date",
    "marriage_certificate": "number book husband_name husband_date_of_birth husband_ethnicity husband_nationality "
                            "husband_residence husband_personal_id wife_name wife_date_of_birth wife_ethnicity "
                            "wife_nationality wife_residence wife_personal_id registration_authority "
                            "registration_date",
    "death_extract": "number full_name date_of_birth sex ethnicity nationality personal_id date_of_death "
                     "place_of_death registration_authority registration_date",
    "marital_status_confirmation": "number full_name date_of_birth sex ethnicity nationality personal_id residence "
                                   "marital_status purpose issuing_authority issue_date",
    "citizen_id_card": "personal_id full_name date_of_birth sex nationality place_of_origin residence issue_date "
                       "expiry_date",
    "birth_register": "book registration_authority",
}
REGISTER_ENTRY = ("number registration_date full_name sex date_of_birth place_of_birth ethnicity nationality "
                  "mother_name father_name")

GOOD = """\
id: test_paper
name: Giấy thử
titles: ["GIẤY THỬ"]
fields:
  full_name:
    kind: name
    labels: ["Họ, chữ đệm, tên"]
"""


def test_the_six_contract_schemas_load_with_their_keys():
    schemas = load_schemas()
    assert set(CONTRACT) <= set(schemas)
    for schema_id, keys in CONTRACT.items():
        output = {k for k, f in schemas[schema_id].fields.items() if f.output}
        assert set(keys.split()) <= output, schema_id
    assert set(schemas["birth_register"].entry_fields) == set(REGISTER_ENTRY.split())


def test_schema_kinds_are_the_implemented_kinds():
    assert set(KIND_NAMES) == set(KINDS)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_new_type_is_a_new_file(tmp_path):
    _write(tmp_path, "test_paper", GOOD)
    schemas = load_schemas(tmp_path)
    assert schemas["test_paper"].fields["full_name"].kind == "name"


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        (GOOD.replace("kind: name", "kind: nmae"), "fields.full_name.kind", "unknown kind 'nmae'"),
        (GOOD.replace("kind: name", "kind: name\n    colour: red"), "fields.full_name.colour",
         "Extra inputs are not permitted"),
        (GOOD.replace('titles: ["GIẤY THỬ"]\n', ""), "titles", "Field required"),
        (GOOD + "    block: mother\n", "", "field 'full_name': block 'mother' is not declared"),
        (GOOD + "rules:\n  - {rule: date_order, fields: [full_name, issue_date]}\n", "",
         "rule 1 (date_order): field 'issue_date' is not declared"),
        (GOOD + "rules:\n  - {rule: personal_id, fields: [full_name]}\n", "", "needs 2 or 3 fields"),
        (GOOD.replace('labels: ["Họ, chữ đệm, tên"]', "labels: []"), "",
         "field 'full_name': has neither labels nor patterns"),
        (GOOD.replace("fields:", "fields: [").replace("    labels", "  labels"), "line", "not valid YAML"),
    ],
)
def test_broken_schema_files_say_what_is_wrong(tmp_path, text, where, problem):
    path = _write(tmp_path, "test_paper", text)
    with pytest.raises(SchemaError) as caught:
        load_schema_file(path)
    err = caught.value
    assert err.file == str(path)
    assert err.where.startswith(where)
    assert problem in err.problem
    assert str(err).startswith("test_paper.yaml: ")


def test_the_id_must_match_the_file_name(tmp_path):
    path = _write(tmp_path, "other_name", GOOD)
    with pytest.raises(SchemaError, match="differs from the file name"):
        load_schema_file(path)
