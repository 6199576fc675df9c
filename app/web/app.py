"""The FastAPI application: server-rendered pages for the counter, the review queue and the supervisor,
and the JSON API under ``/api`` (OpenAPI at ``/api/openapi.json``, browsable at ``/api/docs``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.web.auth import CsrfFailed, Forbidden, Unauthenticated, finish_response
from app.web.context import WebContext
from app.web.dossiers import DossierError
from app.web.logmask import install_log_mask
from app.web.rendering import page
from app.web.routes import auth, intake, keying, records, review, supervision
from app.web.routes.intake import NotYours
from app.web.units import OtherUnit
from app.web.uploads import MB, RequestGate, TooLarge
from app.web.warmup import warm_up_in_background
from app.web.workers import preload_page_workers
from pipeline.config import Settings, settings
from pipeline.store import RecordNotFound

STATIC = Path(__file__).with_name("static")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _refuse(request: Request, status: int, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    return page(request, "error.html", status_code=status, message=message)


def create_app(s: Settings | None = None, jobs: int | None = None, secure_cookies: bool = False) -> FastAPI:
    ctx = WebContext(s or settings(), jobs=jobs, secure_cookies=secure_cookies)

    preload_page_workers()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        install_log_mask()  # after the server has set its logging up: personal numbers masked in every log
        ctx.workers.start()
        warm_up_in_background()
        yield
        ctx.close()

    app = FastAPI(title="sohoa", description="Tiếp nhận, kiểm tra và tra cứu hồ sơ số hóa.",
                  version="0.1.0", openapi_url="/api/openapi.json", docs_url="/api/docs", redoc_url=None,
                  swagger_ui_oauth2_redirect_url=None,
                  lifespan=lifespan)
    app.state.ctx = ctx
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for module in (auth, intake, records, review, supervision, keying):
        app.include_router(module.router)

    @app.exception_handler(Unauthenticated)
    async def _unauthenticated(request: Request, _exc: Unauthenticated) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": "Chưa đăng nhập."}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/dang-nhap?next={quote(target)}", status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, _exc: Forbidden) -> Response:
        return _refuse(request, 403, "Tài khoản của bạn không có quyền dùng chức năng này.")

    @app.exception_handler(CsrfFailed)
    async def _csrf(request: Request, _exc: CsrfFailed) -> Response:
        return _refuse(request, 403, "Phiên làm việc không hợp lệ hoặc đã hết hạn; hãy tải lại trang.")

    @app.exception_handler(TooLarge)
    async def _too_large(request: Request, exc: TooLarge) -> Response:
        response = _refuse(request, 413, str(exc.detail))
        response.headers["Connection"] = "close"  # the rest of the body is not read
        return response

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {404: "Không tìm thấy trang này.", 405: "Thao tác này không được hỗ trợ ở địa chỉ này."}
        return _refuse(request, exc.status_code, messages.get(exc.status_code, "Yêu cầu không thực hiện được."))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        message = "Dữ liệu gửi lên không hợp lệ."
        if _is_api(request):
            return JSONResponse({"detail": message, "errors": jsonable_encoder(exc.errors())}, status_code=422)
        return page(request, "error.html", status_code=422, message=message)

    @app.exception_handler(NotYours)
    async def _not_yours(request: Request, exc: NotYours) -> Response:
        return _refuse(request, 403, str(exc))

    @app.exception_handler(OtherUnit)
    async def _other_unit(request: Request, exc: OtherUnit) -> Response:
        message = (f"Bản ghi này thuộc đơn vị {exc.unit_code}, không phải đơn vị của bạn."
                   + (" Muốn xem để dùng lại, hãy nêu lý do (được ghi vào nhật ký)." if exc.reason_allowed
                      else " Chỉ đơn vị đó sửa được."))
        if _is_api(request):
            return JSONResponse({"detail": message, "unit_code": exc.unit_code,
                                 "access": f"/api/records/{exc.record_id}/access" if exc.reason_allowed else None},
                                status_code=403)
        if not exc.reason_allowed:
            return page(request, "error.html", status_code=403, message=message)
        return page(request, "other_unit.html", status_code=403, message=message, record_id=exc.record_id,
                    error=None)

    @app.exception_handler(DossierError)
    async def _dossier(request: Request, exc: DossierError) -> Response:
        return _refuse(request, 422, str(exc))

    @app.exception_handler(RecordNotFound)
    async def _missing(request: Request, _exc: RecordNotFound) -> Response:
        return _refuse(request, 404, "Không tìm thấy bản ghi này.")

    app.add_middleware(RequestGate, max_upload_bytes=ctx.settings.web_max_request_mb * MB)

    @app.middleware("http")
    async def _headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        finish_response(request, response)  # no-store, the renewed session cookie
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if not request.url.path.startswith("/api/docs"):
            response.headers.setdefault("Content-Security-Policy",
                                        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
        return response

    return app
