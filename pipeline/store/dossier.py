"""Dossier codes (Circular 01/2018/TT-VPCP art. 19): ``<unit code>-<YYMMDD>-<NNNN>``.

The sequence is per unit per day and comes from a counter row bumped by an upsert that returns the new
value, in a transaction that holds the row (PostgreSQL: the upsert's row lock; SQLite: ``BEGIN
IMMEDIATE``). Each code is also inserted into ``dossiers`` whose primary key is the code: a duplicate
could not be committed even if the counter logic were wrong.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import Engine
from sqlalchemy.dialects import postgresql, sqlite

from pipeline.store.audit import event_insert, now
from pipeline.store.catalog import Dossier, DossierCounter

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
