"""The catalog: records, people, audit events, dossier codes.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "records",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("root_id", Id),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("supersedes_id", Id, sa.ForeignKey("records.id"), unique=True),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("change_reason", sa.Text),
        sa.Column("schema_id", sa.String(64), nullable=False),
        sa.Column("source_sha256", sa.String(64), nullable=False),
        sa.Column("source_name", sa.String(512)),
        sa.Column("doc_index", sa.Integer, nullable=False),
        sa.Column("pages", sa.JSON, nullable=False),
        sa.Column("dossier_code", sa.String(64)),
        sa.Column("number", sa.String(64)),
        sa.Column("book", sa.String(64)),
        sa.Column("authority", sa.String(512)),
        sa.Column("registration_date", sa.String(10)),
        sa.Column("needs_review", sa.Boolean, nullable=False),
        sa.Column("scan_key", sa.String(128)),
        sa.Column("archive_key", sa.String(128)),
        sa.Column("archive_sha256", sa.String(64)),
        sa.Column("extraction_key", sa.String(128), nullable=False),
        sa.Column("extraction_sha256", sa.String(64), nullable=False),
        sa.Column("signed_key", sa.String(128)),
        sa.Column("signed_sha256", sa.String(64)),
        sa.Column("signature", sa.JSON),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("source_sha256", "doc_index", "version", name="uq_records_source_doc_version"),
        sa.CheckConstraint(
            "status IN ('extracted', 'reviewed', 'signed', 'stored')", name="ck_records_status"
        ),
    )
    op.create_index("ix_records_root_version", "records", ["root_id", "version"])
    op.create_index("ix_records_book", "records", ["book", "authority"])
    op.create_index("ix_records_number", "records", ["number"])
    op.create_index("ix_records_schema_current", "records", ["schema_id", "is_current"])
    op.create_index("ix_records_dossier_code", "records", ["dossier_code"])

    op.create_table(
        "people",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("record_id", Id, sa.ForeignKey("records.id"), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("entry_index", sa.Integer),
        sa.Column("entry_number", sa.String(64)),
        sa.Column("personal_id", sa.String(16)),
        sa.Column("full_name", sa.String(256)),
        sa.Column("name_folded", sa.String(256)),
        sa.Column("name_key", sa.String(300)),
        sa.Column("date_of_birth", sa.String(10)),
        sa.Column("birth_year", sa.Integer),
    )
    op.create_index("ix_people_record_id", "people", ["record_id"])
    op.create_index("ix_people_personal_id", "people", ["personal_id"])
    op.create_index("ix_people_name_folded", "people", ["name_folded"])
    op.create_index("ix_people_date_of_birth", "people", ["date_of_birth"])
    op.create_index("ix_people_entry_number", "people", ["entry_number"])

    op.create_table(
        "audit_events",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("record_id", Id),
        sa.Column("detail", sa.JSON),
    )
    op.create_index("ix_audit_events_record_id", "audit_events", ["record_id"])

    op.create_table(
        "dossier_counters",
        sa.Column("unit_code", sa.String(64), primary_key=True),
        sa.Column("day", sa.String(6), primary_key=True),
        sa.Column("last_seq", sa.Integer, nullable=False),
    )
    op.create_table(
        "dossiers",
        sa.Column("code", sa.String(80), primary_key=True),
        sa.Column("unit_code", sa.String(64), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    _append_only_audit()


def _append_only_audit() -> None:
    """The audit log refuses UPDATE and DELETE at the database, not only by convention."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION sohoa_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$
            """
        )
        op.execute(
            "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION sohoa_audit_append_only()"
        )
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_events_no_{action.lower()} BEFORE {action} ON audit_events "
                "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
            )


def downgrade() -> None:
    raise NotImplementedError("the catalog is never downgraded (history would be lost)")
