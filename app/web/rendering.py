"""Jinja2 templates and the helpers they use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from app.web import labels
from app.web.dossier_time import vn_time
from app.web.navigation import links as nav_links
from app.web.numbers import vn_number, vn_percent, vn_seconds
from app.web.values import display

TEMPLATES = Path(__file__).with_name("templates")
templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.globals.update(
    schema_name=labels.schema_name,
    change_reason=labels.change_reason,
    field_label=labels.field_label,
    field_labels=labels.field_labels,
    field_kinds=labels.field_kinds,
    schema_choices=labels.schema_choices,
    record_status=labels.RECORD_STATUS,
    field_status=labels.FIELD_STATUS,
    person_roles=labels.PERSON_ROLES,
    vn_time=vn_time,
    display=display,
    nav_links=nav_links,
)
# Numbers on screen in the Vietnamese way: {{ x|vn_number(1) }} → 1.234,5; {{ share|vn_percent }} → 86,1 %;
# {{ seconds|vn_seconds }} → 8,2 giây.
templates.env.filters.update(vn_number=vn_number, vn_percent=vn_percent, vn_seconds=vn_seconds)


def full_names(request: Request) -> Callable[[str | None], str]:
    """``full_name_of(actor)`` for the templates: an account's full name (``web:<username>`` or the username;
    the username when it has none), looked up once per name and page; another actor (``batch``) as it is."""
    found: dict[str, str] = {}
    users = getattr(getattr(request.app.state, "ctx", None), "users", None)

    def full_name_of(actor: str | None) -> str:
        if not actor:
            return ""
        if actor not in found:
            username = actor.removeprefix("web:")
            user = users.by_name(username) if users is not None else None
            found[actor] = (user.full_name or user.username) if user else username
        return found[actor]

    return full_name_of


def page(request: Request, name: str, status_code: int = 200, **context: object) -> HTMLResponse:
    principal = getattr(request.state, "principal", None)
    return templates.TemplateResponse(request, name, {"principal": principal, "full_name_of": full_names(request),
                                                      **context}, status_code=status_code)
