"""Login abuse (issue 16, finding 9): another spelling of a name shares its failure count; one client trying
many names is held back; an anonymous client can only slow an officer down, not lock the account; an
unknown name costs the same work (one scrypt) and the same time as a real one."""

from __future__ import annotations

import hashlib
import statistics
import time
import unicodedata

import pytest
from fastapi.testclient import TestClient

from .conftest import PASSWORD

NFC_NAME = unicodedata.normalize("NFC", "hương")
NFD_NAME = unicodedata.normalize("NFD", "hương")


@pytest.fixture
def quick_throttle(web_app):
    """Back-off with short delays, so that a test can wait one out; the app's own throttle afterwards."""
    from app.web.throttle import BackOff, LoginThrottle

    before = web_app.state.ctx.throttle
    web_app.state.ctx.throttle = LoginThrottle(BackOff(free=5, base_s=0.2, max_s=0.4),
                                               BackOff(free=20, base_s=5.0, max_s=60.0))
    yield web_app.state.ctx.throttle
    web_app.state.ctx.throttle = before


def attempt(client: TestClient, username: str, password: str):
    return client.post("/api/login", json={"username": username, "password": password})


def test_another_spelling_of_the_name_shares_the_failure_count(web_app):
    """With the server's own throttle: five failures, then the first delay (1 s)."""
    if web_app.state.ctx.users.by_name(NFC_NAME) is None:
        web_app.state.ctx.users.create(NFC_NAME, "kiem_tra", PASSWORD, "Đỗ Thị Hương")
    assert NFD_NAME != NFC_NAME
    client = TestClient(web_app, client=("198.51.100.7", 40000))
    for spelling in (NFD_NAME, NFD_NAME, NFD_NAME.upper(), " " + NFD_NAME.upper(), NFD_NAME.title()):
        assert attempt(client, spelling, "doan-mo-mat-khau").status_code == 401
    held = attempt(client, NFC_NAME, PASSWORD)
    assert held.status_code == 429, "five failures under other spellings count for the name"
    assert "giây" in held.json()["detail"] and int(held.headers["Retry-After"]) >= 1
    time.sleep(1.1)
    assert attempt(client, NFC_NAME, PASSWORD).status_code == 200, "after the delay the right password works"


def test_a_password_spray_from_one_client_is_held_back(web_app, quick_throttle):
    sprayer = TestClient(web_app, client=("203.0.113.9", 40001))
    answers = [attempt(sprayer, f"ten_doan_{i:02d}", "Matkhau@2026").status_code for i in range(40)]
    assert answers[:20] == [401] * 20
    assert set(answers[20:]) == {429}, "past 20 failures the client waits, whatever the name"
    officer = TestClient(web_app, client=("192.0.2.10", 40002))
    assert attempt(officer, "user_giam_sat", PASSWORD).status_code == 200, "another client is not held back"


def test_an_anonymous_client_cannot_lock_an_officer_out(web_app, quick_throttle):
    attacker = TestClient(web_app, client=("203.0.113.50", 40003))
    refused = 0
    started = time.monotonic()
    while time.monotonic() - started < 2.0:  # hammering the officer's name as fast as it is let
        refused += attempt(attacker, "user_tiep_nhan", "doan-mo-1234").status_code == 429
    assert refused > 0
    officer = TestClient(web_app, client=("192.0.2.20", 40004))
    waited = quick_throttle.wait("user_tiep_nhan", "192.0.2.20")
    assert waited <= 0.4, "the name's delay is capped: a slowdown, not a lock-out"
    time.sleep(waited)
    assert attempt(officer, "user_tiep_nhan", PASSWORD).status_code == 200
    from app.web.throttle import NAME_BACKOFF

    assert NAME_BACKOFF.max_s <= 30, "the server's own cap on what a stranger can impose on a name"


def test_unknown_names_cost_the_same_work_and_time(web_app, monkeypatch):
    users = web_app.state.ctx.users
    if users.by_name("tam_khoa") is None:
        users.create("tam_khoa", "kiem_tra", PASSWORD, "Vũ Văn Khóa")
        users.set_active("tam_khoa", False)
    real_scrypt = hashlib.scrypt
    calls: list[int] = []

    def counting_scrypt(*args, **kwargs):
        calls.append(1)
        return real_scrypt(*args, **kwargs)

    users.authenticate("khong_co_ai", "x")  # the dummy hash is made once, on first use
    monkeypatch.setattr(hashlib, "scrypt", counting_scrypt)
    work = {}
    for name in ("user_kiem_tra", "khong_co_ai", "tam_khoa"):
        calls.clear()
        assert users.authenticate(name, "sai-mat-khau-roi") is None
        work[name] = len(calls)
    assert work == {"user_kiem_tra": 1, "khong_co_ai": 1, "tam_khoa": 1}, work
    monkeypatch.setattr(hashlib, "scrypt", real_scrypt)

    from app.web.throttle import BackOff, LoginThrottle

    monkeypatch.setattr(web_app.state.ctx, "throttle", LoginThrottle(BackOff(10_000, 1, 1), BackOff(10_000, 1, 1)))
    client = TestClient(web_app, client=("198.51.100.77", 40005))
    timings: dict[str, list[float]] = {"known": [], "unknown": []}
    for i in range(15):  # interleaved, so that both see the same load of the machine
        for kind, name in (("known", "user_kiem_tra"), ("unknown", f"khong_co_{i:02d}")):
            began = time.perf_counter()
            assert attempt(client, name, "sai-mat-khau-roi").status_code == 401
            timings[kind].append(time.perf_counter() - began)
    known, unknown = statistics.median(timings["known"]), statistics.median(timings["unknown"])
    print(f"login median over 15: known name {known * 1000:.1f} ms, unknown name {unknown * 1000:.1f} ms")
    assert 0.67 < unknown / known < 1.5, (known, unknown)
