"""The environment a run happens in, resolved once, and the writing to its streams.

The root makes one `Environment` from the process (its variables, streams and clock) and
hands it to the command through click's context object; the commands read the process and
write their answer through it alone, so that tests can make their own (tests/environment.py),
as httpie's `Environment` is made once and replaced in its tests. The Python API has no
command line, and reads `os.environ` and the clock itself.

No `from __future__ import annotations` here, in cli/params.py or in answers/today.py: the
fast path imports them, and NamedTuple would compile each string annotation (1.2 ms).
"""

import datetime as dt
import errno
import io
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import NamedTuple, TextIO

from digiday.core.constants import LANGS, Lang
from digiday.errors import Failure, escape, reason
from digiday.l10n.translate import N_

# What a stream must encode to show Vietnamese: a letter with two marks, đ, and the dash.
_VIETNAMESE_PROBE = "ệđ–"


def clock_now() -> dt.datetime:
    """The real clock, which the Environment carries as `now` (tests carry another)."""
    return dt.datetime.now(dt.timezone.utc)


class Environment(NamedTuple):  # as immutable as a frozen dataclass, without its import
    lang: Lang
    stdout: TextIO | None
    stderr: TextIO | None
    is_terminal: bool  # stdout is one
    colour: bool  # text output gets colour and styles
    ascii_only: bool  # stdout cannot encode Vietnamese: print it without diacritics
    width: int  # columns for text output
    now: Callable[[], dt.datetime] = clock_now
    warnings: tuple[str, ...] = ()
    stdin: TextIO | None = None  # where `quiz` reads answers, on a terminal
    environ: Mapping[str, str] = MappingProxyType({})  # the variables, for --tz local
    # How --follow waits up to a number of seconds: True when its reader has gone (None:
    # on stdout, interactive/follow.py's own wait).
    wait: Callable[[float], bool] | None = None
    argv: tuple[str, ...] = ()  # the command line, for --show-completion's SHELL
    traceback: bool = False  # DIGIDAY_TRACEBACK: an internal error shows its traceback


def resolve(
    argv: tuple[str, ...] = (),
    lang: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
    now: Callable[[], dt.datetime] | None = None,
    wait: Callable[[float], bool] | None = None,
) -> Environment:
    """The environment for a run of `digiday ARGV...` whose `--lang` is `lang` (None when
    the line gives none); the process's, unless given.

    Raises Failure (usage, 2) for a bad `--lang`; a bad DIGIDAY_LANG only warns.
    """
    environ = os.environ if environ is None else environ
    stdout = sys.stdout if stdout is None else stdout
    chosen, warning = choose_lang(lang, environ)
    is_terminal = _isatty(stdout)
    forced = environ.get("FORCE_COLOR", "") not in ("", "0")
    return Environment(
        lang=chosen,
        stdout=stdout,
        stderr=sys.stderr if stderr is None else stderr,
        is_terminal=is_terminal,
        # NO_COLOR (no-color.org) wins over everything; FORCE_COLOR=0 forces nothing.
        colour=not environ.get("NO_COLOR") and (forced or is_terminal),
        ascii_only=not can_encode(stdout, _VIETNAMESE_PROBE),
        width=_width(is_terminal, environ),
        now=clock_now if now is None else now,
        warnings=(warning,) if warning else (),
        stdin=sys.stdin if stdin is None else stdin,
        environ=environ,
        wait=wait,
        argv=tuple(argv),
        traceback=bool(environ.get("DIGIDAY_TRACEBACK")),
    )


def choose_lang(explicit: str | None, environ: Mapping[str, str]) -> tuple[Lang, str | None]:
    """The reader's language, and a warning to show, if any.

    `--lang` (any case), then DIGIDAY_LANG, then LANGUAGE (as gettext reads it), then the
    first locale variable set (LC_ALL, LC_MESSAGES, LANG; a value starting with `vi` is
    Vietnamese), else English. A bad `--lang` is a usage error, told in the language the
    environment gives; a bad DIGIDAY_LANG means English and a warning, so that no cron job
    fails over it.
    """
    if explicit is not None:
        if explicit.lower() in LANGS:
            return ("vi" if explicit.lower() == "vi" else "en"), None
        unknown = N_("unknown language {value} in {where} (choose: vi, en)")
        raise Failure(unknown, value=explicit, where="--lang")
    variable = environ.get("DIGIDAY_LANG")
    if variable:
        if variable.lower() in LANGS:
            return ("vi" if variable.lower() == "vi" else "en"), None
        ignored = N_("unknown language {value} in {where}: using English (choose: vi, en)")
        return "en", Failure(ignored, value=variable, where="DIGIDAY_LANG").text("en")
    return language_lang(environ) or locale_lang(environ), None


def language_lang(environ: Mapping[str, str]) -> Lang | None:
    """The language $LANGUAGE gives, read as GNU gettext reads it: its first entry that is
    Vietnamese or English (`vi:en`, `en_GB:vi`), unless the locale is exactly C or POSIX
    (set or not), where gettext ignores the variable; C.UTF-8 is not C."""
    if _locale(environ) in ("C", "POSIX"):
        return None
    for entry in environ.get("LANGUAGE", "").split(":"):
        code = entry.lower()
        if code.startswith("vi"):
            return "vi"
        if code.startswith("en"):
            return "en"
    return None


def locale_lang(environ: Mapping[str, str]) -> Lang:
    return "vi" if _locale(environ).lower().startswith("vi") else "en"


def _locale(environ: Mapping[str, str]) -> str:
    """The first locale variable set, as the C library reads them; C when none is."""
    return next((environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(n)), "C")


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


# Writing: text in what the stream can encode, bytes as they are, a failure as a WriteError.

# What an ASCII or Latin-1 terminal gets for the punctuation the tool and its data use.
_PLAIN_PUNCTUATION = str.maketrans(
    {"đ": "d", "Đ": "D", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...",
     "·": "-", "•": "*", "→": "->", "\u00a0": " "}
)  # fmt: skip


def without_diacritics(text: str) -> str:
    """`Còn 315 ngày đến` → `Con 315 ngay den`: Vietnamese for a terminal that cannot show
    it, letters kept, marks dropped, dashes and quotes made ASCII."""
    import unicodedata  # here: an answer on the fast path never needs it (0.25 ms a run)

    decomposed = unicodedata.normalize("NFD", text.translate(_PLAIN_PUNCTUATION))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def for_stream(text: str, stream: TextIO | None) -> str:
    """`text` as `stream` can encode it: as it is, else without diacritics, and anything
    still beyond the encoding as an escape (never `?`)."""
    if can_encode(stream, text):
        return text
    encoding = getattr(stream, "encoding", None) or "utf-8"
    plain = without_diacritics(text)
    try:
        return plain.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:
        return plain.encode("ascii", "backslashreplace").decode("ascii")


def tolerate_narrow_encodings() -> None:
    """The last guard: a character a stream's encoding lacks becomes an escape, not a crash
    (text is folded by for_stream first, so this is for what nobody foresaw)."""
    for stream in (sys.stdout, sys.stderr):  # either is None when started closed
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


# Told when the answer cannot be written to stdout.
STDOUT_FAILED = N_("cannot write the answer to standard output: {reason}")


class WriteError(Exception):
    """The answer could not be written to stdout (disk full, stdout closed, an I/O error);
    a closed pipe is not one, but stays a BrokenPipeError, which ends the run quietly."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@contextmanager
def _writing(env: Environment) -> Iterator[TextIO]:
    """stdout, with a failure to write it turned into a WriteError."""
    if env.stdout is None:  # started with stdout closed (`digiday ... >&-`)
        raise WriteError(reason(OSError(errno.EBADF, os.strerror(errno.EBADF))))
    try:
        yield env.stdout
    except OSError as problem:
        if problem.errno == errno.EPIPE:
            raise
        raise WriteError(reason(problem)) from None


def write_text(env: Environment, text: str) -> None:
    with _writing(env) as stdout:
        stdout.write(for_stream(text, stdout) if env.ascii_only else text)


def flush(env: Environment) -> None:
    """Push out what is buffered, so that a full disk is found before the run ends."""
    if env.stdout is not None:
        with _writing(env) as stdout:
            stdout.flush()


def write_bytes(env: Environment, content: bytes) -> None:
    """Bytes to stdout as they are (UTF-8 JSON, an iCalendar file), whatever its encoding."""
    with _writing(env) as stdout:
        stdout.flush()
        buffer = getattr(stdout, "buffer", None)
        if buffer is None:
            stdout.write(content.decode("utf-8"))
        else:
            buffer.write(content)
            buffer.flush()


def report(message: str, stderr: TextIO | None = None) -> None:
    """One line (or a few, for data problems) on stderr, prefixed with the program's name,
    escaped and in what the stream can encode. A stderr that cannot be written is let go
    quietly: the exit status is then the only word left, and it must stay the one the run
    ended with."""
    stream = sys.stderr if stderr is None else stderr
    if stream is None:  # started with stderr closed: nobody to tell
        return
    try:
        for line in message.split("\n"):
            stream.write(for_stream(f"digiday: {escape(line)}\n", stream))
        stream.flush()
    except (OSError, ValueError):  # a full disk, a closed pipe, a closed stream
        to_devnull(stream)  # or the interpreter's own last flush fails too, with status 120


def to_devnull(stream: TextIO | None) -> None:
    """Point a stream that failed at /dev/null: later writes, and the interpreter's final
    flush of what is still buffered, would fail again (exit 120, "Exception ignored")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())  # type: ignore[union-attr]
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's buffer), or None: nothing to flush at exit
