"""The fast path as a real process: what it imports, a closed pipe, and a failure of its own
that leaves the answer to the full command line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from digiday.cli import fast
from tests.environment import SCRIPT, complete, process_env


@pytest.mark.parametrize(
    "args",
    [
        ("is-today",),
        ("is-today", "--date", "2026-10-10", "--lang", "vi"),
        ("countdown", "--days", "--tz=Asia/Tokyo"),
        ("countdown", "--format", "line", "--lang", "vi"),
    ],
)
def test_the_fast_path_imports_neither_typer_nor_click(args: tuple[str, ...]) -> None:
    result = complete(
        [sys.executable, "-X", "importtime", "-m", "digiday", *args],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    names = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)", result.stderr.decode(), re.M)
    top = {name.split(".")[0] for name in names}
    assert "digiday" in top  # the measurement works
    # A source checkout has no packed bundle and reads the YAML; a wheel reads no YAML.
    packed = (Path(fast.__file__).parent / "data" / "bundled.marshal").exists()
    assert not top & {"typer", "click", "rich", *(["yaml"] if packed else [])}, args


def test_a_closed_pipe_on_the_fast_path_is_quiet() -> None:

    result = complete(
        f"'{SCRIPT}' countdown --format line | true; echo \"${{PIPESTATUS[0]}}\" >&2",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert result.stderr in (b"0\n", b"141\n")


def test_a_failure_of_the_fast_path_leaves_the_answer_to_the_full_command_line() -> None:
    driver = (
        "import sys, digiday.cli.fast\n"
        "def broken(*args, **kwargs):\n    raise KeyError('x')\n"
        "digiday.cli.fast.answer = broken\n"
        "sys.argv = ['digiday', 'countdown', '--days', '--date', '2026-10-09']\n"
        "from digiday.__main__ import main\nmain()\n"
    )
    quiet = complete([sys.executable, "-c", driver], env=process_env({"DIGIDAY_TRACEBACK": ""}))
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, b"1\n", b"")
    # A developer is shown the fast path's bug (DIGIDAY_TRACEBACK), and still the answer.
    loud = complete([sys.executable, "-c", driver], env=process_env({"DIGIDAY_TRACEBACK": "1"}))
    assert (loud.returncode, loud.stdout) == (0, b"1\n")
    assert loud.stderr.startswith(b"Traceback") and b"KeyError: 'x'" in loud.stderr
