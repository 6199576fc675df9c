"""Making the first intake of the day as fast as the next ones.

- The page workers (``app.web.workers``) start with the server, forked from a fork server that has
  already imported ``pipeline.process`` (OpenCV, NumPy, Tesseract bindings), and each reads a small page.
- The extractors (schemas, gazetteers, label tables, spaCy: about 2 s to import) are loaded in a
  background thread when the app starts, by extracting a one-line page; the server keeps them.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)


def _warm_extractors() -> None:
    try:
        from pipeline.process import warm_extractors

        warm_extractors()
    except Exception:  # noqa: BLE001 - warming up is best effort; the first intake will show any real error
        log.exception("warming up the extractors failed")


def warm_up_in_background() -> threading.Thread:
    thread = threading.Thread(target=_warm_extractors, name="sohoa-warmup", daemon=True)
    thread.start()
    return thread
