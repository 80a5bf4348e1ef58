"""Writing the answer: text in the terminal's encoding, bytes as they are, files atomically."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Iterator
from typing import TextIO


def tolerate_narrow_encodings() -> None:
    """Let a character the stream's encoding lacks become '?' rather than a crash
    (PYTHONIOENCODING=ascii, an old Windows console). UTF-8 streams are unaffected."""
    for stream in (sys.stdout, sys.stderr):  # either is None when started closed
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


class WriteError(Exception):
    """The answer could not be written to stdout (disk full, stdout closed, an I/O error).

    A closed pipe is not one: that stays a BrokenPipeError, which ends the run quietly.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@contextlib.contextmanager
def _writing() -> Iterator[TextIO]:
    """stdout, with a failure to write it turned into a WriteError."""
    if sys.stdout is None:  # started with stdout closed (`digiday ... >&-`)
        raise WriteError(os.strerror(errno.EBADF))
    try:
        yield sys.stdout
    except BrokenPipeError:
        raise
    except OSError as problem:
        if problem.errno == errno.EPIPE:
            raise
        raise WriteError(problem.strerror or str(problem)) from None


def write_text(text: str) -> None:
    with _writing() as stdout:
        stdout.write(text)


def flush() -> None:
    """Push out what is buffered, so that a full disk is found before the run ends."""
    if sys.stdout is not None:
        with _writing() as stdout:
            stdout.flush()


def write_bytes(content: bytes) -> None:
    """Bytes to stdout as they are (UTF-8 JSON, an iCalendar file), whatever its encoding."""
    with _writing() as stdout:
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
