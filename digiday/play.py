"""`digiday quiz` on a terminal: asks each question, takes a key, says the fact."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from digiday.i18n import word
from digiday.watch import TerminalGone, terminal_gone

if TYPE_CHECKING:
    from digiday.env import Environment
    from digiday.quiz import Question

__all__ = ["KEYS", "TerminalGone", "play"]

KEYS = {"1": 0, "2": 1, "3": 2, "4": 3, "a": 0, "b": 1, "c": 2, "d": 3}


def _descriptor(stream: TextIO) -> int | None:
    """The terminal `stream` reads from, if it is one with a descriptor (not a test's
    buffer, not a file or a pipe, where keys come with Enter anyway)."""
    try:
        descriptor = stream.fileno()
        return descriptor if os.isatty(descriptor) else None
    except (OSError, ValueError, AttributeError):
        return None


@contextlib.contextmanager
def _keys(stream: TextIO) -> Iterator[None]:
    """One key at a time, without Enter: the terminal in cbreak mode while the quiz runs
    (Ctrl-C still interrupts), and as it was afterwards."""
    descriptor = _descriptor(stream)
    try:
        import termios
        import tty
    except ImportError:  # not a POSIX system: keys come with Enter
        descriptor = None
    if descriptor is None:
        yield
        return
    saved = termios.tcgetattr(descriptor)
    tty.setcbreak(descriptor)
    try:
        yield
    except BaseException:
        # Restoring fails too where the terminal has gone; what ended the quiz says more.
        with contextlib.suppress(termios.error, OSError):
            termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)
        raise
    termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)


def _choice(stream: TextIO) -> int:
    """The option a key names; other keys are passed over. End of input is Ctrl-C's end."""
    while True:
        key = stream.read(1)
        if not key:
            raise KeyboardInterrupt
        if key.lower() in KEYS:
            return KEYS[key.lower()]


def play(env: Environment, questions: list[Question], stream: TextIO) -> None:
    """Ask every question; the score at the end, or at Ctrl-C (then exit 130 by the root).
    A terminal that goes away ends it with TerminalGone."""
    with terminal_gone():
        _play(env, questions, stream)


def _play(env: Environment, questions: list[Question], stream: TextIO) -> None:
    from rich.console import Group

    from digiday import views
    from digiday.render.text import answer, console, question, styled

    out = console(env, env.stdout)
    right = 0
    asked = 0

    def score() -> None:
        out.print(styled(word("score", env.lang, right=right, count=asked), "bold"))

    payload = views.quiz(questions)
    try:
        with _keys(stream):
            for number, shown in enumerate(payload, 1):
                out.print(Group(*question(number, len(payload), shown, env.lang)))
                # The prompt and the key chosen, on one line: Text, not a wrapped block.
                out.print(word("answer_prompt", env.lang), style="dim", end=" ")
                chosen = _choice(stream)
                out.print("ABCD"[chosen], style="bold")
                asked += 1
                letter = "ABCD"[shown["answer"]]
                if chosen == shown["answer"]:
                    right += 1
                    verdict = styled(word("right", env.lang), "bold green", 2)
                else:
                    verdict = styled(word("wrong", env.lang, letter=letter), "bold red", 2)
                out.print(Group(verdict, *answer(shown, env.lang), ""))
    except KeyboardInterrupt:
        out.print()
        score()
        raise
    score()
