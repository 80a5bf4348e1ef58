"""The answers that scripts, prompts and status bars ask for many times a minute, given
without importing Typer and click, which cost most of a run (a starship prompt runs its
commands on every prompt, synchronously).

Only `is-today`, `countdown --days` and `countdown --format line`, with `--date`, `--tz` and
`--lang`, are recognised here, and only when the answer is certain: anything else (another
option, a repeated one, --help, a value the full command line would refuse, a data file in
use, shell completion) is declined, and the full command line runs, so that every message
and every refusal stays its own. Everything but reading the words is the full command
line's own: the same functions for today, zones, the language, the data layers and the
line. tests/test_fast.py checks that the two agree byte for byte.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from digiday.core.model import Lang
    from digiday.core.today import Today
    from digiday.environment import Environment

_VALUES = ("--date", "--tz", "--lang", "--format")


def _read(words: Sequence[str]) -> dict[str, str] | None:
    """The options of `words` as click reads them (`--tz X`, `--tz=X`, `-f line`, `-fline`),
    or None for anything else, or an option given twice."""
    found: dict[str, str] = {}
    rest = list(words)
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if word.startswith("-f") and word != "-f" and not word.startswith("--"):
            name, value = "--format", word[2:]
        elif word in (*_VALUES, "-f") and rest:
            name, value = ("--format" if word == "-f" else word), rest.pop(0)
        elif word == "--days":
            name, value = word, ""
        elif not (equals and name in _VALUES):
            return None
        if name in found:
            return None
        found[name] = value
    return found


def answer(
    argv: Sequence[str],
    environ: Mapping[str, str],
    stdout: TextIO | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> int | None:
    """The exit status, the answer written, when `digiday ARGV` is one of these; else None,
    having written nothing."""
    words = list(argv)
    if words[:1] == ["--lang"] or (words[:1] and words[0].startswith("--lang=")):
        lead = words[:2] if words[0] == "--lang" else words[:1]
        words = words[len(lead) :] + lead  # the root's --lang is the command's
    if environ.get("_DIGIDAY_COMPLETE") or not words or words[0] not in ("is-today", "countdown"):
        return None  # before any import: every other command pays nothing for the check
    from digiday.core import schedule
    from digiday.core.constants import DEFAULT_ZONE
    from digiday.core.today import today
    from digiday.environment import resolve
    from digiday.errors import Failure
    from digiday.store import layers

    options = _read(words[1:])
    if options is None or layers.user_files((), environ):
        return None
    wants = {name for name in options if name in ("--days", "--format")}
    if words[0] == "countdown" and wants not in ({"--days"}, {"--format"}):
        return None
    if (words[0] == "is-today" and wants) or options.get("--format", "line") != "line":
        return None
    try:
        env = resolve(argv, environ=environ, stdout=stdout, now=now)
        when = today(options.get("--date"), options.get("--tz", DEFAULT_ZONE), env.now, environ)
        left = schedule.days_until(when.date)
    except (Failure, OverflowError):
        return None
    if env.warnings:  # a bad DIGIDAY_LANG: the full command line says so
        return None
    if words[0] == "is-today":
        return 0 if schedule.is_day(when.date) else 1
    text = f"{left}\n" if "--days" in options else _line(env.lang, when)
    return _write(env, text)


def _line(lang: Lang, when: Today) -> str:
    from digiday.answers import views
    from digiday.core.model import Dataset
    from digiday.render import line

    # The line says the days, the edition and the date, never the theme: the one thing the
    # payload takes from the data. So the data need not be read (no layer is in use here).
    nothing = Dataset({}, (), (), (), ())
    return line.render(views.countdown(nothing, when.date, when.zone_name, lang), lang)


def _write(env: Environment, text: str) -> int:
    """Write as the full command line does (root._run): a closed pipe is 0, quietly."""
    import errno

    from digiday.errors import ExitStatus, Failure, report, to_devnull
    from digiday.output import STDOUT_FAILED, WriteError, flush, write_text

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
