"""The answers that scripts, prompts and status bars ask for many times a minute, given
without importing Typer, which costs most of a run: `is-today`, `countdown --days` and
`countdown --format line`, with `--date`, `--tz` and `--lang` (as cli/params.py declares them).

Only such a line is answered here, and only when the answer is certain: anything else
(another option, a repeated one, a value the full command line would refuse, a data file in
use, shell completion) is declined, and the full command line runs, so that every message
stays its own. tests/cli/test_fast.py checks that the two agree byte for byte.
"""

from __future__ import annotations

import datetime as dt
import errno
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from digiday.cli.params import DATE, DAYS, FORMAT, LANG, TZ

if TYPE_CHECKING:
    from digiday.environment import Environment

_TAKEN = (DATE, TZ, LANG, FORMAT)  # the options that take a value, by their first name
_NAMES = {name: param.names[0] for param in _TAKEN for name in param.names}


def _read(words: Sequence[str]) -> dict[str, str] | None:
    """The options of `words` as click reads them (`--tz X`, `--tz=X`, `-f line`, `-fline`),
    by their first name, or None for anything else, or an option given twice."""
    found: dict[str, str] = {}
    rest = list(words)
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        short = word[:2] if not word.startswith("--") else ""
        if short in _NAMES and len(word) > 2:
            name, value = short, word[2:]  # `-fline`
        elif word in _NAMES and rest:
            name, value = word, rest.pop(0)
        elif word == DAYS.name:
            name, value = word, ""
        elif not (equals and name in _NAMES):
            return None
        name = _NAMES.get(name, name)
        if name in found:
            return None
        found[name] = value
    return found


def _taken(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[str, dict[str, str]] | None:
    """The command and its options, when the line is one this path answers; else None."""
    words = list(argv)
    if words[:1] == ["--lang"] or (words[:1] and words[0].startswith("--lang=")):
        lead = words[:2] if words[0] == "--lang" else words[:1]
        words = words[len(lead) :] + lead  # the root's --lang is the command's
    if environ.get("_DIGIDAY_COMPLETE") or not words or words[0] not in ("is-today", "countdown"):
        return None  # before any import: every other command pays nothing for the check
    from digiday.store import layers

    options = _read(words[1:])
    if options is None or layers.user_files((), environ):
        return None
    # is-today takes neither --days nor --format; countdown takes one of them, `line` alone.
    wants = {name for name in options if name in (DAYS.name, FORMAT.name)}
    format_given = options.get(FORMAT.name, "line")
    if len(wants) != (1 if words[0] == "countdown" else 0) or format_given != "line":
        return None
    return words[0], options


def answer(
    argv: Sequence[str],
    environ: Mapping[str, str],
    stdout: TextIO | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> int | None:
    """The exit status, the answer written, when `digiday ARGV` is one of these; else None."""
    taken = _taken(argv, environ)
    if taken is None:
        return None
    command, options = taken
    from digiday.answers.today import countdown_of, today
    from digiday.core import schedule
    from digiday.core.constants import DEFAULT_ZONE
    from digiday.environment import resolve
    from digiday.errors import Failure

    try:
        env = resolve(tuple(argv), options.get(LANG.name), environ=environ, stdout=stdout, now=now)
        day = today(options.get(DATE.name), options.get(TZ.name, DEFAULT_ZONE), env.now, environ)
    except Failure:
        return None
    if env.warnings:  # a bad DIGIDAY_LANG: the full command line says so
        return None
    if command == "is-today":
        return 0 if schedule.is_day(day.date) else 1
    try:
        left = schedule.days_until(day.date)
    except OverflowError:  # past the calendar's end: told by the full command line
        return None
    if DAYS.name in options:
        return _write(env, f"{left}\n")
    from digiday.render import line

    # The line says the days, the edition and the date, never the theme: the one thing the
    # payload takes from the data. So the data need not be read (no layer is in use here).
    payload = countdown_of({}, day.date, day.zone_name, env.lang)
    return _write(env, line.render(payload, env.lang))


def _write(env: Environment, text: str) -> int:
    """Write as the full command line does (cli/root.py): a closed pipe is 0, quietly."""
    from digiday.environment import STDOUT_FAILED, WriteError, flush, report, to_devnull, write_text
    from digiday.errors import ExitStatus, Failure

    try:
        write_text(env, text)
        flush(env)
    except WriteError as problem:
        report(Failure(STDOUT_FAILED, reason=problem.reason).text(env.lang), env.stderr)
        to_devnull(env.stdout)
        return int(ExitStatus.IOERR)
    except OSError as problem:
        if problem.errno != errno.EPIPE:
            raise
        to_devnull(env.stdout)
    return int(ExitStatus.OK)
