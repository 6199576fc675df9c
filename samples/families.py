"""Layout families: the editions of each document type the generator draws (real template editions, and a
randomized one per type), each either a ``tuning`` family (extraction may be tuned on it) or a ``heldout``
family (scored only to report, never to tune: docs/evaluation.md, "Layout families and the held-out protocol").

The registry is gathered from the layout modules of ``samples.compose.LAYOUTS``: each module's
``FAMILIES: dict[str, str]`` (family name -> split). A module without ``FAMILIES`` counts as one tuning family
named ``<prefix>-today`` (its layouts as they are). Names are prefixed by type: ``bc-``, ``mc-``, ``de-``,
``ms-``, ``card-``, ``br-``.

A selection spec (``--families``) is ``all``, ``tuning``, ``heldout`` or a comma-separated list of those words
and family names; the selection is the union.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from samples.compose import LAYOUTS

PREFIXES = {"birth_certificate": "bc", "marriage_certificate": "mc", "death_extract": "de",
            "marital_status_confirmation": "ms", "citizen_id_card": "card", "birth_register": "br"}
SPLITS = ("tuning", "heldout")


class UnknownFamilies(ValueError):
    """A selection spec names families (or words) that the registry does not know."""

    def __init__(self, names: Sequence[str]):
        super().__init__(", ".join(names))
        self.names = list(names)


@dataclass(frozen=True)
class Family:
    name: str
    schema: str
    split: str  # "tuning" or "heldout"


def default_family(schema: str) -> str:
    """The one family of a layout module without ``FAMILIES``."""
    return f"{PREFIXES[schema]}-today"


def schema_families(schema: str) -> dict[str, str]:
    """Family name -> split for one schema, in the layout module's order."""
    declared = getattr(LAYOUTS[schema], "FAMILIES", None)
    return dict(declared) if declared else {default_family(schema): "tuning"}


def all_families() -> list[Family]:
    return [Family(name, schema, split) for schema in LAYOUTS for name, split in schema_families(schema).items()]


def split_of(name: str) -> str | None:
    """The split of a family, or None for a name the registry does not know."""
    return next((f.split for f in all_families() if f.name == name), None)


def select(spec: str) -> dict[str, list[str]]:
    """Per schema (every schema present), the family names ``spec`` selects, in registry order.

    Raises ``UnknownFamilies`` for a word that is neither ``all``, a split nor a family name."""
    words = [w.strip() for w in spec.split(",") if w.strip()]
    families = all_families()
    known = {f.name for f in families}
    unknown = [w for w in words if w not in known and w not in SPLITS and w != "all"]
    if unknown or not words:
        raise UnknownFamilies(unknown or [spec])
    chosen = {f.name for f in families if "all" in words or f.split in words or f.name in words}
    return {schema: [f.name for f in families if f.schema == schema and f.name in chosen] for schema in LAYOUTS}


def pick(rng: random.Random, names: Sequence[str]) -> str:
    """One family of ``names``, equal weights."""
    if not names:
        raise ValueError("no family to pick from")
    return rng.choice(list(names))
