"""Page workers as threads of one process (``PagePool(kind="threads")``, ``SOHOA_PAGE_WORKERS=threads``): the same
pages as worker processes read, in order, by several threads at once, each with its own Tesseract engine."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from pipeline import process
from pipeline.process import PagePool, page_worker_kind, read_pages

COMMITTED = Path(__file__).resolve().parents[2] / "samples" / "committed"
FILE = COMMITTED / "birth_register_scan_002.pdf"  # two pages


def words(pages) -> list[list[str]]:
    return [[w.text for w in page.words] for page in pages]


def test_threads_read_what_processes_read() -> None:
    with PagePool(2, kind="processes") as workers:
        by_processes = read_pages(FILE, pool=workers)
    with PagePool(2, kind="threads") as threads:
        by_threads = read_pages(FILE, pool=threads)
        assert threads.worker_pids() == []  # no process of its own
    assert [p.number for p in by_threads] == [1, 2]
    assert words(by_threads) == words(by_processes)
    assert all(len(page.words) > 20 for page in by_threads)


def test_pages_are_read_by_several_threads_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    inside: set[str] = set()
    together = threading.Event()
    lock = threading.Lock()
    read_page = process.process_page

    def watched(job):
        with lock:
            inside.add(threading.current_thread().name)
            if len(inside) > 1:
                together.set()
        try:
            together.wait(timeout=30)  # the first page waits until a second thread reads one too
            return read_page(job)
        finally:
            with lock:
                inside.discard(threading.current_thread().name)

    monkeypatch.setattr(process, "process_page", watched)
    with PagePool(2, kind="threads") as threads:
        pages = read_pages(FILE, pool=threads)
    assert together.is_set() and len(pages) == 2


def test_kind_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOHOA_PAGE_WORKERS", raising=False)
    assert PagePool(2).kind == "processes" and page_worker_kind("threads") == "threads"
    monkeypatch.setenv("SOHOA_PAGE_WORKERS", "threads")
    assert page_worker_kind() == "threads" and PagePool(2).kind == "threads"
    monkeypatch.setenv("SOHOA_PAGE_WORKERS", "processes")
    assert page_worker_kind("threads") == "processes"
    monkeypatch.setenv("SOHOA_PAGE_WORKERS", "fibres")  # not a kind: the default
    assert page_worker_kind("threads") == "threads"


def test_a_file_read_without_a_pool_is_read_by_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOHOA_PAGE_WORKERS", raising=False)
    kinds: list[str] = []
    made = PagePool.__init__

    def watched(self, jobs=None, kind=None):
        made(self, jobs, kind)
        kinds.append(self.kind)

    monkeypatch.setattr(PagePool, "__init__", watched)
    pages = read_pages(FILE, jobs=2)
    assert kinds == ["threads"] and len(pages) == 2


def test_the_first_caller_chooses_the_shared_pool_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOHOA_PAGE_WORKERS", raising=False)
    monkeypatch.setattr(process, "_shared", {})  # this test's own shared pools
    batch = process.shared_pool(3, kind=process.BATCH_PAGE_WORKERS)
    try:
        assert batch.kind == "threads"
        assert process.shared_pool(3) is batch  # the tasks of the batch find it (they ask for no kind)
        assert process.shared_pool(1).kind == "processes"  # a pool made without a kind: processes
    finally:
        process.close_shared_pools()
