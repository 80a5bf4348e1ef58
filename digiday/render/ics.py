"""`digiday ics`: an RFC 5545 calendar, one all-day event a year. The only icalendar user.

Output is reproducible: UIDs are derived from the year, and DTSTAMP is the date the bundled
data is current as of, so two runs on the same data give the same bytes. icalendar folds
lines at 75 octets, ends them with CRLF and escapes text as the RFC says.

A calendar subscribed to the file must still see an event change: each year's event has a
revision (SEQUENCE and LAST-MODIFIED). The bundled revisions are kept in data/meta.yaml with
a digest of what each event says; `python3 scripts/ledger.py` moves a year to its next
revision when its event changes, and a test fails while they are stale. An event that a
`--data` file changes is one revision past the bundled one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import TYPE_CHECKING, NamedTuple

from digiday.core import schedule
from digiday.core.model import LANGS, NOTHING, Dataset, Lang
from digiday.l10n.translate import ordinal, partial_date, tr

if TYPE_CHECKING:
    from collections.abc import Mapping

PRODID = "-//digiday//National Digital Transformation Day//EN"
# A year far from any data: what its event says is what every year without facts says, so
# the digest of its event stands for theirs in the ledger (`calendar_rest`).
REST_YEAR = 2100


class Revision(NamedTuple):
    digest: str  # of what the event says, in both languages
    sequence: int
    modified: str  # YYYY-MM-DD


class Event(NamedTuple):
    summary: str
    description: str
    url: str | None  # the theme's first source
    categories: tuple[str, ...]


def event(data: Dataset, year: int, lang: Lang) -> Event:
    """What the calendar says of `year`'s Day, in `lang`."""
    day = tr("National Digital Transformation Day", lang)
    theme = data.themes.get(year)
    lines = [tr("10 October every year is {day} (Decision 505/QĐ-TTg).", lang, day=day)]
    if theme is not None:  # none known: no line, not a placeholder for years to come
        unofficial = theme.unofficial_translation and lang == "en"
        mark = f" ({tr('unofficial translation', lang)})" if unofficial else ""
        lines.append(tr("Theme: {theme}", lang, theme=theme.theme.get(lang)) + mark)
    edition = data.editions.get(year)
    ceremony = edition.ceremony if edition else None
    if ceremony is not None and ceremony.date is not None:
        place = f", {ceremony.place.get(lang)}" if ceremony.place else ""
        when = partial_date(ceremony.date, lang)
        lines.append(f"{tr('National ceremony', lang)}: {when}{place}.")
    first = data.sources.get(theme.sources[0]) if theme is not None and theme.sources else None
    return Event(
        summary=tr("{ordinal} {day}", lang, day=day, ordinal=ordinal(schedule.edition(year), lang)),
        description="\n".join(lines),
        url=first.url if first is not None else None,
        # Not a holiday (in Vietnam National Day is 2 September): what it is about.
        categories=(tr("Digital transformation", lang), tr("Vietnam", lang)),
    )


def digest(data: Dataset, year: int) -> str:
    """A fingerprint of what `year`'s event says, in both languages."""
    said = json.dumps([event(data, year, lang) for lang in LANGS], ensure_ascii=False)
    return hashlib.sha256(said.encode("utf-8")).hexdigest()[:16]


def revision(
    data: Dataset, year: int, bundled: Mapping[int, Revision], rest: Revision, as_of: str
) -> Revision:
    """The event's revision: the bundled one while it says the same, else the next one,
    modified as of the data's date (`as_of`). A year the bundled revisions do not list
    says what every year says with no facts about it (`NOTHING`), at the revision `rest`."""
    current = digest(data, year)
    known = bundled.get(year) or Revision(digest(NOTHING, year), rest.sequence, rest.modified)
    if known.digest == current:
        return known
    return Revision(current, known.sequence + 1, max(known.modified, as_of))


def render(
    data: Dataset,
    years: range,
    lang: Lang,
    stamp: dt.date,
    bundled: Mapping[int, Revision],
    rest: Revision,
    as_of: str,
) -> bytes:
    """The calendar; `stamp` (DTSTAMP) is the date the bundled data was last checked as of,
    `as_of` the date of the data in use (a changed event's LAST-MODIFIED)."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", tr("National Digital Transformation Day", lang))
    for year in years:
        said = event(data, year, lang)
        rev = revision(data, year, bundled, rest, as_of)
        entry = CalendarEvent()
        entry.add("uid", f"national-digital-transformation-day-{year}@digiday")
        entry.add("dtstamp", _midnight_utc(stamp))
        entry.add("last-modified", _midnight_utc(dt.date.fromisoformat(rev.modified)))
        entry.add("sequence", rev.sequence)
        entry.add("dtstart", schedule.day_of(year))
        entry.add("dtend", schedule.day_of(year) + dt.timedelta(days=1))
        entry.add("summary", said.summary)
        entry.add("description", said.description)
        if said.url:
            entry.add("url", said.url)
        entry.add("categories", list(said.categories))
        entry.add("transp", "TRANSPARENT")
        cal.add_component(entry)
    return bytes(cal.to_ical())


def _midnight_utc(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)
