"""`countdown --follow`: the answer again each time it changes, for status bars that keep a
process (waybar, polybar's `tail`, i3blocks' `persist`).

The answer changes at the midnight starting each day in the zone, so the loop sleeps until
then: one wake a day. The sleep (digiday.interactive.alarm) counts the time a laptop spends
suspended and ends early when the clock is set, and the loop reads the clock after every wake, so a
machine that slept through midnight shows the new day as it wakes. Each answer is flushed
at once: a status bar reads lines as they come. SIGTERM, SIGHUP (the bar went away) and
SIGINT end it quietly, status 0, like the closed pipe that the root's error policy already
ends so.
"""

from __future__ import annotations

import datetime as dt
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from digiday.core import schedule
from digiday.environment import Environment
from digiday.interactive import alarm
from digiday.output import flush, write_text


class _Stopped(Exception):
    """A signal asked the loop to end."""


def _stop(signum: int, frame: Any) -> None:
    raise _Stopped


@contextmanager
def _stoppable() -> Iterator[None]:
    previous = {}
    try:
        for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if signum is not None:
                previous[signum] = signal.signal(signum, _stop)
    except ValueError:  # not the main thread (a test's): no handlers, nothing to restore
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def follow(env: Environment, zone: dt.tzinfo, answer: Callable[[dt.date], str]) -> None:
    """Write `answer(today)` now, and again each time today changes in `zone`, until a
    signal or Ctrl-C ends it (quietly)."""
    printed: dt.date | None = None
    with _stoppable(), alarm.waking_on_signals():
        try:
            while True:
                now = env.now()
                today = schedule.date_in(now, zone)
                if today != printed:
                    write_text(env, answer(today))
                    flush(env)
                    printed = today
                left = schedule.time_left_today(now, zone).total_seconds()
                # A hair past midnight, so that the clock read on waking is in the new day.
                env.sleep(max(left, 0.0) + 0.01)
        except (KeyboardInterrupt, _Stopped):
            return
