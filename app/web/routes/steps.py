"""The dossier's five steps as screens: the counter (``tiep_nhan``) fills in the applicant, the procedure and
the papers received and takes the dossier in (receipt with the appointment date), takes in supplements,
apologises for a late result and hands the result over; the appraiser (``tham_dinh``) checks the papers and
the fields, asks for a supplement, refuses or passes it on; the leader (``lanh_dao``) approves — after a
confirmation when required fields are empty or fields unchecked — which signs the result (PAdES), sends it
back or refuses it. The one-stop-shop papers (Circular 01/2018/TT-VPCP) as pages and as PDF."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from app.counter.lifecycle import CLOSED, STATE_LABELS, State, StepRefused, steps_from
from app.counter.procedures import catalogue
from app.web.auth import LANH_DAO, THAM_DINH, TIEP_NHAN, Principal, RoleGuard
from app.web.casework import Casework, casework_of
from app.web.dossiers import Dossier, DossierError
from app.web.papers import KINDS, paper_context, paper_pdf
from app.web.rendering import page

router = APIRouter()
counter = RoleGuard(TIEP_NHAN)
appraiser = RoleGuard(THAM_DINH)
leader = RoleGuard(LANH_DAO)
case_staff = RoleGuard(TIEP_NHAN, THAM_DINH, LANH_DAO)
HOME = {TIEP_NHAN: "/tiep-nhan", THAM_DINH: "/tham-dinh", LANH_DAO: "/phe-duyet"}


class CaseNotFound(DossierError):
    def __init__(self) -> None:
        super().__init__("Không tìm thấy hồ sơ này.")


def desk(request: Request) -> Casework:
    return casework_of(request.app)


def load(request: Request, code: str, principal: Principal) -> Dossier:
    """The dossier of the user's unit (``CaseNotFound`` otherwise, as if there were none)."""
    store = desk(request).store
    try:
        dossier = store.load(code)
    except DossierError as err:
        raise CaseNotFound() from err
    if dossier.unit_code != principal.user.unit_code:
        raise CaseNotFound()
    return dossier


def case_context(request: Request, dossier: Dossier, principal: Principal) -> dict[str, Any]:
    """What every dossier screen shows of the life cycle (``_case.html``)."""
    work = desk(request)
    case = work.case(dossier.code)
    return {"case": case, "procedure": work.procedure(case), "history": work.history(dossier.code),
            "state_label": STATE_LABELS[State(case.state)], "procedures": catalogue().procedures,
            "can": {s.value for s in steps_from(State(case.state), principal.user.role)},
            "closed": State(case.state) in CLOSED, "papers_kinds": KINDS}


async def form_of(request: Request) -> dict[str, Any]:
    form = await request.form()
    return {"text": {k: v for k, v in form.items() if isinstance(v, str)},
            "lists": {k: [v for v in form.getlist(k) if isinstance(v, str)] for k in form}}


async def act(request: Request, code: str, principal: Principal, action, back: str) -> Response:
    """Runs ``action(dossier, form)`` under the dossier's lock; a refusal comes back on the dossier's page
    with the reason (422), what was typed kept; success goes to ``back`` (formatted with the code)."""
    work = desk(request)
    form = await form_of(request)

    def run() -> str | None:
        with work.store.lock(code):
            dossier = load(request, code, principal)
            try:
                action(work, dossier, form)
            except (StepRefused, DossierError) as err:
                if isinstance(err, CaseNotFound):
                    raise
                return str(err)
        return None

    try:
        problem = await run_in_threadpool(run)
    except CaseNotFound:
        return not_found(request)
    if problem:
        return case_page(request, code, principal, problem=problem, typed=form["text"], status_code=422)
    return RedirectResponse(back.format(code=code), status_code=303)


def case_page(request: Request, code: str, principal: Principal, problem: str | None = None,
              typed: dict[str, str] | None = None, status_code: int = 200, **extra: Any) -> Response:
    """The dossier's screen for the user's role (the counter's own page is ``dossier.html``)."""
    from app.web.routes.intake import checked_names, dossier_views

    try:
        dossier = load(request, code, principal)
    except CaseNotFound:
        return not_found(request)
    role = principal.user.role
    if role == TIEP_NHAN:
        from app.web.routes.intake import render_dossier

        return render_dossier(request, dossier, principal, status_code=status_code, problem=problem,
                              typed=typed or {})
    context = case_context(request, dossier, principal)
    editable = role == THAM_DINH and context["case"].state == State.DANG_THAM_DINH
    return page(request, "case.html", status_code=status_code, dossier=dossier, problem=problem,
                typed=typed or {}, views=dossier_views(desk(request).store, dossier, typed=typed), editable=editable,
                checked=checked_names(dossier),
                base=HOME[role], **context, **extra)


def not_found(request: Request) -> Response:
    return page(request, "error.html", status_code=404, message="Không tìm thấy hồ sơ này.")


def _text(form: dict[str, Any], name: str) -> str:
    return form["text"].get(name, "")


# -- the counter ---------------------------------------------------------------------------------------
@router.post("/tiep-nhan/{code}/thong-tin", include_in_schema=False)
async def counter_details(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    return await act(request, code, principal, lambda work, d, form: _save_details(work, d, principal, form),
                     "/tiep-nhan/{code}#thong-tin")


def _save_details(work: Casework, dossier: Dossier, principal: Principal, form: dict[str, Any]) -> None:
    work.set_details(dossier, principal.user, _text(form, "applicant_name"), _text(form, "applicant_personal_id"),
                     _text(form, "applicant_contact"), _text(form, "procedure_id"), form["lists"].get("paper", []))


@router.post("/tiep-nhan/{code}/tiep-nhan-ho-so", include_in_schema=False)
async def counter_receive(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    def action(work: Casework, dossier: Dossier, form: dict[str, Any]) -> None:
        if dossier.created_by != principal.user.actor:
            raise DossierError("Chỉ cán bộ đã tiếp nhận hồ sơ mới chuyển được hồ sơ đi.")
        if "applicant_name" in form["text"]:  # sent with the details form: what was typed is saved first
            _save_details(work, dossier, principal, form)
        work.receive(dossier, principal.user)

    return await act(request, code, principal, action, "/ho-so-tthc/{code}/phieu/tiep-nhan")


@router.post("/tiep-nhan/{code}/huy", include_in_schema=False)
async def counter_cancel(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    return await act(request, code, principal,
                     lambda work, d, form: work.cancel(d, principal.user, _text(form, "reason")), "/tiep-nhan")


@router.post("/tiep-nhan/{code}/nhan-bo-sung", include_in_schema=False)
async def counter_supplement(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    return await act(request, code, principal,
                     lambda work, d, form: work.supplement_received(d, principal.user),
                     "/ho-so-tthc/{code}/phieu/tiep-nhan")


@router.post("/tiep-nhan/{code}/hen-lai", include_in_schema=False)
async def counter_reschedule(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    def action(work: Casework, dossier: Dossier, form: dict[str, Any]) -> None:
        try:
            new_date = date.fromisoformat(_text(form, "due_date"))
        except ValueError as err:
            raise DossierError("Ngày hẹn mới không đúng dạng.") from err
        work.reschedule(dossier, principal.user, new_date, _text(form, "reason"))

    return await act(request, code, principal, action, "/ho-so-tthc/{code}/phieu/xin-loi")


@router.post("/tiep-nhan/{code}/tra-ket-qua", include_in_schema=False)
async def counter_return(request: Request, code: str, principal: Principal = Depends(counter)) -> Response:
    return await act(request, code, principal, lambda work, d, form: work.return_result(d, principal.user),
                     "/tiep-nhan/{code}")


# -- the appraiser -------------------------------------------------------------------------------------
@router.get("/tham-dinh", include_in_schema=False)
def appraisal_list(request: Request, principal: Principal = Depends(appraiser)) -> Response:
    return case_list(request, principal, "Hồ sơ cần thẩm định", [State.DANG_THAM_DINH, State.CHO_BO_SUNG])


def case_list(request: Request, principal: Principal, title: str, states: list[State]) -> Response:
    """The unit's dossiers in ``states``, for the role's list screen."""
    return page(request, "cases.html", title=title, base=HOME[principal.user.role],
                cases=desk(request).cases(principal.user.unit_code, states), state_labels=STATE_LABELS,
                procedure_name=procedure_name)


@router.get("/tham-dinh/{code}", include_in_schema=False)
def appraisal_page(request: Request, code: str, principal: Principal = Depends(appraiser)) -> Response:
    notice = "Đã lưu các thay đổi." if request.query_params.get("da_luu") else None
    return case_page(request, code, principal, notice=notice)


@router.post("/tham-dinh/{code}/luu", include_in_schema=False)
async def appraisal_save(request: Request, code: str, principal: Principal = Depends(appraiser)) -> Response:
    return await act(request, code, principal, _save_fields(principal), "/tham-dinh/{code}?da_luu=1")


def _save_fields(principal: Principal):
    """The appraiser's corrections (as the counter's), then the documents ticked as checked."""

    def action(work: Casework, dossier: Dossier, form: dict[str, Any]) -> None:
        work.save_appraisal(dossier, principal.user, {k: v for k, v in form["text"].items() if k.startswith("f")},
                            checked=_text(form, "checked").split(), documents=form["lists"].get("checked_doc", []),
                            papers=form["lists"].get("paper_checked", []))

    return action


@router.post("/tham-dinh/{code}/chuyen", include_in_schema=False)
async def appraisal_pass(request: Request, code: str, principal: Principal = Depends(appraiser)) -> Response:
    save = _save_fields(principal)

    def action(work: Casework, dossier: Dossier, form: dict[str, Any]) -> None:
        save(work, dossier, form)
        work.appraise(dossier, principal.user, form["lists"].get("paper_checked", []), _text(form, "note"))

    return await act(request, code, principal, action, "/tham-dinh")


@router.post("/tham-dinh/{code}/bo-sung", include_in_schema=False)
async def appraisal_supplement(request: Request, code: str, principal: Principal = Depends(appraiser)) -> Response:
    return await act(request, code, principal,
                     lambda work, d, form: work.request_supplement(d, principal.user, _text(form, "reason"),
                                                                   form["lists"].get("paper_missing", [])),
                     "/ho-so-tthc/{code}/phieu/bo-sung")


@router.post("/tham-dinh/{code}/tu-choi", include_in_schema=False)
async def appraisal_refuse(request: Request, code: str, principal: Principal = Depends(appraiser)) -> Response:
    return await act(request, code, principal,
                     lambda work, d, form: work.refuse(d, principal.user, _text(form, "reason")),
                     "/ho-so-tthc/{code}/phieu/tu-choi")


# -- the leader ----------------------------------------------------------------------------------------
@router.get("/phe-duyet", include_in_schema=False)
def approval_list(request: Request, principal: Principal = Depends(leader)) -> Response:
    return case_list(request, principal, "Hồ sơ chờ phê duyệt", [State.CHO_PHE_DUYET])


@router.get("/phe-duyet/{code}", include_in_schema=False)
def approval_page(request: Request, code: str, principal: Principal = Depends(leader)) -> Response:
    return case_page(request, code, principal)


@router.post("/phe-duyet/{code}/duyet", include_in_schema=False)
async def approval_approve(request: Request, code: str, principal: Principal = Depends(leader)) -> Response:
    """Approves and signs; when required fields are empty, fields unchecked or files unreadable, the first
    request only lists them and asks again (``confirm=1`` approves)."""
    confirmed = _text(await form_of(request), "confirm") == "1"
    return await _signing(request, code, principal, lambda work, d: work.approve(d, principal.user, confirmed),
                          "Đã phê duyệt và lưu, nhưng chưa ký số được")


@router.post("/phe-duyet/{code}/ky-lai", include_in_schema=False)
async def approval_resign(request: Request, code: str, principal: Principal = Depends(leader)) -> Response:
    """Signs again a dossier approved whose signing failed (the approval and the stored data stand)."""
    return await _signing(request, code, principal, lambda work, d: (None, work.resign(d, principal.user)),
                          "Vẫn chưa ký số được")


async def _signing(request: Request, code: str, principal: Principal, action, unsigned: str) -> Response:
    """Runs ``action(work, dossier)`` → (what to confirm, the dossier done or None) under the dossier's lock:
    the confirmation asked (409), the reason of a refusal (422) or of a failed signing, or the list."""
    work = desk(request)

    def run():
        with work.store.lock(code):
            dossier = load(request, code, principal)
            try:
                return action(work, dossier)
            except (StepRefused, DossierError) as err:
                if isinstance(err, CaseNotFound):
                    raise
                return str(err)

    try:
        outcome = await run_in_threadpool(run)
    except CaseNotFound:
        return not_found(request)
    if isinstance(outcome, str):
        return case_page(request, code, principal, problem=outcome, status_code=422)
    check, done = outcome
    if done is None:
        return case_page(request, code, principal, check=check, status_code=409)
    if not done.signed:
        return case_page(request, code, principal, problem=f"{unsigned}: {done.sign_problem}")
    return RedirectResponse("/phe-duyet?da_ky=" + code, status_code=303)


@router.post("/phe-duyet/{code}/tra-lai", include_in_schema=False)
async def approval_send_back(request: Request, code: str, principal: Principal = Depends(leader)) -> Response:
    return await act(request, code, principal,
                     lambda work, d, form: work.send_back(d, principal.user, _text(form, "reason")), "/phe-duyet")


@router.post("/phe-duyet/{code}/tu-choi", include_in_schema=False)
async def approval_refuse(request: Request, code: str, principal: Principal = Depends(leader)) -> Response:
    return await act(request, code, principal,
                     lambda work, d, form: work.refuse(d, principal.user, _text(form, "reason")),
                     "/ho-so-tthc/{code}/phieu/tu-choi")


# -- the papers ----------------------------------------------------------------------------------------
@router.get("/ho-so-tthc/{code}/phieu/{kind}", include_in_schema=False)
def paper_page(request: Request, code: str, kind: str, principal: Principal = Depends(case_staff)) -> Response:
    context = _paper(request, code, kind, principal)
    if context is None:
        return page(request, "error.html", status_code=404, message="Hồ sơ này chưa có phiếu này.")
    return page(request, "paper.html", base=HOME[principal.user.role], **context)


def _paper(request: Request, code: str, kind: str, principal: Principal) -> dict[str, Any] | None:
    """What the paper shows; None when the dossier (of the user's unit) or its step is not there."""
    try:
        return paper_context(desk(request), load(request, code, principal), kind, request.app.state.ctx.users)
    except DossierError:
        return None


@router.get("/ho-so-tthc/{code}/phieu/{kind}/ban-in.pdf", include_in_schema=False)
async def paper_download(request: Request, code: str, kind: str,
                         principal: Principal = Depends(case_staff)) -> Response:
    context = _paper(request, code, kind, principal)
    if context is None:
        return page(request, "error.html", status_code=404, message="Hồ sơ này chưa có phiếu này.")
    pdf = await run_in_threadpool(paper_pdf, context)
    return Response(pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{code}-{kind}.pdf"'})


def procedure_name(procedure_id: str | None) -> str:
    found = catalogue().get(procedure_id)
    return found.name if found else "Chỉ số hóa (không có thủ tục)"
