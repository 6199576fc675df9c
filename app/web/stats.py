"""What the quality dashboard reads: one ``web_reviews`` row per document a person accepted (at the counter
or in the review queue), comparing what extraction gave with what was accepted, plus counts from the
repository's catalog (documents and pages stored per day, the review queue's length).

A field the extraction gave as ``ok`` is accepted with the document whether or not anyone looked at it;
only the fields a person *checked* (their input had the focus, their value was typed, or the whole
document was ticked as compared with the paper) say anything about how often such fields are wrong. So
``checked`` holds those keys only, and ``auto_ok_checked`` counts the automatically accepted fields among
them: the dashboard's "accepted automatically and left unchanged" share is taken over these, and the ones
accepted blindly are shown apart. Rows written before the column existed (NULL) count as checked, as they
were counted then."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

import sqlalchemy
from pydantic import BaseModel
from sqlalchemy import JSON, Column, DateTime, Engine, Integer, MetaData, String, Table, func, insert, select

from app.web.dossier_time import VIETNAM
from pipeline.models import Document, FieldValue
from pipeline.store.catalog import Record

metadata = MetaData()
reviews_table = Table(
    "web_reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("source", String(16), nullable=False),  # intake | review
    Column("record_id", Integer),
    Column("schema_id", String(64), nullable=False),
    Column("fields_total", Integer, nullable=False),
    Column("fields_auto_ok", Integer, nullable=False),  # status ok straight from extraction
    Column("checked", JSON, nullable=False),  # keys a person saw (``entries.<key>`` once per register row)
    Column("corrected", JSON, nullable=False),  # keys whose accepted value differs from the extracted one
    Column("auto_ok_corrected", Integer, nullable=False),  # status ok, yet corrected: the worst error
    Column("auto_ok_checked", Integer),  # status ok and checked by the person (NULL: a row from before)
)
ADDED_COLUMNS = {"auto_ok_checked": "INTEGER"}  # added to an older catalog's table when it is opened


def entry_form_name(name: str) -> str:
    """A form name of a register cell (``e3.full_name``) as the log names it (``entries[3].full_name``)."""
    head, _, key = name.partition(".")
    if head.startswith("e") and head[1:].isdigit() and key:
        return f"entries[{head[1:]}].{key}"
    return name


def _same(a: object, b: object) -> bool:
    return (None if a is None else str(a)) == (None if b is None else str(b))


def _cells(extracted: Document | None, final: Document) -> list[tuple[str, str, FieldValue | None, FieldValue]]:
    """(cell name, key as counted, value extracted, value accepted) for every field and register cell."""
    before = extracted.fields if extracted else {}
    cells = [(key, key, before.get(key), f) for key, f in final.fields.items()]
    rows = extracted.entries if extracted else []
    for i, entry in enumerate(final.entries):
        old_row = rows[i] if i < len(rows) else {}
        cells += [(f"entries[{i}].{key}", f"entries.{key}", old_row.get(key), f) for key, f in entry.items()]
    return cells


class ReviewLog:
    def __init__(self, engine: Engine):
        self.engine = engine
        metadata.create_all(engine, checkfirst=True)
        present = {c["name"] for c in sqlalchemy.inspect(engine).get_columns(reviews_table.name)}
        with engine.begin() as conn:
            for name, kind in ADDED_COLUMNS.items():
                if name not in present:
                    conn.execute(sqlalchemy.text(f"ALTER TABLE {reviews_table.name} ADD COLUMN {name} {kind}"))

    def add(self, *, actor: str, source: str, record_id: int | None, extracted: Document,
            final: Document, checked: Iterable[str] | None = None) -> None:
        """One accepted document: ``extracted`` as the machine gave it, ``final`` as a person accepted it
        (when a person set the type, no field of the extraction counts as accepted automatically).
        ``checked``: the cells a person checked (``key``, ``entries[<row>].<key>``); a corrected cell is
        always checked. None: the caller vouches for every value (the JSON API)."""
        same_type = extracted.schema_id == final.schema_id
        pairs = _cells(extracted if same_type else None, final)
        corrected_cells = [(name, key) for name, key, old, new in pairs if not _same(old and old.value, new.value)]
        auto_ok = {name for name, _key, old, _new in pairs if old is not None and old.status == "ok"}
        seen = {name for name, *_ in pairs} if checked is None else set(checked)
        seen |= {name for name, _key in corrected_cells}
        corrected = [key for _name, key in corrected_cells]
        row = {"at": datetime.now(UTC), "actor": actor, "source": source, "record_id": record_id,
               "schema_id": final.schema_id, "fields_total": len(pairs),
               "fields_auto_ok": len(auto_ok), "checked": [key for name, key, _old, _new in pairs if name in seen],
               "corrected": corrected,
               "auto_ok_corrected": len(auto_ok & {name for name, _key in corrected_cells}),
               "auto_ok_checked": len(auto_ok & seen)}
        with self.engine.begin() as conn:
            conn.execute(insert(reviews_table).values(**row))


class DayCount(BaseModel):
    day: date
    documents: int
    pages: int


class FieldShare(BaseModel):
    schema_id: str
    key: str
    checked: int
    corrected: int

    @property
    def share(self) -> float:
        return self.corrected / self.checked if self.checked else 0.0


class Dashboard(BaseModel):
    days: list[DayCount]
    documents_reviewed: int
    fields_total: int
    fields_auto_ok: int
    auto_ok_checked: int  # of those, the ones a person checked
    auto_ok_corrected: int
    fields: list[FieldShare]
    queue_length: int

    @property
    def auto_share(self) -> float:
        return self.fields_auto_ok / self.fields_total if self.fields_total else 0.0

    @property
    def auto_checked_share(self) -> float | None:
        """Of the fields accepted automatically, the share a person checked (the rest went through unseen)."""
        return self.auto_ok_checked / self.fields_auto_ok if self.fields_auto_ok else None

    @property
    def auto_precision(self) -> float | None:
        """Of the fields accepted automatically and checked by a person, the share left unchanged (a field
        nobody looked at says nothing of it)."""
        if not self.auto_ok_checked:
            return None
        return 1 - self.auto_ok_corrected / self.auto_ok_checked


def auto_ok_checked(row) -> int:
    """A review row's automatically accepted fields that a person checked (a row from before: all)."""
    value = row["auto_ok_checked"]
    return row["fields_auto_ok"] if value is None else value


def dashboard(engine: Engine, days: int = 14) -> Dashboard:
    since = datetime.now(UTC) - timedelta(days=days)
    with engine.connect() as conn:
        stored = conn.execute(
            select(Record.created_at, Record.pages).where(Record.version == 1, Record.created_at >= since)
        ).all()
        queue = conn.execute(
            select(func.count()).select_from(Record).where(Record.is_current.is_(True),
                                                           Record.needs_review.is_(True))
        ).scalar_one()
        reviews = conn.execute(select(reviews_table)).mappings().all()
    per_day: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for created_at, pages in stored:
        moment = created_at if created_at.tzinfo else created_at.replace(tzinfo=UTC)
        bucket = per_day[moment.astimezone(VIETNAM).date()]
        bucket[0] += 1
        bucket[1] += len(pages or [])
    checked: Counter[tuple[str, str]] = Counter()
    corrected: Counter[tuple[str, str]] = Counter()
    for row in reviews:
        for key in row["checked"]:
            checked[(row["schema_id"], key)] += 1
        for key in row["corrected"]:
            corrected[(row["schema_id"], key)] += 1
    fields = sorted((FieldShare(schema_id=s, key=k, checked=n, corrected=corrected[(s, k)])
                     for (s, k), n in checked.items()), key=lambda f: (-f.share, f.schema_id, f.key))
    return Dashboard(
        days=[DayCount(day=d, documents=v[0], pages=v[1]) for d, v in sorted(per_day.items())],
        documents_reviewed=len(reviews),
        fields_total=sum(r["fields_total"] for r in reviews),
        fields_auto_ok=sum(r["fields_auto_ok"] for r in reviews),
        auto_ok_checked=sum(auto_ok_checked(r) for r in reviews),
        auto_ok_corrected=sum(r["auto_ok_corrected"] for r in reviews),
        fields=fields,
        queue_length=queue,
    )
