"""``sohoa schemas`` and ``sohoa schemas show ID``."""

from __future__ import annotations

import subprocess
import sys

import pytest


def sohoa(*args: str) -> subprocess.CompletedProcess:
    env = {"COLUMNS": "200", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.fixture(scope="module")
def listing():
    return sohoa("schemas")


def test_list(listing):
    assert listing.returncode == 0, listing.stderr
    for schema_id in ("birth_certificate", "marriage_certificate", "death_extract", "marital_status_confirmation",
                      "citizen_id_card", "birth_register"):
        assert schema_id in listing.stdout


def test_show():
    shown = sohoa("schemas", "show", "marriage_certificate")
    assert shown.returncode == 0, shown.stderr
    assert "wife_personal_id" in shown.stdout and "Số định danh cá nhân" in shown.stdout
    assert "rule personal_id: husband_personal_id, husband_date_of_birth sex=male" in shown.stdout


def test_show_unknown_is_one_line_and_status_2():
    shown = sohoa("schemas", "show", "nope")
    assert shown.returncode == 2
    assert shown.stderr.strip().count("\n") == 0 and "unknown schema 'nope'" in shown.stderr
