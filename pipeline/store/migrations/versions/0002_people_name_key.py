"""Index people by name key: the per-person view finds parents by name.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_people_name_key", "people", ["name_key"])


def downgrade() -> None:
    op.drop_index("ix_people_name_key", table_name="people")
