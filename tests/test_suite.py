"""The suite's own rules: every process a test starts is the test's own and ends with it,
with the signals a test sends at their defaults; no read of a terminal without a deadline;
no test without a time limit."""

from __future__ import annotations

import ast
import os
import signal
import time
from pathlib import Path

import pytest

from tests.environment import end_all, start

TESTS = Path(__file__).resolve().parent


def _alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie has ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_what_a_test_started_ends_with_it_grandchildren_too(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    shell = start(["/bin/sh", "-c", f"sleep 300 & echo $! > '{pids}'; sleep 300"])
    deadline = time.monotonic() + 10
    while not pids.exists() or not pids.read_text().strip():
        assert time.monotonic() < deadline
        time.sleep(0.01)
    grandchild = int(pids.read_text())
    assert _alive(shell.pid) and _alive(grandchild)
    end_all()  # what the conftest does when a test ends, however it ends
    deadline = time.monotonic() + 10
    while _alive(grandchild) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert shell.poll() is not None and not _alive(grandchild)


def test_a_child_hears_sigint_whatever_the_suite_does_with_it() -> None:
    # As under nohup, or in a script's background job: the suite ignores SIGINT.
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        child = start(["sleep", "30"])
    finally:
        signal.signal(signal.SIGINT, before)
    time.sleep(0.1)
    os.kill(child.pid, signal.SIGINT)
    assert child.wait(timeout=10) == -signal.SIGINT


_STARTERS = {
    ("subprocess", "run"),
    ("subprocess", "Popen"),
    ("subprocess", "call"),
    ("subprocess", "check_call"),
    ("subprocess", "check_output"),
    ("os", "system"),
    ("os", "popen"),
    ("os", "fork"),
    ("os", "spawnv"),
    ("os", "posix_spawn"),
    ("pty", "fork"),
    ("pty", "spawn"),
    ("os", "read"),
}


def _calls(path: Path) -> list[str]:
    """`module.name` of every call in `path` to one of _STARTERS, and the bare names
    imported from those modules."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and (owner.id, node.func.attr) in _STARTERS:
                found.append(f"{owner.id}.{node.func.attr}")
        if isinstance(node, ast.ImportFrom) and node.module in {"subprocess", "os", "pty"}:
            found += [
                f"{node.module}.{alias.name}"
                for alias in node.names
                if (node.module, alias.name) in _STARTERS
            ]
    return found


def test_processes_and_terminal_reads_go_through_the_one_place() -> None:
    # tests/environment.py starts every process (start, complete, digiday) and reads every
    # terminal (read_until, with its deadline); no test does either by itself.
    offenders = {
        path.name: calls
        for path in sorted(TESTS.glob("**/*.py"))
        if path.name != "environment.py" and (calls := _calls(path))
    }
    assert offenders == {}


def test_the_fence_sees_each_way_around_it(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text(
        "import os, subprocess, pty\nfrom subprocess import Popen\n"
        "subprocess.run(['x'])\nos.read(3, 1)\npty.fork()\n",
        encoding="utf-8",
    )
    assert sorted(_calls(source)) == ["os.read", "pty.fork", "subprocess.Popen", "subprocess.run"]


def test_every_test_has_a_time_limit(pytestconfig: pytest.Config) -> None:
    # pytest-timeout's limit, from pyproject.toml: a hang fails, named, instead of stalling.
    assert float(pytestconfig.getini("timeout")) > 0
