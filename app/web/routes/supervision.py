"""The supervisor's screens (role ``giam_sat``): the quality dashboard and the accounts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.web.auth import Principal, supervisor
from app.web.rendering import page
from app.web.stats import Dashboard, dashboard
from app.web.users import ROLES, UserError

router = APIRouter()


@router.get("/thong-ke", include_in_schema=False)
def dashboard_page(request: Request, principal: Principal = Depends(supervisor)) -> Response:
    return page(request, "dashboard.html", board=dashboard(request.app.state.ctx.repo.engine))


@router.get("/api/stats", response_model=Dashboard, tags=["giám sát"])
def api_stats(request: Request, principal: Principal = Depends(supervisor)) -> Any:
    """Documents and pages stored per day (14 days), fields accepted automatically and corrected, queue length."""
    return dashboard(request.app.state.ctx.repo.engine)


@router.get("/tai-khoan", include_in_schema=False)
def users_page(request: Request, principal: Principal = Depends(supervisor)) -> Response:
    return page(request, "users.html", users=request.app.state.ctx.users.all(), roles=ROLES, error=None)


@router.post("/tai-khoan", include_in_schema=False)
def users_create(request: Request, username: str = Form(""), full_name: str = Form(""), role: str = Form(""),
                 password: str = Form(""), unit_code: str = Form(""),
                 principal: Principal = Depends(supervisor)) -> Response:
    users = request.app.state.ctx.users
    try:
        users.create(username, role, password, full_name, unit_code or principal.user.unit_code)
    except UserError as err:
        return page(request, "users.html", status_code=422, users=users.all(), roles=ROLES, error=str(err))
    return RedirectResponse("/tai-khoan", status_code=303)


@router.post("/tai-khoan/{username}/trang-thai", include_in_schema=False)
def users_set_active(request: Request, username: str, active: str = Form(...),
                     principal: Principal = Depends(supervisor)) -> Response:
    """Locks (``active=0``) or unlocks (``active=1``) an account; locking ends its sessions."""
    users = request.app.state.ctx.users
    try:
        if username == principal.user.username:
            raise UserError("không tự khóa tài khoản của mình được")
        users.set_active(username, active == "1")
    except UserError as err:
        return page(request, "users.html", status_code=422, users=users.all(), roles=ROLES, error=str(err))
    return RedirectResponse("/tai-khoan", status_code=303)
