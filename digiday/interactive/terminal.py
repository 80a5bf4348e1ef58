"""What the long-running modes share: a terminal that goes away, and the signals heard while
they wait (a resize, SIGTERM, SIGHUP)."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from types import FrameType
from typing import Any

from digiday.errors import Interrupted, TerminalGone

# What writing to, reading from or setting up a terminal fails with once the terminal has
# gone (its window closed while SIGHUP was ignored, as under nohup or some multiplexers).
_GONE = frozenset({errno.EIO, errno.ENXIO, errno.EBADF})

Handler = Callable[[int, FrameType | None], Any]
Wait = Callable[[float], bool]  # a wait of up to so many seconds, ended early: whether it was


def _gone(problem: BaseException) -> bool:
    """Whether `problem` says the terminal went away: an OSError, or a termios.error (which
    is none, and carries its errno as its first argument)."""
    if isinstance(problem, OSError):
        return problem.errno in _GONE
    if type(problem).__module__ == "termios" and problem.args:
        return problem.args[0] in _GONE
    return False


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


# SIGTERM and SIGHUP (where there is one), each raising Interrupted: handlers for `signals`.
HANGUPS: dict[int, Handler] = {
    getattr(signal, name): _interrupt for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
}


@contextlib.contextmanager
def terminal_gone() -> Iterator[None]:
    """The terminal vanishing under an interactive command, as TerminalGone: the root ends
    the run quietly then, since nobody is left to read a message or a traceback."""
    try:
        yield
    except Exception as problem:
        if _gone(problem):
            raise TerminalGone(str(problem)) from problem
        raise


@contextlib.contextmanager
def signals(handlers: Mapping[int, Handler]) -> Iterator[int | None]:
    """Inside the block, each signal of `handlers` runs its handler (one ignored stays
    ignored), and every signal also writes its number to a pipe whose reading end this
    gives (signal.set_wakeup_fd): a wait that watches it ends at once, even for a signal
    that came just before the wait began. The previous handlers are back afterwards.
    Outside the main thread (a test's), where no handler can be set, it gives None."""
    if threading.current_thread() is not threading.main_thread():
        yield None
        return
    read, write = os.pipe()
    previous: dict[int, Any] = {}
    try:
        for descriptor in (read, write):
            os.set_blocking(descriptor, False)
        old_fd = signal.set_wakeup_fd(write, warn_on_full_buffer=False)
        try:
            for signum, handler in handlers.items():
                before = signal.getsignal(signum)
                if before is not signal.SIG_IGN:
                    previous[signum] = before
                    signal.signal(signum, handler)
            yield read
        finally:
            signal.set_wakeup_fd(old_fd)
            for signum, before in previous.items():
                # A handler installed from C reads as None, and None cannot be put back.
                signal.signal(signum, signal.SIG_DFL if before is None else before)
    finally:
        os.close(read)
        os.close(write)


def heard(woken: int) -> set[int]:
    """The signals written to the wake-up pipe since it was last read (none: empty)."""
    numbers = b""
    with contextlib.suppress(OSError):  # BlockingIOError: every byte read
        while chunk := os.read(woken, 64):
            numbers += chunk
    return set(numbers)
