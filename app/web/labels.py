"""Vietnamese names for what the screens show: document types, fields (from the schemas), statuses.

A field's label is the Vietnamese half of the schema's first label (``Số / No.`` → ``Số``). An ID card is
labelled as its own edition prints it (``document_labels``): the edition is told from the OCR text of the
card's pages (the contract's ``pages[].text``), since the extraction result does not name it; each
edition's labels are labels the schema lists (a test checks it)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from extractors.text import fold
from schemas import all_schemas

BLOCK_SUFFIX = {"mother": "mẹ", "father": "cha", "husband": "chồng", "wife": "vợ"}
UNKNOWN_SCHEMA = "Chưa nhận ra loại giấy tờ"
RECORD_STATUS = {"extracted": "Đã trích xuất", "reviewed": "Đã kiểm tra", "signed": "Đã ký số",
                 "stored": "Đã lưu"}
FIELD_STATUS = {"ok": "Tự động chấp nhận", "review": "Cần kiểm tra"}
SEX = {"male": "Nam", "female": "Nữ"}
# The repository writes some version reasons in English (for the audit trail); the screens say them in Vietnamese.
CHANGE_REASONS = {"signed copy attached": "đính kèm bản ký số"}
STATUS_REASON_PREFIX = "status: "
PERSON_ROLES = {"subject": "Bản thân", "husband": "Chồng", "wife": "Vợ", "mother": "Mẹ", "father": "Cha"}


def change_reason(reason: str | None) -> str:
    """A record version's reason as the history table shows it (``None``: the first version)."""
    if not reason:
        return "lưu lần đầu"
    if reason.startswith(STATUS_REASON_PREFIX):
        status = reason.removeprefix(STATUS_REASON_PREFIX)
        return "chuyển trạng thái: " + RECORD_STATUS.get(status, status)
    return CHANGE_REASONS.get(reason, reason)


def schema_name(schema_id: str) -> str:
    schema = all_schemas().get(schema_id)
    return schema.name if schema else UNKNOWN_SCHEMA


@cache
def field_labels(schema_id: str) -> dict[str, str]:
    """Field key → Vietnamese label (the schema's first label, with the block's person when the label
    does not say it, e.g. ``Dân tộc (mẹ)``), for the fields a result carries, in schema order."""
    schema = all_schemas().get(schema_id)
    if schema is None:
        return {}
    labels: dict[str, str] = {}
    for key, spec in schema.fields.items():
        if not spec.output:
            continue
        label = vietnamese_half(spec.labels[0]) if spec.labels else _label_elsewhere(key)
        suffix = BLOCK_SUFFIX.get(spec.block)
        if suffix and suffix not in label.lower():
            label = f"{label} ({suffix})"
        labels[key] = label
    return labels


@cache
def entry_labels(schema_id: str) -> dict[str, str]:
    """Register rows: entry field key → the column's header (``Số``, ``Ngày đăng ký``, …)."""
    schema = all_schemas().get(schema_id)
    if schema is None:
        return {}
    columns = schema.table.columns if schema.table else {}
    return {key: (columns.get(key) or [key])[0] for key in schema.entry_fields}


def entry_kinds(schema_id: str) -> dict[str, str]:
    schema = all_schemas().get(schema_id)
    return {key: spec.kind for key, spec in schema.entry_fields.items()} if schema else {}


def _label_elsewhere(key: str) -> str:
    """A field declared without a label (read by a pattern) takes the label the same key has in another
    schema (``registration_authority`` → ``Nơi đăng ký khai sinh``), else its key."""
    for schema in all_schemas().values():
        spec = schema.fields.get(key)
        if spec is not None and spec.labels:
            return vietnamese_half(spec.labels[0])
    return key


def vietnamese_half(label: str) -> str:
    """A bilingual label's Vietnamese part: ``Quê quán / Place of origin`` → ``Quê quán``."""
    return label.split(" / ")[0].strip()


# ID card editions, newest first: (edition, phrases of its printed text (folded), labels by field key).
# The 2024 "Căn cước" (Luật Căn cước 2023) prints "Số định danh cá nhân", "Nơi cư trú", "Nơi đăng ký khai
# sinh"; the 2016 and 2021 "Căn cước công dân" print "Số", "Quê quán", "Nơi thường trú"; the CMND prints
# "Họ tên", "Sinh ngày", "Nguyên quán", "Nơi ĐKHK thường trú".
CARD_EDITIONS: tuple[tuple[str, tuple[str, ...], dict[str, str]], ...] = (
    ("can_cuoc_2024", ("so dinh danh ca nhan", "noi dang ky khai sinh", "chu dem va ten khai sinh"), {
        "personal_id": "Số định danh cá nhân", "full_name": "Họ, chữ đệm và tên khai sinh",
        "date_of_birth": "Ngày, tháng, năm sinh", "sex": "Giới tính", "nationality": "Quốc tịch",
        "place_of_origin": "Nơi đăng ký khai sinh", "residence": "Nơi cư trú",
        "issue_date": "Ngày, tháng, năm cấp", "expiry_date": "Ngày, tháng, năm hết hạn"}),
    ("can_cuoc_cong_dan", ("can cuoc cong dan", "citizen identity card", "que quan"), {
        "personal_id": "Số", "full_name": "Họ và tên", "date_of_birth": "Ngày sinh", "sex": "Giới tính",
        "nationality": "Quốc tịch", "place_of_origin": "Quê quán", "residence": "Nơi thường trú",
        "issue_date": "Ngày cấp", "expiry_date": "Có giá trị đến"}),
    ("chung_minh_nhan_dan", ("chung minh nhan dan",), {
        "personal_id": "Số", "full_name": "Họ tên", "date_of_birth": "Sinh ngày", "sex": "Giới tính",
        "place_of_origin": "Nguyên quán", "residence": "Nơi ĐKHK thường trú", "issue_date": "Ngày cấp"}),
)
CARD_SCHEMA = "citizen_id_card"


def card_edition(page_texts: Iterable[str]) -> str | None:
    """The ID card's edition from its pages' OCR text, or None when none of the editions' phrases is read."""
    text = fold(" ".join(" ".join(t.split()) for t in page_texts))
    for edition, phrases, _labels in CARD_EDITIONS:
        if any(phrase in text for phrase in phrases):
            return edition
    return None


def document_labels(schema_id: str, page_texts: Iterable[str] = ()) -> dict[str, str]:
    """``field_labels`` for one document: an ID card's labels are those of the edition its text shows."""
    labels = field_labels(schema_id)
    if schema_id != CARD_SCHEMA:
        return labels
    edition = card_edition(page_texts)
    for name, _phrases, edition_labels in CARD_EDITIONS:
        if name == edition:
            return {**labels, **{k: v for k, v in edition_labels.items() if k in labels}}
    return labels


def field_label(schema_id: str, key: str) -> str:
    """Labels for fields, and for register columns named ``entries.<key>`` (as the dashboard counts them)."""
    if key.startswith("entries."):
        return "Dòng sổ: " + entry_labels(schema_id).get(key.removeprefix("entries."), key)
    return field_labels(schema_id).get(key, key)


def field_kinds(schema_id: str) -> dict[str, str]:
    schema = all_schemas().get(schema_id)
    return {key: spec.kind for key, spec in schema.fields.items()} if schema else {}


def schema_choices() -> list[tuple[str, str]]:
    return [(schema_id, schema.name) for schema_id, schema in all_schemas().items()]
