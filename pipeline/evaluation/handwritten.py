"""Handwritten register cells in the evaluation: the constrained reading against the unconstrained best string.

For every register entry cell of a truth document of a handwritten family (``br-hand-tuning``,
``br-hand-heldout``: samples/handwriting.py), per entry field and per split of hands:

- ``best_string_right``: the recognizer's best string is exactly what the hand wrote (NFC, spaces collapsed);
- ``best_string_value_right``: that string, parsed by the printed extractor's kind (extractors/kinds: a date
  in words to ISO, "Nam" to male), gives the true value: the best one could do without the constraints;
- ``constrained_right``: the value in the result is the true value;
- ``ok_coverage``, ``ok_precision``: the share of cells marked ``ok``, and the share of those right;
- keystrokes per entry (``typing_everything``: every character and Enter; ``with_suggestions``: Enter on a
  right suggestion, the whole value and Enter on a wrong one; ``ok_accepted_unseen``: the same with the ``ok``
  cells accepted without a look).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from pydantic import BaseModel

from pipeline.evaluation.normalize import collapse_spaces, same_value
from pipeline.evaluation.scoring import FieldOutcome, FileScore

HANDWRITTEN_FAMILIES = {"br-hand-tuning": "tuning", "br-hand-heldout": "heldout"}


class HandwrittenStats(BaseModel):
    cells: int = 0
    entries: int = 0
    best_string_right: float | None = None
    best_string_value_right: float | None = None
    constrained_right: float | None = None
    ok_cells: int = 0
    ok_wrong: int = 0
    ok_coverage: float | None = None
    ok_precision: float | None = None
    keys_typing_everything: float | None = None  # per entry
    keys_with_suggestions: float | None = None
    keys_ok_unseen: float | None = None


@cache
def _entry_kinds(schema_id: str) -> dict[str, str]:
    from schemas import get_schema

    return {key: spec.kind for key, spec in get_schema(schema_id).entry_fields.items()}


def best_string_value(outcome: FieldOutcome) -> object:
    """The best string read as the printed extractor reads a cell of the field's kind."""
    from extractors.kinds import parse_value

    if not outcome.text:
        return None
    kind = _entry_kinds(outcome.schema_id).get(outcome.key, "text")
    return parse_value(kind, outcome.text).value


def _stats(outcomes: Sequence[FieldOutcome]) -> HandwrittenStats:
    n = len(outcomes)
    if not n:
        return HandwrittenStats()
    entries = len({(o.file, o.row) for o in outcomes})
    written = [o for o in outcomes if o.written is not None]
    ok = [o for o in outcomes if o.accepted]
    full = suggested = unseen = 0
    for o in outcomes:
        typed = len(o.written if o.written is not None else str(o.truth)) + 1
        full += typed
        suggested += 1 if o.correct else typed
        unseen += 0 if o.accepted else (1 if o.correct else typed)
    return HandwrittenStats(
        cells=n,
        entries=entries,
        best_string_right=sum(collapse_spaces(o.text or "") == collapse_spaces(o.written or "") for o in written)
        / len(written) if written else None,
        best_string_value_right=sum(same_value(best_string_value(o), o.truth) for o in outcomes) / n,
        constrained_right=sum(o.correct for o in outcomes) / n,
        ok_cells=len(ok),
        ok_wrong=sum(not o.correct for o in ok),
        ok_coverage=len(ok) / n,
        ok_precision=sum(o.correct for o in ok) / len(ok) if ok else None,
        keys_typing_everything=full / entries,
        keys_with_suggestions=suggested / entries,
        keys_ok_unseen=unseen / entries,
    )


def handwritten_stats(files: Sequence[FileScore]) -> dict[str, dict[str, HandwrittenStats]]:
    """Split of hands -> entry field (and ``all``) -> stats; empty without handwritten documents."""
    by_split: dict[str, dict[str, list[FieldOutcome]]] = defaultdict(lambda: defaultdict(list))
    for file in files:
        for doc in file.documents:
            split = HANDWRITTEN_FAMILIES.get(doc.family or "")
            if split is None:
                continue
            for outcome in doc.fields:
                if outcome.kind == "entry" and outcome.truth is not None:
                    by_split[split][outcome.key].append(outcome)
    return {split: {key: _stats(outcomes) for key, outcomes in keys.items()}
            | {"all": _stats([o for outcomes in keys.values() for o in outcomes])} for split, keys in by_split.items()}
