"""Exit statuses, in one place, and the one way the tool reports a problem."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, NoReturn, TextIO

if TYPE_CHECKING:
    from digiday.core.model import Lang


class ExitStatus(IntEnum):
    OK = 0
    NO = 1  # is-today on another day; search with no match
    USAGE = 2  # the command line is wrong
    DATA = 3  # a user data file cannot be used
    SOFTWARE = 70  # a bug in digiday: reported in one line, never as a traceback
    OSERR = 71  # the system failed under the tool: out of memory
    IOERR = 74  # the answer could not be written: disk full, stdout closed, an I/O error
    INTERRUPTED = 130  # Ctrl-C


class Word(str):
    """A value of a message that is itself one of the tool's words (a msgid): translated
    with the message."""


class Failure(Exception):
    """Raised anywhere below the CLI to end the run with `status` after printing a message.

    The message is a msgid (marked with `N_()` where it is written) with its values; the
    root puts it into the reader's language once, when it reports it (root._run), so that
    nothing below the command line needs to know the language. Values named `path` are
    shown whole (escaped), `value` quoted, escaped and cut; a `Word` is translated.
    """

    def __init__(
        self, msgid: str, status: ExitStatus = ExitStatus.USAGE, /, **values: object
    ) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.status = status
        self.values = values

    def text(self, lang: Lang) -> str:
        """The message in `lang`."""
        from digiday.l10n.translate import catalogue, tr

        t = catalogue(lang)
        values = {name: _shown_as(name, value, t.gettext) for name, value in self.values.items()}
        return tr(self.msgid, lang, **values)


def _shown_as(name: str, value: object, gettext: Callable[[str], str]) -> object:
    if name == "path":
        return quoted_path(value)
    if isinstance(value, Word):
        return gettext(value)
    if name == "value" and isinstance(value, str):
        return quoted(value)
    return value


class TerminalGone(Exception):
    """The terminal under `countdown --watch` or `quiz` went away (its window closed with
    SIGHUP ignored): the run ends quietly, since nobody is left to read a message."""


def fail(msgid: str, status: ExitStatus = ExitStatus.USAGE, /, **values: object) -> NoReturn:
    """End the run with the message `msgid` (see Failure)."""
    raise Failure(msgid, status, **values)


MAX_SHOWN = 80  # characters of an echoed value a message shows at most

# C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides
# and isolates: what can move the cursor, retitle a terminal, break a line or reorder it when
# printed. Newline and TAB are here too, since one problem is one line.
UNSAFE = frozenset(
    [
        *map(chr, range(0x00, 0x20)),
        *map(chr, range(0x7F, 0xA0)),
        "\u2028",
        "\u2029",
        *map(chr, range(0x202A, 0x202F)),
        *map(chr, range(0x2066, 0x206A)),
    ]
)
# Python hands a byte of a file name or argument that is not UTF-8 over as a lone surrogate
# (U+DC80 to U+DCFF, PEP 383); shown, it is the byte itself.
_SMUGGLED_BYTES = range(0xDC80, 0xDD00)


def _escaped(char: str) -> str:
    code = ord(char)
    if code in _SMUGGLED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    if char in UNSAFE:
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    if 0xD800 <= code < 0xE000:  # any other lone surrogate: no stream can encode it
        return f"\\u{code:04x}"
    return char


_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def escape(text: str) -> str:
    """`text` with every unsafe character written as an escape (`\\x1b`, `\\u202e`), and a
    byte that was not UTF-8 as that byte (`\\xfe`)."""
    return _NEEDS_ESCAPE.sub(lambda match: _escaped(match.group()), text)


def quoted_path(path: object) -> str:
    """A file's path as a message shows it: quoted and escaped, always whole, so that the
    reader can tell which file is meant; an empty one is named as empty."""
    text = escape(os.fsdecode(path) if isinstance(path, (bytes, os.PathLike)) else str(path))
    return f"'{text}'"


def quoted(value: object) -> str:
    """A value from outside (an argument, a file name, a key) as a message shows it: quoted,
    escaped, and cut to MAX_SHOWN characters with an ellipsis."""
    text = escape(str(value))
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return f"'{text}'"


def _safe_line(line: str) -> str:
    """A message line with nothing unsafe in it: the last guard for messages made elsewhere
    (click's, the YAML parser's). Values are cut where they are put in a message, never
    here, so that a file's path stays whole."""
    return escape(line)


def report(message: str, stderr: TextIO | None = None) -> None:
    """One line (or a few, for data problems) on stderr, prefixed with the program's name,
    in what the stream can encode. A stderr that cannot be written is let go quietly: the
    exit status is then the only word left, and it must stay the one the run ended with."""
    from digiday.output import for_stream

    stream = sys.stderr if stderr is None else stderr
    if stream is None:  # started with stderr closed: nobody to tell
        return
    try:
        for line in message.split("\n"):
            stream.write(for_stream(f"digiday: {_safe_line(line)}\n", stream))
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
