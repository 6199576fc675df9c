"""``verify_pdf``: every signature and document timestamp of a PDF, judged by pyHanko (integrity,
coverage, difference analysis of later revisions, trust chain, timestamp, revocation) and by what a
person sees (``visual``: the pages at the signed revision against the final file, rendered by poppler).

"Valid" is strict: intact digest, valid signature value with acceptable algorithms, coverage of the
entire file or of its revision followed only by allowed updates (form filling, later signatures, DSS,
document timestamps) that change nothing visible outside later signatures' stamps and filled fields, and
a trusted chain. A tampered file must never come out valid. A signature by sohoa's development signer is a
test signature, never trusted. A failure of the verifier itself is "cannot validate", never a crash.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import BinaryIO

from asn1crypto import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    DiffPolicy,
    DiffResult,
    ModificationLevel,
    SuspiciousModification,
)
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
from pipeline.signing.devsigner import is_development_subject
from pipeline.signing.models import SignatureReport, TimestampReport, Verdict, VerificationReport, VisualCheck
from pipeline.signing.options import load_pem_certs
from pipeline.signing.options import trust_roots as default_trust_roots
from pipeline.signing.revisions import signed_revision_bytes
from pipeline.signing.visual import RenderedFile, VisualCheckFailed, compare

ALLOWED_LEVELS = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING}
NOT_ANALYSABLE = "NOT_ANALYSABLE"
CRYPTO_PROBLEMS = {
    AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE,
    AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
}
FETCH_TIMEOUT_S = 5
PDF_HEADER_WINDOW = 1024  # "%PDF-" may follow some junk (ISO 32000-2, 7.5.2: readers accept it)
SCAN_CHUNK = 1 << 20


class NotAnalysable(SuspiciousModification):
    """pyHanko's difference analysis failed on this file's structure: no verdict on the objects."""


class _GuardedDiffPolicy(DiffPolicy):
    """pyHanko's default policy; an error inside the analysis becomes ``NotAnalysable`` instead of
    taking the whole validation (integrity, coverage, trust) down with it."""

    def apply(self, old, new, field_mdp_spec=None, doc_mdp=None) -> DiffResult:
        return DEFAULT_DIFF_POLICY.apply(old, new, field_mdp_spec, doc_mdp)

    def review_file(self, reader, base_revision, field_mdp_spec=None, doc_mdp=None):
        try:
            return DEFAULT_DIFF_POLICY.review_file(reader, base_revision, field_mdp_spec, doc_mdp)
        except SuspiciousModification as err:
            return err
        except Exception as err:  # noqa: BLE001 - any failure of the analysis: not analysable
            return NotAnalysable(f"{type(err).__name__}: {err}")


DIFF_POLICY = _GuardedDiffPolicy()


class _Dss:
    """The document's DSS, if any, as extra certificates and revocation data."""

    def __init__(self, reader: PdfFileReader):
        self.error: str | None = None  # a DSS that cannot be read: validated without it, no verdict "valid"
        try:
            self.store: DocumentSecurityStore | None = DocumentSecurityStore.read_dss(reader)
        except NoDSSFoundError:
            self.store = None
        except Exception as err:  # noqa: BLE001 - malformed DSS (hostile or broken): evidence unavailable
            self.store = None
            self.error = f"DSS: {type(err).__name__}: {err}"

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


class _Document:
    """The open file: pyHanko's reader (lenient when strict reading refused the structure), and the
    renderings of the final file shared by every signature's visual check."""

    def __init__(self, path: Path, fh: BinaryIO, reader: PdfFileReader, lenient: bool, workdir: Path):
        self.path, self.fh, self.reader, self.lenient, self.workdir = path, fh, reader, lenient, workdir
        self.final = RenderedFile(path)
        self.dss = _Dss(reader)

    def signed_revision(self, sig: EmbeddedPdfSignature) -> bytes:
        byte_range = [int(v) for v in sig.sig_object["/ByteRange"]]
        self.fh.seek(0)
        return signed_revision_bytes(self.fh.read(byte_range[2] + byte_range[3]), byte_range)


def _load_roots(trust_roots: list[Path | str] | None) -> list[x509.Certificate]:
    roots = default_trust_roots()
    for path in trust_roots or ():
        try:
            roots.extend(load_pem_certs(Path(path)))
        except (OSError, ValueError) as err:
            raise BadInput(path, f"không đọc được chứng thư gốc / cannot read trust root ({err})") from err
    return roots


def _modification_level(status, lenient: bool) -> str | None:
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return ModificationLevel.NONE.name
    if isinstance(status.diff_result, NotAnalysable):
        return NOT_ANALYSABLE
    if isinstance(status.diff_result, SuspiciousModification):
        # read leniently (hybrid references, xref quirks): pyHanko's rules are not made for such files
        return NOT_ANALYSABLE if lenient else ModificationLevel.OTHER.name
    level = status.modification_level
    return level.name if level is not None else None


def _timestamp_report(ts) -> TimestampReport | None:
    if ts is None:
        return None
    return TimestampReport(
        time=ts.timestamp,
        tsa_subject=ts.signing_cert.subject.human_friendly,
        intact=bool(ts.intact and ts.valid),
        trusted=bool(ts.trusted),
    )


def _is_development(cert: x509.Certificate) -> bool:
    return is_development_subject(cert.subject.human_friendly) or is_development_subject(
        cert.issuer.human_friendly
    )


def _objects_allowed(status, coverage: SignatureCoverageLevel, level: str | None) -> bool:
    """pyHanko's verdict on what changed after the signed revision (NOT_ANALYSABLE: left to the eye)."""
    if coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    if coverage != SignatureCoverageLevel.ENTIRE_REVISION:
        return False
    if level == NOT_ANALYSABLE:
        return True
    return (
        isinstance(status.diff_result, DiffResult)
        and level in {lv.name for lv in ALLOWED_LEVELS}
        and status.docmdp_ok is not False
    )


def _visual(doc: _Document, sig: EmbeddedPdfSignature) -> VisualCheck:
    return compare(doc.signed_revision(sig), doc.final, doc.workdir)


def _verdict(report: SignatureReport, known_bad: bool, unverifiable: bool, chained: bool, ts_ok: bool) -> Verdict:
    if known_bad or not ts_ok or report.revoked:
        return Verdict.INVALID
    if unverifiable:
        return Verdict.CANNOT_VALIDATE
    if report.development_signer:
        return Verdict.TEST_SIGNATURE if chained else Verdict.INVALID
    return Verdict.VALID if chained else Verdict.INVALID


def _judge(sig: EmbeddedPdfSignature, status: PdfSignatureStatus | DocumentTimestampStatus, doc: _Document):
    is_doc_ts = isinstance(status, DocumentTimestampStatus)
    crypto_valid = bool(status.valid) and status.trust_problem_indic not in CRYPTO_PROBLEMS
    coverage = status.coverage or SignatureCoverageLevel.UNCLEAR
    level = _modification_level(status, doc.lenient)
    allowed = _objects_allowed(status, coverage, level)
    ts = _timestamp_report(status if is_doc_ts else status.timestamp_validity)
    ts_ok = is_doc_ts or ts is None or (ts.intact and ts.trusted)  # a document timestamp is judged itself
    seed_ok = not isinstance(status, PdfSignatureStatus) or bool(status.seed_value_ok)
    known_bad = not (bool(status.intact) and crypto_valid and allowed and seed_ok)
    visual: VisualCheck | None = None
    visual_error: str | None = None
    if not known_bad and coverage == SignatureCoverageLevel.ENTIRE_REVISION:
        try:
            visual = _visual(doc, sig)
        except VisualCheckFailed as err:
            visual_error = str(err)
        if visual is not None and visual.visible_change:
            allowed, known_bad = False, True
    development = _is_development(status.signing_cert)
    chained = bool(status.trusted)
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
        modification_level=level,
        modifications_allowed=allowed,
        trusted=chained and not development,
        trust_problem="DEVELOPMENT_SIGNER" if development else (
            status.trust_problem_indic.name if status.trust_problem_indic else None),
        revoked=bool(status.revoked),
        revocation_evidence=doc.dss.evidence(),
        timestamp=ts,
        document_intact=not known_bad and visual_error is None and doc.dss.error is None,
        valid=False,
        visual_check=visual,
        development_signer=development,
    )
    unverifiable = visual_error or doc.dss.error
    report.verdict = _verdict(report, known_bad, unverifiable is not None, chained, ts_ok)
    report.valid = report.verdict is Verdict.VALID
    report.problems = vi.problems(report, status.diff_result, chained=chained, visual_error=visual_error)
    if doc.dss.error:
        report.problems.append(vi.cannot_validate(doc.dss.error))
    return report


def _blank_report(sig: EmbeddedPdfSignature, verdict: Verdict, problem: str) -> SignatureReport:
    try:
        subject = sig.signer_cert.subject.human_friendly
    except Exception:  # noqa: BLE001 - the CMS itself may be unreadable
        subject = "?"
    return SignatureReport(
        field_name=str(sig.field_name or ""),
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
        problems=[problem],
        verdict=verdict,
    )


def _validate_one(sig: EmbeddedPdfSignature, doc: _Document, roots, at) -> SignatureReport:
    try:
        if sig.sig_object_type == "/DocTimeStamp":
            status = validate_pdf_timestamp(
                sig, validation_context=doc.dss.context(roots, at), diff_policy=DIFF_POLICY
            )
        else:
            status = validate_pdf_signature(
                sig,
                signer_validation_context=doc.dss.context(roots, at),
                ts_validation_context=doc.dss.context(roots, at),
                diff_policy=DIFF_POLICY,
            )
    except SignatureValidationError as err:  # pyHanko judged the signature itself broken
        return _blank_report(sig, Verdict.INVALID, vi.unreadable(err))
    except Exception as err:  # noqa: BLE001 - the verifier failed: "cannot validate", never a crash
        return _blank_report(sig, Verdict.CANNOT_VALIDATE, vi.cannot_validate(err))
    try:
        return _judge(sig, status, doc)
    except Exception as err:  # noqa: BLE001
        return _blank_report(sig, Verdict.CANNOT_VALIDATE, vi.cannot_validate(err))


def _has_signature_dictionary(fh: BinaryIO) -> bool:
    """A raw look for a signature's /ByteRange, for files no reader can open."""
    fh.seek(0)
    tail = b""
    while chunk := fh.read(SCAN_CHUNK):
        if b"/ByteRange" in tail + chunk:
            return True
        tail = chunk[-16:]
    return False


class _SignedButUnreadable(Exception):
    """A PDF with a signature dictionary that no reader mode can open."""


def _open_reader(path: Path, fh: BinaryIO) -> tuple[PdfFileReader, list[EmbeddedPdfSignature], bool]:
    """pyHanko's strict reader; the lenient one for hybrid-reference files (which strict validation
    refuses) and for structures strict reading rejects. Returns (reader, signatures, lenient)."""
    if b"%PDF-" not in fh.read(PDF_HEADER_WINDOW):
        raise BadInput(path, "không phải PDF / not a PDF")
    strict_error: Exception | None = None
    try:
        fh.seek(0)
        reader = PdfFileReader(fh, strict=True)
        sigs = list(reader.embedded_signatures)
        if not reader.xrefs.hybrid_xrefs_present:
            return reader, sigs, False
    except Exception as err:  # noqa: BLE001 - retried leniently below
        strict_error = err
    try:
        fh.seek(0)
        reader = PdfFileReader(fh, strict=False)
        return reader, list(reader.embedded_signatures), True
    except Exception as err:  # noqa: BLE001
        error = strict_error or err
        if _has_signature_dictionary(fh):
            raise _SignedButUnreadable(f"{type(error).__name__}: {error}") from err
        raise BadInput(path, f"không phải PDF đọc được / not a readable PDF ({error})") from err


def _overall(reports: list[SignatureReport]) -> Verdict:
    verdicts = {r.verdict for r in reports}
    for verdict in (Verdict.INVALID, Verdict.CANNOT_VALIDATE, Verdict.TEST_SIGNATURE):
        if verdict in verdicts:
            return verdict
    return Verdict.VALID


def cannot_validate_report(path: Path | str, err: Exception | str, at: dt.datetime | None = None) -> VerificationReport:
    """The report for a file the verifier failed on as a whole (verdict cannot_validate)."""
    reason = err if isinstance(err, str) else f"{type(err).__name__}: {err}"
    return VerificationReport(
        path=str(path),
        validation_time=at or dt.datetime.now(dt.UTC),
        signatures=[],
        has_dss=False,
        valid=False,
        summary=vi.file_cannot_validate(str(path), reason),
        verdict=Verdict.CANNOT_VALIDATE,
        error=reason,
    )


def _verify(path: Path, fh: BinaryIO, roots, at: dt.datetime | None) -> VerificationReport:
    reader, sigs, lenient = _open_reader(path, fh)
    if not sigs:
        raise BadInput(path, "tệp không có chữ ký số / the PDF has no signature")
    with tempfile.TemporaryDirectory(prefix="sohoa-verify-") as tmp:
        doc = _Document(path, fh, reader, lenient, Path(tmp))
        reports = [_validate_one(sig, doc, roots, at) for sig in sigs]
    verdict = _overall(reports)
    return VerificationReport(
        path=str(path),
        validation_time=at or dt.datetime.now(dt.UTC),
        signatures=reports,
        has_dss=doc.dss.present,
        valid=verdict is Verdict.VALID,
        summary=vi.summary(str(path), reports, verdict),
        verdict=verdict,
    )


def verify_pdf(
    path: Path | str,
    trust_roots: list[Path | str] | None = None,
    at: dt.datetime | None = None,
) -> VerificationReport:
    """Validates every signature of ``path``. ``trust_roots`` are PEM files added to SOHOA_TRUST_ROOTS
    and the development root; ``at`` is the validation time (default now; in the past, only the
    revocation evidence embedded in the file is used). Raises ``BadInput`` for a file that is not a
    PDF, or a PDF without a signature; any failure of the verifier itself gives a report with verdict
    ``cannot_validate``."""
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
            return _verify(path, fh, roots, at)
        except BadInput:
            raise
        except _SignedButUnreadable as err:
            return cannot_validate_report(path, str(err), at)
        except Exception as err:  # noqa: BLE001 - the verifier failed: "cannot validate", never a crash
            return cannot_validate_report(path, err, at)
