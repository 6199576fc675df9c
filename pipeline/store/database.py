"""Opening the catalog: an engine for SQLite or PostgreSQL, migrated to the newest revision on open.

SQLite runs in WAL mode with a busy timeout, and SQLAlchemy emits ``BEGIN`` itself so that a transaction
can ask for ``BEGIN IMMEDIATE`` (``conn.execution_options(sqlite_begin="IMMEDIATE")``): the write lock is
taken at the start, which is what serializes dossier-code counters and concurrent migrations.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # the driver stays out of the way; "begin" below emits BEGIN
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


CATALOG_MODE = 0o600  # names, personal numbers, password hashes: the owner's only


def _private_sqlite_files(database: Path) -> None:
    """The SQLite catalog and its journal files, the owner's only, whatever mode they were created with."""
    for path in (database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")):
        try:
            if path.stat().st_mode & 0o077:
                os.chmod(path, CATALOG_MODE)
        except FileNotFoundError:  # no journal yet, or another process's last connection just removed it
            continue


def _write_ahead_log(database: Path) -> None:
    """Puts the SQLite file in WAL mode once (the mode is stored in the file). Changing the journal mode needs the
    file to itself, and SQLite answers "database is locked" at once, without waiting on its busy timeout, when
    another process has it open at that moment: so one process at a time (the lock file beside the database),
    and a few tries while other processes hold it."""
    with open(f"{database}.migrate-lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            for attempt in range(200):
                conn = sqlite3.connect(database, timeout=60)
                try:
                    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
                    if mode == "wal" or conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal":
                        return
                except sqlite3.OperationalError as err:
                    if "locked" not in str(err) and "busy" not in str(err):
                        raise
                finally:
                    conn.close()
                time.sleep(min(0.5, 0.01 * (attempt + 1)))
            raise sqlite3.OperationalError(f"could not put {database} in WAL mode: it stays locked")
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def create_catalog_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            database = Path(parsed.database).expanduser()
            database.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            try:  # created by us with its mode, not by SQLite under the process's umask
                os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, CATALOG_MODE))
            except FileExistsError:
                pass
            _write_ahead_log(database)
            _private_sqlite_files(database)
        engine = create_engine(url, connect_args={"timeout": 60})
        _sqlite_hooks(engine)
        return engine
    return create_engine(url)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def is_current(engine: Engine) -> bool:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() == head


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """One process at a time migrates a SQLite file: Alembic commits between revisions, so two processes that
    both found the catalog behind would otherwise run the same revision (a lock file beside the database; the
    kernel releases it when a process dies). PostgreSQL's transactional DDL needs none."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def migrate(engine: Engine) -> None:
    """Brings the catalog to the newest revision (a no-op when it is there already)."""
    if is_current(engine):
        return
    with _migration_lock(engine):
        if is_current(engine):  # another process migrated it meanwhile
            return
        cfg = alembic_config()
        with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()


def open_catalog(url: str) -> Engine:
    engine = create_catalog_engine(url)
    migrate(engine)
    return engine
