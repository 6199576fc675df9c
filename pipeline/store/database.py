"""Opening the catalog: an engine for SQLite or PostgreSQL, migrated to the newest revision on open.

SQLite runs in WAL mode with a busy timeout, and SQLAlchemy emits ``BEGIN`` itself so that a transaction
can ask for ``BEGIN IMMEDIATE`` (``conn.execution_options(sqlite_begin="IMMEDIATE")``): the write lock is
taken at the start, which is what serializes dossier-code counters and concurrent migrations.
"""

from __future__ import annotations

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
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def create_catalog_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
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


def migrate(engine: Engine) -> None:
    """Brings the catalog to the newest revision (a no-op when it is there already)."""
    if is_current(engine):
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
