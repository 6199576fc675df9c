"""Return dates count working days: weekends and the public holidays of the ``holidays`` package (Tết by the
lunar calendar), with the afternoon cut-off. The holiday dates in these tests are taken from the library."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import holidays

from app.counter.workdays import (
    appointment,
    first_counted_day,
    is_working_day,
    return_date,
    working_days_between,
)
from app.web.dossier_time import VIETNAM


def tet_2027() -> list[date]:
    """The days off of Tết Nguyên Đán 2027 as the library has them."""
    calendar = holidays.Vietnam(years=2027, language="vi")
    return sorted(day for day, name in calendar.items() if "Tết" in name and day.month in (1, 2) and day.day > 1)


def test_a_return_date_across_tet_2027_skips_the_holidays_from_the_library():
    tet = tet_2027()
    assert len(tet) >= 5, tet  # the library's calendar, not ours: 29 Tết to mùng năm in 2027
    before = tet[0] - timedelta(days=1)
    while not is_working_day(before):
        before -= timedelta(days=1)
    received = datetime.combine(before, datetime.min.time(), tzinfo=VIETNAM).replace(hour=9)
    due = return_date(received, 3)
    expected, counted, day = None, 0, before
    while counted < 3:  # the same count, by hand, from the library's holidays and the weekday
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in tet:
            counted += 1
    expected = day
    assert due == expected
    assert due > tet[-1]
    assert all(not is_working_day(d) for d in tet)
    assert working_days_between(before, due) == 3


def test_after_the_cut_off_the_count_starts_the_next_working_day():
    friday = date(2026, 12, 4)
    assert friday.weekday() == 4
    morning = datetime(2026, 12, 4, 10, 0, tzinfo=VIETNAM)
    late = datetime(2026, 12, 4, 15, 0, tzinfo=VIETNAM)
    assert first_counted_day(morning) == friday
    assert first_counted_day(late) == date(2026, 12, 7)  # Monday
    assert return_date(morning, 0) == friday  # same-day procedures
    assert return_date(late, 0) == date(2026, 12, 7)
    assert return_date(morning, 3) == date(2026, 12, 9)
    assert appointment(morning, 0).hour == 16


def test_a_dossier_received_on_a_holiday_counts_from_the_next_working_day():
    national_day = next(d for d, n in holidays.Vietnam(years=2027, language="vi").items() if n == "Quốc khánh")
    received = datetime.combine(national_day, datetime.min.time(), tzinfo=VIETNAM).replace(hour=9)
    start = first_counted_day(received)
    assert start > national_day and is_working_day(start)
    assert all(not is_working_day(national_day + timedelta(days=k)) for k in range((start - national_day).days))


def test_utc_times_are_read_in_vietnam_time():
    from datetime import UTC

    # 08:30 UTC is 15:30 in Hà Nội: after the cut-off
    assert first_counted_day(datetime(2026, 12, 3, 8, 30, tzinfo=UTC)) == date(2026, 12, 4)
