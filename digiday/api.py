"""The Python API: the answers of the command line, as the JSON payloads of `--json`.

    >>> import digiday, datetime
    >>> digiday.countdown(today=datetime.date(2026, 11, 28))["days"]
    316
    >>> digiday.is_day(datetime.date(2026, 10, 10))
    True

Each function returns what `digiday <command> --json` puts under `<command>` for the same
arguments (plain dicts and lists), from the same function (digiday.answers). `data` is a
sequence of paths laid over the data layers in use (digiday.store.layers), as `--data` is.
A bad argument raises ValueError, in the command line's words; a bad data file raises
DataError, whose `problems` are those `digiday validate` lists. Nothing here imports Typer,
Rich or (for the bundled data) PyYAML.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from digiday.answers import days
from digiday.answers import info as about
from digiday.answers import search as finding
from digiday.answers import sources as cited
from digiday.answers import targets as targeted
from digiday.answers.arguments import choose
from digiday.answers.today import days_left
from digiday.answers.today import today as today_in
from digiday.core import schedule
from digiday.core.constants import DEFAULT_ZONE, LANGS
from digiday.environment import clock_now
from digiday.errors import Failure
from digiday.l10n.translate import N_
from digiday.store.loader import Data
from digiday.store.loader import DataError as DataError  # re-exported: digiday.DataError

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.core.model import Lang

# The public names are digiday/__init__.py's `__all__`.

T = TypeVar("T")
Paths = Sequence[str]


def _answer(call: Callable[[], T]) -> T:
    """`call()`, with the command line's usage errors as ValueError (DataError stays)."""
    try:
        return call()
    except DataError:
        raise
    except Failure as failure:
        raise ValueError(failure.text("en")) from None


def _lang(lang: object) -> Lang:
    return "vi" if choose(lang, LANGS, N_("language")) == "vi" else "en"


def _data(data: object) -> Data:
    """The data in use, with `data` laid over the layers of the environment: found and read
    when first needed, so that every other argument is checked first."""
    if isinstance(data, (str, os.PathLike)):
        data = [data]  # one path, not its letters
    if not isinstance(data, (list, tuple)):
        raise ValueError(f"data must be a list or tuple of paths, not {data!r}")
    if bad := [path for path in data if not isinstance(path, (str, os.PathLike))]:
        raise ValueError(f"each path of data must be str or os.PathLike, not {bad[0]!r}")
    return Data([os.fspath(path) for path in data], os.environ)


def _date(value: object, name: str) -> dt.date:
    if not isinstance(value, dt.date):
        raise ValueError(f"{name} must be a datetime.date, not {value!r}")
    return value.date() if isinstance(value, dt.datetime) else value


def _in_vietnam() -> dt.date:
    return today_in(None, DEFAULT_ZONE, clock_now).date


def is_day(date: dt.date | None = None) -> bool:
    """Whether `date` (default: today in Vietnam) is a National Digital Transformation Day
    (10 October, 2022 on)."""
    return schedule.is_day(_in_vietnam() if date is None else _date(date, "date"))


def next_day(today: dt.date | None = None) -> dt.date:
    """The next Day on or after `today` (default: today in Vietnam; today counts)."""

    def answer() -> dt.date:
        day = _in_vietnam() if today is None else _date(today, "today")
        return day + dt.timedelta(days=days_left(day))

    return _answer(answer)


def data_as_of(data: Paths = ()) -> str:
    """The date (YYYY-MM-DD) the data in use is current as of."""
    return _data(data).data_as_of


def countdown(
    today: dt.date | None = None, tz: str = DEFAULT_ZONE, lang: str = "en", data: Paths = ()
) -> payloads.Countdown:
    """Days until the next Day, its edition, weekday and theme (`countdown --json`)."""

    def answer() -> payloads.Countdown:
        chosen = _lang(lang)
        if not isinstance(tz, str):
            raise ValueError(f"tz must be str, not {tz!r}")
        day = None if today is None else _date(today, "today").isoformat()
        return days.countdown(_data(data), day, tz, chosen, clock_now)

    return _answer(answer)


def themes(year: int | None = None, lang: str = "en", data: Paths = ()) -> list[payloads.Theme]:
    """Each year's theme with its edition (`themes --json`); with `year`, that year alone."""
    return _answer(lambda: days.themes(_data(data), year, _lang(lang), _in_vietnam()))


def editions(year: int | None = None, lang: str = "en", data: Paths = ()) -> list[payloads.Edition]:
    """Each Day as it happened (`editions --json`); with `year`, that Day alone."""
    return _answer(lambda: days.editions(_data(data), year, _lang(lang), _in_vietnam()))


def agencies(role: str | None = None, lang: str = "en", data: Paths = ()) -> list[payloads.Agency]:
    """Who organises the Day and what each body must do (`agencies --json`)."""
    return _answer(lambda: about.agencies(_data(data), role, _lang(lang)))


def info(section: str | None = None, lang: str = "en", data: Paths = ()) -> payloads.Info:
    """What the Day is (`info --json`): every section, or `section` alone."""
    return _answer(lambda: about.info(_data(data), section, _lang(lang)))


def search(query: str | Sequence[str], lang: str = "en", data: Paths = ()) -> list[payloads.Hit]:
    """Every piece of content holding all the words of `query` (`search --json`); an empty
    list when nothing matches."""

    def answer() -> list[payloads.Hit]:
        words = [query] if isinstance(query, str) else query
        if not isinstance(words, (list, tuple)) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"query must be str or a list of str, not {query!r}")
        return finding.search(_data(data), words, _lang(lang))

    return _answer(answer)


def targets(year: int | None = None, lang: str = "en", data: Paths = ()) -> list[payloads.Target]:
    """The targets behind the Day, each with every figure measured against it and its
    verdict (`targets --json`); with `year`, the targets set for that year."""
    return _answer(lambda: targeted.targets(_data(data), year, _lang(lang)))


def sources(id: str | None = None, lang: str = "en", data: Paths = ()) -> list[payloads.Source]:
    """Every source the data cites (`sources --json`); with `id`, that source alone."""
    return _answer(lambda: cited.sources(_data(data), id, _lang(lang)))
