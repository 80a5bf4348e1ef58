"""digiday: a reference tool for Vietnam's National Digital Transformation Day (10 October).

A library first: `digiday.countdown()`, `digiday.themes()`, … give what the command line's
`--json` gives (see digiday.api). They are imported when first used, so that the command
line, which imports this package on every run, pays nothing for them.
"""

from typing import TYPE_CHECKING

__version__ = "2.0.0"

if TYPE_CHECKING:
    from digiday.api import (
        DataError,
        agencies,
        countdown,
        data_as_of,
        editions,
        info,
        is_day,
        next_day,
        search,
        sources,
        targets,
        themes,
    )

__all__ = [
    "DataError", "__version__", "agencies", "countdown", "data_as_of", "editions", "info",
    "is_day", "next_day", "search", "sources", "targets", "themes",
]  # fmt: skip


def __getattr__(name: str) -> object:
    if name in __all__:
        from digiday import api

        return getattr(api, name)
    raise AttributeError(f"module 'digiday' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
