"""`countdown --watch`: a live days-hours-minutes-seconds countdown on a terminal."""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING

from digiday import calendar
from digiday.i18n import countdown_headline, long_date, word
from digiday.l10n import catalogue
from digiday.model import Lang

if TYPE_CHECKING:
    from digiday.env import Environment


def live_line(now: dt.datetime, zone: dt.tzinfo, lang: Lang) -> str:
    """The line that changes every second: the time to the next Day's midnight, or, on the
    Day itself, how much of it is left."""
    today = calendar.date_in(now, zone)
    if calendar.is_day(today):
        left = _clock(int(calendar.time_left_today(now, zone).total_seconds()) % 86400)
        return catalogue(lang).gettext("Today is the Day: {time} of it left").format(time=left)
    return remaining(calendar.time_until(now, zone), calendar.next_day(today), lang)


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
    clock_time = _clock(rest)
    return (
        catalogue(lang)
        .ngettext(
            "Until 00:00 on {date}: {days} day {time} to go",
            "Until 00:00 on {date}: {days} days {time} to go",
            days,
        )
        .format(date=date, days=days, time=clock_time)
    )


def run(env: Environment, zone: dt.tzinfo) -> None:
    """Redraw once a second until Ctrl-C (which the CLI turns into a quiet exit 130)."""
    from rich.live import Live
    from rich.panel import Panel
    from rich.text import Text

    from digiday.render.text import console

    def frame() -> Panel:
        now = env.now()
        today = calendar.date_in(now, zone)
        target = calendar.next_day(today)
        headline = countdown_headline(
            calendar.days_until(today), calendar.edition(target.year), env.lang
        )
        body = Text.assemble(
            (headline, "bold red"),
            "\n\n",
            (live_line(now, zone, env.lang), "bold"),
            "\n",
            (word("watch_help", env.lang), "dim"),
        )
        return Panel(body, expand=False, border_style="red", padding=(1, 2))

    # Room after the frame for the terminal's echo of Ctrl-C ("^C"): where the frame is as
    # wide as the screen, the echo wraps to a new line, and the final redraw lands a line
    # low, under a second top border.
    narrower = env._replace(width=max(env.width - 3, 20))
    with Live(frame(), console=console(narrower, env.stdout), auto_refresh=False) as live:
        while True:
            time.sleep(1 - time.time() % 1 + 0.01)
            live.update(frame(), refresh=True)
