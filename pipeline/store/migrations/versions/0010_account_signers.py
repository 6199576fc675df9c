"""Personal signatures: each web account may have its own signing credential, and each dossier step carries
the acting officer's detached CMS signature over its canonical record.

``account_signers`` holds, per account (``web_users.username``), where the key is — a PKCS#12 file, or a
PKCS#11 module, token label and key label (``spec``, the syntax of ``SOHOA_SIGNER``) — and where its
password or PIN is read at signing time (``pin_source``: ``env:NAME`` or ``file:PATH``; never the PIN
itself), with the certificate's subject and SHA-256 as read when it was set. ``dossier_steps`` gets
``signature`` (base64 DER of the CMS ContentInfo; NULL: no personal signature, the server's HMAC only) and
``signer_subject``. Steps recorded before keep NULL.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_signers",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("spec", sa.String(1024), nullable=False),
        sa.Column("pin_source", sa.String(1024)),
        sa.Column("cert_subject", sa.String(1024), nullable=False),
        sa.Column("cert_sha256", sa.String(64), nullable=False),
        sa.Column("set_by", sa.String(128), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
    )
    # plain ADD COLUMN (no table copy): the append-only triggers of 0005 stay as they are
    op.add_column("dossier_steps", sa.Column("signature", sa.Text))
    op.add_column("dossier_steps", sa.Column("signer_subject", sa.String(1024)))


def downgrade() -> None:
    raise NotImplementedError("the catalog is never downgraded (history would be lost)")
