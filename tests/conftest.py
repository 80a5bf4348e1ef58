"""Shared fixtures: the one test environment for every test (and the end of every process it
started), a CLI runner in it, a clock the tests set, and data files the tests write."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.environment import NOW, applied, end_all, invoke

SGR = re.compile(r"\x1b\[[0-9;]*m")  # Select Graphic Rendition: colours and styles
needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
needs_winch = pytest.mark.skipif(not hasattr(signal, "SIGWINCH"), reason="needs SIGWINCH")

# CI draws the same examples every run, so that a submission lands or not on its own merit,
# not on the luck of a draw; elsewhere each run draws afresh, and a failure it finds is kept
# in .hypothesis/ and tried first the next time. A failure found either way gets its
# @example in the test.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Every test runs in the allow-list of tests/environment.py, with a HOME of its own:
    no variable of this machine's reaches the tool, in-process or in a real process; and
    every process it started is ended with it, whether it passed or failed."""
    try:
        with applied(tmp_path_factory.mktemp("home")) as env:
            yield env
    finally:
        end_all()


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str
    stdout_bytes: bytes

    def json(self) -> Any:
        return json.loads(self.stdout)


Invoke = Callable[..., Run]
YamlFile = Callable[..., Path]


@pytest.fixture
def instant() -> list[dt.datetime]:
    """The instant the tool takes as now, for this test (see `now`)."""
    return [NOW]


@pytest.fixture
def run(instant: list[dt.datetime]) -> Invoke:
    """Run `digiday ARGS...` in-process in the one test environment (tests/environment.py);
    `env` adds variables to it."""

    def run_digiday(*args: str, env: dict[str, str | None] | None = None) -> Run:
        result = invoke(args, env, instant[0])
        return Run(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)

    return run_digiday


@pytest.fixture
def now(instant: list[dt.datetime]) -> Callable[[dt.datetime], None]:
    """Set the instant the tool takes as now (an aware datetime)."""

    def set_now(moment: dt.datetime) -> None:
        instant[0] = moment

    return set_now


@pytest.fixture
def yaml_file(tmp_path: Path) -> YamlFile:
    """Write a data file for this test: `yaml_file(text, name="data.yaml")` gives its path.
    The text is dedented, so that it can be written indented in the test."""

    def write(text: str, name: str = "data.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write
