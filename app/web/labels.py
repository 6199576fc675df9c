"""Vietnamese names for what the screens show: document types, fields (from the schemas), statuses."""

from __future__ import annotations

from functools import cache

from schemas import all_schemas

BLOCK_SUFFIX = {"mother": "mẹ", "father": "cha", "husband": "chồng", "wife": "vợ"}
UNKNOWN_SCHEMA = "Chưa nhận ra loại giấy tờ"
RECORD_STATUS = {"extracted": "Đã trích xuất", "reviewed": "Đã kiểm tra", "signed": "Đã ký số",
                 "stored": "Đã lưu"}
FIELD_STATUS = {"ok": "Tự động chấp nhận", "review": "Cần kiểm tra"}
SEX = {"male": "Nam", "female": "Nữ"}
PERSON_ROLES = {"subject": "Bản thân", "husband": "Chồng", "wife": "Vợ", "mother": "Mẹ", "father": "Cha"}


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
        label = spec.labels[0] if spec.labels else _label_elsewhere(key)
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
            return spec.labels[0]
    return key


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
