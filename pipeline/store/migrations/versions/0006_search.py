"""Search that officers expect: names by the start of their words (any order, with or without diacritics),
typos through a vocabulary of name words, numbers and codes by their start, and the browsable list.

SQLite: the FTS5 table ``people_fts`` (contentless, rowid = ``people.id``) over each name's folded and keyed
words, filled by a trigger on ``people`` (a later migration that rebuilds ``people`` in batch mode must
create the trigger again). PostgreSQL: a GIN full-text index over the same words, and ``pg_trgm`` for the
vocabulary's similarity. Both: ``name_words`` (the folded words of every name) and an index for the list
of current records by date.

Revision ID: 0006
Revises: 0005
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

WORDS = "coalesce(name_folded, '') || ' ' || coalesce(name_key, '')"


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table("name_words", sa.Column("word", sa.String(64), primary_key=True))
    op.create_index("ix_records_current_created", "records", ["is_current", "created_at"])
    if bind.dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(f"CREATE INDEX ix_people_words_tsv ON people USING gin (to_tsvector('simple'::regconfig, {WORDS}))")
        op.execute("CREATE INDEX ix_name_words_trgm ON name_words USING gin (word gin_trgm_ops)")
    else:
        op.execute("CREATE VIRTUAL TABLE people_fts USING fts5(words, content='', "
                   "tokenize='unicode61 remove_diacritics 0')")
        op.execute(f"INSERT INTO people_fts (rowid, words) SELECT id, {WORDS} FROM people "
                   "WHERE name_folded IS NOT NULL")
        op.execute("CREATE TRIGGER people_fts_insert AFTER INSERT ON people WHEN new.name_folded IS NOT NULL "
                   "BEGIN INSERT INTO people_fts (rowid, words) VALUES "
                   "(new.id, new.name_folded || ' ' || coalesce(new.name_key, '')); END")
    words = set()
    for (folded,) in bind.execute(sa.text("SELECT DISTINCT name_folded FROM people WHERE name_folded IS NOT NULL")):
        words.update(w for w in re.split(r"[^\w]+", folded) if w and len(w) <= 64)
    if words:
        table = sa.table("name_words", sa.column("word", sa.String))
        op.bulk_insert(table, [{"word": w} for w in sorted(words)])


def downgrade() -> None:
    raise NotImplementedError("the catalog is never downgraded (history would be lost)")
