"""Personal numbers out of URLs and logs (issue 16, finding 7), against a real ``sohoa serve``: the search by
number is a POST, the per-person view has an opaque address, the old addresses answer without searching,
and the server's log (uvicorn's access log, the app's loggers) shows a number only masked; the server's
home, catalog and stored scans are its owner's only."""

from __future__ import annotations

import io
import logging
import stat
import time
from collections.abc import Iterator

import pytest

from .conftest import Server, serve_subprocess

NUMBER = "022180000123"
MASKED = "0221******23"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    with serve_subprocess(tmp_path_factory, {}) as up:
        yield up


def test_masking_keeps_four_and_two_digits_and_leaves_other_numbers():
    from app.web.logmask import mask_personal_numbers

    assert mask_personal_numbers(f"/tra-cuu?ma_dinh_danh={NUMBER} 200") == f"/tra-cuu?ma_dinh_danh={MASKED} 200"
    assert mask_personal_numbers("cmnd 123456789") == "cmnd 1234***89"
    assert mask_personal_numbers("022 180 000 123 / 022+180+000+123 / 022%20180%20000%20123") == \
        f"{MASKED} / {MASKED} / {MASKED}"
    kept = "hồ sơ 000.00.00.H49-261202-0001, bản ghi 17, 2026-12-02 12:00:01, 0912345678"
    assert mask_personal_numbers(kept) == kept


def test_the_app_loggers_are_masked_too():
    from app.web.logmask import MaskPersonalNumbers, install_log_mask

    stream = io.StringIO()
    root = logging.getLogger()
    handler = logging.StreamHandler(stream)
    root.addHandler(handler)
    try:
        install_log_mask()
        assert any(isinstance(f, MaskPersonalNumbers) for f in handler.filters)
        logging.getLogger("app.web.workers").warning("page of %s failed", NUMBER)
        try:
            raise ValueError(f"no record for {NUMBER}")
        except ValueError:
            logging.getLogger("pipeline.store").exception("lookup %s", "x")
    finally:
        root.removeHandler(handler)
    text = stream.getvalue()
    assert NUMBER not in text and text.count(MASKED) == 2, text


def test_numbers_stay_out_of_addresses_and_the_server_log(server):
    client, csrf = server.login()
    headers = {"X-CSRF-Token": csrf}
    old_page = client.get("/tra-cuu", params={"ma_dinh_danh": NUMBER}, follow_redirects=False)
    assert old_page.status_code == 303 and old_page.headers["location"] == "/tra-cuu"
    assert client.get(f"/api/people/{NUMBER}").status_code == 404
    assert client.get("/api/records", params={"personal_id": NUMBER}).status_code == 404
    spaced = client.get("/api/records", params={"personal_id": "022 180 000 123"})
    assert spaced.status_code == 404
    searched = client.post("/tra-cuu", data={"ma_dinh_danh": NUMBER, "csrf_token": csrf})
    assert searched.status_code == 200 and "0 kết quả" in searched.text
    assert client.post("/api/records/search", json={"personal_id": NUMBER}, headers=headers).json() == []
    person = client.post("/api/people", json={"personal_id": NUMBER}, headers=headers).json()
    assert person["personal_id"] == NUMBER and person["token"] is None  # nobody stored under it yet
    time.sleep(0.5)  # the access log is written as the answers go out
    log = server.log.read_text(encoding="utf-8")
    assert "GET /tra-cuu?ma_dinh_danh=" in log, "the access log is on"
    assert NUMBER not in log and "022+180+000+123" not in log and "022%20180%20000%20123" not in log
    assert log.count(MASKED) >= 4, log[-2000:]
    client.close()


def test_the_servers_home_and_catalog_are_its_owners_only(server):
    assert stat.S_IMODE(server.home.stat().st_mode) == 0o700
    assert stat.S_IMODE((server.home / "catalog.sqlite").stat().st_mode) == 0o600
    assert stat.S_IMODE((server.home / "web" / "secret").stat().st_mode) == 0o600
    for folder in (server.home / "objects", server.home / "web", server.home / "web" / "intake"):
        assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0, folder
