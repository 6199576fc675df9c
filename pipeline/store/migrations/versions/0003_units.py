"""Units (need-to-know): each record carries the unit that received it; web accounts belong to a unit.

``records.unit_code`` is filled for records of a dossier from the ``dossiers`` table (the unit whose
dossier code it is); other records keep NULL, which reads as the repository's configured unit
(``SOHOA_UNIT_CODE``). ``web_users`` is created by the web app on first use: when it is there already,
it gets ``unit_code`` too (NULL: the configured unit).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("unit_code", sa.String(64)))
    op.create_index("ix_records_unit_current", "records", ["unit_code", "is_current"])
    op.execute(
        "UPDATE records SET unit_code = (SELECT dossiers.unit_code FROM dossiers "
        "WHERE dossiers.code = records.dossier_code) WHERE dossier_code IS NOT NULL"
    )
    if "web_users" in sa.inspect(op.get_bind()).get_table_names():
        with op.batch_alter_table("web_users") as batch:
            batch.add_column(sa.Column("unit_code", sa.String(64)))


def downgrade() -> None:
    raise NotImplementedError("the catalog is never downgraded (history would be lost)")
