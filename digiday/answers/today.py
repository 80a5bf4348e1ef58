"""What today is, and where (--date, --tz and the clock, checked), and the countdown from it.

The fast path imports this module: it needs neither the model nor the data, and has no
`from __future__ import annotations` (see digiday/environment.py)."""

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from digiday.core import schedule
from digiday.core.constants import DEFAULT_ZONE, Lang
from digiday.errors import fail
from digiday.l10n.translate import N_, weekday

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.core.model import Theme


class Today(NamedTuple):
    date: dt.date
    zone_name: str
    zone: dt.tzinfo


# Vietnam has kept UTC+07:00, with no daylight saving, since 13 June 1975, so today's date
# there needs no time-zone database; importing zoneinfo (which reads sysconfig to find one)
# would cost a default countdown more than everything else it does.
VIETNAM = dt.timezone(dt.timedelta(hours=7), "+07")

# The shape of an IANA zone name (America/Argentina/Buenos_Aires is as deep as they go),
# checked before zoneinfo sees a name: one of hundreds of parts makes it recurse until
# Python gives up. Compiled on first use (re's cache): the fast path seldom needs it.
_ZONE_NAME = r"[A-Za-z0-9_+-]{1,64}(/[A-Za-z0-9_+-]{1,64}){0,4}"


def zone(name: str, environ: Mapping[str, str] | None = None) -> tuple[str, dt.tzinfo]:
    """The zone `--tz` names, and the name to show for it (the real zone's, for `local`)."""
    if name == "local":
        return local_zone(environ)
    found = (name, VIETNAM) if name == DEFAULT_ZONE else _named(name)
    if found is None:
        fail(
            N_("unknown time zone {value} (use an IANA name such as Asia/Ho_Chi_Minh, or local)"),
            value=name,
        )
    return found


def local_zone(
    environ: Mapping[str, str] | None = None, localtime: str = "/etc/localtime"
) -> tuple[str, dt.tzinfo]:
    """This machine's zone and its name, with its real rules wherever they can be had: from TZ
    (an IANA name, `:Asia/Tokyo`; a zone file's path; a POSIX rule, `EST5EDT,M3.2.0,M11.1.0`),
    else /etc/localtime (the zone it links to, or the file itself when it is a copy), else the
    current UTC offset, named plainly (`UTC+07:00`), which knows no rules."""
    variable = (os.environ if environ is None else environ).get("TZ", "").removeprefix(":")
    if variable:
        found = _named(variable) or _from_file(variable) or _posix_rule(variable)
    else:
        target = os.path.realpath(localtime)
        linked = _named(target.split("/zoneinfo/", 1)[1]) if "/zoneinfo/" in target else None
        found = linked or _from_file(localtime)
    return found or _fixed_offset()


def _named(name: str) -> tuple[str, dt.tzinfo] | None:
    if not re.fullmatch(_ZONE_NAME, name):
        return None
    from zoneinfo import ZoneInfo

    try:
        return name, ZoneInfo(name)
    except Exception:  # zoneinfo fails on a bad or cut zone file in many ways: no zone then
        return None


def _from_file(path: str) -> tuple[str, dt.tzinfo] | None:
    """A zone file read by its path: a copied /etc/localtime, or TZ=/path/to/zone."""
    if not path.startswith("/"):
        return None
    from zoneinfo import ZoneInfo

    try:
        with open(path, "rb") as file:
            found = ZoneInfo.from_file(file)
    except Exception:  # as in _named, and the file may not be there
        return None
    name = path.split("/zoneinfo/", 1)[1] if "/zoneinfo/" in path else path
    return name, found


def _posix_rule(rule: str) -> tuple[str, dt.tzinfo] | None:
    """A POSIX TZ rule, read by zoneinfo's own rule parser: it is the footer of a zone file,
    so a file with no transitions and that footer is the rule itself, for every year."""
    import io
    import struct
    from zoneinfo import ZoneInfo

    if not rule.isascii() or len(rule) > 100 or "\n" in rule or not rule[:1].isalpha():
        return None
    # Version 2 header, one local time type (UTC, "UTC"), no transitions, then the same in
    # the 64-bit block, then the rule.
    counts = struct.pack(">6l", 0, 0, 0, 0, 1, 4)
    block = counts + struct.pack(">lbB", 0, 0, 0) + b"UTC\0"
    header = b"TZif2" + bytes(15)
    data = header + block + header + block + b"\n" + rule.encode() + b"\n"
    try:
        return rule, ZoneInfo.from_file(io.BytesIO(data))
    except Exception:  # as in _named: a rule zoneinfo cannot read
        return None


def _fixed_offset() -> tuple[str, dt.tzinfo]:
    local = dt.datetime.now().astimezone().tzinfo
    assert local is not None  # astimezone() always sets one
    offset = dt.datetime.now(local).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}", local


def today(
    date_text: str | None,
    zone_name: str,
    now: Callable[[], dt.datetime],
    environ: Mapping[str, str] | None = None,
) -> Today:
    """Today's date in the zone, or the date given with --date (the zone is still checked)."""
    zone_name, tz = zone(zone_name, environ)  # `local` resolved once: its name and its zone
    if date_text is None:
        return Today(schedule.date_in(now(), tz), zone_name, tz)
    try:
        return Today(schedule.parse_date(date_text), zone_name, tz)
    except schedule.DateFormError:
        fail(N_("not a date {value} (write YYYY-MM-DD or DD/MM/YYYY)"), value=date_text)
    except (ValueError, OverflowError):
        fail(
            N_("no such day as {value} in the calendar (write YYYY-MM-DD or DD/MM/YYYY)"),
            value=date_text,
        )


def days_left(day: dt.date) -> int:
    """Days from `day` to the next Day (0 on the Day)."""
    try:
        return schedule.days_until(day)
    except OverflowError:
        fail(N_("no 10 October after {value} in the calendar"), value=day.isoformat())


def countdown_of(
    themes: "Mapping[int, Theme]", day: dt.date, zone_name: str, lang: Lang
) -> "payloads.Countdown":
    """The countdown from `day` (today in the zone named), told with the next Day's theme
    where `themes` has it."""
    left = days_left(day)
    target = day + dt.timedelta(days=left)
    theme = themes.get(target.year)
    return {
        "today": day.isoformat(),
        "timezone": zone_name,
        "date": target.isoformat(),
        "days": left,
        "is_today": schedule.is_day(day),
        "edition": schedule.edition(target.year),
        "weekday": weekday(target.weekday(), lang),
        "theme": theme.theme.get(lang) if theme else None,
    }
