"""Passwords, sessions, CSRF tokens and the value forms officers type."""

from __future__ import annotations

import time

import pytest

from app.web import security
from app.web.security import Security, hash_password, verify_password
from app.web.values import display, parse


def test_password_hash_is_salted_and_verifies_only_the_right_password():
    first, second = hash_password("mật khẩu dài 123"), hash_password("mật khẩu dài 123")
    assert first != second and first.startswith("scrypt$")
    assert verify_password("mật khẩu dài 123", first)
    assert not verify_password("mật khẩu dài 124", first)
    assert not verify_password("mật khẩu dài 123", "scrypt$broken")
    assert not verify_password("x", "bcrypt$1$2$3$4$5")


def test_session_cookie_round_trip_and_tampering():
    sec = Security(b"k" * 32)
    token = sec.new_session(7, 3)
    data = sec.read_session(token)
    assert data and data.user_id == 7 and data.version == 3
    body, mac = token.rsplit(".", 1)
    assert sec.read_session(body + "." + mac[::-1]) is None
    assert sec.read_session(body[:-3] + "AAA." + mac) is None
    assert Security(b"other" * 8).read_session(token) is None, "another secret does not accept it"


def test_session_expires(monkeypatch):
    sec = Security(b"k" * 32)
    token = sec.new_session(1, 1)
    later = time.time() + security.SESSION_MAX_AGE + 5
    monkeypatch.setattr(security.time, "time", lambda: later)
    assert sec.read_session(token) is None


def test_csrf_token_is_bound_to_its_session():
    sec = Security(b"k" * 32)
    one, two = sec.read_session(sec.new_session(1, 1)), sec.read_session(sec.new_session(1, 1))
    assert sec.check_csrf(one, sec.csrf_token(one))
    assert not sec.check_csrf(one, sec.csrf_token(two))
    assert not sec.check_csrf(one, None)
    assert not sec.check_csrf(one, "abc.def")


def test_prelogin_double_submit():
    sec = Security(b"k" * 32)
    token = sec.prelogin_token()
    assert sec.check_prelogin(token, token)
    assert not sec.check_prelogin(token, sec.prelogin_token())
    assert not sec.check_prelogin(None, token)


@pytest.mark.parametrize("kind, typed, value", [
    ("date", "05/02/2024", "2024-02-05"), ("date", "5-2-2024", "2024-02-05"), ("date", "2024-02-05", "2024-02-05"),
    ("sex", "Nữ", "female"), ("sex", "nam", "male"), ("personal_id", "022 180 000 123", "022180000123"),
    ("personal_id", "123456789", "123456789"), ("name", "  nguyễn   thị  hoà ", "NGUYỄN THỊ HOÀ"),
    ("year", "1980", "1980"), ("place", "xã  Quan Lạn", "xã Quan Lạn"), ("text", "", None),
])
def test_parse_typed_values(kind, typed, value):
    assert parse(kind, typed) == (value, None)


@pytest.mark.parametrize("kind, typed", [
    ("date", "31/02/2024"), ("date", "hôm qua"), ("sex", "khác"), ("personal_id", "12345"),
    ("personal_id", "02218000012a"), ("year", "80"),
])
def test_parse_refuses_with_a_vietnamese_reason(kind, typed):
    value, error = parse(kind, typed)
    assert value is None and error and any(ch in error for ch in "àáảãạăâđêôơư")


def test_display_forms():
    assert display("date", "1980-06-15") == "15/06/1980"
    assert display("sex", "female") == "Nữ"
    assert display("text", None) == ""
