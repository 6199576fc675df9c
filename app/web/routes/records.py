"""Search and the record screen (every role), the signed copy, page images; the records API."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel

from app.web.auth import TIEP_NHAN, Principal, anyone
from app.web.pageimages import NoPageImage, record_page_image
from app.web.records import signature_status
from app.web.rendering import page
from app.web.views import document_view
from pipeline.models import Document
from pipeline.store import PersonRecords, RecordNotFound, RecordView, SignatureCheck

router = APIRouter()


def _criteria(personal_id: str | None, name: str | None, dossier_code: str | None,
              date_of_birth: str | None = None) -> dict[str, str]:
    found = {"personal_id": personal_id, "name": name, "dossier_code": dossier_code,
             "date_of_birth": date_of_birth}
    return {k: v.strip() for k, v in found.items() if v and v.strip()}


def _search(request: Request, principal: Principal, criteria: dict[str, str]) -> list[RecordView]:
    if not criteria:
        return []
    return request.app.state.ctx.repo.search(actor=principal.user.actor, limit=100, **criteria)


@router.get("/tra-cuu", include_in_schema=False)
def search_page(request: Request, ma_dinh_danh: str | None = None, ho_ten: str | None = None,
                ma_ho_so: str | None = None, principal: Principal = Depends(anyone)) -> Response:
    criteria = _criteria(ma_dinh_danh, ho_ten, ma_ho_so)
    records = _search(request, principal, criteria)
    person = None
    if criteria.get("personal_id"):
        person = request.app.state.ctx.repo.person(criteria["personal_id"], actor=principal.user.actor)
        shown = {r.id for r in records}
        person.links = [link for link in person.links if link.record.id not in shown]
    return page(request, "search.html", records=records, searched=bool(criteria), person=person,
                query={"ma_dinh_danh": ma_dinh_danh or "", "ho_ten": ho_ten or "", "ma_ho_so": ma_ho_so or ""})


def _record_or_none(request: Request, record_id: int, principal: Principal) -> RecordView | None:
    try:
        return request.app.state.ctx.repo.get(record_id, actor=principal.user.actor)
    except RecordNotFound:
        return None


@router.get("/ho-so/{record_id}", include_in_schema=False)
async def record_page(request: Request, record_id: int, principal: Principal = Depends(anyone)) -> Response:
    ctx = request.app.state.ctx

    def work():
        record = _record_or_none(request, record_id, principal)
        if record is None:
            return None
        result = ctx.repo.load_result(record)
        view = document_view(result, record.doc_index, "", f"/ho-so/{record.id}/anh/{{page}}")
        history = ctx.repo.history(record.id, actor=principal.user.actor)
        return record, view, history, signature_status(ctx.repo, record)

    found = await run_in_threadpool(work)
    if found is None:
        return page(request, "error.html", status_code=404, message="Không tìm thấy bản ghi này.")
    record, view, history, signature = found
    drafts = ctx.dossiers.drafts() if principal.user.role == TIEP_NHAN else []
    return page(request, "record.html", record=record, view=view, history=history, signature=signature,
                drafts=drafts)


@router.get("/ho-so/{record_id}/anh/{number}", include_in_schema=False)
def record_image(request: Request, record_id: int, number: int, principal: Principal = Depends(anyone)) -> Response:
    record = _record_or_none(request, record_id, principal)
    if record is None:
        return Response(status_code=404)
    try:
        path = record_page_image(request.app.state.ctx.repo, record, number, request.app.state.ctx.cache)
    except NoPageImage:
        return Response(status_code=404)
    return FileResponse(path, media_type="image/jpeg", headers={"Cache-Control": "private, max-age=3600"})


@router.get("/ho-so/{record_id}/ban-ky-so.pdf", include_in_schema=False)
def record_signed_pdf(request: Request, record_id: int, principal: Principal = Depends(anyone)) -> Response:
    record = _record_or_none(request, record_id, principal)
    if record is None or not record.signed_key:
        return page(request, "error.html", status_code=404, message="Bản ghi chưa có bản ký số.")
    data = request.app.state.ctx.repo.objects.get_bytes(record.signed_key)
    name = f"{record.dossier_code or 'ban-ghi'}-{record.id}.pdf"
    return Response(data, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


# -- JSON API ----------------------------------------------------------------------------------------
class RecordReply(BaseModel):
    record: RecordView
    document: Document


@router.get("/api/records", response_model=list[RecordView], tags=["tra cứu"])
def api_search(request: Request, personal_id: str | None = None, name: str | None = None,
               dossier_code: str | None = None, date_of_birth: str | None = None,
               principal: Principal = Depends(anyone)) -> Any:
    """Current records by personal number, name (with or without diacritics), dossier code, date of birth."""
    criteria = _criteria(personal_id, name, dossier_code, date_of_birth)
    if not criteria:
        return JSONResponse({"detail": "Cần ít nhất một tiêu chí tra cứu."}, status_code=422)
    return _search(request, principal, criteria)


@router.get("/api/people/{personal_id}", response_model=PersonRecords, tags=["tra cứu"])
def api_person(request: Request, personal_id: str, principal: Principal = Depends(anyone)) -> Any:
    """Everything that names a personal number: as the person or a spouse, and as a parent (by name)."""
    return request.app.state.ctx.repo.person(personal_id, actor=principal.user.actor)


@router.get("/api/records/{record_id}", response_model=RecordReply, tags=["tra cứu"])
def api_record(request: Request, record_id: int, principal: Principal = Depends(anyone)) -> Any:
    record = _record_or_none(request, record_id, principal)
    if record is None:
        return JSONResponse({"detail": "Không tìm thấy bản ghi này."}, status_code=404)
    return RecordReply(record=record, document=request.app.state.ctx.repo.load_document(record))


@router.get("/api/records/{record_id}/signature", response_model=SignatureCheck | None, tags=["tra cứu"])
def api_record_signature(request: Request, record_id: int, principal: Principal = Depends(anyone)) -> Any:
    """The signed copy verified now; null when the record has no signed copy."""
    record = _record_or_none(request, record_id, principal)
    if record is None:
        return JSONResponse({"detail": "Không tìm thấy bản ghi này."}, status_code=404)
    return signature_status(request.app.state.ctx.repo, record)
