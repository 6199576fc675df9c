"""From a generated document to files: draw its pages at the tier's dpi, degrade them, write the input file
and its truth."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from PIL import Image

from samples import degrade, writers
from samples.doc import Doc
from samples.layouts import (
    birth_certificate,
    birth_register,
    death_extract,
    id_card,
    marital_status,
    marriage_certificate,
)

LAYOUTS: dict[str, ModuleType] = {
    "birth_certificate": birth_certificate,
    "marriage_certificate": marriage_certificate,
    "death_extract": death_extract,
    "marital_status_confirmation": marital_status,
    "citizen_id_card": id_card,
    "birth_register": birth_register,
}
FORMATS_BY_TIER = {"clean": ["png", "png", "tiff", "pdf"], "scan": ["jpeg", "pdf", "png", "tiff"],
                   "hard": ["jpeg", "pdf", "tiff", "jpeg"]}
JPEG_QUALITY = {"clean": 90, "scan": 75, "hard": 70}


@dataclass
class RenderedPage:
    image: Image.Image
    truth: dict[str, Any]


def render(doc: Doc, tier: str, rng: random.Random, first_page: int = 1,
           plan: degrade.Plan | None = None) -> list[RenderedPage]:
    """Draw a document at its tier's dpi and degrade it; page numbers start at ``first_page``."""
    plan = plan or degrade.plan(tier, rng)
    if doc.schema == "citizen_id_card" and doc.show["copy"] and tier != "clean":
        plan = degrade.Plan(plan.tier, plan.dpi, plan.skew, plan.rotation, True, plan.fold)  # a photocopy
    elif doc.schema == "citizen_id_card" and not doc.show["copy"]:
        # A card image is captured close up (card scanner, phone): twice the tier's resolution.
        plan = degrade.Plan(plan.tier, min(600, plan.dpi * 2), plan.skew, plan.rotation, plan.photocopy, plan.fold)
    pages = LAYOUTS[doc.schema].draw(doc, plan.dpi, rng)
    result = []
    for offset, page in enumerate(pages):
        image = degrade.apply(page.image, plan, rng.randrange(2**32))
        if plan.tier == "clean":
            image = writers.compact(image, fixed_palette=doc.schema != "citizen_id_card")
        result.append(RenderedPage(image, {"number": first_page + offset, "rotation": plan.rotation,
                                           "skew": plan.skew, "dpi": plan.dpi, "text": page.text_content()}))
    return result


def build(schema: str, rng: random.Random, fmt: str, family: str, **options: Any) -> Doc:
    """A document of ``family`` (samples/families.py picks it); ``options`` go to the layout's ``build``.

    A layout module without ``FAMILIES`` builds its own way and its document is named ``family``."""
    module = LAYOUTS[schema]
    if schema == "birth_register":
        options["pages"] = 2 if fmt in writers.MULTI_PAGE and rng.random() < 0.4 else 1
    if not hasattr(module, "FAMILIES"):
        doc = module.build(rng, **options)
        doc.family = family
        return doc
    return module.build(rng, family=family, **options)


def write(out: Path, name: str, tier: str, fmt: str, pages: list[RenderedPage],
          documents: list[dict[str, Any]]) -> Path:
    """Write one input file and its truth; returns the input file's path."""
    path = out / f"{name}{writers.FORMATS[fmt]}"
    writers.write_pages(path, fmt, [p.image for p in pages], [p.truth["dpi"] for p in pages], JPEG_QUALITY[tier])
    truth = {"source": path.name, "tier": tier, "format": fmt, "pages": [p.truth for p in pages],
             "documents": documents}
    writers.write_truth(writers.truth_path(path), truth)
    return path
