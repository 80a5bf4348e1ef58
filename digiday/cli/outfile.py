"""`-o FILE`: the answer written to a file as the contract promises.

A regular file (or a new one) is replaced atomically and keeps its mode, group and extended
attributes; anything else is written into, never replaced; a path naming a descriptor the
process has open (`/dev/stderr`, `/dev/fd/3`, or the very file one is open on) is written
through that descriptor, after what it holds. click's `open_file(atomic=True)` would rename
over all of these, so the writing is the tool's own.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from typing import TYPE_CHECKING

from digiday.environment import write_bytes
from digiday.errors import ExitStatus, Failure, Interrupted, reason
from digiday.l10n.translate import N_

if TYPE_CHECKING:
    import signal
    from collections.abc import Callable
    from types import FrameType
    from typing import Any

    from digiday.environment import Environment

    Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


def save(env: Environment, path: str, content: bytes) -> None:
    """`content` written where `-o PATH` says. Raises Failure (74) naming the path as given,
    and the folder at fault where it is one; a closed pipe stays a BrokenPipeError."""
    found = None if path == "-" else descriptor(path)
    try:
        if path == "-" or (found == 1 and env.stdout is not None):
            write_bytes(env, content)  # after what stdout's own buffer holds
        elif found is not None:
            _write_all(found, content)
        else:
            write_file(path, content)
    except OSError as problem:
        if problem.errno == errno.EPIPE:  # `-o /dev/stdout | head`: quiet, as for stdout
            raise
        raise _told(problem, path) from None


def descriptor(path: str) -> int | None:
    """The descriptor of this process, open for writing, that `path` names or is the very
    file of: `/dev/stdout`, `/dev/fd/N` and `/proc/self/fd/N` lead to its file, and so does
    the file's own name. None when there is none (or the system lists none)."""
    try:
        target = os.stat(path)
        names = os.listdir("/proc/self/fd" if os.path.isdir("/proc/self/fd") else "/dev/fd")
    except (OSError, ValueError):
        return None
    for fd in sorted(int(name) for name in names if name.isdigit()):
        try:
            writable = os.O_ACCMODE & _flags(fd) in (os.O_WRONLY, os.O_RDWR)
            if writable and os.path.samestat(os.fstat(fd), target):
                return fd
        except OSError:  # closed since it was listed (the listing's own descriptor)
            continue
    return None


def _flags(fd: int) -> int:
    import fcntl

    return fcntl.fcntl(fd, fcntl.F_GETFL)


def _told(problem: OSError, path: str) -> Failure:
    """The failure to write `path` in words: the folder at fault, named as the path given
    names it, where it is a folder's."""
    at = problem.filename if isinstance(problem.filename, str) else path
    if at == path:
        return Failure(
            N_("cannot write {path}: {reason}"), ExitStatus.IOERR, path=path, reason=reason(problem)
        )
    folder = _as_given(at, path)
    if problem.errno == errno.ENOENT:
        message = N_("cannot write {path}: the folder {folder} does not exist")
    elif problem.errno == errno.ENOTDIR:
        message = N_("cannot write {path}: {folder} is not a folder")
    else:
        message = N_("cannot write {path}: the folder {folder} refuses it ({reason})")
    return Failure(message, ExitStatus.IOERR, path=path, folder=folder, reason=reason(problem))


def _as_given(folder: str, path: str) -> str:
    """`folder` (a real path) as `path` names it (`out` for `out/cal.ics`), where it does."""
    given = os.path.dirname(path)
    with contextlib.suppress(OSError, ValueError):
        real = os.path.realpath(folder)
        while given and given != os.path.dirname(given):
            if os.path.realpath(given) == real:
                return given
            given = os.path.dirname(given)
    return folder


def write_file(path: str, content: bytes) -> None:
    """Write `content` to the file `path`, the way `-o FILE` promises.

    - A regular file, or a new one, is replaced atomically: a temporary file in the same
      folder, written, fsync'ed, then os.replace'd over `path`. A reader sees the old file or
      the new one, never half; a hard link to the old file keeps the old content.
    - An existing file the user may not write is refused, as the shell's `>` refuses it
      (the rename needs only the folder's permission). One that may be written keeps its
      permission bits, its group (and owner, for root) and its extended attributes (ACLs,
      labels) where the system allows it. A new file gets what the umask (or the folder's
      default ACL) gives, as any program's new file does: 0o666 & ~umask.
    - A symbolic link is followed and its target replaced; the link stays a link. A dangling
      link gets its target written, when the target's folder exists.
    - Anything else that exists (a FIFO, a terminal, a device such as /dev/null or /dev/full)
      is opened and written into, never replaced. A directory is an IsADirectoryError.
    - No temporary file is left behind, whatever ends the write: an exception, Ctrl-C, or
      SIGTERM or SIGHUP, which (in the main thread, unless ignored) raise Interrupted for
      the duration of the write; the previous handlers are back in place afterwards.
    - Every failure is an OSError whose `filename` is the file at fault and whose `strerror`
      is the system's reason: the folder when the temporary file cannot be made there (not
      writable, read-only file system), the first missing folder of the path, the component
      that is a file where a folder should be, else `path` itself (disk full, I/O error).
    """
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
            if status is not None and not _may_write(path):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
            _replace(path, status, content)
        elif stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        else:
            _write_into(path, content)


def _may_write(path: str) -> bool:
    """Whether this user may write the file itself, as `>` would (root may)."""
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


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
                _keep_attributes(handle, target, status)
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


def _keep_attributes(handle: int, target: str, status: os.stat_result) -> None:
    """The replaced file's owner, group, mode and extended attributes, where allowed."""
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
    if hasattr(os, "listxattr"):  # Linux: ACLs and security labels live here too
        with contextlib.suppress(OSError):
            for name in os.listxattr(target):
                with contextlib.suppress(OSError):  # one the system does not let us set
                    os.setxattr(handle, name, os.getxattr(target, name))


def _write_all(handle: int, content: bytes) -> None:
    view = memoryview(content)
    while view:  # os.write may write less than asked (a pipe, a signal, a nearly full disk)
        view = view[os.write(handle, view) :]


def _write_into(path: str, content: bytes) -> None:
    # No O_TRUNC and no O_CREAT: the file exists, and truncating a device or FIFO means
    # nothing.
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
