"""The supervisor's screens (role ``giam_sat``): the quality dashboard (live: server-sent events) and the
accounts."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response, StreamingResponse

from app.web.auth import Principal, supervisor
from app.web.keying_stats import keying_board
from app.web.live import live_board
from app.web.rendering import page
from app.web.routes.keying import KIND_LABELS, columns_dir
from app.web.stats import Dashboard, dashboard
from app.web.users import ROLES, UserError

router = APIRouter()
PUSH_SECONDS = 1.0  # how often the board is read again for the open dashboards (sent only when it changed)
KEEPALIVE_SECONDS = 15.0  # a comment line that keeps proxies from closing a quiet stream


@router.get("/thong-ke", include_in_schema=False)
def dashboard_page(request: Request, principal: Principal = Depends(supervisor)) -> Response:
    engine = request.app.state.ctx.repo.engine
    return page(request, "dashboard.html", board=dashboard(engine), live=live_board(engine, board_names(request)),
                keying=keying_board(columns_dir(request)), keying_kinds=KIND_LABELS)


def board_names(request: Request) -> dict[str, dict[str, str]]:
    """The procedures' names (the catalogue) and the officers' full names, for the board's rows."""
    from app.counter.procedures import catalogue

    return {"procedure": {p.id: p.name for p in catalogue().procedures} | {"—": "Chỉ số hóa (không thủ tục)"},
            "officer": {u.actor: u.full_name or u.username for u in request.app.state.ctx.users.all()}}


async def board_events(request: Request, once: bool = False) -> AsyncIterator[str]:
    """``event: board`` with the board as JSON, at once and then whenever it changes (``once``: the first
    only, then the stream ends)."""
    engine = request.app.state.ctx.repo.engine
    names = await run_in_threadpool(board_names, request)
    last, quiet_since = None, time.monotonic()
    while not await request.is_disconnected():
        data = json.dumps((await run_in_threadpool(live_board, engine, names)).for_screen(), ensure_ascii=False)
        if data != last:
            last, quiet_since = data, time.monotonic()
            yield f"event: board\ndata: {data}\n\n"
            if once:
                return
        elif time.monotonic() - quiet_since > KEEPALIVE_SECONDS:
            quiet_since = time.monotonic()
            yield ": still here\n\n"
        await asyncio.sleep(PUSH_SECONDS)


@router.get("/api/stats/live", tags=["giám sát"])
async def api_stats_live(request: Request, once: bool = False,
                         principal: Principal = Depends(supervisor)) -> StreamingResponse:
    """Server-sent events: the live board (dossiers received, in progress, due today, overdue, returned on
    time per procedure and per officer; fields accepted automatically and corrected; pages per day), sent
    when it changes (read every second); ``once=1``: the board now, then the stream ends."""
    return StreamingResponse(board_events(request, once), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


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
