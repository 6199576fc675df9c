"""Intake at the counter (role ``tiep_nhan``): upload → dossier code → extraction → the side-by-side
screen; then either the five steps of a procedure (``app/web/routes/steps.py``: the applicant, the procedure
and the papers, tiếp nhận with the receipt, thẩm định, phê duyệt and ký số, trả kết quả) or, for a dossier
without a procedure, digitize (store, sign) → receipt; reuse of a stored result. Pages and the JSON API."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from app.counter.lifecycle import State, StepRefused
from app.web.auth import LANH_DAO, THAM_DINH, TIEP_NHAN, Principal, RoleGuard, counter
from app.web.casework import ApprovalCheck, casework_of
from app.web.dossiers import Dossier, DossierError, DossierFile, DossierStore, ReusedItem, UploadRefused
from app.web.editing import keep_typed
from app.web.known import KnownPaper, known_papers
from app.web.rendering import page
from app.web.routes import steps, steps_api
from app.web.units import check_readable
from app.web.uploads import MB, check_file_sizes
from app.web.views import DocumentView, document_view
from pipeline.store import RecordNotFound
from pipeline.store.dossier import get_case

router = APIRouter()
case_staff = RoleGuard(TIEP_NHAN, THAM_DINH, LANH_DAO)  # the page images: every step's officer sees them


def _store(request: Request) -> DossierStore:
    return request.app.state.ctx.dossiers


def _new_dossier(store: DossierStore, principal: Principal, uploads: list[UploadFile]) -> Dossier:
    return store.receive(principal.user.actor, [(upload.filename or "tep", upload.file) for upload in uploads],
                         principal.user.unit_code)


def _add_files(store: DossierStore, code: str, uploads: list[UploadFile]) -> Dossier:
    with store.lock(code):
        dossier = store.load(code)
        store.add_files(dossier, [(upload.filename or "tep", upload.file) for upload in uploads])
    return dossier


def _real_uploads(request: Request, files: list[UploadFile]) -> list[UploadFile]:
    """The files actually chosen, each within the per-file cap (413 otherwise, before any dossier)."""
    chosen = [f for f in files if f.filename]
    check_file_sizes(chosen, request.app.state.ctx.settings.web_max_file_mb * MB)
    return chosen


def dossier_views(store: DossierStore, dossier: Dossier, errors: dict[str, str] | None = None,
                  typed: dict[str, str] | None = None,
                  known: dict[tuple[int, int], KnownPaper] | None = None,
                  ) -> list[tuple[DossierFile, list[DocumentView]]]:
    """Each file with its documents' views; ``typed``: the values sent back with errors, shown as typed;
    ``known``: the papers stored already, whose stored values are shown where they differ."""
    reused = {name for item in dossier.reused for name in item.filled}
    views = []
    for entry in dossier.files:
        if entry.error:
            views.append((entry, []))
            continue
        result = store.result(dossier.code, entry.index)
        url = f"/tiep-nhan/{dossier.code}/anh/{entry.index}/{{page}}"
        docs = [document_view(result, d, f"f{entry.index}.d{d}.", url, errors, reused)
                for d in range(len(result.documents))]
        for view in docs:
            keep_typed([*view.rows, *(cell for cells in view.entries for cell in cells)], typed or {})
            paper = (known or {}).get((entry.index, view.index))
            for row in view.rows if paper else []:
                row.stored = paper.stored.get(row.key)
        views.append((entry, docs))
    return views


def checked_names(dossier: Dossier) -> list[str]:
    """The form names of the fields a person checked (``DossierFile.checked``), for the form's ``checked``."""
    return [f"f{entry.index}.{name}" for entry in dossier.files for name in entry.checked]


def _checked_of(form: Any) -> list[str]:
    text = form.get("checked")
    return text.split() if isinstance(text, str) else []


def _form_values(form: Any) -> dict[str, str]:
    return {k: v for k, v in form.items() if isinstance(v, str) and k.startswith("f")}


def _dossier_page(request: Request, store: DossierStore, dossier: Dossier, principal: Principal,
                  status_code: int = 200, errors: dict[str, str] | None = None, notice: str | None = None,
                  problem: str | None = None, typed: dict[str, str] | None = None,
                  check: ApprovalCheck | None = None) -> Response:
    """The counter's dossier screen: the fields, and the dossier's life cycle (``_case.html``)."""
    mine = dossier.created_by == principal.user.actor
    context = steps.case_context(request, dossier, principal)
    new = context["case"].state == State.MOI_TIEP_NHAN
    if not mine and notice is None:
        notice = f"Hồ sơ do {dossier.created_by.removeprefix('web:')} tiếp nhận: chỉ xem được."
    elif mine and not new and dossier.status == "draft" and notice is None:
        notice = "Hồ sơ đã chuyển thẩm định: tại quầy chỉ xem được."
    editable = dossier.status == "draft" and mine and new
    known = known_papers(store.repo, store, dossier, principal.user.unit_code, principal.user.actor) \
        if editable else {}
    return page(request, "dossier.html", status_code=status_code, dossier=dossier, known=known,
                views=dossier_views(store, dossier, errors, typed, known), errors=errors or {}, notice=notice,
                checked=checked_names(dossier),
                editable=editable, mine=mine, problem=problem,
                typed=typed or {}, check=check, **context)


def render_dossier(request: Request, dossier: Dossier, principal: Principal, status_code: int = 200,
                   problem: str | None = None, typed: dict[str, str] | None = None) -> Response:
    """The counter's screen for ``steps`` (a refused step comes back here with its reason)."""
    return _dossier_page(request, _store(request), dossier, principal, status_code=status_code, problem=problem,
                         typed=typed)


class NotYours(DossierError):
    """Another officer's draft: it can be read by the officers of the unit, changed only by its own."""

    def __init__(self) -> None:
        super().__init__("Hồ sơ do cán bộ khác tiếp nhận: chỉ xem được, không sửa được.")


def _load(store: DossierStore, code: str, principal: Principal, edit: bool = False) -> Dossier | None:
    """The dossier when it is the user's unit's (None otherwise, as if there were none); with ``edit``,
    ``NotYours`` unless the user took it in."""
    try:
        dossier = store.load(code)
    except DossierError:
        return None
    if dossier.unit_code != principal.user.unit_code:
        return None
    if edit and dossier.created_by != principal.user.actor:
        raise NotYours()
    case = get_case(store.repo.engine, code) if edit else None
    if case is not None and case.state != State.MOI_TIEP_NHAN and dossier.status == "draft":
        raise DossierError("Hồ sơ đã chuyển thẩm định: tại quầy không sửa được.")
    return dossier


def _not_found(request: Request) -> Response:
    return page(request, "error.html", status_code=404, message="Không tìm thấy hồ sơ này.")


# -- pages -------------------------------------------------------------------------------------------
@router.get("/tiep-nhan", include_in_schema=False)
def intake_home(request: Request, principal: Principal = Depends(counter)) -> Response:
    return page(request, "intake.html", **_home(request, principal))


def _home(request: Request, principal: Principal) -> dict[str, Any]:
    """The counter's lists: drafts being received, dossiers in the five steps, recently digitized ones."""
    unit = principal.user.unit_code
    state = {case.code: case.state for case in casework_of(request.app).cases(unit)}
    in_steps = [case for case in casework_of(request.app).cases(unit, [State.CHO_BO_SUNG, State.DA_KY_SO,
                                                                        State.DANG_THAM_DINH, State.CHO_PHE_DUYET])
                if case.procedure_id]  # a digitized dossier is listed with the approved ones below
    return {"drafts": [d for d in _store(request).drafts(unit) if state.get(d.code) == State.MOI_TIEP_NHAN],
            "approved": _store(request).approved(unit), "in_steps": in_steps,
            "state_labels": steps.STATE_LABELS, "procedure_name": steps.procedure_name}


@router.post("/tiep-nhan", include_in_schema=False)
async def intake_upload(request: Request, files: list[UploadFile] = File(default=[]),
                        principal: Principal = Depends(counter)) -> Response:
    uploads = _real_uploads(request, files)
    if not uploads:
        return page(request, "intake.html", status_code=422, **_home(request, principal),
                    error="Hãy chọn ít nhất một tệp (PDF, TIFF, PNG, JPEG).")
    try:
        dossier = await run_in_threadpool(_new_dossier, _store(request), principal, uploads)
    except UploadRefused as refused:  # no dossier: the intake screen says why, file by file, in Vietnamese
        return page(request, "intake.html", status_code=422, **_home(request, principal), error=str(refused),
                    refused=refused.files)
    return RedirectResponse(f"/tiep-nhan/{dossier.code}", status_code=303)


@router.get("/tiep-nhan/{code}", include_in_schema=False)
def dossier_page(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    store = _store(request)
    dossier = _load(store, code, principal)
    if dossier is None:
        return _not_found(request)
    notice = "Đã lưu các thay đổi." if request.query_params.get("da_luu") else None
    return _dossier_page(request, store, dossier, principal, notice=notice)


@router.post("/tiep-nhan/{code}/tep", include_in_schema=False)
async def dossier_add_files(request: Request, code: str, files: list[UploadFile] = File(default=[]),
                            principal: Principal = Depends(counter)) -> Response:
    store = _store(request)
    if _load(store, code, principal, edit=True) is None:
        return _not_found(request)
    uploads = _real_uploads(request, files)
    if uploads:
        await run_in_threadpool(_add_files, store, code, uploads)
    return RedirectResponse(f"/tiep-nhan/{code}", status_code=303)


@router.post("/tiep-nhan/{code}/luu", include_in_schema=False)
async def dossier_save(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    return await _save_or_approve(request, code, principal, approve=False)


@router.post("/tiep-nhan/{code}/duyet", include_in_schema=False)
async def dossier_approve(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    return await _save_or_approve(request, code, principal, approve=True)


async def _save_or_approve(request: Request, code: str, principal: Principal, approve: bool) -> Response:
    """Saves the fields typed (and the ones checked); with ``approve``, digitizes: when a required field is
    empty, a field to review unchecked or a file unreadable, the first request lists them and asks again
    (409; the form's ``confirm=1`` digitizes)."""
    store = _store(request)
    form = await request.form()
    values, checked = _form_values(form), _checked_of(form)
    confirmed = form.get("confirm") == "1"

    def work() -> tuple[Dossier | None, dict[str, str], str | None, ApprovalCheck | None]:
        with store.lock(code):
            dossier = _load(store, code, principal, edit=True)
            if dossier is None:
                return None, {}, None, None
            try:
                store.note_checked(dossier, checked)
                errors = store.edit(dossier, values)
                if errors or not approve:
                    return dossier, errors, None, None
                check, done = casework_of(request.app).digitize(dossier, principal.user, confirmed)
                return done or dossier, {}, None, None if done else check
            except (DossierError, StepRefused) as err:
                return dossier, {}, str(err), None

    dossier, errors, problem, check = await run_in_threadpool(work)
    if dossier is None:
        return _not_found(request)
    if errors or problem:
        return _dossier_page(request, store, dossier, principal, status_code=422, errors=errors, typed=values,
                             problem=problem or "Có giá trị chưa đúng dạng; hãy sửa các ô được đánh dấu.")
    if check is not None:
        return _dossier_page(request, store, dossier, principal, status_code=409, check=check)
    if approve:
        return RedirectResponse(f"/tiep-nhan/{code}/bien-nhan", status_code=303)
    return RedirectResponse(f"/tiep-nhan/{code}?da_luu=1", status_code=303)


@router.post("/tiep-nhan/{code}/phan-loai", include_in_schema=False)
async def dossier_classify(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    """Sets the type of one document: ``target`` is ``f<file>.d<document>``, ``schema:<target>`` the type."""
    store = _store(request)
    form = await request.form()
    target = str(form.get("target", ""))
    found = re.fullmatch(r"f(\d+)\.d(\d+)\.", target)
    if found is None:
        raise DossierError("giấy tờ không hợp lệ")

    def work() -> None:
        with store.lock(code):
            dossier = _load(store, code, principal, edit=True)
            if dossier is None:
                raise DossierError("không có hồ sơ này")
            store.edit(dossier, _form_values(form))
            store.classify(dossier, int(found.group(1)), int(found.group(2)), str(form.get(f"schema:{target}", "")))

    await run_in_threadpool(work)
    return RedirectResponse(f"/tiep-nhan/{code}", status_code=303)


@router.get("/tiep-nhan/{code}/bien-nhan", include_in_schema=False)
def dossier_receipt(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    store = _store(request)
    dossier = _load(store, code, principal)
    if dossier is None:
        return _not_found(request)
    if dossier.status != "approved":
        return RedirectResponse(f"/tiep-nhan/{code}", status_code=303)
    records = [store.repo.get(rid, actor=principal.user.actor) for rid in dossier.records]
    return page(request, "receipt.html", dossier=dossier, records=records)


@router.post("/tiep-nhan/{code}/ky-lai", include_in_schema=False)
async def dossier_resign(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    """Signs again a digitized dossier whose signing failed; the receipt then says how it went."""
    store = _store(request)

    def work() -> str | None:
        with store.lock(code):
            dossier = _load(store, code, principal)
            if dossier is None:
                return "Không tìm thấy hồ sơ này."
            try:
                casework_of(request.app).resign(dossier, principal.user)
            except StepRefused as err:
                raise DossierError(str(err)) from err
        return None

    problem = await run_in_threadpool(work)
    if problem:
        return page(request, "error.html", status_code=404, message=problem)
    return RedirectResponse(f"/tiep-nhan/{code}/bien-nhan", status_code=303)


@router.get("/tiep-nhan/{code}/anh/{index}/{number}", include_in_schema=False)
def dossier_page_image(request: Request, code: str, index: int, number: int,
                       principal: Principal = Depends(case_staff)) -> Response:
    store = _store(request)
    dossier = _load(store, code, principal)
    try:
        if dossier is None:
            raise DossierError("không có hồ sơ này")
        path = store.page_image(dossier, index, number)
    except DossierError:
        return Response(status_code=404)
    return FileResponse(path, media_type="image/jpeg", headers={"Cache-Control": "private, max-age=3600"})


@router.post("/tiep-nhan/{code}/dung-lai", include_in_schema=False)
async def dossier_reuse(request: Request, code: str, record_id: int = Form(...),
                        principal: Principal = Depends(counter)) -> Response:
    store = _store(request)

    check_readable(request, principal, record_id)

    def work() -> str | None:
        with store.lock(code):
            dossier = _load(store, code, principal, edit=True)
            if dossier is None:
                return "Không tìm thấy hồ sơ này."
            try:
                store.reuse(dossier, record_id, principal.user.actor)
            except (DossierError, RecordNotFound) as err:
                return str(err) if isinstance(err, DossierError) else "Không tìm thấy bản ghi cần dùng lại."
        return None

    problem = await run_in_threadpool(work)
    if problem:
        return page(request, "error.html", status_code=422, message=problem)
    return RedirectResponse(f"/tiep-nhan/{code}#dung-lai", status_code=303)


# -- JSON API ----------------------------------------------------------------------------------------
class DossierReply(BaseModel):
    dossier: Dossier
    results: dict[int, dict[str, Any]]  # file index → the extraction result (CONTRACT.md), as corrected


class EditReply(BaseModel):
    errors: dict[str, str]


def _reply(store: DossierStore, dossier: Dossier) -> DossierReply:
    results = {f.index: store.result(dossier.code, f.index).to_json_dict() for f in dossier.files if not f.error}
    return DossierReply(dossier=dossier, results=results)


def _api_missing() -> Response:
    return JSONResponse({"detail": "Không tìm thấy hồ sơ này."}, status_code=404)


@router.post("/api/dossiers", response_model=DossierReply, tags=["tiếp nhận"])
async def api_create_dossier(request: Request, files: list[UploadFile] = File(...),
                             principal: Principal = Depends(counter)) -> Any:
    """Creates a dossier (a new dossier code), stores the files and extracts them."""
    store = _store(request)
    dossier = await run_in_threadpool(_new_dossier, store, principal, _real_uploads(request, files))
    return _reply(store, dossier)


@router.get("/api/dossiers/{code}", response_model=DossierReply, tags=["tiếp nhận"])
def api_get_dossier(request: Request, code: str, principal: Principal = Depends(counter)) -> Any:
    store = _store(request)
    dossier = _load(store, code, principal)
    return _reply(store, dossier) if dossier else _api_missing()


@router.post("/api/dossiers/{code}/fields", response_model=EditReply, tags=["tiếp nhận"])
def api_edit_dossier(request: Request, code: str, values: dict[str, str],
                     principal: Principal = Depends(counter)) -> Any:
    """Corrections, by form name ``f<file>.d<document>.<field>`` → the value as an officer types it."""
    store = _store(request)
    with store.lock(code):
        dossier = _load(store, code, principal, edit=True)
        if dossier is None:
            return _api_missing()
        return EditReply(errors=store.edit(dossier, values))


class ClassifyRequest(BaseModel):
    file: int  # 1-based
    document: int  # 0-based, as in the extraction result
    schema_id: str


@router.post("/api/dossiers/{code}/classify", response_model=DossierReply, tags=["tiếp nhận"])
def api_classify(request: Request, code: str, body: ClassifyRequest, principal: Principal = Depends(counter)) -> Any:
    """Sets the type of a document the classifier did not recognise (its fields come back empty)."""
    store = _store(request)
    with store.lock(code):
        dossier = _load(store, code, principal, edit=True)
        if dossier is None:
            return _api_missing()
        store.classify(dossier, body.file, body.document, body.schema_id)
        return _reply(store, dossier)


@router.post("/api/dossiers/{code}/approve", response_model=Dossier, tags=["tiếp nhận"])
def api_approve_dossier(request: Request, code: str, principal: Principal = Depends(counter)) -> Any:
    """Stores, signs and closes a dossier without a procedure (only digitized: one step at the counter; a
    procedure's dossier goes through appraisal and the leader's approval); the reply lists the records."""
    store = _store(request)
    with store.lock(code):
        dossier = _load(store, code, principal, edit=True)
        if dossier is None:
            return _api_missing()
        try:
            # a program answers for its values, as with the review API: what was left is recorded with the step
            return casework_of(request.app).digitize(dossier, principal.user, confirmed=True)[1]
        except StepRefused as err:
            raise DossierError(str(err)) from err


@router.post("/api/dossiers/{code}/resign", response_model=Dossier, tags=["tiếp nhận"])
def api_resign_dossier(request: Request, code: str, principal: Principal = Depends(counter)) -> Any:
    """Signs again a digitized dossier whose signing failed (``sign_problem``); nothing stored is changed
    but the signed copies attached."""
    store = _store(request)
    with store.lock(code):
        dossier = _load(store, code, principal)
        if dossier is None:
            return _api_missing()
        try:
            return casework_of(request.app).resign(dossier, principal.user)
        except StepRefused as err:
            raise DossierError(str(err)) from err


@router.post("/api/dossiers/{code}/reuse/{record_id}", response_model=ReusedItem, tags=["tiếp nhận"])
def api_reuse(request: Request, code: str, record_id: int, principal: Principal = Depends(counter)) -> Any:
    store = _store(request)
    check_readable(request, principal, record_id)
    with store.lock(code):
        dossier = _load(store, code, principal, edit=True)
        if dossier is None:
            return _api_missing()
        return store.reuse(dossier, record_id, principal.user.actor)


router.include_router(steps.router)  # the five steps' screens and the one-stop-shop papers
router.include_router(steps_api.router)  # the five steps as a JSON API
