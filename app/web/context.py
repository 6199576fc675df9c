"""What every request of the web app shares: the repository, accounts, sessions, the counter's dossiers."""

from __future__ import annotations

from pathlib import Path

from app.web.dossiers import DossierStore
from app.web.security import Security, load_secret
from app.web.stats import ReviewLog
from app.web.throttle import LoginThrottle
from app.web.users import UserStore
from app.web.workers import PageWorkers
from pipeline.config import Settings
from pipeline.store import Repository


class WebContext:
    def __init__(self, s: Settings, jobs: int | None = None, secure_cookies: bool = False):
        self.settings = s
        self.repo = Repository.from_settings(s)
        self.users = UserStore(self.repo.engine, s.unit_code)
        self.reviews = ReviewLog(self.repo.engine)
        self.security = Security(load_secret(s.home), idle_minutes=s.web_idle_minutes)
        self.workers = PageWorkers(jobs or s.jobs)
        self.dossiers = DossierStore(s.home / "web" / "intake", self.repo, self.reviews, self.workers, s.ocr_lang)
        self.cache: Path = s.home / "web" / "cache"
        self.secure_cookies = secure_cookies
        self.throttle = LoginThrottle()

    def close(self) -> None:
        self.workers.close()
        self.repo.close()
