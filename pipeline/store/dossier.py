"""Dossier codes (Circular 01/2018/TT-VPCP art. 19): ``<unit code>-<YYMMDD>-<NNNN>``.

The sequence is per unit per day and comes from a counter row bumped by an upsert that returns the new
value, in a transaction that holds the row (PostgreSQL: the upsert's row lock; SQLite: ``BEGIN
IMMEDIATE``). Each code is also inserted into ``dossiers`` whose primary key is the code: a duplicate
could not be committed even if the counter logic were wrong.

A dossier's life cycle lives in the same row (state, procedure, applicant, papers, appointment) and in
``dossier_steps``: ``record_step`` moves the state only from the state the step was allowed from (an UPDATE
guarded by it, so two officers cannot take conflicting steps at once) and, in the same transaction, writes
the step and an audit event ``dossier_step``. Which steps are allowed is the web app's table
(``app/counter/lifecycle.py``); this module only keeps what happened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Engine, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from pipeline.store.audit import event_insert, now
from pipeline.store.catalog import Dossier, DossierCounter, DossierStep

VIETNAM = timezone(timedelta(hours=7))
MAX_SEQUENCE = 9999
# QCVN 102:2016 unit code, e.g. 000.00.00.H49 (verify: the shape may change after Decree 118/2025)
UNIT_CODE = re.compile(r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$")
DOSSIER_CODE = re.compile(r"^(?P<unit>.+)-(?P<day>\d{6})-(?P<seq>\d{4})$")


class DossierCodeExhausted(RuntimeError):
    pass


def today_vietnam() -> date:
    return datetime.now(VIETNAM).date()


def format_code(unit_code: str, day: date, sequence: int) -> str:
    return f"{unit_code}-{day:%y%m%d}-{sequence:04d}"


def next_dossier_code(engine: Engine, unit_code: str, day: date | None = None, actor: str = "system") -> str:
    """Reserves and returns the next dossier code for ``unit_code`` on ``day`` (Vietnam time, today)."""
    if not UNIT_CODE.match(unit_code):
        raise ValueError(f"mã đơn vị không đúng dạng QCVN 102:2016 (VD 000.00.00.H49): {unit_code!r}")
    day = day or today_vietnam()
    day_text = f"{day:%y%m%d}"
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    table = DossierCounter.__table__
    upsert = dialect.insert(table).values(unit_code=unit_code, day=day_text, last_seq=1)
    upsert = upsert.on_conflict_do_update(
        index_elements=[table.c.unit_code, table.c.day],
        set_={"last_seq": table.c.last_seq + 1},
    ).returning(table.c.last_seq)
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
        sequence = conn.execute(upsert).scalar_one()
        if sequence > MAX_SEQUENCE:
            raise DossierCodeExhausted(f"hết số hồ sơ trong ngày {day:%d/%m/%Y} cho đơn vị {unit_code}")
        code = format_code(unit_code, day, sequence)
        conn.execute(
            Dossier.__table__.insert().values(code=code, unit_code=unit_code, created_by=actor, created_at=now())
        )
        conn.execute(event_insert(actor, "dossier_code", detail={"code": code}))
    return code


# -- the life cycle ---------------------------------------------------------------------------------
class PaperState(BaseModel):
    received: bool = False  # handed in at the counter
    checked: bool = False  # checked by the appraiser


class DossierCase(BaseModel):
    """A dossier's row: who applies for what, its state and its appointment."""

    code: str
    unit_code: str
    created_by: str
    created_at: datetime
    state: str
    procedure_id: str | None = None
    applicant_name: str | None = None
    applicant_personal_id: str | None = None
    applicant_contact: str | None = None
    papers: dict[str, PaperState] = Field(default_factory=dict)
    received_at: datetime | None = None
    due_date: date | None = None


class StepRow(BaseModel):
    id: int
    dossier_code: str
    step: str
    from_state: str
    to_state: str
    actor: str
    actor_name: str
    at: datetime
    note: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)
    digest: str
    acknowledgement: str
    signature: str | None = None  # the officer's detached CMS over ``record()`` (base64 DER), migration 0010
    signer_subject: str | None = None

    def record(self) -> dict[str, Any]:
        """What the digest is taken over (``app/counter/acknowledgement.py``)."""
        return step_record(self.dossier_code, self.step, self.from_state, self.to_state, self.actor,
                           self.actor_name, self.at, self.note, self.detail)


def utc_text(moment: datetime) -> str:
    """One spelling of a time whatever the database gives back (SQLite: naive UTC; PostgreSQL: aware)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def step_record(code: str, step: str, from_state: str, to_state: str, actor: str, actor_name: str,
                at: datetime, note: str | None, detail: dict[str, Any]) -> dict[str, Any]:
    return {"dossier": code, "step": step, "from": from_state, "to": to_state, "actor": actor,
            "actor_name": actor_name, "at": utc_text(at), "note": note, "detail": detail}


class StaleState(RuntimeError):
    """The dossier was no longer in the state the step starts from (another officer moved it)."""


CASE_COLUMNS = ("state", "procedure_id", "applicant_name", "applicant_personal_id", "applicant_contact",
                "papers", "received_at", "due_date")


def _case(row) -> DossierCase:
    values = dict(row)
    values["papers"] = values.get("papers") or {}
    values["due_date"] = date.fromisoformat(values["due_date"]) if values.get("due_date") else None
    return DossierCase.model_validate(values)


def _columns(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(CASE_COLUMNS)
    if unknown:
        raise ValueError(f"not a dossier column: {sorted(unknown)}")
    out = dict(values)
    if isinstance(out.get("due_date"), date):
        out["due_date"] = out["due_date"].isoformat()
    if "papers" in out and out["papers"] is not None:
        out["papers"] = {k: PaperState.model_validate(v).model_dump() for k, v in out["papers"].items()}
    return out


def get_case(engine: Engine, code: str) -> DossierCase | None:
    table = Dossier.__table__
    with engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.code == code)).mappings().first()
    return _case(row) if row else None


def list_cases(engine: Engine, unit_code: str, states: Iterable[str] | None = None,
               limit: int = 200) -> list[DossierCase]:
    """A unit's dossiers (in the given states), newest first."""
    table = Dossier.__table__
    query = select(table).where(table.c.unit_code == unit_code).order_by(table.c.created_at.desc()).limit(limit)
    if states is not None:
        query = query.where(table.c.state.in_(list(states)))
    with engine.connect() as conn:
        return [_case(row) for row in conn.execute(query).mappings()]


def update_case(engine: Engine, code: str, state: str, values: dict[str, Any], actor: str) -> None:
    """Sets the dossier's details while it is in ``state`` (``StaleState`` otherwise); audited."""
    table = Dossier.__table__
    with engine.begin() as conn:
        done = conn.execute(update(table).where(table.c.code == code, table.c.state == state)
                            .values(**_columns(values), updated_at=now()))
        if done.rowcount != 1:
            raise StaleState(code)
        conn.execute(event_insert(actor, "dossier_details", detail={"code": code, "fields": sorted(values)}))


def record_step(engine: Engine, row: StepRow, values: dict[str, Any] | None = None) -> StepRow:
    """Writes the step (``row.id`` is ignored) and moves the dossier from ``row.from_state`` to
    ``row.to_state`` with ``values`` set, in one transaction; ``StaleState`` when it was not in
    ``row.from_state`` any more."""
    table, steps = Dossier.__table__, DossierStep.__table__
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
        done = conn.execute(update(table).where(table.c.code == row.dossier_code, table.c.state == row.from_state)
                            .values(**_columns(values or {}), state=row.to_state, updated_at=now()))
        if done.rowcount != 1:
            raise StaleState(row.dossier_code)
        fields = row.model_dump(exclude={"id"})
        new_id = conn.execute(insert(steps).values(**fields).returning(steps.c.id)).scalar_one()
        conn.execute(event_insert(row.actor, "dossier_step", detail={
            "code": row.dossier_code, "step": row.step, "from": row.from_state, "to": row.to_state,
            "digest": row.digest}))
    return row.model_copy(update={"id": new_id})


def list_steps(engine: Engine, code: str) -> list[StepRow]:
    steps = DossierStep.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(steps).where(steps.c.dossier_code == code).order_by(steps.c.id)).mappings()
        return [StepRow.model_validate({**row, "detail": row["detail"] or {}}) for row in rows]
