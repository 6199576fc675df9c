"""Layout families in the evaluation: their split (tuning / held-out) from the sample generator's registry
(samples/families.py) when it can be imported, and ``--families SPEC``: scoring only the documents of the
selected families (docs/evaluation.md, "Layout families and the held-out protocol").

A spec is ``all``, ``tuning``, ``heldout`` or a comma-separated list of those words and family names. Names are
matched as written (a corpus may name families the generator does not know); ``tuning`` and ``heldout`` need
the registry. Documents without a family (older truth files) are kept only by ``all``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pipeline.evaluation.scoring import FileScore
from pipeline.evaluation.truth import Case

SPLITS = ("tuning", "heldout")


@lru_cache(maxsize=1)
def registry_splits() -> dict[str, str]:
    """Family name -> split from samples/families.py; empty when the generator cannot be imported."""
    from pipeline.evaluation.handwritten import HANDWRITTEN_FAMILIES

    try:
        from samples.families import all_families
    except ImportError:
        return dict(HANDWRITTEN_FAMILIES)
    return {family.name: family.split for family in all_families()} | HANDWRITTEN_FAMILIES


def splits_of(names: Iterable[str]) -> dict[str, str | None]:
    registry = registry_splits()
    return {name: registry.get(name) for name in names}


class BadFamilySpec(ValueError):
    """A spec that cannot be resolved (empty, or a split word without the generator's registry)."""


@dataclass(frozen=True)
class FamilySelection:
    """The families a spec keeps: every document (``everything``), or those named in ``names``."""

    spec: str
    everything: bool
    names: frozenset[str]
    written: frozenset[str] = frozenset()  # the names the spec spells out (not through a split word)

    def keeps(self, family: str | None) -> bool:
        return self.everything or (family is not None and family in self.names)


def parse_spec(spec: str) -> FamilySelection:
    words = [w.strip() for w in spec.split(",") if w.strip()]
    if not words:
        raise BadFamilySpec("empty family selection")
    if "all" in words:
        return FamilySelection(spec, True, frozenset())
    registry = registry_splits()
    if any(w in SPLITS for w in words) and not registry:
        raise BadFamilySpec("'tuning'/'heldout' need samples/families.py, which cannot be imported")
    written = {w for w in words if w not in SPLITS}
    names = written | {name for name, split in registry.items() if split in words}
    return FamilySelection(spec, False, frozenset(names), frozenset(written))


def case_selected(case: Case, selection: FamilySelection) -> bool:
    """A file is scored when at least one of its truth documents is of a selected family."""
    return any(selection.keeps(doc.family) for doc in case.truth.documents)


def unmatched(selection: FamilySelection, cases: Iterable[Case]) -> list[str]:
    """The family names the spec spells out that no truth document of ``cases`` has."""
    seen = {doc.family for case in cases for doc in case.truth.documents}
    return sorted(selection.written - seen)


def restrict(score: FileScore, selection: FamilySelection) -> FileScore:
    """The file's score limited to the documents of the selected families: the others' documents, pages and
    the spurious predicted documents lying only on their pages are dropped."""
    if selection.everything:
        return score
    kept = [d for d in score.documents if selection.keeps(d.family)]
    dropped_pages = {n for d in score.documents if not selection.keeps(d.family) for n in d.pages}
    kept_pages = {n for d in kept for n in d.pages}
    dropped_only = dropped_pages - kept_pages
    pages = [p for p in score.pages if p.number not in dropped_only]
    spurious = [d for d in score.spurious if not set(d.predicted_pages) <= dropped_only]
    seconds = score.seconds * len(pages) / len(score.pages) if score.pages else score.seconds
    return score.model_copy(update={"documents": kept, "pages": pages, "spurious": spurious, "seconds": seconds})
