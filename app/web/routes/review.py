"""The review queue (role ``kiem_tra``): records whose fields need a person, oldest first, on the same
side-by-side screen as intake; accepting stores the corrected values as a new version.

The screen's form sends, besides the values, ``checked`` (the form names of the fields the reviewer
visited, space-separated: ``app.js`` keeps it) and ``confirm=1`` when the reviewer chose to accept with
fields to review still unchecked; without it such a record is not accepted and the page lists them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from app.web.auth import Principal, verifier
from app.web.editing import accepted, apply_form, keep_typed, reclassify, unchecked
from app.web.records import queue_length, review_queue
from app.web.rendering import page
from app.web.stats import entry_form_name
from app.web.units import check_editable
from app.web.views import document_view
from pipeline.store import RecordNotFound, RecordView, StaleRecord
from schemas import all_schemas

router = APIRouter()
STATUS_ORDER = ("extracted", "reviewed", "signed", "stored")


FORM_CONTROLS = ("csrf_token", "checked", "confirm")  # what the review form sends that is no field


@dataclass
class Refusal:
    errors: dict[str, str] = field(default_factory=dict)  # form name → Vietnamese reason
    unchecked: list[str] = field(default_factory=list)  # form names of fields to review not yet checked


def _accept(request: Request, principal: Principal, record_id: int, typed: dict[str, str],
            checked: set[str] | None = None, wait: bool = True) -> tuple[RecordView | None, Refusal]:
    """Applies the corrections and accepts the record: (new version, empty refusal), or (None, why not).
    ``checked``: the form names of the fields the reviewer checked (None: the JSON API's caller answers for
    its values); with ``wait`` the accept waits for every field to review (``confirm`` lifts it). The review
    log counts only those fields (and the corrected ones) as seen by a person."""
    ctx = request.app.state.ctx
    check_editable(request, principal, record_id)
    record = ctx.repo.current(record_id, actor=principal.user.actor)
    document = ctx.repo.load_document(record)
    updated, errors, _changed = apply_form(document, typed)
    if errors:
        return None, Refusal(errors=errors)
    if checked is not None and wait and unchecked(document, checked):
        return None, Refusal(unchecked=unchecked(document, checked))
    final = accepted(updated)
    status = record.status if STATUS_ORDER.index(record.status) > 1 else "reviewed"
    new = ctx.repo.supersede(record.id, final, actor=principal.user.actor, status=status,
                             reason="kiểm tra trong hàng đợi")
    seen = None if checked is None else {entry_form_name(name) for name in checked}
    ctx.reviews.add(actor=principal.user.actor, source="review", record_id=record.root_id,
                    extracted=_first_version_document(request, principal, record), final=final, checked=seen)
    return new, Refusal()


def _first_version_document(request: Request, principal: Principal, record: RecordView):
    repo = request.app.state.ctx.repo
    return repo.load_document(repo.history(record.id, actor=principal.user.actor)[0])


@router.get("/kiem-tra", include_in_schema=False)
def queue_page(request: Request, principal: Principal = Depends(verifier)) -> Response:
    records = review_queue(request.app.state.ctx.repo, principal.user.actor, principal.user.unit_code)
    return page(request, "queue.html", records=records)


@router.get("/kiem-tra/tiep-theo", include_in_schema=False)
def queue_next(request: Request, principal: Principal = Depends(verifier)) -> Response:
    records = review_queue(request.app.state.ctx.repo, principal.user.actor, principal.user.unit_code, limit=1)
    return RedirectResponse(f"/kiem-tra/{records[0].id}" if records else "/kiem-tra", status_code=303)


def _review_page(request: Request, principal: Principal, record_id: int, refusal: Refusal | None = None,
                 status_code: int = 200, typed: dict[str, str] | None = None,
                 checked: set[str] | None = None) -> Response:
    """The review screen; sent back after a refusal with what the reviewer typed kept in the inputs."""
    refusal = refusal or Refusal()
    ctx = request.app.state.ctx
    try:
        check_editable(request, principal, record_id)
        record = ctx.repo.current(record_id, actor=principal.user.actor)
    except RecordNotFound:
        return page(request, "error.html", status_code=404, message="Không tìm thấy bản ghi này.")
    result = ctx.repo.load_result(record)
    view = document_view(result, record.doc_index, "", f"/ho-so/{record.id}/anh/{{page}}",
                         errors=refusal.errors)
    rows = [*view.rows, *(cell for cells in view.entries for cell in cells)]
    keep_typed(rows, typed or {})
    labels = {row.name: row.label for row in rows}
    return page(request, "review.html", status_code=status_code, record=record, view=view,
                errors=refusal.errors, unchecked=[labels.get(name, name) for name in refusal.unchecked],
                checked=sorted(checked or ()), queue_length=queue_length(ctx.repo, principal.user.unit_code))


@router.get("/kiem-tra/{record_id}", include_in_schema=False)
async def review_page(request: Request, record_id: int, principal: Principal = Depends(verifier)) -> Response:
    return await run_in_threadpool(_review_page, request, principal, record_id)


@router.post("/kiem-tra/{record_id}/phan-loai", include_in_schema=False)
def review_classify(request: Request, record_id: int, schema_id: str = Form(..., alias="schema:"),
                    principal: Principal = Depends(verifier)) -> Response:
    """Sets the record's document type (a new version, still to be reviewed: its fields are keyed next)."""
    ctx = request.app.state.ctx
    if schema_id not in all_schemas():
        return page(request, "error.html", status_code=422, message="Loại giấy tờ không hợp lệ.")
    check_editable(request, principal, record_id)
    record = ctx.repo.current(record_id, actor=principal.user.actor)
    document = reclassify(ctx.repo.load_document(record), schema_id)
    new = ctx.repo.supersede(record.id, document, actor=principal.user.actor, reason="phân loại giấy tờ")
    return RedirectResponse(f"/kiem-tra/{new.id}", status_code=303)


@router.post("/kiem-tra/{record_id}", include_in_schema=False)
async def review_accept(request: Request, record_id: int, principal: Principal = Depends(verifier)) -> Response:
    form = await request.form()
    typed = {k: v for k, v in form.items() if isinstance(v, str) and k not in FORM_CONTROLS}
    checked_text = form.get("checked")
    checked = set(checked_text.split()) if isinstance(checked_text, str) else set()
    wait = form.get("confirm") != "1"
    try:
        new, refusal = await run_in_threadpool(_accept, request, principal, record_id, typed, checked, wait)
    except RecordNotFound:
        return page(request, "error.html", status_code=404, message="Không tìm thấy bản ghi này.")
    except StaleRecord:
        return page(request, "error.html", status_code=409,
                    message="Bản ghi vừa được người khác sửa; hãy mở lại bản mới nhất.")
    if new is None:
        status = 422 if refusal.errors else 409  # 409: fields to review not checked, confirmation asked
        return await run_in_threadpool(_review_page, request, principal, record_id, refusal, status, typed, checked)
    return RedirectResponse("/kiem-tra/tiep-theo", status_code=303)


# -- JSON API ----------------------------------------------------------------------------------------
class ReviewReply(BaseModel):
    record: RecordView | None
    errors: dict[str, str]


@router.get("/api/review-queue", response_model=list[RecordView], tags=["kiểm tra"])
def api_queue(request: Request, limit: int = 200, principal: Principal = Depends(verifier)) -> Any:
    """Current records that need review, oldest first."""
    return review_queue(request.app.state.ctx.repo, principal.user.actor, principal.user.unit_code,
                        limit=min(max(limit, 1), 1000))


@router.post("/api/records/{record_id}/review", response_model=ReviewReply, tags=["kiểm tra"])
def api_review(request: Request, record_id: int, values: dict[str, str],
               principal: Principal = Depends(verifier)) -> Any:
    """Accepts a record with corrections (field key → value as typed); a new version."""
    try:
        new, refusal = _accept(request, principal, record_id, values)
    except RecordNotFound:
        return JSONResponse({"detail": "Không tìm thấy bản ghi này."}, status_code=404)
    except StaleRecord:
        return JSONResponse({"detail": "Bản ghi đã có phiên bản mới hơn."}, status_code=409)
    return JSONResponse(ReviewReply(record=new, errors=refusal.errors).model_dump(mode="json"),
                        status_code=422 if refusal.errors else 200)
