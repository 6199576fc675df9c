"""Search and the record screen (every role), the signed copy, page images; the records API."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from app.web.auth import TIEP_NHAN, Principal, anyone
from app.web.pageimages import NoPageImage, record_page_image
from app.web.records import person_row_id, personal_id_of_row, signature_status
from app.web.rendering import page
from app.web.units import check_readable, grant
from app.web.views import document_view
from pipeline.models import Document
from pipeline.store import PersonRecords, RecordNotFound, RecordView, SignatureCheck
from pipeline.store.browse import RecordPage

router = APIRouter()


def _criteria(personal_id: str | None, name: str | None, dossier_code: str | None,
              date_of_birth: str | None = None) -> dict[str, str]:
    found = {"personal_id": personal_id, "name": name, "dossier_code": dossier_code,
             "date_of_birth": date_of_birth}
    return {k: v.strip() for k, v in found.items() if v and v.strip()}


def _search(request: Request, principal: Principal, criteria: dict[str, str]) -> list[RecordView]:
    """The user's unit's current records that match (need-to-know: ``app/web/units.py``)."""
    if not criteria:
        return []
    return request.app.state.ctx.repo.search(actor=principal.user.actor, limit=100,
                                             unit_code=principal.user.unit_code, **criteria)


def _search_page(request: Request, principal: Principal, ma_dinh_danh: str | None, ho_ten: str | None,
                 ma_ho_so: str | None) -> Response:
    criteria = _criteria(ma_dinh_danh, ho_ten, ma_ho_so)
    records = _search(request, principal, criteria)
    person = None
    if criteria.get("personal_id"):
        person = request.app.state.ctx.repo.person(criteria["personal_id"], actor=principal.user.actor,
                                                   unit_code=principal.user.unit_code)
        shown = {r.id for r in records}
        person.links = [link for link in person.links if link.record.id not in shown]
    return page(request, "search.html", records=records, searched=bool(criteria), person=person,
                query={"ma_dinh_danh": ma_dinh_danh or "", "ho_ten": ho_ten or "", "ma_ho_so": ma_ho_so or ""})


@router.get("/tra-cuu", include_in_schema=False)
def search_page(request: Request, ho_ten: str | None = None, ma_ho_so: str | None = None,
                principal: Principal = Depends(anyone)) -> Response:
    """The search form; by name or dossier code also as a link. A personal number in the address (the old
    form) is not searched: the answer sends to the plain form, and the log masks the number."""
    if "ma_dinh_danh" in request.query_params:
        return RedirectResponse("/tra-cuu", status_code=303)
    return _search_page(request, principal, None, ho_ten, ma_ho_so)


@router.post("/tra-cuu", include_in_schema=False)
def search_post(request: Request, ma_dinh_danh: str | None = Form(None), ho_ten: str | None = Form(None),
                ma_ho_so: str | None = Form(None), principal: Principal = Depends(anyone)) -> Response:
    """The search form as sent (POST: a personal number stays out of the address and the logs)."""
    return _search_page(request, principal, ma_dinh_danh, ho_ten, ma_ho_so)


RECORD_SORT_LABELS = {"created_at": "Mới nhất", "name": "Họ và tên", "number": "Số", "schema": "Loại giấy tờ",
                      "status": "Trạng thái", "registration_date": "Ngày đăng ký"}
DOSSIER_SORT_LABELS = {"created_at": "Mới nhất", "code": "Mã hồ sơ", "state": "Trạng thái",
                       "procedure_id": "Thủ tục", "due_date": "Ngày hẹn trả", "applicant_name": "Người nộp"}


def _choice(value: str | None, allowed: dict[str, str], default: str) -> str:
    return value if value in allowed else default


def _day(value: str | None) -> str | None:
    """A ``YYYY-MM-DD`` from a date input, or None (anything else is ignored)."""
    try:
        return date.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None


@router.get("/danh-sach", include_in_schema=False)
def records_list(request: Request, loai: str | None = None, trang_thai: str | None = None,
                 can_bo: str | None = None, tu_ngay: str | None = None, den_ngay: str | None = None,
                 sap_xep: str | None = None, giam: int | None = None, trang: int = 1,
                 principal: Principal = Depends(anyone)) -> Response:
    """The unit's current records, browsable: paged (50 a page), sorted, filtered by type, status, officer,
    days received."""
    sort = _choice(sap_xep, RECORD_SORT_LABELS, "created_at")
    found = request.app.state.ctx.repo.browse(
        actor=principal.user.actor, unit_code=principal.user.unit_code, schema=loai or None,
        status=trang_thai or None, officer=can_bo or None, since=_day(tu_ngay), until=_day(den_ngay), sort=sort,
        descending=None if giam is None else bool(giam), page=trang)
    query = {"loai": loai or "", "trang_thai": trang_thai or "", "can_bo": can_bo or "", "tu_ngay": _day(tu_ngay) or "",
             "den_ngay": _day(den_ngay) or "", "sap_xep": sort, "giam": "" if giam is None else str(giam)}
    return page(request, "records_list.html", found=found, query=query, sorts=RECORD_SORT_LABELS,
                pages=_page_links(request, found.page, found.pages))


@router.get("/danh-sach/ho-so", include_in_schema=False)
def dossiers_list(request: Request, ma: str | None = None, trang_thai: str | None = None,
                  thu_tuc: str | None = None, can_bo: str | None = None, tu_ngay: str | None = None,
                  den_ngay: str | None = None, sap_xep: str | None = None, giam: int = 1, trang: int = 1,
                  principal: Principal = Depends(anyone)) -> Response:
    """The unit's dossiers: by the start of the code, state, procedure, receiving officer, days received."""
    from pipeline.store.browse import dossier_filters

    offered = dossier_filters()
    sort = _choice(sap_xep, DOSSIER_SORT_LABELS, "created_at")
    wanted = {"state": trang_thai, "procedure_id": thu_tuc, "created_by": can_bo}
    found = request.app.state.ctx.repo.browse_dossiers(
        unit_code=principal.user.unit_code, filters={k: v for k, v in wanted.items() if k in offered and v},
        since=_day(tu_ngay), until=_day(den_ngay), code=ma, sort=sort if sort in _dossier_sorts() else "created_at",
        descending=bool(giam), page=trang)
    query = {"ma": ma or "", "trang_thai": trang_thai or "", "thu_tuc": thu_tuc or "", "can_bo": can_bo or "",
             "tu_ngay": _day(tu_ngay) or "", "den_ngay": _day(den_ngay) or "", "sap_xep": sort, "giam": str(giam)}
    return page(request, "dossiers_list.html", found=found, query=query, offered=offered,
                sorts={k: v for k, v in DOSSIER_SORT_LABELS.items() if k in _dossier_sorts()},
                pages=_page_links(request, found.page, found.pages), states=_state_labels())


def _dossier_sorts() -> set[str]:
    from pipeline.store.catalog import Dossier

    return {k for k in DOSSIER_SORT_LABELS if k in Dossier.__table__.c}


def _state_labels() -> dict[str, str]:
    from app.counter.lifecycle import STATE_LABELS

    return {str(state): label for state, label in STATE_LABELS.items()}


def _page_links(request: Request, current: int, last: int) -> list[tuple[int, str]]:
    """(page number, its address) for the pages around the current one, the first and the last."""
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    return [(n, str(request.url.include_query_params(trang=n))) for n in shown]


@router.get("/api/records/list", response_model=RecordPage, tags=["tra cứu"])
def api_records_list(request: Request, schema: str | None = None, status: str | None = None,
                     officer: str | None = None, since: str | None = None, until: str | None = None,
                     sort: str = "created_at", descending: bool | None = None, page: int = 1, per_page: int = 50,
                     principal: Principal = Depends(anyone)) -> Any:
    """The user's unit's current records, paged and sorted (``sort``: created_at, name, number, schema, status,
    registration_date), filtered by type, status, officer and days received (``since``/``until``)."""
    if sort not in RECORD_SORT_LABELS:
        return JSONResponse({"detail": "Cách sắp xếp không hợp lệ."}, status_code=422)
    return request.app.state.ctx.repo.browse(
        actor=principal.user.actor, unit_code=principal.user.unit_code, schema=schema, status=status,
        officer=officer, since=_day(since), until=_day(until), sort=sort, descending=descending, page=page,
        per_page=per_page)


def _record_or_none(request: Request, record_id: int, principal: Principal) -> RecordView | None:
    """The record when the user may read it (``OtherUnit`` when it is another unit's), None when none."""
    try:
        check_readable(request, principal, record_id)
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
    drafts = (ctx.dossiers.drafts(principal.user.unit_code, actor=principal.user.actor)
              if principal.user.role == TIEP_NHAN else [])
    return page(request, "record.html", record=record, view=view, history=history, signature=signature,
                drafts=drafts, development=ctx.repo.reuses_test_signatures())


@router.post("/ho-so/{record_id}/ly-do", include_in_schema=False)
def record_reason(request: Request, record_id: int, reason: str = Form(""),
                  principal: Principal = Depends(anyone)) -> Response:
    """Opens another unit's record for reuse: the reason goes into the audit log (``cross_unit_read``)."""
    try:
        problem = grant(request, principal, record_id, reason)
    except RecordNotFound:
        return page(request, "error.html", status_code=404, message="Không tìm thấy bản ghi này.")
    if problem:
        return page(request, "other_unit.html", status_code=422, record_id=record_id, error=problem,
                    message="Bản ghi này thuộc đơn vị khác.")
    return RedirectResponse(f"/ho-so/{record_id}", status_code=303)


@router.get("/ho-so/{record_id}/anh/{number}", include_in_schema=False)
def record_image(request: Request, record_id: int, number: int, principal: Principal = Depends(anyone)) -> Response:
    record = _record_or_none(request, record_id, principal)
    if record is None:
        return Response(status_code=404)
    try:  # the page of the input, as the extraction numbers it, in the record's own copy
        path = record_page_image(request.app.state.ctx.repo, record, record.copy_page(number),
                                 request.app.state.ctx.cache)
    except (NoPageImage, LookupError):
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


class SearchRequest(BaseModel):
    personal_id: str | None = None
    name: str | None = None
    dossier_code: str | None = None
    date_of_birth: str | None = None


class PersonRequest(BaseModel):
    personal_id: str


class PersonReply(PersonRecords):
    token: str | None = None  # GET /api/people/{token} answers the same; None when no record names the number


class AccessRequest(BaseModel):
    reason: str


def _search_reply(request: Request, principal: Principal, criteria: dict[str, str]) -> Any:
    if not criteria:
        return JSONResponse({"detail": "Cần ít nhất một tiêu chí tra cứu."}, status_code=422)
    return _search(request, principal, criteria)


@router.get("/api/records", response_model=list[RecordView], tags=["tra cứu"])
def api_search(request: Request, personal_id: str | None = None, name: str | None = None,
               dossier_code: str | None = None, date_of_birth: str | None = None,
               principal: Principal = Depends(anyone)) -> Any:
    """Current records of the user's unit by name (with or without diacritics), dossier code, date of birth.
    By personal number: ``POST /api/records/search`` (a number in the address is refused, 404)."""
    if personal_id is not None:
        return JSONResponse({"detail": "Tra cứu theo số định danh: POST /api/records/search."}, status_code=404)
    return _search_reply(request, principal, _criteria(None, name, dossier_code, date_of_birth))


@router.post("/api/records/search", response_model=list[RecordView], tags=["tra cứu"])
def api_search_post(request: Request, body: SearchRequest, principal: Principal = Depends(anyone)) -> Any:
    """Current records of the user's unit by personal number, name, dossier code, date of birth."""
    return _search_reply(request, principal, _criteria(body.personal_id, body.name, body.dossier_code,
                                                       body.date_of_birth))


def _person_reply(request: Request, principal: Principal, personal_id: str) -> PersonReply:
    ctx = request.app.state.ctx
    person = ctx.repo.person(personal_id, actor=principal.user.actor, unit_code=principal.user.unit_code)
    row = person_row_id(ctx.repo, person.personal_id) if person.personal_id else None
    return PersonReply(**person.model_dump(), token=ctx.security.person_token(row) if row else None)


@router.post("/api/people", response_model=PersonReply, tags=["tra cứu"])
def api_person_post(request: Request, body: PersonRequest, principal: Principal = Depends(anyone)) -> Any:
    """Everything of the user's unit that names a personal number: as the person or a spouse, and as a
    parent (by name); with an opaque ``token`` for ``GET /api/people/{token}``."""
    return _person_reply(request, principal, body.personal_id)


@router.get("/api/people/{token}", response_model=PersonReply, tags=["tra cứu"])
def api_person(request: Request, token: str, principal: Principal = Depends(anyone)) -> Any:
    """The per-person view by the opaque token of ``POST /api/people`` (a personal number here: 404)."""
    ctx = request.app.state.ctx
    row = ctx.security.person_row(token)
    personal_id = personal_id_of_row(ctx.repo, row) if row is not None else None
    if personal_id is None:
        return JSONResponse({"detail": "Không tìm thấy công dân này."}, status_code=404)
    return _person_reply(request, principal, personal_id)


@router.post("/api/records/{record_id}/access", tags=["tra cứu"])
def api_record_access(request: Request, record_id: int, body: AccessRequest,
                      principal: Principal = Depends(anyone)) -> Any:
    """Opens another unit's record for this user (12 hours), for the reason given (written to the audit log)."""
    try:
        problem = grant(request, principal, record_id, body.reason)
    except RecordNotFound:
        return JSONResponse({"detail": "Không tìm thấy bản ghi này."}, status_code=404)
    if problem:
        return JSONResponse({"detail": problem}, status_code=422)
    return {"ok": True}


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
