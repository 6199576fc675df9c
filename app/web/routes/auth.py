"""Logging in and out: the login page (form with a pre-session CSRF nonce) and the JSON API's login."""

from __future__ import annotations

import math
from dataclasses import dataclass

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from app.web.auth import (
    HOME_OF_ROLE,
    PRELOGIN_COOKIE,
    SESSION_COOKIE,
    Principal,
    anyone,
    current_principal,
    set_session_cookie,
)
from app.web.rendering import page
from app.web.throttle import wait_message
from app.web.users import User

router = APIRouter()


def _new_session(request: Request, user: User) -> tuple[str, str]:
    """A session cookie value for ``user`` and the CSRF token that goes with it."""
    security = request.app.state.ctx.security
    token = security.new_session(user.id, user.session_version)
    session = security.read_session(token)
    assert session is not None
    return token, security.csrf_token(session)


@dataclass
class LoginRefused:
    message: str  # Vietnamese
    status: int  # 401 wrong name or password, 429 wait (back-off)
    retry_after: int | None = None


def _authenticate(request: Request, username: str, password: str) -> User | LoginRefused:
    """The user, or why not; failures are counted per user name and per client (``app/web/throttle.py``)."""
    ctx = request.app.state.ctx
    client = request.client.host if request.client else None
    wait = ctx.throttle.wait(username, client)
    if wait > 0:
        return LoginRefused(wait_message(wait), 429, math.ceil(wait))
    user = ctx.users.authenticate(username, password)
    if user is None:
        ctx.throttle.failed(username, client)
        return LoginRefused("Tên đăng nhập hoặc mật khẩu không đúng.", 401)
    ctx.throttle.succeeded(username)
    return user


def _retry_headers(refused: LoginRefused) -> dict[str, str]:
    return {"Retry-After": str(refused.retry_after)} if refused.retry_after else {}


def _safe_next(target: str | None) -> str | None:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    principal = current_principal(request)
    if principal is None:
        return RedirectResponse("/dang-nhap", status_code=303)
    return RedirectResponse(HOME_OF_ROLE[principal.user.role], status_code=303)


@router.get("/dang-nhap", include_in_schema=False)
def login_page(request: Request, next: str | None = None) -> Response:
    token = request.app.state.ctx.security.prelogin_token()
    response = page(request, "login.html", prelogin=token, next=_safe_next(next), error=None)
    response.set_cookie(PRELOGIN_COOKIE, token, max_age=3600, httponly=True, samesite="strict",
                        secure=request.app.state.ctx.secure_cookies, path="/dang-nhap")
    return response


@router.post("/dang-nhap", include_in_schema=False)
def login(request: Request, username: str = Form(""), password: str = Form(""), prelogin: str = Form(""),
          next: str | None = Form(None)) -> Response:
    ctx = request.app.state.ctx
    if not ctx.security.check_prelogin(request.cookies.get(PRELOGIN_COOKIE), prelogin):
        user: User | LoginRefused = LoginRefused("Phiên đăng nhập đã hết hạn, vui lòng thử lại.", 401)
    else:
        user = _authenticate(request, username, password)
    if isinstance(user, LoginRefused):
        token = ctx.security.prelogin_token()
        response = page(request, "login.html", status_code=user.status, prelogin=token, next=_safe_next(next),
                        error=user.message, username=username)
        response.headers.update(_retry_headers(user))
        response.set_cookie(PRELOGIN_COOKIE, token, max_age=3600, httponly=True, samesite="strict",
                            secure=ctx.secure_cookies, path="/dang-nhap")
        return response
    response = RedirectResponse(_safe_next(next) or HOME_OF_ROLE[user.role], status_code=303)
    set_session_cookie(request, response, _new_session(request, user)[0])
    response.delete_cookie(PRELOGIN_COOKIE, path="/dang-nhap")
    return response


@router.post("/dang-xuat", include_in_schema=False)
def logout(request: Request, principal: Principal = Depends(anyone)) -> Response:
    request.app.state.ctx.users.end_sessions(principal.user.id)
    response = RedirectResponse("/dang-nhap", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


class LoginRequest(BaseModel):
    username: str
    password: str


class LoginReply(BaseModel):
    username: str
    role: str
    csrf_token: str  # send it as the X-CSRF-Token header of every POST


@router.post("/api/login", response_model=LoginReply, tags=["tài khoản"])
def api_login(request: Request, body: LoginRequest) -> Response:
    """Logs in (JSON body only, so a cross-site form cannot post it); sets the session cookie."""
    user = _authenticate(request, body.username, body.password)
    if isinstance(user, LoginRefused):
        return JSONResponse({"detail": user.message}, status_code=user.status, headers=_retry_headers(user))
    token, csrf = _new_session(request, user)
    response = JSONResponse(LoginReply(username=user.username, role=user.role, csrf_token=csrf).model_dump())
    set_session_cookie(request, response, token)
    return response


@router.post("/api/logout", tags=["tài khoản"])
def api_logout(request: Request, principal: Principal = Depends(anyone)) -> Response:
    """Ends every session of this user (the cookie alone could otherwise be replayed until it expires)."""
    request.app.state.ctx.users.end_sessions(principal.user.id)
    response = JSONResponse({"ok": True})
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/api/me", response_model=LoginReply, tags=["tài khoản"])
def api_me(principal: Principal = Depends(anyone)) -> LoginReply:
    return LoginReply(username=principal.user.username, role=principal.user.role, csrf_token=principal.csrf)
