"""The environment a run happens in, resolved once, before the command line is parsed.

The root command makes one `Environment` from the process (its arguments, variables, streams
and clock) and hands it to the command through click's context object; nothing below reads
`os.environ`, `sys.stdout` or the clock itself. Tests make their own (tests/environment.py).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple, TextIO

from digiday import clock
from digiday.errors import Failure
from digiday.model import LANGS, Lang

# What a stream must encode to show Vietnamese: a letter with two marks, đ, and the dash.
_VIETNAMESE_PROBE = "ệđ–"


class Environment(NamedTuple):  # as immutable as a frozen dataclass, without its import
    lang: Lang
    stdout: TextIO | None
    stderr: TextIO | None
    is_terminal: bool  # stdout is one
    colour: bool  # text output gets colour and styles
    ascii_only: bool  # stdout cannot encode Vietnamese: print it without diacritics
    width: int  # columns for text output
    now: Callable[[], dt.datetime] = clock.now
    warnings: tuple[str, ...] = ()
    stdin: TextIO | None = None  # where `quiz` reads answers, on a terminal


def resolve(
    argv: Sequence[str],
    *,
    environ: Mapping[str, str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> Environment:
    """The environment for a run of `digiday ARGV...`; the process's, unless given.

    Raises Failure (usage, 2) for a bad `--lang`; a bad DIGIDAY_LANG only warns.
    """
    environ = os.environ if environ is None else environ
    stdout = sys.stdout if stdout is None else stdout
    stderr = sys.stderr if stderr is None else stderr
    stdin = sys.stdin if stdin is None else stdin
    lang, warning = choose_lang(argv, environ)
    is_terminal = _isatty(stdout)
    return Environment(
        lang=lang,
        stdout=stdout,
        stderr=stderr,
        is_terminal=is_terminal,
        colour=bool(environ.get("FORCE_COLOR")) or (is_terminal and not environ.get("NO_COLOR")),
        ascii_only=not can_encode(stdout, _VIETNAMESE_PROBE),
        width=_width(is_terminal, environ),
        now=clock.now if now is None else now,
        warnings=(warning,) if warning else (),
        stdin=stdin,
    )


def lang_argument(argv: Sequence[str]) -> str | None:
    """The value of the last `--lang X` or `--lang=X` anywhere before `--`, as typed."""
    explicit = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            explicit = argv[index + 1]
        elif arg.startswith("--lang="):
            explicit = arg.partition("=")[2]
    return explicit


def choose_lang(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[Lang, str | None]:
    """The reader's language, and a warning to show, if any.

    `--lang` (any case), then DIGIDAY_LANG, then the first locale variable set (LC_ALL,
    LC_MESSAGES, LANG; a value starting with `vi` is Vietnamese), else English. A bad
    `--lang` is a usage error, told in the language the environment gives; a bad
    DIGIDAY_LANG means English and a warning, so that no cron job fails over it.
    """
    from digiday.messages import message

    from_locale = locale_lang(environ)
    explicit = lang_argument(argv)
    if explicit is not None:
        if explicit.lower() in LANGS:
            return _lang(explicit.lower()), None
        raise Failure(message("lang", from_locale, value=explicit, where="--lang"))
    variable = environ.get("DIGIDAY_LANG")
    if variable:
        if variable.lower() in LANGS:
            return _lang(variable.lower()), None
        return "en", message("lang_ignored", "en", value=variable, where="DIGIDAY_LANG")
    return from_locale, None


def locale_lang(environ: Mapping[str, str]) -> Lang:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def _lang(value: str) -> Lang:
    return "vi" if value == "vi" else "en"


def can_encode(stream: TextIO | None, text: str) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # a closed stream
        return False


def _width(is_terminal: bool, environ: Mapping[str, str]) -> int:
    """The terminal's width; for a pipe, COLUMNS if set and sensible, else 80."""
    if is_terminal:
        import shutil

        return shutil.get_terminal_size().columns
    columns = environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and 20 <= int(columns) <= 1000 else 80
