"""The environment a run happens in, resolved once, before the command line is parsed.

The root command makes one `Environment` from the process (its arguments, variables, streams
and clock) and hands it to the command through click's context object, and the commands read
the process through it alone, so that tests can make their own (tests/environment.py). Two
readers have no command line to be handed one: the Python API (digiday.api), which reads
`os.environ` and the clock itself, and the fast path (digiday.cli.fast), which resolves its own.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, TextIO

from digiday.core import clock
from digiday.core.constants import LANGS
from digiday.errors import Failure
from digiday.l10n.translate import N_

if TYPE_CHECKING:
    from digiday.core.model import Lang

# What a stream must encode to show Vietnamese: a letter with two marks, đ, and the dash.
_VIETNAMESE_PROBE = "ệđ–"


def _sleep(seconds: float) -> None:
    from digiday.interactive import alarm  # here: only --follow waits, and the fast path never does

    alarm.sleep(seconds)


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
    environ: Mapping[str, str] = MappingProxyType({})  # the variables, for --tz local
    sleep: Callable[[float], None] = _sleep  # how --follow waits for midnight
    argv: tuple[str, ...] = ()  # the command line, for --show-completion's SHELL
    traceback: bool = False  # DIGIDAY_TRACEBACK: an internal error shows its traceback


def resolve(
    argv: Sequence[str],
    *,
    environ: Mapping[str, str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
    now: Callable[[], dt.datetime] | None = None,
    sleep: Callable[[float], None] | None = None,
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
        environ=environ,
        traceback=bool(environ.get("DIGIDAY_TRACEBACK")),
        sleep=_sleep if sleep is None else sleep,
        argv=tuple(argv),
    )


# The options that take a value, and those that do not, of the root ("") and of each
# command. The language must be known before click parses the line (it chooses the words of
# --help and of usage errors), so the line is read for --lang here first, by click's own
# rules: an option that takes a value swallows the next word, whatever it looks like
# (`ics -o --lang=vi` writes a file named --lang=vi). tests/test_env.py checks these
# tables against the commands click builds, and this reading against click's.
_SHARED = ("--lang", "--format", "-f", "--data")
_VALUES: dict[str, tuple[str, ...]] = {
    "": ("--lang",),
    "info": _SHARED,
    "agencies": (*_SHARED, "--role"),
    "themes": _SHARED,
    "editions": _SHARED,
    "countdown": (*_SHARED, "--date", "--tz"),
    "is-today": ("--lang", "--date", "--tz", "--data"),
    "ics": ("--lang", "--data", "--date", "--tz", "--from", "--to", "--output", "-o"),
    "search": _SHARED,
    "sources": _SHARED,
    "targets": (*_SHARED, "--year"),
    "quiz": (*_SHARED, "--count", "-n", "--topic", "--seed"),
    "validate": ("--lang",),
}
_FORMAT_FLAGS = ("--json", "--plain")
_FLAGS: dict[str, tuple[str, ...]] = {
    "": ("--version", "--install-completion", "--show-completion"),
    "countdown": (*_FORMAT_FLAGS, "--days", "--watch", "--follow"),
    "is-today": (),
    "ics": (),
    "validate": (),
}


def options_of(command: str) -> tuple[frozenset[str], frozenset[str]]:
    """The options of `command` ("" for the root) that take a value, and the flags."""
    flags = (*_FLAGS.get(command, _FORMAT_FLAGS), "-h", "--help")
    return frozenset(_VALUES[command]), frozenset(flags)


def lang_argument(argv: Sequence[str]) -> str | None:
    """The value of the last `--lang` on the line as click reads it, or None.

    Reading stops where click's would fail (an unknown command or option, a value missing),
    since click reads no further either.
    """
    explicit = None
    command: str | None = ""  # the root's options come first, then the command's
    values, flags = options_of("")
    words = list(argv)
    while words:
        word = words.pop(0)
        if word == "--":
            if command != "" or not words:
                break
            word = words.pop(0)  # after the root's `--`, the command's name
        elif word.startswith("-") and len(word) > 1:
            name, equals, value = word.partition("=")
            if name in values and word.startswith("--"):
                if not equals:
                    if not words:
                        break
                    value = words.pop(0)
                if name == "--lang":
                    explicit = value
                continue
            if word.startswith("--"):
                if name in flags and not equals:
                    continue
                break
            # Short options: a cluster of flags (`-h`), the first that takes a value taking
            # the rest of the word, or the next word.
            for index, letter in enumerate(word[1:], start=2):
                option = "-" + letter
                if option in values:
                    if index == len(word):
                        if not words:
                            return explicit
                        words.pop(0)
                    break
                if option not in flags:
                    return explicit
            continue
        if command == "":
            if word not in _VALUES or word == "":
                break
            command = word
            values, flags = options_of(command)
    return explicit


def choose_lang(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[Lang, str | None]:
    """The reader's language, and a warning to show, if any.

    `--lang` (any case), then DIGIDAY_LANG, then LANGUAGE (as gettext reads it), then the
    first locale variable set (LC_ALL, LC_MESSAGES, LANG; a value starting with `vi` is
    Vietnamese), else English. A bad
    `--lang` is a usage error, told in the language the environment gives; a bad
    DIGIDAY_LANG means English and a warning, so that no cron job fails over it.
    """
    explicit = lang_argument(argv)
    if explicit is not None:
        if explicit.lower() in LANGS:
            return _lang(explicit.lower()), None
        raise Failure(
            N_("unknown language {value} in {where} (choose: vi, en)"),
            value=explicit,
            where="--lang",
        )
    variable = environ.get("DIGIDAY_LANG")
    if variable:
        if variable.lower() in LANGS:
            return _lang(variable.lower()), None
        ignored = N_("unknown language {value} in {where}: using English (choose: vi, en)")
        return "en", Failure(ignored, value=variable, where="DIGIDAY_LANG").text("en")
    return language_lang(environ) or locale_lang(environ), None


def language_lang(environ: Mapping[str, str]) -> Lang | None:
    """The language $LANGUAGE gives, read as GNU gettext reads it: its first entry that is
    Vietnamese or English (`vi:en`, `en_GB:vi`), unless the locale is C or POSIX (set or
    not), where gettext ignores the variable."""
    locale = next((environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(n)), "C")
    if locale in ("C", "POSIX") or locale.startswith("C."):
        return None
    for entry in environ.get("LANGUAGE", "").split(":"):
        code = entry.lower()
        if code.startswith("vi"):
            return "vi"
        if code.startswith("en"):
            return "en"
    return None


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
