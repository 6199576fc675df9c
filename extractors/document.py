"""One document from its pages: locate the fields, read them by kind, check the QR code and the rules,
score confidences, and build the contract's :class:`Document`."""

from __future__ import annotations

from extractors import settings
from extractors.confidence import Assessment
from extractors.handwritten_register import read_handwritten
from extractors.kinds import KindResult, parse_value
from extractors.kinds.ids import id_birth_facts
from extractors.layout import PageLayout
from extractors.locate import RawValue, locate
from extractors.mrz import read_mrz
from extractors.qr import read_qr
from extractors.rules import check_required, check_rules
from extractors.tables import read_register
from extractors.text import canonical
from pipeline.models import Document, FieldValue, Issue
from schemas import Schema


class _Field:
    """A field being built: where it was read, what the kind made of it, how sure."""

    def __init__(self, raw: RawValue | None, result: KindResult | None, assessment: Assessment | None):
        self.raw = raw
        self.result = result
        self.assessment = assessment

    @property
    def value(self) -> str | None:
        return self.result.value if self.result else None

    @property
    def valid_value(self) -> str | None:
        return self.result.value if self.result and self.result.valid else None

    def to_field_value(self) -> FieldValue:
        if self.result is None or self.assessment is None or self.result.value is None:
            return FieldValue(value=None, confidence=0.0, status="review")
        raw = self.raw
        bbox = raw.layout.fraction(raw.box) if raw and raw.layout and raw.box else None
        return FieldValue(value=self.result.value, confidence=self.assessment.confidence(),
                          status=self.assessment.status(), page=raw.page if raw else None, bbox=bbox)


def read_field(kind: str, raw: RawValue) -> _Field:
    result = parse_value(kind, raw.text)
    assessment = Assessment(ocr=raw.ocr_conf, label=min(1.0, raw.label_score / 100), kind_quality=result.quality,
                            valid=result.valid, ragged=raw.ragged, corroborated=result.closed,
                            doubts=list(raw.doubts), kind=kind)
    return _Field(raw, result, assessment)


def empty_blocks(schema: Schema, empty: set[str]) -> set[str]:
    """Blocks whose person's name label stands with no value (a child registered without a father): none of
    their values can be accepted, whatever was read near their labels."""
    out = set()
    for block in schema.blocks:
        names = [k for k, f in schema.fields.items() if f.block == block and f.kind == "name" and f.output]
        if names and all(k in empty for k in names):
            out.add(block)
    return out


def _block_fields(schema: Schema, block: str) -> dict[str, str]:
    """The block's fields by the part of their key after the block's name (``wife_name`` → ``name``)."""
    prefix = f"{block}_"
    return {k.removeprefix(prefix): k for k, f in schema.fields.items() if f.block == block and k.startswith(prefix)}


def check_roles(schema: Schema, fields: dict[str, _Field]) -> list[Issue]:
    """Two persons' blocks side by side whose roles the page did not name (no header over the columns): the
    sex digit of each one's personal number says who is who. Agreeing with the reading, it settles the
    roles; saying the opposite, the two blocks are swapped (and stay under review)."""
    issues: list[Issue] = []
    expected = {r.fields[0]: r.sex for r in schema.rules if r.rule == "personal_id" and r.sex}
    pairs = {b: spec.column for b, spec in schema.blocks.items() if spec.column}
    left = [b for b, side in pairs.items() if side == "left"]
    right = [b for b, side in pairs.items() if side == "right"]
    if len(left) != 1 or len(right) != 1:
        return issues
    a_fields, b_fields = _block_fields(schema, left[0]), _block_fields(schema, right[0])
    ids = [k for k in a_fields.values() if k in expected], [k for k in b_fields.values() if k in expected]
    if len(ids[0]) != 1 or len(ids[1]) != 1:
        return issues
    a_id, b_id = fields[ids[0][0]], fields[ids[1][0]]
    in_doubt = [f for key in (*a_fields.values(), *b_fields.values()) if (f := fields[key]).assessment is not None
                and "role" in f.assessment.doubts]
    if not in_doubt or not a_id.valid_value or not b_id.valid_value:
        return issues
    facts = id_birth_facts(a_id.valid_value), id_birth_facts(b_id.valid_value)
    if facts[0] is None or facts[1] is None:
        return issues
    sexes = (facts[0][1], facts[1][1])
    wanted = (expected[ids[0][0]], expected[ids[1][0]])
    if sexes == wanted:
        for f in in_doubt:
            f.assessment.doubts.remove("role")  # type: ignore[union-attr]
    elif sexes == wanted[::-1]:
        for part in set(a_fields) & set(b_fields):
            fields[a_fields[part]], fields[b_fields[part]] = fields[b_fields[part]], fields[a_fields[part]]
        issues.append(Issue(code="roles_swapped",
                            message="Số định danh cho thấy hai cột thông tin bị đảo vai trò; đã đổi lại, cần cán bộ "
                                    "kiểm tra."))
    return issues


def extract_document(schema: Schema, layouts: list[PageLayout], confidence: float) -> Document:
    reading = locate(schema, layouts)
    raws = reading.values
    blank = empty_blocks(schema, reading.empty)
    fields: dict[str, _Field] = {}
    for key, spec in schema.fields.items():
        raw = raws.get(key)
        fields[key] = read_field(spec.kind, raw) if raw is not None else _Field(None, None, None)
        if raw is not None and spec.block in blank and fields[key].assessment is not None:
            fields[key].assessment.doubts.append("block_empty")
    issues: list[Issue] = check_roles(schema, fields)
    if schema.qr is not None:
        issues += apply_qr(schema, layouts, fields)
    if schema.mrz:
        issues += apply_mrz(schema, layouts, fields)
    values = {key: f.valid_value for key, f in fields.items()}
    outcome = check_rules(schema, values)
    issues += outcome.issues
    for key, f in fields.items():
        if f.assessment is None:
            continue
        f.assessment.rule_failed = key in outcome.failed
        f.assessment.rule_passed = key in outcome.passed
        f.assessment.corroborated = f.assessment.corroborated or key in outcome.corroborated
    issues += check_required(schema, {k: f.value for k, f in fields.items()})
    for key, f in fields.items():
        if f.result is not None and not f.result.valid and f.result.value is not None and schema.fields[key].output:
            issues.append(Issue(field=key, code="invalid_value", message=f"Giá trị không hợp lệ: {f.result.note}"))
    entries: list[dict[str, FieldValue]] = []
    if schema.table is not None:
        entries, table_issues = read_register(schema, layouts)
        if (handwritten := read_handwritten(schema, layouts, entries)) is not None:
            entries, table_issues = handwritten  # a table filled in by hand: extractors/constrained
        issues += table_issues
    doc_fields = {key: f.to_field_value() for key, f in fields.items() if schema.fields[key].output}
    if confidence < settings.CLASSIFIED_OK:
        # Not sure of the document type: nothing is accepted without a person looking.
        doc_fields = {k: fv.model_copy(update={"status": "review"}) for k, fv in doc_fields.items()}
        entries = [{k: fv.model_copy(update={"status": "review"}) for k, fv in row.items()} for row in entries]
        issues.append(Issue(code="uncertain_document_type",
                            message=f"Loại giấy tờ chưa chắc chắn (độ tin cậy {confidence:.2f}); cần cán bộ xác nhận."))
    needs_review = bool(issues) or any(fv.status == "review" for fv in doc_fields.values()) or any(
        fv.status == "review" for row in entries for fv in row.values())
    return Document(schema=schema.id, schema_confidence=confidence, pages=[lay.number for lay in layouts],
                    fields=doc_fields, entries=entries, issues=issues, needs_review=needs_review)


def apply_qr(schema: Schema, layouts: list[PageLayout], fields: dict[str, _Field]) -> list[Issue]:
    """Values from the card's QR code: exact; OCR values that disagree are reported and replaced."""
    issues: list[Issue] = []
    for layout in layouts:
        qr = read_qr(schema, layout)
        if qr is None:
            continue
        for key, value in qr.items():
            current = fields.get(key)
            kind = schema.fields[key].kind
            result = parse_value(kind, value)
            if not result.valid:
                continue
            if current is not None and current.value is not None and canonical(current.value) != canonical(
                    result.value or ""):
                issues.append(Issue(field=key, code="qr_mismatch",
                                    message=f"Giá trị đọc được ({current.value}) khác mã QR ({result.value}); "
                                            "dùng giá trị trong mã QR."))
            raw = current.raw if current is not None else None
            assessment = Assessment(ocr=1.0, label=1.0, kind_quality=1.0, valid=True, exact=True)
            fields[key] = _Field(raw, result, assessment)
        break
    return issues


def apply_mrz(schema: Schema, layouts: list[PageLayout], fields: dict[str, _Field]) -> list[Issue]:
    """The card's MRZ as a second reading: with verified check digits it is exact like the QR code;
    otherwise it confirms an OCR value that agrees, stands in (for review) for one that is missing or
    invalid, and reports one that disagrees."""
    issues: list[Issue] = []
    for layout in layouts:
        mrz = read_mrz(layout)
        if mrz is None:
            continue
        for key, element in schema.mrz.items():
            value = getattr(mrz, element)
            current = fields.get(key)
            if value is None or current is None or (current.assessment is not None and current.assessment.exact):
                continue
            if mrz.checked:
                fields[key] = _Field(current.raw, KindResult(value=value, valid=True, quality=1.0),
                                     Assessment(ocr=1.0, label=1.0, kind_quality=1.0, valid=True, exact=True))
            elif current.valid_value == value and current.assessment is not None:
                current.assessment.corroborated = True
            elif current.valid_value is None:
                fields[key] = _Field(current.raw, KindResult(value=value, valid=True, quality=0.6, note="từ MRZ"),
                                     Assessment(ocr=1.0, label=1.0, kind_quality=0.6, valid=True))
            else:
                issues.append(Issue(field=key, code="mrz_mismatch",
                                    message=f"Giá trị đọc được ({current.valid_value}) khác vùng MRZ ({value})."))
                if current.assessment is not None:
                    current.assessment.rule_failed = True
        break
    return issues
