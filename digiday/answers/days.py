"""The Days: `themes`, `editions`, `countdown` and `is-today`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from digiday.answers.arguments import year as checked_year
from digiday.answers.sources import edition_sources, said
from digiday.answers.today import countdown_of, today
from digiday.core import schedule
from digiday.core.model import Dataset, Edition, Lang, text_in
from digiday.l10n.translate import weekday

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.store.loader import Data


def _years(data: Data, year: object, today: dt.date, editions: bool) -> tuple[Dataset, list[int]]:
    """YEAR when given (checked before the data is read); else 2022 to the latest Day (for
    `editions`, the next) and any later year the data has a theme (or an edition) for."""
    chosen = None if year is None else checked_year(year)
    dataset = data.dataset
    if chosen is not None:
        return dataset, [chosen]
    if editions:
        last = max(schedule.next_day(today).year, *dataset.themes, *dataset.editions)
    else:
        last = max(schedule.latest_year(today) or schedule.FIRST_YEAR, *dataset.themes, 0)
    return dataset, list(range(schedule.FIRST_YEAR, last + 1))


def _theme(data: Dataset, year: int, lang: Lang) -> payloads.Theme:
    theme = data.themes.get(year)
    return {
        "year": year,
        "edition": schedule.edition(year),
        "theme": theme.theme.get(lang) if theme else None,
        "unofficial_translation": bool(theme and theme.unofficial_translation) and lang == "en",
        "note": text_in(theme and theme.note and theme.note.text, lang),
        "sources": list(theme.sources) if theme else [],
    }


def themes(data: Data, year: object, lang: Lang, today: dt.date) -> list[payloads.Theme]:
    """Each year's theme with its edition, or YEAR's alone."""
    dataset, years = _years(data, year, today, editions=False)
    return [_theme(dataset, each, lang) for each in years]


_CEREMONY = ("date", "place", "chaired_by", "organiser", "provinces", "note", "sources")
_PLAN = ("document", "date", "issuer", "note", "sources")


def day(data: Dataset, year: int, lang: Lang) -> payloads.BriefDay:
    """A Day as `info --brief` tells it, and as an edition begins."""
    theme, date = data.themes.get(year), schedule.day_of(year)
    return {
        "year": year,
        "edition": schedule.edition(year),
        "date": date.isoformat(),
        "weekday": weekday(date.weekday(), lang),
        "theme": theme.theme.get(lang) if theme else None,
    }


def editions(data: Data, year: object, lang: Lang, today: dt.date) -> list[payloads.Edition]:
    """Each Day as it happened: its theme, the year theme (a different thing), the national
    ceremony, the plan and the month; an unknown part is None."""
    dataset, years = _years(data, year, today, editions=True)
    result: list[payloads.Edition] = []
    for each in years:
        theme = _theme(dataset, each, lang)
        edition = dataset.editions.get(each) or Edition(each)  # nothing known: all None
        named = edition.year_theme
        payload = {
            **day(dataset, each, lang),
            "unofficial_translation": theme["unofficial_translation"],
            "theme_note": theme["note"],
            "year_theme": text_in(named.text if named else None, lang),
            "year_theme_by": text_in(named.by if named else None, lang),
            "year_theme_unofficial_translation": bool(named and named.unofficial_translation)
            and lang == "en",
            "ceremony": edition.ceremony and said(edition.ceremony, lang, *_CEREMONY),
            "plan": edition.plan and said(edition.plan, lang, *_PLAN),
            "month": text_in(edition.month.text if edition.month else None, lang),
            "sources": edition_sources(dataset, each),
        }
        result.append(cast("payloads.Edition", payload))
    return result


def countdown(
    data: Data, date: str | None, tz: str, lang: Lang, now: Callable[[], dt.datetime]
) -> payloads.Countdown:
    """Days until the next Day, from `date` (YYYY-MM-DD or DD/MM/YYYY) or today in `tz`."""
    when = today(date, tz, now)
    return countdown_of(data.dataset.themes, when.date, when.zone_name, lang)
