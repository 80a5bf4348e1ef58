"""`-o FILE`: the answer written to a file as the contract promises (write_file says how).

click's `open_file(atomic=True)` would rename over a device, a FIFO, or a file a descriptor
of the process is open on (`/dev/stderr`, `/dev/fd/3`), which are written into instead: so
the writing is the tool's own.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING

from digiday.environment import write_bytes
from digiday.errors import ExitStatus, Failure, Interrupted, reason
from digiday.l10n.translate import N_

if TYPE_CHECKING:
    from types import FrameType
    from typing import Any

    from digiday.environment import Environment


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
    """The descriptor of this process, open for writing, on the very file `path` names
    (`/dev/stdout`, `/dev/fd/N`, the file's own name), if the system lists them."""
    try:
        target = os.stat(path)
        names = os.listdir("/proc/self/fd" if os.path.isdir("/proc/self/fd") else "/dev/fd")
    except (OSError, ValueError):
        return None
    import fcntl

    for fd in sorted(int(name) for name in names if name.isdigit()):
        with contextlib.suppress(OSError):  # closed since it was listed (the listing's own)
            mode = os.O_ACCMODE & fcntl.fcntl(fd, fcntl.F_GETFL)
            if mode in (os.O_WRONLY, os.O_RDWR) and os.path.samestat(os.fstat(fd), target):
                return fd
    return None


def _told(problem: OSError, path: str) -> Failure:
    """The failure to write `path` in words, with the folder at fault where it is one's."""
    at, why = problem.filename if isinstance(problem.filename, str) else path, reason(problem)
    if at == path:
        return Failure(N_("cannot write {path}: {reason}"), ExitStatus.IOERR, path=path, reason=why)
    message = {
        errno.ENOENT: N_("cannot write {path}: the folder {folder} does not exist"),
        errno.ENOTDIR: N_("cannot write {path}: {folder} is not a folder"),
    }.get(problem.errno or 0, N_("cannot write {path}: the folder {folder} refuses it ({reason})"))
    return Failure(message, ExitStatus.IOERR, path=path, folder=_as_given(at, path), reason=why)


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
      folder, written, fsync'ed, renamed over it. One the user may not write is refused, as
      the shell's `>` refuses it; else it keeps its mode, group (and owner, for root) and
      extended attributes where allowed. A new one gets what the umask gives.
    - A symbolic link is followed and its target replaced (a dangling one's too).
    - Anything else that exists (a FIFO, a terminal, /dev/null) is written into. A
      directory is an IsADirectoryError.
    - No temporary file is left behind: SIGTERM and SIGHUP raise Interrupted meanwhile.
    - A failure is an OSError naming the file at fault: the folder the temporary file cannot
      be made in, the first missing folder, a file where a folder should be, else `path`.
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
        if status is not None and stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        if status is not None and not stat.S_ISREG(status.st_mode):
            _write_into(path, content)
        elif status is not None and not os.access(path, os.W_OK, effective_ids=_EFFECTIVE):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)  # as `>` does
        else:
            _replace(path, status, content)


_EFFECTIVE = os.access in os.supports_effective_ids  # may this user write it, as `>` asks
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
                # 0o666 for a new file, so that the kernel applies the umask (or the folder's
                # default ACL) itself; over an existing file, private until its mode is set.
                handle = os.open(temporary, _CREATE, 0o666 if status is None else 0o600)
                break
            except FileExistsError:
                temporary = None  # someone else's: never to be removed by us
        else:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), folder)
    except OSError as problem:  # nothing was created: the folder refused it
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
    # The rename survives a crash once the folder is on disk; a folder that cannot be
    # synced (some file systems) is no failure: the new file is in place already.
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
        # Only root may give a file away; a user may keep its group, if a member. Neither
        # (EINVAL: an owner unmapped in this user namespace): the writer's, as a copy is.
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
        os.fchmod(handle, stat.S_IMODE(status.st_mode))  # after fchown, which clears setuid
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
    # Neither O_TRUNC nor O_CREAT: the file exists, and truncating a device means nothing.
    try:
        handle = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            _write_all(handle, content)
        finally:
            os.close(handle)
    except OSError as problem:
        raise OSError(problem.errno, problem.strerror, path) from problem


def _blamed(real: str, problem: OSError, fallback: str) -> OSError:
    """`problem` naming what is at fault on the way to `real` (the real path of the file
    that could not be stat'ed or made): its first missing folder, a file where a folder
    should be, a folder that cannot be searched; else `problem` itself, naming `fallback`."""
    for part in [*map(str, reversed(PurePath(real).parents[:-1])), real]:  # down from the top
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
    """Inside the block, SIGTERM and SIGHUP raise Interrupted, so that cleanup runs; ignored
    stays ignored (nohup, a parent's choice), and the previous handlers come back after.
    Only the main thread may set handlers (and only it would run them)."""
    import signal
    import threading

    main = threading.main_thread()
    raised = False

    def interrupt(signum: int, frame: FrameType | None) -> None:
        nonlocal raised
        if not raised:  # a second signal must not cut short the cleanup of the first
            raised = True
            raise Interrupted(signum)

    previous: dict[int, Any] = {}
    try:
        for name in ("SIGTERM", "SIGHUP") if threading.current_thread() is main else ():
            signum = getattr(signal, name, None)  # Windows has no SIGHUP
            before = signal.getsignal(signum) if signum is not None else None
            # None: a handler set outside Python, which signal.signal could not put back.
            if signum is not None and before not in (signal.SIG_IGN, None):
                previous[signum] = before  # first, so that it is put back even if the signal
                signal.signal(signum, interrupt)  # comes the moment the new handler is set
        yield
    finally:
        for signum, before in previous.items():
            signal.signal(signum, before)
