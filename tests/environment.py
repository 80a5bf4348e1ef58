"""The one test environment, for the tests, docs/generate.py and benchmarks/startup.py.

Every run, in-process or a real process, sees an allow-list of variables and nothing else
from the machine: PATH, a HOME and XDG folders of its own, LANG=C.UTF-8, TZ=UTC and
COLUMNS=100, plus what a test adds. A variable this machine exports and a user's does not
(PYTHONUNBUFFERED hid a real bug that way) can never reach the tool under test. The autouse
fixture in conftest.py applies it to os.environ for every test; real processes get exactly
`process_env()`. Also here: the console script's path, the process runner, a pseudo-terminal
reader with a real deadline, and the in-process runner. Standard library only at import
time, so that the benchmark can use it without paying for Typer.

Every process a test starts goes through `start` (or `complete`, `digiday`): it is the
test's own, in a process group of its own with SIGINT and SIGTERM at their defaults (so a
Ctrl-C test means the same under nohup, in a script's background job and in CI, where the
suite may itself ignore SIGINT), and the conftest's fixture ends the whole group when the
test ends, passed or failed (`end_all`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:
    from typer.testing import Result

# Sunday morning, 28 November 2026 in Vietnam: 316 days before the 6th Day.
ROOT = Path(__file__).resolve().parent.parent  # the checkout
TESTS = ROOT / "tests"
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


_started: list[subprocess.Popen[bytes]] = []


def _owned(session: bool) -> Callable[[], None]:
    """What the child does before it runs: a process group (or a session) of its own, and
    the signals a test sends at their defaults, whatever the suite's own are."""

    def in_child() -> None:
        if session:
            os.setsid()
        else:
            os.setpgid(0, 0)
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)

    return in_child


def start(
    args: Sequence[str | bytes] | str,
    *,
    env: Mapping[str, str] | None = None,
    session: bool = False,
    **options: Any,
) -> subprocess.Popen[bytes]:
    """Start a process that the current test owns (see the module's docstring); `env` is its
    whole environment, by default the test environment's (`process_env()`)."""
    process = subprocess.Popen(
        args,
        env=dict(process_env() if env is None else env),
        preexec_fn=_owned(session),
        **options,
    )
    _started.append(process)
    return process


@overload
def complete(
    args: Sequence[str | bytes] | str,
    *,
    input: bytes | None = None,
    capture_output: bool = True,
    timeout: float = 60,
    check: bool = False,
    text: Literal[False] = False,
    **options: Any,
) -> subprocess.CompletedProcess[bytes]: ...


@overload
def complete(
    args: Sequence[str | bytes] | str,
    *,
    input: bytes | None = None,
    capture_output: bool = True,
    timeout: float = 60,
    check: bool = False,
    text: Literal[True],
    **options: Any,
) -> subprocess.CompletedProcess[str]: ...


def complete(
    args: Sequence[str | bytes] | str,
    *,
    input: bytes | None = None,
    capture_output: bool = True,
    timeout: float = 60,
    check: bool = False,
    text: bool = False,
    **options: Any,
) -> subprocess.CompletedProcess[bytes] | subprocess.CompletedProcess[str]:
    """`start` and wait for the end, as subprocess.run does; output captured by default
    (as UTF-8 text with `text`)."""
    if capture_output:  # what is not sent elsewhere
        options.setdefault("stdout", subprocess.PIPE)
        options.setdefault("stderr", subprocess.PIPE)
    if input is not None:
        options["stdin"] = subprocess.PIPE
    options.setdefault("stdin", subprocess.DEVNULL)
    process = start(args, **options)
    try:
        out, err = process.communicate(input, timeout=timeout)
    except BaseException:
        end(process)
        raise
    result = subprocess.CompletedProcess(process.args, process.returncode, out, err)
    if check:
        result.check_returncode()
    if text:
        return subprocess.CompletedProcess(
            process.args, process.returncode, (out or b"").decode(), (err or b"").decode()
        )
    return result


def end(process: subprocess.Popen[bytes]) -> None:
    """End `process` and everything left in its group, and close its pipes."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


def end_all() -> None:
    """End every process started since the last call (the conftest calls it after each
    test): nothing a test started outlives it, whether it passed or failed."""
    while _started:
        end(_started.pop())


def digiday(
    *args: str,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    stdin: bytes | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[bytes]:
    """`digiday ARGS...` as a real process in the test environment (plus `env`)."""
    assert SCRIPT is not None, "the test command installs the package first"
    return complete([SCRIPT, *args], input=stdin, env=process_env(env), cwd=cwd, timeout=timeout)


def read_until(
    fd: int, done: Callable[[bytes], bool], timeout: float = 20, screen: bytes = b""
) -> bytes:
    """Read a pseudo-terminal's leader until `done(screen)` or the deadline, whichever comes
    first, after what `screen` already holds: `select` waits at most until the deadline, so
    a silent program cannot hang the suite between two reads. The one terminal reader of the
    tests: no read of theirs goes without a deadline."""
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

    path = ROOT / "docs" / "generate.py"
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

    from digiday.cli.app import app
    from digiday.environment import resolve

    extra: dict[str, Any] = {"make_environment": functools.partial(resolve, now=lambda: now)}
    return CliRunner().invoke(app, list(args), env=dict(env or {}), **extra)
