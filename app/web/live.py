"""What the real-time dashboard shows (issue 15): the dossiers' flow from the catalog's ``dossiers`` and
``dossier_steps`` (received, in progress, due today, overdue, returned on time per procedure and per
officer), the quality of extraction from ``web_reviews`` (fields accepted automatically, and of those the
ones a person changed) and from the records' versions (accepted values corrected later), and the pages
digitized per day. ``live_board`` reads it all in one pass of small aggregate queries; the server pushes it
to the open dashboards as server-sent events (``routes/supervision.py``) whenever it changes.

A dossier column the catalog does not have (an older catalog) counts as empty, so the board works before and
after the life cycle's migration.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from pydantic import BaseModel, Field
from sqlalchemy import Engine, and_, func, select

from app.web.dossier_time import VIETNAM
from app.web.stats import reviews_table
from pipeline.store.catalog import Dossier, DossierStep, Record

CLOSED_STATES = ("da_tra_ket_qua", "tu_choi", "da_huy")  # app/counter/lifecycle.py: CLOSED
RETURNED_STEP = "tra_ket_qua"
DIGITIZED = "da_ky_so"  # a dossier without a procedure ends here (the counter's step so_hoa)
LATER_STATUSES = ("reviewed", "signed", "stored")  # a version a person had accepted


class OnTime(BaseModel):
    """Dossiers returned, and how many by their appointment date, for one procedure or one officer."""

    key: str
    label: str = ""  # the procedure's name, the officer's full name
    returned: int = 0
    on_time: int = 0
    open: int = 0
    overdue: int = 0

    @property
    def rate(self) -> float | None:
        return self.on_time / self.returned if self.returned else None


class PagesOnDay(BaseModel):
    day: date
    pages: int
    documents: int


class LiveBoard(BaseModel):
    day: date  # today, Vietnam time
    received: int = 0  # all dossiers
    received_today: int = 0
    in_progress: int = 0  # not returned, refused or cancelled
    due_today: int = 0
    overdue: int = 0
    returned: int = 0
    returned_on_time: int = 0
    approved: int = 0  # documents accepted by a person (counter or review queue)
    fields_total: int = 0
    fields_auto_ok: int = 0
    auto_ok_checked: int = 0  # accepted automatically, and checked by a person (the rest went through unseen)
    auto_ok_corrected: int = 0  # accepted automatically by extraction, changed by the person who checked
    corrected_later: int = 0  # versions that changed values a person had already accepted
    by_procedure: list[OnTime] = Field(default_factory=list)
    by_officer: list[OnTime] = Field(default_factory=list)
    pages_per_day: list[PagesOnDay] = Field(default_factory=list)

    @property
    def on_time_rate(self) -> float | None:
        return self.returned_on_time / self.returned if self.returned else None

    @property
    def auto_share(self) -> float | None:
        return self.fields_auto_ok / self.fields_total if self.fields_total else None

    @property
    def auto_unseen(self) -> int:
        """Fields accepted automatically that nobody checked (accepted with their document, blindly)."""
        return self.fields_auto_ok - self.auto_ok_checked

    @property
    def auto_checked_share(self) -> float | None:
        return self.auto_ok_checked / self.fields_auto_ok if self.fields_auto_ok else None

    @property
    def auto_corrected_share(self) -> float | None:
        """Of the automatically accepted fields a person checked, the share they had to correct."""
        return self.auto_ok_corrected / self.auto_ok_checked if self.auto_ok_checked else None

    @property
    def auto_unchanged_share(self) -> float | None:
        """Of the automatically accepted fields a person checked, the share left unchanged."""
        share = self.auto_corrected_share
        return None if share is None else 1 - share

    def for_screen(self) -> dict[str, object]:
        """The board with its rates, as the page's script receives it."""
        data = self.model_dump(mode="json")
        data.update(on_time_rate=self.on_time_rate, auto_share=self.auto_share, auto_unseen=self.auto_unseen,
                    auto_checked_share=self.auto_checked_share, auto_corrected_share=self.auto_corrected_share,
                    auto_unchanged_share=self.auto_unchanged_share)
        for group in ("by_procedure", "by_officer"):
            for row, model in zip(data[group], getattr(self, group), strict=True):
                row["rate"] = model.rate
        return data


def _vn_day(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(VIETNAM).date()


def _column(table, name: str):
    return table.c[name] if name in table.c else None


def _dossier_flow(board: LiveBoard, conn, today: date, names: dict[str, dict[str, str]]) -> None:
    dossiers, steps = Dossier.__table__, DossierStep.__table__
    state, due, procedure = (_column(dossiers, n) for n in ("state", "due_date", "procedure_id"))
    received_at = _column(dossiers, "received_at")
    columns = [dossiers.c.code, dossiers.c.created_by, dossiers.c.created_at,
               *(c for c in (state, due, procedure, received_at) if c is not None)]
    returned_at = {}
    if RETURNED_STEP and "step" in steps.c:
        returned_at = dict(conn.execute(select(steps.c.dossier_code, func.max(steps.c.at))
                                        .where(steps.c.step == RETURNED_STEP).group_by(steps.c.dossier_code)).all())
    per_procedure: dict[str, OnTime] = {}
    per_officer: dict[str, OnTime] = {}
    for row in conn.execute(select(*columns)).mappings():
        board.received += 1
        if _vn_day(row.get("received_at") or row["created_at"]) == today:
            board.received_today += 1
        keys = [(per_procedure, "procedure", row.get("procedure_id") or "—"),
                (per_officer, "officer", row["created_by"])]
        counts = [group.setdefault(key, OnTime(key=key, label=names.get(kind, {}).get(key, key)))
                  for group, kind, key in keys]
        state = row.get("state") or "moi_tiep_nhan"
        if state == DIGITIZED and not row.get("procedure_id"):
            continue  # only digitized (no procedure): done once signed, nothing to return
        due_day = date.fromisoformat(row["due_date"]) if row.get("due_date") else None
        if state not in CLOSED_STATES:
            board.in_progress += 1
            board.due_today += due_day == today
            late = due_day is not None and due_day < today
            board.overdue += late
            for count in counts:
                count.open += 1
                count.overdue += late
        elif row["code"] in returned_at:
            on_time = due_day is None or (_vn_day(returned_at[row["code"]]) or today) <= due_day
            board.returned += 1
            board.returned_on_time += on_time
            for count in counts:
                count.returned += 1
                count.on_time += on_time
    board.by_procedure = sorted(per_procedure.values(), key=lambda c: c.key)
    board.by_officer = sorted(per_officer.values(), key=lambda c: c.key)


def live_board(engine: Engine, names: dict[str, dict[str, str]] | None = None, days: int = 14,
               today: date | None = None) -> LiveBoard:
    """``names``: ``{"procedure": {id: name}, "officer": {username: full name}}`` for the rows' labels."""
    today = today or datetime.now(VIETNAM).date()
    board = LiveBoard(day=today)
    since = datetime.now(UTC) - timedelta(days=days)
    with engine.connect() as conn:
        _dossier_flow(board, conn, today, names or {})
        r = reviews_table.c
        checked = func.coalesce(r.auto_ok_checked, r.fields_auto_ok)  # a row from before: as it was counted
        reviews = conn.execute(select(func.count(), func.coalesce(func.sum(r.fields_total), 0),
                                      func.coalesce(func.sum(r.fields_auto_ok), 0),
                                      func.coalesce(func.sum(checked), 0),
                                      func.coalesce(func.sum(r.auto_ok_corrected), 0))).one()
        (board.approved, board.fields_total, board.fields_auto_ok, board.auto_ok_checked,
         board.auto_ok_corrected) = (int(v) for v in reviews)
        previous = Record.__table__.alias("previous")
        board.corrected_later = conn.execute(
            select(func.count()).select_from(Record.__table__.join(previous, Record.supersedes_id == previous.c.id))
            .where(and_(previous.c.status.in_(LATER_STATUSES),
                        Record.extraction_sha256 != previous.c.extraction_sha256))).scalar_one()
        stored = conn.execute(select(Record.created_at, Record.pages)
                              .where(Record.version == 1, Record.created_at >= since)).all()
    per_day: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for created_at, pages in stored:
        bucket = per_day[_vn_day(created_at) or today]
        bucket[0] += len(pages or [])
        bucket[1] += 1
    board.pages_per_day = [PagesOnDay(day=d, pages=v[0], documents=v[1]) for d, v in sorted(per_day.items())]
    return board
