"""`digiday ics`: an RFC 5545 calendar, one all-day event a year. The only icalendar user.

Output is reproducible: UIDs are derived from the year, and DTSTAMP is the date the bundled
data is current as of, so two runs on the same data give the same bytes. icalendar folds
lines at 75 octets, ends them with CRLF and escapes text as the RFC says.
"""

from __future__ import annotations

import datetime as dt

from digiday import calendar
from digiday.i18n import ordinal, partial_date, word
from digiday.model import Dataset, Lang

PRODID = "-//digiday//National Digital Transformation Day//EN"


def render(data: Dataset, years: range, lang: Lang, stamp: dt.date) -> bytes:
    from icalendar import Calendar, Event

    day = word("day", lang)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", day)
    for year in years:
        theme = data.theme_for(year)
        lines = [word("ics_description", lang, day=day)]
        if theme is None:
            lines.append(word("ics_no_theme", lang))
        else:
            unofficial = theme.unofficial_translation and lang == "en"
            mark = f" ({word('unofficial', lang)})" if unofficial else ""
            lines.append(word("ics_theme", lang, theme=theme.theme.get(lang)) + mark)
        edition = data.edition_for(year)
        ceremony = edition.ceremony if edition else None
        if ceremony is not None and ceremony.date is not None:
            place = f", {ceremony.place.get(lang)}" if ceremony.place else ""
            when = partial_date(ceremony.date, lang)
            lines.append(f"{word('ceremony', lang)}: {when}{place}.")
        event = Event()
        event.add("uid", f"national-digital-transformation-day-{year}@digiday")
        event.add(
            "dtstamp", dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.timezone.utc)
        )
        event.add("dtstart", calendar.day_of(year))
        event.add("dtend", calendar.day_of(year) + dt.timedelta(days=1))
        event.add(
            "summary",
            word("ics_summary", lang, day=day, ordinal=ordinal(calendar.edition(year), lang)),
        )
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())
