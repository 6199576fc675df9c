"""The sample corpus generator: ``python -m samples.generate --out DIR --seed N --per-type K``.

Writes, for the six schemas of CONTRACT.md, ``K`` documents each across the degradation tiers, plus dossier
PDFs (a request form + an ID card copy + a certificate), each file with ``NAME.truth.json`` beside it.
``--families SPEC`` (samples/families.py: ``all``, ``tuning``, ``heldout`` or names) draws each document's
layout family from the selected families of its schema; a schema with none selected is not written.
Deterministic: every file draws from its own random stream seeded by (seed, file name).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from samples import degrade, families, handwriting, writers
from samples.compose import FORMATS_BY_TIER, JPEG_QUALITY, build, render, write
from samples.doc import SCHEMAS
from samples.dossier import can_make_dossiers, generate_dossier

__all__ = ["generate_corpus", "generate_document", "generate_dossier", "generate_handwritten", "scan_like_pdf", "main"]
HANDWRITTEN_ENTRIES = (6, 9)  # entries on a handwritten register page


def generate_document(out: Path, seed: int, schema: str, tier: str, index: int, fmt: str | None = None,
                      choices: Sequence[str] | None = None) -> Path:
    """One document of ``schema``, its family drawn from ``choices`` (default: all the schema's families)."""
    name = f"{schema}_{tier}_{index:03d}"
    rng = random.Random(f"{seed}:{name}")
    fmt = fmt or rng.choice(FORMATS_BY_TIER[tier])
    doc = build(schema, rng, fmt, families.pick(rng, choices or list(families.schema_families(schema))))
    pages = render(doc, tier, rng)
    if fmt not in writers.MULTI_PAGE and len(pages) > 1:
        fmt = "tiff"
    return write(out, name, tier, fmt, pages, [doc.truth([p.truth["number"] for p in pages])])


def generate_handwritten(out: Path, seed: int, index: int, split: str) -> Path:
    """One handwritten birth-register page (samples/handwriting.book_page) by the ``split``'s hands
    (``tuning`` or ``heldout``: docs/evaluation.md), a 150 dpi PNG with its truth (tier ``handwritten``)."""
    name = f"birth_register_handwritten_{split}_{index:03d}"
    rng = random.Random(f"{seed}:{name}")
    page = handwriting.book_page(handwriting.SPLITS[split], rng.randint(*HANDWRITTEN_ENTRIES), rng.randrange(1 << 30))
    path = out / f"{name}.png"
    out.mkdir(parents=True, exist_ok=True)
    writers.write_pages(path, "png", [page.image], [page.dpi])
    writers.write_truth(writers.truth_path(path), handwriting.book_truth(page, path.name, split))
    return path


def generate_corpus(out: Path, seed: int, per_type: int, tiers: Sequence[str] = degrade.TIERS,
                    schemas: Sequence[str] = SCHEMAS, dossiers: int | None = None, jobs: int = 1,
                    family_spec: str = "all", handwritten: int = 0, hands: str = "heldout") -> list[Path]:
    """``per_type`` documents of each schema (tiers in turn) and ``dossiers`` dossier PDFs
    (default: one per five documents of a type, at least one), of the families ``family_spec`` selects
    (a schema without a selected family is left out; dossiers need a selected card and certificate family).
    Returns the input files written.

    ``handwritten`` handwritten birth-register pages by the ``hands`` split's hands are added (default none).
    ``jobs`` > 1 writes files in that many processes; the files are the same (each has its own seed)."""
    out.mkdir(parents=True, exist_ok=True)
    selection = families.select(family_spec)
    tasks: list[tuple[Callable[..., Path], tuple[Any, ...]]] = [
        (generate_document, (out, seed, schema, tiers[i % len(tiers)], i + 1, None, selection[schema]))
        for schema in schemas if selection[schema] for i in range(per_type)
    ]
    count = max(1, per_type // 5) if dossiers is None else dossiers
    if can_make_dossiers(selection):
        tasks += [(generate_dossier, (out, seed, tiers[i % len(tiers)], i + 1, "pdf", selection))
                  for i in range(count)]
    tasks += [(generate_handwritten, (out, seed, i + 1, hands)) for i in range(handwritten)]
    if jobs <= 1:
        return [function(*arguments) for function, arguments in tasks]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(function, *arguments) for function, arguments in tasks]
        return [future.result() for future in futures]


def scan_like_pdf(out: Path, pages: int, seed: int) -> Path:
    """An N-page image-only PDF of 200 dpi A4 colour scans (skew, noise, yellowed paper) with its truth."""
    rng = random.Random(f"{seed}:scan_like_pdf:{pages}")
    page_truths: list[dict] = []
    encoded: list[bytes] = []  # pages are encoded as they are made: a 1,000-page file needs no 12 GB of images
    documents = []
    cycle = ["birth_certificate", "marriage_certificate", "death_extract", "marital_status_confirmation"]
    while len(page_truths) < pages:
        schema = cycle[len(page_truths) % len(cycle)]
        doc = build(schema, rng, "pdf", families.pick(rng, list(families.schema_families(schema))))
        new = render(doc, "scan", rng, first_page=len(page_truths) + 1)
        documents.append(doc.truth([p.truth["number"] for p in new]))
        for page in new:
            page_truths.append(page.truth)
            encoded.append(writers.encode_page(page.image, page.truth["dpi"], JPEG_QUALITY["scan"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    writers.write_pdf(out, encoded)
    truth = {"source": out.name, "tier": "scan", "format": "pdf", "pages": page_truths,
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
    parser.add_argument("--families", default="all",
                        help="layout families: all, tuning, heldout or comma-separated names (samples/families.py)")
    parser.add_argument("--handwritten", type=int, default=0, metavar="N",
                        help="also N handwritten birth-register pages (samples/handwriting.py)")
    parser.add_argument("--hands", choices=sorted(handwriting.SPLITS), default="heldout",
                        help="the hands of the handwritten pages: tuning or heldout (default heldout)")
    parser.add_argument("--scan-pdf", type=int, default=0, metavar="PAGES",
                        help="only write OUT/scan_PAGES.pdf, an N-page 200 dpi scan-like PDF")
    args = parser.parse_args(argv)
    tiers = [t for t in args.tiers.split(",") if t]
    schemas = [s for s in args.schemas.split(",") if s]
    unknown = [t for t in tiers if t not in degrade.TIERS] + [s for s in schemas if s not in SCHEMAS]
    try:
        families.select(args.families)
    except families.UnknownFamilies as err:
        unknown += err.names
    if unknown:
        print(f"samples.generate: không rõ: {', '.join(unknown)}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    if args.scan_pdf:
        files = [scan_like_pdf(args.out / f"scan_{args.scan_pdf}.pdf", args.scan_pdf, args.seed)]
    else:
        files = generate_corpus(args.out, args.seed, args.per_type, tiers, schemas, args.dossiers, args.jobs,
                                args.families, args.handwritten, args.hands)
    print(f"Đã tạo {len(files)} tệp trong {args.out} ({time.perf_counter() - start:.1f} giây)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
