"""Migration 0010, on SQLite and PostgreSQL: a catalog with steps recorded before gets ``account_signers`` and the
steps' ``signature`` / ``signer_subject`` columns; the old steps read back without a personal signature, a new step
keeps its signature, and the steps stay append-only (the triggers of 0005 survive the new columns)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from alembic import command

from pipeline.store.database import alembic_config, create_catalog_engine, open_catalog
from pipeline.store.dossier import StepRow, list_steps, next_dossier_code, record_step

UNIT = "000.00.00.H49"


def test_steps_of_before_and_after_migration_0010(catalog_url):
    engine, cfg = create_catalog_engine(catalog_url), alembic_config()
    with engine.begin() as conn:  # the catalog as it was before personal signatures
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0009")
    code = next_dossier_code(engine, UNIT, date(2027, 2, 3))
    old = {"dossier_code": code, "step": "tiep_nhan", "from_state": "moi_tiep_nhan", "to_state": "dang_tham_dinh",
           "actor": "web:a", "actor_name": "Nguyễn Văn A", "at": datetime(2027, 2, 3, 2, tzinfo=UTC), "note": None,
           "detail": {}, "digest": "d" * 64, "acknowledgement": "a" * 64}
    with engine.begin() as conn:
        steps = sa.Table("dossier_steps", sa.MetaData(), autoload_with=conn)
        conn.execute(steps.insert().values(**old))
    engine.dispose()

    upgraded = open_catalog(catalog_url)
    inspector = sa.inspect(upgraded)
    assert {"signature", "signer_subject"} <= {c["name"] for c in inspector.get_columns("dossier_steps")}
    assert "account_signers" in inspector.get_table_names()
    [before] = list_steps(upgraded, code)
    assert before.signature is None and before.signer_subject is None
    new = StepRow(id=0, dossier_code=code, step="tham_dinh", from_state="dang_tham_dinh", to_state="cho_phe_duyet",
                  actor="web:b", actor_name="Phạm Thu Hà", at=datetime(2027, 2, 4, 3, tzinfo=UTC), digest="e" * 64,
                  acknowledgement="b" * 64, signature="TUlJ", signer_subject="Common Name: Phạm Thu Hà")
    with upgraded.begin() as conn:
        conn.execute(sa.text("UPDATE dossiers SET state = 'dang_tham_dinh' WHERE code = :c"), {"c": code})
    record_step(upgraded, new)
    assert [(s.step, s.signature, s.signer_subject) for s in list_steps(upgraded, code)] == [
        ("tiep_nhan", None, None), ("tham_dinh", "TUlJ", "Common Name: Phạm Thu Hà")]
    with pytest.raises(sa.exc.DatabaseError, match="append-only"), upgraded.begin() as conn:
        conn.execute(sa.text("UPDATE dossier_steps SET signature = NULL WHERE dossier_code = :c"), {"c": code})
    upgraded.dispose()
