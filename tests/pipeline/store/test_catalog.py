"""The catalog on SQLite and on PostgreSQL: migrations on open, append-only audit, dossier codes."""

from __future__ import annotations

import multiprocessing
import re
from datetime import date

import pytest
import sqlalchemy as sa

from pipeline.store.database import is_current, open_catalog
from pipeline.store.dossier import DossierCodeExhausted, next_dossier_code

UNIT = "000.00.12.H49"


def test_open_migrates_and_reopening_is_a_no_op(catalog_url):
    engine = open_catalog(catalog_url)
    assert is_current(engine)
    tables = set(sa.inspect(engine).get_table_names())
    assert {"records", "people", "audit_events", "dossier_counters", "dossiers", "alembic_version"} <= tables
    engine.dispose()
    again = open_catalog(catalog_url)
    assert is_current(again)
    again.dispose()


def test_audit_log_refuses_update_and_delete(catalog_url):
    from pipeline.store.audit import event_insert

    engine = open_catalog(catalog_url)
    with engine.begin() as conn:
        conn.execute(event_insert("can_bo_01", "get", 1, {"x": 1}))
    for statement in ("UPDATE audit_events SET actor = 'someone else'", "DELETE FROM audit_events"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(sa.text(statement))
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT actor FROM audit_events")).scalars().all() == ["can_bo_01"]
    engine.dispose()


def test_dossier_codes_follow_the_circular(catalog_url):
    engine = open_catalog(catalog_url)
    day = date(2024, 2, 5)
    codes = [next_dossier_code(engine, UNIT, day) for _ in range(3)]
    assert codes == [f"{UNIT}-240205-0001", f"{UNIT}-240205-0002", f"{UNIT}-240205-0003"]
    assert next_dossier_code(engine, UNIT, date(2024, 2, 6)) == f"{UNIT}-240206-0001"
    assert next_dossier_code(engine, "000.00.00.H49", day) == "000.00.00.H49-240205-0001"
    assert re.fullmatch(r"000\.00\.12\.H49-\d{6}-0001", next_dossier_code(engine, UNIT))
    with pytest.raises(ValueError):
        next_dossier_code(engine, "H49", day)
    engine.dispose()


def test_dossier_sequence_has_four_digits(catalog_url):
    engine = open_catalog(catalog_url)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO dossier_counters (unit_code, day, last_seq) VALUES (:u, '240205', 9999)"),
                     {"u": UNIT})
    with pytest.raises(DossierCodeExhausted):
        next_dossier_code(engine, UNIT, date(2024, 2, 5))
    engine.dispose()


def _issue_codes(args: tuple[str, int]) -> list[str]:
    url, count = args
    engine = open_catalog(url)
    try:
        return [next_dossier_code(engine, UNIT, date(2024, 2, 5), actor="worker") for _ in range(count)]
    finally:
        engine.dispose()


def test_eight_processes_never_share_a_dossier_code(catalog_url):
    """The processes also open (and migrate) the fresh catalog at the same moment."""
    per_process = 25
    with multiprocessing.get_context("spawn").Pool(8) as pool:
        batches = pool.map(_issue_codes, [(catalog_url, per_process)] * 8)
    codes = [code for batch in batches for code in batch]
    assert len(codes) == 8 * per_process
    assert len(set(codes)) == len(codes)
    assert sorted(int(c[-4:]) for c in codes) == list(range(1, 8 * per_process + 1))


def test_an_older_catalog_is_upgraded_on_open(catalog_url):
    from alembic import command

    from pipeline.store.database import alembic_config, create_catalog_engine

    engine = create_catalog_engine(catalog_url)
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.commit()
    assert not is_current(engine)
    assert "ix_people_name_key" not in {i["name"] for i in sa.inspect(engine).get_indexes("people")}
    engine.dispose()
    upgraded = open_catalog(catalog_url)
    assert is_current(upgraded)
    assert "ix_people_name_key" in {i["name"] for i in sa.inspect(upgraded).get_indexes("people")}
    upgraded.dispose()


def test_many_openers_of_a_fresh_sqlite_file_all_get_it_in_wal_mode(tmp_path):
    """Changing the journal mode answers "locked" at once when two connections try it together (no busy wait):
    twenty fresh files, eight threads opening each at the same moment, every opener gets a usable WAL catalog."""
    import threading

    from pipeline.store.database import create_catalog_engine

    failures: list[BaseException] = []
    for round_no in range(20):
        url = f"sqlite:///{tmp_path}/c{round_no}.sqlite"
        start = threading.Barrier(8)

        def open_one(url: str = url, start: threading.Barrier = start) -> None:
            start.wait()
            try:
                engine = create_catalog_engine(url)
                with engine.connect() as conn:
                    assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                engine.dispose()
            except BaseException as err:  # noqa: BLE001 - collected and reported below
                failures.append(err)

        threads = [threading.Thread(target=open_one) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not failures, failures[:3]
