"""The Python API: the answers of the command line, as the JSON payloads of `--json`.

    >>> import digiday, datetime
    >>> digiday.countdown(today=datetime.date(2026, 11, 28))["days"]
    316
    >>> digiday.is_day(datetime.date(2026, 10, 10))
    True

Each function returns what `digiday <command> --json` puts under `<command>` for the same
arguments (plain dicts and lists). `data` is a sequence of paths laid over the data layers
in use (digiday.layers), as `--data` is. A bad argument raises ValueError, with the message
the command line would print; a bad data file raises DataError, whose `problems` are those
`digiday validate` lists. Nothing here imports Typer, Rich or (for the bundled data) PyYAML.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from digiday import calendar, choices, views
from digiday.data import DataError as DataError  # re-exported: digiday.DataError
from digiday.data import Loaded
from digiday.errors import Failure
from digiday.l10n import N_
from digiday.model import DEFAULT_ZONE, LANGS, ROLES, SECTIONS, Lang

# The public names are digiday/__init__.py's `__all__`.

T = TypeVar("T")


def _answer(call: Callable[[], T]) -> T:
    """`call()`, with the command line's usage errors as ValueError (DataError stays)."""
    try:
        return call()
    except DataError:
        raise
    except Failure as failure:
        raise ValueError(failure.text("en")) from None


def _lang(lang: str) -> Lang:
    chosen = choices.choose(lang, LANGS, N_("language"))
    return "vi" if chosen == "vi" else "en"


def _loaded(data: Sequence[str]) -> Loaded:
    from digiday import data as loader
    from digiday import layers

    given = [data] if isinstance(data, str) else list(data)  # one path, not its letters
    return loader.load_all(layers.user_files(given, os.environ))


def _in_vietnam() -> dt.date:
    from digiday import clock
    from digiday.today import today

    return today(None, DEFAULT_ZONE, clock.now).date


def is_day(date: dt.date) -> bool:
    """Whether `date` is a National Digital Transformation Day (10 October, 2022 on)."""
    return calendar.is_day(date)


def next_day(today: dt.date) -> dt.date:
    """The next Day on or after `today` (today counts)."""
    return calendar.next_day(today)


def data_as_of(data: Sequence[str] = ()) -> str:
    """The date (YYYY-MM-DD) the data in use is current as of."""
    return _loaded(data).data_as_of


def countdown(
    today: dt.date | None = None,
    tz: str = DEFAULT_ZONE,
    lang: str = "en",
    data: Sequence[str] = (),
) -> dict[str, Any]:
    """Days until the next Day, its edition, weekday and theme (`countdown --json`)."""

    def answer() -> dict[str, Any]:
        from digiday import clock
        from digiday.today import today as today_in

        chosen = _lang(lang)
        when = today_in(None if today is None else today.isoformat(), tz, clock.now)
        result: dict[str, Any] = views.countdown(
            _loaded(data).dataset, when.date, when.zone_name, chosen
        )
        return result

    return _answer(answer)


def themes(year: int | None = None, lang: str = "en", data: Sequence[str] = ()) -> list[Any]:
    """Each year's theme with its edition (`themes --json`); with `year`, that year alone."""

    def answer() -> list[Any]:
        dataset = _loaded(data).dataset
        years = [choices.year(year)] if year is not None else None
        chosen = years or views.theme_years(dataset, _in_vietnam())
        result: list[Any] = views.themes(dataset, chosen, _lang(lang))
        return result

    return _answer(answer)


def editions(year: int | None = None, lang: str = "en", data: Sequence[str] = ()) -> list[Any]:
    """Each Day as it happened (`editions --json`); with `year`, that Day alone."""

    def answer() -> list[Any]:
        dataset = _loaded(data).dataset
        years = [choices.year(year)] if year is not None else None
        chosen = years or views.edition_years(dataset, _in_vietnam())
        result: list[Any] = views.editions(dataset, chosen, _lang(lang))
        return result

    return _answer(answer)


def agencies(role: str | None = None, lang: str = "en", data: Sequence[str] = ()) -> list[Any]:
    """Who organises the Day and what each body must do (`agencies --json`)."""

    def answer() -> list[Any]:
        chosen = choices.choose(role, ROLES, N_("role")) if role is not None else None
        result: list[Any] = views.agencies(_loaded(data).dataset, chosen, _lang(lang))
        return result

    return _answer(answer)


def info(section: str | None = None, lang: str = "en", data: Sequence[str] = ()) -> dict[str, Any]:
    """What the Day is (`info --json`): every section, or `section` alone."""

    def answer() -> dict[str, Any]:
        sections = (
            (choices.choose(section, SECTIONS, N_("section")),) if section is not None else SECTIONS
        )
        result: dict[str, Any] = views.info(_loaded(data).dataset, sections, _lang(lang))
        return result

    return _answer(answer)


def search(query: str | Sequence[str], lang: str = "en", data: Sequence[str] = ()) -> list[Any]:
    """Every piece of content holding all the words of `query` (`search --json`); an empty
    list when nothing matches."""
    from digiday import data as loader
    from digiday import finder

    def answer() -> list[Any]:
        terms = finder.words([query] if isinstance(query, str) else list(query))
        if not terms:
            raise ValueError("give at least one word to search for")
        chosen = _lang(lang)
        hits = finder.search(_loaded(data).dataset, terms, loader.prepared_for_search())
        result: list[Any] = views.search(hits, chosen)
        return result

    return _answer(answer)


def targets(year: int | None = None, lang: str = "en", data: Sequence[str] = ()) -> list[Any]:
    """The targets behind the Day, each with every figure measured against it
    (`targets --json`); with `year`, the targets set for that year."""

    def answer() -> list[Any]:
        chosen = choices.year(year) if year is not None else None
        result: list[Any] = views.targets(_loaded(data).dataset, chosen, _lang(lang))
        return result

    return _answer(answer)


def sources(id: str | None = None, lang: str = "en", data: Sequence[str] = ()) -> list[Any]:
    """Every source the data cites (`sources --json`); with `id`, that source alone."""

    def answer() -> list[Any]:
        _lang(lang)
        dataset = _loaded(data).dataset
        if id is not None and id not in {source.id for source in dataset.sources}:
            raise ValueError(f"unknown source id {id!r} (see digiday sources)")
        result: list[Any] = views.sources(dataset, id)
        return result

    return _answer(answer)
