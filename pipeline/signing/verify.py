"""``verify_pdf``: every signature and document timestamp of a PDF, judged by pyHanko (integrity,
coverage, difference analysis of later revisions, trust chain, timestamp, revocation).

"Valid" is strict: intact digest, valid signature value with acceptable algorithms, coverage of the
entire file or of its revision followed only by allowed updates (form filling, later signatures, DSS,
document timestamps), and a trusted chain. A tampered file must never come out valid.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from asn1crypto import x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.diff_analysis import DiffResult, ModificationLevel, SuspiciousModification
from pyhanko.sign.validation import (
    DocumentSecurityStore,
    EmbeddedPdfSignature,
    validate_pdf_signature,
    validate_pdf_timestamp,
)
from pyhanko.sign.validation.errors import NoDSSFoundError, SignatureValidationError
from pyhanko.sign.validation.status import (
    DocumentTimestampStatus,
    PdfSignatureStatus,
    SignatureCoverageLevel,
)
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend

from pipeline.errors import BadInput
from pipeline.signing import summary as vi
from pipeline.signing.models import SignatureReport, TimestampReport, VerificationReport
from pipeline.signing.options import load_pem_certs
from pipeline.signing.options import trust_roots as default_trust_roots

ALLOWED_LEVELS = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING}
CRYPTO_PROBLEMS = {
    AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE,
    AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
}
FETCH_TIMEOUT_S = 5


class _Dss:
    """The document's DSS, if any, as extra certificates and revocation data."""

    def __init__(self, reader: PdfFileReader):
        try:
            self.store: DocumentSecurityStore | None = DocumentSecurityStore.read_dss(reader)
        except NoDSSFoundError:
            self.store = None

    @property
    def present(self) -> bool:
        return self.store is not None

    def evidence(self) -> str:
        if self.store is None:
            return "none"
        return f"DSS: {len(self.store.ocsps)} OCSP, {len(self.store.crls)} CRL, {len(self.store.certs)} cert"

    def context(self, roots: list[x509.Certificate], at: dt.datetime | None):
        kwargs = dict(
            trust_roots=roots,
            allow_fetching=at is None,  # validating in the past: only embedded evidence counts
            revocation_mode="soft-fail",
            moment=at,
            fetcher_backend=RequestsFetcherBackend(per_request_timeout=FETCH_TIMEOUT_S),
        )
        if self.store is None:
            from pyhanko_certvalidator import ValidationContext

            return ValidationContext(**kwargs)
        return self.store.as_validation_context(kwargs)


def _load_roots(trust_roots: list[Path | str] | None) -> list[x509.Certificate]:
    roots = default_trust_roots()
    for path in trust_roots or ():
        try:
            roots.extend(load_pem_certs(Path(path)))
        except (OSError, ValueError) as err:
            raise BadInput(path, f"không đọc được chứng thư gốc / cannot read trust root ({err})") from err
    return roots


def _modification_level(status) -> ModificationLevel | None:
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return ModificationLevel.NONE
    if isinstance(status.diff_result, SuspiciousModification):
        return ModificationLevel.OTHER
    return status.modification_level


def _timestamp_report(ts) -> TimestampReport | None:
    if ts is None:
        return None
    return TimestampReport(
        time=ts.timestamp,
        tsa_subject=ts.signing_cert.subject.human_friendly,
        intact=bool(ts.intact and ts.valid),
        trusted=bool(ts.trusted),
    )


def _judge(sig: EmbeddedPdfSignature, status: PdfSignatureStatus | DocumentTimestampStatus, dss: _Dss):
    is_doc_ts = isinstance(status, DocumentTimestampStatus)
    crypto_valid = bool(status.valid) and status.trust_problem_indic not in CRYPTO_PROBLEMS
    coverage = status.coverage or SignatureCoverageLevel.UNCLEAR
    level = _modification_level(status)
    allowed = (
        coverage == SignatureCoverageLevel.ENTIRE_FILE
        or (
            coverage == SignatureCoverageLevel.ENTIRE_REVISION
            and isinstance(status.diff_result, DiffResult)
            and level in ALLOWED_LEVELS
            and status.docmdp_ok is not False
        )
    )
    ts = _timestamp_report(status if is_doc_ts else status.timestamp_validity)
    if is_doc_ts:
        ts_ok = True  # the document timestamp is itself the signature judged here
    else:
        ts_ok = ts is None or (ts.intact and ts.trusted)
    doc_intact = bool(status.intact) and crypto_valid and allowed
    if isinstance(status, PdfSignatureStatus) and not status.seed_value_ok:
        doc_intact = False
    report = SignatureReport(
        field_name=sig.field_name or "",
        kind="document_timestamp" if is_doc_ts else "signature",
        signer_subject=status.signing_cert.subject.human_friendly,
        signing_time=status.timestamp if is_doc_ts else sig.self_reported_timestamp,
        sub_filter=str(sig.sig_object.get("/SubFilter", "")) or None,
        intact=bool(status.intact),
        crypto_valid=crypto_valid,
        coverage=coverage.name,
        covers_whole_file=coverage == SignatureCoverageLevel.ENTIRE_FILE,
        modification_level=level.name if level is not None else None,
        modifications_allowed=allowed,
        trusted=bool(status.trusted),
        trust_problem=status.trust_problem_indic.name if status.trust_problem_indic else None,
        revoked=bool(status.revoked),
        revocation_evidence=dss.evidence(),
        timestamp=ts,
        document_intact=doc_intact,
        valid=doc_intact and bool(status.trusted) and ts_ok,
    )
    report.problems = vi.problems(report, status.diff_result)
    return report


def _failed(sig: EmbeddedPdfSignature, err: Exception) -> SignatureReport:
    """A signature pyHanko could not even evaluate (malformed CMS, broken ByteRange, ...)."""
    try:
        subject = sig.signer_cert.subject.human_friendly
    except Exception:  # noqa: BLE001 - the CMS itself may be unreadable
        subject = "?"
    report = SignatureReport(
        field_name=sig.field_name or "",
        kind="signature",
        signer_subject=subject,
        signing_time=None,
        sub_filter=None,
        intact=False,
        crypto_valid=False,
        coverage=SignatureCoverageLevel.UNCLEAR.name,
        covers_whole_file=False,
        modification_level=None,
        modifications_allowed=False,
        trusted=False,
        trust_problem=None,
        revoked=False,
        revocation_evidence="none",
        timestamp=None,
        document_intact=False,
        valid=False,
    )
    report.problems = [vi.unreadable(err)]
    return report


def _validate_one(sig: EmbeddedPdfSignature, dss: _Dss, roots, at) -> SignatureReport:
    try:
        if sig.sig_object_type == "/DocTimeStamp":
            status = validate_pdf_timestamp(sig, validation_context=dss.context(roots, at))
        else:
            status = validate_pdf_signature(
                sig,
                signer_validation_context=dss.context(roots, at),
                ts_validation_context=dss.context(roots, at),
            )
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError) as err:
        return _failed(sig, err)
    return _judge(sig, status, dss)


def verify_pdf(
    path: Path | str,
    trust_roots: list[Path | str] | None = None,
    at: dt.datetime | None = None,
) -> VerificationReport:
    """Validates every signature of ``path``. ``trust_roots`` are PEM files added to SOHOA_TRUST_ROOTS
    and the development root; ``at`` is the validation time (default now; in the past, only the
    revocation evidence embedded in the file is used). Raises ``BadInput`` for a file that is not a
    readable PDF or has no signature."""
    path = Path(path)
    if at is not None and at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    roots = _load_roots(trust_roots)
    try:
        fh = path.open("rb")
    except OSError as err:
        raise BadInput(path, f"không mở được tệp / cannot open ({err.strerror})") from err
    with fh:
        try:
            reader = PdfFileReader(fh)  # strict: hybrid-reference tricks are refused, not tolerated
            sigs = list(reader.embedded_signatures)
        except (PdfError, ValueError, KeyError, IndexError, TypeError) as err:
            raise BadInput(path, f"không phải PDF đọc được / not a readable PDF ({err})") from err
        if not sigs:
            raise BadInput(path, "tệp không có chữ ký số / the PDF has no signature")
        dss = _Dss(reader)
        reports = [_validate_one(sig, dss, roots, at) for sig in sigs]
    moment = at or dt.datetime.now(dt.UTC)
    all_valid = all(r.valid for r in reports)
    return VerificationReport(
        path=str(path),
        validation_time=moment,
        signatures=reports,
        has_dss=dss.present,
        valid=all_valid,
        summary=vi.summary(str(path), reports, all_valid),
    )
