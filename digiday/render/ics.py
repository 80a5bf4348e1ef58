"""`digiday ics`: an RFC 5545 calendar, one all-day event a year, the same bytes for the
same data. A subscribed calendar sees an event change by its revision (SEQUENCE,
LAST-MODIFIED), kept in data/meta.yaml with a digest of what it says (scripts/ledger.py); an
event a `--data` file changes is one revision past the bundled one."""

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

UTC = dt.timezone.utc
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
    modified as of `as_of`. A year not listed says what a year without facts says
    (`NOTHING`), at the revision `rest`."""
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
    """The calendar; `stamp` (DTSTAMP) is the bundled data's date, `as_of` the date of the
    data in use (a changed event's LAST-MODIFIED)."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    cal = Calendar()
    heading = {"prodid": PRODID, "version": "2.0", "calscale": "GREGORIAN", "method": "PUBLISH"}
    for key, value in heading.items():
        cal.add(key, value)
    cal.add("x-wr-calname", tr("National Digital Transformation Day", lang))
    for year in years:
        said = event(data, year, lang)
        rev = revision(data, year, bundled, rest, as_of)
        entry = CalendarEvent()
        entry.add("uid", f"national-digital-transformation-day-{year}@digiday")
        entry.add("dtstamp", dt.datetime.combine(stamp, dt.time(), UTC))
        entry.add("last-modified", dt.datetime.fromisoformat(rev.modified).replace(tzinfo=UTC))
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
