"""A dossier's life cycle in the catalog, on SQLite and PostgreSQL: details set while in a state, a step
moves the state only from the state it starts from (a second, conflicting step fails), each step is audited,
and the steps are append-only."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from pipeline.store.database import open_catalog
from pipeline.store.dossier import (
    StaleState,
    StepRow,
    get_case,
    list_cases,
    list_steps,
    next_dossier_code,
    record_step,
    update_case,
)

UNIT = "000.00.00.H49"


def step(code: str, name: str, source: str, target: str) -> StepRow:
    return StepRow(id=0, dossier_code=code, step=name, from_state=source, to_state=target, actor="web:a",
                   actor_name="Nguyễn Văn A", at=datetime(2027, 2, 3, 2, 0, 0, 123456, tzinfo=UTC), note="ghi chú",
                   detail={"due_date": "2027-02-15"}, digest="d" * 64, acknowledgement="a" * 64)


def test_steps_move_the_state_once_and_are_append_only(catalog_url):
    engine = open_catalog(catalog_url)
    code = next_dossier_code(engine, UNIT, date(2027, 2, 3))
    case = get_case(engine, code)
    assert case.state == "moi_tiep_nhan" and case.procedure_id is None and case.papers == {}
    update_case(engine, code, "moi_tiep_nhan", {"applicant_name": "Nguyễn Văn An", "procedure_id": "dang_ky_khai_tu",
                                                "papers": {"to_khai": {"received": True}}}, actor="web:a")
    with pytest.raises(StaleState):
        update_case(engine, code, "dang_tham_dinh", {"applicant_name": "X"}, actor="web:a")
    recorded = record_step(engine, step(code, "tiep_nhan", "moi_tiep_nhan", "dang_tham_dinh"),
                           {"due_date": date(2027, 2, 15)})
    assert recorded.id > 0
    with pytest.raises(StaleState):  # the same step again: the dossier is no longer new
        record_step(engine, step(code, "tiep_nhan", "moi_tiep_nhan", "dang_tham_dinh"))
    case = get_case(engine, code)
    assert case.state == "dang_tham_dinh" and case.due_date == date(2027, 2, 15)
    assert case.papers["to_khai"].received and not case.papers["to_khai"].checked
    assert [c.code for c in list_cases(engine, UNIT, ["dang_tham_dinh"])] == [code]
    [stored] = list_steps(engine, code)
    assert stored.record() == recorded.record(), "the record reads back the same (what the digest covers)"
    with engine.connect() as conn:
        actions = [r[0] for r in conn.execute(sa.text("SELECT action FROM audit_events ORDER BY id"))]
    assert actions.count("dossier_step") == 1 and "dossier_details" in actions
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM dossier_steps"))
    engine.dispose()
