"""Quiz questions made from the data: pure functions, no input or output.

Every question is a fact of the data, asked with four options of the same kind (other years'
themes, other bodies, other documents), and every fact cites its sources. A question is
asked only where its answer is the one right option: no two options are the same once
folded (case and diacritics), a task two bodies share is not asked about, and nothing the
data does not know (a year with no known theme, a ceremony not yet held) is asked.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import NamedTuple

from digiday import calendar
from digiday.i18n import long_date, ordinal, partial_date
from digiday.l10n import catalogue
from digiday.model import Dataset, Lang
from digiday.search import fold

TOPICS = ("themes", "editions", "agencies", "documents", "purposes")
OPTIONS = 4


class Question(NamedTuple):
    topic: str
    question: str
    options: tuple[str, ...]  # four, in the order asked
    answer: int  # the index of the right option
    fact: str  # the fact itself, said after the answer
    sources: tuple[str, ...]


class _Draft(NamedTuple):
    """A question before its options are drawn: the right one and the pool of wrong ones."""

    topic: str
    question: str
    right: str
    wrong: tuple[str, ...]
    fact: str
    sources: tuple[str, ...]


def _ask(draft: _Draft, rng: random.Random) -> Question | None:
    """Four options in a random order, or None when fewer than three wrong options are
    distinct from the right one and from each other once folded."""
    seen = {fold(draft.right)}
    wrong = []
    for option in draft.wrong:
        if fold(option) not in seen:
            seen.add(fold(option))
            wrong.append(option)
    if len(wrong) < OPTIONS - 1:
        return None
    options = [draft.right, *rng.sample(wrong, OPTIONS - 1)]
    rng.shuffle(options)
    return Question(
        draft.topic,
        draft.question,
        tuple(options),
        options.index(draft.right),
        draft.fact,
        draft.sources,
    )


def _themes(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    _ = catalogue(lang).gettext
    themes = [theme for theme in data.themes if theme.theme.get(lang)]
    by_text = Counter(fold(theme.theme.get(lang)) for theme in themes)
    for theme in themes:
        text = theme.theme.get(lang)
        if by_text[fold(text)] > 1:
            continue  # the same theme in two years: no one year is the answer
        others = [other for other in themes if other.year != theme.year]
        fact = _("The theme of the Day in {year} was “{theme}”.").format(
            year=theme.year, theme=text
        )
        yield _Draft(
            "themes",
            _("Which year's Day had the theme “{theme}”?").format(theme=text),
            str(theme.year),
            tuple(str(other.year) for other in others),
            fact,
            theme.sources,
        )
        yield _Draft(
            "themes",
            _("What was the theme of the Day in {year}?").format(year=theme.year),
            text,
            tuple(other.theme.get(lang) for other in others),
            fact,
            theme.sources,
        )


def _editions(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    _ = catalogue(lang).gettext
    # The Days whose national ceremony the data dates and places: (year, when and where).
    held = [
        (edition.year, f"{partial_date(c.date, lang)}, {c.place.get(lang)}", c.sources)
        for edition in data.editions
        if (c := edition.ceremony) is not None and c.date is not None and c.place is not None
    ]
    # Which edition a year's Day was is a fact of the calendar: the first was on 10 October
    # 2022, as the overview's entry on the editions says, with its sources.
    first = next((e for e in data.info.get("overview", ()) if e.id == "editions"), None)
    for year, where, sources in held:
        edition = calendar.edition(year)
        nth = ordinal(edition, lang)
        yield _Draft(
            "editions",
            _(
                "When and where was the national ceremony of the {ordinal} Day ({year}) held?"
            ).format(ordinal=nth, year=year),
            where,
            tuple(other for other_year, other, _sources in held if other_year != year),
            _("The national ceremony of {year} was held on {when}.").format(year=year, when=where),
            sources,
        )
        nearby = [n for n in range(max(1, edition - 3), edition + 4) if n != edition]
        yield _Draft(
            "editions",
            _("Which National Digital Transformation Day was held in {year}?").format(year=year),
            nth,
            tuple(ordinal(n, lang) for n in nearby),
            _("The Day of {year} was the {ordinal}: the first was on 10 October 2022.").format(
                year=year, ordinal=nth
            ),
            first.sources if first is not None else sources,
        )


_FAMILY = {"media": "press"}  # roles whose work is alike enough to be one for a question


def _alike(one: str, other: str) -> bool:
    """Whether two texts say nearly the same ("Directs its member organisations..." and
    "Direct their member organisations..."): most of their words, folded, are shared.
    (By words, not letters: difflib over every pair of tasks cost a quiz 100 ms.)"""
    ours, theirs = set(fold(one).split()), set(fold(other).split())
    return len(ours & theirs) >= 0.6 * len(ours | theirs)


def _agencies(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    _ = catalogue(lang).gettext
    names = {agency.id: agency.name.get(lang) for agency in data.agencies}
    for agency in data.agencies:
        for task in agency.tasks:
            # Bodies that share the work: one with the same task or nearly, or one the task
            # names ("works with the Ministry of ..."). The question is asked only when no
            # other body has it, and those named are not offered as wrong answers.
            sharing = [
                other
                for other in data.agencies
                if other.id != agency.id
                and any(_alike(task.en, theirs.en) for theirs in other.tasks)
            ]
            if sharing:
                continue
            named = fold(f"{task.get(lang)} {task.en}")
            # Nor is the body that took the work over, or the one it took it from, or one of
            # the same kind, whose work is alike (the press and the broadcasters, say).
            related = {agency.successor} | {a.id for a in data.agencies if a.successor == agency.id}
            others = tuple(
                names[other.id]
                for other in data.agencies
                if other.id != agency.id
                and other.id not in related
                and _FAMILY.get(other.role, other.role) != _FAMILY.get(agency.role, agency.role)
                and fold(other.name.get(lang)) not in named
                and fold(other.name.en) not in named
            )
            yield _Draft(
                "agencies",
                _("Which body was given this task for the Day: “{task}”?").format(
                    task=task.get(lang)
                ),
                names[agency.id],
                others,
                _("{body}: {task}").format(body=names[agency.id], task=task.get(lang)),
                agency.sources,
            )
        if agency.successor is not None and agency.successor in names:
            successor = names[agency.successor]
            yield _Draft(
                "agencies",
                _("Who does the work of the {body} for the Day now?").format(body=names[agency.id]),
                successor,
                tuple(
                    name
                    for ident, name in names.items()
                    if ident not in (agency.id, agency.successor)
                ),
                agency.change.get(lang) if agency.change else successor,
                agency.sources,
            )


def _documents(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    _ = catalogue(lang).gettext
    for document in data.documents:
        others = [other for other in data.documents if other.id != document.id]
        year, month, day = (int(part) for part in document.date.split("-"))
        issued = long_date(year, month, day, lang)
        fact = _("{number} ({date}): {title}").format(
            number=document.number, date=issued, title=document.title.get(lang)
        )
        yield _Draft(
            "documents",
            _("Which document is this: “{title}”?").format(title=document.title.get(lang)),
            document.number,
            tuple(other.number for other in others),
            fact,
            document.sources,
        )
        dates = []
        for other in others:
            y, m, d = (int(part) for part in other.date.split("-"))
            dates.append(long_date(y, m, d, lang))
        yield _Draft(
            "documents",
            _("When was {number} issued?").format(number=document.number),
            issued,
            tuple(dates),
            fact,
            document.sources,
        )


def _purposes(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    _ = catalogue(lang).gettext
    purposes = [entry for entry in data.info.get("purposes", ()) if entry.title is not None]
    activities = [entry for entry in data.info.get("activities", ()) if entry.title is not None]
    # An activity that shares a word with a purpose reads too much like it to be plainly
    # wrong ("Encouraging participation" beside "Promote participation"). Told by the English
    # titles, whose words are whole words (a Vietnamese word is a syllable).
    words = set().union(*(_long_words(p.title.en) for p in purposes if p.title is not None))
    wrong = tuple(
        entry.title.get(lang)
        for entry in activities
        if entry.title is not None and not words & _long_words(entry.title.en)
    )
    for purpose in purposes:
        assert purpose.title is not None
        yield _Draft(
            "purposes",
            _("Which of these is one of the three purposes Decision 505/QĐ-TTg gives the Day?"),
            purpose.title.get(lang),
            wrong,
            _("A purpose of the Day: {purpose}").format(purpose=purpose.text.get(lang)),
            purpose.sources,
        )
    why = next((e for e in data.info.get("overview", ()) if e.id == "why-10-10"), None)
    if why is not None:
        others = tuple(
            _first_sentence(entry.text.get(lang))
            for entry in data.info.get("overview", ())
            if entry.id != why.id
        )
        yield _Draft(
            "purposes",
            _("Why is the Day on 10 October?"),
            _first_sentence(why.text.get(lang)),
            others,
            why.text.get(lang),
            why.sources,
        )


def _long_words(text: str) -> set[str]:
    return {word for word in fold(text).split() if len(word) >= 5}


def _first_sentence(text: str) -> str:
    """Up to the first full stop that a word follows ("storm No. 10" goes on)."""
    end = re.search(r"\.\s+(?=[^\W\d_])", text)
    return text if end is None else text[: end.start() + 1]


_MAKERS: dict[str, Callable[[Dataset, Lang], Iterator[_Draft]]] = {
    "themes": _themes,
    "editions": _editions,
    "agencies": _agencies,
    "documents": _documents,
    "purposes": _purposes,
}


def questions(data: Dataset, lang: Lang, topic: str, count: int, seed: int) -> list[Question]:
    """Up to `count` questions on `topic` ("all" for every topic), the same for the same seed
    and data. Each topic takes its turn, so a short quiz still ranges over them."""
    rng = random.Random(seed)
    pools: list[list[Question]] = []
    for name in TOPICS if topic == "all" else (topic,):
        pool = [q for q in (_ask(draft, rng) for draft in _MAKERS[name](data, lang)) if q]
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
