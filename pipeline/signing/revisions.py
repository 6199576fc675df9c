"""A signed revision beside the final file, object by object (pikepdf/qpdf, independent of pyHanko): which
pages may look different, and which areas of a page later signatures and form filling may change.

- ``signed_revision_bytes(data, byte_range)``: the file as it was when the signature was made.
- ``changed_pages(old, new)``: pages whose drawing inputs differ (content, resources, annotations and their
  appearances, inherited page attributes, optional-content and form defaults), 0-based.
- ``allowed_areas(old_page, new_page, crop, rotate)``: the widget areas that may change after signing.

Only the pages listed by ``changed_pages`` need to be rendered: a page whose whole object graph is identical
draws identically.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pikepdf

SKIPPED_KEYS = {"/Parent", "/P"}  # back-links to the page tree and the page: not drawing inputs
INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
FORM_DEFAULTS = ("/NeedAppearances", "/DA", "/DR")
MAX_OBJECTS_PER_PAGE = 200_000


class GraphTooLarge(Exception):
    """A page whose object graph is too large to fingerprint: it is rendered and compared instead."""


def signed_revision_bytes(data: bytes, byte_range: list[int]) -> bytes:
    """The bytes a signature covers, with its own /Contents: the file as it stood at signing."""
    return data[: byte_range[2] + byte_range[3]]


def _token(obj: object) -> bytes:
    if isinstance(obj, pikepdf.Object):
        return obj.unparse(resolved=True)
    return repr(obj).encode()


class _Fingerprinter:
    """Deep digests of objects of one document: streams by their raw bytes, indirect objects by identity
    within the walk (so that cycles end and shared objects count once)."""

    def __init__(self) -> None:
        self._streams: dict[tuple[int, int], bytes] = {}

    def _stream_digest(self, stream: pikepdf.Stream) -> bytes:
        key = stream.objgen
        if key not in self._streams or key == (0, 0):
            self._streams[key] = hashlib.sha256(stream.read_raw_bytes()).digest()
        return self._streams[key]

    def digest(self, roots: list[object]) -> str:
        h = hashlib.sha256()
        seen: dict[tuple[int, int], int] = {}
        stack: list[tuple[bool, object]] = [(False, r) for r in reversed(roots)]
        count = 0
        while stack:
            is_token, obj = stack.pop()
            if is_token:
                h.update(obj)  # type: ignore[arg-type]
                continue
            if isinstance(obj, pikepdf.Object) and obj.is_indirect:
                if obj.objgen in seen:
                    h.update(b"@%d" % seen[obj.objgen])
                    continue
                seen[obj.objgen] = len(seen)
            count += 1
            if count > MAX_OBJECTS_PER_PAGE:
                raise GraphTooLarge
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                if isinstance(obj, pikepdf.Stream):
                    h.update(b"S" + self._stream_digest(obj))
                keys = sorted(k for k in obj.keys() if k not in SKIPPED_KEYS)
                items: list[tuple[bool, object]] = [(True, b"<<")]
                for key in keys:
                    items += [(True, key.encode()), (False, obj.get(key))]
                items.append((True, b">>"))
                stack.extend(reversed(items))
            elif isinstance(obj, pikepdf.Array):
                stack.extend(reversed([(True, b"["), *((False, v) for v in obj), (True, b"]")]))
            else:
                h.update(b" " + _token(obj))
        return h.hexdigest()


def _up_the_parents(node: object, key: str, depth: int) -> object:
    """``key`` of ``node`` or of the nearest ``/Parent`` above it that has it (None past ``depth`` levels: a
    deeper or cyclic tree is hostile)."""
    for _ in range(depth):
        if not isinstance(node, pikepdf.Dictionary):
            return None
        if key in node:
            return node.get(key)
        node = node.get("/Parent")
    return None


def _inherited(page: pikepdf.Dictionary, key: str) -> object:
    return _up_the_parents(page, key, 64)


def _document_inputs(pdf: pikepdf.Pdf) -> list[object]:
    """What draws every page besides the page itself: optional content and form defaults."""
    root = pdf.Root
    out: list[object] = [root.get("/OCProperties")]
    form = root.get("/AcroForm")
    for key in FORM_DEFAULTS:
        out.append(form.get(key) if isinstance(form, pikepdf.Dictionary) else None)
    return out


def page_fingerprints(pdf: pikepdf.Pdf) -> list[str | None]:
    """One digest per page of everything that draws it; None for a page too large to digest."""
    printer = _Fingerprinter()
    shared = _document_inputs(pdf)
    out: list[str | None] = []
    for page in pdf.pages:
        inputs = [page.obj, *(_inherited(page.obj, k) for k in INHERITED), *shared]
        try:
            out.append(printer.digest(inputs))
        except GraphTooLarge:
            out.append(None)
    return out


def changed_pages(old: pikepdf.Pdf, new: pikepdf.Pdf) -> list[int]:
    """0-based pages (of the shorter document) whose drawing inputs differ."""
    before, after = page_fingerprints(old), page_fingerprints(new)
    return [i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a is None or b is None or a != b]


# -- areas that may change after signing -------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    """A rectangle in page fractions of the displayed (rotated) page, top-left origin."""

    u0: float
    v0: float
    u1: float
    v1: float


def _field_attr(annot: pikepdf.Dictionary, key: str) -> object:
    return _up_the_parents(annot, key, 32)


def _rect(annot: pikepdf.Dictionary) -> tuple[float, float, float, float] | None:
    try:
        x0, y0, x1, y1 = (float(v) for v in annot.Rect)
    except (AttributeError, TypeError, ValueError):
        return None
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def page_box(page: pikepdf.Dictionary) -> tuple[tuple[float, float, float, float], int]:
    """The crop box (else media box, else A4) and the rotation (0, 90, 180, 270) of a page."""
    box = _inherited(page, "/CropBox") or _inherited(page, "/MediaBox")
    try:
        x0, y0, x1, y1 = (float(v) for v in box)  # type: ignore[union-attr]
        rect = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    except (TypeError, ValueError):
        rect = (0.0, 0.0, 595.0, 842.0)
    try:
        rotate = int(_inherited(page, "/Rotate") or 0) % 360  # type: ignore[call-overload]
    except (TypeError, ValueError):
        rotate = 0
    return rect, rotate if rotate in (0, 90, 180, 270) else 0


def _displayed(point: tuple[float, float], crop, rotate: int) -> tuple[float, float]:
    x0, y0, x1, y1 = crop
    u = (point[0] - x0) / max(x1 - x0, 1e-6)
    v = (y1 - point[1]) / max(y1 - y0, 1e-6)
    return {0: (u, v), 90: (1 - v, u), 180: (1 - u, 1 - v), 270: (v, 1 - u)}[rotate]


def _area(rect, crop, rotate: int) -> Area:
    a = _displayed((rect[0], rect[1]), crop, rotate)
    b = _displayed((rect[2], rect[3]), crop, rotate)
    return Area(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


def _annots(page: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    annots = page.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return []
    return [a for a in annots if isinstance(a, pikepdf.Dictionary)]


def allowed_areas(old_pdf: pikepdf.Pdf, old_page: pikepdf.Dictionary, new_page: pikepdf.Dictionary) -> list[Area]:
    """Widget areas of ``new_page`` that may look different from the signed revision:

    - a signature field added later (its stamp);
    - a signature field that was empty at signing (signed since);
    - a form field that existed at signing (form filling).

    A signature that existed signed keeps its appearance; any other annotation, and a new non-signature
    field, is new content on the page and is compared like the page itself. (What a widget may not do in
    its area, hide the page's own drawing, is ``visual``'s check.)"""
    before = {a.objgen for a in _annots(old_page) if a.is_indirect}
    crop, rotate = page_box(new_page)
    out: list[Area] = []
    for annot in _annots(new_page):
        if annot.get("/Subtype") != pikepdf.Name.Widget or (rect := _rect(annot)) is None:
            continue
        existed = annot.is_indirect and annot.objgen in before
        is_signature = _field_attr(annot, "/FT") == pikepdf.Name.Sig
        if is_signature and existed:
            if _field_attr(old_pdf.get_object(annot.objgen), "/V") is None:  # empty at signing
                out.append(_area(rect, crop, rotate))
        elif is_signature or existed:
            out.append(_area(rect, crop, rotate))
    return out
