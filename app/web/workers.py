"""The server's page workers: one pool of processes, started with the server and kept warm, that reads the
pages of every dossier taken in at the counter.

A citizen waits at the counter while a two-page dossier is read, so nothing is started per upload: the
workers are forked once from multiprocessing's fork server, which has already imported ``pipeline.process``
(OpenCV, NumPy, the Tesseract bindings), and each has read one small page (Tesseract's language data in the
page cache) before the first officer uploads anything. The pages of all the files of an upload are read
together, as many at once as there are workers (``SOHOA_JOBS``, else the number of cores).

Each page goes through ``pipeline.process.process_page`` unchanged (ingest → preprocess → OCR, read again
turned over when it reads poorly → the straightened page image); the one-page PDFs of the archive copy are
not written here but at approval (``app.web.archive``), from the same image and words.

Beside ``pipeline.process.PagePool`` (the batch's pool; the fork server set-up and the warm-up page are
shared with it): a page the pipeline cannot read comes back here as a ``PageFailure`` with its reason, shown to
the officer, instead of failing the whole dossier; each page also reports the processor seconds it took (the
figure the intake benchmark needs on a loaded machine); and a pool whose worker died is replaced and the pages
read again once. Folding these into ``PagePool`` is left to do.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from pipeline.errors import BadInput
from pipeline.process import PageJob, PageOutput, prepare_fork_server, process_page, warm_worker

log = logging.getLogger(__name__)


@dataclass
class PageFailure:
    """A page the worker could not read (``BadInput``'s reason; the exception itself does not pickle)."""

    reason: str


def read_page(job: PageJob) -> PageOutput | PageFailure:
    """Runs in a worker: one page through the pipeline's page stages. Adds ``cpu`` to the page's timings:
    the processor seconds the page took (this process and all its threads, Tesseract included, plus any child
    process it ran), which is what the page would take on a core of its own, however loaded the machine is."""
    cpu = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        out = process_page(job)
    except BadInput as err:
        return PageFailure(reason=err.reason)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out.seconds["cpu"] = (time.process_time() - cpu + after.ru_utime - children.ru_utime
                          + after.ru_stime - children.ru_stime)
    return out


def preload_page_workers() -> None:
    """Must run before the fork server starts (the first process pool of this process); later calls change
    nothing. Large page arrays freed in a worker go back to the system at once (glibc reads the threshold when
    a process starts, so it is set before the fork server starts), as ``run_pages`` does for its pools."""
    prepare_fork_server(extra=("app.web.workers",))


class PageWorkers:
    """``jobs`` page workers for the life of the server (``jobs == 1``: pages are read in the server's own
    process, one at a time, as ``run_pages`` does)."""

    def __init__(self, jobs: int):
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Starts the workers now and has each read a small page, so the first dossier finds them warm."""
        if self.jobs == 1:
            return
        pool = self._get_pool()
        # Submitted together, so that each task starts its own worker (a pool only forks when none is idle).
        for future in [pool.submit(warm_worker) for _ in range(self.jobs)]:
            future.add_done_callback(_log_failure)

    def _get_pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                preload_page_workers()
                self._pool = ProcessPoolExecutor(max_workers=self.jobs,
                                                 mp_context=multiprocessing.get_context("forkserver"))
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    def read(self, jobs: list[PageJob]) -> list[PageOutput | PageFailure]:
        """Reads the pages (all at once, up to ``self.jobs`` in parallel); results in the order given. A pool
        whose worker died (killed for memory, a crash in a native library) is replaced and the pages are read
        once more."""
        if not jobs:
            return []
        if self.jobs == 1:
            return [read_page(job) for job in jobs]
        for attempt in (1, 2):
            pool = self._get_pool()
            try:
                futures: list[Future] = [pool.submit(read_page, job) for job in jobs]
                return [future.result() for future in futures]
            except BrokenProcessPool:
                log.warning("a page worker died; starting new workers (attempt %d)", attempt)
                self._discard(pool)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _log_failure(future: Future) -> None:
    if future.cancelled():
        return
    if future.exception() is not None:
        log.warning("warming up a page worker failed: %s", future.exception())
