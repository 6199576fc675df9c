"""One dossier at the counter, in two steps around the officer's review:

- ``intake_dossier(paths)``: every file of the dossier OCRed and extracted at once (pages in parallel), the
  archive copies kept in a workspace; returns the extraction results for the officer to check.
- ``finalize_dossier(intake, corrected)``: after review, a dossier code from the repository (kept in the
  workspace, so finalizing twice gives the same code), the corrected results, signed copies, records.

The workspace is ``SOHOA_HOME/intake/<id>``, ``id`` made from the files' hashes: the same files give the
same workspace, and intake skips the OCR it has done already (the same task as the batch's).

Latency: the pages of all the files go to this process's page workers at once (``shared_pool``), kept warm
between dossiers; a process that takes dossiers in (a server, a Prefect worker) calls ``warm_up()`` when it
starts, so that the first dossier does not wait for the workers to start or the extractors to load.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

from prefect import flow
from pydantic import BaseModel, Field

from flows import tasks
from flows.layout import atomic_write_bytes, atomic_write_json
from flows.repository import repository
from flows.tasks import Item
from pipeline.config import settings
from pipeline.errors import BadInput
from pipeline.models import ExtractionResult
from pipeline.process import sha256_file, shared_pool, warm_extractors


class DossierIntake(BaseModel):
    workspace: str
    items: list[Item]
    results: list[ExtractionResult] = Field(default_factory=list)  # one per readable file, in order


class DossierFinal(BaseModel):
    dossier_code: str
    records: list[int]
    signed: list[str] = Field(default_factory=list)  # the signed archive copies, one per readable file


def _workspace(hashes: list[str]) -> Path:
    digest = hashlib.sha256("\n".join(hashes).encode()).hexdigest()[:24]
    return settings().home / "intake" / digest


def warm_up(jobs: int | None = None) -> threading.Thread:
    """Starts the page workers and loads the extractors, in the background (returns the loading thread)."""
    shared_pool(jobs)
    thread = threading.Thread(target=warm_extractors, name="sohoa-warm-extractors", daemon=True)
    thread.start()
    return thread


@flow(name="intake-dossier")
def intake_dossier(paths: list[str], schema: str | None = None, jobs: int | None = None) -> DossierIntake:
    """OCR + extraction of the files of one dossier (a bad file is reported in its item, not raised)."""
    for path in paths:
        if not Path(path).is_file():
            raise BadInput(path, "không có tệp này / no such file")
    hashes = [sha256_file(Path(p)) for p in paths]
    workspace = _workspace(hashes)
    items = [
        Item(source=str(Path(p).resolve()), name=f"f{i}", sha256=sha, out_dir=str(workspace))
        for i, (p, sha) in enumerate(zip(paths, hashes, strict=True), start=1)
    ]
    futures = [tasks.ocr_extract.submit(item, schema=schema, jobs=jobs) for item in items]
    done = [f.result() for f in futures]
    results = [ExtractionResult.model_validate_json(Path(i.extraction or "").read_bytes())
               for i in done if i.active]
    return DossierIntake(workspace=str(workspace), items=done, results=results)


@flow(name="finalize-dossier")
def finalize_dossier(intake: DossierIntake, corrected: list[ExtractionResult] | None = None,
                     actor: str = "can_bo", sign: bool = True) -> DossierFinal:
    """Signs and stores the reviewed dossier under one dossier code (idempotent: run twice, same code and
    records). ``corrected`` replaces the extraction results, file by file, in the order of ``intake.results``."""
    workspace = Path(intake.workspace)
    readable = [i for i in intake.items if i.active]
    if corrected is not None:
        if len(corrected) != len(readable):
            raise ValueError(f"{len(corrected)} corrected result(s) for {len(readable)} file(s)")
        for item, result in zip(readable, corrected, strict=True):
            if result.sha256 != item.sha256:
                raise ValueError(f"corrected result for {result.sha256[:12]} given in place of {item.tag}")
            atomic_write_bytes(Path(item.extraction or ""),
                               json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2).encode())
    code_file = workspace / "dossier.json"
    if code_file.is_file():
        code = json.loads(code_file.read_text(encoding="utf-8"))["dossier_code"]
    else:
        code = repository().next_dossier_code(actor=actor)
        atomic_write_json(code_file, {"dossier_code": code})
    if sign and readable:
        tasks.prepare_signer()
    futures = []
    for item in readable:
        step = tasks.sign.submit(item) if sign else item
        futures.append(tasks.store.submit(step, actor=actor, dossier_code=code))
    stored = [f.result() for f in futures]
    return DossierFinal(dossier_code=code, records=[r for i in stored for r in i.records],
                        signed=[i.signed for i in stored if i.signed])
