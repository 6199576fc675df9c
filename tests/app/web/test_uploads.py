"""Uploads (issue 16, finding 5), against a real ``sohoa serve`` (uvicorn) in a subprocess: a stranger's
500 MB upload is refused before its body is read, declared or chunked, and nothing is spooled to disk; an
officer's upload is held to the per-file and per-request caps (here 1 MB and 5 MB); a file that cannot be
opened is not kept; an upload none of whose files opens takes no dossier code."""

from __future__ import annotations

import os
import select
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import Server, sample, serve_subprocess

MB = 1024 * 1024
HUGE = 500 * MB


def disk_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    with serve_subprocess(tmp_path_factory, {"SOHOA_WEB_MAX_FILE_MB": "1", "SOHOA_WEB_MAX_REQUEST_MB": "5"}) as up:
        yield up


@dataclass
class Sent:
    status: int | None  # None: no answer before the client gave up
    body_bytes: int  # body bytes the client got into the socket before the answer came
    head: str


def send_big_body(port: int, path: str, total: int, chunked: bool = False, cookie: str = "",
                  give_up_after: int = 64 * MB) -> Sent:
    """Sends a multipart POST of ``total`` bytes (declared, or chunked without a length) one MiB at a time,
    stopping at the first byte of an answer, or after ``give_up_after`` bytes without one."""
    boundary = "sohoaboundary"
    head = [f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{port}",
            f"Content-Type: multipart/form-data; boundary={boundary}"]
    head.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {total}")
    if cookie:
        head.append(f"Cookie: {cookie}")
    preamble = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"to.png\"\r\n"
                "Content-Type: image/png\r\n\r\n").encode("ascii")
    chunk = b"\0" * MB
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode("ascii"))
        pieces = [preamble]
        while sent < min(total, give_up_after):
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            piece = pieces.pop() if pieces else chunk
            data = f"{len(piece):x}\r\n".encode("ascii") + piece + b"\r\n" if chunked else piece
            try:
                sock.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(piece)
        readable, _, _ = select.select([sock], [], [], 10)
        answer = sock.recv(65536).decode("utf-8", "replace") if readable else ""
    status = int(answer.split(" ", 2)[1]) if answer.startswith("HTTP/1.1 ") else None
    return Sent(status=status, body_bytes=sent, head=answer.split("\r\n\r\n", 1)[0])


@pytest.mark.parametrize("chunked", [False, True], ids=["declared", "chunked"])
def test_an_anonymous_500_mb_upload_is_refused_before_its_body_is_read(server, chunked):
    spool_before, home_before = disk_bytes(server.spool), disk_bytes(server.home)
    for path, status in (("/api/dossiers", 401), ("/tiep-nhan", 303)):
        began = time.perf_counter()
        sent = send_big_body(server.port, path, HUGE, chunked=chunked)
        print(f"anonymous {path} ({'chunked' if chunked else 'declared 500 MB'}): answered {sent.status} "
              f"after {sent.body_bytes / MB:.1f} MiB sent, {time.perf_counter() - began:.2f} s")
        assert sent.status == status, sent.head
        assert sent.body_bytes < 8 * MB, "the answer came before the body was read (what the socket buffers hold)"
    assert disk_bytes(server.spool) - spool_before < MB and disk_bytes(server.home) - home_before < MB
    assert server.dossier_codes() == []


def test_an_officers_request_over_the_cap_is_refused_early(server):
    client, csrf = server.login()
    cookie = f"sohoa_session={client.cookies['sohoa_session']}"
    spool_before = disk_bytes(server.spool)
    declared = send_big_body(server.port, "/api/dossiers", HUGE, cookie=cookie)
    assert declared.status == 413 and declared.body_bytes < 8 * MB, declared.head
    chunked = send_big_body(server.port, "/api/dossiers", HUGE, chunked=True, cookie=cookie)
    assert chunked.status == 413, chunked.head
    assert chunked.body_bytes < 5 * MB + 8 * MB, "cut off at the 5 MB cap (plus what the socket buffers hold)"
    print(f"officer: declared 500 MB refused after {declared.body_bytes / MB:.1f} MiB, "
          f"chunked after {chunked.body_bytes / MB:.1f} MiB")
    assert disk_bytes(server.spool) - spool_before < MB, "the partly parsed upload was not left behind"
    assert server.dossier_codes() == [] and server.kept_files() == []


def test_a_file_over_the_per_file_cap_takes_no_dossier_code(server, tmp_path):
    client, csrf = server.login()
    big = tmp_path / "quet-lon.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2 * MB))
    with big.open("rb") as fh:
        reply = client.post("/api/dossiers", headers={"X-CSRF-Token": csrf}, files={"files": (big.name, fh)})
    assert reply.status_code == 413 and "quá lớn" in reply.json()["detail"] and "1 MB" in reply.json()["detail"]
    with big.open("rb") as fh:
        page = client.post("/tiep-nhan", data={"csrf_token": csrf}, files={"files": (big.name, fh)})
    assert page.status_code == 413 and "tối đa 1 MB mỗi tệp" in page.text
    assert server.dossier_codes() == [] and server.kept_files() == []


def test_refused_files_are_not_kept_and_an_unreadable_upload_takes_no_code(server, tmp_path):
    client, csrf = server.login()
    headers = {"X-CSRF-Token": csrf}
    bad = tmp_path / "ghi-chu.pdf"
    bad.write_bytes(b"%PDF-1.4 hong roi")
    with bad.open("rb") as fh:
        refused = client.post("/api/dossiers", headers=headers, files={"files": (bad.name, fh)})
    assert refused.status_code == 422 and "chưa tạo hồ sơ" in refused.json()["detail"], refused.text
    assert server.dossier_codes() == [] and server.kept_files() == [], "no code taken, nothing kept"

    card = sample("citizen_id_card_clean_")
    with card.open("rb") as good, bad.open("rb") as fh:
        made = client.post("/api/dossiers", headers=headers, files=[("files", (card.name, good)),
                                                                     ("files", (bad.name, fh))])
    assert made.status_code == 200, made.text
    code = made.json()["dossier"]["code"]
    files = made.json()["dossier"]["files"]
    assert files[0]["error"] is None and files[1]["error"]
    folder = server.home / "web" / "intake" / code
    assert (folder / "f1" / f"source{files[0]['suffix']}").is_file()
    assert not (folder / "f2").exists(), "the refused file is removed"
    with bad.open("rb") as fh:
        added = client.post(f"/tiep-nhan/{code}/tep", data={"csrf_token": csrf}, files={"files": (bad.name, fh)},
                            follow_redirects=False)
    assert added.status_code == 303 and not (folder / "f3").exists()
    assert server.dossier_codes() == [code]
    leftovers = [p for p in (server.home / "web" / "intake").iterdir() if p.name != code]
    assert all(not any(p.rglob("*.*")) for p in leftovers), leftovers
