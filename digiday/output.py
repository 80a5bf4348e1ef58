"""Writing the answer: text in the terminal's encoding, bytes as they are, files atomically."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from digiday.env import Environment

# What an ASCII or Latin-1 terminal gets for the punctuation the tool and its data use.
_PLAIN_PUNCTUATION = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "–": "-",
        "—": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "·": "-",
        "•": "*",
        "→": "->",
        "\u00a0": " ",
    }
)


def without_diacritics(text: str) -> str:
    """`Còn 315 ngày đến` → `Con 315 ngay den`: Vietnamese for a terminal that cannot show
    it, letters kept, marks dropped, dashes and quotes made ASCII."""
    decomposed = unicodedata.normalize("NFD", text.translate(_PLAIN_PUNCTUATION))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def for_stream(text: str, stream: TextIO | None) -> str:
    """`text` as `stream` can encode it: as it is, else without diacritics, and anything
    still beyond the encoding as an escape (never `?`)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
        return text
    except (UnicodeError, LookupError):
        pass
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


class WriteError(Exception):
    """The answer could not be written to stdout (disk full, stdout closed, an I/O error).

    A closed pipe is not one: that stays a BrokenPipeError, which ends the run quietly.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@contextlib.contextmanager
def _writing(env: Environment) -> Iterator[TextIO]:
    """stdout, with a failure to write it turned into a WriteError."""
    if env.stdout is None:  # started with stdout closed (`digiday ... >&-`)
        raise WriteError(os.strerror(errno.EBADF))
    try:
        yield env.stdout
    except BrokenPipeError:
        raise
    except OSError as problem:
        if problem.errno == errno.EPIPE:
            raise
        raise WriteError(problem.strerror or str(problem)) from None


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


def write_file_atomically(path: str, content: bytes) -> None:
    """Write `path` so that readers see the old file or the new one, never half of either."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".digiday-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
