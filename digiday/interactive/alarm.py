"""A sleep that a suspended machine does not stretch: how `countdown --follow` waits for
midnight, once a day.

`time.sleep` counts the monotonic clock, which stops while a laptop is suspended: a day's
sleep begun at noon would end a night's suspend too late. On Linux the wait is a timer on
CLOCK_BOOTTIME, which counts suspended time, so it ends at midnight or as the machine wakes
after it; a second timer, on the wall clock, ends it early when the clock is set (by hand,
by NTP, or by a time zone change). Elsewhere it sleeps at most a minute, and the caller,
which reads the clock after each wake, catches up within a minute.

Python 3.13 has `os.timerfd_create`; before it, the same calls go through ctypes, imported
only on the first wait, so that no other command pays for it.

A signal whose handler should end the wait (SIGTERM for `--follow`) can come after Python
last looked for signals and before the wait begins: its handler then runs only when the
wait ends, a day later. `waking_on_signals` closes that gap the way CPython offers
(`signal.set_wakeup_fd`): every signal also writes a byte into a pipe that the wait watches.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator

_ELSEWHERE = 60.0  # seconds: the longest sleep where suspend cannot be counted

_CLOCK_REALTIME = 0
_CLOCK_BOOTTIME = 7
_TFD_TIMER_ABSTIME = 1
_TFD_TIMER_CANCEL_ON_SET = 2
_YEARS = 10 * 365 * 86400  # the wall-clock timer's deadline: never reached, only cancelled


class _Timers:
    """timerfd_create and timerfd_settime, from `os` or from the C library."""

    create: Callable[..., int]
    settime: Callable[..., object]

    def __init__(self) -> None:
        if sys.version_info >= (3, 13):
            self.create, self.settime = os.timerfd_create, os.timerfd_settime
            return
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)

        class Timespec(ctypes.Structure):
            _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]

        class Itimerspec(ctypes.Structure):
            _fields_ = [("it_interval", Timespec), ("it_value", Timespec)]

        def check(result: int) -> int:
            if result < 0:
                errno = ctypes.get_errno()
                raise OSError(errno, os.strerror(errno))
            return result

        def create(clock: int, *, flags: int = 0) -> int:
            return check(libc.timerfd_create(clock, flags))

        def settime(fd: int, *, flags: int = 0, initial: float = 0.0) -> None:
            seconds = int(initial)
            value = Timespec(seconds, int((initial - seconds) * 1e9))
            spec = Itimerspec(Timespec(0, 0), value)
            check(libc.timerfd_settime(fd, flags, ctypes.byref(spec), None))

        self.create = create
        self.settime = settime


_timers: _Timers | None = None
_woken: int | None = None  # the read end of the signals' wake-up pipe, while one is set


@contextlib.contextmanager
def waking_on_signals() -> Iterator[None]:
    """Inside the block, a signal that comes at any moment ends a wait, so that its handler
    runs at once. Only the main thread may set a wake-up fd: elsewhere it does nothing."""
    global _woken
    import signal

    read, write = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        try:
            previous = signal.set_wakeup_fd(write, warn_on_full_buffer=False)
        except ValueError:  # not the main thread: nothing to watch
            yield
            return
        _woken = read
        try:
            yield
        finally:
            _woken = None
            signal.set_wakeup_fd(previous)
    finally:
        os.close(read)
        os.close(write)


def _suspend_aware() -> _Timers | None:
    global _timers
    if _timers is None and sys.platform.startswith("linux"):
        try:
            _timers = _Timers()
        except (OSError, AttributeError, ImportError):  # no timerfd in this C library
            return None
    return _timers


def sleep(seconds: float) -> None:
    """Sleep `seconds` of elapsed time, suspended time included, or less: it ends early
    when the wall clock is set, and, where suspend cannot be counted, after a minute."""
    if seconds <= 0:
        return
    timers = _suspend_aware()
    if timers is None:
        time.sleep(min(seconds, _ELSEWHERE))
        return
    try:
        boot = timers.create(_CLOCK_BOOTTIME, flags=os.O_CLOEXEC)
    except OSError:  # a kernel or sandbox without it
        time.sleep(min(seconds, _ELSEWHERE))
        return
    wall = -1
    try:
        timers.settime(boot, initial=seconds)
        try:
            wall = timers.create(_CLOCK_REALTIME, flags=os.O_CLOEXEC)
            flags = _TFD_TIMER_ABSTIME | _TFD_TIMER_CANCEL_ON_SET
            timers.settime(wall, flags=flags, initial=float(int(time.time()) + _YEARS))
        except OSError:  # no wall-clock watch: the boot timer alone
            if wall >= 0:
                os.close(wall)
            wall = -1
        _wait(boot, wall)
    finally:
        os.close(boot)
        if wall >= 0:
            os.close(wall)


def _wait(boot: int, wall: int) -> None:
    import select

    woken = _woken
    watched = [boot] if wall < 0 else [boot, wall]
    watched += [woken] if woken is not None else []
    while True:
        ready, _, _ = select.select(watched, [], [])
        if boot in ready:
            return
        if woken is not None and woken in ready:
            # A signal came: its handler runs as this returns (and, for --follow's, ends it).
            with contextlib.suppress(BlockingIOError):
                while os.read(woken, 64):
                    pass
            return
        try:
            os.read(wall, 8)
        except OSError:  # ECANCELED: the wall clock was set
            return
        # The wall-clock deadline itself passed: a clock far behind the real one (a test's
        # moved clock, which the kernel's timers do not see). Wait on the boot timer alone.
        watched.remove(wall)
