"""The search benchmark as a guard (slow): 100,000 records, median search by personal number < 20 ms."""

from __future__ import annotations

import pytest

from bench.bench_search import run


@pytest.mark.slow
@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_search_by_personal_number_stays_fast(db, tmp_path, request):
    if db == "postgresql" and not request.getfixturevalue("pg_available"):
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    figures = run(db, 100_000, 200, seed=11, workdir=tmp_path)
    assert figures["search_personal_id"]["median_ms"] < 20, figures


def test_a_kept_catalog_is_reused(tmp_path):
    """``--keep``: the loaded catalog stays and the next run with the same size and seed searches it again."""
    first = run("sqlite", 300, 3, seed=3, workdir=tmp_path / "a", keep=tmp_path / "kept")
    again = run("sqlite", 300, 3, seed=3, workdir=tmp_path / "b", keep=tmp_path / "kept")
    assert first["load_s"] is not None and again["load_s"] is None
    assert again["people"] == first["people"] and (tmp_path / "kept" / "search_300_3.sqlite").exists()
    other = run("sqlite", 200, 3, seed=3, workdir=tmp_path / "c", keep=tmp_path / "kept")  # another size: its own
    assert other["load_s"] is not None and other["records"] == 200
