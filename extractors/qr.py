"""The QR code of a citizen ID card, read with zxing-cpp from the page image.

Its text is ``CCCD|old CMND|name|ddmmyyyy|sex|address|issue date ddmmyyyy`` (DOMAIN.md); the schema's
``qr.fields`` says which part is which field. A read QR code is exact, unlike OCR.
"""

from __future__ import annotations

import re

import cv2
import zxingcpp

from extractors.layout import PageLayout
from schemas import Schema

_DDMMYYYY = re.compile(r"^(\d{2})(\d{2})(\d{4})$")


def decode_text(image_path: str) -> list[str]:
    """The texts of the QR codes on the image (none when the file cannot be read)."""
    image = cv2.imread(image_path, cv2.IMREAD_GRAYSCALE)
    if image is None:
        return []
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [r.text for r in results if r.valid and r.text]


def parse_qr_text(schema: Schema, text: str) -> dict[str, str] | None:
    """Field key → value text in a form the field's kind parses; None when the text is not this format."""
    spec = schema.qr
    if spec is None:
        return None
    parts = text.split(spec.separator)
    if len(parts) < spec.min_parts:
        return None
    values: dict[str, str] = {}
    for key, index in spec.fields.items():
        part = parts[index].strip() if index < len(parts) else ""
        if not part:
            continue
        if schema.fields[key].kind == "date":
            match = _DDMMYYYY.match(part)
            if not match:
                continue
            part = f"{match.group(1)}/{match.group(2)}/{match.group(3)}"
        values[key] = part
    return values


def read_qr(schema: Schema, layout: PageLayout) -> dict[str, str] | None:
    if schema.qr is None or not layout.image_path:
        return None
    for text in decode_text(layout.image_path):
        values = parse_qr_text(schema, text)
        if values:
            return values
    return None
