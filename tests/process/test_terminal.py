"""The interactive commands on real pseudo-terminals, for what only a real one shows: colour
off yet live, a resize, a terminal that goes away, Ctrl-D and keys typed ahead in cbreak
mode."""

from __future__ import annotations

import os
import re
import signal
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import SGR, needs_pty, needs_winch
from tests.environment import SCRIPT, process_env, read_until, start


def _spawn(args: list[str], extra: dict[str, str], columns: int = 80) -> tuple[Any, int, int]:
    """`digiday ARGS` on a new pseudo-terminal of `columns`: the process, the leader and the
    follower (still open, for resizing)."""
    import fcntl
    import pty
    import struct
    import termios

    assert SCRIPT is not None
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = process_env({"TERM": "xterm", **extra})
    env.pop("COLUMNS", None)  # the terminal's own width
    process = start(
        [SCRIPT, *args], stdin=follower, stdout=follower, stderr=subprocess.PIPE, env=env
    )
    return process, leader, follower


def _interrupt(process: Any) -> bytes:
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 130, stderr
    return bytes(stderr)


@needs_pty
def test_no_color_on_a_real_terminal_keeps_the_watch_live() -> None:
    process, leader, follower = _spawn(["countdown", "--watch"], {"NO_COLOR": "1"})
    try:
        screen = read_until(leader, lambda seen: seen.count(b"to go") >= 2, timeout=10)
        stderr = _interrupt(process)
    finally:
        process.kill()
        os.close(leader)
        os.close(follower)
    assert screen.count(b"to go") >= 2, screen  # redrawn within seconds, not at Ctrl-C
    assert b"\x1b[1A" in screen
    assert not SGR.search(screen.decode())
    assert stderr == b""


@needs_pty
@needs_winch
def test_a_resized_terminal_gets_one_frame_at_its_new_width() -> None:
    import fcntl
    import struct
    import termios

    process, leader, follower = _spawn(["countdown", "--watch"], {}, columns=80)
    try:
        read_until(leader, lambda seen: b"to go" in seen, timeout=10)
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 40, 0, 0))
        process.send_signal(signal.SIGWINCH)  # the kernel's, had the pty been its terminal

        def redrawn(seen: bytes) -> bool:
            return b"\x1b[2J" in seen and b"to go" in seen.rsplit(b"\x1b[2J", 1)[-1]

        screen = read_until(leader, redrawn, timeout=10)
        stderr = _interrupt(process)
    finally:
        process.kill()
        os.close(leader)
        os.close(follower)
    assert redrawn(screen), screen
    after = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.rsplit(b"\x1b[2J", 1)[-1].decode())
    lines = [line for line in after.replace("\r", "").split("\n") if line.strip()]
    assert sum(line.startswith("╭") for line in lines) == 1
    assert all(len(line) <= 40 for line in lines), after
    assert stderr == b""


@needs_pty
@pytest.mark.parametrize("command", ["watch", "quiz"])
def test_a_terminal_that_goes_away_ends_the_run_quietly(command: str) -> None:
    # The pty is not the process's controlling terminal, so closing it sends no SIGHUP: as
    # under nohup, the closed window shows only as reads and writes failing (EIO), and as
    # restoring the terminal mode failing (termios.error).
    if command == "watch":
        args, ready = ["countdown", "--watch"], b"to go"
    else:
        args, ready = ["quiz", "--seed", "3", "--count", "5"], b"Your answer"
    process, leader, follower = _spawn(args, {"LINES": "40"})
    os.close(follower)
    try:
        assert ready in read_until(leader, lambda seen: ready in seen, timeout=10)
        if command == "quiz":
            os.write(leader, b"2")
            read_until(leader, lambda seen: b"Question 2" in seen, timeout=10)
    finally:
        os.close(leader)
    try:
        _, stderr = process.communicate(timeout=20)
    finally:
        process.kill()
    assert (process.returncode, stderr) == (74, b"")


def asked(number: int) -> Callable[[bytes], bool]:
    """Question `number` and its prompt are on the screen: keys pressed before the prompt
    are dropped as typed ahead (D21), so a test's next key waits for it."""
    return lambda seen: b"Your answer" in seen.partition(b"Question %d of 5" % number)[2]


@needs_pty
def test_on_a_real_terminal_an_arrow_gets_a_hint_and_ctrl_d_stops_the_quiz_with_exit_0() -> None:
    # Only a real terminal in cbreak mode sends Ctrl-D as a key, not as the end of input,
    # and an arrow as the bytes of a sequence that must not be taken for Esc.
    process, leader, follower = _spawn(["quiz", "--seed", "3", "--count", "5"], {"LINES": "40"})
    os.close(follower)
    try:
        screen = read_until(leader, lambda seen: b"Your answer" in seen, timeout=10)
        assert b"Ctrl-D" in screen
        os.write(leader, b"\x1b[A")
        screen += read_until(leader, lambda seen: b"Not an answer" in seen, timeout=10)
        os.write(leader, b"2")
        screen = read_until(leader, asked(2), timeout=10, screen=screen)
        os.write(leader, b"\x04")
        screen += read_until(
            leader, lambda seen: bool(re.search(rb"Score: [01] of 1", seen)), timeout=10
        )
        _, stderr = process.communicate(timeout=20)
    finally:
        process.kill()
        os.close(leader)
    assert b"Not an answer" in screen and b"Question 2 of 5" in screen
    assert re.search(rb"Score: [01] of 1", screen), screen
    assert (process.returncode, stderr) == (0, b"")


@needs_pty
def test_on_a_real_terminal_keys_typed_after_an_answer_are_not_the_next_answer() -> None:
    # newcomer D21: "2", then Enter out of habit and a key typed ahead, in one burst: the
    # next question waits for a key pressed once it is asked, and Enter is never a hint.
    process, leader, follower = _spawn(["quiz", "--seed", "3", "--count", "5"], {"LINES": "40"})
    os.close(follower)
    try:
        screen = read_until(leader, lambda seen: b"Your answer" in seen, timeout=10)
        os.write(leader, b"2\r3")
        screen = read_until(leader, asked(2), timeout=10, screen=screen)
        # Half a second for a "3" taken as the answer to show what it did.
        screen = read_until(leader, lambda seen: b"Question 3" in seen, timeout=0.5, screen=screen)
        assert b"Question 3 of 5" not in screen and b"Not an answer" not in screen
        os.write(leader, b"1")
        screen = read_until(leader, asked(3), timeout=10, screen=screen)
        os.write(leader, b"\x04")
        screen += read_until(
            leader, lambda seen: bool(re.search(rb"Score: [012] of 2", seen)), timeout=10
        )
        _, stderr = process.communicate(timeout=20)
    finally:
        process.kill()
        os.close(leader)
    assert b"Not an answer" not in screen
    assert re.search(rb"Score: [012] of 2", screen), screen
    assert (process.returncode, stderr) == (0, b"")
