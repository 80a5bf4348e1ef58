"""`countdown --follow` as real processes: a signal ends it quietly and it sleeps while it waits,
a reader that goes away ends it, and the kernel's own timer under a moved clock."""

from __future__ import annotations

import glob
import signal
import subprocess
import time

import pytest

from tests.environment import SCRIPT, process_env, start


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


def test_a_follow_piped_into_head_ends_with_its_reader() -> None:
    # GNU tail -f | head -1 ends at once; so does this, not at the next midnight.
    assert SCRIPT is not None
    started = time.monotonic()
    shell = start(
        ["/bin/bash", "-c", f"'{SCRIPT}' countdown --follow | head -1"], stdout=subprocess.PIPE
    )
    out, _ = shell.communicate(timeout=30)
    assert time.monotonic() - started < 10
    assert shell.returncode == 0 and b"National Digital Transformation Day" in out


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
