"""Exit statuses, in one place, and the words of every problem the tool reports: a msgid and
its values, put into the reader's language once, where the root reports it (cli/root.py)."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Mapping
from enum import IntEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, NoReturn

from digiday.l10n.translate import N_

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
    with the message, its own placeholders filled from `values`."""

    values: Mapping[str, object] = MappingProxyType({})

    @classmethod
    def of(cls, msgid: str, **values: object) -> Word:
        word = cls(msgid)
        word.values = values
        return word


class Failure(Exception):
    """Raised anywhere below the CLI to end the run with `status` after printing a message.

    Values named `path` or `folder` are shown whole (escaped), `value` quoted, escaped and
    cut; a `Word` is translated.
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
        return words(self.msgid, lang, self.values)


def words(msgid: str, lang: Lang, values: Mapping[str, object]) -> str:
    """`msgid` in `lang`, its values shown as a message shows them."""
    from digiday.l10n.translate import tr

    shown = {name: _shown_as(name, value, lang) for name, value in values.items()}
    return tr(msgid, lang, **shown)


def _shown_as(name: str, value: object, lang: Lang) -> object:
    if isinstance(value, Word):
        return words(value, lang, value.values)
    if name in ("path", "folder"):
        return quoted_path(value)
    if name == "value" and isinstance(value, str):
        return quoted(value)
    return value


def fail(msgid: str, status: ExitStatus = ExitStatus.USAGE, /, **values: object) -> NoReturn:
    """End the run with the message `msgid` (see Failure)."""
    raise Failure(msgid, status, **values)


class Interrupted(BaseException):  # not an Exception: `except Exception` must not stop it
    """SIGTERM or SIGHUP ended a run that cleans up first (`-o FILE`, `--watch`): the run
    ends as that signal asks, with status 128 + `signum`."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    def __str__(self) -> str:
        import signal

        try:
            return f"interrupted by {signal.Signals(self.signum).name}"
        except ValueError:
            return f"interrupted by signal {self.signum}"


class TerminalGone(Exception):
    """The terminal under `countdown --watch` or `quiz` went away (its window closed with
    SIGHUP ignored): the run ends quietly, since nobody is left to read a message."""


# The system's reasons the tool tells, in the reader's language; any other is told as the
# system words it.
_REASONS = {
    errno.ENOSPC: N_("No space left on device"), errno.EDQUOT: N_("Disk quota exceeded"),
    errno.EACCES: N_("Permission denied"), errno.EPERM: N_("Operation not permitted"),
    errno.EROFS: N_("Read-only file system"), errno.ENOENT: N_("No such file or directory"),
    errno.ENOTDIR: N_("Not a directory"), errno.EISDIR: N_("Is a directory"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.ENAMETOOLONG: N_("File name too long"), errno.EFBIG: N_("File too large"),
    errno.EIO: N_("Input/output error"), errno.EBADF: N_("Bad file descriptor"),
    errno.ENXIO: N_("No such device or address"), errno.ETXTBSY: N_("Text file busy"),
}  # fmt: skip


def reason(problem: OSError) -> str:
    """The system's reason for `problem`, as a Word where the tool has its own for it."""
    if problem.errno in _REASONS:
        return Word(_REASONS[problem.errno])
    return problem.strerror or (os.strerror(problem.errno) if problem.errno else str(problem))


MAX_SHOWN = 80  # characters of an echoed value a message shows at most

# C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides
# and isolates: what can move the cursor, retitle a terminal, break a line or reorder it when
# printed. Newline and TAB are here too, since one problem is one line.
_RANGES = (range(0x20), range(0x7F, 0xA0), range(0x2028, 0x202F), range(0x2066, 0x206A))
UNSAFE = frozenset(chr(code) for codes in _RANGES for code in codes)
# Those, and any lone surrogate, which no stream can encode. Compiled on first use (re's
# cache): most runs escape nothing.
_NEEDS_ESCAPE = "[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"


def _escaped(char: str) -> str:
    code = ord(char)
    # Python hands a byte of a file name or argument that is not UTF-8 over as a lone
    # surrogate (U+DC80 to U+DCFF, PEP 383); shown, it is the byte itself.
    if 0xDC80 <= code < 0xDD00:
        code -= 0xDC00
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """`text` with every unsafe character written as an escape (`\\x1b`, `\\u202e`), and a
    byte that was not UTF-8 as that byte (`\\xfe`)."""
    return re.sub(_NEEDS_ESCAPE, lambda match: _escaped(match.group()), text)


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
