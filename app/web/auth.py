"""Who is asking, and may they: every route except the login page depends on a ``RoleGuard`` naming the
roles allowed. Anonymous requests get 401 (API) or a redirect to the login page (pages); a user without
the role gets 403; a state-changing request also needs the CSRF token of its session."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import Response

from app.web.security import SESSION_MAX_AGE, SessionData
from app.web.users import User

SESSION_COOKIE = "sohoa_session"
PRELOGIN_COOKIE = "sohoa_prelogin"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

TIEP_NHAN, KIEM_TRA, GIAM_SAT = "tiep_nhan", "kiem_tra", "giam_sat"
THAM_DINH, LANH_DAO = "tham_dinh", "lanh_dao"  # the appraiser and the leader of a dossier's five steps
ALL_ROLES = (TIEP_NHAN, KIEM_TRA, GIAM_SAT, THAM_DINH, LANH_DAO)
HOME_OF_ROLE = {TIEP_NHAN: "/tiep-nhan", KIEM_TRA: "/kiem-tra", GIAM_SAT: "/thong-ke", THAM_DINH: "/tham-dinh",
                LANH_DAO: "/phe-duyet"}


class Unauthenticated(Exception):
    pass


class Forbidden(Exception):
    pass


class CsrfFailed(Exception):
    pass


@dataclass
class Principal:
    user: User
    session: SessionData
    csrf: str


def current_principal(request: Request) -> Principal | None:
    """The logged-in user of this request, or None (no role check)."""
    ctx = request.app.state.ctx
    session = ctx.security.read_session(request.cookies.get(SESSION_COOKIE))
    if session is None:
        return None
    user = ctx.users.by_id(session.user_id)
    if user is None or not user.active or user.session_version != session.version:
        return None
    request.state.renewed_session = ctx.security.renewed(session)
    return Principal(user=user, session=session, csrf=ctx.security.csrf_token(session))


class RoleGuard:
    """A FastAPI dependency: the principal, when logged in with one of ``roles`` (and a valid CSRF token
    on unsafe methods)."""

    def __init__(self, *roles: str):
        self.roles = frozenset(roles)

    async def __call__(self, request: Request) -> Principal:
        principal = current_principal(request)
        if principal is None:
            raise Unauthenticated()
        if principal.user.role not in self.roles:
            raise Forbidden()
        if request.method not in SAFE_METHODS:
            token = request.headers.get("x-csrf-token")
            content_type = request.headers.get("content-type", "")
            if token is None and content_type.startswith(("multipart/form-data",
                                                          "application/x-www-form-urlencoded")):
                value = (await request.form()).get("csrf_token")
                token = value if isinstance(value, str) else None
            if not request.app.state.ctx.security.check_csrf(principal.session, token):
                raise CsrfFailed()
        request.state.principal = principal
        return principal


counter = RoleGuard(TIEP_NHAN)
verifier = RoleGuard(KIEM_TRA)
supervisor = RoleGuard(GIAM_SAT)
anyone = RoleGuard(*ALL_ROLES)


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(SESSION_COOKIE, token, max_age=SESSION_MAX_AGE, httponly=True, samesite="lax",
                        secure=request.app.state.ctx.secure_cookies, path="/")


def finish_response(request: Request, response: Response) -> None:
    """What the session layer adds to every reply: ``Cache-Control: no-store`` (all but ``/static/``, which
    holds no personal data) and the renewed session cookie, unless the reply sets or clears it itself
    (login, logout)."""
    if not request.url.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    token = getattr(request.state, "renewed_session", None)
    if token is None:
        return
    cookies = response.headers.getlist("set-cookie")
    if not any(c.startswith(SESSION_COOKIE + "=") for c in cookies):
        set_session_cookie(request, response, token)
