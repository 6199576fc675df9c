"""Making the first intake of the day as fast as the next ones.

- The page workers (``pipeline.process`` runs pages in a fresh process pool per file, started from
  multiprocessing's fork server) are forked from a server that has already imported ``pipeline.process``
  (OpenCV, NumPy, Tesseract bindings): about 0.9 s less per intake here.
- The extractors (schemas, gazetteers, label tables: about 2 s to import) are loaded in a background
  thread when the app starts, by extracting a one-line page.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading

log = logging.getLogger(__name__)


def preload_page_workers() -> None:
    """Must run before the fork server starts (the first process pool); later calls change nothing."""
    multiprocessing.set_forkserver_preload(["pipeline.process"])


def _warm_extractors() -> None:
    try:
        from extractors import extract_documents
        from pipeline.models import Line, PageOcr, Word

        words = [Word(text=t, conf=0.9, bbox=(10 + 100 * i, 10, 90 + 100 * i, 40), line=0)
                 for i, t in enumerate(("GIẤY", "KHAI", "SINH"))]
        page = PageOcr(number=1, width=1000, height=1400, dpi=200, words=words,
                       lines=[Line(text="GIẤY KHAI SINH", bbox=(10, 10, 290, 40), words=[0, 1, 2])])
        extract_documents([page])
    except Exception:  # noqa: BLE001 - warming up is best effort; the first intake will show any real error
        log.exception("warming up the extractors failed")


def warm_up_in_background() -> threading.Thread:
    thread = threading.Thread(target=_warm_extractors, name="sohoa-warmup", daemon=True)
    thread.start()
    return thread
