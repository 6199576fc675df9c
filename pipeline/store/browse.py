"""The browsable lists: current records and dossiers, paged, sorted and filtered (issue 15).

Filters and sort keys are tables (name → column), so a column added later (a dossier's procedure, state,
appointment: the life cycle's) is one line here. A dossier filter whose column the catalog does not have is
refused, not ignored.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from pipeline.store.catalog import SUBJECT_ROLES, Dossier, Person, Record
from pipeline.store.dossier import VIETNAM
from pipeline.store.views import RecordView

PER_PAGE_MAX = 200


def subject_name() -> Any:
    """The folded name of a record's main person, for sorting."""
    return (select(Person.name_folded)
            .where(Person.record_id == Record.id, Person.role.in_(SUBJECT_ROLES), Person.entry_index.is_(None))
            .order_by(Person.id).limit(1).scalar_subquery())


RECORD_SORTS: dict[str, Any] = {
    "created_at": lambda: Record.id,  # ids grow with time: the index, not a sort
    "name": subject_name,
    "number": lambda: Record.number,
    "schema": lambda: Record.schema_id,
    "status": lambda: Record.status,
    "registration_date": lambda: Record.registration_date,
}
RECORD_FILTERS: dict[str, Any] = {
    "schema": lambda v: Record.schema_id == v,
    "status": lambda v: Record.status == v,
    "officer": lambda v: Record.created_by == v,
    "needs_review": lambda v: Record.needs_review.is_(bool(v)),
}
DOSSIER_FILTERS = ("state", "procedure_id", "created_by")  # used when the catalog has the column
DOSSIER_SORTS = ("created_at", "code", "state", "procedure_id", "due_date", "applicant_name")


class Page(BaseModel):
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


class RecordPage(Page):
    records: list[RecordView] = Field(default_factory=list)


class DossierRow(BaseModel):
    """A dossier as the list shows it: its code, who and when, and the life-cycle columns the catalog has."""

    code: str
    unit_code: str
    created_by: str
    created_at: datetime
    extra: dict[str, Any] = Field(default_factory=dict)  # state, procedure_id, due_date… when present


class DossierPage(Page):
    dossiers: list[DossierRow] = Field(default_factory=list)


def day_bounds(since: str | date | None, until: str | date | None, column: Any) -> list[ColumnElement[bool]]:
    """``column`` within the Vietnam days ``since`` … ``until`` (both included)."""
    found = []
    if since:
        start = datetime.combine(date.fromisoformat(str(since)), time(), VIETNAM)
        found.append(column >= start)
    if until:
        end = datetime.combine(date.fromisoformat(str(until)) + timedelta(days=1), time(), VIETNAM)
        found.append(column < end)
    return found


def _paged(query: Select, page: int, per_page: int) -> Select:
    return query.offset((page - 1) * per_page).limit(per_page)


def clamp(page: int, per_page: int) -> tuple[int, int]:
    return max(1, page), min(max(1, per_page), PER_PAGE_MAX)


def record_page(session: Session, conditions: list[ColumnElement[bool]], filters: dict[str, Any], sort: str,
                descending: bool, page: int, per_page: int) -> RecordPage:
    unknown = set(filters) - set(RECORD_FILTERS)
    if unknown or sort not in RECORD_SORTS:
        raise ValueError(f"unknown filter or sort: {sorted(unknown) or sort}")
    where = [Record.is_current.is_(True), *conditions,
             *(RECORD_FILTERS[k](v) for k, v in filters.items() if v is not None and v != "")]
    total = session.scalar(select(func.count()).select_from(Record).where(*where)) or 0
    key = RECORD_SORTS[sort]()
    order = [key.desc() if descending else key.asc(), Record.id.desc() if descending else Record.id.asc()]
    rows = session.scalars(_paged(select(Record).where(*where).order_by(*order), page, per_page))
    return RecordPage(total=total, page=page, per_page=per_page,
                      records=[RecordView.model_validate(r) for r in rows])


def dossier_page(session: Session, unit_code: str | None, filters: dict[str, Any], since: str | None,
                 until: str | None, sort: str, descending: bool, page: int, per_page: int,
                 code_prefix: str | None = None) -> DossierPage:
    table = Dossier.__table__
    used = {k: v for k, v in filters.items() if v is not None and v != ""}
    missing = [k for k in used if k not in DOSSIER_FILTERS or k not in table.c]
    if missing or sort not in DOSSIER_SORTS or sort not in table.c:
        raise ValueError(f"unknown filter or sort: {missing or sort}")
    where = [table.c[k] == v for k, v in used.items()] + day_bounds(since, until, table.c.created_at)
    if unit_code:
        where.append(table.c.unit_code == unit_code)
    if code_prefix:
        where.append(table.c.code.startswith(code_prefix, autoescape=True))
    total = session.scalar(select(func.count()).select_from(table).where(*where)) or 0
    key = table.c[sort]
    query = select(table).where(*where).order_by(key.desc() if descending else key.asc(), table.c.code.desc())
    rows = session.execute(_paged(query, page, per_page)).mappings()
    base = {"code", "unit_code", "created_by", "created_at"}
    return DossierPage(total=total, page=page, per_page=per_page, dossiers=[
        DossierRow(**{k: row[k] for k in base}, extra={k: v for k, v in row.items() if k not in base})
        for row in rows])


def dossier_filters() -> list[str]:
    """The dossier filters this catalog offers (its columns)."""
    return [k for k in DOSSIER_FILTERS if k in Dossier.__table__.c]
