"""Route by route: every page and API call of the app names its roles; a user of another role gets 403,
an anonymous visitor gets a redirect to the login page (pages) or 401 (API) and no personal data, and a
state-changing request without the session's CSRF token is refused."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from app.web.auth import RoleGuard

from .conftest import ROLES

PUBLIC = {("GET", "/"), ("GET", "/dang-nhap"), ("POST", "/dang-nhap"), ("POST", "/api/login"),
          ("GET", "/api/openapi.json"), ("GET", "/api/docs"), ("GET", "/api/docs/oauth2-redirect")}


def guard_of(route: APIRoute) -> RoleGuard | None:
    for dep in route.dependant.dependencies:
        if isinstance(dep.call, RoleGuard):
            return dep.call
    return None


def api_routes(routes) -> list[APIRoute]:
    """Every APIRoute, also inside included routers (no prefixes are used by the app)."""
    found = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found.extend(api_routes(route.original_router.routes))
    return found


def guarded_routes(app) -> list[tuple[str, str, frozenset[str]]]:
    found = []
    for route in api_routes(app.routes):
        for method in sorted(route.methods - {"HEAD"}):
            if (method, route.path) in PUBLIC:
                continue
            guard = guard_of(route)
            assert guard is not None, f"{method} {route.path} has no role guard"
            found.append((method, route.path, guard.roles))
    return found


def concrete(path: str, intake) -> str:
    return (path.replace("{code}", intake.code).replace("{record_id}", str(intake.record_id))
            .replace("{index}", "1").replace("{number}", "1"))


def test_every_route_is_guarded_and_the_roles_are_as_designed(web_app):
    routes = {(m, p): roles for m, p, roles in guarded_routes(web_app)}
    assert len(routes) >= 25
    assert routes[("POST", "/tiep-nhan/{code}/duyet")] == {"tiep_nhan"}
    assert routes[("POST", "/api/dossiers")] == {"tiep_nhan"}
    assert routes[("GET", "/kiem-tra/{record_id}")] == {"kiem_tra"}
    assert routes[("POST", "/api/records/{record_id}/review")] == {"kiem_tra"}
    assert routes[("GET", "/thong-ke")] == {"giam_sat"}
    assert routes[("GET", "/api/stats")] == {"giam_sat"}
    assert routes[("GET", "/tra-cuu")] == set(ROLES)


def test_other_roles_get_403_everywhere(web_app, clients, intake):
    checked = 0
    for method, path, roles in guarded_routes(web_app):
        for role in set(ROLES) - roles:
            client, csrf = clients[role]
            reply = client.request(method, concrete(path, intake), headers={"X-CSRF-Token": csrf},
                                   follow_redirects=False)
            assert reply.status_code == 403, f"{role} {method} {path}: {reply.status_code}"
            assert intake.personal_id not in reply.text and intake.full_name not in reply.text
            checked += 1
    assert checked >= 30


def test_anonymous_gets_redirect_or_401_and_no_personal_data(web_app, intake):
    anonymous = TestClient(web_app)
    for method, path, _roles in guarded_routes(web_app):
        reply = anonymous.request(method, concrete(path, intake), follow_redirects=False)
        if path.startswith("/api/"):
            assert reply.status_code == 401, f"{method} {path}: {reply.status_code}"
        else:
            assert reply.status_code == 303, f"{method} {path}: {reply.status_code}"
            assert reply.headers["location"].startswith("/dang-nhap?next=")
        assert intake.personal_id not in reply.text and intake.full_name not in reply.text


@pytest.mark.parametrize("role, method, path", [
    ("tiep_nhan", "GET", "/tiep-nhan"), ("tiep_nhan", "GET", "/tiep-nhan/{code}"),
    ("tiep_nhan", "GET", "/tiep-nhan/{code}/bien-nhan"), ("tiep_nhan", "GET", "/tiep-nhan/{code}/anh/1/1"),
    ("kiem_tra", "GET", "/kiem-tra"), ("kiem_tra", "GET", "/api/review-queue"),
    ("giam_sat", "GET", "/thong-ke"), ("giam_sat", "GET", "/api/stats"), ("giam_sat", "GET", "/tai-khoan"),
    ("kiem_tra", "GET", "/ho-so/{record_id}"), ("giam_sat", "GET", "/api/records/{record_id}"),
    ("tiep_nhan", "GET", "/ho-so/{record_id}/anh/1"),
])
def test_the_role_itself_gets_through(clients, intake, role, method, path):
    client, _ = clients[role]
    reply = client.request(method, concrete(path, intake), follow_redirects=False)
    assert reply.status_code == 200, reply.text[:300]


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


def test_repeated_wrong_passwords_lock_the_name_for_a_while(web_app):
    client = TestClient(web_app)
    for _ in range(5):
        assert client.post("/api/login", json={"username": "user_kiem_tra", "password": "doan-mo"}).status_code == 401
    locked = client.post("/api/login", json={"username": "user_kiem_tra", "password": "mat-khau-thu-nghiem"})
    assert locked.status_code == 401 and "quá nhiều lần" in locked.json()["detail"]
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
