"""`countdown --follow`: a line now and one at each midnight in the zone, flushed, until a
signal or a closed pipe ends it quietly; driven in-process by a clock the test moves."""

from __future__ import annotations

import datetime as dt
import io
import signal
import subprocess
import time

import pytest

from digiday.cli import app
from digiday.env import resolve
from tests.environment import SCRIPT, process_env

VIETNAM = dt.timezone(dt.timedelta(hours=7))


class Clock:
    """A clock that sleeping moves on, and that stops the run after `wakes` sleeps."""

    def __init__(self, start: dt.datetime, wakes: int) -> None:
        self.now = start
        self.wakes = wakes
        self.slept: list[float] = []

    def read(self) -> dt.datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        if len(self.slept) > self.wakes:
            raise KeyboardInterrupt  # what Ctrl-C or SIGINT is: the end, quietly
        self.now += dt.timedelta(seconds=seconds)


def follow(*args: str, start: dt.datetime, wakes: int) -> tuple[int, str, Clock]:
    clock = Clock(start, wakes)
    out = io.StringIO()
    status = app(
        ["countdown", "--follow", *args],
        standalone_mode=False,
        make_environment=lambda argv: resolve(
            argv, stdout=out, stderr=io.StringIO(), now=clock.read, sleep=clock.sleep
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
            ],
        ),
        (
            "vi",
            [
                "Còn 1 ngày đến Ngày Chuyển đổi số quốc gia lần thứ sáu (Chủ Nhật, 10/10/2027)",
                "Hôm nay là Ngày Chuyển đổi số quốc gia lần thứ sáu! Chúc mừng ngày hội chuyển "
                "đổi số!",
            ],
        ),
    ],
)
def test_seconds_before_midnight_in_vietnam_two_lines(lang: str, lines: list[str]) -> None:
    start = dt.datetime(2027, 10, 9, 23, 59, 50, tzinfo=VIETNAM)
    status, out, clock = follow("--lang", lang, start=start, wakes=3)
    assert status == 0
    assert out.splitlines() == lines
    # It slept to midnight (10 s, and a hair), then a minute at a time at most.
    assert 10 <= clock.slept[0] <= 10.1 and all(s <= 60 for s in clock.slept)


def test_json_plain_and_days_are_one_line_each() -> None:
    start = dt.datetime(2027, 10, 9, 23, 59, 59, tzinfo=VIETNAM)
    _, out, _ = follow("--json", start=start, wakes=1)
    first, second = out.splitlines()
    assert '"days": 1' in first and '"days": 0' in second and first.startswith("{")
    _, days, _ = follow("--days", start=start, wakes=1)
    assert days == "1\n0\n"
    _, plain, _ = follow("--plain", start=start, wakes=1)
    assert [line.split("\t")[0] for line in plain.splitlines()] == ["1", "0"]


def test_a_clock_that_jumps_past_midnight_is_caught_up() -> None:
    # A laptop asleep over two midnights: at the next wake the line is the day's, once.
    clock_start = dt.datetime(2027, 10, 7, 23, 0, tzinfo=VIETNAM)
    clock = Clock(clock_start, 2)
    out = io.StringIO()

    def sleep(seconds: float) -> None:
        clock.sleep(seconds)
        clock.now += dt.timedelta(days=2)  # and the machine slept on

    app(
        ["countdown", "--follow", "--days"],
        standalone_mode=False,
        make_environment=lambda argv: resolve(argv, stdout=out, now=clock.read, sleep=sleep),
    )
    # The first wake comes a minute later (no sleep is longer), two days on: 9 October, one
    # day left, not the 8th's two.
    assert out.getvalue().splitlines()[:2] == ["3", "1"]


@pytest.mark.parametrize("args", [["--date", "2027-01-01"], ["--watch"], ["--format", "text"]])
def test_what_follow_cannot_take(args: list[str]) -> None:
    start = dt.datetime(2027, 1, 1, tzinfo=VIETNAM)
    status, out, _ = follow(*args, start=start, wakes=0)
    assert status == 2 and out == ""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_it_quietly_and_it_uses_no_cpu_while_waiting(signum: int) -> None:
    assert SCRIPT is not None
    process = subprocess.Popen(
        [SCRIPT, "countdown", "--follow"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=process_env(),
    )
    assert process.stdout is not None
    first = process.stdout.readline()  # flushed at once, with no terminal
    assert b"National Digital Transformation Day" in first
    time.sleep(0.5)
    with open(f"/proc/{process.pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime + stime, after start-up
    time.sleep(1.0)
    with open(f"/proc/{process.pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    assert int(fields[11]) + int(fields[12]) - ticks <= 1  # asleep: no tick of CPU in 1 s
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=20)
    assert (process.returncode, stderr) == (0, b"")
