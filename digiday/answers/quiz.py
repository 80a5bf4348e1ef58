"""`quiz`: multiple-choice questions made from the data, as pure functions.

Every question is a fact of the data, with its sources, asked with four options of the same
kind, only where its answer is the one right option: no two options are the same once folded
(case and diacritics), a task two bodies share is not asked about, a document is named so
that only one can be meant. Nor may an option's form give the answer away: the wrong options
are drawn from the same kind of record as the right one, so that what tells them apart is
the fact asked, not a word only one has, its length, or a year the question also says
(tests/answers/test_quiz_fairness.py measures it). Years, numbers and dates are offered in order.

Each topic draws from at most POOL records (a sample, by the quiz's seed, where a user's
file has more), so that a quiz costs what a few hundred records do however large the file."""

from __future__ import annotations

import functools
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar, cast

from digiday.answers.arguments import choose, number
from digiday.core.constants import QUIZ_LETTERS, QUIZ_TOPICS
from digiday.core.model import Agency, Dataset, Document, Lang
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
    sources: tuple[str, ...]
    fact: str  # the fact itself, said after the answer


# A question before its options are drawn: its text, the right option and those it may draw
# the wrong ones from, the fact said after the answer, and its sources.
_Draft = tuple[str, Option, Sequence[Option], str, tuple[str, ...]]


def _ask(
    topic: str, draft: _Draft, rng: random.Random, folded: Callable[[str], str]
) -> Question | None:
    """Four options, in order where they have one, else at random; None without three wrong
    ones distinct once `folded`, from each other and from the right one (`others` may hold it)."""
    question, right, others, fact, sources = draft
    distinct = {folded(right[0]): right}
    for option in others:
        distinct.setdefault(folded(option[0]), option)
    wrong = list(distinct.values())[1:]
    if len(wrong) < OPTIONS - 1:
        return None
    options = [right, *rng.sample(wrong, OPTIONS - 1)]
    if right[1] is None:
        rng.shuffle(options)
    else:
        options.sort(key=lambda option: cast("float", option[1]))
    texts = tuple(text for text, _ in options)
    return Question(topic, question, texts, options.index(right), sources, fact)


def _capped(records: Sequence[_T], rng: random.Random) -> list[_T]:
    """At most POOL of `records`, in their order: a sample where there are more."""
    if len(records) <= POOL:
        return list(records)
    return [records[index] for index in sorted(rng.sample(range(len(records)), POOL))]


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year standing in a text


def _themes(data: Dataset, lang: Lang, rng: random.Random) -> Iterator[_Draft]:
    themes = _capped([t for t in data.themes.values() if t.theme.get(lang)], rng)
    counted = Counter(fold(theme.theme.get(lang)) for theme in themes)
    years = [(str(t.year), t.year) for t in themes]
    texts = [(t.theme.get(lang), None) for t in themes]
    for theme in themes:
        text, year = theme.theme.get(lang), theme.year
        if counted[fold(text)] > 1:
            continue  # the same theme in two years: no one year is the answer
        fact = tr("The theme of the Day in {year} was “{theme}”.", lang, year=year, theme=text)
        asked = tr("Which year's Day had the theme “{theme}”?", lang, theme=text)
        yield asked, (str(year), year), years, fact, theme.sources
        asked = tr("What was the theme of the Day in {year}?", lang, year=year)
        yield asked, (text, None), texts, fact, theme.sources


def _editions(data: Dataset, lang: Lang, rng: random.Random) -> Iterator[_Draft]:
    # What a Day's year was called by the Government's steering body: which Day's edition
    # or ceremony it was is arithmetic on its year, or given away by the years its
    # options hold, and so is not asked.
    named = [(e.year, e.year_theme) for e in data.editions.values() if e.year_theme is not None]
    said = _capped(named, rng)
    wrong = [(theme.text.get(lang), None) for _, theme in said]
    if any(_YEAR.search(option) for option, _ in wrong):
        return  # an option naming a year might give its answer away
    for year, theme in said:
        text = theme.text.get(lang)
        yield (
            tr("What did the Government's steering body call the year {year}?", lang, year=year),
            (text, None),
            wrong,
            tr("The steering body's theme for {year} was “{theme}”.", lang, year=year, theme=text),
            theme.sources,
        )


def _agencies(data: Dataset, lang: Lang, rng: random.Random) -> Iterator[_Draft]:
    """Which body was given a task (`_tasks`), and who does a body's work now."""
    bodies = _capped(list(data.agencies.values()), rng)
    names = {body.id: body.name.get(lang) for body in bodies}
    yield from _tasks(bodies, names, lang, rng)
    for body in bodies:
        if body.successor in names:
            now, named = names[body.successor], names[body.id]
            asked = tr("Who does the work of the {body} for the Day now?", lang, body=named)
            others = [(name, None) for key, name in names.items() if key != body.id]
            fact = body.change.get(lang) if body.change else now
            yield asked, (now, None), others, fact, body.sources


_FAMILY = {"media": "press"}  # roles whose work is alike enough to be one for a question


def _alike(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two texts' words say nearly the same ("Directs its member organisations..."
    and "Direct their member organisations..."): most of their words, folded, are shared."""
    return len(ours & theirs) >= 0.6 * len(ours | theirs)


def _tasks(
    bodies: list[Agency], names: dict[str, str], lang: Lang, rng: random.Random
) -> Iterator[_Draft]:
    """Which body was given a task; not asked of a task another body has too, or nearly:
    neither is its answer."""
    tasks = _capped([(body, task) for body in bodies for task in body.tasks], rng)
    words = [(body.id, frozenset(fold(task.en).split())) for body, task in tasks]
    folded = {body.id: {fold(names[body.id]), fold(body.name.en)} for body in bodies}
    for (body, task), (_, ours) in zip(tasks, words, strict=True):
        if any(other != body.id and _alike(ours, theirs) for other, theirs in words):
            continue
        told, said = task.get(lang), fold(f"{task.get(lang)} {task.en}")
        asked = tr("Which body was given this task for the Day: “{task}”?", lang, task=told)
        others = [(names[other.id], None) for other in _offered(body, said, bodies, folded)]
        fact = tr("{body}: {task}", lang, body=names[body.id], task=told)
        yield asked, (names[body.id], None), others, fact, body.sources


def _offered(
    body: Agency, said: str, bodies: list[Agency], folded: dict[str, set[str]]
) -> list[Agency]:
    """The bodies offered beside `body` for its task (`said`, folded): none of the same kind
    (its work is alike), nor the body that took the work over or the one it was taken from,
    nor any body the task names."""
    family = _FAMILY.get(body.role, body.role)
    return [
        other
        for other in bodies
        if body.successor != other.id and other.successor != body.id
        if _FAMILY.get(other.role, other.role) != family
        and not any(name in said for name in folded[other.id])
    ]


def _kind(number: str) -> tuple[str, int]:
    """The kind of document its number says, folded (the letters first in it: "nq" in
    52-NQ/TW, "qd" in 749/QĐ-TTg, "qh" in a law's 148/2025/QH15), and how many digits it
    starts with: 06/QĐ-TTg among three-digit numbers was the shortest option."""
    digits, letters = re.findall(r"^(\d*)[\W\d_]*([^\W\d_]*)", number)[0]  # always matches
    return fold(letters), len(digits)


def _names_its_number(title: str, number: str) -> bool:
    """Whether a title says the number's own digits ("... (Project 06)" for 06/QĐ-TTg)."""
    digits = re.match(r"\d+", number)
    return digits is not None and re.search(rf"(?<!\d){digits.group()}(?!\d)", title) is not None


def _documents(data: Dataset, lang: Lang, rng: random.Random) -> Iterator[_Draft]:
    """Which number a title is, among numbers of its own kind and length (a number shows
    its kind), never one a title gives away by its digits; and when a document was issued."""
    documents = _capped(list(data.documents.values()), rng)
    kinds = {d.id: _kind(d.number) for d in documents}
    told = {d.id for d in documents if _names_its_number(d.title.get(lang), d.number)}
    numbered = Counter(d.number for d in documents)
    named = Counter((d.number, fold(d.title.get(lang))) for d in documents)
    untold = [d for d in documents if d.id not in told]
    for document in documents:
        number, title = document.number, document.title.get(lang)
        date = partial_date(document.date, lang)
        fact = tr("{number} ({date}): {title}", lang, number=number, date=date, title=title)
        if document.id not in told:
            asked = tr("Which document is this: “{title}”?", lang, title=title)
            same = [(o.number, None) for o in untold if kinds[o.id] == kinds[document.id]]
            yield asked, (number, None), same, fact, document.sources
        if named[number, fold(title)] > 1:
            continue  # two documents of this number and title: neither date is the answer
        # Named by what it is (Decision 505/QĐ-TTg), and by its title too where another
        # document has its number (numbers start again each year: 1/QĐ-TTg).
        called = document_name(number, lang)
        if numbered[number] > 1 or called == number:
            called = tr("{name} (“{title}”)", lang, name=called, title=title)
        question = tr("When was {document} issued?", lang, document=called)
        wrong = _dates(document, documents, set(_YEAR.findall(question)), lang)
        yield question, (date, document.date), wrong, fact, document.sources


def _dates(
    document: Document, documents: list[Document], years: set[str], lang: Lang
) -> list[Option]:
    """The wrong dates of `document`: as exact as its own (a month is no day), and as like
    it in the `years` its question says: a year the number or the title names (148/2025/QH15,
    "... 2026") leaves only the day and month to ask, so its wrong dates are of that year too.
    A number that names its year is no other number's wrong date."""
    own = (document.date.count("-"), document.date[:4] in years)
    says_year = _YEAR.search(document.number) is not None
    return [
        (partial_date(other.date, lang), other.date)
        for other in documents
        if (other.date.count("-"), other.date[:4] in years) == own
        if says_year or _YEAR.search(other.number) is None
    ]


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
    """Which of four titles is no purpose of the Day: three purposes, and an activity of digital
    transformation (which the Decision does not give the Day). Asked the other way round, the
    purposes' lengths gave them away: two are the shortest titles, one the longest."""
    purposes = [e for e in data.info.get("purposes", ()) if e.title is not None]
    titles = [p.title for p in purposes if p.title is not None]
    said = "; ".join(t.get(lang) for t in titles)
    # Offered only: activities worded in the purposes' own form (told by the English in
    # both languages: a Vietnamese verb shows none), and sharing no long word with a
    # purpose ("Encourage participation" beside "Promote participation").
    forms = {_form(title.en) for title in titles}
    shared = set().union(*(_long_words(title.en) for title in titles))
    asked = tr("Which of these is not one of the purposes Decision 505/QĐ-TTg gives the Day?", lang)
    fact = tr("The purposes of the Day: {purposes}.", lang, purposes=said)
    sources = tuple(dict.fromkeys(source for p in purposes for source in p.sources))
    for activity in data.info.get("activities", ()):
        title = activity.title
        if title is None or shared & _long_words(title.en) or forms != {_form(title.en)}:
            continue
        yield asked, (title.get(lang), None), [(t.get(lang), None) for t in titles], fact, sources


def _targets(data: Dataset, lang: Lang, rng: random.Random) -> Iterator[_Draft]:
    """What a document set a figure at, among the other targets' figures of the same unit."""
    numbered = _capped(
        [t for t in data.targets.values() if t.target is not None and t.unit is not None], rng
    )
    said = {t.id: figure(cast("float", t.target), cast("str", t.unit), lang) for t in numbered}
    for target in numbered:
        document = data.documents.get(target.document)
        indicator = target.indicator.get(lang)
        values = {
            "document": document.number if document is not None else target.document,
            "indicator": indicator[:1].lower() + indicator[1:],
            "year": target.year,
            "figure": said[target.id],
        }
        yield (
            tr("What did {document} set as the target for {indicator} in {year}?", lang, **values),
            (said[target.id], target.target),
            [(said[other.id], other.target) for other in numbered if other.unit == target.unit],
            tr("{document} set {figure} as the target for {indicator} in {year}.", lang, **values),
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
    folded = functools.cache(fold)  # an option is offered many times: folded once
    pools: list[list[Question]] = []
    for name in TOPICS if topic == "all" else (topic,):
        drafts = _MAKERS[name](data, lang, rng)
        pool = [q for q in (_ask(name, draft, rng, folded) for draft in drafts) if q]
        rng.shuffle(pool)
        if pool:
            pools.append(pool)
    rng.shuffle(pools)
    # One from each pool in turn, from its end, until every pool is spent.
    turns = range(max(map(len, pools), default=0))
    return [pool[-1 - turn] for turn in turns for pool in pools if turn < len(pool)][:count]


def quiz(
    data: Data, lang: Lang, topic: object = "all", count: object = 10, seed: object = None
) -> list[payloads.Question]:
    """`count` questions (1 to 100) on `topic`, the same for the same `seed` (a whole
    number; a new quiz each time without one). Fewer when the data makes fewer."""
    how_many = number(count, 1, 100, "--count")
    chosen = choose(topic, QUIZ_TOPICS, N_("topic"))
    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)
    seed = number(seed, -(2**63), 2**63 - 1, "--seed")
    made = questions(data.dataset, lang, chosen, how_many, seed)
    if not made:
        fail(N_("the data gives no question on {topic}"), topic=chosen)
    return [
        cast("payloads.Question", {**q._asdict(), "options": [*q.options], "sources": [*q.sources]})
        for q in made
    ]
