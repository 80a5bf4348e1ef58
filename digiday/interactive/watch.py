"""`countdown --watch`: a live days-hours-minutes-seconds countdown on a terminal."""

from __future__ import annotations

import datetime as dt
import os
import select
import signal
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from digiday.core import schedule
from digiday.core.constants import Lang
from digiday.interactive.terminal import HANGUPS, Handler, Wait, heard, signals, terminal_gone
from digiday.l10n.translate import catalogue, countdown_headline, long_date, tr

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from digiday.environment import Environment


def live_line(now: dt.datetime, zone: dt.tzinfo, lang: Lang) -> str:
    """The line that changes every second: the time to the next Day's midnight, or, on the
    Day itself, how much of it is left."""
    today = schedule.date_in(now, zone)
    if schedule.is_day(today):
        left = _clock(int(schedule.time_left_today(now, zone).total_seconds()) % 86400)
        return tr("Today is the Day: {time} of it left", lang, time=left)
    return remaining(schedule.time_until(now, zone), schedule.next_day(today), lang)


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def remaining(left: dt.timedelta, target: dt.date, lang: Lang) -> str:
    """`Until 00:00 on 10 October 2027: 315 days 05:04:03 to go`, in whole seconds.

    It names the midnight it counts to, since its whole days are one fewer than the
    calendar days of the headline for most of every day.
    """
    days, rest = divmod(max(0, int(left.total_seconds())), 86400)
    date = long_date(target.year, target.month, target.day, lang)
    text = catalogue(lang).ngettext(
        "Until 00:00 on {date}: {days} day {time} to go",
        "Until 00:00 on {date}: {days} days {time} to go",
        days,
    )
    return text.format(date=date, days=days, time=_clock(rest))


def _headline(env: Environment, zone: dt.tzinfo, now: dt.datetime) -> str:
    today = schedule.date_in(now, zone)
    target = schedule.next_day(today)
    return countdown_headline(schedule.days_until(today), schedule.edition(target.year), env.lang)


def frame(env: Environment, zone: dt.tzinfo, now: dt.datetime) -> RenderableType:
    """What the watch shows at `now`: the headline, the live line and how to stop, boxed
    where the console is wide enough to box them."""
    from rich.text import Text

    from digiday.render.layout import boxed

    body = Text.assemble(
        (_headline(env, zone, now), "bold red"),
        "\n\n",
        (live_line(now, zone, env.lang), "bold"),
        "\n",
        (tr("Press Ctrl-C to stop", env.lang), "dim"),
    )
    # Unboxed, Rich wraps the text itself, cutting a word longer than the width: a line of
    # a live display must never be wider than the screen, or each redraw lands lower.
    return boxed(body, "red", bare=body)


def _room(columns: int) -> int:
    """The console's width on a screen of `columns`. Room is left after the frame for the
    terminal's echo of Ctrl-C ("^C"): where the frame is as wide as the screen, the echo
    wraps to a new line, and the final redraw lands a line low, under a second top border."""
    return max(columns - 3, 1)


def _size(stream: TextIO) -> os.terminal_size | None:
    """The terminal's size now; None where `stream` is no terminal (a test's buffer)."""
    try:
        return os.get_terminal_size(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return None


# The signals the watch hears while it runs (digiday.interactive.terminal): SIGWINCH redraws
# at once; SIGTERM and SIGHUP end it, the terminal put back as Ctrl-C puts it back (the
# cursor shown again), with 128 + the signal.
_HANDLERS: dict[int, Handler] = dict(HANGUPS)
if hasattr(signal, "SIGWINCH"):
    _HANDLERS[signal.SIGWINCH] = lambda signum, frame: None


def _resizes(woken: int | None) -> Wait:
    """A wait of `seconds`, or less if the terminal is resized; whether it was."""

    def wait(seconds: float) -> bool:
        if woken is None:
            time.sleep(seconds)
            return False
        ready, _, _ = select.select([woken], [], [], seconds)
        return bool(ready) and getattr(signal, "SIGWINCH", None) in heard(woken)

    return wait


def _to_next_second() -> float:
    return 1 - time.time() % 1 + 0.01


def run(env: Environment, zone: dt.tzinfo) -> None:
    """Redraw once a second, and at once at a new size, until Ctrl-C (which the CLI turns
    into a quiet exit 130). A terminal that goes away ends it with TerminalGone."""
    from digiday.render.text import console

    stdout = env.stdout
    assert stdout is not None  # the CLI watches only where stdout is a terminal
    with terminal_gone(), signals(_HANDLERS) as woken:
        resizes = _resizes(woken)
        out = console(env._replace(width=_room(env.width)), stdout)
        if out.is_dumb_terminal:
            _run_dumb(env, zone, stdout, resizes)
        else:
            _run_live(env, zone, out, stdout, resizes)


def _run_live(
    env: Environment,
    zone: dt.tzinfo,
    out: Console,
    stdout: TextIO,
    resizes: Wait,
) -> None:
    from rich.control import Control
    from rich.live import Live

    try:
        with Live(frame(env, zone, env.now()), console=out, auto_refresh=False) as live:
            while True:
                if resizes(_to_next_second()):
                    size = _size(stdout)
                    if size is not None:
                        out.size = (_room(size.columns), size.lines)
                    # Where the old frame stands after a resize is the terminal's business
                    # (some rewrap it, some cut it), so Live cannot move back over it: the
                    # screen is cleared and the frame drawn from the top.
                    out.control(Control.home(), Control.clear())
                live.update(frame(env, zone, env.now()), refresh=True)
    finally:
        out.show_cursor(True)  # also after a signal that came while Live was starting


def _run_dumb(env: Environment, zone: dt.tzinfo, stdout: TextIO, resizes: Wait) -> None:
    """A terminal that cannot move the cursor (TERM=dumb): the headline as a line of its
    own, written again when it changes, and the live line rewritten in place after a
    carriage return, cut from the left where it would wrap, keeping the clock in view."""
    from rich.cells import cell_len

    room = max(env.width - 1, 1)  # a line in the last column would wrap on some terminals
    headline = ""
    on_screen = 0  # cells of the live line on the screen, to blank what a shorter one leaves
    try:
        while True:
            now = env.now()
            if _headline(env, zone, now) != headline:
                headline = _headline(env, zone, now)
                lead = "\n" if on_screen else ""
                stdout.write(f"{lead}{headline}\n{tr('Press Ctrl-C to stop', env.lang)}\n")
                on_screen = 0
            line = _tail(live_line(now, zone, env.lang), room, cell_len, env.ascii_only)
            blank = max(min(on_screen, room) - cell_len(line), 0)
            stdout.write("\r" + line + " " * blank)
            stdout.flush()
            on_screen = cell_len(line)
            if resizes(_to_next_second()):
                size = _size(stdout)
                room = max(size.columns - 1, 1) if size is not None else room
    except KeyboardInterrupt:
        stdout.write("\n")  # the shell's prompt on a line of its own, as after Live
        stdout.flush()
        raise


def _tail(line: str, columns: int, measure: Callable[[str], int], ascii_only: bool) -> str:
    """`line` if it fits in `columns`, else its end after an ellipsis."""
    if measure(line) <= columns:
        return line
    ellipsis = "..." if ascii_only else "…"
    kept = line
    while kept and measure(ellipsis + kept) > columns:
        kept = kept[1:]
    return (ellipsis + kept) if kept else line[-columns:]
