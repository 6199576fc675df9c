"""Document schemas: one YAML file per document type in this folder, validated into :class:`Schema`.

``load_schemas()`` reads them all; a broken file raises :class:`SchemaError` naming the file, the place in
it and the problem, e.g. ``marriage_certificate.yaml: fields.wife_name.kind: unknown kind 'nmae'``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from schemas.model import KIND_NAMES, BlockSpec, FieldSpec, QrSpec, RuleSpec, Schema, TableSpec

SCHEMA_DIR = Path(__file__).resolve().parent


class SchemaError(Exception):
    """A schema file that cannot be used: ``file``, ``where`` (dotted path inside it) and ``problem``."""

    def __init__(self, file: str | Path, where: str, problem: str):
        self.file = str(file)
        self.where = where
        self.problem = problem
        super().__init__(f"{Path(self.file).name}: {where + ': ' if where else ''}{problem}")


def _where(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)


def load_schema_file(path: str | Path) -> Schema:
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        raise SchemaError(path, where, f"not valid YAML ({getattr(err, 'problem', err)})") from err
    if not isinstance(data, dict):
        raise SchemaError(path, "", "the file must hold a mapping (id, name, titles, fields, …)")
    if data.get("id") is not None and data["id"] != path.stem:
        raise SchemaError(path, "id", f"id {data['id']!r} differs from the file name {path.stem!r}")
    try:
        return Schema(**data)
    except ValidationError as err:
        first = err.errors()[0]
        message = first["msg"].removeprefix("Value error, ")
        raise SchemaError(path, _where(first["loc"]), message) from err
    except TypeError as err:
        raise SchemaError(path, "", str(err)) from err


def load_schemas(folder: str | Path | None = None) -> dict[str, Schema]:
    """Every ``*.yaml`` schema in ``folder`` (default: this package), by id."""
    folder = Path(folder) if folder else SCHEMA_DIR
    found: dict[str, Schema] = {}
    for path in sorted(folder.glob("*.yaml")):
        schema = load_schema_file(path)
        found[schema.id] = schema
    return found


@lru_cache(maxsize=1)
def all_schemas() -> dict[str, Schema]:
    """The project's schemas, loaded once per process."""
    return load_schemas()


def get_schema(schema_id: str) -> Schema:
    schemas = all_schemas()
    if schema_id not in schemas:
        raise KeyError(f"unknown schema {schema_id!r} (known: {', '.join(sorted(schemas))})")
    return schemas[schema_id]


__all__ = [
    "KIND_NAMES", "BlockSpec", "FieldSpec", "QrSpec", "RuleSpec", "Schema", "SchemaError", "TableSpec",
    "all_schemas", "get_schema", "load_schema_file", "load_schemas",
]
