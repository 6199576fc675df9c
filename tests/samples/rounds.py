"""What the tests of the held-out rounds' families share: a file's page count, a page's text read whole and
column by column, the spellings a truth value is printed in, and the checks every round makes of its families
(registered in their split, generated at every tier, drawn on a measuring page)."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pikepdf
from PIL import Image

from samples import families, writers
from samples.canvas import Page
from samples.compose import LAYOUTS
from samples.doc import REGISTER_ENTRY_FIELDS, SCHEMA_FIELDS
from samples.generate import generate_document
from samples.layouts import form_kit
from samples.truth_format import problems
from samples.vntext import date_figures, date_long


def pages_in(path: Path) -> int:
    """How many pages a generated file holds (each image at least 300 px on its shorter side)."""
    if path.suffix == ".pdf":
        with pikepdf.open(path) as pdf:
            return len(pdf.pages)
    with Image.open(path) as image:
        assert min(image.size) > 300
        return getattr(image, "n_frames", 1)


def printed(key: str, value: str, old_sex: bool = False, dashed: bool = False) -> list[str]:
    """The ways a truth value may be printed: sex as Nam/Nữ (and Trai/Gái with ``old_sex``), a date in
    figures, in words or as "ngày … tháng … năm …" (and dd-mm-yyyy with ``dashed``)."""
    if key == "sex":
        return (["Nam", "Trai"] if old_sex else ["Nam"]) if value == "male" else (
            ["Nữ", "Gái"] if old_sex else ["Nữ"])
    if "date" in key:
        d = date.fromisoformat(value)
        out = [date_figures(d), date_long(d), f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"]
        return out + ([f"{d.day:02d}-{d.month:02d}-{d.year}"] if dashed else [])
    return [value]


def joined(text: str) -> str:
    return " ".join(text.split())


def readings(page: Page) -> list[str]:
    """The page text, and the text of the pieces either side of every left edge (a value wrapped in one
    column continues on that column's next line, not after the other column's text)."""
    texts = [joined(page.text_content())]
    for split in sorted({round(x, 1) for _, x, _ in page.pieces}):
        for side in (lambda x, s=split: x < s, lambda x, s=split: x >= s):
            column = Page(1, 1, 10)
            column.pieces = [p for p in page.pieces if side(p[1])]
            texts.append(joined(column.text_content()))
    return texts


def columns(page: Page, edges: list[float], top: float = 0.0) -> list[str]:
    """The text of each column between ``edges`` below ``top`` (a cell's wrapped lines follow each other)."""
    parts = [Page(1, 1, 10) for _ in edges[1:]]
    for part, left, right in zip(parts, edges, edges[1:], strict=False):
        part.pieces = [p for p in page.pieces if left <= p[1] < right and p[0] > top]
    return [joined(part.text_content()) for part in parts]


def assert_printed(values: dict, texts: list[str], where: str) -> None:
    """Every value that is not None is printed in one of ``texts``, in one of its spellings."""
    for key, value in values.items():
        if value is not None:
            assert any(joined(form).casefold() in text.casefold() for form in printed(key, value)
                       for text in texts), (where, key, value)


TIERS = ("clean", "scan", "hard")


def schema_of(family: str) -> str:
    return next(f.schema for f in families.all_families() if f.name == family)


def assert_registered(names: tuple[str, ...], split: str) -> None:
    """A round's families: eight distinct names, every document type among them, all registered as ``split``
    (``families.select`` lists them there and not in the other split)."""
    other = "heldout" if split == "tuning" else "tuning"
    assert len(names) == len(set(names)) == 8
    assert {schema_of(name) for name in names} == set(SCHEMA_FIELDS)
    assert all(families.split_of(name) == split for name in names)
    mine = {name for listed in families.select(split).values() for name in listed}
    theirs = {name for listed in families.select(other).values() for name in listed}
    assert set(names) <= mine and not set(names) & theirs


def assert_generates_at_every_tier(tmp_path: Path, family: str, seed: int, split: str) -> None:
    """The family makes a readable file at every tier whose truth names it, has exactly its type's keys, and
    entries only for a register."""
    schema = schema_of(family)
    for index, tier in enumerate(TIERS, start=1):
        path = generate_document(tmp_path, seed, schema, tier, index, choices=[family])
        truth = json.loads(writers.truth_path(path).read_text(encoding="utf-8"))
        assert problems(truth) == [] and pages_in(path) == len(truth["pages"])
        (doc,) = truth["documents"]
        assert (doc["family"], doc["schema"], families.split_of(doc["family"])) == (family, schema, split)
        assert list(doc["fields"]) == SCHEMA_FIELDS[schema]
        assert [list(entry) for entry in doc["entries"]] == [REGISTER_ENTRY_FIELDS] * len(doc["entries"])
        assert bool(doc["entries"]) == (schema == "birth_register")


def drawn(family: str, seed: int):
    """A document of ``family`` built at ``seed`` and drawn on a measuring page: (doc, page)."""
    module = LAYOUTS[schema_of(family)]
    doc = module.build(random.Random(f"{family}:{seed}"), family=family)
    page = form_kit.MeasuringPage()
    module.DRAWERS[family](doc, page, random.Random(0))
    return doc, page
