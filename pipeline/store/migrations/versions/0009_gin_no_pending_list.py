"""Name search on PostgreSQL: the search's GIN indexes without a pending list (``fastupdate = off``).

With ``fastupdate`` on (PostgreSQL's default) new index entries go to an unsorted pending list, merged into the
index only by a vacuum or once the list passes ``gin_pending_list_limit`` (4 MB); until then every search reads
the whole list, whatever it looks for. At 1 M records the bench's catalog held 21 303 pending entries (358
pages): part of a name (``huong nguyen``) spent 8.6 ms in the index scan, 3.6 ms once the list was merged. The
catalog is read far more often than written (a counter stores a few papers a minute), so each insert now puts
its entries in place and the lists already pending are merged here. SQLite: nothing.

Revision ID: 0009
Revises: 0008
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

GIN_INDEXES = ("ix_people_words_tsv", "ix_people_subject_words_tsv", "ix_name_words_trgm")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in GIN_INDEXES:
        op.execute(f"ALTER INDEX {name} SET (fastupdate = off)")
        op.execute(f"SELECT gin_clean_pending_list('{name}'::regclass)")


def downgrade() -> None:
    raise NotImplementedError("the catalog is never downgraded (history would be lost)")
