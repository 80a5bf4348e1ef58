"""Exit statuses, in one place, and the one way the tool reports a problem."""

from __future__ import annotations

import sys
from enum import IntEnum
from typing import TYPE_CHECKING, NoReturn, TextIO

if TYPE_CHECKING:
    from digiday.model import Lang


class ExitStatus(IntEnum):
    OK = 0
    NO = 1  # is-today on another day; search with no match
    USAGE = 2  # the command line is wrong
    DATA = 3  # a user data file cannot be used
    SOFTWARE = 70  # a bug in digiday: reported in one line, never as a traceback
    IOERR = 74  # the answer could not be written: disk full, stdout closed, an I/O error
    INTERRUPTED = 130  # Ctrl-C


class Failure(Exception):
    """Raised anywhere below the CLI to end the run with `status` after printing `message`."""

    def __init__(self, message: str, status: ExitStatus = ExitStatus.USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def text(self, lang: Lang) -> str:
        """The message in `lang`; most are made in the reader's language already."""
        return self.message


def fail(message: str, status: ExitStatus = ExitStatus.USAGE) -> NoReturn:
    raise Failure(message, status)


MAX_SHOWN = 80  # characters of an echoed value a message shows at most

# C0 and C1 controls, DEL, and the bidirectional overrides and isolates: what can move the
# cursor, retitle a terminal or reorder a line when printed. Newline and TAB are not here;
# a message escapes them too, since one problem is one line.
UNSAFE = frozenset(
    [
        *map(chr, range(0x00, 0x20)),
        *map(chr, range(0x7F, 0xA0)),
        *map(chr, range(0x202A, 0x202F)),
        *map(chr, range(0x2066, 0x206A)),
    ]
)


def escape(text: str) -> str:
    """`text` with every unsafe character written as an escape (`\\x1b`, `\\u202e`)."""
    if not any(char in UNSAFE for char in text):
        return text
    return "".join(
        (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}") if c in UNSAFE else c
        for c in text
    )


def shown(value: object) -> str:
    """A value from outside (an argument, a file name, a key) as a message shows it: quoted,
    escaped, and cut to MAX_SHOWN characters with an ellipsis."""
    text = escape(str(value))
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return f"'{text}'"


def _safe_line(line: str) -> str:
    """A message line with nothing unsafe in it and no word longer than MAX_SHOWN: the last
    guard for messages made elsewhere (click's, the YAML parser's)."""
    words = escape(line).split(" ")
    return " ".join(w if len(w) <= MAX_SHOWN else w[: MAX_SHOWN - 1] + "…" for w in words)


def report(message: str, stderr: TextIO | None = None) -> None:
    """One line (or a few, for data problems) on stderr, prefixed with the program's name,
    in what the stream can encode."""
    from digiday.output import for_stream

    stream = sys.stderr if stderr is None else stderr
    if stream is None:  # started with stderr closed: nobody to tell
        return
    for line in message.split("\n"):
        stream.write(for_stream(f"digiday: {_safe_line(line)}\n", stream))
    stream.flush()
