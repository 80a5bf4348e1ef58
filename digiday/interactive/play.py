"""`digiday quiz` on a terminal: asks each question, takes a key, says the fact."""

from __future__ import annotations

import codecs
import contextlib
import os
import select
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from digiday.core.constants import QUIZ_LETTERS
from digiday.interactive.terminal import terminal_gone
from digiday.l10n.translate import tr

if TYPE_CHECKING:
    from digiday.answers.payloads import Question
    from digiday.environment import Environment


# An option is chosen by its number (1-4) or its letter (A-D), in either case.
KEYS = {str(n + 1): n for n in range(len(QUIZ_LETTERS))} | {
    letter.lower(): n for n, letter in enumerate(QUIZ_LETTERS)
}
# The keys that end the quiz with the score so far and exit 0, as Ctrl-C ends it with 130:
# q, Esc, and Ctrl-D, which cbreak mode hands over as a character instead of ending input.
QUIT = frozenset({"q", "\x1b", "\x04"})
ESC = "\x1b"
# How long a lone Esc waits for the rest of an escape sequence before it is taken for Esc:
# an arrow key sends "\x1b[A" in one write, so this is short beside the next key a person
# presses, as ncurses' ESCDELAY and vim's ttimeoutlen are.
SEQUENCE_WAIT = 0.05
# Past this many characters an escape sequence is not one the quiz knows: it ends there.
_LONGEST_SEQUENCE = 16


@contextlib.contextmanager
def _keys(stream: TextIO) -> Iterator[int | None]:
    """One key at a time, without Enter: the terminal in cbreak mode while the quiz runs
    (Ctrl-C still interrupts), and as it was afterwards. Gives the descriptor to read keys
    from, or None where keys come a line at a time (not a terminal, not a POSIX system)."""
    try:
        import termios
        import tty

        descriptor = stream.fileno()
    except (ImportError, OSError, ValueError, AttributeError):  # a test's buffer
        descriptor = -1
    if not os.isatty(descriptor):  # a file or a pipe, where keys come with Enter anyway
        yield None
        return
    saved = termios.tcgetattr(descriptor)
    tty.setcbreak(descriptor)
    try:
        yield descriptor
    except BaseException:
        # Restoring fails too where the terminal has gone; what ended the quiz says more.
        with contextlib.suppress(termios.error, OSError):
            termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)
        raise
    termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)


class _Keys:
    """The keys a person presses, one at a time: a character, or a whole escape sequence, so
    that an arrow key ("\\x1b[A") is one key that is no answer, not an Esc that ends the
    quiz; "" at the end of input.

    In cbreak mode the descriptor is read directly: the stream's buffer would take in the
    rest of a sequence where `select` cannot see it, and a lone Esc would wait forever (or
    never) for it. Elsewhere a key comes with Enter, and the line is read a character at a
    time from the stream."""

    def __init__(self, stream: TextIO, descriptor: int | None = None) -> None:
        self._stream = stream
        self._descriptor = descriptor
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        except LookupError:
            self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""

    def _more(self, wait: float | None) -> bool:
        """Read what comes next into the pending characters: False at the end of input, or
        when `wait` seconds pass with nothing (in cbreak mode; a line is there whole)."""
        if self._descriptor is None:
            got = self._stream.read(1)
            self._pending += got
            return bool(got)
        while True:
            if wait is not None:
                ready, _, _ = select.select([self._descriptor], [], [], wait)
                if not ready:
                    return False
            chunk = os.read(self._descriptor, 1024)
            got = self._decoder.decode(chunk, final=not chunk)
            self._pending += got
            if got or not chunk:  # half a character waits for the rest of it
                return bool(got)

    def drop(self) -> None:
        """Forget the keys pressed so far: those pressed while an answer was shown are no
        answer to the next question (on a terminal)."""
        if self._descriptor is not None:
            import termios

            termios.tcflush(self._descriptor, termios.TCIFLUSH)
            self._pending = ""

    def next(self) -> str:
        if not self._pending and not self._more(None):
            return ""
        key, self._pending = self._pending[0], self._pending[1:]
        if key != ESC or (not self._pending and not self._more(SEQUENCE_WAIT)):
            return key
        if self._pending[0] not in "[O":  # Esc, and then another key
            return key
        # CSI ("\x1b[" and parameters up to a final byte from @ to ~) or SS3 ("\x1bO" and
        # one character): the keys a terminal sends for arrows, function keys, Home and End.
        key, self._pending = key + self._pending[0], self._pending[1:]
        while len(key) < _LONGEST_SEQUENCE:
            if not self._pending and not self._more(SEQUENCE_WAIT):
                break
            character, self._pending = self._pending[0], self._pending[1:]
            key += character
            if key[1] == "O" or "@" <= character <= "~":
                break
        return key


@terminal_gone()
def play(env: Environment, questions: list[Question], stream: TextIO) -> None:
    """Ask every question; the score at the end, or when q, Esc or Ctrl-D ends the quiz, or
    at Ctrl-C (which goes on up, for exit 130 by the root). A terminal that goes away ends
    it with TerminalGone."""
    from rich.console import Group

    from digiday.render.text import answer, console, question, styled

    out = console(env, env.stdout)
    right = asked = 0

    def score() -> None:
        out.print(
            styled(tr("Score: {right} of {count}", env.lang, right=right, count=asked), "bold")
        )

    def prompt() -> None:
        # The prompt and the key chosen, on one line: Text, not a wrapped block.
        out.print(tr("Your answer (1-4 or A-D):", env.lang), style="dim", end=" ")

    try:
        with _keys(stream) as descriptor:
            keys = _Keys(stream, descriptor)
            how = tr(
                "Answer with 1-4 or A-D; press q, Esc or Ctrl-D to stop with the score so far.",
                env.lang,
            )
            out.print(styled(how, "dim"))
            out.print()
            for number, entry in enumerate(questions, 1):
                out.print(Group(*question(number, len(questions), entry, env.lang)))
                keys.drop()
                prompt()
                while True:
                    key = keys.next()
                    if not key or key.lower() in QUIT:
                        out.print()
                        score()
                        return
                    if key.lower() in KEYS:
                        break
                    if key in "\r\n":
                        continue  # Enter: after a key, out of habit, or where keys need it
                    out.print()
                    hint = tr("Not an answer: press 1-4 or A-D, or q to stop.", env.lang)
                    out.print(styled(hint, "yellow", 2))
                    prompt()
                chosen = KEYS[key.lower()]
                out.print(QUIZ_LETTERS[chosen], style="bold")
                asked += 1
                if chosen == entry["answer"]:
                    right += 1
                    verdict = styled(tr("Right.", env.lang), "bold green", 2)
                else:
                    letter = QUIZ_LETTERS[entry["answer"]]
                    wrong = tr("Not quite: the answer is {letter}.", env.lang, letter=letter)
                    verdict = styled(wrong, "bold red", 2)
                out.print(Group(verdict, *answer(entry, env.lang), ""))
    except KeyboardInterrupt:
        out.print()
        score()
        raise
    score()
