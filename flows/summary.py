"""The batch report, ``OUT/summary.json``: counts, one row per input, timings and pages per second."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

from flows.tasks import Item


def build_summary(items: list[Item], ignored: list[str], started: datetime, seconds: float,
                  options: dict[str, Any]) -> dict[str, Any]:
    counts = Counter(item.status for item in items)
    worked = [i for i in items if i.status == "done" and "ocr" not in i.resumed]
    pages = sum(i.pages for i in worked)
    return {
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 2),
        "options": options,
        "counts": {
            "inputs": len(items),
            "done": counts["done"],
            "skipped": counts["skipped"],
            "duplicate": counts["duplicate"],
            "quarantined": counts["quarantined"],
            "failed": counts["failed"],
            "ignored": len(ignored),
        },
        "pages_processed": pages,
        "pages_per_second": round(pages / seconds, 3) if seconds > 0 and pages else 0.0,
        "files": [
            {
                "source": i.source,
                "name": i.name,
                "sha256": i.sha256,
                "status": i.status,
                "reason": i.reason,
                "pages": i.pages,
                "documents": i.documents,
                "needs_review": i.needs_review,
                "signed": i.signature_level is not None,
                "signature_level": i.signature_level,
                "stored": i.stored,
                "records": i.records,
                "outputs": i.outputs,
                "resumed": i.resumed,
                "timings": i.timings,
            }
            for i in items
        ],
        "ignored": ignored,
    }
