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


def register_page() -> Document:
    def cell(value, status="ok"):
        return FieldValue(value=value, confidence=0.8, status=status, page=1, bbox=(0.1, 0.2, 0.2, 0.22))

    rows = [{"number": cell("92"), "registration_date": cell("2016-03-01"), "full_name": cell("NGUYỄN THUỶ THẢO"),
             "sex": cell("female"), "date_of_birth": cell("2016-01-08", "review")},
            {"number": cell("93"), "registration_date": cell("2016-03-05"), "full_name": cell("PHẠM BÁ HUY"),
             "sex": cell("male"), "date_of_birth": cell("2016-02-01")}]
    return Document(schema="birth_register", pages=[1], fields={"book": cell("03/2016")}, entries=rows,
                    issues=[Issue(field="entries[0].date_of_birth", code="x", message="Dòng 1: cũ.")])


def test_register_rows_are_corrected_by_row_and_checked_again():
    document = register_page()
    updated, errors, changed = apply_form(document, {"e1.date_of_birth": "01/02/2017", "e0.date_of_birth": "08/01/2016",
                                                     "e5.full_name": "KHÔNG CÓ DÒNG NÀY", "e1.sex": "khác"})
    assert changed == ["e1.date_of_birth"]
    assert errors == {"e1.sex": "Dòng 2, Giới tính: giới tính là Nam hoặc Nữ"}
    assert updated.entries[1]["date_of_birth"].value == "2017-02-01"
    assert updated.entries[1]["date_of_birth"].status == "ok"
    row_issues = [i for i in updated.issues if i.field and i.field.startswith("entries[1].")]
    assert row_issues and row_issues[0].message.startswith("Dòng 2:"), "born after registration"
    assert any(i.field == "entries[0].date_of_birth" for i in updated.issues), "other rows keep their issues"


def test_register_rows_are_shown_with_column_headers_and_boxes():
    from app.web.views import document_view
    from pipeline.models import ExtractionResult, PageResult

    result = ExtractionResult(source="so.png", sha256="0" * 64, documents=[register_page()],
                              pages=[PageResult(number=1, width=3508, height=2480, dpi=300)])
    view = document_view(result, 0, "f1.d0.", "/anh/{page}")
    assert [cell.label for cell in view.entries[0]][:3] == ["Số", "Ngày đăng ký", "Họ, chữ đệm, tên"]
    assert view.entries[0][0].name == "f1.d0.e0.number"
    assert view.entries[0][4].issues == ["Dòng 1: cũ."]
    assert len(view.pages[0].rows) == 11, "the book and every cell are drawn"
    assert field_label("birth_register", "registration_authority") == "Nơi đăng ký khai sinh"
