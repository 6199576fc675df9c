"""The review log behind the dashboard: what counts as accepted automatically and as corrected."""

from __future__ import annotations

from app.web.stats import ReviewLog, dashboard
from pipeline.models import Document, FieldValue
from pipeline.store.database import open_catalog


def doc(schema: str, entries=None, **fields) -> Document:
    return Document(schema=schema, pages=[1], needs_review=True, entries=entries or [],
                    fields={k: FieldValue(value=v[0], status=v[1]) for k, v in fields.items()})


def test_corrections_of_auto_accepted_fields_and_register_cells_are_counted(tmp_path):
    engine = open_catalog(f"sqlite:///{tmp_path / 'c.sqlite'}")
    log = ReviewLog(engine)
    extracted = doc("birth_certificate", full_name=("TRẦN VĂN A", "ok"), hometown=("xã Cấm Phả", "ok"),
                    number=("12", "review"))
    final = doc("birth_certificate", full_name=("TRẦN VĂN A", "ok"), hometown=("xã Cẩm Phả", "ok"),
                number=("13", "ok"))
    log.add(actor="t", source="intake", record_id=1, extracted=extracted, final=final)
    cell = FieldValue(value="NGUYỄN B", status="ok")
    register = doc("birth_register", book=("01/2016", "ok"), entries=[{"full_name": cell}, {"full_name": cell}])
    fixed = register.model_copy(update={"entries": [{"full_name": cell},
                                                    {"full_name": FieldValue(value="NGUYỄN C", status="ok")}]})
    log.add(actor="t", source="review", record_id=2, extracted=register, final=fixed)
    unknown = Document(schema="unknown", pages=[1], fields={}, needs_review=True)
    log.add(actor="t", source="review", record_id=3, extracted=unknown, final=doc("death_extract",
                                                                                   full_name=("LÊ D", "ok")))
    board = dashboard(engine)
    assert board.documents_reviewed == 3
    assert (board.fields_total, board.fields_auto_ok, board.auto_ok_corrected) == (7, 5, 2)
    assert round(board.auto_precision, 3) == round(1 - 2 / 5, 3)
    shares = {(f.schema_id, f.key): (f.checked, f.corrected) for f in board.fields}
    assert shares[("birth_certificate", "hometown")] == (1, 1)
    assert shares[("birth_certificate", "number")] == (1, 1)
    assert shares[("birth_register", "entries.full_name")] == (2, 1)
    assert shares[("death_extract", "full_name")] == (1, 1), "a hand-classified document: all keyed"
    engine.dispose()
