"""`digiday quiz`: questions that are true to the data, one right option each, and the quiz
asked on a terminal, printed for a class, and given to scripts."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digiday.answers import quiz
from digiday.answers.search import fold
from digiday.core import schedule
from digiday.core.model import (
    ROLES,
    Agency,
    Ceremony,
    Dataset,
    Document,
    Edition,
    Lang,
    Text,
    Theme,
)
from digiday.l10n.translate import ordinal
from digiday.store import loader as data
from tests.conftest import Invoke
from tests.environment import SCRIPT, process_env, read_until, start
from tests.oracles import quoted_in, true_options, year_of

DATASET = data.load()
TOPICS = [*quiz.TOPICS, "all"]
# The bundled data asks nothing on the purposes: no text of theirs has wrong options of its
# own kind and form (see test_a_purpose_is_offered_only_beside_activities_worded_as_it_is).
ASKED = [topic for topic in TOPICS if topic != "purposes"]
LANGS: tuple[Lang, ...] = ("en", "vi")


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(min_value=-(2**63), max_value=2**63 - 1),
    topic=st.sampled_from(ASKED),
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
    assert {q.topic for q in first} == set(ASKED) - {"all"}  # ten range over every topic


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


# What a question's form must not give away (tests/test_quiz_fairness.py measures it).


def _kind(number: str) -> str:
    """The kind a document's number shows: NQ, QĐ, QH (a law), an issuer for a letter."""
    found = re.search(r"\d[-/](?:\d{4}/)?([^\W\d_]+)", number)
    return found.group(1) if found else ""


def _by_title(q: quiz.Question) -> bool:
    return q.topic == "documents" and quoted_in(q.question) is not None


def _with_documents(*numbers: tuple[str, str]) -> Dataset:
    return DATASET._replace(
        documents=tuple(
            Document(f"d{n}", number, date, Text(f"Văn bản {n}", f"Document {n}"), ("s",))
            for n, (number, date) in enumerate(numbers)
        )
    )


def _asked(data: Dataset, topic: str, lang: Lang = "en", seeds: int = 40) -> list[quiz.Question]:
    return [q for seed in range(seeds) for q in quiz.questions(data, lang, topic, 100, seed)]


def test_a_document_is_asked_by_title_among_numbers_of_its_own_kind_only() -> None:
    # Four resolutions, four decisions, one law: "Law on ..." was the one law among
    # decisions, and an NQ among QĐ was the one resolution.
    mine = _with_documents(
        *((f"{n}-NQ/TW", "2020-01-01") for n in (52, 57, 36, 18)),
        *((f"{n}/QĐ-TTg", "2021-01-01") for n in (749, 411, 505, 268)),
        ("148/2025/QH15", "2025-12-11"),
    )
    for lang in LANGS:
        titles = [q for q in _asked(mine, "documents", lang) if _by_title(q)]
        assert {_kind(q.options[q.answer]) for q in titles} == {"NQ", "QĐ"}  # not the law
        for q in titles:
            assert len({_kind(option) for option in q.options}) == 1, q
            assert true_options(q, mine, lang) == [q.answer]
        bundled = [q for q in _asked(DATASET, "documents", lang) if _by_title(q)]
        assert bundled and all({_kind(option) for option in q.options} == {"QĐ"} for q in bundled)


def test_a_title_that_says_its_number_is_not_asked_nor_is_its_number_offered() -> None:
    # Decision 06's title ends "(Project 06)": its number was the option that title named.
    numbers = ("06", 749, 411, 505, 268)
    mine = _with_documents(
        *((f"{n}/QĐ-TTg", f"2021-01-{day:02}") for day, n in enumerate(numbers, 1))
    )
    project = mine.documents[0]._replace(title=Text("Đề án (Đề án 06)", "A project (Project 06)"))
    mine = mine._replace(documents=(project, *mine.documents[1:]))
    for data_set in (mine, DATASET):
        for lang in LANGS:
            asked = _asked(data_set, "documents", lang)
            titles = [q for q in asked if _by_title(q)]
            for q in titles:  # no title says the digits of its own number
                digits = re.match(r"\d+", q.options[q.answer])
                assert digits and not re.search(rf"(?<!\d){digits.group()}(?!\d)", q.question)
            assert titles and not any("(Project 06)" in q.question for q in titles)
            if data_set is mine:  # the bundled title of Decision 06 names no number now
                assert not any("06/QĐ-TTg" in q.options for q in titles)
            assert any("06/QĐ-TTg" in q.question for q in asked)  # its date is still asked


def test_a_number_that_names_its_year_is_asked_among_dates_of_that_year_only() -> None:
    # "When was 148/2025/QH15 issued?" beside one date of 2025 asked nothing.
    assert not any("148/2025/QH15" in q.question for q in _asked(DATASET, "documents"))
    mine = _with_documents(
        ("148/2025/QH15", "2025-12-11"),
        ("202/2025/QH15", "2025-06-12"),
        ("11/QĐ-BCĐCP", "2025-03-01"),
        ("57-NQ/TW", "2025-01-01"),
        ("749/QĐ-TTg", "2020-06-03"),
        ("505/QĐ-TTg", "2022-04-22"),
        ("411/QĐ-TTg", "2022-03-31"),
        ("52-NQ/TW", "2019-09-27"),
    )
    dates = [q for q in _asked(mine, "documents") if not _by_title(q)]
    named = [q for q in dates if "/2025/" in q.question]
    assert len({q.question for q in named}) == 2
    assert all(option.endswith(" 2025") for q in named for option in q.options)
    # Their dates are never the wrong ones of a number that does not say its year.
    for q in dates:
        if q not in named:
            assert not {"11 December 2025", "12 June 2025"} & set(q.options), q


def test_a_date_known_to_the_month_is_offered_only_beside_dates_known_to_the_month() -> None:
    # "February 2026" among days would be the one month, and so the answer.
    days = [(f"{n}/QĐ-TTg", f"2022-0{n}-1{n}") for n in range(1, 6)]
    months = [(f"1{n}/QĐ-BCĐCP", f"202{n}-0{n}") for n in range(1, 5)]
    # One known to the month is asked by its title only; of four, each by its date too.
    for chosen, expected in (([*days, months[0]], 1), ([*days, *months], 8)):
        mine = _with_documents(*chosen)
        for q in _asked(mine, "documents"):
            if not _by_title(q):
                assert len({option[0].isdigit() for option in q.options}) == 1, q
                assert true_options(q, mine, "en") == [q.answer]
        asked = {
            q.question
            for q in _asked(mine, "documents")
            if "BCĐCP" in q.question or "BCĐCP" in q.options[q.answer]
        }
        assert len(asked) == expected


def test_the_ceremony_question_names_no_year_and_its_ordinals_are_the_days_held() -> None:
    held = [e.year for e in DATASET.editions if e.ceremony and e.ceremony.date and e.ceremony.place]
    for lang in LANGS:
        ordinals = {ordinal(schedule.edition(year), lang) for year in held}
        for q in _asked(DATASET, "editions", lang):
            if year_of(q.question) is None:  # when and where: each option's date says its year
                assert all(str(year) not in q.question for year in held)
                assert true_options(q, DATASET, lang) == [q.answer]
            else:  # which Day: the other Days held, not those around it
                assert set(q.options) <= ordinals


# The activities' titles worded in English as the purposes are, as imperatives: the
# Vietnamese allows either, its verbs having no form to choose. Test data, not the sources'.
_IMPERATIVE = {
    "infrastructure": "Develop digital infrastructure",
    "adoption": "Bring the internet and digital technology into business and government",
    "services": "Develop digital applications and services",
    "policy": "Create policy and regulation",
    "participation": "Encourage participation",
}


def test_a_purpose_is_offered_only_beside_activities_worded_as_it_is() -> None:
    # The one imperative among gerunds ("Raise the awareness ..." beside "Developing
    # digital infrastructure") was the answer; the bundled data has no other wrong options
    # for a purpose, nor any for why 10/10, so nothing is asked on the purposes.
    for lang in LANGS:
        assert _asked(DATASET, "purposes", lang) == []

    def worded(how: dict[str, str]) -> Dataset:
        activities = tuple(
            e._replace(title=Text(e.title.vi, how.get(e.id, e.title.en)))
            for e in DATASET.info["activities"]
            if e.title is not None
        )
        return DATASET._replace(info={**DATASET.info, "activities": activities})

    imperatives = worded(_IMPERATIVE)
    english: dict[str, str] = {}  # each title as the quiz may offer it, in English
    for entry in imperatives.info["activities"]:
        assert entry.title is not None
        english |= {entry.title.vi: entry.title.en, entry.title.en: entry.title.en}
    for lang in LANGS:
        asked = _asked(imperatives, "purposes", lang)
        assert len({q.options[q.answer] for q in asked}) == 3
        for q in asked:
            assert true_options(q, imperatives, lang) == [q.answer]
            wrong = [option for n, option in enumerate(q.options) if n != q.answer]
            assert {english[option] for option in wrong} <= set(_IMPERATIVE.values())
    # Two activities worded so are two wrong options: too few to ask.
    two = worded({key: _IMPERATIVE[key] for key in ("infrastructure", "policy")})
    assert _asked(two, "purposes") == []


def test_the_quiz_gives_every_question_the_data_makes_and_no_more() -> None:
    every = quiz.questions(DATASET, "en", "themes", 100, 1)
    assert 0 < len(every) < 100
    assert len({q.question for q in every}) == len(every)
    assert quiz.questions(DATASET, "en", "themes", 3, 1) == every[:3]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "digiday: the data gives only {made} questions on themes ({count} asked for)\n"),
        ("vi", "digiday: dữ liệu chỉ cho {made} câu hỏi về themes (đã yêu cầu {count})\n"),
    ],
)
def test_asking_for_more_questions_than_the_data_makes_says_how_many_it_made(
    run: Invoke, lang: str, message: str
) -> None:
    made = len(quiz.questions(DATASET, "en", "themes", 100, 1))
    args = ("quiz", "--topic", "themes", "--seed", "1", "--json", "--lang", lang)
    result = run(*args, "--count", "100")
    assert result.exit_code == 0
    assert result.stderr == message.format(made=made, count=100)
    assert len(result.json()["quiz"]) == made
    exactly = run(*args, "--count", str(made))
    assert (exactly.exit_code, exactly.stderr) == (0, "")


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
    process = start(
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

        def asked(seen: bytes, number: int = number) -> bool:
            return seen.count(prompt) >= number

        screen = read_until(leader, asked, screen=screen)
        assert screen.count(prompt) == number, screen.decode(errors="replace")
        os.write(leader, key.encode())
    score = b"Score: 9 of 10" if lang == "en" else "Điểm: 9/10".encode()
    screen = read_until(leader, lambda seen: score in seen, screen=screen)
    process.wait(timeout=20)
    os.close(leader)
    assert score in screen
    assert process.returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_ctrl_c_ends_the_quiz_with_the_score_so_far() -> None:
    import pty

    leader, follower = pty.openpty()
    process = start(
        [str(SCRIPT), "quiz", "--seed", "3", "--count", "5"],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env=process_env({"TERM": "xterm", "COLUMNS": "80", "LINES": "40"}),
    )
    os.close(follower)
    screen = read_until(leader, lambda seen: b"Your answer" in seen)
    os.write(leader, b"2")
    screen = read_until(leader, lambda seen: b"Question 2 of 5" in seen, screen=screen)
    process.send_signal(signal.SIGINT)
    screen = read_until(leader, lambda seen: b"of 1" in seen, screen=screen)
    _, stderr = process.communicate(timeout=20)
    os.close(leader)
    assert re.search(rb"Score: [01] of 1", screen)
    assert process.returncode == 130
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr


def test_quiz_json_is_valid_json_for_every_topic(run: Invoke) -> None:
    for topic in ASKED:
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


def _letters(n: int) -> str:
    """`n` in letters, a for 0 to z for 25, then ba, bb, ... ."""
    return ("" if n < 26 else _letters(n // 26)) + "abcdefghijklmnopqrstuvwxyz"[n % 26]


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
                # Named in letters: a title that says its number is not asked by title.
                Text(f"Văn bản {_letters(n)}", f"Document {_letters(n)}"),
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
        if topic == "documents":  # both kinds of question are asked and counted
            assert any(_by_title(q) for q in asked) and not all(_by_title(q) for q in asked)
        for q in asked:
            assert len({fold(option) for option in q.options}) == 4 and 0 <= q.answer < 4
    small, big = counts
    assert big["fold"] > 0 and (topic != "agencies" or big["_alike"] > 0)
    assert all(big[name] <= 2.2 * small[name] for name in calls), counts


def test_a_target_is_asked_among_figures_of_its_own_unit() -> None:
    asked = [q for q in quiz.questions(DATASET, "en", "targets", 100, 1)]
    by_question = {q.question: q for q in asked}
    question = by_question[
        "What did 411/QĐ-TTg set as the target for the digital economy's share of GDP in 2030?"
    ]
    # Decision 411 (thanhnien-411): over 30% of GDP by 2030.
    assert question.options[question.answer] == "30% of GDP"
    assert all(option.endswith("% of GDP") for option in question.options)
    assert question.sources == ("thanhnien-411",)
    ranks = [q for q in asked if "(GCI)" in q.question]
    assert ranks and all(o.startswith("top ") for q in ranks for o in q.options)
    vi = quiz.questions(DATASET, "vi", "targets", 100, 1)
    assert any(q.question.startswith("411/QĐ-TTg đặt mục tiêu cho ") for q in vi)
