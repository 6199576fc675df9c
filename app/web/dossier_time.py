"""Vietnam time for what the screens show (UTC+07:00)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7))


def vn_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM).strftime("%H:%M:%S %d/%m/%Y")
