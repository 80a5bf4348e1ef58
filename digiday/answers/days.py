"""The Days: `themes`, `editions`, `countdown` and `is-today`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from digiday.answers.arguments import year as checked_year
from digiday.answers.sources import edition_sources
from digiday.answers.today import countdown_of, today
from digiday.core import schedule
from digiday.core.model import Ceremony, Dataset, Lang, Note, Plan, YearTheme, text_in
from digiday.l10n.translate import weekday

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.store.loader import Data


def theme_years(data: Dataset, today: dt.date) -> list[int]:
    """2022 to the most recent Day, and any later year the data has a theme for."""
    latest = schedule.latest_year(today) or schedule.FIRST_YEAR
    return list(range(schedule.FIRST_YEAR, max(latest, *data.themes, 0) + 1))


def edition_years(data: Dataset, today: dt.date) -> list[int]:
    """2022 to the next Day, and any later year the data has a theme or an edition for."""
    upcoming = schedule.next_day(today).year
    return list(range(schedule.FIRST_YEAR, max(upcoming, *data.themes, *data.editions) + 1))


def _years(
    data: Data, year: object, today: dt.date, listing: Callable[[Dataset, dt.date], list[int]]
) -> tuple[Dataset, list[int]]:
    """YEAR when given (checked before the data is read), else what `listing` gives."""
    chosen = None if year is None else checked_year(year)
    dataset = data.dataset
    return dataset, [chosen] if chosen is not None else listing(dataset, today)


def _theme(data: Dataset, year: int, lang: Lang) -> payloads.Theme:
    theme = data.themes.get(year)
    note = theme.note if theme else None
    return {
        "year": year,
        "edition": schedule.edition(year),
        "theme": theme.theme.get(lang) if theme else None,
        "unofficial_translation": bool(theme and theme.unofficial_translation) and lang == "en",
        "note": text_in(note.text if note else None, lang),
        "sources": list(theme.sources) if theme else [],
    }


def themes(data: Data, year: object, lang: Lang, today: dt.date) -> list[payloads.Theme]:
    """Each year's theme with its edition, or YEAR's alone."""
    dataset, years = _years(data, year, today, theme_years)
    return [_theme(dataset, each, lang) for each in years]


def _ceremony(ceremony: Ceremony | None, lang: Lang) -> payloads.Ceremony | None:
    if ceremony is None:
        return None
    return {
        "date": ceremony.date,
        "place": text_in(ceremony.place, lang),
        "chaired_by": text_in(ceremony.chaired_by, lang),
        "organiser": text_in(ceremony.organiser, lang),
        "provinces": text_in(ceremony.provinces, lang),
        "note": text_in(ceremony.note, lang),
        "sources": list(ceremony.sources),
    }


def _plan(plan: Plan | None, lang: Lang) -> payloads.Plan | None:
    if plan is None:
        return None
    return {
        "document": plan.document.get(lang),
        "date": plan.date,
        "issuer": text_in(plan.issuer, lang),
        "note": text_in(plan.note, lang),
        "sources": list(plan.sources),
    }


def _note(note: Note | YearTheme | None, lang: Lang) -> str | None:
    return note.text.get(lang) if note else None


def editions(data: Data, year: object, lang: Lang, today: dt.date) -> list[payloads.Edition]:
    """Each Day as it happened: its theme, the year theme (a different thing), the national
    ceremony, the plan and the month; an unknown part is None."""
    dataset, years = _years(data, year, today, edition_years)
    result: list[payloads.Edition] = []
    for each in years:
        day = _theme(dataset, each, lang)
        edition = dataset.editions.get(each)
        year_theme = edition.year_theme if edition else None
        result.append(
            {
                "year": each,
                "edition": day["edition"],
                "date": schedule.day_of(each).isoformat(),
                "weekday": weekday(schedule.day_of(each).weekday(), lang),
                "theme": day["theme"],
                "unofficial_translation": day["unofficial_translation"],
                "theme_note": day["note"],
                "year_theme": _note(year_theme, lang),
                "year_theme_by": text_in(year_theme.by if year_theme else None, lang),
                "year_theme_unofficial_translation": bool(
                    year_theme and year_theme.unofficial_translation
                )
                and lang == "en",
                "ceremony": _ceremony(edition.ceremony if edition else None, lang),
                "plan": _plan(edition.plan if edition else None, lang),
                "month": _note(edition.month if edition else None, lang),
                "sources": list(edition_sources(dataset, each)),
            }
        )
    return result


def countdown(
    data: Data,
    date: str | None,
    tz: str,
    lang: Lang,
    now: Callable[[], dt.datetime],
    environ: Mapping[str, str] | None = None,
) -> payloads.Countdown:
    """Days until the next Day, from `date` (YYYY-MM-DD or DD/MM/YYYY) or today in `tz`."""
    when = today(date, tz, now, environ)
    return countdown_of(data.dataset.themes, when.date, when.zone_name, lang)
