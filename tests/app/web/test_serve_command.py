"""``sohoa serve``: creating accounts from the command line, and the server answering with its OpenAPI."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[3]
SOHOA = [sys.executable, "-m", "app.cli"]


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([*SOHOA, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_create_user_then_serve(tmp_path):
    env = {**os.environ, "SOHOA_HOME": str(tmp_path), "SOHOA_WEB_PASSWORD": "mat-khau-rat-dai"}
    env.pop("SOHOA_DATABASE_URL", None)
    made = run(["serve", "--create-user", "can_bo_01", "--role", "tiep_nhan", "--full-name", "Lê Thị Hoa"], env)
    assert made.returncode == 0, made.stderr
    assert "Đã tạo tài khoản can_bo_01 (Cán bộ tiếp nhận)" in made.stdout
    again = run(["serve", "--create-user", "can_bo_01", "--role", "tiep_nhan"], env)
    assert again.returncode == 2 and "đã có" in again.stderr
    assert run(["serve", "--create-user", "x", "--role", "admin"], env).returncode == 2
    short = run(["serve", "--create-user", "y", "--role", "kiem_tra"], {**env, "SOHOA_WEB_PASSWORD": "ngan"})
    assert short.returncode == 2 and "ít nhất 10 ký tự" in short.stderr
    reset = run(["serve", "--set-password", "can_bo_01"], {**env, "SOHOA_WEB_PASSWORD": "mat-khau-moi-dai"})
    assert reset.returncode == 0 and "Đã đặt lại mật khẩu" in reset.stdout
    assert run(["serve", "--set-password", "khong_co"], env).returncode == 2

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([*SOHOA, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                spec = httpx.get(url + "/api/openapi.json", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "sohoa serve did not come up"
                time.sleep(0.3)
        assert spec.status_code == 200 and "/api/dossiers" in spec.json()["paths"]
        old = httpx.post(url + "/api/login", json={"username": "can_bo_01", "password": "mat-khau-rat-dai"})
        assert old.status_code == 401
        login = httpx.post(url + "/api/login", json={"username": "can_bo_01", "password": "mat-khau-moi-dai"})
        assert login.status_code == 200 and login.json()["role"] == "tiep_nhan"
        assert httpx.get(url + "/api/stats", cookies=login.cookies).status_code == 403
    finally:
        server.terminate()
        server.wait(timeout=30)
