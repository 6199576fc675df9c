"""A clean generated birth-certificate page is readable by Tesseract (lang vie)."""

import random
import re

import pytesseract
import pytest

from samples.layouts import birth_certificate


@pytest.mark.parametrize("seed", [0, 1])
def test_tesseract_reads_name_and_number(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMP_THREAD_LIMIT", "1")
    rng = random.Random(seed)
    doc = birth_certificate.build(rng, "2020-form", family="bc-2020")
    # A framed certificate (half of the originals) defeats raw Tesseract's page layout analysis: lines next to
    # the frame go missing. The pipeline's preprocessing has to deal with that; this test is about the text.
    doc.show["border"] = False
    page = birth_certificate.draw(doc, 300, rng)[0]
    text = pytesseract.image_to_string(page.image, lang="vie")
    assert doc.fields["full_name"] in text
    assert re.search(rf"Số:\s*{doc.fields['number']}\b", text)
    assert doc.fields["personal_id"] in text
