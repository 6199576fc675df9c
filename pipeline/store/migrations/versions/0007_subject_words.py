"""Name search on PostgreSQL: a GIN index over the name words of the people search matches (the person,
husband, wife: ``catalog.SUBJECT_ROLES``), a third smaller than the index over everyone's, so the posting
lists a typed name intersects and the people rows it reads are a third fewer. The search names these roles
as literals (``search.subject_roles``) so that PostgreSQL can prove a query falls within the index, prepared or
not; ``ix_people_words_tsv`` stays for any query that cannot (roles changed since). SQLite: nothing.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

WORDS = "coalesce(name_folded, '') || ' ' || coalesce(name_key, '')"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_people_subject_words_tsv ON people USING gin "
                   f"(to_tsvector('simple'::regconfig, {WORDS})) WHERE role IN ('subject', 'husband', 'wife')")


def downgrade() -> None:
    raise NotImplementedError("the catalog is never downgraded (history would be lost)")
