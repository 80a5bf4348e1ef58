"""digiday: a reference tool for Vietnam's National Digital Transformation Day (10 October).

A library first: `digiday.countdown()`, `digiday.themes()`, … give what the command line's
`--json` gives (see digiday.api). They are imported when first used, so that the command
line, which imports this package on every run, pays nothing for them.
"""

from __future__ import annotations

__version__ = "1.4.1"

# Not typing's: importing typing costs the fast path (digiday.cli.fast) a third of its time, and
# type checkers read any TYPE_CHECKING as true.
TYPE_CHECKING = False
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
    "DataError",
    "__version__",
    "agencies",
    "countdown",
    "data_as_of",
    "editions",
    "info",
    "is_day",
    "next_day",
    "search",
    "sources",
    "targets",
    "themes",
]


def __getattr__(name: str) -> object:
    if name in __all__:
        from digiday import api

        return getattr(api, name)
    raise AttributeError(f"module 'digiday' has no attribute {name!r}")
