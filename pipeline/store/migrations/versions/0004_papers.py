"""One record per paper: the pages a record's copies hold, the dossiers that presented it, the originals.

``records.archive_pages``: the input's page numbers that the record's archive and signed copies hold, in
order (NULL: a record stored before, whose copies are the whole input). ``record_dossiers`` links a
record (its ``root_id``) to every dossier that presented it; filled here from ``records.dossier_code``.
``originals``: the whole input files as received.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("archive_pages", sa.JSON))
    op.create_table(
        "record_dossiers",
        sa.Column("root_id", Id, sa.ForeignKey("records.id"), primary_key=True),
        sa.Column("dossier_code", sa.String(80), primary_key=True),
        sa.Column("how", sa.String(16), nullable=False),
        sa.Column("linked_by", sa.String(128), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_record_dossiers_code", "record_dossiers", ["dossier_code"])
    op.execute(
        "INSERT INTO record_dossiers (root_id, dossier_code, how, linked_by, linked_at) "
        "SELECT root_id, dossier_code, 'stored', created_by, created_at FROM records "
        "WHERE version = 1 AND dossier_code IS NOT NULL AND root_id IS NOT NULL"
    )
    op.create_table(
        "originals",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("source_sha256", sa.String(64), nullable=False),
        sa.Column("source_name", sa.String(512)),
        sa.Column("object_key", sa.String(128), nullable=False),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("dossier_code", sa.String(80)),
        sa.Column("stored_by", sa.String(128), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("source_sha256", "dossier_code", name="uq_originals_source_dossier"),
    )
    op.create_index("ix_originals_dossier_code", "originals", ["dossier_code"])


def downgrade() -> None:
    raise NotImplementedError("the catalog is never downgraded (history would be lost)")
