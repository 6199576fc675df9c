"""Route by route: every route of the app (``app.routes`` walked, included routers and mounts too) is in the
table below with the roles the design gives it, so a new route cannot escape: the test fails until it is
added. A user of another role gets 403 on every page and API call, with none of the personal data the
request asked for; an anonymous visitor gets a redirect to the login page (pages) or 401 (API) and no
personal data either, public pages included; each role gets through on every page it may read; a
state-changing request without the session's CSRF token is refused."""

from __future__ import annotations

from pathlib import Path

from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from app.web.auth import RoleGuard

from .conftest import ROLES

T, K, G, D, L = "tiep_nhan", "kiem_tra", "giam_sat", "tham_dinh", "lanh_dao"
STEPS = frozenset({T, D, L})  # the officers of a dossier's five steps
ALL = frozenset(ROLES)
PUBLIC = {("GET", "/"), ("GET", "/dang-nhap"), ("POST", "/dang-nhap"), ("POST", "/api/login"),
          ("GET", "/api/openapi.json"), ("GET", "/api/docs")}
# The design (docs/web.md): every guarded (method, path) and the roles that may use it.
EXPECTED: dict[tuple[str, str], frozenset[str]] = {
    ("POST", "/dang-xuat"): ALL, ("POST", "/api/logout"): ALL, ("GET", "/api/me"): ALL,
    ("GET", "/tiep-nhan"): {T}, ("POST", "/tiep-nhan"): {T}, ("GET", "/tiep-nhan/{code}"): {T},
    ("POST", "/tiep-nhan/{code}/tep"): {T}, ("POST", "/tiep-nhan/{code}/luu"): {T},
    ("POST", "/tiep-nhan/{code}/duyet"): {T}, ("POST", "/tiep-nhan/{code}/phan-loai"): {T},
    ("GET", "/tiep-nhan/{code}/bien-nhan"): {T}, ("GET", "/tiep-nhan/{code}/anh/{index}/{number}"): STEPS,
    ("POST", "/tiep-nhan/{code}/dung-lai"): {T},
    ("POST", "/api/dossiers"): {T}, ("GET", "/api/dossiers/{code}"): {T},
    ("POST", "/api/dossiers/{code}/fields"): {T}, ("POST", "/api/dossiers/{code}/classify"): {T},
    ("POST", "/api/dossiers/{code}/approve"): {T}, ("POST", "/api/dossiers/{code}/reuse/{record_id}"): {T},
    ("GET", "/tra-cuu"): ALL, ("POST", "/tra-cuu"): ALL, ("GET", "/ho-so/{record_id}"): ALL,
    ("POST", "/ho-so/{record_id}/ly-do"): ALL, ("GET", "/ho-so/{record_id}/anh/{number}"): ALL,
    ("GET", "/ho-so/{record_id}/ban-ky-so.pdf"): ALL, ("GET", "/api/records"): ALL,
    ("POST", "/api/records/search"): ALL, ("POST", "/api/people"): ALL, ("GET", "/api/people/{token}"): ALL,
    ("GET", "/api/records/{record_id}"): ALL, ("GET", "/api/records/{record_id}/signature"): ALL,
    ("POST", "/api/records/{record_id}/access"): ALL,
    ("GET", "/kiem-tra"): {K}, ("GET", "/kiem-tra/tiep-theo"): {K}, ("GET", "/kiem-tra/{record_id}"): {K},
    ("POST", "/kiem-tra/{record_id}/phan-loai"): {K}, ("POST", "/kiem-tra/{record_id}"): {K},
    ("GET", "/api/review-queue"): {K}, ("POST", "/api/records/{record_id}/review"): {K},
    ("GET", "/thong-ke"): {G}, ("GET", "/api/stats"): {G}, ("GET", "/api/stats/live"): {G}, ("GET", "/tai-khoan"): {G},
    ("GET", "/danh-sach"): ALL, ("GET", "/danh-sach/ho-so"): ALL, ("GET", "/api/records/list"): ALL,
    ("POST", "/tai-khoan"): {G}, ("POST", "/tai-khoan/{username}/trang-thai"): {G},
    # the five steps (docs/web.md): counter, appraiser, leader, and the papers any of them prints
    ("POST", "/tiep-nhan/{code}/thong-tin"): {T}, ("POST", "/tiep-nhan/{code}/tiep-nhan-ho-so"): {T},
    ("POST", "/tiep-nhan/{code}/huy"): {T}, ("POST", "/tiep-nhan/{code}/nhan-bo-sung"): {T},
    ("POST", "/tiep-nhan/{code}/hen-lai"): {T}, ("POST", "/tiep-nhan/{code}/tra-ket-qua"): {T},
    ("GET", "/tham-dinh"): {D}, ("GET", "/tham-dinh/{code}"): {D}, ("POST", "/tham-dinh/{code}/luu"): {D},
    ("POST", "/tham-dinh/{code}/chuyen"): {D}, ("POST", "/tham-dinh/{code}/bo-sung"): {D},
    ("POST", "/tham-dinh/{code}/tu-choi"): {D},
    ("GET", "/phe-duyet"): {L}, ("GET", "/phe-duyet/{code}"): {L}, ("POST", "/phe-duyet/{code}/duyet"): {L},
    ("POST", "/phe-duyet/{code}/tra-lai"): {L}, ("POST", "/phe-duyet/{code}/tu-choi"): {L},
    ("POST", "/phe-duyet/{code}/ky-lai"): {L}, ("POST", "/tiep-nhan/{code}/ky-lai"): {T},
    ("POST", "/api/dossiers/{code}/resign"): {T},
    # the five steps as a JSON API (docs/web.md): the same steps, the same roles as the screens
    ("GET", "/api/cases/{code}"): STEPS, ("POST", "/api/cases/{code}/details"): {T},
    ("POST", "/api/cases/{code}/receive"): {T}, ("POST", "/api/cases/{code}/cancel"): {T},
    ("POST", "/api/cases/{code}/supplement-received"): {T}, ("POST", "/api/cases/{code}/reschedule"): {T},
    ("POST", "/api/cases/{code}/return"): {T}, ("POST", "/api/cases/{code}/appraise"): {D},
    ("POST", "/api/cases/{code}/request-supplement"): {D}, ("POST", "/api/cases/{code}/refuse"): {D, L},
    ("POST", "/api/cases/{code}/approve"): {L}, ("POST", "/api/cases/{code}/resign"): {L},
    ("POST", "/api/cases/{code}/send-back"): {L},
    ("GET", "/ho-so-tthc/{code}/phieu/{kind}"): STEPS, ("GET", "/ho-so-tthc/{code}/phieu/{kind}/ban-in.pdf"): STEPS,
    # keying handwritten register columns (docs/handwriting.md): the verifier's work
    ("GET", "/nhap-cot/{column_id}"): {K}, ("GET", "/nhap-cot/{column_id}/o/{cell_id}.png"): {K},
    ("POST", "/api/keying"): {K}, ("GET", "/api/keying/{column_id}"): {K},
    ("POST", "/api/keying/{column_id}/cells/{cell_id}"): {K},
}
# Queries that ask for the stored person's data (so that a refusal is checked where it matters); a personal
# number is never in an address (POST bodies and the opaque person token carry it).
QUERIES = {"/tra-cuu": "ma_ho_so={code}", "/api/records": "dossier_code={code}", "/api/stats/live": "once=1"}
# GET routes that answer a permitted user with a redirect rather than a page.
REDIRECTS = {"/kiem-tra/tiep-theo"}
# GET routes that answer a permitted user "not there yet": the fixture's dossier was only digitized, it has
# no receipt of the five steps, and no column of handwritten cells has been sent for keying.
NOT_YET = {"/ho-so-tthc/{code}/phieu/{kind}", "/ho-so-tthc/{code}/phieu/{kind}/ban-in.pdf",
           "/nhap-cot/{column_id}", "/nhap-cot/{column_id}/o/{cell_id}.png", "/api/keying/{column_id}"}


def guard_of(route: APIRoute) -> RoleGuard | None:
    for dep in route.dependant.dependencies:
        if isinstance(dep.call, RoleGuard):
            return dep.call
    return None


def all_routes(routes) -> list:
    """Every route of the app, also inside included routers (the app uses no prefixes)."""
    found = []
    for route in routes:
        if hasattr(route, "original_router"):
            found.extend(all_routes(route.original_router.routes))
        else:
            found.append(route)
    return found


def endpoints(app) -> dict[tuple[str, str], RoleGuard | None]:
    """(method, path) → its role guard, for every route of the app; a kind of route the test does not know
    (a websocket, another mount) fails here, so it cannot go unchecked."""
    found: dict[tuple[str, str], RoleGuard | None] = {}
    for route in all_routes(app.routes):
        if isinstance(route, Mount):
            assert route.path == "/static" and isinstance(route.app, StaticFiles), f"unexpected mount {route.path}"
            continue
        assert isinstance(route, APIRoute | Route), f"a route the role test does not know: {route!r}"
        for method in route.methods - {"HEAD"}:
            found[(method, route.path)] = guard_of(route) if isinstance(route, APIRoute) else None
    return found


def guarded_routes(app) -> list[tuple[str, str, frozenset[str]]]:
    return [(m, p, frozenset(EXPECTED[(m, p)])) for m, p in sorted(endpoints(app)) if (m, p) not in PUBLIC]


def concrete(path: str, intake, with_query: bool = True) -> str:
    values = {"code": intake.code, "record_id": str(intake.record_id), "index": "1", "number": "1",
              "kind": "tiep-nhan", "column_id": "khong-co", "cell_id": "1",
              "token": intake.person_token, "username": "user_kiem_tra"}
    url = path.format(**values)  # a new path parameter fails here until it is given a value
    if with_query and path in QUERIES:
        url += "?" + QUERIES[path].format(**values)
    return url


def leaked(intake, text: str) -> list[str]:
    return [value for value in intake.personal_values if value in text]


def test_every_route_is_in_the_table_and_guarded_as_designed(web_app):
    found = endpoints(web_app)
    assert set(found) == set(EXPECTED) | PUBLIC, "a route missing from EXPECTED (or one gone)"
    for key, guard in found.items():
        if key in PUBLIC:
            continue
        assert guard is not None, f"{key} has no role guard"
        assert guard.roles == frozenset(EXPECTED[key]), f"{key}: {sorted(guard.roles)}"
    assert len(EXPECTED) == 88


def test_a_new_route_would_not_escape_the_table(web_app):
    """The walk sees a route added later, in an included router or directly as a plain Starlette route."""
    from fastapi import APIRouter

    extra = APIRouter()
    extra.add_api_route("/moi", lambda: {"x": 1}, methods=["GET"])
    before = len(web_app.router.routes)
    web_app.include_router(extra)
    web_app.add_route("/tho", lambda _request: None, methods=["POST"])
    try:
        found = endpoints(web_app)
        assert found[("GET", "/moi")] is None and found[("POST", "/tho")] is None
        assert set(found) - set(EXPECTED) - PUBLIC == {("GET", "/moi"), ("POST", "/tho")}
    finally:
        del web_app.router.routes[before:]
    assert set(endpoints(web_app)) == set(EXPECTED) | PUBLIC


def test_other_roles_get_403_everywhere(web_app, clients, intake):
    checked = 0
    for method, path, roles in guarded_routes(web_app):
        for role in set(ROLES) - roles:
            client, csrf = clients[role]
            reply = client.request(method, concrete(path, intake), headers={"X-CSRF-Token": csrf},
                                   follow_redirects=False)
            assert reply.status_code == 403, f"{role} {method} {path}: {reply.status_code}"
            assert not leaked(intake, reply.text), f"{role} {method} {path}: {leaked(intake, reply.text)}"
            checked += 1
    assert checked == sum(len(ALL - frozenset(roles)) for roles in EXPECTED.values())  # 175


def test_anonymous_gets_redirect_or_401_and_no_personal_data(web_app, intake):
    anonymous = TestClient(web_app)
    for method, path, _roles in guarded_routes(web_app):
        reply = anonymous.request(method, concrete(path, intake), follow_redirects=False)
        if path.startswith("/api/"):
            assert reply.status_code == 401, f"{method} {path}: {reply.status_code}"
        else:
            assert reply.status_code == 303, f"{method} {path}: {reply.status_code}"
            assert reply.headers["location"].startswith("/dang-nhap?next=")
        assert not leaked(intake, reply.text), f"{method} {path}"


def test_public_pages_show_no_personal_data(web_app, intake):
    anonymous = TestClient(web_app)
    for method, path in sorted(PUBLIC):
        reply = anonymous.request(method, path, follow_redirects=True)
        assert reply.status_code < 500, f"{method} {path}"
        assert not leaked(intake, reply.text), f"{method} {path}"
    folder = Path(next(r for r in web_app.routes if isinstance(r, Mount)).app.directory)
    for asset in folder.iterdir():
        reply = anonymous.get(f"/static/{asset.name}")
        assert reply.status_code == 200 and not leaked(intake, reply.text)


def test_each_role_reads_every_page_it_may(web_app, clients, intake):
    checked = 0
    for method, path, roles in guarded_routes(web_app):
        if method != "GET":
            continue  # the state-changing calls are exercised by the flow tests
        for role in roles:
            client, _ = clients[role]
            reply = client.get(concrete(path, intake), follow_redirects=False)
            want = 303 if path in REDIRECTS else 404 if path in NOT_YET else 200
            assert reply.status_code == want, f"{role} GET {path}: {reply.status_code} {reply.text[:200]}"
            checked += 1
    assert checked == sum(len(roles) for (m, _), roles in EXPECTED.items() if m == "GET")  # 60


def test_posts_without_the_csrf_token_are_refused(clients, intake):
    client, _csrf = clients["tiep_nhan"]
    assert client.post("/tiep-nhan/" + intake.code + "/luu", data={"f1.d0.full_name": "X"}).status_code == 403
    assert client.post("/api/dossiers/" + intake.code + "/fields", json={}).status_code == 403
    assert client.post("/api/dossiers/" + intake.code + "/fields", json={},
                       headers={"X-CSRF-Token": "gia.mao"}).status_code == 403
    other, other_csrf = clients["kiem_tra"]
    # a token from another session does not pass either
    assert client.post("/api/dossiers/" + intake.code + "/fields", json={},
                       headers={"X-CSRF-Token": other_csrf}).status_code == 403


def test_a_tampered_session_cookie_is_anonymous(web_app, clients):
    client, _ = clients["giam_sat"]
    cookie = client.cookies.get("sohoa_session")
    body, mac = cookie.rsplit(".", 1)
    forged = TestClient(web_app)
    forged.cookies.set("sohoa_session", body + "." + mac[:-2] + ("AA" if not mac.endswith("AA") else "BB"))
    assert forged.get("/api/stats").status_code == 401


def test_wrong_password_is_refused_and_says_so_in_vietnamese(web_app):
    client = TestClient(web_app)
    page = client.get("/dang-nhap")
    import re

    prelogin = re.search(r'name="prelogin" value="([^"]+)"', page.text).group(1)
    reply = client.post("/dang-nhap", data={"username": "user_giam_sat", "password": "sai-mat-khau",
                                             "prelogin": prelogin}, follow_redirects=False)
    assert reply.status_code == 401
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in reply.text
    assert client.get("/api/me").status_code == 401


def test_repeated_wrong_passwords_make_the_name_wait(web_app):
    client = TestClient(web_app)
    for _ in range(5):
        assert client.post("/api/login", json={"username": "user_kiem_tra", "password": "doan-mo"}).status_code == 401
    held = client.post("/api/login", json={"username": "user_kiem_tra", "password": "mat-khau-thu-nghiem"})
    assert held.status_code == 429 and "thử lại sau" in held.json()["detail"]
    web_app.state.ctx.throttle.succeeded("user_kiem_tra")  # other tests of this module log in as this user
    assert client.post("/api/login", json={"username": "user_kiem_tra",
                                           "password": "mat-khau-thu-nghiem"}).status_code == 200


def test_errors_are_in_vietnamese(web_app, clients):
    client, _ = clients["kiem_tra"]
    assert "Không tìm thấy trang này." in client.get("/khong-co").text
    assert client.get("/api/khong-co").json()["detail"] == "Không tìm thấy trang này."
    assert client.get("/ho-so/abc").status_code == 422
    assert "Dữ liệu gửi lên không hợp lệ." in client.get("/ho-so/abc").text
    assert client.get("/ho-so/999999").status_code == 404
    assert client.get("/api/records/999999").json()["detail"] == "Không tìm thấy bản ghi này."


def test_logout_ends_the_session_and_a_locked_account_cannot_work(web_app, clients):
    from .conftest import PASSWORD, login

    web_app.state.ctx.users.create("tam_thoi", "kiem_tra", PASSWORD, "Phạm Văn Tạm")
    first, second = TestClient(web_app), TestClient(web_app)
    csrf = login(first, "tam_thoi")
    login(second, "tam_thoi")
    stolen = dict(first.cookies)
    assert first.post("/dang-xuat", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    replay = TestClient(web_app, cookies=stolen)
    assert replay.get("/api/review-queue").status_code == 401, "a copied cookie is dead after logout"
    assert second.get("/api/review-queue").status_code == 401, "logout ends every session of the account"

    third = TestClient(web_app)
    login(third, "tam_thoi")
    supervisor, supervisor_csrf = clients["giam_sat"]
    locked = supervisor.post("/tai-khoan/tam_thoi/trang-thai", data={"active": "0", "csrf_token": supervisor_csrf},
                             follow_redirects=False)
    assert locked.status_code == 303
    assert third.get("/api/review-queue").status_code == 401
    assert TestClient(web_app).post("/api/login", json={"username": "tam_thoi",
                                                        "password": PASSWORD}).status_code == 401
    supervisor.post("/tai-khoan/tam_thoi/trang-thai", data={"active": "1", "csrf_token": supervisor_csrf})
    assert TestClient(web_app).post("/api/login", json={"username": "tam_thoi",
                                                        "password": PASSWORD}).status_code == 200
