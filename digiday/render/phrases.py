"""What the renderers for people (text, markdown, the calendar) say alike: a Day's date, a
ceremony in a line, the gap to a target, and how old the data is.

The data is current as of a date (the latest `data_as_of` of its layers). A part of a Day
the data lacks means one thing for a Day on or before that date (its sources were checked
and did not give it) and another for a later Day (the data is older than the Day).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from digiday.core import schedule
from digiday.core.constants import Lang
from digiday.l10n.translate import gap, long_date, ordinal, partial_date, tr

if TYPE_CHECKING:
    from digiday.answers import payloads


def as_of(iso: str, lang: Lang) -> str:
    """`2026-12-01` as each language writes a date: `1 December 2026`, `1/12/2026`."""
    day = dt.date.fromisoformat(iso)
    return long_date(day.year, day.month, day.day, lang)


def unknown(year: int | None, data_as_of: str, lang: Lang) -> str:
    """What stands where a part of the Day of `year` is missing, with the data's date:
    `(not found as of 1 December 2026)` or `(not yet in the data of 1 December 2026)`."""
    date = as_of(data_as_of, lang)
    if year is not None and schedule.day_of(year) > dt.date.fromisoformat(data_as_of):
        return tr("(not yet in the data of {date})", lang, date=date)
    return tr("(not found as of {date})", lang, date=date)


def stale_notice(data_as_of: str, today: dt.date, lang: Lang) -> str | None:
    """The one line for stderr when the most recent Day (on or before `today`) is after the
    data's date; None when the data is newer than it."""
    year = schedule.latest_year(today)
    if year is None or schedule.day_of(year) <= dt.date.fromisoformat(data_as_of):
        return None
    return tr(
        "the data is as of {date}, before the {edition} National Digital Transformation Day "
        "({day}): for newer data, install digiday again from where it came from, updated "
        "(git pull in a checkout), or lay a data file over it (see digiday validate --help)",
        lang,
        date=as_of(data_as_of, lang),
        edition=ordinal(schedule.edition(year), lang),
        day=as_of(schedule.day_of(year).isoformat(), lang),
    )


def ceremony_summary(ceremony: payloads.Ceremony | None, lang: Lang) -> str | None:
    """`12/10/2024, Trụ sở Chính phủ, Hà Nội`: an edition payload's ceremony, when and where."""
    if ceremony is None:
        return None
    when = partial_date(ceremony["date"], lang) if ceremony["date"] else None
    return ", ".join(part for part in (when, ceremony["place"]) if part) or None


def day_of(day: payloads.Countdown | payloads.Edition) -> dt.date:
    """The date of a Day's payload (its `date`, YYYY-10-10)."""
    return dt.date.fromisoformat(day["date"])


def day_date(day: payloads.Countdown | payloads.Edition, lang: Lang) -> str:
    """`Sunday, 10 October 2027` / `Chủ Nhật, 10/10/2027`: a Day's payload's weekday and date."""
    when = day_of(day)
    return f"{day['weekday']}, {long_date(when.year, when.month, when.day, lang)}"


def gap_words(short_by: float, target: payloads.Target, lang: Lang) -> str:
    """`5.98 points short of 20% of GDP (2025)`: a measured payload's `short_by` against
    the target payload it was measured against."""
    # short_by is a number only where the target has one, with its unit (answers/targets.py).
    assert target["target_figure"] is not None
    assert target["unit"] is not None
    return gap(short_by, target["target_figure"], target["year"], target["unit"], lang)


def brief(said: payloads.Brief, lang: Lang, data_as_of: str) -> list[tuple[str, str]]:
    """`info --brief` as sentences, each with its part's name: what the Day is, the most
    recent Day, the next one, and who leads it now."""
    from digiday.l10n.translate import catalogue

    def day(of: payloads.BriefDay) -> str:
        when = dt.date.fromisoformat(of["date"])
        return f"{of['weekday']}, {long_date(when.year, when.month, when.day, lang)}"

    lines = [("what", said["what"]["text"])] if said["what"] else []
    latest = said["latest"]
    if latest is not None:
        theme = latest["theme"] or unknown(latest["year"], data_as_of, lang)
        lines.append(
            (
                "latest",
                tr(
                    "The most recent Day was the {ordinal}, on {date}; its theme: {theme}",
                    lang,
                    ordinal=ordinal(latest["edition"], lang),
                    date=day(latest),
                    theme=theme,
                ),
            )
        )
    coming = said["next"]
    next_line = catalogue(lang).ngettext(
        "The next is the {ordinal}, on {date}: in {days} day",
        "The next is the {ordinal}, on {date}: in {days} days",
        coming["days"],
    )
    if coming["days"] == 0:
        next_line = tr("Today is the {ordinal}, on {date}", lang)
    lines.append(
        (
            "next",
            next_line.format(
                ordinal=ordinal(coming["edition"], lang), date=day(coming), days=coming["days"]
            ),
        )
    )
    if said["lead"] is not None:
        lines.append(("lead", tr("Led by: {body}", lang, body=said["lead"]["name"])))
    return lines
