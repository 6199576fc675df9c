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
        label = spec.labels[0] if spec.labels else key
        suffix = BLOCK_SUFFIX.get(spec.block)
        if suffix and suffix not in label.lower():
            label = f"{label} ({suffix})"
        labels[key] = label
    return labels


def field_label(schema_id: str, key: str) -> str:
    return field_labels(schema_id).get(key, key)


def field_kinds(schema_id: str) -> dict[str, str]:
    schema = all_schemas().get(schema_id)
    return {key: spec.kind for key, spec in schema.fields.items()} if schema else {}


def schema_choices() -> list[tuple[str, str]]:
    return [(schema_id, schema.name) for schema_id, schema in all_schemas().items()]
