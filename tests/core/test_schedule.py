"""Date logic against simple independent oracles, exhaustively and by property, plus the
boundaries where countdowns usually go wrong."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digiday.answers import today as today_module
from digiday.core import schedule

UTC = dt.timezone.utc
START, END = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def oracle_next_day(today: dt.date) -> dt.date:
    """Walk forward a day at a time until a 10 October from 2022 on."""
    day = today
    while not (day.month == 10 and day.day == 10 and day.year >= 2022):
        day += dt.timedelta(days=1)
    return day


def test_every_date_from_2000_to_2100_against_a_backward_scan() -> None:
    # Walk backwards from past the range: the most recent Day seen is each date's next Day.
    upcoming = dt.date(2101, 10, 10)
    day = dt.date(2101, 10, 10)
    checked = 0
    while day >= START:
        if day.month == 10 and day.day == 10 and day.year >= 2022:
            upcoming = day
        if day <= END:
            assert schedule.next_day(day) == upcoming, day
            assert schedule.days_until(day) == (upcoming - day).days, day
            assert schedule.is_day(day) == (upcoming == day), day
            checked += 1
        day -= dt.timedelta(days=1)
    assert checked == (END - START).days + 1


@settings(max_examples=300)
@given(st.dates(min_value=START, max_value=END))
def test_next_day_matches_a_forward_walk(today: dt.date) -> None:
    expected = oracle_next_day(today)
    assert schedule.next_day(today) == expected
    assert schedule.days_until(today) == (expected - today).days
    assert schedule.edition(expected.year) == expected.year - 2021


@settings(max_examples=300)
@given(st.dates(min_value=START, max_value=END))
def test_latest_year_is_the_last_day_on_or_before(today: dt.date) -> None:
    days = [dt.date(year, 10, 10) for year in range(2022, today.year + 1)]
    past = [day for day in days if day <= today]
    assert schedule.latest_year(today) == (past[-1].year if past else None)


offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: dt.timedelta(minutes=m))
instants = st.datetimes(
    min_value=dt.datetime(2000, 1, 2), max_value=dt.datetime(2100, 12, 30), timezones=st.just(UTC)
)


@settings(max_examples=500)
@given(instants, offsets)
def test_date_in_any_zone_from_utc_minus_12_to_plus_14(
    now: dt.datetime, offset: dt.timedelta
) -> None:
    zone = dt.timezone(offset)
    # Oracle: shift the UTC wall clock by the offset and read the date.
    assert schedule.date_in(now, zone) == (now.replace(tzinfo=None) + offset).date()


@settings(max_examples=500)
@given(instants, offsets)
def test_time_until_midnight_starting_the_day(now: dt.datetime, offset: dt.timedelta) -> None:
    zone = dt.timezone(offset)
    local = now.replace(tzinfo=None) + offset
    target = oracle_next_day(local.date())
    expected = (
        dt.timedelta(0)
        if target == local.date()
        else dt.datetime(target.year, target.month, target.day) - local
    )
    assert schedule.time_until(now, zone) == expected


@pytest.mark.parametrize(
    ("today", "days", "target"),
    [
        ("2026-10-09", 1, "2026-10-10"),
        ("2026-10-10", 0, "2026-10-10"),
        ("2026-10-11", 364, "2027-10-10"),
        ("2026-12-31", 283, "2027-10-10"),  # 1 day to 1 January, 282 more to its 283rd day
        ("2028-02-29", 224, "2028-10-10"),  # leap day: 29 Feb to 10 Oct 2028
        ("2027-10-10", 0, "2027-10-10"),
        ("2022-10-10", 0, "2022-10-10"),
        ("2022-10-11", 364, "2023-10-10"),
        ("2021-10-10", 365, "2022-10-10"),  # a 10 October before 2022 is not a Day
        ("2000-01-01", 8318, "2022-10-10"),
    ],
)
def test_boundary_dates(today: str, days: int, target: str) -> None:
    date = dt.date.fromisoformat(today)
    assert schedule.days_until(date) == days
    assert schedule.next_day(date) == dt.date.fromisoformat(target)
    assert schedule.is_day(date) == (days == 0)


def test_already_the_day_in_vietnam_while_still_the_9th_in_utc() -> None:
    hanoi = ZoneInfo("Asia/Ho_Chi_Minh")
    before = dt.datetime(2026, 10, 9, 16, 59, 59, tzinfo=UTC)  # 23:59:59 in Hanoi
    after = dt.datetime(2026, 10, 9, 17, 0, 0, tzinfo=UTC)  # 00:00:00 in Hanoi
    assert schedule.date_in(before, hanoi) == dt.date(2026, 10, 9)
    assert schedule.date_in(after, hanoi) == dt.date(2026, 10, 10)
    assert schedule.date_in(after, UTC) == dt.date(2026, 10, 9)
    assert schedule.time_until(before, hanoi) == dt.timedelta(seconds=1)
    assert schedule.time_until(after, hanoi) == dt.timedelta(0)


@given(
    st.datetimes(
        min_value=dt.datetime(1975, 6, 13),
        max_value=dt.datetime(2200, 1, 1),
        timezones=st.just(UTC),
    )
)
def test_the_default_zone_without_a_database_is_vietnams_time(now: dt.datetime) -> None:
    # The oracle is the IANA database: Vietnam has been UTC+7 without daylight saving since
    # 13 June 1975, so the fixed offset gives the same date and the same wait every time.
    hanoi = ZoneInfo("Asia/Ho_Chi_Minh")
    fixed = today_module.zone("Asia/Ho_Chi_Minh")[1]
    assert fixed.utcoffset(now) == hanoi.utcoffset(now)
    assert schedule.date_in(now, fixed) == schedule.date_in(now, hanoi)
    assert schedule.time_until(now, fixed) == schedule.time_until(now, hanoi)


@pytest.mark.parametrize(
    ("zone", "expected"),
    [("Pacific/Kiritimati", dt.date(2026, 10, 10)), ("Etc/GMT+12", dt.date(2026, 10, 8))],
)
def test_the_zones_furthest_apart(zone: str, expected: dt.date) -> None:
    # 10:30 UTC on the 9th is 00:30 on the 10th at UTC+14, and 22:30 on the 8th at UTC-12
    # (Etc/GMT+12: the sign is POSIX's, reversed).
    now = dt.datetime(2026, 10, 9, 10, 30, tzinfo=UTC)
    assert schedule.date_in(now, ZoneInfo(zone)) == expected


def test_daylight_saving_between_now_and_the_day_counts_real_time() -> None:
    # New York leaves summer time on 1 November 2026; from 1 October 2026 00:00 EDT to
    # 10 October 2026 00:00 EDT there is no change: exactly 9 days.
    new_york = ZoneInfo("America/New_York")
    now = dt.datetime(2026, 10, 1, tzinfo=new_york)
    assert schedule.time_until(now, new_york) == dt.timedelta(days=9)
    # From 1 March 2027 (EST) to 10 October 2027 (EDT) the clocks go forward an hour.
    march = dt.datetime(2027, 3, 1, tzinfo=new_york)
    wall_days = (dt.date(2027, 10, 10) - dt.date(2027, 3, 1)).days
    assert schedule.time_until(march, new_york) == dt.timedelta(days=wall_days, hours=-1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-10-10", dt.date(2026, 10, 10)),
        ("10/10/2026", dt.date(2026, 10, 10)),
        ("1/2/2027", dt.date(2027, 2, 1)),  # Vietnamese order: day first
        (" 2024-02-29 ", dt.date(2024, 2, 29)),
    ],
)
def test_parse_date(text: str, expected: dt.date) -> None:
    assert schedule.parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["2026-02-29", "31/04/2026", "2026/10/10", "10-10-2026", "", "2026-1-1", "١٠/١٠/٢٠٢٦"]
)
def test_parse_date_refuses(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each text fails for its own reason
        schedule.parse_date(text)


def test_no_day_after_the_calendar_ends() -> None:
    assert schedule.next_day(dt.date(9999, 10, 10)) == dt.date(9999, 10, 10)
    with pytest.raises(OverflowError):
        schedule.next_day(dt.date(9999, 10, 11))


@pytest.mark.parametrize(
    ("seconds", "lang", "expected"),
    [
        (
            315 * 86400 + 9 * 3600 + 15 * 60 + 33,
            "en",
            "Until 00:00 on 10 October 2027: 315 days 09:15:33 to go",
        ),
        (59, "vi", "Đến 0 giờ ngày 10/10/2027: còn 0 ngày 00:00:59"),
        (-5, "en", "Until 00:00 on 10 October 2027: 0 days 00:00:00 to go"),
    ],
)
def test_watch_line(seconds: int, lang: str, expected: str) -> None:
    from digiday.interactive.watch import remaining

    left = dt.timedelta(seconds=seconds)
    assert remaining(left, dt.date(2027, 10, 10), "vi" if lang == "vi" else "en") == expected


@pytest.mark.parametrize(
    ("now", "lang", "expected"),
    [
        # 05:00 on the Day in Hanoi: 19 hours of it left, not "0 days to go".
        (
            dt.datetime(2026, 10, 9, 22, 0, tzinfo=UTC),
            "en",
            "Today is the Day: 19:00:00 of it left",
        ),
        (dt.datetime(2026, 10, 10, 16, 59, 59, tzinfo=UTC), "vi", "Hôm nay là Ngày: còn 00:00:01"),
        # 23:00 on the eve: one hour to go, to this year's Day.
        (
            dt.datetime(2026, 10, 9, 16, 0, tzinfo=UTC),
            "en",
            "Until 00:00 on 10 October 2026: 0 days 01:00:00 to go",
        ),
        # The first instant after the Day: 364 whole days (2027 is not a leap year).
        (
            dt.datetime(2026, 10, 10, 17, 0, tzinfo=UTC),
            "en",
            "Until 00:00 on 10 October 2027: 364 days 00:00:00 to go",
        ),
    ],
)
def test_the_live_line_on_the_day_and_around_it(now: dt.datetime, lang: str, expected: str) -> None:
    from digiday.interactive.watch import live_line

    hanoi = ZoneInfo("Asia/Ho_Chi_Minh")
    assert live_line(now, hanoi, "vi" if lang == "vi" else "en") == expected


@pytest.mark.parametrize(
    ("today", "latest"),
    [
        ("2022-10-09", None),  # before the first Day
        ("2022-10-10", 2022),  # the first Day itself
        ("2026-10-09", 2025),
        ("2026-10-10", 2026),  # on the Day, that Day is the latest
        ("2026-10-11", 2026),
    ],
)
def test_the_latest_day_counts_the_day_itself(today: str, latest: int | None) -> None:
    assert schedule.latest_year(dt.date.fromisoformat(today)) == latest


def test_the_wait_is_taken_in_the_zone_not_on_the_machines_clock() -> None:
    # 17:30 UTC on the 9th is 00:30 on the Day in Hanoi: no wait there, though in UTC (the
    # machine's clock in the tests) it is still the 9th.
    hanoi = ZoneInfo("Asia/Ho_Chi_Minh")
    now = dt.datetime(2026, 10, 9, 17, 30, tzinfo=UTC)
    assert schedule.time_until(now, hanoi) == dt.timedelta(0)
    assert schedule.time_left_today(now, hanoi) == dt.timedelta(hours=23, minutes=30)
