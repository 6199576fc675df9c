"""The handwritten register section of the evaluation, on a tiny hand-made prediction and truth."""

from pathlib import Path

from pipeline.evaluation.handwritten import handwritten_stats
from pipeline.evaluation.report import build_system_report
from pipeline.evaluation.scoring import score_file
from pipeline.evaluation.truth import Case, Truth
from pipeline.models import CellReading, Document, ExtractionResult, FieldValue


def _cell(value: str, status: str, text: str) -> FieldValue:
    return FieldValue(value=value, confidence=0.9, status=status, reading=CellReading(text=text, probability=0.9))


def test_constrained_value_best_string_ok_and_keystrokes_per_field():
    truth = Truth.model_validate({"source": "a.png", "tier": "handwritten", "pages": [{"number": 1}], "documents": [
        {"schema": "birth_register", "pages": [1], "family": "br-hand-heldout", "fields": {},
         "entries": [{"number": "12", "sex": "male", "date_of_birth": "1990-03-05"},
                     {"number": "13", "sex": "female", "date_of_birth": "1990-04-01"}],
         "written": [{"number": "12", "sex": "Nam", "date_of_birth": "5/3/1990"},
                     {"number": "13", "sex": "Nữ", "date_of_birth": "01/04/1990"}]}]})
    predicted = Document(schema="birth_register", pages=[1], entries=[
        {"number": _cell("12", "ok", "12"), "sex": _cell("male", "ok", "Nam"),
         "date_of_birth": _cell("1990-03-05", "review", "5/3/1990")},
        {"number": _cell("13", "ok", "1З"), "sex": _cell("male", "ok", "Nu"),
         "date_of_birth": _cell("1990-04-07", "review", "01/04/1900")}])
    score = score_file(Case(input_path=Path("a.png"), truth=truth),
                       ExtractionResult(source="a.png", sha256="0", documents=[predicted]), 1.0)
    stats = handwritten_stats([score])
    assert list(stats) == ["heldout"]
    assert list(stats["heldout"]) == ["number", "sex", "date_of_birth", "all"]
    sex, number, every = stats["heldout"]["sex"], stats["heldout"]["number"], stats["heldout"]["all"]
    assert (sex.cells, sex.constrained_right, sex.best_string_right, sex.ok_cells, sex.ok_wrong) == (2, 0.5, 0.5, 2, 1)
    assert sex.ok_precision == 0.5
    assert number.best_string_right == 0.5 and number.best_string_value_right == 0.5
    assert stats["heldout"]["date_of_birth"].best_string_value_right == 0.5  # "5/3/1990" parses to the truth
    assert every.cells == 6 and every.entries == 2 and every.ok_coverage == 4 / 6
    # Typing: 3+4+9 and 3+3+11 keys; with suggestions a right one costs Enter, a wrong one all its keys.
    assert every.keys_typing_everything == (16 + 17) / 2
    assert every.keys_with_suggestions == (1 + 1 + 1 + 1 + 3 + 11) / 2
    assert every.keys_ok_unseen == (0 + 0 + 1 + 0 + 0 + 11) / 2
    assert build_system_report("sohoa", [score], 1.0, 1).handwritten["heldout"]["all"].cells == 6


def test_no_handwritten_documents_no_section():
    truth = Truth.model_validate({"source": "a.png", "documents": [
        {"schema": "birth_register", "pages": [1], "family": "br-2016", "entries": [{"number": "1"}]}]})
    score = score_file(Case(input_path=Path("a.png"), truth=truth), None, 1.0)
    assert handwritten_stats([score]) == {}
