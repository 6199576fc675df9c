"""Corrections on the form: values parsed by kind, rules checked again, the accepted document."""

from __future__ import annotations

from app.web.editing import accepted, apply_form, reclassify
from app.web.labels import field_label, field_labels
from pipeline.models import Document, FieldValue, Issue


def birth_certificate(**values) -> Document:
    fields = {key: FieldValue(value=None, status="review") for key in field_labels("birth_certificate")}
    for key, value in values.items():
        fields[key] = FieldValue(value=value, confidence=0.9, status="ok", page=1, bbox=(0.1, 0.1, 0.2, 0.12))
    return Document(schema="birth_certificate", pages=[1], fields=fields,
                    issues=[Issue(field="full_name", code="qr_mismatch", message="Khác mã QR.")])


def test_labels_come_from_the_schema_in_vietnamese():
    assert field_label("birth_certificate", "full_name") == "Họ, chữ đệm, tên"
    assert field_label("birth_certificate", "mother_ethnicity") == "Dân tộc (mẹ)"
    assert field_label("marriage_certificate", "wife_name").endswith("(vợ)")


def test_a_correction_is_parsed_marked_and_rules_are_checked_again():
    document = birth_certificate(full_name="TRẦN VĂN A", date_of_birth="1994-03-19", sex="male",
                                 personal_id="022094000001")
    updated, errors, changed = apply_form(document, {"date_of_birth": "19/03/1995", "full_name": "TRẦN VĂN A"})
    assert errors == {} and changed == ["date_of_birth"]
    dob = updated.fields["date_of_birth"]
    assert (dob.value, dob.status, dob.confidence, dob.bbox) == ("1995-03-19", "ok", 1.0, (0.1, 0.1, 0.2, 0.12))
    codes = {issue.code for issue in updated.issues}
    assert "qr_mismatch" in codes, "the extraction's own issue on an unchanged field stays"
    assert any(issue.field == "personal_id" for issue in updated.issues), "id year 94 no longer matches 1995"


def test_a_bad_value_is_refused_and_the_old_value_kept():
    document = birth_certificate(date_of_birth="1994-03-19")
    updated, errors, changed = apply_form(document, {"date_of_birth": "32/01/1994"})
    assert changed == [] and updated.fields["date_of_birth"].value == "1994-03-19"
    assert errors["date_of_birth"].startswith("Ngày, tháng, năm sinh:")


def test_accepted_document_needs_no_review():
    final = accepted(birth_certificate(full_name="TRẦN VĂN A"))
    assert not final.needs_review and all(f.status == "ok" for f in final.fields.values())


def test_reclassify_gives_the_schema_fields_empty():
    unknown = Document(schema="unknown", pages=[2], fields={}, issues=[], needs_review=True)
    document = reclassify(unknown, "death_extract")
    assert document.schema_id == "death_extract" and document.pages == [2]
    assert "date_of_death" in document.fields and all(f.value is None for f in document.fields.values())
    assert any(issue.code for issue in document.issues), "required fields are reported missing"
