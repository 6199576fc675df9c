"""Search that officers expect (issue 15), on SQLite and on PostgreSQL: part of a name, without diacritics, in
any word order, with a typo; the start of a personal number or of a dossier code; the browsable list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.store.database import open_catalog
from pipeline.store.objects import LocalObjectStore
from pipeline.store.repository import Repository

from .samples import birth_certificate, citizen_id_card, result

ACTOR = "can_bo_01"
UNIT = "000.00.12.H49"
CODE = f"{UNIT}-260105-0007"


@pytest.fixture
def repo(catalog_url: str, tmp_path: Path) -> Iterator[Repository]:
    repository = Repository(LocalObjectStore(tmp_path / "objects"), open_catalog(catalog_url), unit_code=UNIT)
    yield repository
    repository.close()


@pytest.fixture
def stored(repo: Repository) -> dict[str, int]:
    [huong] = repo.put(result("ks.pdf", birth_certificate()), actor=ACTOR, dossier_code=CODE)  # NGUYỄN THỊ THU HƯƠNG
    [huong_2] = repo.put(result("ks2.pdf", birth_certificate(name="NGUYỄN THỊ THU HƯỜNG", pid="022180000999")),
                         actor=ACTOR)
    [binh] = repo.put(result("cc.jpg", citizen_id_card("TRẦN VĂN BÌNH", "001090001234", "1990-01-01")),
                      actor="can_bo_02")
    return {"huong": huong.id, "huong_2": huong_2.id, "binh": binh.id}


def ids(repo: Repository, **criteria) -> set[int]:
    return {r.id for r in repo.search(actor=ACTOR, **criteria)}


@pytest.mark.parametrize("typed", ["Thu Hương", "thu huong", "HƯƠNG NGUYỄN", "huong thi nguyen", "ng th huo",
                                   "Nguyễn Hương"])
def test_part_of_a_name_in_any_order_with_or_without_diacritics(repo, stored, typed):
    found = ids(repo, name=typed)
    assert stored["huong"] in found and stored["binh"] not in found
    if typed.isascii():  # without diacritics: either name
        assert stored["huong_2"] in found
    else:  # with diacritics: they must match (HƯƠNG is not HƯỜNG)
        assert stored["huong_2"] not in found


def test_a_typo_in_a_name_still_finds_it(repo, stored):
    assert ids(repo, name="Tran Van Bihn") == {stored["binh"]}
    assert ids(repo, name="Trần Văm Bình") == {stored["binh"]}
    assert stored["huong"] in ids(repo, name="Nguyen Thi Thu Huomg")
    assert ids(repo, name="Xyzw Qqq") == set()


def test_the_start_of_a_personal_number_or_a_dossier_code(repo, stored):
    assert ids(repo, personal_id="0221800001") == {stored["huong"]}
    assert ids(repo, personal_id="02218") == {stored["huong"], stored["huong_2"]}
    assert ids(repo, personal_id="022180000123") == {stored["huong"]}
    assert ids(repo, dossier_code=f"{UNIT}-2601") == {stored["huong"]}
    assert ids(repo, dossier_code="260105-00") == {stored["huong"]}  # without the unit: the unit's
    assert ids(repo, dossier_code="260106") == set()


def test_the_browsable_list_pages_sorts_and_filters(repo, stored):
    page = repo.browse(actor=ACTOR, per_page=2, sort="name")
    assert page.total == 3 and len(page.records) == 2 and page.pages == 2
    names = [r.subject().full_name for r in page.records + repo.browse(actor=ACTOR, per_page=2, page=2,
                                                                        sort="name").records]
    assert names == sorted(names)
    assert [r.id for r in repo.browse(actor=ACTOR, officer="can_bo_02").records] == [stored["binh"]]
    assert {r.id for r in repo.browse(actor=ACTOR, schema="birth_certificate").records} == \
        {stored["huong"], stored["huong_2"]}
    newest = repo.browse(actor=ACTOR, sort="created_at", descending=True).records
    assert [r.id for r in newest] == [stored["binh"], stored["huong_2"], stored["huong"]]
    assert repo.browse(actor=ACTOR, since="2000-01-01", until="2000-12-31").total == 0


def test_a_common_name_is_paged_newest_first_whatever_chunks_it_is_read_in(repo, monkeypatch):
    """On SQLite a page of a name's matches is read newest first in chunks of people (the chunk made tiny here):
    the pages are those of the whole ordered list, also when a record filter leaves most of a chunk out."""
    import pipeline.store.repository as repository

    monkeypatch.setattr(repository, "FIRST_CHUNK", 2)
    made = []
    for i in range(9):
        doc = (birth_certificate(name="LÊ THỊ MAI", pid=f"0221800010{i:02d}") if i % 3
               else citizen_id_card("LÊ THỊ MAI", f"0011900010{i:02d}", "1990-01-01"))
        [record] = repo.put(result(f"mai{i}.pdf", doc), actor=ACTOR)
        made.append((record.id, record.schema_id))
    newest = [rid for rid, _ in sorted(made, reverse=True)]
    pages = [[r.id for r in repo.search(actor=ACTOR, name="mai le", limit=4, offset=k)] for k in (0, 4, 8)]
    assert pages == [newest[:4], newest[4:8], newest[8:]]
    cards = [rid for rid, schema in sorted(made, reverse=True) if schema == "citizen_id_card"]
    assert [r.id for r in repo.search(actor=ACTOR, name="mai", schema="citizen_id_card", limit=2)] == cards[:2]


@pytest.mark.parametrize("typed", ["thu", "th", "ng th huo", "Thu Hương", "huong thi nguyen", "tr van bihn"])
def test_a_start_finds_the_same_whether_matched_as_the_words_it_starts_or_as_a_prefix(repo, stored, monkeypatch,
                                                                                      typed):
    """On PostgreSQL a typed start is matched as the few vocabulary words it starts (THU: THU, THUY), else as a
    prefix: the same records either way, newest first."""
    import pipeline.store.search as search

    [thuy] = repo.put(result("cc2.jpg", citizen_id_card("LÊ THỦY", "001090005678", "1990-02-02")), actor=ACTOR)
    expanded = [r.id for r in repo.search(actor=ACTOR, name=typed)]
    monkeypatch.setattr(search, "EXPANDED_WORDS", 0)
    assert [r.id for r in repo.search(actor=ACTOR, name=typed)] == expanded
    if typed in ("thu", "th"):
        assert expanded == [thuy.id, stored["huong_2"], stored["huong"]]


def test_a_fresh_postgresql_catalog_indexes_the_searched_peoples_words(repo):
    """Migration 0007: the partial GIN index over the person, husband and wife's words, used by a name search."""
    if repo.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    import sqlalchemy as sa

    with repo.engine.connect() as conn:
        names = set(conn.execute(sa.text("SELECT indexname FROM pg_indexes WHERE tablename = 'people'")).scalars())
    assert {"ix_people_words_tsv", "ix_people_subject_words_tsv"} <= names


def test_postgresqls_search_indexes_keep_no_pending_list(repo, stored):
    """Migration 0009: the GIN indexes a name search reads are written in place (``fastupdate = off``), so a search
    never reads through a list of entries waiting to be merged (4 MB of them by default); a person stored after
    the migration is found."""
    if repo.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    import sqlalchemy as sa

    with repo.engine.connect() as conn:
        options = dict(conn.execute(sa.text(
            "SELECT c.relname, array_to_string(c.reloptions, ',') FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'gin'")).all())
    assert set(options) == {"ix_people_words_tsv", "ix_people_subject_words_tsv", "ix_name_words_trgm"}
    assert all("fastupdate=off" in (value or "") for value in options.values()), options
    assert {stored["huong"], stored["huong_2"]} <= {r.id for r in repo.search(actor=ACTOR, name="huo")}


def test_a_fresh_sqlite_catalog_has_prefix_indexes_and_finds_starts(repo, stored):
    """Migration 0008: ``people_fts`` with prefix indexes (2, 3 and 4 characters); a start still finds its names
    and a person stored after the migration is found too (the insert trigger made again)."""
    if repo.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    import sqlalchemy as sa

    with repo.engine.connect() as conn:
        sql = conn.execute(sa.text("SELECT sql FROM sqlite_master WHERE name = 'people_fts'")).scalar_one()
        triggers = set(conn.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    assert "prefix='2 3 4'" in sql and "people_fts_insert" in triggers
    found = {r.id for r in repo.search(actor=ACTOR, name="huo")}
    assert {stored["huong"], stored["huong_2"]} <= found
