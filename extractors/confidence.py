"""Field confidence: OCR word confidences × label-match quality × kind validity, then rule outcomes.

Status ``ok`` needs all of: confidence ≥ the kind's calibrated threshold (``settings.ok_threshold``), no structural
doubt about the reading (``extractors.reader``), a value valid for its kind, and no
failed rule against the field. Everything else is ``review``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors import settings


@dataclass
class Assessment:
    """What is known about one field's value while the document is being checked."""

    ocr: float  # 0..1 from the OCR words
    label: float  # 0..1 label-match quality
    kind_quality: float  # 0..1 from the value kind (1 clean, lower when repaired or fuzzy)
    valid: bool
    rule_failed: bool = False
    rule_passed: bool = False
    exact: bool = False  # from an exact source (the QR code)
    ragged: bool = False  # the value ended at OCR debris: it may be cut short
    corroborated: bool = False  # another reading confirms it (date in words, register neighbours, an exact
    # match in a small closed list: a misread rarely lands exactly on another entry)
    kind: str = ""  # the value kind: its calibrated threshold (settings.ok_threshold)
    doubts: list[str] = field(default_factory=list)  # structural doubts (extractors/reader.py): any → review
    read_twice: bool = False  # a second OCR of the same cell (rules erased) gave the same value: one more
    # confirmation, on top of the others (each halves the doubt)

    def confidence(self) -> float:
        if self.exact:
            return settings.QR_CONFIDENCE
        value = self.ocr * self.label * self.kind_quality
        if not self.valid:
            value *= settings.INVALID_KIND_FACTOR
        if self.ragged:
            value *= settings.RAGGED_FACTOR
        if self.rule_failed:
            value *= settings.RULE_FAILED_FACTOR
        elif (self.corroborated or self.read_twice) and self.valid:
            times = int(self.corroborated) + int(self.read_twice)
            value = 1.0 - settings.CORROBORATED_DOUBT ** times * (1.0 - value)
        elif self.rule_passed:
            value = min(1.0, value + settings.RULE_PASSED_BONUS)
        return round(max(0.0, min(1.0, value)), 4)

    def status(self) -> str:
        if not self.valid or self.rule_failed or self.doubts:
            return "review"
        return "ok" if self.confidence() >= settings.ok_threshold(self.kind) else "review"
