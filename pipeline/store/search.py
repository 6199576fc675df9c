"""Search that officers expect (issue 15): part of a name, with or without diacritics, in any word order, with
typos; the start of a personal number or of a dossier code.

A person's name is indexed as its words, folded (``NGUYEN THI HUONG``) and keyed (``NGUYÊN4 THI5 HƯƠNG``,
``names.name_key``): SQLite in the FTS5 table ``people_fts`` (filled by a trigger on ``people``; prefix indexes
of 2-4 characters, migration 0008, so that a typed start reads one list), PostgreSQL
in a GIN full-text index over the same words (``people_words_tsv``). Each word typed must match one of the
name's words, in any order: a word typed without diacritics is the start of a folded word (``huo`` finds
HƯƠNG and HƯỜNG), a word with diacritics is a whole keyed word, tone included, in either tone-mark style
(``Hương`` finds HƯƠNG, not HƯỜNG). A word that starts no word of any name (``name_words``, the
vocabulary of folded name words) is taken as a typo and replaced by the vocabulary's nearest words:
candidates by trigram similarity (``pg_trgm``) on PostgreSQL, by first letter on SQLite, ranked by edit
distance (``rapidfuzz``, Damerau-Levenshtein). Numbers and codes match by their start (a range over the
B-tree index, so both databases use it).

On PostgreSQL a start is matched as the vocabulary words it starts (``thu`` as ``thu | thuy``) when they are
at most ``EXPANDED_WORDS``, else as a prefix (``thu:*``): the same names (the vocabulary holds every word
of every name), found 4-5 times faster by the GIN index. The index a search uses is the partial one over the
person's, husband's and wife's words (``ix_people_subject_words_tsv``, migration 0007; ``subject_roles``). The
GIN indexes keep no pending list (``fastupdate = off``, migration 0009): a search never reads through entries
waiting to be merged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from sqlalchemy import ColumnElement, Engine, String, and_, func, literal, literal_column, select, text, union_all
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from pipeline.store.catalog import SUBJECT_ROLES, Base, Person
from pipeline.store.names import fold_name, has_diacritics, word_key

TYPO_ALTERNATIVES = 3  # nearest vocabulary words tried for a word that starts none
TRGM_THRESHOLD = 0.1  # pg_trgm similarity below which a vocabulary word is not a candidate
TRGM_CANDIDATES = 50  # candidates pg_trgm gives for ranking
EXPANDED_WORDS = 16  # on PostgreSQL a typed start that starts at most this many vocabulary words is matched as them
EDIT_SIMILARITY = 0.6  # normalized Damerau-Levenshtein similarity below which a candidate is not taken
PG_WORDS = ("to_tsvector('simple'::regconfig, coalesce(people.name_folded, '') || ' ' || "
            "coalesce(people.name_key, ''))")
_NON_WORD = re.compile(r"[^\w]+")


class NameWord(Base):
    """The vocabulary of folded name words (what a typo is compared with)."""

    __tablename__ = "name_words"

    word: Mapped[str] = mapped_column(String(64), primary_key=True)


def prefix_range(column: ColumnElement, prefix: str) -> ColumnElement[bool]:
    """``column`` starts with ``prefix``, as a range the column's B-tree index answers."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < upper)


def query_words(name: str) -> list[str]:
    """The words typed, NFC uppercase, without punctuation."""
    return [w for w in _NON_WORD.split(unicodedata.normalize("NFC", name).upper()) if w]


def name_words(full_name: str | None) -> set[str]:
    """The folded words of a name (for the vocabulary)."""
    return {w for w in _NON_WORD.split(fold_name(full_name)) if w} if full_name else set()


def remember_words(session: Session, people: Iterable[Person]) -> None:
    """Adds the folded words of these people's names to the vocabulary (once each)."""
    words = sorted({w for p in people for w in name_words(p.full_name) if len(w) <= 64})
    if not words:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(NameWord).values([{"word": w} for w in words]).on_conflict_do_nothing())


class NameMatcher:
    """Turns a typed name into the catalog condition on ``people`` (see the module's docstring)."""

    def __init__(self, engine: Engine):
        self.dialect = engine.dialect.name

    def _words_starting(self, session: Session, starts: list[str]) -> list[list[str]]:
        """Per start, the vocabulary words it starts, in one round trip: on PostgreSQL up to one more than
        ``EXPANDED_WORDS`` (what a typed start is expanded to), on SQLite one (whether it starts a word)."""
        count = EXPANDED_WORDS + 1 if self.dialect == "postgresql" else 1
        each = [select(literal(i).label("i"), NameWord.word).where(prefix_range(NameWord.word, start))
                .order_by(NameWord.word).limit(count).subquery() for i, start in enumerate(starts)]
        found: list[list[str]] = [[] for _ in starts]
        for i, word in session.execute(union_all(*(select(sub.c.i, sub.c.word) for sub in each))):
            found[i].append(word)
        return found

    def _nearest(self, session: Session, folded: str) -> list[str]:
        """The vocabulary words nearest to a word that starts none: candidates by trigram similarity
        (``pg_trgm`` on PostgreSQL; on SQLite the words of the same first letter), ranked by Damerau-Levenshtein
        similarity (a swapped pair of letters is one edit, where trigrams see two thirds of the word changed)."""
        if self.dialect == "postgresql":
            score = func.similarity(NameWord.word, folded)
            query = select(NameWord.word).where(score >= TRGM_THRESHOLD).order_by(score.desc()).limit(TRGM_CANDIDATES)
        else:
            query = select(NameWord.word).where(prefix_range(NameWord.word, folded[0]))
        candidates = list(session.scalars(query))
        found = process.extract(folded, candidates, scorer=DamerauLevenshtein.normalized_similarity,
                                score_cutoff=EDIT_SIMILARITY, limit=TYPO_ALTERNATIVES)
        return [word for word, _score, _index in found]

    def alternatives(self, session: Session, name: str) -> list[list[tuple[str, bool]]]:
        """Per word typed: the forms any one of which a name's word must start with, each with whether it
        is a whole word (a typo's replacement) rather than a start."""
        groups = []
        words = query_words(name)
        folded_words = [fold_name(word) for word in words]
        for word, folded, starting in zip(words, folded_words, self._words_starting(session, folded_words),
                                          strict=True):
            if starting:
                if has_diacritics(word):  # the whole word, its tone too: HƯƠNG is not HƯỜNG
                    groups.append([(word_key(word), True)])
                elif self.dialect == "postgresql" and len(starting) <= EXPANDED_WORDS:
                    # the start, as the whole words it starts: GIN intersects exact words' posting lists, where
                    # a prefix (``huong:*``) first gathers every match of every word it starts (4-5 times slower)
                    groups.append([(w, True) for w in starting])
                else:  # the start
                    groups.append([(folded, False)])
            else:
                groups.append([(w, True) for w in self._nearest(session, folded)] or [(folded, False)])
        return groups

    def fts_match(self, session: Session, name: str) -> str:
        """The SQLite FTS5 query of a typed name."""
        return " AND ".join("(" + " OR ".join(f'"{w}"{"" if whole else "*"}' for w, whole in group) + ")"
                            for group in self.alternatives(session, name))

    def condition(self, session: Session, name: str) -> ColumnElement[bool]:
        if self.dialect == "postgresql":
            groups = self.alternatives(session, name)
            terms = " & ".join("(" + " | ".join(f"{w}{'' if whole else ':*'}" for w, whole in group) + ")"
                               for group in groups)
            return literal_column(PG_WORDS).op("@@")(func.to_tsquery(literal_column("'simple'::regconfig"), terms))
        return Person.id.in_(select(literal_column("rowid")).select_from(text("people_fts"))
                             .where(text("people_fts MATCH :match").bindparams(match=self.fts_match(session, name))))


def subject_roles() -> ColumnElement[bool]:
    """``people.role IN (…SUBJECT_ROLES)`` with the roles as literals, not bound parameters: PostgreSQL then proves
    that a name query falls within the partial index ``ix_people_subject_words_tsv`` in a generic (prepared)
    plan too."""
    return text("people.role IN (" + ", ".join(f"'{role}'" for role in SUBJECT_ROLES) + ")")


FIRST_CHUNK = 500  # people read at a time, newest first, by a page of name matches on SQLite


def newest_people(session: Session, match: str, before: int | None, count: int) -> list[int]:
    """The ids of the ``count`` newest people (below ``before``) whose name matches ``match`` (FTS5 walks
    its index by rowid, newest first, and stops: a common name's thousands are not all read)."""
    where = "people_fts MATCH :match" + ("" if before is None else " AND rowid < :before")
    return list(session.scalars(text(f"SELECT rowid FROM people_fts WHERE {where} ORDER BY rowid DESC LIMIT :n"),
                                {"match": match, "before": before, "n": count}))
