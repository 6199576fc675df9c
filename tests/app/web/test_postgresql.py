"""The web app's own tables (accounts, review log) and its catalog queries on a PostgreSQL catalog."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from app.web.records import queue_length, review_queue
from app.web.stats import ReviewLog, dashboard
from app.web.users import UserStore
from pipeline.models import Document, ExtractionResult, FieldValue, PageResult
from pipeline.store.database import open_catalog
from pipeline.store.objects import LocalObjectStore
from pipeline.store.repository import Repository

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@pytest.fixture
def pg_url() -> Iterator[str]:
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError:
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    name = f"sohoa_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_accounts_review_log_queue_and_dashboard_on_postgresql(pg_url, tmp_path):
    repo = Repository(LocalObjectStore(tmp_path), open_catalog(pg_url))
    try:
        users = UserStore(repo.engine)
        made = users.create("can_bo_pg", "kiem_tra", "mat-khau-rat-dai", "Đỗ Thị Hà")
        assert users.authenticate("CAN_BO_PG", "mat-khau-rat-dai") == made
        assert users.authenticate("can_bo_pg", "sai-mat-khau") is None
        UserStore(repo.engine)  # a second start finds the table there

        fields = {"full_name": FieldValue(value="ĐỖ THỊ HÀ", confidence=0.5, status="review", page=1),
                  "personal_id": FieldValue(value="022190000001", confidence=0.99, status="ok", page=1)}
        document = Document(schema="citizen_id_card", pages=[1], fields=fields, needs_review=True)
        result = ExtractionResult(source="the.png", sha256="1" * 64, documents=[document],
                                  pages=[PageResult(number=1, width=1000, height=700, dpi=300)])
        [record] = repo.put(result, actor="test")
        assert queue_length(repo, repo.unit_code) == 1
        assert [r.id for r in review_queue(repo, "web:can_bo_pg", repo.unit_code)] == [record.id]

        final = document.model_copy(update={"fields": {**fields, "full_name": FieldValue(value="ĐỖ THỊ HẢ",
                                                                                          status="ok")}})
        ReviewLog(repo.engine).add(actor="web:can_bo_pg", source="review", record_id=record.id,
                                   extracted=document, final=final)
        board = dashboard(repo.engine)
        assert board.queue_length == 1 and board.documents_reviewed == 1
        assert (board.fields_total, board.fields_auto_ok, board.auto_ok_corrected) == (2, 1, 0)
        shares = {f.key: (f.checked, f.corrected) for f in board.fields}
        assert shares == {"full_name": (1, 1), "personal_id": (1, 0)}
        assert sum(day.documents for day in board.days) == 1
    finally:
        repo.close()
