"""The extractors' tunable numbers, in one place.

A field is accepted (status ``ok``) only when its confidence reaches ``OK_THRESHOLD`` and its value is
valid for its kind and no rule against it failed. A wrong value with status ``ok`` is the worst error,
so these lean to review.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

OK_THRESHOLD = 0.80  # field confidence needed for status "ok" where no threshold was fitted for the kind

# Thresholds per value kind, fitted on the tuning families by ``python -m bench.calibrate`` (the lowest
# threshold at which auto-accept precision on them is at least 99.9 %, never below OK_THRESHOLD).
_THRESHOLDS = Path(__file__).resolve().parent / "data" / "thresholds.yaml"


@lru_cache(maxsize=1)
def _fitted() -> dict[str, float]:
    if not _THRESHOLDS.is_file():
        return {}
    with _THRESHOLDS.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return {str(k): float(v) for k, v in (data.get("thresholds") or {}).items()}


def ok_threshold(kind: str) -> float:
    """The confidence a value of ``kind`` needs for status "ok"."""
    return max(OK_THRESHOLD, _fitted().get(kind, OK_THRESHOLD))

# Label matching (rapidfuzz ratio 0..100 on folded text).
LABEL_CUTOFF = 86.0  # labels longer than 8 characters
LABEL_CUTOFF_SHORT = 92.0  # labels of 5..8 characters (shorter ones must match exactly)
LABEL_CUTOFF_NO_COLON = 95.0  # a label read without its colon must match this well

# Confidence weights.
INVALID_KIND_FACTOR = 0.3  # value not valid for its kind
RAGGED_FACTOR = 0.7  # the value ended at OCR debris that may hold its end
RULE_FAILED_FACTOR = 0.5  # a rule against the field failed
RULE_PASSED_BONUS = 0.05  # a cross-field rule confirmed the value
CORROBORATED_DOUBT = 0.5  # an independent reading confirmed the value: its doubt (1 - confidence) halves
QR_CONFIDENCE = 0.99  # a value read from the card's QR code

# Classification.
TITLE_CUTOFF = 82.0  # fuzzy ratio of a line against a title
TITLE_ZONE = 0.5  # titles are looked for in this top fraction of the page
EVIDENCE_MIN = 0.5  # share of a schema's distinctive labelled fields found on an untitled page to classify it
EVIDENCE_MIN_FIELDS = 3  # and at least this many of them
CLASSIFIED_OK = 0.8  # below this schema confidence no field of the document is accepted without review
MRZ_CLASS_CONFIDENCE = 0.9  # an untitled page classified by its machine-readable zone (ID cards only)
HEADING_CLASS_CONFIDENCE = 0.9  # a page classified by a heading of its schema below a title that names none

# Layout.
CONTINUATION_GAP = 1.9  # a value goes on to the next line when the gap is below this many line heights
