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


def test_only_the_fields_a_person_checked_count_as_unchanged(tmp_path):
    """Issue 15, defect 3: accepting a record counted every automatically accepted field as checked and
    unchanged; a field nobody looked at says nothing of the extraction's precision."""
    engine = open_catalog(f"sqlite:///{tmp_path / 'c.sqlite'}")
    log = ReviewLog(engine)
    extracted = doc("birth_certificate", full_name=("TRẦN VĂN A", "ok"), hometown=("xã Cấm Phả", "ok"),
                    father_name=("TRẦN VĂN B", "ok"), number=("12", "review"))
    final = doc("birth_certificate", full_name=("TRẦN VĂN A", "ok"), hometown=("xã Cẩm Phả", "ok"),
                father_name=("TRẦN VĂN B", "ok"), number=("12", "ok"))
    log.add(actor="t", source="review", record_id=1, extracted=extracted, final=final, checked={"number"})
    board = dashboard(engine)
    assert (board.fields_auto_ok, board.auto_ok_checked, board.auto_ok_corrected) == (3, 1, 1)
    assert board.auto_precision == 0.0, "the one automatically accepted field looked at (typed) was wrong"
    assert round(board.auto_checked_share, 3) == round(1 / 3, 3)
    shares = {f.key: f.checked for f in board.fields}
    assert shares == {"number": 1, "hometown": 1}, "full_name and father_name were never seen"

    from app.web.live import live_board

    live = live_board(engine)
    assert (live.fields_auto_ok, live.auto_ok_checked, live.auto_unseen) == (3, 1, 2)
    assert live.auto_corrected_share == 1.0 and live.auto_unchanged_share == 0.0
    screen = live.for_screen()
    assert screen["auto_unseen"] == 2 and screen["auto_checked_share"] == board.auto_checked_share
    engine.dispose()


def test_an_older_review_table_gains_the_column_and_its_rows_count_as_before(tmp_path):
    from sqlalchemy import text

    engine = open_catalog(f"sqlite:///{tmp_path / 'c.sqlite'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE web_reviews (id INTEGER PRIMARY KEY, at TIMESTAMP NOT NULL, actor VARCHAR(128) "
                          "NOT NULL, source VARCHAR(16) NOT NULL, record_id INTEGER, schema_id VARCHAR(64) NOT NULL, "
                          "fields_total INTEGER NOT NULL, fields_auto_ok INTEGER NOT NULL, checked JSON NOT NULL, "
                          "corrected JSON NOT NULL, auto_ok_corrected INTEGER NOT NULL)"))
        conn.execute(text("INSERT INTO web_reviews VALUES (1, '2026-01-05 08:00:00', 't', 'review', 1, "
                          "'birth_certificate', 4, 4, '[]', '[]', 0)"))
    ReviewLog(engine).add(actor="t", source="review", record_id=2, extracted=doc("birth_certificate",
                          full_name=("A", "ok")), final=doc("birth_certificate", full_name=("A", "ok")), checked=())
    board = dashboard(engine)
    assert (board.fields_auto_ok, board.auto_ok_checked) == (5, 4), "the old row as it was counted; the new unseen"
    engine.dispose()


def test_form_names_of_register_cells_are_named_as_the_log_names_them():
    from app.web.stats import entry_form_name

    assert entry_form_name("e3.full_name") == "entries[3].full_name"
    assert entry_form_name("full_name") == "full_name"
    assert entry_form_name("expiry_date") == "expiry_date"
