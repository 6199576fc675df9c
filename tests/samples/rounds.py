"""What the tests of the held-out rounds' families share: a file's page count, a page's text read whole and
column by column, and the spellings a truth value is printed in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pikepdf
from PIL import Image

from samples.canvas import Page
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
