"""Scoring on tiny hand-made predictions and truths: matching, silent errors, coverage, precision, CER."""

from pathlib import Path

from pipeline.evaluation.metrics import compute_metrics, metrics_by_schema, metrics_by_tier, stats_by_field
from pipeline.evaluation.scoring import score_file
from pipeline.evaluation.truth import Case, Truth
from pipeline.models import Document, ExtractionResult, FieldValue, PageResult


def _case(documents: list[dict], pages: int = 1, tier: str = "clean") -> Case:
    truth = Truth.model_validate(
        {
            "source": "a.png",
            "tier": tier,
            "pages": [{"number": n, "text": f"trang {n}"} for n in range(1, pages + 1)],
            "documents": documents,
        }
    )
    return Case(input_path=Path("a.png"), truth=truth)


def _result(documents: list[Document], texts: list[str] | None = None) -> ExtractionResult:
    pages = [PageResult(number=i + 1, width=10, height=10, dpi=300, text=t) for i, t in enumerate(texts or [])]
    return ExtractionResult(source="a.png", sha256="0", pages=pages, documents=documents)


def _ok(value: object) -> FieldValue:
    return FieldValue(value=value, confidence=0.99, status="ok")


def _review(value: object) -> FieldValue:
    return FieldValue(value=value, confidence=0.3, status="review")


DEATH_TRUTH = {
    "schema": "death_extract",
    "pages": [1],
    "fields": {
        "full_name": "NGUYỄN VĂN HÒA",
        "date_of_birth": "1950-02-05",
        "sex": "male",
        "ethnicity": "Kinh",
        "personal_id": None,
    },
}


def test_counts_correct_values_silent_errors_coverage_and_precision() -> None:
    predicted = Document(
        schema="death_extract",
        pages=[1],
        fields={
            "full_name": _ok("NGUYỄN VĂN HOÀ"),  # other tone style: correct
            "date_of_birth": _ok("1950-05-02"),  # wrong and ok: a silent error
            "sex": _review("male"),  # correct but sent to review
            "ethnicity": _review("Kinh"),
            "personal_id": _ok("022050001234"),  # truth null, ok value: a silent error
            "cause_of_death": _ok("Bệnh"),  # a field the truth does not know of: not scored
        },
    )
    score = score_file(_case([DEATH_TRUTH]), _result([predicted]), seconds=2.0)
    doc = score.documents[0]
    assert doc.classified
    by_key = {o.key: o for o in doc.fields}
    assert set(by_key) == {"full_name", "date_of_birth", "sex", "ethnicity", "personal_id"}
    assert by_key["full_name"].correct and not by_key["full_name"].silent_error
    assert by_key["date_of_birth"].silent_error
    assert by_key["personal_id"].silent_error and by_key["personal_id"].truth is None
    assert by_key["sex"].correct and not by_key["sex"].accepted

    m = compute_metrics([score])
    assert (m.fields, m.fields_correct) == (5, 3)
    assert m.accepted == 3 and m.accepted_correct == 1 and m.silent_errors == 2
    assert m.coverage == 3 / 5
    assert m.precision == 1 / 3
    assert m.field_accuracy == 3 / 5
    assert m.classification_accuracy == 1.0


def test_null_truth_with_review_or_null_prediction_is_not_counted() -> None:
    predicted = Document(
        schema="death_extract",
        pages=[1],
        fields={"personal_id": _review("022050001234"), "full_name": _ok(None)},
    )
    score = score_file(_case([DEATH_TRUTH]), _result([predicted]), seconds=1.0)
    by_key = {o.key: o for o in score.documents[0].fields}
    assert "personal_id" not in by_key
    assert not by_key["full_name"].accepted  # a null value is not an accepted value
    assert compute_metrics([score]).silent_errors == 0


def test_missing_document_counts_as_classification_miss_and_all_fields_wrong() -> None:
    other = {"schema": "citizen_id_card", "pages": [2], "fields": {"personal_id": "022180001234"}}
    predicted = Document(schema="death_extract", pages=[1], fields={"full_name": _ok("NGUYỄN VĂN HÒA")})
    score = score_file(_case([DEATH_TRUTH, other], pages=2), _result([predicted]), seconds=1.0)
    m = compute_metrics([score])
    assert (m.documents, m.classified) == (2, 1)
    assert m.classification_accuracy == 0.5
    card = metrics_by_schema([score])["citizen_id_card"]
    assert (card.documents, card.classified, card.fields, card.fields_correct) == (1, 0, 1, 0)


def test_wrong_schema_is_a_miss_and_its_ok_values_are_silent_errors() -> None:
    predicted = Document(schema="birth_certificate", pages=[1], fields={"full_name": _ok("NGUYỄN VĂN HÒA")})
    score = score_file(_case([DEATH_TRUTH]), _result([predicted]), seconds=1.0)
    doc = score.documents[0]
    assert not doc.classified and doc.predicted_schema == "birth_certificate"
    m = compute_metrics([score])
    assert m.fields_correct == 0
    assert m.silent_errors == 1  # the value went into a record of the wrong type without review
    assert [o.schema_id for o in score.outcomes() if o.silent_error] == ["birth_certificate"]


def test_spurious_document_is_counted_and_its_ok_values_are_silent_errors() -> None:
    predicted = [
        Document(schema="death_extract", pages=[1], fields={"full_name": _ok("NGUYỄN VĂN HÒA")}),
        Document(schema="citizen_id_card", pages=[2], fields={"personal_id": _ok("022180001234")}),
    ]
    score = score_file(_case([DEATH_TRUTH], pages=2), _result(predicted), seconds=1.0)
    m = compute_metrics([score])
    assert m.spurious == 1 and m.silent_errors == 1 and m.classification_accuracy == 1.0


def test_unknown_document_on_a_page_outside_the_schemas_is_not_spurious() -> None:
    # Page 1 is an application form (no schema: no truth document); saying "unknown" of it is right.
    predicted = [
        Document(schema="unknown", pages=[1]),
        Document(schema="death_extract", pages=[2], fields={"full_name": _ok("NGUYỄN VĂN HÒA")}),
    ]
    truth = {**DEATH_TRUTH, "pages": [2]}
    m = compute_metrics([score_file(_case([truth], pages=2), _result(predicted), seconds=1.0)])
    assert m.spurious == 0 and m.classification_accuracy == 1.0
    # Calling that page a schema's document is spurious.
    predicted[0] = Document(schema="birth_certificate", pages=[1])
    m = compute_metrics([score_file(_case([truth], pages=2), _result(predicted), seconds=1.0)])
    assert m.spurious == 1


def test_documents_are_matched_by_page_overlap_and_schema() -> None:
    first = {"schema": "death_extract", "pages": [1], "fields": {"full_name": "A"}}
    second = {"schema": "death_extract", "pages": [2, 3], "fields": {"full_name": "B"}}
    predicted = [
        Document(schema="death_extract", pages=[2, 3], fields={"full_name": _ok("B")}),
        Document(schema="death_extract", pages=[1], fields={"full_name": _ok("A")}),
    ]
    score = score_file(_case([first, second], pages=3), _result(predicted), seconds=3.0)
    assert [d.predicted_pages for d in score.documents] == [[1], [2, 3]]
    assert compute_metrics([score]).fields_correct == 2
    assert [d.seconds for d in score.documents] == [1.0, 2.0]


def test_register_rows_are_matched_by_number_then_order() -> None:
    truth = {
        "schema": "birth_register",
        "pages": [1],
        "fields": {"book": "01/2024"},
        "entries": [
            {"number": "1", "full_name": "LÊ AN", "sex": "male"},
            {"number": "2", "full_name": "LÊ BÌNH", "sex": "female"},
            {"number": "3", "full_name": "LÊ CHI", "sex": "female"},
        ],
    }
    predicted = Document(
        schema="birth_register",
        pages=[1],
        fields={"book": _ok("01/2024")},
        entries=[
            {"number": _ok("2"), "full_name": _ok("LÊ BÌNH"), "sex": _ok("female")},
            {"number": _review("l"), "full_name": _review("LÊ AN"), "sex": _ok("female")},
        ],
    )
    score = score_file(_case([truth]), _result([predicted]), seconds=1.0)
    m = compute_metrics([score])
    assert (m.fields, m.fields_correct) == (1, 1)
    # row "2" by number (3 correct), row "1" by order with the second predicted row (full_name only),
    # row "3" not predicted.
    assert (m.row_fields, m.row_fields_correct) == (9, 4)
    assert m.row_field_accuracy == 4 / 9
    assert m.silent_errors == 1  # sex of row 1 marked ok and wrong
    stats = stats_by_field([score])["birth_register"]
    assert (stats["entries.sex"].counted, stats["entries.sex"].correct, stats["entries.sex"].silent_errors) == (3, 1, 1)
    assert stats["book"].accuracy == 1.0


def test_a_register_number_under_review_does_not_pair_rows() -> None:
    # Row 3 read its number "2" (sent to review): pairing by that number would take row 2's truth.
    truth = {
        "schema": "birth_register",
        "pages": [1],
        "fields": {},
        "entries": [
            {"number": "1", "full_name": "LÊ AN"},
            {"number": "2", "full_name": "LÊ BÌNH"},
            {"number": "3", "full_name": "LÊ CHI"},
        ],
    }
    predicted = Document(
        schema="birth_register",
        pages=[1],
        entries=[
            {"number": _ok("1"), "full_name": _ok("LÊ AN")},
            {"number": _review("7"), "full_name": _ok("LÊ BÌNH")},
            {"number": _review("2"), "full_name": _ok("LÊ CHI")},
        ],
    )
    m = compute_metrics([score_file(_case([truth]), _result([predicted]), seconds=1.0)])
    assert m.silent_errors == 0
    assert (m.row_fields, m.row_fields_correct) == (6, 4)  # the two numbers under review are wrong


def test_character_error_rate_uses_edit_distance_on_collapsed_text() -> None:
    case = _case([DEATH_TRUTH], pages=2)
    score = score_file(case, _result([], texts=["trang  1", "trang 7"]), seconds=4.0)
    assert [p.edits for p in score.pages] == [0, 1]
    m = compute_metrics([score])
    assert m.cer == 1 / 14
    assert m.pages_per_second == 0.5
    assert m.classification_accuracy == 0.0


def test_failed_file_counts_everything_as_missed() -> None:
    score = score_file(_case([DEATH_TRUTH]), None, seconds=0.1, error="bad input: empty")
    m = metrics_by_tier([score])["clean"]
    assert m.classified == 0 and m.fields == 4 and m.fields_correct == 0 and m.cer == 1.0
    assert m.pages == 1 and m.timed_pages == 0 and m.pages_per_second is None
