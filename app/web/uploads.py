"""Request bodies capped before they are read (issue 16, finding 5).

``RequestGate`` is an ASGI middleware in front of the app. For a request that carries a body (POST and
the like) it decides before reading a byte of it:

- an anonymous request, outside the login calls, is answered at once (401 for the API, a redirect to the
  login page for pages), so a stranger's upload is never spooled to disk;
- a declared ``Content-Length`` over the cap is refused with 413; a body sent without a length (chunked)
  is counted as it arrives and cut off with 413 once over the cap. The cap is ``web_max_request_mb`` for
  ``multipart/form-data`` (uploads at the counter), ``FORM_MAX_BYTES`` for anything else (forms, JSON).

Each file of an upload is also held to ``web_max_file_mb`` (``check_file_sizes``, in the routes, before
a dossier is created).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import quote

from fastapi import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.web.auth import SAFE_METHODS, current_principal

MB = 1024 * 1024
FORM_MAX_BYTES = 1 * MB  # a form or JSON body: field corrections, a login
PUBLIC_POSTS = {"/dang-nhap", "/api/login"}


def megabytes(size: int) -> str:
    """``52428800`` → ``50 MB``, ``63438848`` → ``60,5 MB`` (Vietnamese decimal comma)."""
    value = round(size / MB, 1)
    text = f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return text.removesuffix(",0") + " MB"


class TooLarge(StarletteHTTPException):
    """A body or a file over its cap: 413 with the reason in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(status_code=413, detail=message)


def check_file_sizes(uploads: Iterable[UploadFile], max_bytes: int) -> None:
    for upload in uploads:
        if upload.size is not None and upload.size > max_bytes:
            raise TooLarge(f"Tệp {upload.filename} quá lớn: {megabytes(upload.size)} "
                           f"(tối đa {megabytes(max_bytes)} mỗi tệp).")


class RequestGate:
    def __init__(self, app: ASGIApp, max_upload_bytes: int, max_form_bytes: int = FORM_MAX_BYTES):
        self.app = app
        self.max_upload_bytes = max_upload_bytes
        self.max_form_bytes = max_form_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        path = scope["path"]
        if path not in PUBLIC_POSTS and current_principal(request) is None:
            await self._anonymous(path, send)
            return
        multipart = request.headers.get("content-type", "").startswith("multipart/form-data")
        cap = self.max_upload_bytes if multipart else self.max_form_bytes
        message = (f"Dữ liệu gửi lên quá lớn (tối đa {megabytes(cap)} một lần gửi)." if multipart
                   else "Dữ liệu gửi lên quá lớn.")
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > cap):
            await self._send(send, path, 413, message)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > cap:
                    raise TooLarge(message)
            return event

        await self.app(scope, counted, send)

    async def _anonymous(self, path: str, send: Send) -> None:
        if path.startswith("/api/"):
            await self._send(send, path, 401, "Chưa đăng nhập.")
            return
        await send({"type": "http.response.start", "status": 303,
                    "headers": [(b"location", f"/dang-nhap?next={quote(path)}".encode("ascii")),
                                (b"content-length", b"0"), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": b""})

    @staticmethod
    async def _send(send: Send, path: str, status: int, message: str) -> None:
        if path.startswith("/api/"):
            body, kind = json.dumps({"detail": message}, ensure_ascii=False).encode("utf-8"), b"application/json"
        else:
            body, kind = (f"<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>sohoa</title>"
                          f"<p>{message}</p></html>").encode(), b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode("ascii")),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
