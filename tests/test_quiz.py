"""`digiday quiz`: questions that are true to the data, one right option each, and the quiz
asked on a terminal, printed for a class, and given to scripts."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digiday import calendar, data, quiz
from digiday.finder import fold
from digiday.i18n import long_date, ordinal, partial_date
from digiday.model import ROLES, Agency, Ceremony, Dataset, Document, Edition, Lang, Text, Theme
from tests.conftest import Invoke
from tests.environment import process_env

DATASET = data.load()
TOPICS = [*quiz.TOPICS, "all"]


def _quoted(question: str) -> str | None:
    found = re.search(r"“(.*)”", question)
    return found.group(1) if found else None


def _year(question: str) -> int | None:
    found = re.search(r"\b(20\d\d)\b", question)
    return int(found.group(1)) if found else None


def true_options(q: quiz.Question, data: Dataset, lang: Lang) -> list[int]:
    """Which options are true, worked out from the data alone: the oracle. Each question
    names its subject (a quoted text or a year); every record of the same kind is checked."""
    same = [fold(option) for option in q.options]

    def where(*values: str) -> list[int]:
        wanted = {fold(value) for value in values}
        return [index for index, option in enumerate(same) if option in wanted]

    quoted, year = _quoted(q.question), _year(q.question)
    if q.topic == "themes":
        if quoted is not None:  # which year had this theme
            return where(*(str(t.year) for t in data.themes if t.theme.get(lang) == quoted))
        return where(*(t.theme.get(lang) for t in data.themes if t.year == year))
    if q.topic == "documents":
        if quoted is not None:  # which document is this
            return where(*(d.number for d in data.documents if d.title.get(lang) == quoted))
        dates = [dt.date.fromisoformat(d.date) for d in data.documents if d.number in q.question]
        return where(*(long_date(day.year, day.month, day.day, lang) for day in dates))
    if q.topic == "agencies":
        if quoted is not None:  # which body has this task
            return where(
                *(
                    a.name.get(lang)
                    for a in data.agencies
                    if any(fold(t.get(lang)) == fold(quoted) for t in a.tasks)
                )
            )
        replaced = [a for a in data.agencies if a.name.get(lang) in q.question]
        successors = {a.successor for a in replaced}
        return where(*(a.name.get(lang) for a in data.agencies if a.id in successors))
    if q.topic == "editions":
        assert year is not None
        truths = [ordinal(calendar.edition(year), lang)]
        for edition in data.editions:
            c = edition.ceremony
            if edition.year == year and c is not None and c.date and c.place:
                truths.append(f"{partial_date(c.date, lang)}, {c.place.get(lang)}")
        return where(*truths)
    assert q.topic == "purposes"
    why = next(e for e in data.info["overview"] if e.id == "why-10-10")
    titles = [e.title.get(lang) for e in data.info["purposes"] if e.title is not None]
    reason = why.text.get(lang)
    return where(*titles, reason[: reason.index(". ") + 1] if ". " in reason else reason)


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(min_value=-(2**63), max_value=2**63 - 1),
    topic=st.sampled_from(TOPICS),
    lang=st.sampled_from(["vi", "en"]),
)
def test_every_question_has_exactly_one_true_option_and_it_is_the_answer(
    seed: int, topic: str, lang: Lang
) -> None:
    known = {source.id for source in DATASET.sources}
    questions = quiz.questions(DATASET, lang, topic, 100, seed)
    assert questions
    for q in questions:
        assert len(q.options) == 4 and 0 <= q.answer < 4
        assert len({fold(option) for option in q.options}) == 4  # none the same, folded
        assert true_options(q, DATASET, lang) == [q.answer], q
        assert q.sources and set(q.sources) <= known
        assert topic in ("all", q.topic)


def test_the_same_seed_gives_the_same_quiz_and_every_topic_is_asked() -> None:
    first = quiz.questions(DATASET, "vi", "all", 10, 2026)
    assert first == quiz.questions(DATASET, "vi", "all", 10, 2026)
    assert first != quiz.questions(DATASET, "vi", "all", 10, 2027)
    assert {q.topic for q in first} == set(quiz.TOPICS)  # ten questions range over all five


def test_a_task_two_bodies_share_is_never_asked() -> None:
    # The associations and VCCI both direct their members to take part: neither is "the"
    # body with that task, so no question asks it.
    for seed in range(20):
        for q in quiz.questions(DATASET, "en", "agencies", 100, seed):
            assert "member organisations" not in q.question


def test_questions_come_from_the_users_data_too(tmp_path: Path) -> None:
    overlay = tmp_path / "2027.yaml"
    overlay.write_text(
        "themes:\n  - year: 2027\n    theme: {vi: Chủ đề năm 2027, en: The theme of 2027}\n"
        "    sources: [omicall-article]\n",
        encoding="utf-8",
    )
    mine = data.load(str(overlay))
    asked = [q for seed in range(5) for q in quiz.questions(mine, "en", "themes", 100, seed)]
    assert any("2027" in q.question or "2027" in q.options for q in asked)
    for q in asked:
        assert true_options(q, mine, "en") == [q.answer]


def test_a_year_with_no_known_theme_is_never_asked() -> None:
    unknown = [year for year in range(2022, 2031) if DATASET.theme_for(year) is None]
    for seed in range(10):
        for q in quiz.questions(DATASET, "en", "themes", 100, seed):
            assert not any(str(year) in (q.question, *q.options) for year in unknown)


@pytest.mark.usefixtures("now")
def test_not_a_terminal_prints_a_handout_with_its_answer_key(run: Invoke) -> None:
    result = run("quiz", "--seed", "1", "--count", "3")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Quiz: National Digital Transformation Day"
    assert "## Answer key" in lines
    key = lines[lines.index("## Answer key") :]
    asked = run("quiz", "--seed", "1", "--count", "3", "--json").json()["quiz"]
    for number, q in enumerate(asked, 1):
        assert f"{number}. **{'ABCD'[q['answer']]}**." in "\n".join(key)


def test_json_and_plain_for_scripts(run: Invoke) -> None:
    document = run("quiz", "--seed", "4", "--count", "2", "--json").json()
    assert list(document) == ["schema_version", "lang", "data_as_of", "quiz"]
    for q in document["quiz"]:
        assert list(q)[:5] == ["topic", "question", "options", "answer", "sources"]
    plain = run("quiz", "--seed", "4", "--count", "2", "--plain").stdout.splitlines()
    assert len(plain) == 2
    for line, q in zip(plain, document["quiz"], strict=True):
        fields = line.split("\t")
        assert fields[2:6] == q["options"] and fields[6] == "ABCD"[q["answer"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--count", "0"], "--count must be a whole number from 1 to 100, not '0'"),
        (["--count", "ten"], "not 'ten'"),
        (["--topic", "cats"], "unknown topic 'cats' (choose: all, themes,"),
        (["--seed", "x"], "--seed must be a whole number"),
    ],
)
def test_bad_options_are_usage_errors(run: Invoke, args: list[str], message: str) -> None:
    result = run("quiz", *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


SCRIPT = Path(sys.executable).parent / "digiday"


def _read_until(
    leader: int, wanted: bytes, screen: bytes, times: int = 1, timeout: float = 20
) -> bytes:
    """What the terminal showed, read until `wanted` has shown `times` times."""
    deadline = time.monotonic() + timeout
    while screen.count(wanted) < times and time.monotonic() < deadline:
        try:
            screen += os.read(leader, 4096)
        except OSError:
            break
    return screen


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_seeded_quiz_plays_through_on_a_real_terminal(lang: str, run: Invoke) -> None:
    import pty

    args = ["quiz", "--seed", "11", "--count", "10", "--lang", lang]
    answers = [q["answer"] for q in run(*args, "--json").json()["quiz"]]
    # Right for all but the last; the keys alternate between digits and letters.
    keys = [("1234" if number % 2 else "abcd")[answer] for number, answer in enumerate(answers)]
    keys[-1] = "1234"[(answers[-1] + 1) % 4]
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [str(SCRIPT), *args],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env=process_env({"TERM": "xterm", "COLUMNS": "80", "LINES": "40"}),
    )
    os.close(follower)
    prompt = b"Your answer" if lang == "en" else "Đáp án của bạn".encode()
    screen = b""
    for number, key in enumerate(keys, 1):
        screen = _read_until(leader, prompt, screen, times=number)
        assert screen.count(prompt) == number, screen.decode(errors="replace")
        os.write(leader, key.encode())
    score = b"Score: 9 of 10" if lang == "en" else "Điểm: 9/10".encode()
    screen = _read_until(leader, score, screen)
    process.wait(timeout=20)
    os.close(leader)
    assert score in screen
    assert process.returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_ctrl_c_ends_the_quiz_with_the_score_so_far() -> None:
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [str(SCRIPT), "quiz", "--seed", "3", "--count", "5"],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env=process_env({"TERM": "xterm", "COLUMNS": "80", "LINES": "40"}),
    )
    os.close(follower)
    screen = _read_until(leader, b"Your answer", b"")
    os.write(leader, b"2")
    screen = _read_until(leader, b"Question 2 of 5", screen)
    process.send_signal(signal.SIGINT)
    screen = _read_until(leader, b"of 1", screen)
    _, stderr = process.communicate(timeout=20)
    os.close(leader)
    assert re.search(rb"Score: [01] of 1", screen)
    assert process.returncode == 130
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr


def test_quiz_json_is_valid_json_for_every_topic(run: Invoke) -> None:
    for topic in TOPICS:
        json.loads(run("quiz", "--topic", topic, "--seed", "9", "--json").stdout)


# Big data: a user's file may hold thousands of records, and each question draws its wrong
# options from all the others. Speed is measured (benchmarks/hostile_data.py), not timed
# here; what is tested is what makes it fast, and that it still gives the same answers.

_FOLDABLE = st.text(alphabet="aAáàbBcđĐ ", max_size=3)


def _plain_distinct(texts: list[str], excluded: set[int], right: str) -> list[str]:
    """The wrong options the plain way: a copy of the others, each folded text once."""
    seen, found = {fold(right)}, []
    for position, text in enumerate(texts):
        if position not in excluded and fold(text) not in seen:
            seen.add(fold(text))
            found.append(text)
    return found


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(_FOLDABLE, max_size=60), right=_FOLDABLE, data=st.data())
def test_the_wrong_options_are_the_others_each_once_and_the_seed_draws_the_same(
    texts: list[str], right: str, data: st.DataObject
) -> None:
    positions = st.integers(min_value=0, max_value=max(len(texts) - 1, 0))
    excluded = data.draw(st.sets(positions, max_size=8)) if texts else set()
    plain = _plain_distinct(texts, excluded, right)
    options = quiz._Distinct(quiz._Pool(texts).without(excluded), fold(right))
    assert len(options) == len(plain)
    assert list(options) == plain
    assert [options[-index] for index in range(1, len(plain) + 1)] == plain[::-1]
    assert options[1::2] == plain[1::2]
    with pytest.raises(IndexError):
        options[len(plain)]
    if len(plain) >= quiz.OPTIONS - 1:  # the seed picks what it picked from a plain list
        seed = data.draw(st.integers())
        assert random.Random(seed).sample(options, 3) == random.Random(seed).sample(plain, 3)


def _plain_alike(one: str, other: str) -> bool:
    ours, theirs = set(fold(one).split()), set(fold(other).split())
    return len(ours & theirs) >= 0.6 * len(ours | theirs)


_TASK = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "Đ", "đ"]), max_size=7)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["x", "y", "z", "w"]), st.lists(_TASK, max_size=4)),
        max_size=8,
    )
)
def test_the_tasks_shared_are_those_a_check_of_every_pair_finds(
    bodies: list[tuple[str, list[list[str]]]],
) -> None:
    agencies = tuple(
        Agency(ident, Text(ident, ident), "lead", tuple(Text("", " ".join(t)) for t in tasks), ())
        for ident, tasks in bodies
    )
    every_pair = {
        (body, number)
        for body, agency in enumerate(agencies)
        for number, task in enumerate(agency.tasks)
        for other in agencies
        if other.id != agency.id and any(_plain_alike(task.en, t.en) for t in other.tasks)
    }
    assert quiz._shared(agencies) == every_pair


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab ", max_size=5), max_size=12),
    st.lists(st.text(alphabet="ab ", max_size=12), min_size=1, max_size=4),
)
def test_the_bodies_a_task_names_are_those_whose_name_stands_in_it(
    names: list[str], texts: list[str]
) -> None:
    finder = quiz._Names(((name, body) for body, name in enumerate(names)), max(map(len, texts)))
    for text in texts:
        assert finder.found(text) == {body for body, name in enumerate(names) if name in text}


def _many(count: int) -> Dataset:
    """`count` records of each kind: themes, ceremonies, documents (many on the same day),
    and bodies of every role with a task each; some tasks name another body, some are
    shared, some bodies have a successor."""

    def body(n: int) -> Agency:
        task = f"Task t{n} with body {n * 7 % count}" if n % 5 else f"Shared task {n // 10}"
        return Agency(
            f"a{n}",
            Text(f"Cơ quan {n}", f"Body {n}"),
            ROLES[n % len(ROLES)],
            (Text(f"Việc {n}", task),),
            ("s",),
            successor=f"a{n + 1}" if n % 9 == 0 and n + 1 < count else None,
        )

    return Dataset(
        info=DATASET.info,
        agencies=tuple(body(n) for n in range(count)),
        themes=tuple(
            Theme(2022 + n, Text(f"Chủ đề {n}", f"Theme {n}"), ("s",)) for n in range(count)
        ),
        documents=tuple(
            Document(
                f"d{n}",
                f"{n}/QĐ-TTg",
                f"{2022 + n % 30}-{1 + n % 12:02}-{1 + n % 28:02}",
                Text(f"Văn bản {n}", f"Document {n}"),
                ("s",),
            )
            for n in range(count)
        ),
        sources=(),
        editions=tuple(
            Edition(
                2022 + n,
                ceremony=Ceremony(("s",), f"{2022 + n}-10-10", Text(f"Nơi {n}", f"Place {n}")),
            )
            for n in range(count)
        ),
    )


@pytest.mark.parametrize("topic", ["themes", "editions", "agencies", "documents"])
def test_twice_the_records_cost_a_quiz_twice_the_folds_and_comparisons_not_four_times(
    topic: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Folding an option and comparing two tasks are what a quiz's work is made of: a copy
    # of all the others for each question, folded, took minutes for 8,000 themes, and
    # comparing each task with every other body's ran past a minute for 10,000 bodies.
    calls = {"fold": 0, "_alike": 0}

    def counted(name: str) -> Callable[..., object]:
        real = getattr(quiz, name)

        def count(*args: object) -> object:
            calls[name] += 1
            return real(*args)

        return count

    for name in calls:
        monkeypatch.setattr(quiz, name, counted(name))
    counts = []
    for size in (150, 300):
        calls.update(dict.fromkeys(calls, 0))
        asked = quiz.questions(_many(size), "vi", topic, 100, 1)
        counts.append(dict(calls))
        assert len(asked) == 100
        for q in asked:
            assert len({fold(option) for option in q.options}) == 4 and 0 <= q.answer < 4
    small, big = counts
    assert big["fold"] > 0 and (topic != "agencies" or big["_alike"] > 0)
    assert all(big[name] <= 2.2 * small[name] for name in calls), counts
