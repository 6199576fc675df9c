"""What the repository returns: typed, detached from the database session."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from pipeline.models import Document


class PersonView(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    role: str
    entry_index: int | None = None
    entry_number: str | None = None
    personal_id: str | None = None
    full_name: str | None = None
    date_of_birth: str | None = None
    birth_year: int | None = None


class RecordView(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    root_id: int
    version: int
    supersedes_id: int | None = None
    is_current: bool
    change_reason: str | None = None
    schema_id: str
    source_sha256: str
    source_name: str | None = None
    doc_index: int
    pages: list[int] = Field(default_factory=list)
    archive_pages: list[int] | None = None  # the input pages its copies hold, in order (None: the whole input)
    dossier_code: str | None = None
    unit_code: str | None = None  # the unit that received it; None: the repository's configured unit
    number: str | None = None
    book: str | None = None
    authority: str | None = None
    registration_date: str | None = None
    needs_review: bool
    scan_key: str | None = None
    archive_key: str | None = None
    archive_sha256: str | None = None
    extraction_key: str
    extraction_sha256: str
    signed_key: str | None = None
    signed_sha256: str | None = None
    signature: dict[str, Any] | None = None
    status: str
    created_by: str
    created_at: datetime
    people: list[PersonView] = Field(default_factory=list)

    def copy_page(self, page: int) -> int:
        """The page of the record's archive (and signed) copy that shows page ``page`` of the input."""
        if self.archive_pages is None:
            return page
        if page not in self.archive_pages:
            raise LookupError(f"page {page} is not in this record's copy")
        return self.archive_pages.index(page) + 1

    def subject(self) -> PersonView | None:
        """The record's main person (the person, else the husband), outside register entries."""
        for role in ("subject", "husband", "wife"):
            for person in self.people:
                if person.role == role and person.entry_index is None:
                    return person
        return None


class PersonLink(BaseModel):
    """One record that names a person, and how: by personal number, or (parents) by name."""

    role: str
    match: Literal["personal_id", "name"]
    entry_index: int | None = None
    record: RecordView


class PersonRecords(BaseModel):
    """The per-person view (the per-citizen store): everything that names one personal number."""

    personal_id: str
    names: list[str] = Field(default_factory=list)
    dates_of_birth: list[str] = Field(default_factory=list)
    links: list[PersonLink] = Field(default_factory=list)


SignatureStatus = Literal["valid", "test_signature", "invalid", "cannot_validate", "unchecked", "absent"]
SIGNATURE_LABELS: dict[str, str] = {  # what officers are shown, one phrase per status
    "valid": "chữ ký số hợp lệ",
    "test_signature": "chữ ký thử nghiệm (không có giá trị pháp lý)",
    "invalid": "chữ ký số không hợp lệ",
    "cannot_validate": "không kiểm tra được chữ ký số",
    "unchecked": "chưa kiểm tra chữ ký số",
    "absent": "chưa có bản ký số",
}


class SignatureCheck(BaseModel):
    checked: bool  # a verifier ran
    valid: bool | None = None  # True only for a trusted, intact signature (never a test signature)
    summary: str | None = None
    report: dict[str, Any] | None = None
    # addition (issue 16): the verifier's verdict, valid / invalid / test_signature / cannot_validate
    verdict: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status(self) -> SignatureStatus:
        """``unchecked`` when no verifier ran, else the verifier's verdict."""
        if not self.checked:
            return "unchecked"
        if self.verdict in ("valid", "test_signature", "cannot_validate"):
            return self.verdict  # type: ignore[return-value]
        return "valid" if self.valid and self.verdict is None else "invalid"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def label(self) -> str:
        """The status in Vietnamese, as officers see it ("chữ ký thử nghiệm …" for a test signature)."""
        return SIGNATURE_LABELS[self.status]


class ReuseResult(BaseModel):
    """A stored result offered for reuse: the data to prefill and whether it can be trusted."""

    record: RecordView
    document: Document
    prefill: dict[str, Any]
    extraction_intact: bool
    archive_intact: bool | None  # None: no archive copy stored
    signed_intact: bool | None  # None: no signed copy stored
    signature: SignatureCheck | None = None
    verified: bool  # hashes match and the signature is valid (trusted; a test signature never is)
    problems: list[str] = Field(default_factory=list)  # Vietnamese, one line each
    # additions (issue 16): the signed copy's status, and whether the data may prefill a new dossier
    signature_status: SignatureStatus = "absent"  # "unchecked" also when the signed copy failed its hash
    reusable: bool = False  # hashes match and the signature is not refused (see Repository.reuse)


class StoredPaper(BaseModel):
    """One document of an input as the repository holds it after ``put_papers``: a new record (``stored``),
    or the record of the same paper found stored already (``same_file``: the same input; ``same_paper``: the
    same personal number, schema and document number in another file), offered for reuse."""

    doc_index: int  # the document's index in the input that was put
    record: RecordView
    how: Literal["stored", "same_file", "same_paper"]

    @property
    def reused(self) -> bool:
        return self.how != "stored"


class OriginalView(BaseModel):
    """A whole input file as received (kept and linked to its dossier, never handed out with a record)."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    source_sha256: str
    source_name: str | None = None
    object_key: str
    pages: int
    dossier_code: str | None = None
    stored_by: str
    stored_at: datetime
