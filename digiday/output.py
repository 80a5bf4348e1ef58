"""Writing the answer: text in the terminal's encoding, bytes as they are, files atomically."""

from __future__ import annotations

import contextlib
import io
import os
import sys


def tolerate_narrow_encodings() -> None:
    """Let a character the stream's encoding lacks become '?' rather than a crash
    (PYTHONIOENCODING=ascii, an old Windows console). UTF-8 streams are unaffected."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def write_text(text: str) -> None:
    sys.stdout.write(text)


def write_bytes(content: bytes) -> None:
    """Bytes to stdout as they are (UTF-8 JSON, an iCalendar file), whatever its encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(content.decode("utf-8"))
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
