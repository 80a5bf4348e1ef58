"""The interactive commands on a terminal: the quiz and the live countdown driven in-process
through an Environment of their own (what only a real terminal shows is in
tests/process/test_terminal.py)."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from digiday.answers import days, quiz, today
from digiday.answers.payloads import Question
from digiday.core.model import Lang
from digiday.environment import Environment
from digiday.errors import TerminalGone
from digiday.interactive.play import play
from digiday.interactive.watch import frame, run
from digiday.l10n.translate import long_date
from digiday.render import text
from digiday.render.phrases import ceremony_summary
from digiday.store.loader import Data
from tests.conftest import SGR, needs_pty, needs_winch
from tests.environment import NOW

HO_CHI_MINH = dt.timezone(dt.timedelta(hours=7))
ESCAPE = re.compile(r"\x1b")
WORD = re.compile(r"[^\W_]+")
DATA = Data()
DATASET = DATA.dataset

needs_select = pytest.mark.skipif(sys.platform == "win32", reason="selects on a pipe")


def terminal(
    width: int = 80,
    colour: bool = False,
    stdin: io.StringIO | None = None,
    stdout: Any = None,
    now: Callable[[], dt.datetime] = lambda: NOW,
    lang: Lang = "en",
) -> Environment:
    """An environment whose stdout is a terminal (as the run would see it), in memory."""
    return Environment(
        lang=lang,
        stdout=io.StringIO() if stdout is None else stdout,
        stderr=io.StringIO(),
        is_terminal=True,
        colour=colour,
        ascii_only=False,
        width=width,
        now=now,
        stdin=stdin,
    )


def written(env: Environment) -> str:
    assert isinstance(env.stdout, io.StringIO)
    return env.stdout.getvalue()


class Vanished(io.StringIO):
    """A terminal whose window has closed: every write fails as a pty's does then."""

    def write(self, _: str) -> int:
        raise OSError(errno.EIO, "Input/output error")


# The quiz, in-process


def questions(count: int = 3, lang: Lang = "en") -> list[Question]:
    return quiz.quiz(DATA, lang, "all", count, 5)


HINT = "Not an answer: press 1-4 or A-D, or q to stop."
HOW_TO_STOP = "Answer with 1-4 or A-D; press q, Esc or Ctrl-D to stop with the score so far."


def keys_for(asked: list[Question], right: int, between: str = "") -> str:
    """Keys that answer the first `right` questions rightly and the rest wrongly, mixing
    digits and letters, each after `between`."""
    keys = ""
    for number, question in enumerate(asked):
        answer = question["answer"] if number < right else (question["answer"] + 1) % 4
        keys += between + ("1234" if number % 2 else "abcd")[answer]
    return keys


def played(keys: str, count: int = 3, lang: Lang = "en") -> str:
    """What the quiz showed, without styles, given `keys` on a stream that is no terminal
    (where keys come a line at a time)."""
    env = terminal(stdin=io.StringIO(keys), lang=lang)
    assert env.stdin is not None
    play(env, questions(count, lang), env.stdin)
    return SGR.sub("", written(env))


def one_line(shown: str) -> str:
    return " ".join(shown.split())


@pytest.mark.parametrize("colour", [False, True])
def test_the_quiz_plays_through_in_process(colour: bool) -> None:
    asked = questions()
    env = terminal(colour=colour, stdin=io.StringIO(keys_for(asked, 2)))
    assert env.stdin is not None
    play(env, asked, env.stdin)  # a StringIO has no terminal mode: none is set or restored
    shown = written(env)
    plain = SGR.sub("", shown)
    assert all(one_line(question["question"]) in one_line(plain) for question in asked)
    assert plain.count("Right.") == 2 and plain.count("Not quite") == 1
    assert plain.rstrip().endswith("Score: 2 of 3")
    assert HINT not in one_line(plain)
    assert bool(SGR.search(shown)) is colour
    if not colour:
        assert not ESCAPE.search(shown)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_quiz_says_first_how_to_answer_and_how_to_stop(lang: Lang) -> None:
    asked = questions(3, lang)
    shown = played(keys_for(asked, 0), lang=lang)
    how = {
        "en": HOW_TO_STOP,
        "vi": "Trả lời bằng phím 1-4 hoặc A-D; bấm q, Esc hoặc Ctrl-D để dừng và xem điểm "
        "đến lúc đó.",
    }
    assert one_line(shown).startswith(how[lang])
    said = one_line(shown)  # a long question wraps at the terminal's width
    assert said.index("Ctrl-D") < said.index(one_line(asked[0]["question"]))
    assert shown.rstrip().endswith({"en": "Score: 0 of 3", "vi": "Điểm: 0/3"}[lang])


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_key_that_is_no_answer_gets_a_hint_and_the_question_waits(lang: Lang) -> None:
    # An arrow key's sequence is one key, and no Esc: it neither ends the quiz nor answers.
    asked = questions(2, lang)
    shown = played("x\x1b[A" + keys_for(asked, 2), 2, lang)
    hint = {"en": HINT, "vi": "Không phải đáp án: bấm 1-4 hoặc A-D, hoặc q để dừng."}[lang]
    assert one_line(shown).count(hint) == 2
    assert shown.rstrip().endswith({"en": "Score: 2 of 2", "vi": "Điểm: 2/2"}[lang])
    # Both stand under the first question, before it is answered and the second asked.
    said = one_line(shown)
    assert said.rindex(hint) < said.index(one_line(asked[1]["question"]))


def test_enter_is_no_key_where_keys_come_with_it() -> None:
    # Not a terminal in cbreak mode: each key arrives with the Enter that sent it.
    shown = played(keys_for(questions(), 3, between="\n"))
    assert HINT not in one_line(shown)
    assert shown.rstrip().endswith("Score: 3 of 3")


@pytest.mark.parametrize("key", ["q", "Q", "\x1b", "\x1b\n", "\x04", ""])
def test_q_esc_ctrl_d_and_the_end_of_input_stop_the_quiz_with_the_score_so_far(key: str) -> None:
    # Returning, not raising: the run exits 0. ("\x1b\n" is Esc where keys come with Enter.)
    after = "1" if key else ""  # never read: the quiz has stopped (nothing follows the end)
    shown = played(keys_for(questions(), 1)[:1] + key + after)
    assert shown.rstrip().endswith("Score: 1 of 1")
    assert "Question 2 of 3" in shown and "Question 3 of 3" not in shown
    assert "Right." in shown and "Not quite" not in shown


def test_ctrl_c_stops_the_quiz_with_the_score_so_far_and_goes_on_up() -> None:
    asked = questions()

    class Interrupted(io.StringIO):
        def read(self, size: int | None = -1) -> str:
            got = super().read(size)
            if not got:
                raise KeyboardInterrupt  # as SIGINT does in the middle of a read
            return got

    env = terminal(stdin=Interrupted(keys_for(asked, 1)[:1]))
    assert env.stdin is not None
    with pytest.raises(KeyboardInterrupt):  # for the root's exit 130
        play(env, asked, env.stdin)
    assert written(env).rstrip().endswith("Score: 1 of 1")


# The keys of a terminal in cbreak mode, read from its descriptor: a pipe stands in for it,
# as the bytes a terminal sends for each key.

Keyboard = tuple[Callable[[bytes], object], Callable[[], str]]


@pytest.fixture
def keyboard() -> Iterator[Keyboard]:
    """Send bytes as a terminal does for keys; take the next key as the quiz does."""
    from digiday.interactive.play import _Keys

    reading, writing = os.pipe()
    with open(reading, encoding="utf-8") as stream:
        try:
            yield (lambda sent: os.write(writing, sent)), _Keys(stream, reading).next
        finally:
            os.close(writing)


@needs_select
def test_a_key_sequence_is_one_key_and_a_lone_esc_is_esc(keyboard: Keyboard) -> None:
    send, key = keyboard
    send(b"\x1b[A\x1b[1;5Cx\x1bOP")  # up, Ctrl-right, x and F1, in one read
    assert [key(), key(), key(), key()] == ["\x1b[A", "\x1b[1;5C", "x", "\x1bOP"]
    send(b"\x1b")  # Esc alone: nothing follows within the wait
    assert key() == "\x1b"
    send(b"\x1b")
    send(b"[B")  # a sequence in two writes, the second within the wait
    assert key() == "\x1b[B"
    send("đ".encode()[:1])
    send("đ".encode()[1:] + b"2")  # a letter split between two reads is one key
    assert [key(), key()] == ["đ", "2"]


@needs_select
def test_after_a_terminal_s_last_key_comes_the_end_of_input_as_no_key() -> None:
    from digiday.interactive.play import _Keys

    reading, writing = os.pipe()
    os.write(writing, b"1\x1b")
    os.close(writing)
    with open(reading, encoding="utf-8") as stream:
        keys = _Keys(stream, reading)
        assert [keys.next(), keys.next(), keys.next()] == ["1", "\x1b", ""]


def test_a_quiz_whose_terminal_went_away_ends_with_terminal_gone() -> None:
    asked = questions()
    env = terminal(stdin=io.StringIO("1111"), stdout=Vanished())
    assert env.stdin is not None
    with pytest.raises(TerminalGone):
        play(env, asked, env.stdin)

    class Unreadable(io.StringIO):
        def read(self, _: int | None = -1) -> str:
            raise OSError(errno.EIO, "Input/output error")

    env = terminal(stdin=Unreadable())
    assert env.stdin is not None
    with pytest.raises(TerminalGone):
        play(env, asked, env.stdin)


def test_other_errors_of_the_quiz_are_not_taken_for_a_terminal_gone() -> None:
    broken = OSError(errno.ENOSPC, "No space left on device")

    class Full(io.StringIO):
        def write(self, _: str) -> int:
            raise broken

    env = terminal(stdin=io.StringIO("1"), stdout=Full())
    assert env.stdin is not None
    with pytest.raises(OSError, match="No space left") as raised:
        play(env, questions(), env.stdin)
    assert raised.value is broken


@needs_pty
def test_restoring_the_terminal_mode_never_hides_what_ended_the_quiz() -> None:
    import pty

    from digiday.interactive.play import _keys
    from digiday.interactive.terminal import terminal_gone

    def quiz_ending(stream: io.TextIOWrapper, leader: int, error: Exception | None) -> None:
        with terminal_gone(), _keys(stream):
            os.close(leader)  # the window closes: restoring the mode fails
            if error is not None:
                raise error

    leader, follower = pty.openpty()
    with open(follower, encoding="utf-8") as stream, pytest.raises(LookupError):
        quiz_ending(stream, leader, LookupError("what ended the quiz"))
    leader, follower = pty.openpty()
    with open(follower, encoding="utf-8") as stream, pytest.raises(TerminalGone):
        quiz_ending(stream, leader, None)  # nothing else ended it: the terminal's end is told


# The live countdown, in-process


@pytest.mark.parametrize("width", [40, 120])
@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_frame_of_the_watch(width: int, colour: bool, lang: Lang) -> None:
    env = terminal(width=width, colour=colour, lang=lang)
    out = text.console(env)
    out.print(frame(env, HO_CHI_MINH, NOW))
    shown = out.file.getvalue()  # type: ignore[attr-defined]
    lines = SGR.sub("", shown).splitlines()
    assert lines[0].startswith("╭") and lines[-1].startswith("╰")
    assert all(len(line) <= width for line in lines)
    said = " ".join(" ".join(line.strip("│ ") for line in lines[1:-1]).split())
    assert said.startswith({"en": "316 days", "vi": "Còn 316 ngày"}[lang])
    assert "Ctrl-C" in said
    assert bool(SGR.search(shown)) is colour


@pytest.mark.parametrize("width", [1, 5, 10, 16])
def test_a_frame_too_narrow_for_its_box_shows_its_lines_within_the_width(width: int) -> None:
    # A line of a live display wider than the screen wraps, and each redraw lands lower.
    env = terminal(width=width)
    out = text.console(env)
    out.print(frame(env, HO_CHI_MINH, NOW))
    lines = out.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert not any(line.lstrip().startswith("╭") for line in lines)
    assert all(len(line.rstrip()) <= width for line in lines)
    assert "".join("".join(lines).split()).startswith("316days")


def ticking(ticks: int, resize_on: tuple[int, ...] = ()) -> Callable[[], dt.datetime]:
    """A clock for the watch's loop: a second later at each call, a resize (SIGWINCH to
    this process) at the calls in `resize_on`, and Ctrl-C at the last."""
    calls = iter(range(1, ticks + 1))

    def now() -> dt.datetime:
        call = next(calls, ticks)
        if call >= ticks:
            raise KeyboardInterrupt
        if call in resize_on:
            signal.raise_signal(signal.SIGWINCH)
        return NOW + dt.timedelta(seconds=call)

    return now


@pytest.fixture
def winch_handler(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """The SIGWINCH handler in force before the test, checked to be in force after it; and
    the watch's ticks without their wait, which a test's clock makes seconds anyway."""
    monkeypatch.setattr("digiday.interactive.watch._to_next_second", lambda: 0.0)
    before = signal.getsignal(signal.SIGWINCH)
    yield before
    assert signal.getsignal(signal.SIGWINCH) == before


@needs_winch
@pytest.mark.parametrize("colour", [False, True])
def test_the_watch_redraws_live_with_or_without_colour(colour: bool, winch_handler: object) -> None:
    env = terminal(width=80, colour=colour, now=ticking(4))
    with pytest.raises(KeyboardInterrupt):
        run(env, HO_CHI_MINH)
    shown = written(env)
    # The first frame, one a tick, and the last again as the watch stops.
    assert SGR.sub("", shown).count("to go") == 4
    assert "\x1b[1A" in shown  # each redraw goes back up over the last: live, not appended
    assert "\x1b[2J" not in shown  # the screen is cleared only for a new size
    assert bool(SGR.search(shown)) is colour
    assert "315 days 04:59:58" in SGR.sub("", shown)  # NOW + 2 s, to midnight in Vietnam


@needs_winch
def test_a_resize_redraws_the_watch_from_the_top_of_a_cleared_screen(
    winch_handler: object,
) -> None:
    env = terminal(width=80, now=ticking(3, resize_on=(1,)))
    with pytest.raises(KeyboardInterrupt):
        run(env, HO_CHI_MINH)
    shown = written(env)
    assert "\x1b[H\x1b[2J" in shown
    assert "to go" in shown.split("\x1b[2J")[-1]


@needs_winch
def test_a_dumb_terminal_gets_the_live_line_rewritten_in_place(
    monkeypatch: pytest.MonkeyPatch, winch_handler: object
) -> None:
    monkeypatch.setenv("TERM", "dumb")
    env = terminal(width=40, now=ticking(4))
    with pytest.raises(KeyboardInterrupt):
        run(env, HO_CHI_MINH)
    shown = written(env)
    assert not ESCAPE.search(shown)  # a dumb terminal moves no cursor and shows no colour
    assert shown.startswith("316 days to the 6th National Digital Transformation Day\n")
    redraws = shown.split("\r")[1:]
    assert len(redraws) == 3
    # Too long for 40 columns: the end of the line, with the clock, is what is kept.
    assert all(len(line.rstrip("\n")) <= 39 for line in redraws)
    assert redraws[1].startswith("…") and "04:59:58 to go" in redraws[1]
    assert shown.endswith("\n")


def test_a_watch_whose_terminal_went_away_ends_with_terminal_gone(winch_handler: object) -> None:
    env = terminal(stdout=Vanished())
    with pytest.raises(TerminalGone):
        run(env, HO_CHI_MINH)


# Text on a terminal, and narrow terminals (L8)


@pytest.mark.parametrize(
    ("is_terminal", "colour", "escapes"),
    [(False, False, False), (True, False, False), (True, True, True), (False, True, True)],
)
def test_colour_is_for_colour_and_the_terminal_for_the_rest(
    is_terminal: bool, colour: bool, escapes: bool
) -> None:
    # (False, True) is FORCE_COLOR on a pipe; (True, False) is NO_COLOR on a terminal.
    env = terminal(colour=colour)._replace(is_terminal=is_terminal)
    out = text.console(env)
    assert out.is_terminal is (is_terminal or colour)
    payload = today.countdown_of(DATASET.themes, dt.date(2026, 11, 28), "Asia/Ho_Chi_Minh", "en")
    shown = text.render("countdown", payload, env, "2026-11-29")
    assert bool(ESCAPE.search(shown)) is escapes


def _words(*texts: str | None) -> set[str]:
    """The words of `texts`: their runs of letters and digits, wherever the lines break."""
    return {word for part in texts if part for word in WORD.findall(part)}


def _answers(command: str, lang: Lang) -> tuple[Any, set[str]]:
    """A command's payload, and every word of the answer it gives."""
    if command == "countdown":
        payload = today.countdown_of(
            DATASET.themes, dt.date(2026, 11, 28), "Asia/Ho_Chi_Minh", lang
        )
        target = dt.date.fromisoformat(payload["date"])
        when = long_date(target.year, target.month, target.day, lang)
        return payload, _words(payload["weekday"], when, payload["today"], payload["timezone"])
    if command == "themes":
        themes = days.themes(DATA, None, lang, dt.date(2026, 11, 28))
        return themes, _words(*(theme["theme"] for theme in themes))
    editions = days.editions(DATA, None, lang, dt.date(2026, 11, 28))
    summaries = (ceremony_summary(edition["ceremony"], lang) for edition in editions)
    return editions, _words(*(edition["theme"] for edition in editions), *summaries)


@pytest.mark.parametrize("width", [1, 5, 10, 14, 20, 40])
@pytest.mark.parametrize("command", ["countdown", "editions", "themes"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_narrow_terminal_still_shows_every_word_of_the_answer(
    width: int, command: str, lang: Lang
) -> None:
    payload, expected = _answers(command, lang)
    shown = text.render(command, payload, terminal(width=width, lang=lang), "2026-11-29")
    words = _words(shown)
    assert expected <= words, sorted(expected - words)  # none lost, none cut short
    if command == "countdown":
        assert str(payload["days"]) in words
        assert ("╭" in shown) is (width >= 40)


def test_a_table_is_kept_where_its_words_fit() -> None:
    payload, _ = _answers("editions", "en")
    shown = text.render("editions", payload, terminal(width=60), "2026-11-29")
    assert "┏" in shown and "2022 · 1st" not in shown
    fields = text.render("editions", payload, terminal(width=20), "2026-11-29")
    assert "┏" not in fields and "2022 · 1st" in fields
