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
from typing import Any

import pytest

from tests.environment import SCRIPT, complete, digiday, process_env, read_until, start

# The reader's locale and the output's encoding are what these test: CI runs them again
# under a Vietnamese locale and an ASCII-only output (the `locale` marker).
pytestmark = pytest.mark.locale

if SCRIPT is None:  # pragma: no cover - the test command installs the package first
    pytest.skip("the digiday console script is not installed", allow_module_level=True)


def side_by_side(
    runs: list[Any], extra: dict[str, str] | None = None, **options: Any
) -> list[subprocess.CompletedProcess[bytes]]:
    """Each of `runs` (what `start` runs) as a real process in the test environment (plus
    `extra`), all started before any is waited for: stdout and stderr captured, no stdin;
    `options` for `start` (`env`, a whole environment) override these."""
    pipes = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    processes = [start(run, **({"env": process_env(extra)} | pipes | options)) for run in runs]
    done = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


def shells(
    commands: list[str], env: dict[str, str] | None = None
) -> list[tuple[bytes, int, bytes]]:
    """Each of `commands` run by bash with `digiday` the installed script, side by side: for
    each, stdout, the status of the first command of the pipeline, and digiday's own stderr."""
    assert SCRIPT is not None
    scripts = [
        f'digiday() {{ "{SCRIPT}" "$@"; }}; {command}; echo "status=${{PIPESTATUS[0]}}" >&2'
        for command in commands
    ]
    results = []
    for result in side_by_side(scripts, env, shell=True, executable="/bin/bash"):
        stderr = result.stderr.decode()
        assert re.search(r"status=\d+\n\Z", stderr), stderr
        head, _, status = stderr.rpartition("status=")
        results.append((result.stdout, int(status), head.encode()))
    return results


def shell(command: str, env: dict[str, str] | None = None) -> tuple[bytes, int, bytes]:
    """`command` alone, as `shells` runs it."""
    return shells([command], env)[0]


def big_sources_file(folder: Path) -> Path:
    """A data file whose `sources --json` is well over a pipe's 64 KiB."""
    path = folder / "many-sources.yaml"
    entries = "".join(
        f'  - id: source-{n}\n    title: "{"A long title. " * 20}{n}"\n'
        f'    url: "https://example.org/{n}"\n'
        for n in range(300)
    )
    path.write_text("sources:\n" + entries, encoding="utf-8")
    return path


# Each of these exited 1 on a user's machine (no PYTHONUNBUFFERED): click's main caught the
# EPIPE raised inside the command and exited 1, which for `search` means "no match".
CLOSED_PIPES = [
    "digiday info | true",
    "digiday info --json | true",
    "digiday agencies --json | true",
    "digiday sources | true",
    "digiday search so | true",
    "digiday info --format plain | head -1",
    "digiday agencies --plain | head -1",
    # Three times a pipe's 64 KiB, so the writer certainly meets the closed pipe.
    "digiday ics --from 2022 --to 2400 | head -1",
    "digiday search a --plain | head -c 10",
]


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_a_closed_pipe_ends_quietly(unbuffered: bool) -> None:
    # Every pipeline, side by side.
    env = {"PYTHONUNBUFFERED": "1"} if unbuffered else {}
    results = shells(CLOSED_PIPES, env)
    for pipeline, (_, status, stderr) in zip(CLOSED_PIPES, results, strict=True):
        assert status in (0, 141) and stderr == b"", (pipeline, status, stderr)


def test_a_closed_pipe_on_an_answer_over_64_kib_ends_quietly(tmp_path: Path) -> None:
    data = big_sources_file(tmp_path)
    full = digiday("sources", "--json", "--data", str(data))
    assert full.returncode == 0, full.stderr
    assert len(full.stdout) > 64 * 1024
    commands = (
        f"digiday sources --json --data '{data}' | head -c 100",
        f"digiday sources --data '{data}' | true",
    )
    for command, (_, status, stderr) in zip(commands, shells(list(commands)), strict=True):
        assert (status, stderr) in ((0, b""), (141, b"")), (command, stderr)


def test_ctrl_c_is_130_whatever_the_command() -> None:
    # SIGINT in the middle of a long answer: 130, quietly (no traceback, no "Aborted!").
    assert SCRIPT is not None
    process = start(
        [SCRIPT, "ics", "--from", "2022", "--to", "2400"],  # three pipes' worth
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=process_env(),
    )
    assert process.stdout is not None
    process.stdout.read(10)  # it has started writing
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert b"Traceback" not in stderr and b"Aborted" not in stderr


def test_a_value_option_swallows_the_next_word_as_click_does(tmp_path: Path) -> None:
    # `-o` takes `--lang=vi` as the file's name, so the language is not Vietnamese.
    result = digiday("ics", "-o", "--lang=vi", "--from", "2022", "--to", "2022", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "--lang=vi").read_bytes()
    assert b"National Digital Transformation Day" in written
    assert "Chuyển đổi số".encode() not in written


def test_a_stderr_that_cannot_be_written_keeps_the_status() -> None:
    expected = {
        "digiday themes hai": 2,
        "digiday info --data /nonexistent.yaml": 3,
        "digiday --no-such-option": 2,
        "digiday countdown >/dev/full": 74,
    }
    results = shells([f"{command} 2>/dev/full" for command in expected])
    found = {command: status for command, (_, status, _) in zip(expected, results, strict=True)}
    assert found == expected


def test_an_internal_error_is_one_line_or_a_traceback_when_asked(tmp_path: Path) -> None:
    # A bug forced from outside: a views module that raises. DIGIDAY_TRACEBACK shows it.
    (tmp_path / "sitecustomize.py").write_text(
        "import digiday.answers.info\n"
        "def broken(*args, **kwargs):\n    raise KeyError('x')\n"
        "digiday.answers.info.info = broken\n",
        encoding="utf-8",
    )
    env = {"PYTHONPATH": str(tmp_path), "DIGIDAY_TRACEBACK": ""}
    quiet = digiday("info", env=env)
    assert quiet.returncode == 70
    assert quiet.stderr == b"digiday: internal error (KeyError: 'x'); please report it\n"
    loud = digiday("info", env={**env, "DIGIDAY_TRACEBACK": "1"})
    assert loud.returncode == 70
    assert loud.stderr.startswith(b"Traceback (most recent call last):\n")
    assert loud.stderr.endswith(b"digiday: internal error (KeyError: 'x'); please report it\n")


def test_running_out_of_memory_is_71_not_a_bug() -> None:
    # Under a small memory limit the first import (Typer's) is what fails: forced here, so
    # that the test does not depend on how much memory an import takes.
    driver = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def short(name, *args, **kwargs):\n"
        "    if name.startswith('typer'):\n        raise MemoryError\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = short\n"
        "sys.argv = ['digiday', 'countdown', '--lang', 'vi']\n"
        "from digiday.__main__ import main\n"
        "main()\n"
    )
    result = complete(
        [sys.executable, "-c", driver],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 71
    assert result.stderr.decode() == "digiday: hệ thống đã hết bộ nhớ\n"


def test_completion_follows_the_error_policy(tmp_path: Path) -> None:
    assert SCRIPT is not None
    _, status, stderr = shell("digiday --show-completion >/dev/full", {"SHELL": "/bin/bash"})
    assert status == 74 and stderr.startswith(b"digiday: cannot write the answer"), stderr
    _, status, _ = shell("digiday --show-completion >&-", {"SHELL": "/bin/bash"})
    assert status == 74
    # From sh, which Typer has no script for: one line on stderr in the reader's language.
    result = complete(
        ["/bin/sh", "-c", f"'{SCRIPT}' --show-completion --lang vi; exit $?"],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode().startswith("digiday: không hỗ trợ shell 'sh' (chọn: bash")
    # A HOME that cannot be written (a path through a file: not even root can): 74.
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = complete(
        ["/bin/bash", "-c", f"'{SCRIPT}' --install-completion; exit $?"],
        capture_output=True,
        env=process_env({"HOME": str(blocker / "home"), "SHELL": "/bin/bash"}),
        timeout=60,
        check=False,
    )
    assert result.returncode == 74, result.stderr
    assert result.stderr.startswith(b"digiday: cannot install completion in '")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_without_vietnamese_gets_it_without_diacritics(encoding: str) -> None:
    assert SCRIPT is not None
    text, plain, error, as_json = side_by_side(
        [
            [SCRIPT, "countdown", "--date", "2026-11-28", "--lang", "vi"],
            [SCRIPT, "agencies", "--plain", "--lang", "vi"],
            [SCRIPT, "info", "muc", "--lang", "vi"],
            [SCRIPT, "themes", "2025", "--json", "--lang", "vi"],
        ],
        {"PYTHONIOENCODING": encoding},
    )
    assert text.returncode == 0, text.stderr
    assert text.stdout.isascii() and b"?" not in text.stdout
    # Written by hand from "Còn 316 ngày đến Ngày Chuyển đổi số quốc gia lần thứ sáu".
    assert b"Con 316 ngay den Ngay Chuyen doi so quoc gia lan thu sau" in text.stdout
    assert b"Chu Nhat, 10/10/2027" in text.stdout
    assert plain.stdout.isascii() and b"?" not in plain.stdout
    assert b"Bo Thong tin va Truyen thong" in plain.stdout
    assert error.returncode == 2
    assert error.stderr.startswith(b"digiday: muc khong hop le 'muc' (chon: overview")
    assert as_json.stdout.isascii()  # escaped, and the same text once parsed
    assert json.loads(as_json.stdout)["themes"][0]["theme"].startswith("Chuyển")


def test_utf8_json_is_not_escaped() -> None:
    result = digiday("agencies", "--json", "--lang", "vi")
    assert "Bộ Thông tin và Truyền thông".encode() in result.stdout
    assert b"\\u" not in result.stdout


EXIT_STATUSES = [
    (("is-today", "--date", "2030-10-10"), 0),
    (("is-today", "--date", "2030-10-11"), 1),
    (("search", "qwertyuiop"), 1),
    (("info", "--lang", "fr"), 2),
    (("countdown", "--tz", "Nowhere/Land"), 2),
    (("--no-such-option",), 2),
    (("validate", "/"), 3),
]


def test_exit_statuses() -> None:
    # Each command line a process of its own, side by side.
    assert SCRIPT is not None
    results = side_by_side([[SCRIPT, *args] for args, _ in EXIT_STATUSES])
    for (args, status), result in zip(EXIT_STATUSES, results, strict=True):
        assert (args, result.returncode) == (args, status), result.stderr
        assert b"Traceback" not in result.stderr
        if status >= 2:
            assert result.stdout == b"" and result.stderr.startswith(b"digiday: "), args


def test_python_dash_m() -> None:
    result = complete(
        [sys.executable, "-m", "digiday", "countdown", "--days", "--date", "2026-10-09"],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, b"1\n")


def test_no_home_and_a_read_only_working_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    env = {key: value for key, value in process_env().items() if key != "HOME"}
    runs = [
        [SCRIPT, *args] for args in (("info",), ("countdown", "--json"), ("ics", "--to", "2023"))
    ]
    try:  # one process for each command, side by side
        for result in side_by_side(runs, cwd=locked, env=env):
            assert (result.args, result.returncode, result.stderr) == (result.args, 0, b"")
    finally:
        locked.chmod(0o755)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_ctrl_c_ends_the_watch_quietly() -> None:
    import pty

    leader, follower = pty.openpty()
    process = start(
        [SCRIPT or "digiday", "countdown", "--watch"],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env={**process_env(), "TERM": "xterm", "COLUMNS": "80", "LINES": "24"},
    )
    os.close(follower)
    screen = read_until(leader, lambda screen: b"to go" in screen)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=20)
    os.close(leader)
    assert b"to go" in screen
    assert process.returncode == 130
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr


HEAVY = ("rich", "icalendar", "pydantic")


def imported_modules(*runs: tuple[str, ...]) -> list[set[str]]:
    """The top-level modules that `python -m digiday ARGS` imports, for each ARGS of `runs`."""
    modules = []
    for result in side_by_side(
        [[sys.executable, "-X", "importtime", "-m", "digiday", *args] for args in runs]
    ):
        assert b"Traceback" not in result.stderr
        names = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)", result.stderr.decode(), re.M)
        modules.append({name.split(".")[0] for name in names})
    return modules


SCRIPTED = [
    ("countdown", "--days"),
    ("countdown", "--json"),
    ("is-today",),
    ("info", "--json"),
    ("agencies", "--plain"),
    ("themes", "--json"),
    ("search", "so", "--json"),
    ("sources", "--plain"),
    ("info", "--lang", "xx"),  # an error path
]


def test_scripted_outputs_import_nothing_heavy() -> None:
    for args, modules in zip(SCRIPTED, imported_modules(*SCRIPTED), strict=True):
        assert "digiday" in modules, args  # the measurement works
        assert not modules & set(HEAVY), args


def test_only_ics_imports_icalendar_and_only_text_imports_rich() -> None:
    ics, themes, days, today = imported_modules(
        ("ics", "--to", "2023"), ("themes",), ("countdown", "--days"), ("is-today",)
    )
    assert "icalendar" in ics and "rich" in themes
    assert "yaml" not in days | today


def test_only_a_zone_other_than_vietnams_needs_the_zone_database() -> None:
    countdown, today, paris = imported_modules(
        ("countdown", "--json"), ("is-today",), ("countdown", "--json", "--tz", "Europe/Paris")
    )
    assert "zoneinfo" not in countdown | today
    assert "zoneinfo" in paris


def test_the_exit_skips_the_final_garbage_collections() -> None:
    # On every way out, the objects are frozen before the interpreter's exit collects them
    # (see cli.main); the exit status and the output are untouched by it. One process for
    # each way out, side by side.
    ways = [
        (["countdown", "--days"], 0),
        (["countdown", "--nope"], 2),
        (["themes", "--data", "/nonexistent"], 3),
    ]
    probes = [
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0, file=sys.stderr))\n"
        f"sys.argv = ['digiday', *{args!r}]\n"
        "from digiday.cli.app import main\n"
        "main()\n"
        for args, _ in ways
    ]
    results = side_by_side([[sys.executable, "-c", probe] for probe in probes])
    for (args, status), result in zip(ways, results, strict=True):
        assert (args, result.returncode) == (args, status), result.stderr
        assert result.stderr.decode().splitlines()[-1] == "frozen True", args


TMUX = shutil.which("tmux")


@pytest.mark.skipif(TMUX is None, reason="needs tmux, a real terminal")
def test_ctrl_c_leaves_one_whole_frame_on_a_real_terminal(tmp_path: Path) -> None:
    # The terminal echoes "^C" where the cursor is. The frame leaves room for it, so the
    # final redraw lands where the frame was, not a line low under a second top border.
    # A narrow and a wide terminal, side by side: a tmux session of each width.
    assert TMUX is not None and SCRIPT is not None
    widths = (40, 120)
    sessions = [f"digiday-watch-{os.getpid()}-{width}" for width in widths]
    socket = str(tmp_path / "tmux.sock")
    env = {**process_env(), "TERM": "xterm-256color"}
    env.pop("COLUMNS", None)  # the terminal's own width
    command = f"{SCRIPT} countdown --watch; sleep 30"
    tmux = [TMUX, "-S", socket]

    def capture(session: str) -> str:
        return complete(
            [*tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True
        ).stdout

    try:
        for session, width in zip(sessions, widths, strict=True):
            complete(
                [*tmux, "new-session", "-d", "-s", session, "-x", str(width), "-y", "20", command],
                env=env,
                check=True,
            )
        screens = [""] * len(sessions)
        deadline = time.monotonic() + 20
        while not all("to go" in screen for screen in screens) and time.monotonic() < deadline:
            time.sleep(0.2)
            screens = [capture(session) for session in sessions]
        assert all("to go" in screen for screen in screens), screens
        for session in sessions:
            complete([*tmux, "send-keys", "-t", session, "C-c"], check=True)
        time.sleep(1.5)
        screens = [capture(session) for session in sessions]
    finally:
        complete([*tmux, "kill-server"], check=False, capture_output=True)
    for width, screen in zip(widths, screens, strict=True):
        lines = screen.splitlines()
        assert sum(line.lstrip().startswith("╭") for line in lines) == 1, screen
        assert sum(line.lstrip().startswith("╰") for line in lines) == 1, screen
        assert all(len(line) <= width for line in lines), screen


def test_importing_the_package_imports_no_command_line() -> None:
    probe = (
        "import sys, datetime, digiday\n"
        "digiday.countdown(datetime.date(2026, 11, 28)); digiday.themes(2024)\n"
        "print(sorted({'typer', 'click', 'rich', 'digiday.answers.payloads'} & set(sys.modules)))\n"
    )
    result = complete(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=process_env(),
        timeout=60, check=False,
    )  # fmt: skip
    assert result.stdout == "[]\n", result.stderr
