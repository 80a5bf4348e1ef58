"""`countdown --follow`: a line now and one at each midnight in the zone, flushed, until a
signal, a closed pipe or a reader that went away ends it quietly; driven in-process by a
clock the test moves (as real processes: tests/process/test_follow.py)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import signal
import time

import pytest

from digiday.cli.app import app
from digiday.environment import resolve
from digiday.interactive.follow import _watching
from digiday.interactive.terminal import signals

VIETNAM = dt.timezone(dt.timedelta(hours=7))


class Clock:
    """A clock that waiting moves on, and that stops the run after `wakes` waits: with a
    reader that went away when `gone`, else as Ctrl-C does."""

    def __init__(self, start: dt.datetime, wakes: int, gone: bool = False) -> None:
        self.now = start
        self.wakes = wakes
        self.gone = gone
        self.slept: list[float] = []

    def read(self) -> dt.datetime:
        return self.now

    def wait(self, seconds: float) -> bool:
        self.slept.append(seconds)
        if len(self.slept) > self.wakes:
            if self.gone:
                return True
            raise KeyboardInterrupt  # what Ctrl-C or SIGINT is: the end, quietly
        self.now += dt.timedelta(seconds=seconds)
        return False


def follow(
    *args: str, start: dt.datetime, wakes: int, gone: bool = False
) -> tuple[int, str, Clock]:
    clock = Clock(start, wakes, gone)
    out = io.StringIO()
    status = app(
        ["countdown", "--follow", *args],
        standalone_mode=False,
        make_environment=lambda argv, lang: resolve(
            argv, lang, stdout=out, stderr=io.StringIO(), now=clock.read, wait=clock.wait
        ),
    )
    return status, out.getvalue(), clock


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "en",
            [
                "1 day to the 6th National Digital Transformation Day (Sunday, 10 October 2027)",
                "Today is the 6th National Digital Transformation Day! Happy Digital "
                "Transformation Day!",
                "365 days to the 7th National Digital Transformation Day (Tuesday, 10 October "
                "2028)",
            ],
        ),
        (
            "vi",
            [
                "Còn 1 ngày đến Ngày Chuyển đổi số quốc gia lần thứ sáu (Chủ Nhật, 10/10/2027)",
                "Hôm nay là Ngày Chuyển đổi số quốc gia lần thứ sáu! Chúc mừng ngày hội chuyển "
                "đổi số!",
                "Còn 365 ngày đến Ngày Chuyển đổi số quốc gia lần thứ bảy (Thứ Ba, 10/10/2028)",
            ],
        ),
    ],
)
def test_seconds_before_midnight_in_vietnam_two_lines(lang: str, lines: list[str]) -> None:
    start = dt.datetime(2027, 10, 9, 23, 59, 50, tzinfo=VIETNAM)
    status, out, clock = follow("--lang", lang, start=start, wakes=1 + 1440)
    assert status == 0
    assert out.splitlines() == lines
    # It waited until midnight (10 s, and a hair), then a minute at a time, the clock read
    # afresh after each: a day of waits for the next line.
    assert 10 <= clock.slept[0] <= 10.1
    assert all(s == 60 for s in clock.slept[1:-1])


def test_a_reader_that_went_away_ends_it_quietly() -> None:
    start = dt.datetime(2027, 10, 9, 12, 0, tzinfo=VIETNAM)
    status, out, clock = follow(start=start, wakes=3, gone=True)
    assert (status, len(out.splitlines()), len(clock.slept)) == (0, 1, 4)


def test_json_plain_and_days_are_one_line_each() -> None:
    start = dt.datetime(2027, 10, 9, 23, 59, 59, tzinfo=VIETNAM)
    _, out, _ = follow("--json", start=start, wakes=1)
    first, second = out.splitlines()
    assert '"days": 1' in first and '"days": 0' in second and first.startswith("{")
    assert json.loads(first)["countdown"]["days"] == 1
    _, days, _ = follow("--days", start=start, wakes=1)
    assert days == "1\n0\n"
    _, plain, _ = follow("--plain", start=start, wakes=1)
    assert [line.split("\t")[0] for line in plain.splitlines()] == ["1", "0"]


def test_a_clock_that_jumps_past_midnight_is_caught_up() -> None:
    # A laptop asleep over two midnights: at the next wake the line is the day's, once.
    clock_start = dt.datetime(2027, 10, 7, 23, 0, tzinfo=VIETNAM)
    clock = Clock(clock_start, 2)
    out = io.StringIO()

    def wait(seconds: float) -> bool:
        clock.now += dt.timedelta(days=2, hours=1)  # and the machine slept on, two days
        return clock.wait(seconds)

    app(
        ["countdown", "--follow", "--days"],
        standalone_mode=False,
        make_environment=lambda argv, lang: resolve(
            argv, lang, stdout=out, now=clock.read, wait=wait
        ),
    )
    # Asleep at 23:00 on the 7th, awake two days after that midnight: the Day, not the 8th.
    assert out.getvalue().splitlines()[:2] == ["3", "0"]


@pytest.mark.parametrize("args", [["--date", "2027-01-01"], ["--watch"], ["--format", "text"]])
def test_what_follow_cannot_take(args: list[str]) -> None:
    start = dt.datetime(2027, 1, 1, tzinfo=VIETNAM)
    status, out, _ = follow(*args, start=start, wakes=0)
    assert status == 2 and out == ""


# The wait itself (digiday.interactive.follow): at most a minute, ended at once by a
# reader that went away or by a signal.


def test_the_wait_ends_at_once_when_the_reader_has_gone() -> None:
    read, write = os.pipe()
    with os.fdopen(write, "w") as stdout:
        wait = _watching(stdout, None)
        started = time.monotonic()
        assert wait(0.2) is False  # a reader there: the whole wait
        assert time.monotonic() - started >= 0.2
        os.close(read)
        started = time.monotonic()
        assert wait(30.0) is True  # gone: at once
        assert time.monotonic() - started < 5


def test_a_signal_that_came_just_before_the_wait_ends_it() -> None:
    # A signal's C handler runs at once, its Python handler only when Python next looks: one
    # that lands between that look and the wait would wait with it (a minute, for --follow).
    # Raised here with a handler that does nothing, its byte is in the wake-up pipe as the
    # wait begins, and the wait ends at once.
    previous = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(previous)
    with signals({signal.SIGUSR1: lambda signum, frame: None}) as woken:
        wait = _watching(None, woken)
        signal.raise_signal(signal.SIGUSR1)
        started = time.monotonic()
        assert wait(3.0) is False
        assert time.monotonic() - started < 1.5
        started = time.monotonic()
        wait(0.3)  # the pipe was emptied: the next wait is whole
        assert time.monotonic() - started >= 0.3
    assert signal.set_wakeup_fd(previous) == previous  # as it was
