"""Search latency of the catalog with many records, on SQLite and on PostgreSQL.

    .venv/bin/python bench/bench_search.py --records 1000000 --db both
    .venv/bin/python bench/bench_search.py --records 20000 --queries 200     # a quick run

Loads N synthetic records (one to three people each: the person, and for birth certificates the parents)
straight into a fresh catalog (SQLite: executemany in big transactions; PostgreSQL: COPY), then times
``Repository.search`` (the real code path, audit events included) by personal number, by a name typed
without diacritics (with the number, and alone: every namesake, no limit), and the per-person view.
Each query must find the record it was drawn from. The PostgreSQL database (``sohoa_bench_<random>``)
and the SQLite file are removed at the end, unless ``--keep DIR``: then the SQLite file is
``DIR/search_<records>_<seed>.sqlite`` and the PostgreSQL database ``sohoa_bench_<records>_<seed>``, both
kept, and a later run with the same ``--keep``, ``--records`` and ``--seed`` reuses them (migrated to the
newest revision on open, as any catalog) instead of loading again; ``load_s`` is then null.

Name search as officers type it (issue 15), first page (100 rows) as the search screen asks: part of a name
(given name and family name, no diacritics, in the other order), the whole name with diacritics in another
word order, and the whole name with a typo in the given name (two letters swapped), each drawn from a
record; ``found`` says how many of them had the record on that first page.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import sqlalchemy as sa

from pipeline.store.database import open_catalog
from pipeline.store.names import fold_name, name_key
from pipeline.store.objects import LocalObjectStore
from pipeline.store.repository import Repository

FAMILY = ["NGUYỄN", "TRẦN", "LÊ", "PHẠM", "HOÀNG", "HUỲNH", "PHAN", "VŨ", "VÕ", "ĐẶNG", "BÙI", "ĐỖ", "HỒ",
          "NGÔ", "DƯƠNG", "LÝ"]
MIDDLE = ["VĂN", "THỊ", "HỮU", "ĐỨC", "THU", "NGỌC", "MINH", "THANH", "XUÂN", "QUỐC", "KIM", "BẢO"]
GIVEN = ["HƯƠNG", "HÙNG", "LAN", "MAI", "NAM", "TUẤN", "HÒA", "THỦY", "ANH", "DŨNG", "LINH", "TRANG", "HẢI",
         "SƠN", "HẠNH", "PHƯƠNG", "QUÂN", "YẾN", "KHÁNH", "TÂM", "HIỀN", "LONG", "NHUNG", "VY"]
PROVINCES = ["022", "001", "031", "079", "024", "030", "036", "038"]
SCHEMAS = ["citizen_id_card", "birth_certificate", "death_extract", "marital_status_confirmation"]
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

RECORD_COLS = ["id", "root_id", "version", "is_current", "schema_id", "source_sha256", "source_name", "doc_index",
               "pages", "number", "book", "authority", "registration_date", "needs_review", "extraction_key",
               "extraction_sha256", "status", "created_by", "created_at"]
PEOPLE_COLS = ["id", "record_id", "role", "personal_id", "full_name", "name_folded", "name_key", "date_of_birth",
               "birth_year"]


@cache
def name_forms(name: str) -> tuple[str, str]:
    return fold_name(name), name_key(name)


def person_name(rng: random.Random) -> str:
    return " ".join((rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(MIDDLE), rng.choice(GIVEN)))


def synthetic(n: int, seed: int, chunk: int) -> Iterator[tuple[list[tuple], list[tuple]]]:
    """Chunks of (record rows, people rows); record i's subject has personal number pid(i)."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    person_id = 0
    records: list[tuple] = []
    people: list[tuple] = []
    for i in range(1, n + 1):
        schema = SCHEMAS[i % len(SCHEMAS)]
        year = rng.randint(1930, 2024)
        dob = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sha = uuid.UUID(int=rng.getrandbits(128)).hex * 2
        records.append((i, i, 1, True, schema, sha, f"scan_{i}.pdf", 0, "[1]", str(i % 5000), f"{i % 97:02d}/{year}",
                        "UBND xã Vân Đồn", dob, False, f"objects/sha256/{sha[:2]}/{sha}", sha, "stored", "bench", now))
        name = person_name(rng)
        folded, key = name_forms(name)
        person_id += 1
        people.append((person_id, i, "subject", pid_of(i, year), name, folded, key, dob, year))
        if schema == "birth_certificate":
            for role in ("mother", "father"):
                parent = person_name(rng)
                folded, key = name_forms(parent)
                person_id += 1
                people.append((person_id, i, role, None, parent, folded, key, None, year - rng.randint(18, 40)))
        if len(records) >= chunk:
            yield records, people
            records, people = [], []
    if records:
        yield records, people


def pid_of(i: int, year: int) -> str:
    """A 12-digit personal number, unique per record: PPP G YY NNNNNN (DOMAIN.md)."""
    province = PROVINCES[(i // 1_000_000) % len(PROVINCES)]
    century = 0 if year < 2000 else 2
    return f"{province}{century + i % 2}{year % 100:02d}{i % 1_000_000:06d}"


def load_sqlite(engine: sa.Engine, n: int, seed: int) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        rec_sql = f"INSERT INTO records ({', '.join(RECORD_COLS)}) VALUES ({', '.join('?' * len(RECORD_COLS))})"
        ppl_sql = f"INSERT INTO people ({', '.join(PEOPLE_COLS)}) VALUES ({', '.join('?' * len(PEOPLE_COLS))})"
        for records, people in synthetic(n, seed, 50_000):
            cur.execute("BEGIN")
            cur.executemany(rec_sql, [r[:-1] + (r[-1].isoformat(),) for r in records])
            cur.executemany(ppl_sql, people)
            cur.execute("COMMIT")
        cur.execute("ANALYZE")
    finally:
        raw.close()


def load_postgresql(engine: sa.Engine, n: int, seed: int) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        for records, people in synthetic(n, seed, 100_000):
            with cur.copy(f"COPY records ({', '.join(RECORD_COLS)}) FROM STDIN") as copy:
                for row in records:
                    copy.write_row(row)
            with cur.copy(f"COPY people ({', '.join(PEOPLE_COLS)}) FROM STDIN") as copy:
                for row in people:
                    copy.write_row(row)
            raw.commit()
        for table in ("records", "people"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def load_vocabulary(engine: sa.Engine) -> None:
    """The name words' vocabulary (``name_words``), as ``Repository.put`` keeps it."""
    words = sorted({w for name in FAMILY + MIDDLE + GIVEN for w in fold_name(name).split()})
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO name_words (word) VALUES (:w)"), [{"w": w} for w in words])


def typo(word: str) -> str:
    """Two neighbouring letters swapped in the middle of the word (the last two of a short word)."""
    i = max(1, len(word) // 2 - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:] if len(word) > 2 else word


def timed(fn, samples: list[float]):
    start = time.perf_counter()
    out = fn()
    samples.append((time.perf_counter() - start) * 1000)
    return out


def figures(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
            "max_ms": round(ordered[-1], 2), "queries": len(ordered)}


def loaded(engine: sa.Engine, n: int) -> bool:
    """A kept catalog holds the whole synthetic load (its records and its vocabulary)."""
    with engine.connect() as conn:
        records = conn.execute(sa.text("SELECT count(*) FROM records")).scalar_one()
        words = conn.execute(sa.text("SELECT count(*) FROM name_words")).scalar_one()
    return records == n and words > 0


def catalog(db: str, n: int, seed: int, workdir: Path, keep: Path | None) -> tuple[str, bool, Callable[[], None]]:
    """The catalog's URL, whether a kept one is there to reuse, and what removes it at the end."""
    if db == "sqlite":
        path = keep / f"search_{n}_{seed}.sqlite" if keep else workdir / "bench.sqlite"
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}", path.exists(), lambda: None
    name = f"sohoa_bench_{n}_{seed}" if keep else f"sohoa_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if not exists:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        if not keep:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", exists is not None, drop


def fresh(db: str, url: str, engine: sa.Engine) -> sa.Engine:
    """An empty catalog in place of a kept one that holds a partial or different load."""
    engine.dispose()
    if db == "sqlite":
        database = Path(sa.make_url(url).database or "")
        for path in (database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))):
            path.unlink(missing_ok=True)
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    return open_catalog(url)


def run(db: str, n: int, queries: int, seed: int, workdir: Path, keep: Path | None = None) -> dict:
    url, exists, cleanup = catalog(db, n, seed, workdir, keep)
    try:
        engine = open_catalog(url)
        reused = exists and loaded(engine, n)
        load_s = None
        if not reused:
            if exists:
                engine = fresh(db, url, engine)
            start = time.perf_counter()
            (load_sqlite if db == "sqlite" else load_postgresql)(engine, n, seed)
            load_vocabulary(engine)
            load_s = round(time.perf_counter() - start, 1)
        repo = Repository(LocalObjectStore(workdir / "objects"), engine)
        rng = random.Random(seed + 1)
        by_pid: list[float] = []
        by_name: list[float] = []
        name_only: list[float] = []
        person_view: list[float] = []
        typed_as: dict[str, list[float]] = {"partial": [], "diacritics_any_order": [], "typo": []}
        found_as: dict[str, int] = dict.fromkeys(typed_as, 0)
        with engine.connect() as conn:
            people_rows = conn.execute(sa.text("SELECT count(*) FROM people")).scalar_one()
        for _ in range(queries):
            i = rng.randint(1, n)
            with engine.connect() as conn:
                pid, full_name = conn.execute(
                    sa.text("SELECT personal_id, full_name FROM people WHERE record_id = :i AND role = 'subject'"),
                    {"i": i}).one()
            found = timed(lambda pid=pid: repo.search(actor="bench", personal_id=pid), by_pid)
            assert i in {r.id for r in found}, (pid, i)
            typed = fold_name(full_name).lower()  # typed without diacritics
            found = timed(lambda typed=typed, pid=pid: repo.search(actor="bench", name=typed, personal_id=pid), by_name)
            assert i in {r.id for r in found}
            found = timed(lambda typed=typed: repo.search(actor="bench", name=typed, limit=None), name_only)
            assert i in {r.id for r in found}
            view = timed(lambda pid=pid: repo.person(pid, actor="bench"), person_view)
            assert i in {link.record.id for link in view.links}
            words = full_name.split()
            folded = fold_name(full_name).lower().split()
            for kind, text in (("partial", f"{folded[-1]} {folded[0]}"),
                               ("diacritics_any_order", " ".join(reversed(words))),
                               ("typo", " ".join([*folded[:-1], typo(folded[-1])]))):
                found = timed(lambda text=text: repo.search(actor="bench", name=text, limit=100), typed_as[kind])
                found_as[kind] += i in {r.id for r in found}
        repo.close()
        return {"db": db, "records": n, "people": people_rows, "load_s": load_s,
                "search_personal_id": figures(by_pid), "search_name_and_id": figures(by_name),
                "search_name_only": figures(name_only),
                "person_view": figures(person_view),
                **{f"name_{kind}": figures(samples) | {"found": found_as[kind]} for kind, samples in typed_as.items()}}
    finally:
        cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep the loaded catalogs (SQLite file in DIR) and reuse them on the next run")
    args = parser.parse_args()
    results = []
    for db in (["sqlite", "postgresql"] if args.db == "both" else [args.db]):
        with tempfile.TemporaryDirectory(prefix="sohoa_bench_") as tmp:
            result = run(db, args.records, args.queries, args.seed, Path(tmp), args.keep)
        print(json.dumps(result, ensure_ascii=False))
        results.append(result)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
