"""`quiz`: multiple-choice questions made from the data, as pure functions.

Every question is a fact of the data, asked with four options of the same kind (other
years' themes, other bodies, other documents), and every fact cites its sources. A question
is asked only where its answer is the one right option: no two options are the same once
folded (case and diacritics), a task two bodies share is not asked about, a document is
named so that only one can be meant, and nothing the data does not know is asked.

Nor may an option's form give the answer away: a question's wrong options are drawn from
the same kind of record as its right one, so that what tells them apart is the fact asked,
not a word only the right one has, its length, or a year the question also says.
tests/answers/test_quiz_fairness.py measures it. Options that are years, numbers or dates
are listed in order; others in a random one.

A user's file may hold thousands of records: each topic draws from at most POOL of them (a
sample, by the quiz's seed, where there are more), so that a quiz costs what a few hundred
records do however large the file.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar, cast

from digiday.answers.arguments import choose, number
from digiday.core.constants import QUIZ_LETTERS, QUIZ_TOPICS
from digiday.core.model import Agency, Dataset, Lang
from digiday.errors import fail
from digiday.l10n.translate import N_, document_name, figure, fold, partial_date, tr

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.store.loader import Data

TOPICS = QUIZ_TOPICS[1:]  # without "all"
OPTIONS = len(QUIZ_LETTERS)
POOL = 200  # records (or a body's tasks) a topic draws from, at most
_T = TypeVar("_T")

Option = tuple[str, object]  # an option's text, and its place in order (None: no order)


class Question(NamedTuple):
    topic: str
    question: str
    options: tuple[str, ...]  # four, in the order asked
    answer: int  # the index of the right option
    fact: str  # the fact itself, said after the answer
    sources: tuple[str, ...]


class _Draft(NamedTuple):
    """A question before its options are drawn: the right one and those it may draw from."""

    topic: str
    question: str
    right: Option
    wrong: Sequence[Option]
    fact: str
    sources: tuple[str, ...]


def _ask(draft: _Draft, rng: random.Random) -> Question | None:
    """Four options, in order where they have one, else at random; None when fewer than
    three wrong ones are distinct from the right one and from each other once folded."""
    seen = {fold(draft.right[0])}
    wrong = []
    for option in draft.wrong:
        if fold(option[0]) not in seen:
            seen.add(fold(option[0]))
            wrong.append(option)
    if len(wrong) < OPTIONS - 1:
        return None
    options = [draft.right, *rng.sample(wrong, OPTIONS - 1)]
    if draft.right[1] is None:
        rng.shuffle(options)
    else:
        options.sort(key=lambda option: cast("float", option[1]))
    texts = tuple(text for text, _ in options)
    return Question(
        draft.topic, draft.question, texts, options.index(draft.right), draft.fact, draft.sources
    )


def _capped(records: Sequence[_T], rng: random.Random) -> list[_T]:
    """At most POOL of `records`, in their order: a sample where there are more."""
    if len(records) <= POOL:
        return list(records)
    chosen = sorted(rng.sample(range(len(records)), POOL))
    return [records[index] for index in chosen]


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year standing in a text


def _themes(data: Dataset, lang: Lang, rng: random.Random) -> Iterator[_Draft]:
    themes = _capped([t for t in data.themes.values() if t.theme.get(lang)], rng)
    counted = Counter(fold(theme.theme.get(lang)) for theme in themes)
    for theme in themes:
        text = theme.theme.get(lang)
        if counted[fold(text)] > 1:
            continue  # the same theme in two years: no one year is the answer
        others = [t for t in themes if t.year != theme.year]
        fact = tr(
            "The theme of the Day in {year} was “{theme}”.", lang, year=theme.year, theme=text
        )
        yield _Draft(
            "themes",
            tr("Which year's Day had the theme “{theme}”?", lang, theme=text),
            (str(theme.year), theme.year),
            [(str(t.year), t.year) for t in others],
            fact,
            theme.sources,
        )
        yield _Draft(
            "themes",
            tr("What was the theme of the Day in {year}?", lang, year=theme.year),
            (text, None),
            [(t.theme.get(lang), None) for t in others],
            fact,
            theme.sources,
        )


def _editions(data: Dataset, lang: Lang, rng: random.Random) -> Iterator[_Draft]:
    # What a Day's year was called by the Government's steering body: which Day's edition
    # or ceremony it was is arithmetic on its year, or given away by the years its
    # options hold, and so is not asked.
    said = _capped(
        [(e.year, e.year_theme) for e in data.editions.values() if e.year_theme is not None],
        rng,
    )
    for year, theme in said:
        text = theme.text.get(lang)
        wrong = [(other.text.get(lang), None) for each, other in said if each != year]
        if _YEAR.search(text) or any(_YEAR.search(option) for option, _ in wrong):
            continue
        yield _Draft(
            "editions",
            tr("What did the Government's steering body call the year {year}?", lang, year=year),
            (text, None),
            wrong,
            tr("The steering body's theme for {year} was “{theme}”.", lang, year=year, theme=text),
            theme.sources,
        )


_FAMILY = {"media": "press"}  # roles whose work is alike enough to be one for a question


def _alike(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two texts' words say nearly the same ("Directs its member organisations..."
    and "Direct their member organisations..."): most of their words, folded, are shared."""
    return len(ours & theirs) >= 0.6 * len(ours | theirs)


def _agencies(data: Dataset, lang: Lang, rng: random.Random) -> Iterator[_Draft]:
    bodies = _capped(list(data.agencies.values()), rng)
    tasks = _capped([(body, task) for body in bodies for task in body.tasks], rng)
    words = [frozenset(fold(task.en).split()) for _, task in tasks]
    # A task some other body has too, or nearly, is no question: neither is its answer.
    shared = {
        n
        for n, (body, _) in enumerate(tasks)
        for m, (other, _) in enumerate(tasks)
        if body.id != other.id and _alike(words[n], words[m])
    }
    names = {body.id: body.name.get(lang) for body in bodies}
    folded = {body.id: {fold(body.name.get(lang)), fold(body.name.en)} for body in bodies}
    took_over: dict[str, set[str]] = {}  # each body: those whose work it took over
    for body in bodies:
        if body.successor is not None:
            took_over.setdefault(body.successor, set()).add(body.id)

    def family(agency: Agency) -> str:
        return _FAMILY.get(agency.role, agency.role)

    for n, (body, task) in enumerate(tasks):
        if n in shared:
            continue
        # Not offered: a body of the same kind (its work is alike), the body that took the
        # work over or the one it was taken from, and any body the task names.
        said = fold(f"{task.get(lang)} {task.en}")
        left_out = {body.id, body.successor, *took_over.get(body.id, ())}
        left_out |= {ident for ident, name in folded.items() if any(n in said for n in name)}
        wrong = [
            (names[other.id], None)
            for other in bodies
            if other.id not in left_out and family(other) != family(body)
        ]
        yield _Draft(
            "agencies",
            tr("Which body was given this task for the Day: “{task}”?", lang, task=task.get(lang)),
            (names[body.id], None),
            wrong,
            tr("{body}: {task}", lang, body=names[body.id], task=task.get(lang)),
            body.sources,
        )
    for body in bodies:
        if body.successor in names:
            successor = names[body.successor]
            yield _Draft(
                "agencies",
                tr("Who does the work of the {body} for the Day now?", lang, body=names[body.id]),
                (successor, None),
                [
                    (name, None)
                    for ident, name in names.items()
                    if ident not in (body.id, body.successor)
                ],
                body.change.get(lang) if body.change else successor,
                body.sources,
            )


def _kind(number: str) -> tuple[str, int]:
    """The kind of document its number says, folded (the letters first in it: "nq" in
    52-NQ/TW, "qd" in 749/QĐ-TTg, "qh" in a law's 148/2025/QH15), and how many digits it
    starts with: 06/QĐ-TTg among three-digit numbers was the shortest option."""
    found = re.search(r"[^\W\d_]+", number)
    digits = re.match(r"\d*", number)
    return (fold(found.group()) if found else "", len(digits.group()) if digits else 0)


def _names_its_number(title: str, number: str) -> bool:
    """Whether a title says the number's own digits ("... (Project 06)" for 06/QĐ-TTg)."""
    digits = re.match(r"\d+", number)
    return digits is not None and re.search(rf"(?<!\d){digits.group()}(?!\d)", title) is not None


def _documents(data: Dataset, lang: Lang, rng: random.Random) -> Iterator[_Draft]:
    documents = _capped(list(data.documents.values()), rng)
    numbered = Counter(d.number for d in documents)
    named = Counter((d.number, fold(d.title.get(lang))) for d in documents)
    for document in documents:
        number, title = document.number, document.title.get(lang)
        fact = tr(
            "{number} ({date}): {title}",
            lang,
            number=number,
            date=partial_date(document.date, lang),
            title=title,
        )
        # A title's wrong numbers are of its own kind and length (a number shows its kind),
        # and never one a title gives away by its digits.
        if not _names_its_number(title, number):
            yield _Draft(
                "documents",
                tr("Which document is this: “{title}”?", lang, title=title),
                (number, None),
                [
                    (other.number, None)
                    for other in documents
                    if other.id != document.id
                    and _kind(other.number) == _kind(number)
                    and not _names_its_number(other.title.get(lang), other.number)
                ],
                fact,
                document.sources,
            )
        if named[number, fold(title)] > 1:
            continue  # two documents of this number and title: neither date is the answer
        # Named by what it is (Decision 505/QĐ-TTg), and by its title too where another
        # document has its number (numbers start again each year: 1/QĐ-TTg).
        called = document_name(number, lang)
        if numbered[number] > 1 or called == number:
            called = tr("{name} (“{title}”)", lang, name=called, title=title)
        # Dates as exact as its own (a month is no day), and as like it in the years the
        # question says: a year the number or the title names (148/2025/QH15, "... 2026")
        # leaves only the day and month to ask, so its wrong dates are of that year too. A
        # number that names its year is no other number's wrong date.
        question = tr("When was {document} issued?", lang, document=called)
        years = set(_YEAR.findall(question))
        wrong = [
            (partial_date(other.date, lang), other.date)
            for other in documents
            if other.id != document.id
            and other.date.count("-") == document.date.count("-")
            and (other.date[:4] in years) == (document.date[:4] in years)
            and (_YEAR.search(other.number) is None or _YEAR.search(number) is not None)
        ]
        yield _Draft(
            "documents",
            question,
            (partial_date(document.date, lang), document.date),
            wrong,
            fact,
            document.sources,
        )


def _long_words(text: str) -> set[str]:
    return {word for word in fold(text).split() if len(word) >= 5}


def _form(text: str) -> str:
    """The form of an English text's first word: "ing" for a gerund ("Developing"), "s" for a
    verb of the third person or a plural ("Leads"), "" for any other ("Raise")."""
    found = re.match(r"[^\W\d_]+", text.strip())
    first = found.group().lower() if found else ""
    if first.endswith("ing") and re.search("[aeiouy]", first[:-3]):
        return "ing"
    if len(first) > 3 and first.endswith("s") and first[-2] not in "sui":
        return "s"
    return ""


def _purposes(data: Dataset, lang: Lang, rng: random.Random) -> Iterator[_Draft]:
    """Which of four titles is no purpose of the Day: three purposes, and an activity of
    digital transformation (which the Decision does not give the Day). Asked the other way
    round, the purposes' own lengths gave them away: two are the shortest titles, one the
    longest."""
    purposes = [e for e in data.info.get("purposes", ()) if e.title is not None]
    activities = [e for e in data.info.get("activities", ()) if e.title is not None]
    # Offered only: activities worded in the purposes' own form (told by the English in
    # both languages: a Vietnamese verb shows none), and sharing no long word with a
    # purpose ("Encourage participation" beside "Promote participation").
    forms = {_form(p.title.en) for p in purposes if p.title is not None}
    shared = set().union(*(_long_words(p.title.en) for p in purposes if p.title is not None))
    said = "; ".join(p.title.get(lang) for p in purposes if p.title is not None)
    for activity in activities:
        assert activity.title is not None
        if shared & _long_words(activity.title.en) or forms != {_form(activity.title.en)}:
            continue
        yield _Draft(
            "purposes",
            tr(
                "Which of these is not one of the purposes Decision 505/QĐ-TTg gives the Day?",
                lang,
            ),
            (activity.title.get(lang), None),
            [(p.title.get(lang), None) for p in purposes if p.title is not None],
            tr("The purposes of the Day: {purposes}.", lang, purposes=said),
            tuple(dict.fromkeys(source for p in purposes for source in p.sources)),
        )


def _targets(data: Dataset, lang: Lang, rng: random.Random) -> Iterator[_Draft]:
    """What a document set a figure at, among the other targets' figures of the same unit."""
    numbered = _capped(
        [t for t in data.targets.values() if t.target is not None and t.unit is not None], rng
    )
    for target in numbered:
        assert target.target is not None
        assert target.unit is not None
        document = data.documents.get(target.document)
        values = {
            "document": document.number if document is not None else target.document,
            "indicator": target.indicator.get(lang)[:1].lower() + target.indicator.get(lang)[1:],
            "year": target.year,
        }
        said = figure(target.target, target.unit, lang)
        yield _Draft(
            "targets",
            tr("What did {document} set as the target for {indicator} in {year}?", lang, **values),
            (said, target.target),
            [
                (figure(other.target, other.unit, lang), other.target)
                for other in numbered
                if other.unit == target.unit and other.target is not None and other.id != target.id
            ],
            tr(
                "{document} set {figure} as the target for {indicator} in {year}.",
                lang,
                figure=said,
                **values,
            ),
            target.sources,
        )


_MAKERS: dict[str, Callable[[Dataset, Lang, random.Random], Iterator[_Draft]]] = {
    "themes": _themes,
    "editions": _editions,
    "agencies": _agencies,
    "documents": _documents,
    "purposes": _purposes,
    "targets": _targets,
}


def questions(data: Dataset, lang: Lang, topic: str, count: int, seed: int) -> list[Question]:
    """Up to `count` questions on `topic` ("all" for every topic), the same for the same seed
    and data. Each topic takes its turn, so a short quiz still ranges over them."""
    rng = random.Random(seed)
    pools: list[list[Question]] = []
    for name in TOPICS if topic == "all" else (topic,):
        pool = [q for q in (_ask(draft, rng) for draft in _MAKERS[name](data, lang, rng)) if q]
        rng.shuffle(pool)
        if pool:
            pools.append(pool)
    rng.shuffle(pools)
    chosen: list[Question] = []
    while pools and len(chosen) < count:
        for pool in list(pools):
            if len(chosen) == count:
                break
            chosen.append(pool.pop())
            if not pool:
                pools.remove(pool)
    return chosen


def quiz(
    data: Data, lang: Lang, topic: object = "all", count: object = 10, seed: object = None
) -> list[payloads.Question]:
    """`count` questions (1 to 100) on `topic`, the same for the same `seed` (a whole
    number; a new quiz each time without one). Fewer when the data makes fewer."""
    how_many = number(count, 1, 100, "--count")
    chosen = choose(topic, QUIZ_TOPICS, N_("topic"))
    if seed is None:
        drawn = random.SystemRandom().randrange(1_000_000)
    else:
        drawn = number(seed, -(2**63), 2**63 - 1, "--seed")
    made = questions(data.dataset, lang, chosen, how_many, drawn)
    if not made:
        fail(N_("the data gives no question on {topic}"), topic=chosen)
    return [
        {
            "topic": cast("payloads.Topic", question.topic),  # TOPICS' own
            "question": question.question,
            "options": list(question.options),
            "answer": question.answer,
            "sources": list(question.sources),
            "fact": question.fact,
        }
        for question in made
    ]
