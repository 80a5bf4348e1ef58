"""What today is, and where: --date, --tz and the clock, checked."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from typing import NamedTuple

from digiday.messages import error
from digiday.model import Lang
from digiday.options import DEFAULT_ZONE


class Today(NamedTuple):
    date: dt.date
    zone_name: str
    zone: dt.tzinfo


# Vietnam has kept UTC+07:00, with no daylight saving, since 13 June 1975, so today's date
# there needs no time-zone database; importing zoneinfo (which reads sysconfig to find one)
# would cost a default countdown more than everything else it does.
VIETNAM = dt.timezone(dt.timedelta(hours=7), "+07")


def zone(name: str, lang: Lang) -> dt.tzinfo:
    if name == "local":
        return local_zone()[1]
    if name == DEFAULT_ZONE:
        return VIETNAM
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError, UnicodeError):
        error("zone", lang, value=name)


def local_zone(
    environ: Mapping[str, str] | None = None, localtime: str = "/etc/localtime"
) -> tuple[str, dt.tzinfo]:
    """This machine's zone and its name: TZ when it names an IANA zone, else the zone that
    /etc/localtime links to, else the current UTC offset (`UTC+07:00`)."""
    from zoneinfo import ZoneInfo

    environ = os.environ if environ is None else environ
    candidates = [environ.get("TZ", "").removeprefix(":")]
    if not candidates[0]:
        target = os.path.realpath(localtime)
        if "/zoneinfo/" in target:
            candidates.append(target.split("/zoneinfo/", 1)[1])
    for candidate in candidates:
        if candidate and not candidate.startswith("/"):
            try:
                return candidate, ZoneInfo(candidate)
            except (KeyError, ValueError, OSError, UnicodeError):
                pass
    local = dt.datetime.now().astimezone().tzinfo
    assert local is not None  # astimezone() always sets one
    offset = dt.datetime.now(local).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}", local


def today(
    date_text: str | None, zone_name: str, lang: Lang, now: Callable[[], dt.datetime]
) -> Today:
    """Today's date in the zone, or the date given with --date (the zone is still checked)."""
    from digiday import calendar

    if zone_name == "local":  # resolved once: its name and its zone together
        zone_name, tz = local_zone()
    else:
        tz = zone(zone_name, lang)
    if date_text is None:
        return Today(calendar.date_in(now(), tz), zone_name, tz)
    try:
        return Today(calendar.parse_date(date_text), zone_name, tz)
    except calendar.DateFormError:
        error("date_form", lang, value=date_text)
    except ValueError:
        error("date_missing", lang, value=date_text)
