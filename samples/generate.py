"""The sample corpus generator: ``python -m samples.generate --out DIR --seed N --per-type K``.

Writes, for the six schemas of CONTRACT.md, ``K`` documents each across the degradation tiers, plus dossier
PDFs (a request form + an ID card copy + a certificate), each file with ``NAME.truth.json`` beside it.
Deterministic: every file draws from its own random stream seeded by (seed, file name).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

from PIL import Image

from samples import degrade, writers
from samples.doc import SCHEMAS, Doc
from samples.layouts import (
    birth_certificate,
    birth_register,
    death_extract,
    id_card,
    marital_status,
    marriage_certificate,
    request_form,
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


def build(schema: str, rng: random.Random, fmt: str) -> Doc:
    if schema == "birth_register":
        pages = 2 if fmt in writers.MULTI_PAGE and rng.random() < 0.4 else 1
        return birth_register.build(rng, pages=pages)
    return LAYOUTS[schema].build(rng)


def write(out: Path, name: str, tier: str, fmt: str, pages: list[RenderedPage],
          documents: list[dict[str, Any]]) -> Path:
    """Write one input file and its truth; returns the input file's path."""
    path = out / f"{name}{writers.FORMATS[fmt]}"
    writers.write_pages(path, fmt, [p.image for p in pages], [p.truth["dpi"] for p in pages], JPEG_QUALITY[tier])
    truth = {"source": path.name, "tier": tier, "format": fmt, "pages": [p.truth for p in pages],
             "documents": documents}
    writers.write_truth(writers.truth_path(path), truth)
    return path


def generate_document(out: Path, seed: int, schema: str, tier: str, index: int, fmt: str | None = None) -> Path:
    name = f"{schema}_{tier}_{index:03d}"
    rng = random.Random(f"{seed}:{name}")
    fmt = fmt or rng.choice(FORMATS_BY_TIER[tier])
    doc = build(schema, rng, fmt)
    pages = render(doc, tier, rng)
    if fmt not in writers.MULTI_PAGE and len(pages) > 1:
        fmt = "tiff"
    return write(out, name, tier, fmt, pages, [doc.truth([p.truth["number"] for p in pages])])


def dossier_holder(certificate: Doc, rng: random.Random) -> id_card.Holder | None:
    """Whose ID card goes with a certificate: its holder (a spouse; the child, or the mother of a young child).
    None for a death extract: a relative asks for it."""
    f = certificate.fields
    if certificate.schema == "marital_status_confirmation":
        return id_card.Holder(f["full_name"], f["sex"], date.fromisoformat(f["date_of_birth"]), f["personal_id"],
                              f["residence"])
    if certificate.schema == "marriage_certificate":
        key, sex = rng.choice([("husband", "male"), ("wife", "female")])
        return id_card.Holder(f[f"{key}_name"], sex, date.fromisoformat(f[f"{key}_date_of_birth"]),
                              f[f"{key}_personal_id"], f[f"{key}_residence"])
    if certificate.schema == "birth_certificate":
        born = date.fromisoformat(f["date_of_birth"])
        if born.year <= 2008:
            return id_card.Holder(f["full_name"], f["sex"], born, f["personal_id"])
        mother_born = date(int(f["mother_birth_year"]), rng.randint(1, 12), rng.randint(1, 28))
        return id_card.Holder(f["mother_name"], "female", mother_born, None, f["mother_residence"])
    return None


def _request_date(certificate: Doc, card: Doc) -> date:
    """The day the citizen files the request: after the certificate and the card were issued."""
    issued = [date.fromisoformat(v) for k, v in certificate.fields.items()
              if k in ("registration_date", "issue_date") and v]
    return max([*issued, date.fromisoformat(card.fields["issue_date"])]) + timedelta(days=3)


def generate_dossier(out: Path, seed: int, tier: str, index: int, fmt: str = "pdf") -> Path:
    """A dossier: the citizen's request form, a copy of their ID card, then a certificate."""
    name = f"dossier_{tier}_{index:03d}"
    rng = random.Random(f"{seed}:{name}")
    schema = rng.choice(["marital_status_confirmation", "birth_certificate", "marriage_certificate",
                         "death_extract"])
    certificate = LAYOUTS[schema].build(rng)
    card = id_card.build(rng, copy=True, holder=dossier_holder(certificate, rng))
    plan = degrade.plan(tier, rng, allow_rotation=False)
    form = request_form.draw(card.fields, schema, _request_date(certificate, card), plan.dpi, rng)
    form_image = degrade.apply(form.image, plan, rng.randrange(2**32))
    pages = [RenderedPage(writers.compact(form_image) if tier == "clean" else form_image,
                          {"number": 1, "rotation": plan.rotation, "skew": plan.skew, "dpi": plan.dpi,
                           "text": form.text_content()})]
    documents = []
    for doc in (card, certificate):
        rendered = render(doc, tier, rng, first_page=len(pages) + 1, plan=degrade.plan(tier, rng, dpi=plan.dpi))
        documents.append(doc.truth([p.truth["number"] for p in rendered]))
        pages.extend(rendered)
    return write(out, name, tier, fmt, pages, documents)


def generate_corpus(out: Path, seed: int, per_type: int, tiers: Sequence[str] = degrade.TIERS,
                    schemas: Sequence[str] = SCHEMAS, dossiers: int | None = None, jobs: int = 1) -> list[Path]:
    """``per_type`` documents of each schema (tiers in turn) and ``dossiers`` dossier PDFs
    (default: one per five documents of a type, at least one). Returns the input files written.

    ``jobs`` > 1 writes files in that many processes; the files are the same (each has its own seed)."""
    out.mkdir(parents=True, exist_ok=True)
    tasks: list[tuple[Callable[..., Path], tuple[Any, ...]]] = [
        (generate_document, (out, seed, schema, tiers[i % len(tiers)], i + 1))
        for schema in schemas for i in range(per_type)
    ]
    count = max(1, per_type // 5) if dossiers is None else dossiers
    tasks += [(generate_dossier, (out, seed, tiers[i % len(tiers)], i + 1)) for i in range(count)]
    if jobs <= 1:
        return [function(*arguments) for function, arguments in tasks]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(function, *arguments) for function, arguments in tasks]
        return [future.result() for future in futures]


def scan_like_pdf(out: Path, pages: int, seed: int) -> Path:
    """An N-page image-only PDF of 200 dpi A4 colour scans (skew, noise, yellowed paper) with its truth."""
    rng = random.Random(f"{seed}:scan_like_pdf:{pages}")
    rendered: list[RenderedPage] = []
    documents = []
    cycle = ["birth_certificate", "marriage_certificate", "death_extract", "marital_status_confirmation"]
    while len(rendered) < pages:
        schema = cycle[len(rendered) % len(cycle)]
        doc = LAYOUTS[schema].build(rng)
        new = render(doc, "scan", rng, first_page=len(rendered) + 1)
        documents.append(doc.truth([p.truth["number"] for p in new]))
        rendered.extend(new)
    out.parent.mkdir(parents=True, exist_ok=True)
    writers.write_pages(out, "pdf", [p.image for p in rendered], [p.truth["dpi"] for p in rendered],
                        JPEG_QUALITY["scan"])
    truth = {"source": out.name, "tier": "scan", "format": "pdf", "pages": [p.truth for p in rendered],
             "documents": documents}
    writers.write_truth(writers.truth_path(out), truth)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-type", type=int, default=3, help="documents per schema")
    parser.add_argument("--tiers", default=",".join(degrade.TIERS), help="comma-separated: clean,scan,hard")
    parser.add_argument("--schemas", default=",".join(SCHEMAS), help="comma-separated schema ids")
    parser.add_argument("--dossiers", type=int, default=None, help="dossier PDFs (default per-type // 5, min 1)")
    parser.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--scan-pdf", type=int, default=0, metavar="PAGES",
                        help="only write OUT/scan_PAGES.pdf, an N-page 200 dpi scan-like PDF")
    args = parser.parse_args(argv)
    tiers = [t for t in args.tiers.split(",") if t]
    schemas = [s for s in args.schemas.split(",") if s]
    unknown = [t for t in tiers if t not in degrade.TIERS] + [s for s in schemas if s not in SCHEMAS]
    if unknown:
        print(f"samples.generate: không rõ: {', '.join(unknown)}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    if args.scan_pdf:
        files = [scan_like_pdf(args.out / f"scan_{args.scan_pdf}.pdf", args.scan_pdf, args.seed)]
    else:
        files = generate_corpus(args.out, args.seed, args.per_type, tiers, schemas, args.dossiers, args.jobs)
    print(f"Đã tạo {len(files)} tệp trong {args.out} ({time.perf_counter() - start:.1f} giây)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
