"""Numbers where officers look are written the Vietnamese way (issue 15, defect 10: "8.178 giây" read as
eight thousand seconds, "86.1%" with a point): the dossier's reading times, the dashboard's shares."""

from __future__ import annotations

import re

RAW_FLOAT = re.compile(r"\d\.\d+ ?(giây|%)|\d+\.\d{3}(?!\d) giây|\d%")


def _text(html: str) -> str:
    """What a person reads: the page without its tags, attributes, scripts and styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_the_dossier_screen_shows_reading_times_in_vietnamese(clients, intake):
    client, _ = clients["tiep_nhan"]
    screen = _text(client.get(f"/tiep-nhan/{intake.code}").text)
    times = re.findall(r"· (\S+) giây", screen)
    assert times, "each file says how long it took"
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d)?", t) for t in times), times
    assert not RAW_FLOAT.search(screen), RAW_FLOAT.search(screen)


def test_the_dashboard_shows_shares_and_counts_in_vietnamese(clients, intake):
    client, _ = clients["giam_sat"]
    screen = _text(client.get("/thong-ke").text)
    assert not RAW_FLOAT.search(screen), RAW_FLOAT.search(screen)
    percents = re.findall(r"(\d+(?:,\d)?) %", screen)
    assert percents, "the dashboard shows its shares as percentages"
