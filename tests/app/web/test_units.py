"""Need-to-know by unit (issue 16, finding 8): accounts belong to a unit, records and dossiers carry the unit
that received them; an officer of another unit finds nothing of them, opens one only with a stated reason
(an audit event), and corrects none; a colleague of the same unit reads a draft but does not change it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from fastapi.testclient import TestClient

from .conftest import PASSWORD, login, sample

OTHER_UNIT = "000.00.00.H50"
ROOT = Path(__file__).resolve().parents[3]


def _client(web_app, username: str, role: str, unit: str | None) -> tuple[TestClient, str]:
    users = web_app.state.ctx.users
    if users.by_name(username) is None:
        users.create(username, role, PASSWORD, "Cán bộ " + username, unit)
    client = TestClient(web_app)
    return client, login(client, username)


def test_another_units_officer_sees_nothing_and_opens_a_record_only_with_a_reason(web_app, intake):
    repo = web_app.state.ctx.repo
    record = repo.get(intake.record_id, actor="test")
    assert record.unit_code == repo.unit_code and intake.code.startswith(repo.unit_code + "-")
    other, csrf = _client(web_app, "can_bo_don_vi_b", "tiep_nhan", OTHER_UNIT)
    headers = {"X-CSRF-Token": csrf}
    assert other.get("/api/me").status_code == 200
    assert other.post("/api/records/search", json={"personal_id": intake.personal_id}, headers=headers).json() == []
    assert other.get("/api/records", params={"dossier_code": intake.code}).json() == []
    person = other.post("/api/people", json={"personal_id": intake.personal_id}, headers=headers).json()
    assert person["links"] == [] and person["names"] == []
    page = other.post("/tra-cuu", data={"ma_dinh_danh": intake.personal_id, "csrf_token": csrf})
    assert f"/ho-so/{intake.record_id}" not in page.text and intake.full_name not in page.text

    refused = other.get(f"/api/records/{intake.record_id}")
    assert refused.status_code == 403 and refused.json()["unit_code"] == repo.unit_code
    assert intake.full_name not in refused.text and intake.personal_id not in refused.text
    for path in (f"/ho-so/{intake.record_id}", f"/ho-so/{intake.record_id}/anh/1",
                 f"/ho-so/{intake.record_id}/ban-ky-so.pdf", f"/api/records/{intake.record_id}/signature"):
        reply = other.get(path)
        assert reply.status_code == 403, path
        assert not [v for v in intake.personal_values if v in reply.text], path
    assert 'action="/ho-so/' in other.get(f"/ho-so/{intake.record_id}").text, "the page asks for a reason"
    assert other.get(f"/api/dossiers/{intake.code}").status_code == 404
    assert intake.code not in other.get("/tiep-nhan").text

    short = other.post(f"/ho-so/{intake.record_id}/ly-do", data={"reason": "xem", "csrf_token": csrf})
    assert short.status_code == 422
    reason = "Công dân nộp hồ sơ kết hôn tại đơn vị B, cần dùng lại căn cước"
    opened = other.post(f"/ho-so/{intake.record_id}/ly-do", data={"reason": reason, "csrf_token": csrf},
                        follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"] == f"/ho-so/{intake.record_id}"
    assert other.get(f"/api/records/{intake.record_id}").status_code == 200
    assert other.get(f"/ho-so/{intake.record_id}").status_code == 200
    grants = [e for e in repo.audit_events(record.root_id) if e.action == "cross_unit_read"]
    assert [(e.actor, e.detail["reason"], e.detail["unit_code"], e.detail["record_unit"]) for e in grants] == [
        ("web:can_bo_don_vi_b", reason, OTHER_UNIT, repo.unit_code)]
    third, third_csrf = _client(web_app, "can_bo_don_vi_b2", "tiep_nhan", OTHER_UNIT)
    assert third.get(f"/api/records/{intake.record_id}").status_code == 403, "the reason opens it for one officer"
    api = third.post(f"/api/records/{intake.record_id}/access", json={"reason": reason},
                     headers={"X-CSRF-Token": third_csrf})
    assert api.status_code == 200 and third.get(f"/api/records/{intake.record_id}").status_code == 200


def test_another_units_verifier_cannot_correct_a_record(web_app, intake):
    verifier, csrf = _client(web_app, "kiem_tra_don_vi_b", "kiem_tra", OTHER_UNIT)
    assert verifier.get(f"/kiem-tra/{intake.record_id}").status_code == 403
    reply = verifier.post(f"/api/records/{intake.record_id}/review", json={"full_name": "NGUYỄN VĂN X"},
                          headers={"X-CSRF-Token": csrf})
    assert reply.status_code == 403 and reply.json()["access"] is None
    assert intake.record_id not in [r["id"] for r in verifier.get("/api/review-queue").json()]
    home = verifier.get("/kiem-tra")
    assert home.status_code == 200


def test_a_colleagues_draft_is_read_not_changed_and_dossiers_carry_their_unit(web_app, clients):
    owner, owner_csrf = clients["tiep_nhan"]
    card = sample("citizen_id_card_clean_")
    with card.open("rb") as fh:
        made = owner.post("/api/dossiers", files={"files": (card.name, fh, "image/png")},
                          headers={"X-CSRF-Token": owner_csrf})
    assert made.status_code == 200, made.text
    code = made.json()["dossier"]["code"]
    colleague, csrf = _client(web_app, "dong_nghiep_a", "tiep_nhan", None)
    assert colleague.get(f"/api/dossiers/{code}").status_code == 200
    page = colleague.get(f"/tiep-nhan/{code}")
    assert page.status_code == 200 and "chỉ xem được" in page.text and 'id="approve"' not in page.text
    headers = {"X-CSRF-Token": csrf}
    for method, path, body in (("POST", f"/api/dossiers/{code}/fields", {"f1.d0.full_name": "X"}),
                               ("POST", f"/api/dossiers/{code}/approve", None)):
        reply = colleague.request(method, path, json=body, headers=headers)
        assert reply.status_code == 403 and "cán bộ khác" in reply.json()["detail"], path
    saved = colleague.post(f"/tiep-nhan/{code}/luu", data={"csrf_token": csrf, "f1.d0.full_name": "X"})
    assert saved.status_code == 403
    assert owner.post(f"/api/dossiers/{code}/fields", json={"f1.d0.full_name": "LÊ ANH NGHĨA"},
                      headers={"X-CSRF-Token": owner_csrf}).status_code == 200, "its own officer still can"

    other, other_csrf = _client(web_app, "can_bo_don_vi_b3", "tiep_nhan", OTHER_UNIT)
    assert other.get(f"/api/dossiers/{code}").status_code == 404
    certificate = sample("birth_certificate_clean_")
    with certificate.open("rb") as fh:
        theirs = other.post("/api/dossiers", files={"files": (certificate.name, fh, "image/png")},
                            headers={"X-CSRF-Token": other_csrf})
    assert theirs.status_code == 200, theirs.text
    their_code = theirs.json()["dossier"]["code"]
    assert their_code.startswith(OTHER_UNIT + "-"), "the dossier code is the receiving unit's"
    assert their_code not in owner.get("/tiep-nhan").text and code not in other.get("/tiep-nhan").text


def test_create_user_takes_a_unit(tmp_path):
    env = {**os.environ, "SOHOA_HOME": str(tmp_path), "SOHOA_WEB_PASSWORD": "mat-khau-rat-dai"}
    env.pop("SOHOA_DATABASE_URL", None)
    run = [sys.executable, "-m", "app.cli", "serve", "--create-user"]
    made = subprocess.run([*run, "can_bo_02", "--role", "tiep_nhan", "--unit", OTHER_UNIT], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0 and f"đơn vị {OTHER_UNIT}" in made.stdout, made.stderr
    default = subprocess.run([*run, "can_bo_03", "--role", "kiem_tra"], env=env, cwd=ROOT, capture_output=True,
                             text=True, timeout=120)
    assert default.returncode == 0 and "đơn vị 000.00.00.H49" in default.stdout
    bad = subprocess.run([*run, "can_bo_04", "--role", "kiem_tra", "--unit", "H50"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "mã đơn vị" in bad.stderr and bad.stderr.count("\n") == 1


def test_an_older_catalog_gets_units_on_open(tmp_path):
    """A catalog of before units (revision 0002, accounts without a unit): the records of a dossier get the
    dossier's unit, the others and the accounts read as the configured unit."""
    from alembic import command

    from app.web.users import UserStore
    from pipeline.store.database import alembic_config, create_catalog_engine, open_catalog

    url = f"sqlite:///{tmp_path / 'catalog.sqlite'}"
    engine = create_catalog_engine(url)
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.exec_driver_sql("CREATE TABLE web_users (id INTEGER PRIMARY KEY, username VARCHAR(64) UNIQUE NOT NULL, "
                             "full_name VARCHAR(200) NOT NULL, role VARCHAR(16) NOT NULL, password_hash VARCHAR(200) "
                             "NOT NULL, active BOOLEAN NOT NULL, session_version INTEGER NOT NULL, "
                             "created_at DATETIME NOT NULL)")
        conn.exec_driver_sql("INSERT INTO web_users VALUES (1, 'cu', '', 'tiep_nhan', 'scrypt$x', 1, 1, "
                             "'2026-01-01 00:00:00')")
        conn.exec_driver_sql(f"INSERT INTO dossiers VALUES ('{OTHER_UNIT}-260101-0001', '{OTHER_UNIT}', 'web:cu', "
                             "'2026-01-01 00:00:00')")
        for rid, code in ((1, f"'{OTHER_UNIT}-260101-0001'"), (2, "NULL")):
            conn.exec_driver_sql(
                "INSERT INTO records (id, root_id, version, is_current, schema_id, source_sha256, doc_index, pages, "
                f"dossier_code, needs_review, extraction_key, extraction_sha256, status, created_by, created_at) "
                f"VALUES ({rid}, {rid}, 1, 1, 'birth_certificate', '{rid:064d}', 0, '[]', {code}, 0, 'k', 's', "
                "'extracted', 'x', '2026-01-01 00:00:00')")
        conn.commit()
    engine.dispose()
    upgraded = open_catalog(url)
    with upgraded.connect() as conn:
        units = dict(conn.execute(sa.text("SELECT id, unit_code FROM records")).all())
    assert units == {1: OTHER_UNIT, 2: None}
    assert UserStore(upgraded, "000.00.00.H49").by_name("cu").unit_code == "000.00.00.H49"
    upgraded.dispose()
