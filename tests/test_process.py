"""The installed `digiday` as a real process: pipes, encodings, signals, exit statuses,
hostile surroundings, and what it imports (never how long it takes)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.environment import process_env

SCRIPT = shutil.which("digiday", path=os.path.dirname(sys.executable)) or shutil.which("digiday")
if SCRIPT is None:  # pragma: no cover - the test command installs the package first
    pytest.skip("the digiday console script is not installed", allow_module_level=True)

CLEAN_ENV = process_env()  # the one test environment (tests/environment.py), for a process


def digiday(
    *args: str, env: dict[str, str] | None = None, cwd: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    assert SCRIPT is not None
    return subprocess.run(
        [SCRIPT, *args],
        capture_output=True,
        env={**CLEAN_ENV, **(env or {})},
        cwd=cwd,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "pipeline",
    [
        "info --format plain | head -1",
        "agencies --plain | head -1",
        # Megabytes of output, so the writer certainly meets the closed pipe.
        "ics --from 2022 --to 9999 | head -1",
        "search a --plain | head -c 10",
    ],
)
def test_a_closed_pipe_ends_quietly(pipeline: str) -> None:
    result = subprocess.run(
        f"'{SCRIPT}' {pipeline}; echo \"status=${{PIPESTATUS[0]}}\" >&2",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        env=CLEAN_ENV,
        timeout=120,
        check=False,
    )
    assert result.stdout, "head saw the first line"
    stderr = result.stderr.decode()
    assert re.fullmatch(r"status=(0|141)\n", stderr), stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_without_vietnamese_gets_it_without_diacritics(encoding: str) -> None:
    env = {"PYTHONIOENCODING": encoding}
    text = digiday("countdown", "--date", "2026-11-28", "--lang", "vi", env=env)
    assert text.returncode == 0, text.stderr
    assert text.stdout.isascii() and b"?" not in text.stdout
    # Written by hand from "Còn 316 ngày đến Ngày Chuyển đổi số quốc gia lần thứ sáu".
    assert b"Con 316 ngay den Ngay Chuyen doi so quoc gia lan thu sau" in text.stdout
    assert b"Chu Nhat, 10/10/2027" in text.stdout
    plain = digiday("agencies", "--plain", "--lang", "vi", env=env)
    assert plain.stdout.isascii() and b"?" not in plain.stdout
    assert b"Bo Thong tin va Truyen thong" in plain.stdout
    error = digiday("info", "muc", "--lang", "vi", env=env)
    assert error.returncode == 2
    assert error.stderr.startswith(b"digiday: muc khong hop le 'muc' (chon: overview")
    as_json = digiday("themes", "2025", "--json", "--lang", "vi", env=env)
    assert as_json.stdout.isascii()  # escaped, and the same text once parsed
    assert json.loads(as_json.stdout)["themes"][0]["theme"].startswith("Chuyển")


def test_utf8_json_is_not_escaped() -> None:
    result = digiday("agencies", "--json", "--lang", "vi")
    assert "Bộ Thông tin và Truyền thông".encode() in result.stdout
    assert b"\\u" not in result.stdout


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("is-today", "--date", "2030-10-10"), 0),
        (("is-today", "--date", "2030-10-11"), 1),
        (("search", "qwertyuiop"), 1),
        (("info", "--lang", "fr"), 2),
        (("countdown", "--tz", "Nowhere/Land"), 2),
        (("--no-such-option",), 2),
        (("validate", "/"), 3),
    ],
)
def test_exit_statuses(args: tuple[str, ...], status: int) -> None:
    result = digiday(*args)
    assert result.returncode == status, result.stderr
    assert b"Traceback" not in result.stderr
    if status >= 2:
        assert result.stdout == b"" and result.stderr.startswith(b"digiday: ")


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "digiday", "countdown", "--days", "--date", "2026-10-09"],
        capture_output=True,
        env=CLEAN_ENV,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, b"1\n")


def test_no_home_and_a_read_only_working_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    env = {key: value for key, value in CLEAN_ENV.items() if key != "HOME"}
    try:
        for args in (("info",), ("countdown", "--json"), ("ics", "--to", "2023")):
            result = subprocess.run(
                [SCRIPT or "digiday", *args], capture_output=True, env=env, cwd=locked, check=False
            )
            assert result.returncode == 0, result.stderr
            assert result.stderr == b""
    finally:
        locked.chmod(0o755)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_ctrl_c_ends_the_watch_quietly() -> None:
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [SCRIPT or "digiday", "countdown", "--watch"],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env={**CLEAN_ENV, "TERM": "xterm", "COLUMNS": "80", "LINES": "24"},
    )
    os.close(follower)
    screen = b""
    deadline = time.monotonic() + 20
    while b"to go" not in screen and time.monotonic() < deadline:
        try:
            screen += os.read(leader, 4096)
        except OSError:
            break
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=20)
    os.close(leader)
    assert b"to go" in screen
    assert process.returncode == 130
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr


HEAVY = ("rich", "icalendar", "pydantic")


def imported_modules(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "digiday", *args],
        capture_output=True,
        env=CLEAN_ENV,
        check=False,
    )
    assert b"Traceback" not in result.stderr
    names = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)", result.stderr.decode(), re.M)
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize(
    "args",
    [
        ("countdown", "--days"),
        ("countdown", "--json"),
        ("is-today",),
        ("info", "--json"),
        ("agencies", "--plain"),
        ("themes", "--json"),
        ("search", "so", "--json"),
        ("sources", "--plain"),
        ("info", "--lang", "xx"),  # an error path
    ],
)
def test_scripted_outputs_import_nothing_heavy(args: tuple[str, ...]) -> None:
    modules = imported_modules(*args)
    assert "digiday" in modules  # the measurement works
    assert not modules & set(HEAVY)


def test_only_ics_imports_icalendar_and_only_text_imports_rich() -> None:
    assert "icalendar" in imported_modules("ics", "--to", "2023")
    assert "rich" in imported_modules("themes")
    assert "yaml" not in imported_modules("countdown", "--days")
    assert "yaml" not in imported_modules("is-today")


def test_only_a_zone_other_than_vietnams_needs_the_zone_database() -> None:
    assert "zoneinfo" not in imported_modules("countdown", "--json")
    assert "zoneinfo" not in imported_modules("is-today")
    assert "zoneinfo" in imported_modules("countdown", "--json", "--tz", "Europe/Paris")


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["countdown", "--days"], 0),
        (["countdown", "--nope"], 2),
        (["themes", "--data", "/nonexistent"], 3),
    ],
)
def test_the_exit_skips_the_final_garbage_collections(args: list[str], status: int) -> None:
    # On every way out, the objects are frozen before the interpreter's exit collects them
    # (see cli.main); the exit status and the output are untouched by it.
    probe = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0, file=sys.stderr))\n"
        f"sys.argv = ['digiday', *{args!r}]\n"
        "from digiday.cli import main\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, env=CLEAN_ENV, check=False
    )
    assert result.returncode == status, result.stderr
    assert result.stderr.decode().splitlines()[-1] == "frozen True"


TMUX = shutil.which("tmux")


@pytest.mark.skipif(TMUX is None, reason="needs tmux, a real terminal")
@pytest.mark.parametrize("width", [40, 120])
def test_ctrl_c_leaves_one_whole_frame_on_a_real_terminal(width: int, tmp_path: Path) -> None:
    # The terminal echoes "^C" where the cursor is. The frame leaves room for it, so the
    # final redraw lands where the frame was, not a line low under a second top border.
    assert TMUX is not None and SCRIPT is not None
    session = f"digiday-watch-{os.getpid()}-{width}"
    socket = str(tmp_path / "tmux.sock")
    env = {**CLEAN_ENV, "TERM": "xterm-256color"}
    env.pop("COLUMNS", None)  # the terminal's own width
    command = f"{SCRIPT} countdown --watch; sleep 30"
    tmux = [TMUX, "-S", socket]
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", session, "-x", str(width), "-y", "20", command],
        env=env,
        check=True,
    )
    try:
        screen = ""
        deadline = time.monotonic() + 20
        while "to go" not in screen and time.monotonic() < deadline:
            time.sleep(0.2)
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
        assert "to go" in screen
        subprocess.run([*tmux, "send-keys", "-t", session, "C-c"], check=True)
        time.sleep(1.5)
        screen = subprocess.run(
            [*tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True
        ).stdout
    finally:
        subprocess.run([*tmux, "kill-server"], check=False, capture_output=True)
    lines = screen.splitlines()
    assert sum(line.lstrip().startswith("╭") for line in lines) == 1, screen
    assert sum(line.lstrip().startswith("╰") for line in lines) == 1, screen
    assert all(len(line) <= width for line in lines)
