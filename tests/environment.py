"""The one test environment, for the tests, docs/generate.py and benchmarks/startup.py.

Every run, in-process or a real process, sees an allow-list of variables and nothing else
from the machine: PATH, a HOME and XDG folders of its own, LANG=C.UTF-8, TZ=UTC and
COLUMNS=100, plus what a test adds. A variable this machine exports and a user's does not
(PYTHONUNBUFFERED hid a real bug that way) can never reach the tool under test. The autouse
fixture in conftest.py applies it to os.environ for every test; real processes get exactly
`process_env()`. Also here: the console script's path, the process runner, a pseudo-terminal
reader with a real deadline, and the in-process runner. Standard library only at import
time, so that the benchmark can use it without paying for Typer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typer.testing import Result

# Sunday morning, 28 November 2026 in Vietnam: 316 days before the 6th Day.
NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.timezone.utc)

# The installed console script, beside the interpreter running the suite.
SCRIPT = shutil.which("digiday", path=os.path.dirname(sys.executable)) or shutil.which("digiday")

# Set even where the machine has them unset, so that every test starts from the same place.
# DIGIDAY_TRACEBACK: an internal error in a test shows where it happened.
FIXED = {"LANG": "C.UTF-8", "TZ": "UTC", "COLUMNS": "100", "DIGIDAY_TRACEBACK": "1"}


@functools.cache
def _scratch_home() -> Path:
    """One empty HOME for a process that runs outside the tests (the benchmark, the docs)."""
    return Path(tempfile.mkdtemp(prefix="digiday-home-"))


def base_env(home: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """The allow-list: PATH, a HOME and XDG folders under `home` (a new temporary folder
    when none is given), and FIXED. Nothing else of the machine's."""
    root = Path(home) if home is not None else _scratch_home()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(root)}
    for name, folder in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        env[name] = str(root / folder)
    # No shared data folder of the machine's (/usr/share/digiday) may reach a test.
    env["XDG_DATA_DIRS"] = str(root / "share")
    env["XDG_CONFIG_DIRS"] = str(root / "etc")
    return env | FIXED


@contextlib.contextmanager
def applied(home: str | os.PathLike[str] | None = None) -> Iterator[dict[str, str]]:
    """os.environ holds the allow-list (and only it) inside the block, as it was after."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(base_env(home))
    os.environ["DIGIDAY_TEST_ENV"] = "1"
    try:
        yield dict(os.environ)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def process_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a real `digiday` process: the allow-list now in force (the
    fixture's, during a test; a fresh one elsewhere), plus `extra`."""
    current = os.environ if os.environ.get("DIGIDAY_TEST_ENV") == "1" else base_env()
    return {k: v for k, v in current.items() if k != "DIGIDAY_TEST_ENV"} | dict(extra or {})


def digiday(
    *args: str,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    stdin: bytes | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[bytes]:
    """`digiday ARGS...` as a real process in the test environment (plus `env`)."""
    assert SCRIPT is not None, "the test command installs the package first"
    return subprocess.run(
        [SCRIPT, *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        env=process_env(env),
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def read_until(fd: int, done: Callable[[bytes], bool], timeout: float = 20) -> bytes:
    """Read a pseudo-terminal's leader until `done(screen)` or the deadline, whichever comes
    first: `select` waits at most until the deadline, so a silent program cannot hang the
    suite between two reads."""
    screen = b""
    deadline = time.monotonic() + timeout
    while not done(screen):
        left = deadline - time.monotonic()
        if left <= 0:
            break
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the follower side closed: the program ended
            break
        if not chunk:
            break
        screen += chunk
    return screen


@functools.cache
def generator() -> Any:
    """docs/generate.py as a module (it is a script, not part of the package), loaded once
    for the whole run: every test that needs it calls this."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "docs" / "generate.py"
    spec = importlib.util.spec_from_file_location("generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def invoke(
    args: Sequence[str], env: Mapping[str, str | None] | None = None, now: dt.datetime = NOW
) -> Result:
    """`digiday ARGS...` in-process, in the test environment (plus `env`; None unsets), at
    `now`."""
    from typer.testing import CliRunner

    from digiday.cli import app
    from digiday.env import resolve

    extra: dict[str, Any] = {"make_environment": functools.partial(resolve, now=lambda: now)}
    return CliRunner().invoke(app, list(args), env=dict(env or {}), **extra)
