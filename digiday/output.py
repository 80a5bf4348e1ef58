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

from digiday.l10n.translate import N_

if TYPE_CHECKING:
    import signal
    from collections.abc import Callable
    from types import FrameType
    from typing import Any

    from digiday.environment import Environment

    Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None

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


# Told when the answer cannot be written to stdout (root._run, and the fast path's own write).
STDOUT_FAILED = N_("cannot write the answer to standard output: {reason}")


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


class Interrupted(BaseException):  # not an Exception: `except Exception` must not stop it
    """SIGTERM or SIGHUP came while write_file was writing. The temporary file is already
    gone; the run should end as that signal asks, with status 128 + `signum`."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    def __str__(self) -> str:
        import signal

        try:
            return f"interrupted by {signal.Signals(self.signum).name}"
        except ValueError:
            return f"interrupted by signal {self.signum}"


def is_stdout(env: Environment, path: str) -> bool:
    """`path` names the file this run's standard output is open on: `/dev/stdout`,
    `/proc/self/fd/1`, or the file's own name. `-o` writes such a file through stdout, after
    what stdout already holds (`{ echo x; digiday ics -o /dev/stdout; } > f` keeps the x),
    rather than replacing it."""
    if env.stdout is None:
        return False
    try:
        return os.path.samestat(os.stat(path), os.fstat(env.stdout.fileno()))
    except (OSError, ValueError, io.UnsupportedOperation):  # no file, or no descriptor
        return False


def write_file(path: str, content: bytes) -> None:
    """Write `content` to the file `path`, the way `-o FILE` promises.

    - A regular file, or a new one, is replaced atomically: a temporary file in the same
      folder, written, fsync'ed, then os.replace'd over `path`. A reader sees the old file or
      the new one, never half; a hard link to the old file keeps the old content.
    - An existing file keeps its permission bits, and its group (and owner, for root) where
      the system allows it. A new file gets what the umask (or the folder's default ACL)
      gives, as any program's new file does: 0o666 & ~umask.
    - A symbolic link is followed and its target replaced; the link stays a link. A dangling
      link gets its target written, when the target's folder exists.
    - Anything else that exists (a FIFO, a terminal, a device such as /dev/null or /dev/full,
      /dev/stdout) is opened and written into, never replaced. A directory is an
      IsADirectoryError.
    - No temporary file is left behind, whatever ends the write: an exception, Ctrl-C, or
      SIGTERM or SIGHUP, which (in the main thread, unless ignored) raise Interrupted for
      the duration of the write; the previous handlers are back in place afterwards.
    - Every failure is an OSError whose `filename` is the file at fault and whose `strerror`
      is the system's reason: the folder when the temporary file cannot be made there (not
      writable, read-only file system), the first missing folder of the path, the component
      that is a file where a folder should be, else `path` itself (disk full, I/O error).
    """
    import stat

    if not path or path.endswith((os.sep, os.sep + ".", os.sep + "..")) or path in (".", ".."):
        # A name that can only be a folder: never a file made beside it (`zz/` wrote `zz`).
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    folder = os.path.dirname(path)
    if folder and os.path.basename(folder) in (".", ".."):
        try:
            os.stat(folder)  # `nodir/../x`: the system walks nodir; realpath would not
        except OSError as problem:
            raise _blamed(folder, problem, path) from problem
    with _interruptible():
        try:
            status: os.stat_result | None = os.stat(path)
        except FileNotFoundError:  # a new file, or a dangling link
            status = None
        except OSError as problem:
            raise _blamed(os.path.realpath(path), problem, path) from problem
        if status is None or stat.S_ISREG(status.st_mode):
            _replace(path, status, content)
        elif stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        else:
            _write_into(path, content)


# A dot: hidden from `ls`, and from globs such as *.ics that might pick up a half file.
_TEMPORARY_PREFIX = ".digiday-"
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _replace(path: str, status: os.stat_result | None, content: bytes) -> None:
    # The link's target is what gets replaced (the link stays), and the temporary file must
    # be in the target's folder: os.replace is atomic within one file system only.
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    temporary: str | None = None
    try:
        for _ in range(100):
            # Named before it exists, so that cleanup knows it whenever an interruption comes.
            temporary = os.path.join(folder, f"{_TEMPORARY_PREFIX}{os.urandom(6).hex()}.tmp")
            try:
                # A new file is created with 0o666 so that the kernel applies the umask (or
                # the folder's default ACL) itself: no umask to read, no race with threads.
                # Over an existing file, private until its own mode is set.
                handle = os.open(temporary, _CREATE, 0o666 if status is None else 0o600)
                break
            except FileExistsError:
                temporary = None  # someone else's: never to be removed by us
        else:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), folder)
    except OSError as problem:  # nothing was created
        # The folder is what refused it (read-only, full, missing, not searchable).
        raise _blamed(os.path.join(folder, _TEMPORARY_PREFIX), problem, folder) from problem
    except BaseException:
        _remove(temporary)
        raise
    try:
        try:
            if status is not None:
                _keep_owner_and_mode(handle, status)
            _write_all(handle, content)
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, target)
    except BaseException as problem:
        _remove(temporary)
        if isinstance(problem, OSError):
            raise OSError(problem.errno, problem.strerror, path) from problem
        raise
    # The rename itself survives a crash only once the folder is on disk; the new file is in
    # place already, so a folder that cannot be synced (some file systems) is no failure.
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _remove(temporary: str | None) -> None:
    if temporary is not None:
        with contextlib.suppress(OSError):  # gone already (renamed, or never created)
            os.unlink(temporary)


def _keep_owner_and_mode(handle: int, status: os.stat_result) -> None:
    import stat

    if hasattr(os, "fchown"):
        # Only root may give a file away; a user may still keep its group, if a member. When
        # neither is allowed (EINVAL: an owner unmapped in this user namespace), the new file
        # is simply the writer's, as a copy would be.
        for owner in (status.st_uid, -1):
            try:
                os.fchown(handle, owner, status.st_gid)
                break
            except PermissionError:
                continue
            except OSError as problem:
                if problem.errno != errno.EINVAL:
                    raise
                break
    if hasattr(os, "fchmod"):  # not on Windows before Python 3.13, where modes mean little
        # After fchown, which clears the set-user-ID and set-group-ID bits.
        os.fchmod(handle, stat.S_IMODE(status.st_mode))


def _write_all(handle: int, content: bytes) -> None:
    view = memoryview(content)
    while view:  # os.write may write less than asked (a pipe, a signal, a nearly full disk)
        view = view[os.write(handle, view) :]


def _write_into(path: str, content: bytes) -> None:
    # No O_TRUNC and no O_CREAT: the file exists, and truncating a device or FIFO means
    # nothing. Opened by `path`, not its real path: /dev/stdout resolves to a name such as
    # /proc/self/fd/pipe:[1234], which only the kernel can open.
    try:
        handle = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            _write_all(handle, content)
        finally:
            os.close(handle)
    except OSError as problem:
        raise OSError(problem.errno, problem.strerror, path) from problem


def _blamed(real: str, problem: OSError, fallback: str) -> OSError:
    """`problem` naming what is at fault on the way to `real` (an absolute path with no
    symbolic links, of the file that could not be stat'ed or made): its first missing
    folder, a file where a folder should be, a folder that cannot be searched; when every
    folder is fine, `problem` itself, naming `fallback`."""
    import stat

    parts = []
    part = real
    while os.path.dirname(part) != part:
        parts.append(part)
        part = os.path.dirname(part)
    for part in reversed(parts):
        try:
            mode = os.stat(part).st_mode
        except PermissionError as cause:  # the folder above it cannot be searched
            return OSError(cause.errno, cause.strerror, os.path.dirname(part))
        except OSError as cause:
            if part == real:  # the file itself: not there yet, or its own problem
                break
            return OSError(cause.errno, cause.strerror, part)
        if part != real and not stat.S_ISDIR(mode):
            return NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), part)
    return OSError(problem.errno, problem.strerror, fallback)


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """Inside the block, SIGTERM and SIGHUP raise Interrupted, so that cleanup runs."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers, and only it would run them
        return
    raised = False

    def interrupt(signum: int, frame: FrameType | None) -> None:
        nonlocal raised
        if not raised:  # a second signal must not cut short the cleanup of the first
            raised = True
            raise Interrupted(signum)

    previous: dict[int, Handler] = {}
    try:
        for name in ("SIGTERM", "SIGHUP"):
            signum = getattr(signal, name, None)  # Windows has no SIGHUP
            if signum is None:
                continue
            before = signal.getsignal(signum)
            # Ignored stays ignored (nohup, a parent's choice). None: a handler set outside
            # Python, which signal.signal could not put back.
            if before is signal.SIG_IGN or before is None:
                continue
            previous[signum] = before  # first, so that it is put back even if the signal
            signal.signal(signum, interrupt)  # comes the moment the new handler is set
        yield
    finally:
        for signum, before in previous.items():
            signal.signal(signum, before)
