"""Papers of a dossier that are stored already (issue 15, build 4: the same paper arriving again is recognised
and offered for reuse): the same file, or the same paper in another file (same schema, personal number and
document number: ``Repository.recognise``), told on the counter's screen before approval, with the values
stored (what a person typed before) where they differ from this reading. Approval reuses the stored record:
only what the officer changes here makes a new version (``archive.archive_file``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.web.dossiers import Dossier, DossierStore
from app.web.labels import field_kinds
from app.web.values import display
from pipeline.store.repository import Repository
from pipeline.store.views import RecordView


@dataclass
class KnownPaper:
    record: RecordView  # the current version of the stored paper
    how: str  # same_file | same_paper
    stored: dict[str, str] = field(default_factory=dict)  # field key → the stored value as shown, where it differs


def known_papers(repo: Repository, store: DossierStore, dossier: Dossier, unit_code: str,
                 actor: str) -> dict[tuple[int, int], KnownPaper]:
    """(file index, document index) → the stored paper it is, for the dossier's readable files; only papers of
    ``unit_code`` (another unit's record is not shown without a reason given); each read is audited."""
    found: dict[tuple[int, int], KnownPaper] = {}
    for entry in dossier.files:
        if entry.error:
            continue
        shown = store.result(dossier.code, entry.index)
        recognised = repo.recognise(store.result(dossier.code, entry.index, "extracted"), unit_code=unit_code)
        for index, paper in recognised.items():
            if paper.record.unit_code != unit_code or index >= len(shown.documents):
                continue
            record = repo.get(paper.record.id, actor=actor)
            known = KnownPaper(record=record, how=paper.how)
            document = shown.documents[index]
            stored = repo.load_document(record)
            if stored.schema_id == document.schema_id:
                kinds = field_kinds(document.schema_id)
                for key, value in stored.fields.items():
                    kind = kinds.get(key, "text")
                    typed = display(kind, value.value)
                    if typed and key in document.fields and typed != display(kind, document.fields[key].value):
                        known.stored[key] = typed
            found[(entry.index, index)] = known
    return found
