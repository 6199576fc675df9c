"""Fixtures for the web app: a fresh SOHOA_HOME per module, one user per role, a logged-in client per role,
and one dossier taken in at the counter (real OCR, extraction, signing and storing) for the tests to use."""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from pipeline.config import settings

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "committed"


def sample(prefix: str) -> Path:
    """The first committed sample scan whose name starts with ``prefix`` (the set is regenerated at times)."""
    found = sorted(p for p in SAMPLES.glob(prefix + "*") if not p.name.endswith(".truth.json"))
    if not found:
        pytest.skip(f"no committed sample {prefix}* in {SAMPLES}")
    return found[0]
PASSWORD = "mat-khau-thu-nghiem"
ROLES = ("tiep_nhan", "kiem_tra", "giam_sat", "tham_dinh", "lanh_dao")
FULL_NAMES = {"tiep_nhan": "Nguyễn Thị Lan", "kiem_tra": "Trần Văn Minh", "giam_sat": "Lê Hoàng Nam",
              "tham_dinh": "Phạm Thu Hà", "lanh_dao": "Võ Đức Thắng"}


@dataclass
class Intake:
    code: str
    record_id: int
    personal_id: str
    full_name: str
    personal_values: tuple[str, ...] = ()  # what no refused or anonymous request may see: every value read
    person_token: str = ""  # the per-person view's opaque address, GET /api/people/{token}


def personal_values(fields: dict) -> tuple[str, ...]:
    """The values of a stored document that are about the person (names, numbers, dates as stored and as
    shown, places), long enough not to occur by chance in a page's own words (the intake fixture also drops
    any the login page itself shows, such as the country's name)."""
    from app.web.values import display

    found = set()
    for field in fields.values():
        value = field.get("value")
        if isinstance(value, str) and len(value) >= 6:
            found.add(value)
            if len(value) == 10 and value[4] == "-" and value[7] == "-":
                found.add(display("date", value))
    return tuple(sorted(found))


@pytest.fixture(scope="module")
def web_home(tmp_path_factory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("sohoa-home")
    patch = pytest.MonkeyPatch()
    patch.setenv("SOHOA_HOME", str(home))
    patch.setenv("OMP_THREAD_LIMIT", "1")
    for name in ("SOHOA_DATABASE_URL", "SOHOA_S3_ENDPOINT", "SOHOA_SIGNER", "SOHOA_TSA_URL", "SOHOA_WEB_SECRET"):
        patch.delenv(name, raising=False)
    settings.cache_clear()
    yield home
    patch.undo()
    settings.cache_clear()


@pytest.fixture(scope="module")
def web_app(web_home):
    from app.web.app import create_app

    app = create_app(jobs=1)
    for role in ROLES:
        app.state.ctx.users.create(f"user_{role}", role, PASSWORD, FULL_NAMES[role])
    yield app
    app.state.ctx.close()


def login(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Logs in through the login form; returns the CSRF token of the session."""
    page = client.get("/dang-nhap")
    prelogin = re.search(r'name="prelogin" value="([^"]+)"', page.text).group(1)
    reply = client.post("/dang-nhap", data={"username": username, "password": password, "prelogin": prelogin},
                        follow_redirects=False)
    assert reply.status_code == 303, reply.text
    return client.get("/api/me").json()["csrf_token"]


@pytest.fixture(scope="module")
def clients(web_app) -> Iterator[dict[str, tuple[TestClient, str]]]:
    """role → (a client logged in with that role, its CSRF token)."""
    made = {}
    for role in ROLES:
        client = TestClient(web_app)
        made[role] = (client, login(client, f"user_{role}"))
    yield made
    for client, _ in made.values():
        client.close()


@pytest.fixture(scope="module")
def intake(clients) -> Intake:
    """The committed ID card taken in at the counter through the JSON API and approved."""
    client, csrf = clients["tiep_nhan"]
    card = sample("citizen_id_card_clean_")
    with card.open("rb") as fh:
        reply = client.post("/api/dossiers", files={"files": (card.name, fh, "application/octet-stream")},
                            headers={"X-CSRF-Token": csrf})
    assert reply.status_code == 200, reply.text
    code = reply.json()["dossier"]["code"]
    approved = client.post(f"/api/dossiers/{code}/approve", headers={"X-CSRF-Token": csrf})
    assert approved.status_code == 200, approved.text
    record_id = approved.json()["records"][0]
    document = client.get(f"/api/records/{record_id}").json()["document"]
    personal_id = document["fields"]["personal_id"]["value"]
    token = client.post("/api/people", json={"personal_id": personal_id}, headers={"X-CSRF-Token": csrf})
    return Intake(code=code, record_id=record_id, personal_id=personal_id, person_token=token.json()["token"],
                  full_name=document["fields"]["full_name"]["value"],
                  personal_values=tuple(v for v in personal_values(document["fields"])
                                        if v not in TestClient(client.app).get("/dang-nhap").text))


# -- a real server ----------------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[3]
SOHOA = [sys.executable, "-m", "app.cli"]
SERVER_PASSWORD = "mat-khau-rat-dai"


@dataclass
class Server:
    """``sohoa serve`` (uvicorn) in a subprocess with a fresh SOHOA_HOME and one counter officer
    ``can_bo_01``; its stderr (the access log and the app's log) goes to ``log``."""

    url: str
    port: int
    home: Path
    spool: Path  # the server's TMPDIR: where an upload being parsed is spooled
    log: Path

    def login(self, username: str = "can_bo_01") -> tuple[httpx.Client, str]:
        client = httpx.Client(base_url=self.url, timeout=60)
        reply = client.post("/api/login", json={"username": username, "password": SERVER_PASSWORD})
        assert reply.status_code == 200, reply.text
        return client, reply.json()["csrf_token"]

    def dossier_codes(self) -> list[str]:
        with sqlite3.connect(self.home / "catalog.sqlite") as db:
            return [row[0] for row in db.execute("SELECT code FROM dossiers")]

    def kept_files(self) -> list[Path]:
        return sorted(p for p in (self.home / "web" / "intake").rglob("*") if p.is_file())


@contextmanager
def serve_subprocess(tmp_path_factory, extra_env: dict[str, str]) -> Iterator[Server]:
    home, spool = tmp_path_factory.mktemp("home"), tmp_path_factory.mktemp("spool")
    log = tmp_path_factory.mktemp("log") / "serve.log"
    env = {**os.environ, "SOHOA_HOME": str(home), "SOHOA_WEB_PASSWORD": SERVER_PASSWORD, "TMPDIR": str(spool),
           "SOHOA_JOBS": "1", "OMP_THREAD_LIMIT": "1", **extra_env}
    for name in ("SOHOA_DATABASE_URL", "SOHOA_S3_ENDPOINT", "SOHOA_SIGNER", "SOHOA_WEB_SECRET"):
        env.pop(name, None)
    made = subprocess.run([*SOHOA, "serve", "--create-user", "can_bo_01", "--role", "tiep_nhan"], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with log.open("wb") as sink:
        process = subprocess.Popen([*SOHOA, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                                   cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            httpx.get(url + "/dang-nhap", timeout=5)
            break
        except httpx.TransportError:
            assert process.poll() is None and time.monotonic() < deadline, "sohoa serve did not come up"
            time.sleep(0.3)
    try:
        yield Server(url=url, port=port, home=home, spool=spool, log=log)
    finally:
        process.terminate()
        process.wait(timeout=30)
