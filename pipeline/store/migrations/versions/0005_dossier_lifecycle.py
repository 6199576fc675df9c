"""The dossier's life cycle: ``dossiers`` gets its state, procedure, applicant, papers, reception time and
appointment date; ``dossier_steps`` holds each step with the officer, the time and the server's
acknowledgement (append-only, as ``audit_events``). Dossiers made before are ``moi_tiep_nhan`` without a procedure.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        batch.add_column(sa.Column("state", sa.String(24), nullable=False, server_default="moi_tiep_nhan"))
        batch.add_column(sa.Column("procedure_id", sa.String(64)))
        batch.add_column(sa.Column("applicant_name", sa.String(256)))
        batch.add_column(sa.Column("applicant_personal_id", sa.String(16)))
        batch.add_column(sa.Column("applicant_contact", sa.String(256)))
        batch.add_column(sa.Column("papers", sa.JSON))
        batch.add_column(sa.Column("received_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("due_date", sa.String(10)))
        batch.add_column(sa.Column("updated_at", sa.DateTime(timezone=True)))
    op.create_index("ix_dossiers_unit_state", "dossiers", ["unit_code", "state"])
    op.create_table(
        "dossier_steps",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("dossier_code", sa.String(80), sa.ForeignKey("dossiers.code"), nullable=False),
        sa.Column("step", sa.String(24), nullable=False),
        sa.Column("from_state", sa.String(24), nullable=False),
        sa.Column("to_state", sa.String(24), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("actor_name", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("detail", sa.JSON),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("acknowledgement", sa.String(64), nullable=False),
    )
    op.create_index("ix_dossier_steps_code", "dossier_steps", ["dossier_code", "id"])
    _append_only_steps()


def _append_only_steps() -> None:
    """A recorded step is never changed or removed, as the audit log (0001)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION sohoa_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'dossier_steps is append-only'; END $$
            """
        )
        op.execute(
            "CREATE TRIGGER dossier_steps_append_only BEFORE UPDATE OR DELETE ON dossier_steps "
            "FOR EACH ROW EXECUTE FUNCTION sohoa_steps_append_only()"
        )
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER dossier_steps_no_{action.lower()} BEFORE {action} ON dossier_steps "
                "BEGIN SELECT RAISE(ABORT, 'dossier_steps is append-only'); END"
            )


def downgrade() -> None:
    raise NotImplementedError("the catalog is never downgraded (history would be lost)")
