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
