"""The review queue (role ``kiem_tra``): records whose fields need a person, oldest first, on the same
side-by-side screen as intake; accepting stores the corrected values as a new version."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from app.web.auth import Principal, verifier
from app.web.editing import accepted, apply_form, reclassify
from app.web.records import queue_length, review_queue
from app.web.rendering import page
from app.web.units import check_editable
from app.web.views import document_view
from pipeline.store import RecordNotFound, RecordView, StaleRecord
from schemas import all_schemas

router = APIRouter()
STATUS_ORDER = ("extracted", "reviewed", "signed", "stored")


def _accept(request: Request, principal: Principal, record_id: int, typed: dict[str, str]
            ) -> tuple[RecordView | None, dict[str, str]]:
    """Applies the corrections and accepts the record; (new version, {}) or (None, errors by field key)."""
    ctx = request.app.state.ctx
    check_editable(request, principal, record_id)
    record = ctx.repo.current(record_id, actor=principal.user.actor)
    document = ctx.repo.load_document(record)
    updated, errors, _changed = apply_form(document, typed)
    if errors:
        return None, errors
    final = accepted(updated)
    status = record.status if STATUS_ORDER.index(record.status) > 1 else "reviewed"
    new = ctx.repo.supersede(record.id, final, actor=principal.user.actor, status=status,
                             reason="kiểm tra trong hàng đợi")
    ctx.reviews.add(actor=principal.user.actor, source="review", record_id=record.root_id,
                    extracted=_first_version_document(request, principal, record), final=final)
    return new, {}


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


def _review_page(request: Request, principal: Principal, record_id: int, errors: dict[str, str] | None = None,
                 status_code: int = 200) -> Response:
    ctx = request.app.state.ctx
    try:
        check_editable(request, principal, record_id)
        record = ctx.repo.current(record_id, actor=principal.user.actor)
    except RecordNotFound:
        return page(request, "error.html", status_code=404, message="Không tìm thấy bản ghi này.")
    result = ctx.repo.load_result(record)
    view = document_view(result, record.doc_index, "", f"/ho-so/{record.id}/anh/{{page}}",
                         errors=errors or {})
    return page(request, "review.html", status_code=status_code, record=record, view=view,
                errors=errors or {}, queue_length=queue_length(ctx.repo, principal.user.unit_code))


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
    typed = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    try:
        new, errors = await run_in_threadpool(_accept, request, principal, record_id, typed)
    except RecordNotFound:
        return page(request, "error.html", status_code=404, message="Không tìm thấy bản ghi này.")
    except StaleRecord:
        return page(request, "error.html", status_code=409,
                    message="Bản ghi vừa được người khác sửa; hãy mở lại bản mới nhất.")
    if new is None:
        return await run_in_threadpool(_review_page, request, principal, record_id, errors, 422)
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
        new, errors = _accept(request, principal, record_id, values)
    except RecordNotFound:
        return JSONResponse({"detail": "Không tìm thấy bản ghi này."}, status_code=404)
    except StaleRecord:
        return JSONResponse({"detail": "Bản ghi đã có phiên bản mới hơn."}, status_code=409)
    return JSONResponse(ReviewReply(record=new, errors=errors).model_dump(mode="json"),
                        status_code=422 if errors else 200)
