"""Page workers shared by files, and extraction while pages are still being read (pipeline.process)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from extractors import extract_documents
from pipeline.models import PageOcr
from pipeline.process import PagePool, extract_stream, process_file, read_pages

COMMITTED = Path(__file__).resolve().parents[2] / "samples" / "committed"
# Several documents, an unknown cover page, and a two-page register (one document over two pages).
FILES = ["dossier_scan_001.pdf", "birth_register_scan_002.pdf", "dossier_hard_001.pdf"]


@pytest.fixture(scope="module")
def pool() -> PagePool:
    with PagePool(2) as shared:
        yield shared.start()


@pytest.fixture(scope="module")
def pages_by_file(pool: PagePool) -> dict[str, list[PageOcr]]:
    return {name: read_pages(COMMITTED / name, pool=pool) for name in FILES}


def dump(documents) -> list[dict]:
    return [d.model_dump() for d in documents]


def test_streamed_extraction_is_the_whole_files(pages_by_file: dict[str, list[PageOcr]]) -> None:
    pages = []
    for name in FILES:  # one long file: the three files' pages, numbered on
        pages += [p.model_copy(update={"number": len(pages) + i}) for i, p in enumerate(pages_by_file[name], 1)]
    whole = extract_documents(pages)
    assert len(whole) >= 4 and any(len(d.pages) > 1 for d in whole)
    for window in (1, 2, 3, len(pages)):
        assert dump(extract_stream(pages, first_window=window)) == dump(whole), window


def test_files_read_at_once_share_the_workers(pool: PagePool, pages_by_file: dict[str, list[PageOcr]]) -> None:
    before = pool.worker_pids()
    got: dict[str, list[PageOcr]] = {}

    def read(name: str) -> None:
        got[name] = read_pages(COMMITTED / name, pool=pool)

    threads = [threading.Thread(target=read, args=(name,)) for name in FILES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert pool.worker_pids() == before and len(before) == 2
    for name in FILES:
        assert [p.text for p in got[name]] == [p.text for p in pages_by_file[name]]


def test_process_file_lets_words_go(pool: PagePool, pages_by_file: dict[str, list[PageOcr]],
                                    tmp_path: Path) -> None:
    name = FILES[0]
    done = process_file(COMMITTED / name, pool=pool, archive_out=tmp_path / "a.pdf", keep_words=False)
    assert [p.words for p in done.pages] == [[] for _ in pages_by_file[name]]
    assert [p.text for p in done.result.pages] == [p.text for p in pages_by_file[name]]
    assert dump(done.result.documents) == dump(extract_documents(pages_by_file[name]))
    assert set(done.result.timings) == {"ocr", "extract", "pdfa"}
    assert (tmp_path / "a.pdf").stat().st_size > 0
