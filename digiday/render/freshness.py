"""How old the data is, told to the reader: what a missing part means, and a notice when a
Day has passed that the data cannot know.

The data is current as of a date (the latest `data_as_of` of its layers). A part of a Day
the data lacks means one thing for a Day on or before that date (its sources were checked
and did not give it) and another for a later Day (the data is older than the Day).
"""

from __future__ import annotations

import datetime as dt

from digiday.core import schedule
from digiday.core.model import Lang
from digiday.l10n.translate import tr

# Written as dates are written in Vietnam, in both languages: the contract's own form.
_DATE_FORM = "{day:02d}/{month:02d}/{year}"


def short_date(iso: str) -> str:
    """`2026-11-29` → `29/11/2026`."""
    day = dt.date.fromisoformat(iso)
    return _DATE_FORM.format(day=day.day, month=day.month, year=day.year)


def unknown(year: int | None, data_as_of: str, lang: Lang) -> str:
    """What stands where a part of the Day of `year` is missing, with the data's date:
    `(not found as of 29/11/2026)` or `(not yet in the data of 29/11/2026)`."""
    date = short_date(data_as_of)
    if year is not None and schedule.day_of(year) > dt.date.fromisoformat(data_as_of):
        return tr("(not yet in the data of {date})", lang, date=date)
    return tr("(not found as of {date})", lang, date=date)


def stale_notice(data_as_of: str, today: dt.date, lang: Lang) -> str | None:
    """The one line for stderr when the most recent Day (on or before `today`) is after the
    data's date; None when the data is newer than it."""
    from digiday.l10n.translate import ordinal

    year = schedule.latest_year(today)
    if year is None or schedule.day_of(year) <= dt.date.fromisoformat(data_as_of):
        return None
    day = schedule.day_of(year)
    # `pipx upgrade`, `uv tool upgrade` and `pip install -U` are how the tool is installed
    # (README, Install); a data file is the way that needs no release.
    return tr(
        "the data is as of {date}, before the {edition} National Digital Transformation Day "
        "({day}): for newer data, upgrade "
        "digiday (pipx upgrade digiday, uv tool upgrade digiday or pip install -U digiday) or "
        "lay a data file over it (see digiday validate --help)",
        lang,
        date=short_date(data_as_of),
        edition=ordinal(schedule.edition(year), lang),
        day=short_date(day.isoformat()),
    )
