"""The receiving unit's name, as the one-stop-shop papers print it in their header (Decree 30/2020: the
issuing body's name in capitals, top left): ``SOHOA_UNIT_NAME`` (or ``unit_name`` in ``sohoa.toml``), e.g.
"UBND phường Hồng Gai"; without it the papers print the generic "ỦY BAN NHÂN DÂN"."""

from __future__ import annotations

import os
import unicodedata

from pipeline.config import _file_values

ENV = "SOHOA_UNIT_NAME"
GENERIC = "ỦY BAN NHÂN DÂN"


def unit_name() -> str:
    """The configured name (NFC, spaces collapsed), read at each call so a change needs no restart."""
    value = os.environ.get(ENV) or str(_file_values().get("unit_name") or "")
    name = " ".join(unicodedata.normalize("NFC", value).split())
    return name or GENERIC
