"""Shared fixtures: a CLI runner in the one test environment, and a clock the tests set."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.environment import NOW, invoke


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str
    stdout_bytes: bytes

    def json(self) -> Any:
        return json.loads(self.stdout)


Invoke = Callable[..., Run]


@pytest.fixture
def instant() -> list[dt.datetime]:
    """The instant the tool takes as now, for this test (see `now`)."""
    return [NOW]


@pytest.fixture
def run(instant: list[dt.datetime]) -> Invoke:
    """Run `digiday ARGS...` in-process in the one test environment (tests/environment.py);
    `env` adds variables to it."""

    def run_digiday(*args: str, env: dict[str, str] | None = None) -> Run:
        result = invoke(args, env, instant[0])
        return Run(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)

    return run_digiday


@pytest.fixture
def now(instant: list[dt.datetime]) -> Callable[[dt.datetime], None]:
    """Set the instant the tool takes as now (an aware datetime)."""

    def set_now(moment: dt.datetime) -> None:
        instant[0] = moment

    return set_now
