"""Pairing predicted documents with truth documents, and predicted register rows with truth rows.

Documents: a pair needs at least one page in common. A predicted ``unknown`` document on pages that belong to no
truth document (a paper of the dossier outside the schemas, e.g. an application form) is what a system should
say of them: it is neither paired nor spurious. Pairs are taken greedily, best first, one to one:
same schema before different schema, then more pages in common relative to the union (Jaccard), then
the earlier document. Rows: first by equal register number (``number``) where the system accepted that number
(a number it sent to review may be a misread one, equal to another row's: "145" read "143" would pair that row
with the truth's row 143 and score its correct values as errors), the rest in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipeline.evaluation.normalize import comparison_key
from pipeline.evaluation.truth import TruthDocument
from pipeline.models import Document, FieldValue


def _jaccard(left: Sequence[int], right: Sequence[int]) -> float:
    a, b = set(left), set(right)
    return len(a & b) / len(a | b) if a | b else 0.0


def match_documents(
    truth: Sequence[TruthDocument], predicted: Sequence[Document]
) -> tuple[list[tuple[int, int | None]], list[int]]:
    """Pairs (truth index, predicted index or None) in truth order, and the unmatched predicted indices."""
    candidates: list[tuple[bool, float, int, int]] = []
    for t_index, t_doc in enumerate(truth):
        for p_index, p_doc in enumerate(predicted):
            overlap = _jaccard(t_doc.pages, p_doc.pages)
            if overlap > 0:
                candidates.append((t_doc.schema_id == p_doc.schema_id, overlap, t_index, p_index))
    candidates.sort(key=lambda c: (not c[0], -c[1], c[2], c[3]))
    paired: dict[int, int] = {}
    used: set[int] = set()
    for _, _, t_index, p_index in candidates:
        if t_index not in paired and p_index not in used:
            paired[t_index] = p_index
            used.add(p_index)
    pairs = [(t_index, paired.get(t_index)) for t_index in range(len(truth))]
    truth_pages = {page for t_doc in truth for page in t_doc.pages}
    spurious = [p_index for p_index, p_doc in enumerate(predicted) if p_index not in used
                and not (p_doc.schema_id == "unknown" and truth_pages.isdisjoint(p_doc.pages))]
    return pairs, spurious


def match_rows(
    truth_rows: Sequence[dict[str, Any]], predicted_rows: Sequence[dict[str, FieldValue]]
) -> list[tuple[int, int | None]]:
    """Pairs (truth row index, predicted row index or None), in truth order."""
    paired: dict[int, int] = {}
    used: set[int] = set()
    predicted_numbers: dict[str, int] = {}
    for p_index, row in enumerate(predicted_rows):
        number = row.get("number")
        key = comparison_key(number.value) if number is not None and number.status == "ok" else None
        if key is not None:
            predicted_numbers.setdefault(key, p_index)
    for t_index, row in enumerate(truth_rows):
        key = comparison_key(row.get("number"))
        p_index = predicted_numbers.get(key) if key is not None else None
        if p_index is not None and p_index not in used:
            paired[t_index] = p_index
            used.add(p_index)
    remaining = iter(p for p in range(len(predicted_rows)) if p not in used)
    for t_index in range(len(truth_rows)):
        if t_index not in paired:
            p_index = next(remaining, None)
            if p_index is None:
                break
            paired[t_index] = p_index
    return [(t_index, paired.get(t_index)) for t_index in range(len(truth_rows))]
