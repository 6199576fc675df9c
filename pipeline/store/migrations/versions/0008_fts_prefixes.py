"""Name search on SQLite: ``people_fts`` rebuilt with prefix indexes of 2, 3 and 4 characters. A typed word is a
start (``thi`` finds THỊ, THIỆN, THỊNH…); without a prefix index FTS5 answers a start by walking every term it
starts and merging their lists, with one it reads a single list. At 1 M records (``bench.bench_search``, idle
machine) a name alone went from 84 to 35 ms, a typo from 96 to 45 ms, a name with a personal number from 73 to
26 ms. The table stays contentless (rowid = ``people.id``); its insert trigger is made again. PostgreSQL:
nothing.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

WORDS = "coalesce(name_folded, '') || ' ' || coalesce(name_key, '')"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS people_fts_insert")
    op.execute("DROP TABLE IF EXISTS people_fts")
    op.execute("CREATE VIRTUAL TABLE people_fts USING fts5(words, content='', "
               "tokenize='unicode61 remove_diacritics 0', prefix='2 3 4')")
    op.execute(f"INSERT INTO people_fts (rowid, words) SELECT id, {WORDS} FROM people WHERE name_folded IS NOT NULL")
    op.execute("CREATE TRIGGER people_fts_insert AFTER INSERT ON people WHEN new.name_folded IS NOT NULL "
               "BEGIN INSERT INTO people_fts (rowid, words) VALUES "
               "(new.id, new.name_folded || ' ' || coalesce(new.name_key, '')); END")


def downgrade() -> None:
    raise NotImplementedError("the catalog is never downgraded (history would be lost)")
