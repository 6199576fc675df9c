"""Configuration from environment variables (CONTRACT.md), optionally from a ``sohoa.toml``.

Every setting is optional; with none set everything runs on one machine with embedded defaults.
The environment wins over the file. The file is looked up in the working directory, then in SOHOA_HOME.
"""

from __future__ import annotations

import os
import stat
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel


class Limits(BaseModel):
    """Input limits that make a decompression bomb a refusal (DESIGN.md, ingest)."""

    max_bytes: int = 512 * 1024 * 1024
    max_pages: int = 2000
    max_pixels: int = 120_000_000  # per page, e.g. A3 at 600 dpi is ~70 Mpx
    max_render_dpi: int = 400


class Settings(BaseModel):
    home: Path = Path("~/.sohoa").expanduser()
    s3_endpoint: str | None = None
    s3_access_key: str | None = None
    s3_secret_key: str | None = None
    s3_bucket: str = "sohoa"
    s3_secure: bool = False
    database_url: str | None = None
    signer: str | None = None
    signer_pin: str | None = None
    tsa_url: str | None = None
    unit_code: str = "000.00.00.H49"
    agency_name: str = "UBND TỈNH QUẢNG NINH"
    ocr_lang: str = "vie"
    jobs: int = max(1, os.cpu_count() or 1)
    limits: Limits = Limits()
    web_max_file_mb: int = 50  # one uploaded file at the counter (docs/web.md)
    web_max_request_mb: int = 200  # one upload request, all its files together
    web_idle_minutes: float = 30  # a web session ends after this long without a request (docs/web.md)
    second_recognizer: Literal["on", "off"] = "on"  # poorly read lines read again by the ONNX line recognizer

    @property
    def catalog_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'catalog.sqlite'}"


_ENV = {
    "SOHOA_HOME": "home",
    "SOHOA_S3_ENDPOINT": "s3_endpoint",
    "SOHOA_S3_ACCESS_KEY": "s3_access_key",
    "SOHOA_S3_SECRET_KEY": "s3_secret_key",
    "SOHOA_S3_BUCKET": "s3_bucket",
    "SOHOA_S3_SECURE": "s3_secure",
    "SOHOA_DATABASE_URL": "database_url",
    "SOHOA_SIGNER": "signer",
    "SOHOA_SIGNER_PIN": "signer_pin",
    "SOHOA_TSA_URL": "tsa_url",
    "SOHOA_UNIT_CODE": "unit_code",
    "SOHOA_AGENCY_NAME": "agency_name",
    "SOHOA_JOBS": "jobs",
    "SOHOA_WEB_MAX_FILE_MB": "web_max_file_mb",
    "SOHOA_WEB_MAX_REQUEST_MB": "web_max_request_mb",
    "SOHOA_WEB_IDLE_MINUTES": "web_idle_minutes",
    "SOHOA_SECOND_RECOGNIZER": "second_recognizer",
}

PRIVATE_UMASK = 0o077


def keep_private() -> None:
    """Files and folders this process creates from now on are its owner's only (umask 077: 0600 files,
    0700 folders): the catalog, the stored scans, the counter's uploads, keys."""
    os.umask(PRIVATE_UMASK)


def private_tree(root: Path) -> Path:
    """``root`` (created if missing) as a folder only its owner may enter, mode 0700. Found open to others
    (made by an older sohoa or under another umask), everything under it is tightened once: folders 0700,
    files lose their group and other bits (a read-only object stays read-only). Symbolic links are left."""
    root = Path(root).expanduser()
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    if stat.S_IMODE(root.stat().st_mode) & 0o077:
        for folder, _dirs, files in os.walk(root):
            os.chmod(folder, 0o700)
            for name in files:
                path = os.path.join(folder, name)
                info = os.lstat(path)
                if stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077:
                    os.chmod(path, stat.S_IMODE(info.st_mode) & 0o700)
    return root


def _file_values() -> dict:
    home = Path(os.environ.get("SOHOA_HOME", "~/.sohoa")).expanduser()
    for candidate in (Path("sohoa.toml"), home / "sohoa.toml"):
        if candidate.is_file():
            with candidate.open("rb") as fh:
                data = tomllib.load(fh)
            return data.get("sohoa", data)
    return {}


def load_settings() -> Settings:
    values = _file_values()
    for env, key in _ENV.items():
        if env in os.environ and os.environ[env] != "":
            values[key] = os.environ[env]
    if isinstance(values.get("home"), str):
        values["home"] = Path(values["home"]).expanduser()
    if isinstance(values.get("second_recognizer"), str):
        values["second_recognizer"] = values["second_recognizer"].strip().lower()
    if isinstance(values.get("s3_secure"), str):
        values["s3_secure"] = values["s3_secure"].lower() in ("1", "true", "yes", "on")
    return Settings(**values)


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The process-wide settings (cached); tests call ``settings.cache_clear()`` after changing env.

    The first call of a process (every command reads its settings before it writes anything) also sets
    umask 077 (``keep_private``) and, when SOHOA_HOME exists, makes it 0700 (``private_tree``)."""
    keep_private()
    loaded = load_settings()
    if loaded.home.is_dir():
        private_tree(loaded.home)
    return loaded
