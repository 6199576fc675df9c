"""``sign_pdf``: a PAdES signature (B-B, B-T, B-LT, B-LTA) by pyHanko, as an incremental update, with
the visible stamp of DOMAIN.md on page 1 (or an invisible signature)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
import time
from pathlib import Path

from asn1crypto import x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps import HTTPTimeStamper

from pipeline.config import settings
from pipeline.errors import BadInput
from pipeline.signing import placement, stamp
from pipeline.signing.certcheck import check_signer, validation_context
from pipeline.signing.fonts import stamp_font
from pipeline.signing.models import Level, SignatureSummary
from pipeline.signing.options import (
    configured_level,
    configured_trust_roots,
    dev_root_file,
    load_pem_certs,
    parse_level,
)
from pipeline.signing.signers import LoadedSigner, SignerUnusable, load_signer

log = logging.getLogger(__name__)

FIELD_PREFIX = "SohoaSignature"
TSA_TIMEOUT_S = 10
CHECK_REUSE_S = 300  # a batch re-checks its signer's certificate (incl. revocation) every 5 minutes
LONG_TERM = (Level.B_LT, Level.B_LTA)


def resolve_level(level: Level | str | None, tsa_url: str | None, warnings: list[str]) -> Level:
    """The explicit level, else SOHOA_SIGN_LEVEL, else B-T with a TSA and B-B (with a warning) without."""
    if isinstance(level, str):
        level = parse_level(level)
    level = level or configured_level()
    if level is None:
        if tsa_url:
            return Level.B_T
        warnings.append(
            "Chưa cấu hình SOHOA_TSA_URL: ký mức B-B, không có dấu thời gian / "
            "no SOHOA_TSA_URL: signing at PAdES B-B without a timestamp"
        )
        return Level.B_B
    if level.needs_tsa and not tsa_url:
        raise SignerUnusable(
            "TSA", f"mức {level.value} cần máy chủ dấu thời gian (SOHOA_TSA_URL) / {level.value} needs a TSA"
        )
    return level


class _FixedTimePdfSigner(signers.PdfSigner):
    """pyHanko's PdfSigner with the signing time chosen by the caller, so that the stamp, the
    signature dictionary's /M and the CMS signingTime attribute show one and the same instant."""

    def __init__(self, *args, signing_time: dt.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self.signing_time = signing_time

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self.signing_time
        return session


def _open_writer(src: Path, fh) -> IncrementalPdfFileWriter:
    try:
        writer = IncrementalPdfFileWriter(fh, strict=False)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as err:
        raise BadInput(src, f"không đọc được PDF / not a readable PDF ({err})") from err
    if writer.prev.encrypted:
        raise BadInput(src, "PDF đã mã hóa, không ký được / encrypted PDF cannot be signed")
    return writer


def _field_name(reader: PdfFileReader) -> str:
    existing = {name for name, _, _ in fields.enumerate_sig_fields(reader)}
    n = 1
    while f"{FIELD_PREFIX}{n}" in existing:
        n += 1
    return f"{FIELD_PREFIX}{n}"


def _stamps_on_first_page(reader: PdfFileReader) -> int:
    """How many visible signature widgets page 1 already has (the new stamp goes below them)."""
    page = reader.find_page_for_modification(0)[0].get_object()
    count = 0
    annots = page.get("/Annots")
    annots = annots.get_object() if annots is not None else ()
    for ref in annots if isinstance(annots, list) else ():
        try:
            annot = field = ref.get_object()
            for _ in range(32):
                if "/FT" in field or "/Parent" not in field:
                    break
                field = field["/Parent"].get_object()
            x0, y0, x1, y1 = (float(v) for v in annot.get("/Rect", (0, 0, 0, 0)))
        except (PdfError, AttributeError, TypeError, ValueError, KeyError):
            continue  # a malformed annotation: not a stamp to avoid
        if field.get("/FT") == "/Sig" and abs(x1 - x0) > 1 and abs(y1 - y0) > 1:
            count += 1
    return count


def _page_box(reader: PdfFileReader) -> tuple[float, float, float, float]:
    """Page 1's crop box (or media box), following inheritance from the page tree."""
    node = reader.find_page_for_modification(0)[0].get_object()
    for key in ("/CropBox", "/MediaBox"):
        cur = node
        while cur is not None:
            if key in cur:
                x0, y0, x1, y1 = (float(v) for v in cur[key])
                return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
            cur = cur.get("/Parent")
            cur = cur.get_object() if cur is not None else None
    return 0.0, 0.0, 595.0, 842.0  # A4


def signer_roots(loaded: LoadedSigner) -> list[x509.Certificate]:
    """Trust anchors for this signer: SOHOA_TRUST_ROOTS, plus the development root for the development
    signer. Empty means "none configured" (then the signer's own chain top is used, with a warning)."""
    roots = configured_trust_roots()
    if loaded.is_development:
        roots.extend(load_pem_certs(dev_root_file()))
    return roots


def checked_once(loaded: LoadedSigner, level: Level, roots: list[x509.Certificate]) -> list[str]:
    """The pre-signing check, reused for a few minutes by a batch that passes one loaded signer (and by an
    approval: its step records and its archive copies, one check)."""
    key = "long-term" if level in LONG_TERM else "basic"
    now = time.monotonic()
    if loaded.checked and loaded.checked[0] == key and loaded.checked[1] > now:
        return list(loaded.checked[2])
    warnings = check_signer(loaded, roots, require_revinfo=level in LONG_TERM)
    loaded.checked = (key, now + CHECK_REUSE_S, warnings)
    return list(warnings)


def _signature_meta(
    level: Level, field_name: str, loaded: LoadedSigner, roots: list[x509.Certificate]
) -> signers.PdfSignatureMetadata:
    vc = None
    if level in LONG_TERM:  # the TSA's root must be among the anchors too
        anchors = roots or [c for c in loaded.chain if c.self_signed]
        vc = validation_context(anchors, loaded.chain, fetch=True, revocation_mode="hard-fail")
    return signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason="Chứng thực bản sao điện tử / certified electronic copy",
        location=settings().agency_name,
        embed_validation_info=vc is not None,
        use_pades_lta=level is Level.B_LTA,
        validation_context=vc,
    )


def _write_signed(
    writer: IncrementalPdfFileWriter, dst: Path, pdf_signer: signers.PdfSigner, text: dict, reserved: int | None
) -> None:
    """Signs into a temporary file beside ``dst`` and renames it (``dst`` may be the input)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".sign-", suffix=".pdf", dir=dst.parent)
    try:
        # Readable and seekable: pyHanko then writes straight into the file; a write-only stream would make it
        # build the whole signed PDF in memory first (130 MB for a 1,000-page archive copy).
        with os.fdopen(fd, "w+b") as out:
            pdf_signer.sign_pdf(writer, output=out, appearance_text_params=text, bytes_reserved=reserved)
        os.replace(tmp_name, dst)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _reserved_size(path: Path, field_name: str) -> int:
    """The signature container size pyHanko reserved (hex digits), read back from a signed file."""
    with path.open("rb") as fh:
        for sig in PdfFileReader(fh, strict=False).embedded_regular_signatures:
            if sig.field_name == field_name:
                return len(sig.sig_object["/Contents"]) * 2
    raise RuntimeError(f"signature {field_name} not found in {path}")


def _sign_document(
    writer: IncrementalPdfFileWriter,
    dst: Path,
    loaded: LoadedSigner,
    chosen: Level,
    field_name: str,
    page_box: tuple[float, float, float, float] | None,
    slot: int,
    form: str,
    warnings: list[str],
    box: tuple[int, int, int, int] | None = None,
) -> dt.datetime:
    """Checks the signer, signs the open document into ``dst``; returns the signing time."""
    conf = settings()
    roots = signer_roots(loaded)
    warnings += checked_once(loaded, chosen, roots)
    if loaded.is_development:
        warnings.append("Đang dùng khóa ký thử nghiệm, KHÔNG dùng cho sản xuất / development signer")
    signing_time = dt.datetime.now(dt.UTC).replace(microsecond=0)
    pdf_signer = _FixedTimePdfSigner(
        _signature_meta(chosen, field_name, loaded, roots),
        loaded.signer,
        timestamper=HTTPTimeStamper(conf.tsa_url, timeout=TSA_TIMEOUT_S) if chosen.needs_tsa else None,
        stamp_style=stamp.stamp_style(stamp_font(form + conf.agency_name), opaque=slot == 0) if page_box else None,
        new_field_spec=fields.SigFieldSpec(
            sig_field_name=field_name, on_page=0,
            box=(box or stamp.stamp_box(page_box, slot)) if page_box else None
        ),
        signing_time=signing_time,
    )
    text = {"copy_form": form, "agency": conf.agency_name, "when": stamp.vietnam_time(signing_time)}
    # B-B: pyHanko estimates the container size with a dry-run signature (50 % margin); the size is
    # the same for every B-B signature of one signer, so a batch measures it once and reuses it.
    reserved = loaded.reserved_b_b if chosen is Level.B_B else None
    try:
        _write_signed(writer, dst, pdf_signer, text, reserved)
    except SigningError as err:
        raise SignerUnusable(loaded.description, f"ký không thành công / signing failed: {err}") from err
    if chosen is Level.B_B and reserved is None:
        loaded.reserved_b_b = _reserved_size(dst, field_name)
    return signing_time


def sign_pdf(
    src: Path,
    dst: Path,
    level: Level | str | None = None,
    copy_form: str = "SAO Y",
    visible: bool = True,
    signer: LoadedSigner | None = None,
) -> SignatureSummary:
    """Signs ``src`` into ``dst`` (``dst`` may equal ``src``: the result replaces it atomically).

    Raises ``BadInput`` for an unreadable/encrypted PDF, ``SignerUnusable`` (a ``BadInput``) for a
    signer that is missing, locked, expired, revoked or untrusted, or a level that needs an absent TSA.
    ``signer`` lets a batch reuse one loaded signer (the caller closes it).
    """
    src, dst = Path(src), Path(dst)
    conf = settings()
    warnings: list[str] = []
    chosen = resolve_level(level, conf.tsa_url, warnings)
    form = stamp.normalize_copy_form(copy_form)
    if not src.is_file():
        raise BadInput(src, "không có tệp / no such file")
    with src.open("rb") as fh:
        writer = _open_writer(src, fh)
        field_name = _field_name(writer.prev)
        page_box = _page_box(writer.prev) if visible else None
        slot = _stamps_on_first_page(writer.prev) if visible else 0
        box = placement.placed_box(src, page_box, slot) if page_box else None  # blank space at the top right
        loaded = signer or load_signer()
        try:
            signing_time = _sign_document(writer, dst, loaded, chosen, field_name, page_box, slot, form, warnings,
                                          box)
        finally:
            if signer is None:
                loaded.close()
    for w in warnings:
        log.warning(w)
    return SignatureSummary(
        output=str(dst),
        level=chosen,
        signer_subject=loaded.cert.subject.human_friendly,
        signer_is_development=loaded.is_development,
        signing_time=signing_time,
        field_name=field_name,
        visible=visible,
        copy_form=form if visible else None,
        timestamped=chosen.needs_tsa,
        warnings=warnings,
    )
