"""Exit statuses, in one place, and the one way the tool reports a problem."""

from __future__ import annotations

import sys
from enum import IntEnum
from typing import NoReturn


class ExitStatus(IntEnum):
    OK = 0
    NO = 1  # is-today on another day; search with no match
    USAGE = 2  # the command line is wrong
    DATA = 3  # a user data file cannot be used
    SOFTWARE = 70  # a bug in digiday: reported in one line, never as a traceback
    INTERRUPTED = 130  # Ctrl-C


class Failure(Exception):
    """Raised anywhere below the CLI to end the run with `status` after printing `message`."""

    def __init__(self, message: str, status: ExitStatus = ExitStatus.USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def fail(message: str, status: ExitStatus = ExitStatus.USAGE) -> NoReturn:
    raise Failure(message, status)


def report(message: str) -> None:
    """One line (or a few, for data problems) on stderr, prefixed with the program's name."""
    for line in message.splitlines() or [""]:
        sys.stderr.write(f"digiday: {line}\n")
    sys.stderr.flush()
