"""Shared fixtures: a CLI runner in a neutral environment, and a clock the tests set."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from typer.testing import CliRunner

from digiday import clock
from digiday.cli import app

# Variables that change what the tool prints; every test starts with none of them set, so
# the suite passes the same on a developer's terminal and in CI (Typer styles its output
# when GITHUB_ACTIONS, FORCE_COLOR or PY_COLORS is set).
NEUTRAL_ENV: dict[str, str | None] = {
    name: None
    for name in (
        "DIGIDAY_LANG",
        "DIGIDAY_DATA",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
        "FORCE_COLOR",
        "PY_COLORS",
        "GITHUB_ACTIONS",
        "TERM",
    )
} | {"COLUMNS": "100"}


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
def run() -> Invoke:
    """Run `digiday ARGS...` in-process; `env` adds variables to the neutral environment."""

    def invoke(*args: str, env: dict[str, str] | None = None) -> Run:
        result = CliRunner().invoke(app, list(args), env={**NEUTRAL_ENV, **(env or {})})
        return Run(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)

    return invoke


@pytest.fixture
def now(monkeypatch: pytest.MonkeyPatch) -> Callable[[dt.datetime], None]:
    """Set the instant the tool takes as now (an aware datetime)."""

    def set_now(instant: dt.datetime) -> None:
        monkeypatch.setattr(clock, "now", lambda: instant)

    set_now(dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.timezone.utc))
    return set_now
