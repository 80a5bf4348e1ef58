"""`countdown --follow`: a line now and one at each midnight in the zone, flushed, until a
signal or a closed pipe ends it quietly; driven in-process by a clock the test moves."""

from __future__ import annotations

import datetime as dt
import glob
import io
import os
import signal
import subprocess
import sys
import time

import pytest

from digiday.cli.app import app
from digiday.environment import resolve
from digiday.interactive import alarm
from tests.environment import SCRIPT, process_env, start

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
    status, out, clock = follow("--lang", lang, start=start, wakes=2)
    assert status == 0
    assert out.splitlines() == lines
    # It slept to midnight (10 s, and a hair), then to each next one: one wake a day.
    assert 10 <= clock.slept[0] <= 10.1
    assert all(86400 <= s <= 86400.1 for s in clock.slept[1:])


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
    # Asleep at 23:00 on the 7th, awake two days after that midnight: the Day, not the 8th.
    assert out.getvalue().splitlines()[:2] == ["3", "0"]


@pytest.mark.parametrize("args", [["--date", "2027-01-01"], ["--watch"], ["--format", "text"]])
def test_what_follow_cannot_take(args: list[str]) -> None:
    start = dt.datetime(2027, 1, 1, tzinfo=VIETNAM)
    status, out, _ = follow(*args, start=start, wakes=0)
    assert status == 2 and out == ""


def _ticks(pid: int) -> int:
    """The CPU clock ticks a process has used (utime + stime)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def test_a_signal_ends_it_quietly_and_it_uses_no_cpu_while_waiting() -> None:
    # One process for each signal, side by side.
    assert SCRIPT is not None
    signals = (signal.SIGTERM, signal.SIGINT)
    processes = [
        start([SCRIPT, "countdown", "--follow"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in signals
    ]
    for process in processes:
        assert process.stdout is not None
        first = process.stdout.readline()  # flushed at once, with no terminal
        assert b"National Digital Transformation Day" in first
    time.sleep(0.5)
    ticks = [_ticks(process.pid) for process in processes]  # after start-up
    time.sleep(1.0)
    for process, before in zip(processes, ticks, strict=True):
        assert _ticks(process.pid) - before <= 1  # asleep: no tick of CPU in 1 s
    for process, signum in zip(processes, signals, strict=True):
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=20)
        assert (signum, process.returncode, stderr) == (signum, 0, b"")


# The sleep itself (digiday.interactive.alarm): a timer that counts suspended time, watched
# with one on the wall clock that a clock change cancels.

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="timerfd is Linux's; elsewhere a minute"
)


@linux_only
def test_the_sleep_is_a_boot_clock_timer_watched_by_a_wall_clock_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    timers = alarm._Timers()
    made: list[tuple[int, int]] = []
    set_: list[int] = []
    create, settime = timers.create, timers.settime

    def recorded_create(clock: int, *, flags: int = 0) -> int:
        fd = create(clock, flags=flags)
        made.append((clock, fd))
        return fd

    def recorded_settime(fd: int, *, flags: int = 0, initial: float = 0.0) -> None:
        set_.append(flags)
        settime(fd, flags=flags, initial=initial)

    timers.create, timers.settime = recorded_create, recorded_settime
    monkeypatch.setattr(alarm, "_timers", timers)
    started = time.monotonic()
    alarm.sleep(0.3)
    assert 0.3 <= time.monotonic() - started < 2
    # The constants are the kernel's, as the time module names them.
    assert [clock for clock, _ in made] == [time.CLOCK_BOOTTIME, time.CLOCK_REALTIME]
    assert set_ == [0, 1 | 2]  # relative; TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET
    for _, fd in made:  # both closed after the wait
        with pytest.raises(OSError, match="Bad file descriptor"):
            os.fstat(fd)


@linux_only
def test_a_wall_clock_deadline_already_past_neither_ends_the_sleep_nor_spins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A clock moved far back (faketime) puts the wall-clock timer's deadline in the past.
    monkeypatch.setattr(alarm, "_YEARS", -100 * 365 * 86400)
    started, cpu = time.monotonic(), time.process_time()
    alarm.sleep(0.5)
    assert 0.5 <= time.monotonic() - started < 2
    assert time.process_time() - cpu < 0.2


@linux_only
def test_a_signal_that_came_just_before_the_wait_ends_it() -> None:
    # A signal's C handler runs at once, its Python handler only when Python next looks: one
    # that lands between that look and the wait used to wait with it, a day for --follow
    # (a SIGTERM sent as the line was read, one run in a couple of hundred). Raised here
    # with a handler that does nothing, its byte is in the wake-up pipe as the wait begins.
    previous = signal.signal(signal.SIGUSR1, lambda signum, frame: None)
    try:
        with alarm.waking_on_signals():
            signal.raise_signal(signal.SIGUSR1)
            started = time.monotonic()
            alarm.sleep(3.0)
            assert time.monotonic() - started < 1.5
            started = time.monotonic()
            alarm.sleep(0.3)  # the pipe was drained: the next wait is whole
            assert time.monotonic() - started >= 0.3
        assert signal.set_wakeup_fd(-1) == -1  # and the process's wake-up fd is as it was
    finally:
        signal.signal(signal.SIGUSR1, previous)


def test_where_suspend_cannot_be_counted_it_wakes_each_minute(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slept: list[float] = []
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(alarm, "_timers", None)
    monkeypatch.setattr(time, "sleep", slept.append)
    alarm.sleep(86400.0)
    alarm.sleep(5.0)
    alarm.sleep(-1.0)
    assert slept == [60.0, 5.0]


def _libfaketime() -> str | None:
    found = sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))
    return found[0] if found else None


@pytest.mark.skipif(_libfaketime() is None, reason="libfaketime not installed (apt faketime)")
def test_a_real_process_two_seconds_before_midnight_in_vietnam() -> None:
    # The kernel's own timer, under a clock moved by libfaketime: the line, then the
    # greeting at midnight, and the process asleep until SIGTERM ends it with 0; one
    # process in each language, side by side.
    assert SCRIPT is not None
    library = _libfaketime()
    assert library is not None
    environ = process_env({"LD_PRELOAD": library, "FAKETIME": "@2027-10-09 16:59:58", "TZ": "UTC"})
    langs = ("en", "vi")
    processes = [
        start(
            [SCRIPT, "countdown", "--follow", "--lang", lang, "--tz", "Asia/Ho_Chi_Minh"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environ,
        )
        for lang in langs
    ]
    lines = []
    for process in processes:
        assert process.stdout is not None
        lines.append((process.stdout.readline().decode(), process.stdout.readline().decode()))
    for process in processes:
        process.send_signal(signal.SIGTERM)
    day = {"en": "1 day to the 6th", "vi": "Còn 1 ngày đến"}
    greeting = {"en": "Today is the 6th", "vi": "Hôm nay là Ngày"}
    for lang, process, (first, second) in zip(langs, processes, lines, strict=True):
        _, stderr = process.communicate(timeout=20)
        assert first.startswith(day[lang]) and second.startswith(greeting[lang])
        assert (process.returncode, stderr) == (0, b"")
