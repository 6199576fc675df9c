"""Typed results of signing and verification (pydantic, JSON-serialisable for ``--json``)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field, computed_field


class Level(StrEnum):
    """PAdES baseline levels (ETSI EN 319 142-1)."""

    B_B = "B-B"  # signature only
    B_T = "B-T"  # + RFC 3161 signature timestamp
    B_LT = "B-LT"  # + certificates and OCSP/CRL in the DSS
    B_LTA = "B-LTA"  # + document timestamp over everything

    @property
    def needs_tsa(self) -> bool:
        return self is not Level.B_B


class SignatureSummary(BaseModel):
    """What ``sign_pdf`` did."""

    output: str
    level: Level
    signer_subject: str
    signer_is_development: bool
    signing_time: datetime
    field_name: str
    visible: bool
    copy_form: str | None
    timestamped: bool
    warnings: list[str] = Field(default_factory=list)


class TimestampReport(BaseModel):
    """An RFC 3161 timestamp token: inside a signature, or a document timestamp."""

    time: datetime
    tsa_subject: str
    intact: bool
    trusted: bool


class VisualCheck(BaseModel):
    """The pages as a person sees them at the signed revision and in the final file (poppler), compared."""

    revision_bytes: int  # size of the signed revision
    pages_before: int
    pages_after: int
    pages_compared: list[int] = Field(default_factory=list)  # 1-based: pages whose objects changed
    text_changed: list[int] = Field(default_factory=list)
    pixels_changed: list[int] = Field(default_factory=list)
    hidden_under_widget: list[int] = Field(default_factory=list)  # page ink covered by a later stamp or field

    @computed_field  # type: ignore[prop-decorator]
    @property
    def visible_change(self) -> bool:
        return bool(
            self.pages_before != self.pages_after
            or self.text_changed
            or self.pixels_changed
            or self.hidden_under_widget
        )


class Verdict(StrEnum):
    """The outcome in one word (``verdict`` of a signature and of the report)."""

    VALID = "valid"
    INVALID = "invalid"
    TEST_SIGNATURE = "test_signature"  # intact, by sohoa's development signer: never trusted
    CANNOT_VALIDATE = "cannot_validate"  # the verifier failed on this file: no verdict


class SignatureReport(BaseModel):
    """The verdict on one signature (or document timestamp) of a PDF."""

    field_name: str
    kind: str  # "signature" or "document_timestamp"
    signer_subject: str
    signing_time: datetime | None  # as claimed by the signer (not proof)
    sub_filter: str | None
    # integrity
    intact: bool  # message digest matches the signed bytes
    crypto_valid: bool  # the signature value is valid (and the algorithms are acceptable)
    coverage: str  # ENTIRE_FILE, ENTIRE_REVISION, CONTIGUOUS_BLOCK_FROM_START, UNCLEAR
    covers_whole_file: bool
    modification_level: str | None  # NONE, LTA_UPDATES, FORM_FILLING, ANNOTATIONS, OTHER, NOT_ANALYSABLE
    modifications_allowed: bool
    # trust
    trusted: bool
    trust_problem: str | None
    revoked: bool
    revocation_evidence: str  # embedded (DSS / CMS), fetched-or-none
    timestamp: TimestampReport | None
    document_intact: bool  # intact + valid crypto + coverage + only allowed later updates + no visible change
    valid: bool  # document_intact and trusted and (no timestamp or a good timestamp)
    problems: list[str] = Field(default_factory=list)  # Vietnamese, one line each
    # additions (issue 16)
    visual_check: VisualCheck | None = None  # None: nothing follows the signed revision (or coverage is bad)
    development_signer: bool = False  # sohoa's development key: a test signature, never trusted
    verdict: Verdict = Verdict.INVALID


class VerificationReport(BaseModel):
    """The verdict on a whole PDF."""

    path: str
    validation_time: datetime
    signatures: list[SignatureReport]
    has_dss: bool
    valid: bool  # every signature valid
    summary: str  # Vietnamese, several lines
    # additions (issue 16)
    verdict: Verdict = Verdict.INVALID  # invalid > cannot_validate > test_signature > valid
    error: str | None = None  # why the file could not be validated at all (verdict cannot_validate)
