"""The live dashboard's figures (issue 15, build 8) from a real catalog: dossiers received, in progress, due
today, overdue, returned on time per procedure and per officer, and accepted values corrected later."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.web.live import live_board
from app.web.stats import ReviewLog
from pipeline.store.database import open_catalog
from pipeline.store.dossier import StepRow, next_dossier_code, record_step, update_case
from pipeline.store.objects import LocalObjectStore
from pipeline.store.repository import Repository
from tests.pipeline.store.samples import birth_certificate, result

UNIT = "000.00.12.H49"
TODAY = date(2027, 2, 15)  # a Monday, after Tết


def _dossier(engine, officer: str, procedure: str, due: date, steps: list[tuple[str, str, str, datetime]]) -> str:
    """A dossier taken in by ``officer`` for ``procedure``, due on ``due``, moved through ``steps`` (step, from
    state, to state, when)."""
    code = next_dossier_code(engine, UNIT, day=date(2027, 2, 1), actor=officer)
    update_case(engine, code, "moi_tiep_nhan", {"procedure_id": procedure, "due_date": due}, officer)
    for step, source, target, at in steps:
        record_step(engine, StepRow(id=0, dossier_code=code, step=step, from_state=source, to_state=target,
                                    actor=officer, actor_name=officer, at=at, digest="-", acknowledgement="-"))
    return code


def _catalog(tmp_path):
    """A fresh catalog with the app's review log, as the app opens it."""
    engine = open_catalog(f"sqlite:///{tmp_path / 'catalog.sqlite'}")
    ReviewLog(engine)
    return engine


def _at(day: int) -> datetime:
    return datetime(2027, 2, day, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam


def test_dossiers_due_overdue_and_returned_on_time_per_procedure_and_officer(tmp_path):
    engine = _catalog(tmp_path)
    taken = ("tiep_nhan", "moi_tiep_nhan", "dang_tham_dinh", _at(1))
    signed = [taken, ("tham_dinh", "dang_tham_dinh", "cho_phe_duyet", _at(2)),
              ("ky_so", "cho_phe_duyet", "da_ky_so", _at(3))]
    _dossier(engine, "web:a", "dang_ky_khai_sinh", date(2027, 2, 12), [taken])  # overdue
    _dossier(engine, "web:b", "dang_ky_khai_sinh", TODAY, [taken])  # due today
    _dossier(engine, "web:a", "dang_ky_khai_tu", date(2027, 2, 11),  # returned a day early
             [*signed, ("tra_ket_qua", "da_ky_so", "da_tra_ket_qua", _at(10))])
    _dossier(engine, "web:b", "dang_ky_khai_tu", date(2027, 2, 5),  # returned late
             [*signed, ("tra_ket_qua", "da_ky_so", "da_tra_ket_qua", _at(9))])
    _dossier(engine, "web:a", "dang_ky_khai_tu", date(2027, 2, 5),  # cancelled: neither open nor returned
             [("huy", "moi_tiep_nhan", "da_huy", _at(2))])
    digitized = next_dossier_code(engine, UNIT, day=date(2027, 2, 1), actor="web:a")  # no procedure: done once signed
    record_step(engine, StepRow(id=0, dossier_code=digitized, step="so_hoa", from_state="moi_tiep_nhan",
                                to_state="da_ky_so", actor="web:a", actor_name="web:a", at=_at(3), digest="-",
                                acknowledgement="-"))

    board = live_board(engine, {"officer": {"web:a": "Nguyễn Thị Lan"}}, today=TODAY)
    assert (board.received, board.in_progress, board.due_today, board.overdue) == (6, 2, 1, 1)
    digitizing = {row.key: row for row in board.by_procedure}["—"]
    assert (digitizing.open, digitizing.returned) == (0, 0), "a digitized dossier is done once signed"
    assert (board.returned, board.returned_on_time, board.on_time_rate) == (2, 1, 0.5)
    procedures = {row.key: row for row in board.by_procedure}
    assert (procedures["dang_ky_khai_sinh"].open, procedures["dang_ky_khai_sinh"].overdue) == (2, 1)
    assert (procedures["dang_ky_khai_tu"].returned, procedures["dang_ky_khai_tu"].rate) == (2, 0.5)
    officers = {row.key: row for row in board.by_officer}
    assert officers["web:a"].label == "Nguyễn Thị Lan" and officers["web:b"].label == "web:b"
    assert (officers["web:a"].open, officers["web:a"].overdue, officers["web:a"].rate) == (1, 1, 1.0)
    assert (officers["web:b"].open, officers["web:b"].overdue, officers["web:b"].rate) == (1, 0, 0.0)
    engine.dispose()


def test_accepted_values_corrected_later_are_counted_and_a_signed_copy_is_not(tmp_path):
    engine = _catalog(tmp_path)
    repo = Repository(LocalObjectStore(tmp_path / "objects"), engine, unit_code=UNIT)
    [first] = repo.put(result("ks.pdf", birth_certificate()), actor="web:a", status="extracted")
    reviewed = repo.supersede(first.id, birth_certificate(), actor="web:a", reason="kiểm tra", status="reviewed")
    assert live_board(engine, today=TODAY).corrected_later == 0, "the officer's own review is no later correction"
    current = repo.attach_signed(reviewed.id, b"%PDF-1.7 signed", actor="web:a")
    assert live_board(engine, today=TODAY).corrected_later == 0, "a signed copy attached changes no value"
    later = repo.supersede(current.id, birth_certificate(name="NGUYỄN THỊ THU HƯỜNG"), actor="web:b",
                           reason="cải chính")
    assert later.version == 4
    assert live_board(engine, today=TODAY).corrected_later == 1
    repo.close()
