"""Real components for the repository tests: a PostgreSQL database of its own on 127.0.0.1:5432, an S3
server over HTTP (moto's server mode) spoken to through the minio SDK, and the local folder store."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.store.database import open_catalog
from pipeline.store.objects import LocalObjectStore
from pipeline.store.repository import Repository

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_admin() -> sa.Engine:
    return sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_available() -> bool:
    try:
        with _pg_admin().connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return True
    except sa.exc.OperationalError:
        return False


@pytest.fixture
def pg_url(pg_available: bool) -> Iterator[str]:
    """A fresh PostgreSQL database, dropped afterwards."""
    if not pg_available:
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    name = f"sohoa_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def catalog_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'catalog.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.stop()


def make_s3_store(endpoint: str, **options):
    from pipeline.store.s3 import S3ObjectStore

    bucket = f"sohoa-test-{uuid.uuid4().hex[:10]}"
    return S3ObjectStore(endpoint, "testing", "testing", bucket, secure=False, **options)


@pytest.fixture(params=["local", "s3"])
def object_store(request, tmp_path: Path):
    if request.param == "local":
        return LocalObjectStore(tmp_path / "home")
    return make_s3_store(request.getfixturevalue("s3_endpoint"))


@pytest.fixture
def repo(object_store, catalog_url: str) -> Iterator[Repository]:
    repository = Repository(object_store, open_catalog(catalog_url), unit_code="000.00.12.H49")
    try:
        yield repository
    finally:
        repository.close()
