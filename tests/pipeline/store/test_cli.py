"""``sohoa search`` and ``sohoa export hotich`` on the default embedded setup (local folder + SQLite)."""

from __future__ import annotations

import json
import zipfile

import pytest
import typer
from typer.testing import CliRunner

from app.commands import search as search_commands
from pipeline.config import settings
from pipeline.store import Repository

from .samples import archive_pdf, birth_certificate, register_page, result


@pytest.fixture
def cli(tmp_path, monkeypatch) -> typer.Typer:
    monkeypatch.setenv("SOHOA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "200")  # the table fits on one line per record
    for name in ("SOHOA_DATABASE_URL", "SOHOA_S3_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    settings.cache_clear()
    repo = Repository.from_settings()
    repo.put(result("ks.pdf", birth_certificate()), actor="setup")
    repo.put(result("so.pdf", register_page("01/1985", "UBND xã Vân Đồn", 1, 1, 2)), actor="setup",
             archive=archive_pdf(1))
    repo.close()
    app = typer.Typer()
    search_commands.register(app)
    yield app
    settings.cache_clear()


def test_search_by_name_without_diacritics_json(cli):
    run = CliRunner().invoke(cli, ["search", "--name", "nguyen thi thu huong", "--json"])
    assert run.exit_code == 0, run.output
    [record] = json.loads(run.output)
    assert record["schema_id"] == "birth_certificate"
    assert record["people"][0]["full_name"] == "NGUYỄN THỊ THU HƯƠNG"


def test_search_table_and_not_found(cli):
    run = CliRunner().invoke(cli, ["search", "--personal-id", "022180000123"])
    assert run.exit_code == 0 and "NGUYỄN THỊ THU HƯƠNG" in run.output and "Giấy khai sinh" in run.output
    run = CliRunner().invoke(cli, ["search", "--personal-id", "001099000000"])
    assert run.exit_code == 0 and "Không tìm thấy" in run.output
    run = CliRunner().invoke(cli, ["search"])
    assert run.exit_code == 2


def test_export_hotich(cli, tmp_path):
    out = tmp_path / "so.zip"
    run = CliRunner().invoke(cli, ["export", "hotich", "--book", "01/1985", "--out", str(out)])
    assert run.exit_code == 0, run.output
    with zipfile.ZipFile(out) as bundle:
        assert len([n for n in bundle.namelist() if n.endswith(".pdf")]) == 2
    run = CliRunner().invoke(cli, ["export", "hotich", "--book", "09/2000", "--out", str(tmp_path / "none.zip")])
    assert run.exit_code == 2


def test_repository_from_settings_uses_s3_and_postgresql(tmp_path, monkeypatch, s3_endpoint, pg_url):
    monkeypatch.setenv("SOHOA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SOHOA_S3_ENDPOINT", s3_endpoint)
    monkeypatch.setenv("SOHOA_S3_ACCESS_KEY", "testing")
    monkeypatch.setenv("SOHOA_S3_SECRET_KEY", "testing")
    monkeypatch.setenv("SOHOA_S3_BUCKET", "sohoa-from-settings")
    monkeypatch.setenv("SOHOA_S3_RETENTION_DAYS", "7")
    monkeypatch.setenv("SOHOA_DATABASE_URL", pg_url)
    settings.cache_clear()
    try:
        repo = Repository.from_settings()
        status = repo.status()
        assert status["objects"]["backend"] == "s3" and status["objects"]["retention_days"] == 7
        assert status["catalog"].startswith("postgresql+psycopg://")
        [record] = repo.put(result("ks.pdf", birth_certificate()), actor="setup", archive=archive_pdf(1))
        assert repo.objects.exists(record.archive_key)
        assert not (tmp_path / "home" / "objects").exists()
        repo.close()
    finally:
        settings.cache_clear()


def test_search_person_view(cli):
    run = CliRunner().invoke(cli, ["search", "--personal-id", "022180000123", "--person", "--json"])
    assert run.exit_code == 0, run.output
    view = json.loads(run.output)
    assert view["names"] == ["NGUYỄN THỊ THU HƯƠNG"]
    assert [(link["role"], link["match"]) for link in view["links"]] == [("subject", "personal_id")]
