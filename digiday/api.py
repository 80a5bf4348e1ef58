"""The Python API: the answers of the command line, as the JSON payloads of `--json`.

    >>> import digiday, datetime
    >>> digiday.countdown(today=datetime.date(2026, 11, 28))["days"]
    316
    >>> digiday.is_day(datetime.date(2026, 10, 10))
    True

Each function returns what `digiday <command> --json` puts under `<command>` for the same
arguments (plain dicts and lists). `data` is a sequence of paths laid over the data layers
in use (digiday.store.layers), as `--data` is. A bad argument raises ValueError, with the message
the command line would print; a bad data file raises DataError, whose `problems` are those
`digiday validate` lists. Nothing here imports Typer, Rich or (for the bundled data) PyYAML.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from digiday.answers import arguments as choices
from digiday.answers import views
from digiday.core import schedule
from digiday.core.model import DEFAULT_ZONE, LANGS, ROLES, SECTIONS, Lang
from digiday.errors import Failure
from digiday.l10n.translate import N_
from digiday.store.loader import DataError as DataError  # re-exported: digiday.DataError
from digiday.store.loader import Loaded

if TYPE_CHECKING:
    from digiday.answers import payloads

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
    except OverflowError:  # 9999-10-11 and later: the calendar has no next Day
        raise ValueError("no 10 October after that day in the calendar") from None


def _of(value: object, kinds: tuple[type, ...], name: str) -> None:
    """A bad argument is a ValueError that names it, never an AttributeError from inside."""
    if not isinstance(value, kinds) or isinstance(value, bool):
        raise ValueError(f"{name} must be {' or '.join(k.__name__ for k in kinds)}, not {value!r}")


def _date(value: object, name: str) -> dt.date:
    _of(value, (dt.date,), name)
    assert isinstance(value, dt.date)
    return value.date() if isinstance(value, dt.datetime) else value


def _lang(lang: str) -> Lang:
    _of(lang, (str,), "lang")
    chosen = choices.choose(lang, LANGS, N_("language"))
    return "vi" if chosen == "vi" else "en"


def _loaded(data: Sequence[str]) -> Loaded:
    from digiday.store import layers, loader

    if isinstance(data, (str, os.PathLike)):
        data = [data]  # one path, not its letters
    _of(data, (list, tuple), "data")
    given = []
    for path in data:
        _of(path, (str, os.PathLike), "each path of data")
        given.append(os.fspath(path))
    return loader.load_all(layers.user_files(given, os.environ))


def _in_vietnam() -> dt.date:
    from digiday.core import clock
    from digiday.core.today import today

    return today(None, DEFAULT_ZONE, clock.now).date


def is_day(date: dt.date) -> bool:
    """Whether `date` is a National Digital Transformation Day (10 October, 2022 on)."""
    return schedule.is_day(_date(date, "date"))


def next_day(today: dt.date) -> dt.date:
    """The next Day on or after `today` (today counts)."""
    return _answer(lambda: schedule.next_day(_date(today, "today")))


def data_as_of(data: Sequence[str] = ()) -> str:
    """The date (YYYY-MM-DD) the data in use is current as of."""
    return _loaded(data).data_as_of


def countdown(
    today: dt.date | None = None,
    tz: str = DEFAULT_ZONE,
    lang: str = "en",
    data: Sequence[str] = (),
) -> payloads.Countdown:
    """Days until the next Day, its edition, weekday and theme (`countdown --json`)."""

    def answer() -> payloads.Countdown:
        from digiday.core import clock
        from digiday.core.today import today as today_in

        chosen = _lang(lang)
        _of(tz, (str,), "tz")
        day = None if today is None else _date(today, "today").isoformat()
        when = today_in(day, tz, clock.now)
        return views.countdown(_loaded(data).dataset, when.date, when.zone_name, chosen)

    return _answer(answer)


def themes(
    year: int | None = None, lang: str = "en", data: Sequence[str] = ()
) -> list[payloads.Theme]:
    """Each year's theme with its edition (`themes --json`); with `year`, that year alone."""

    def answer() -> list[payloads.Theme]:
        dataset = _loaded(data).dataset
        if year is not None:
            _of(year, (int, str), "year")
        years = [choices.year(year)] if year is not None else None
        chosen = years or views.theme_years(dataset, _in_vietnam())
        return views.themes(dataset, chosen, _lang(lang))

    return _answer(answer)


def editions(
    year: int | None = None, lang: str = "en", data: Sequence[str] = ()
) -> list[payloads.Edition]:
    """Each Day as it happened (`editions --json`); with `year`, that Day alone."""

    def answer() -> list[payloads.Edition]:
        dataset = _loaded(data).dataset
        if year is not None:
            _of(year, (int, str), "year")
        years = [choices.year(year)] if year is not None else None
        chosen = years or views.edition_years(dataset, _in_vietnam())
        return views.editions(dataset, chosen, _lang(lang))

    return _answer(answer)


def agencies(
    role: str | None = None, lang: str = "en", data: Sequence[str] = ()
) -> list[payloads.Agency]:
    """Who organises the Day and what each body must do (`agencies --json`)."""

    def answer() -> list[payloads.Agency]:
        if role is not None:
            _of(role, (str,), "role")
        chosen = choices.choose(role, ROLES, N_("role")) if role is not None else None
        return views.agencies(_loaded(data).dataset, chosen, _lang(lang))

    return _answer(answer)


def info(section: str | None = None, lang: str = "en", data: Sequence[str] = ()) -> payloads.Info:
    """What the Day is (`info --json`): every section, or `section` alone."""

    def answer() -> payloads.Info:
        if section is not None:
            _of(section, (str,), "section")
        sections = (
            (choices.choose(section, SECTIONS, N_("section")),) if section is not None else SECTIONS
        )
        return views.info(_loaded(data).dataset, sections, _lang(lang))

    return _answer(answer)


def search(
    query: str | Sequence[str], lang: str = "en", data: Sequence[str] = ()
) -> list[payloads.Hit]:
    """Every piece of content holding all the words of `query` (`search --json`); an empty
    list when nothing matches."""
    from digiday.answers import search as finder
    from digiday.store import loader

    def answer() -> list[payloads.Hit]:
        words = [query] if isinstance(query, str) else query
        _of(words, (list, tuple), "query")
        for word in words:
            _of(word, (str,), "each word of query")
        terms = finder.words(list(words))
        if not terms:
            raise ValueError("give at least one word to search for")
        chosen = _lang(lang)
        hits = finder.search(_loaded(data).dataset, terms, loader.prepared_for_search())
        return views.search(hits, chosen)

    return _answer(answer)


def targets(
    year: int | None = None, lang: str = "en", data: Sequence[str] = ()
) -> list[payloads.Target]:
    """The targets behind the Day, each with every figure measured against it
    (`targets --json`); with `year`, the targets set for that year."""

    def answer() -> list[payloads.Target]:
        if year is not None:
            _of(year, (int, str), "year")
        chosen = choices.year(year) if year is not None else None
        return views.targets(_loaded(data).dataset, chosen, _lang(lang))

    return _answer(answer)


def sources(
    id: str | None = None, lang: str = "en", data: Sequence[str] = ()
) -> list[payloads.Source]:
    """Every source the data cites (`sources --json`); with `id`, that source alone."""

    def answer() -> list[payloads.Source]:
        _lang(lang)
        if id is not None:
            _of(id, (str,), "id")
        dataset = _loaded(data).dataset
        if id is not None and id not in {source.id for source in dataset.sources}:
            raise ValueError(f"unknown source id {id!r} (see digiday sources)")
        return views.sources(dataset, id)

    return _answer(answer)
