"""Return dates in working days: Monday to Friday, less Vietnam's public holidays as the ``holidays``
package computes them (Tết from the lunar calendar, days off in lieu), never a hand-kept list.

The rule (docs/web.md): a dossier received on a working day before the afternoon cut-off (15:00 Vietnam
time by default) counts from that day; one received at or after the cut-off, or on a day off, counts from
the next working day. The result is due ``working_days`` working days after that first day (0: on that
day), at the counter's return hour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

import holidays

from app.web.dossier_time import VIETNAM


@cache
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.Vietnam(years=year, language="vi")


def holiday_name(day: date) -> str | None:
    """The public holiday on ``day`` (Vietnamese name), or None."""
    return _holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def next_working_day(day: date) -> date:
    """The first working day strictly after ``day``."""
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, days: int) -> date:
    """``days`` working days after ``start`` (a working day; 0: ``start`` itself)."""
    day = start
    for _ in range(days):
        day = next_working_day(day)
    return day


@dataclass(frozen=True)
class CounterHours:
    cutoff: time = time(15, 0)  # received at or after this counts from the next working day
    return_at: time = time(16, 0)  # the hour written on the appointment


def first_counted_day(received: datetime, hours: CounterHours = CounterHours()) -> date:
    local = received.astimezone(VIETNAM)
    day = local.date()
    if is_working_day(day) and local.time() < hours.cutoff:
        return day
    return next_working_day(day)


def return_date(received: datetime, working_days: int, hours: CounterHours = CounterHours()) -> date:
    """The day the result is due for a dossier received at ``received`` (aware datetime)."""
    return add_working_days(first_counted_day(received, hours), working_days)


def appointment(received: datetime, working_days: int, hours: CounterHours = CounterHours()) -> datetime:
    """The appointment (Vietnam time) written on the receipt."""
    return datetime.combine(return_date(received, working_days, hours), hours.return_at, tzinfo=VIETNAM)


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is before)."""
    if end < start:
        return -working_days_between(end, start)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count
