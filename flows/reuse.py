"""Reuse of a stored result: look it up, verify it, return its data for prefilling (issue 7).

``reuse_result(record_id=...)`` or ``reuse_result(personal_id=..., schema=None)`` (the citizen's current
records, optionally of one schema): each record goes through ``Repository.reuse`` (the stored objects' hashes
against the catalog, the signed copy's signature; the repository's audit log records the read), and comes back
as a ``ReusedRecord``. A record whose hash check failed (or whose signature is invalid) is returned with
``reusable=False``, its problems, and no data: nothing altered is offered for prefilling. A copy signed by
sohoa's development signer has ``signature="test_signature"`` and the problem "chữ ký thử nghiệm, không có giá
trị pháp lý": in a development installation (no real ``SOHOA_SIGNER``) it is reusable but never ``verified``;
an installation with a real signer refuses it.

``check_record(repo, record_id, actor)`` is the same check without Prefect, for a caller that already holds a
repository (the web app's dossier reuse could call it).

Logs carry record ids and hashes only: never a name or a personal number. Prefect stores a flow run's
parameters in its database and shows them in its UI, so this flow masks the personal number there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from prefect import Flow, get_run_logger, task
from pydantic import BaseModel, Field, SecretStr, computed_field

from flows.repository import repository
from pipeline.models import Document
from pipeline.store import RecordNotFound, Repository
from pipeline.store.keys import digits
from pipeline.store.objects import ObjectNotFound

ACTOR = "sohoa-reuse"
PRIVATE_PARAMETERS = ("personal_id",)
# "test_signature": intact, by sohoa's development signer; "cannot_validate": the verifier could not decide
Signature = Literal["valid", "invalid", "unchecked", "absent", "test_signature", "cannot_validate"]


class HashCheck(BaseModel):
    """Each stored object against the catalog's SHA-256."""

    extraction: bool | None  # the extraction JSON (None: it could not be read)
    archive: bool | None  # the archive copy, PDF/A (None: none stored)
    signed: bool | None  # the signed copy (None: none stored)

    @property
    def ok(self) -> bool:
        return self.extraction is True and self.archive is not False and self.signed is not False


class ReusedRecord(BaseModel):
    record_id: int  # the current version that was checked
    schema_id: str | None = None
    version: int | None = None
    extraction_sha256: str | None = None
    archive_sha256: str | None = None
    signed_sha256: str | None = None
    hashes: HashCheck
    signature: Signature  # "unchecked": no verifier, or the signed copy failed its hash check
    reusable: bool  # ``ReuseResult.reusable``: hashes match and the signature is not refused: data may prefill
    verified: bool  # reusable, signed and the signature valid (``ReuseResult.verified``; never a test signature)
    data: dict[str, Any] = Field(default_factory=dict)  # the values to prefill; empty when not reusable
    document: Document | None = None  # the stored document; None when not reusable
    problems: list[str] = Field(default_factory=list)  # Vietnamese, one line each

    @computed_field  # kept in the serialized result
    @property
    def hashes_ok(self) -> bool:
        return self.hashes.ok


class ReuseLookup(BaseModel):
    by: Literal["record_id", "personal_id"]
    schema_id: str | None = None
    records: list[ReusedRecord] = Field(default_factory=list)

    @property
    def reusable(self) -> list[ReusedRecord]:
        return [r for r in self.records if r.reusable]


def check_record(repo: Repository, record_id: int, actor: str) -> ReusedRecord | None:
    """``Repository.reuse`` of one record as a ``ReusedRecord`` (None: no such record). Objects that are
    missing or unreadable give a record that is not reusable, not an error."""
    try:
        outcome = repo.reuse(record_id, actor=actor)
    except RecordNotFound:
        return None
    except (ObjectNotFound, ValueError) as err:  # a missing object; an extraction JSON that no longer parses
        hashes = HashCheck(extraction=None, archive=None, signed=None)
        return ReusedRecord(record_id=record_id, hashes=hashes, signature="unchecked",
                            reusable=False, verified=False,
                            problems=[f"không đọc được dữ liệu lưu trữ ({type(err).__name__})"])
    record = outcome.record
    hashes = HashCheck(extraction=outcome.extraction_intact, archive=outcome.archive_intact,
                       signed=outcome.signed_intact)
    reusable = outcome.reusable
    return ReusedRecord(
        record_id=record.id, schema_id=record.schema_id, version=record.version,
        extraction_sha256=record.extraction_sha256, archive_sha256=record.archive_sha256,
        signed_sha256=record.signed_sha256, hashes=hashes, signature=outcome.signature_status,
        reusable=reusable, verified=reusable and outcome.verified,
        data=outcome.prefill if reusable else {}, document=outcome.document if reusable else None,
        problems=outcome.problems,
    )


@task(name="find-records", retries=2, retry_delay_seconds=[1, 4])
def find_records(personal_id: SecretStr, schema: str | None, actor: str) -> list[int]:
    """The ids of the citizen's current records (audited by the repository as a search)."""
    records = repository().search(actor=actor, personal_id=personal_id.get_secret_value(), schema=schema)
    return [r.id for r in records]


@task(name="reuse-record", task_run_name="reuse-{record_id}", retries=2, retry_delay_seconds=[1, 4])
def reuse_record(record_id: int, actor: str) -> ReusedRecord | None:
    checked = check_record(repository(), record_id, actor)
    log = get_run_logger()
    if checked is None:
        log.info("record %d: not found", record_id)
    elif checked.reusable:
        log.info("record %d: reusable (archive %.12s, signature %s)", checked.record_id,
                 checked.archive_sha256 or "-", checked.signature)
    else:
        log.warning("record %d: NOT reusable, %s (extraction %s, archive %s %.12s, signed %s %.12s, signature %s)",
                    checked.record_id, f"signature {checked.signature}" if checked.hashes_ok else "hash mismatch",
                    checked.hashes.extraction, checked.hashes.archive, checked.archive_sha256 or "-",
                    checked.hashes.signed, checked.signed_sha256 or "-", checked.signature)
    return checked


class PrivateFlow(Flow):
    """A flow whose personal parameters are masked in what Prefect stores of its runs (``with_options``
    returns a plain ``Flow``: do not use it on this one)."""

    def serialize_parameters(self, parameters: dict[str, Any]) -> dict[str, Any]:
        serialized = super().serialize_parameters(parameters)
        return {k: "**********" if k in PRIVATE_PARAMETERS and v is not None else v for k, v in serialized.items()}


def private_flow(name: str) -> Callable[[Callable[..., ReuseLookup]], PrivateFlow]:
    """``@flow(name=...)`` with the personal parameters masked in Prefect's run records."""
    return lambda fn: PrivateFlow(fn, name=name)


@private_flow(name="reuse-result")
def reuse_result(record_id: int | None = None, personal_id: SecretStr | str | None = None,
                 schema: str | None = None, actor: str = ACTOR) -> ReuseLookup:
    """A stored result checked for reuse: by ``record_id`` (its current version), or by ``personal_id`` (the
    citizen's current records, of ``schema`` only when given). Unknown id or number: no records."""
    if (record_id is None) == (personal_id is None):
        raise ValueError("give either a record id or a personal number")
    log = get_run_logger()
    if record_id is not None:
        ids, by = [record_id], "record_id"
    else:
        secret = personal_id if isinstance(personal_id, SecretStr) else SecretStr(personal_id or "")
        if not digits(secret.get_secret_value()):
            raise ValueError("a personal number has digits")
        ids, by = find_records(secret, schema, actor), "personal_id"
        log.info("lookup by personal number%s: record(s) %s", f" (schema {schema})" if schema else "", ids)
    futures = [reuse_record.submit(i, actor) for i in ids]
    records = [r for r in (f.result() for f in futures) if r is not None]
    log.info("%d record(s), %d reusable", len(records), sum(r.reusable for r in records))
    return ReuseLookup(by=by, schema_id=schema if by == "personal_id" else None, records=records)

