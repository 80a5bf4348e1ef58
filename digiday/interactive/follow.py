"""`countdown --follow`: the answer again each time it changes, for status bars that keep a
process (waybar, polybar's `tail`, i3blocks' `persist`).

The answer changes at the midnight starting each day in the zone. The loop waits a minute
at most at a time and reads the clock after each wait, so a machine that slept through
midnight, or a clock set by hand, shows the new day within a minute. The same wait watches
stdout: a reader that goes away (`--follow | head -1`) ends the run at once. Each answer is
flushed as it is written. SIGTERM, SIGHUP (the bar went away) and SIGINT end it quietly,
status 0, like the closed pipe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import select
from collections.abc import Callable
from typing import TextIO

from digiday.core import schedule
from digiday.environment import Environment, flush, write_text
from digiday.errors import Interrupted
from digiday.interactive.terminal import HANGUPS, Wait, heard, signals

_LONGEST_WAIT = 60.0  # seconds: how late a new day may be shown after a suspend


def follow(env: Environment, zone: dt.tzinfo, answer: Callable[[dt.date], str]) -> None:
    """Write `answer(today)` now, and again each time today changes in `zone`, until a
    signal, Ctrl-C or a reader that has gone ends it (quietly)."""
    printed: dt.date | None = None
    with signals(HANGUPS) as woken:  # SIGHUP: the bar went away
        wait = env.wait or _watching(env.stdout, woken)
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
                if wait(min(max(left, 0.0) + 0.01, _LONGEST_WAIT)):
                    return
        except (KeyboardInterrupt, Interrupted):
            return


def _watching(stdout: TextIO | None, woken: int | None) -> Wait:
    """A wait of up to so many seconds that ends early when stdout's reader goes away (it
    says so) or a signal comes."""
    poller = select.poll()
    out = None
    with contextlib.suppress(AttributeError, OSError, ValueError):  # a test's buffer
        out = stdout.fileno()  # type: ignore[union-attr]
        poller.register(out, 0)  # no event asked for: an error or a hang-up comes anyway
    if woken is not None:
        poller.register(woken, select.POLLIN)

    def wait(seconds: float) -> bool:
        for descriptor, _ in poller.poll(seconds * 1000):
            if descriptor == out:
                return True
            heard(descriptor)  # a signal: its handler has run, or runs next
        return False

    return wait
