"""Aggregating file scores into the figures of the report, overall, per schema, per tier and per layout
family."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel, computed_field

from pipeline.evaluation.scoring import DocumentScore, FieldOutcome, FileScore

NO_FAMILY = "unknown"  # the group of truth documents that name no layout family (older truth files)


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


class Metrics(BaseModel):
    """Counts over a group of files or documents, and the ratios derived from them (None: nothing to count)."""

    documents: int = 0  # truth documents
    classified: int = 0  # truth documents paired with a predicted document of the same schema
    spurious: int = 0  # predicted documents on no truth document
    fields: int = 0  # counted document fields
    fields_correct: int = 0
    row_fields: int = 0  # counted register row fields
    row_fields_correct: int = 0
    accepted: int = 0  # counted values (fields and row fields) with status "ok"
    accepted_correct: int = 0
    pages: int = 0
    cer_edits: int = 0
    cer_chars: int = 0
    timed_pages: int = 0  # pages of the files that were extracted without an error
    seconds: float = 0.0  # their processing time, summed over files (one worker each)

    @computed_field
    @property
    def classification_accuracy(self) -> float | None:
        return _ratio(self.classified, self.documents)

    @computed_field
    @property
    def field_accuracy(self) -> float | None:
        return _ratio(self.fields_correct, self.fields)

    @computed_field
    @property
    def row_field_accuracy(self) -> float | None:
        return _ratio(self.row_fields_correct, self.row_fields)

    @computed_field
    @property
    def coverage(self) -> float | None:
        return _ratio(self.accepted, self.fields + self.row_fields)

    @computed_field
    @property
    def precision(self) -> float | None:
        return _ratio(self.accepted_correct, self.accepted)

    @computed_field
    @property
    def silent_errors(self) -> int:
        return self.accepted - self.accepted_correct

    @computed_field
    @property
    def cer(self) -> float | None:
        return _ratio(self.cer_edits, self.cer_chars)

    @computed_field
    @property
    def pages_per_second(self) -> float | None:
        return _ratio(self.timed_pages, self.seconds)


def compute_metrics(files: Iterable[FileScore], schema: str | None = None) -> Metrics:
    """Metrics over ``files``; with ``schema``, only that schema's documents, values and pages.

    Values are attributed to the schema of the record they belong to: the truth document's schema, or
    the predicted schema for values of a document the truth does not support.
    """
    m = Metrics()
    for file in files:
        docs = [d for d in file.documents if schema is None or d.schema_id == schema]
        m.documents += len(docs)
        m.classified += sum(d.classified for d in docs)
        m.spurious += sum(schema is None or d.predicted_schema == schema for d in file.spurious)
        for outcome in file.outcomes():
            if schema is None or outcome.schema_id == schema:
                _count(m, outcome)
        pages = [p for p in file.pages if schema is None or schema in p.schemas]
        m.pages += len(pages)
        m.cer_edits += sum(p.edits for p in pages)
        m.cer_chars += sum(p.truth_chars for p in pages)
        if file.error is None:
            m.timed_pages += len(pages)
            m.seconds += file.seconds if schema is None else sum(d.seconds for d in docs)
    return m


def _count(m: Metrics, outcome: FieldOutcome) -> None:
    if outcome.kind == "entry":
        m.row_fields += 1
        m.row_fields_correct += outcome.correct
    else:
        m.fields += 1
        m.fields_correct += outcome.correct
    m.accepted += outcome.accepted
    m.accepted_correct += outcome.accepted and outcome.correct


def family_of(document: DocumentScore) -> str:
    return document.family or NO_FAMILY


class FamilyMetrics(Metrics):
    """The metrics of one layout family's documents, with the family's split when the registry knows it."""

    split: str | None = None  # "tuning", "heldout", or None (a family samples/families.py does not list)


def family_metrics(files: Iterable[FileScore], family: str, split: str | None = None) -> FamilyMetrics:
    """Metrics over the truth documents of ``family``: their values (a misclassified document's values
    included), the pages they lie on and their share of the time. Spurious documents belong to no family."""
    m = FamilyMetrics(split=split)
    for file in files:
        docs = [d for d in file.documents if family_of(d) == family]
        m.documents += len(docs)
        m.classified += sum(d.classified for d in docs)
        for doc in docs:
            for outcome in doc.fields:
                _count(m, outcome)
        numbers = {n for d in docs for n in d.pages}
        pages = [p for p in file.pages if p.number in numbers]
        m.pages += len(pages)
        m.cer_edits += sum(p.edits for p in pages)
        m.cer_chars += sum(p.truth_chars for p in pages)
        if file.error is None:
            m.timed_pages += len(pages)
            m.seconds += sum(d.seconds for d in docs)
    return m


def metrics_by_family(files: Sequence[FileScore], splits: dict[str, str | None] | None = None
                      ) -> dict[str, FamilyMetrics]:
    """Per layout family of the truth documents; ``splits`` gives each family's split where known."""
    splits = splits or {}
    families = sorted({family_of(d) for f in files for d in f.documents})
    return {family: family_metrics(files, family, splits.get(family)) for family in families}


def metrics_by_schema(files: Sequence[FileScore]) -> dict[str, Metrics]:
    schemas = sorted(
        {d.schema_id for f in files for d in f.documents if d.schema_id}
        | {d.predicted_schema for f in files for d in f.spurious if d.predicted_schema}
    )
    return {schema: compute_metrics(files, schema) for schema in schemas}


def metrics_by_tier(files: Sequence[FileScore]) -> dict[str, Metrics]:
    tiers = sorted({f.tier for f in files})
    return {tier: compute_metrics([f for f in files if f.tier == tier]) for tier in tiers}


class FieldStats(BaseModel):
    """Counts for one field key of one schema (row fields as ``entries.<key>``)."""

    counted: int = 0
    correct: int = 0
    accepted: int = 0
    silent_errors: int = 0

    @computed_field
    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.counted)

    @computed_field
    @property
    def coverage(self) -> float | None:
        return _ratio(self.accepted, self.counted)


def stats_by_field(files: Iterable[FileScore]) -> dict[str, dict[str, FieldStats]]:
    """Per schema, per field key: where the errors are (for whoever improves the extractors)."""
    table: dict[str, dict[str, FieldStats]] = {}
    for file in files:
        for outcome in file.outcomes():
            key = f"entries.{outcome.key}" if outcome.kind == "entry" else outcome.key
            stats = table.setdefault(outcome.schema_id, {}).setdefault(key, FieldStats())
            stats.counted += 1
            stats.correct += outcome.correct
            stats.accepted += outcome.accepted
            stats.silent_errors += outcome.silent_error
    return {schema: dict(sorted(keys.items())) for schema, keys in sorted(table.items())}
