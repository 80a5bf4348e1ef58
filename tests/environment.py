"""The one test environment: for the tests, docs/generate.py and benchmarks/startup.py.

Every run starts with none of the variables that change what the tool prints, at a width of
100 columns, at a fixed instant. In-process runs get an Environment made the program's own
way (digiday.env.resolve) with only the clock replaced; real processes get the machine's
variables less the ones below. Standard library only at import time, so the benchmark can
use it without paying for Typer.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typer.testing import Result

# Sunday morning, 28 November 2026 in Vietnam: 316 days before the 6th Day.
NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.timezone.utc)

# None: unset. Typer styles its output when GITHUB_ACTIONS, FORCE_COLOR or PY_COLORS is set;
# LANGUAGE is gettext's own choice of language, which the tool sets for Typer's words.
NEUTRAL_ENV: dict[str, str | None] = {
    name: None
    for name in (
        "DIGIDAY_LANG",
        "DIGIDAY_DATA",
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
        "FORCE_COLOR",
        "PY_COLORS",
        "GITHUB_ACTIONS",
        "TERM",
        "TZ",
    )
} | {"COLUMNS": "100"}


def process_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a real `digiday` process: this machine's, neutralised."""
    clean = {key: value for key, value in os.environ.items() if key not in NEUTRAL_ENV}
    clean |= {key: value for key, value in NEUTRAL_ENV.items() if value is not None}
    return clean | dict(extra or {})


def invoke(
    args: Sequence[str], env: Mapping[str, str | None] | None = None, now: dt.datetime = NOW
) -> Result:
    """`digiday ARGS...` in-process, in the neutral environment (plus `env`), at `now`."""
    from typer.testing import CliRunner

    from digiday.cli import app
    from digiday.env import resolve

    extra: dict[str, Any] = {"make_environment": functools.partial(resolve, now=lambda: now)}
    return CliRunner().invoke(app, list(args), env={**NEUTRAL_ENV, **(env or {})}, **extra)
