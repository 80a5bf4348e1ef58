"""When the Day falls: its dates, its editions, and how long until the next, as pure
functions. No clock is read here; the caller passes "now".

The Day is 10 October every year from 2022 (edition 1). "Today" is a calendar date in some
time zone; turning an instant into that date is `date_in`, and the rest works on dates.
"""

from __future__ import annotations

import datetime as dt
import re

FIRST_YEAR = 2022
LAST_YEAR = dt.MAXYEAR  # the calendar's end
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)  # the years that have a Day
MONTH, DAY = 10, 10
FIRST_DAY = dt.date(FIRST_YEAR, MONTH, DAY)

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z", re.ASCII)
_VIETNAMESE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\Z", re.ASCII)


class DateFormError(ValueError):
    """The text is in neither date form (as opposed to a form naming a day that does not
    exist, such as 2026-02-29, which is a plain ValueError)."""


def parse_date(text: str) -> dt.date:
    """`YYYY-MM-DD` or the Vietnamese `DD/MM/YYYY`. Raises ValueError for anything else."""
    text = text.strip()
    iso = _ISO.match(text)
    vietnamese = _VIETNAMESE.match(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif vietnamese:
        day, month, year = (int(part) for part in vietnamese.groups())
    else:
        raise DateFormError(text)
    return dt.date(year, month, day)


def date_in(now: dt.datetime, zone: dt.tzinfo) -> dt.date:
    """The calendar date in `zone` at the aware instant `now`."""
    return now.astimezone(zone).date()


def day_of(year: int) -> dt.date:
    return dt.date(year, MONTH, DAY)


def is_day(today: dt.date) -> bool:
    return today.year >= FIRST_YEAR and (today.month, today.day) == (MONTH, DAY)


def next_day(today: dt.date) -> dt.date:
    """The first Day on or after `today`. Raises OverflowError past the calendar's end."""
    if today <= FIRST_DAY:
        return FIRST_DAY
    this_year = day_of(today.year)
    if today <= this_year:
        return this_year
    if today.year == LAST_YEAR:
        raise OverflowError(f"no 10 October after {today.isoformat()} in the calendar")
    return day_of(today.year + 1)


def days_until(today: dt.date) -> int:
    return (next_day(today) - today).days


def edition(year: int) -> int:
    """The Day of `year` is the edition-th one: 2022 is the 1st."""
    return year - FIRST_YEAR + 1


def latest_year(today: dt.date) -> int | None:
    """The year of the most recent Day on or before `today`, or None before the first."""
    if today < FIRST_DAY:
        return None
    return today.year if today >= day_of(today.year) else today.year - 1


def time_left_today(now: dt.datetime, zone: dt.tzinfo) -> dt.timedelta:
    """From the aware instant `now` to the midnight that ends its day in `zone`."""
    return _to_midnight(now, date_in(now, zone) + dt.timedelta(days=1), zone)


def time_until(now: dt.datetime, zone: dt.tzinfo) -> dt.timedelta:
    """From the aware instant `now` to the midnight starting the next Day in `zone` (zero on
    the Day)."""
    today = date_in(now, zone)
    return dt.timedelta(0) if is_day(today) else _to_midnight(now, next_day(today), zone)


def _to_midnight(now: dt.datetime, day: dt.date, zone: dt.tzinfo) -> dt.timedelta:
    """From `now` to the midnight starting `day` in `zone`. Both ends are taken to UTC first:
    Python subtracts two datetimes that share a tzinfo as wall-clock times, which would miss
    a daylight-saving change between them."""
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=zone)
    return midnight.astimezone(dt.timezone.utc) - now.astimezone(dt.timezone.utc)
