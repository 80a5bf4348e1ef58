"""Oracles for the quiz, worked out from the data alone: which options of a question are
true. Shared by the quiz's tests (tests/test_quiz.py, tests/test_quiz_fairness.py)."""

from __future__ import annotations

import re

from digiday.answers import quiz
from digiday.answers.search import fold
from digiday.core import schedule
from digiday.core.model import Dataset, Lang
from digiday.l10n.translate import ordinal, partial_date


def quoted_in(question: str) -> str | None:
    found = re.search(r"“(.*)”", question)
    return found.group(1) if found else None


def year_of(question: str) -> int | None:
    found = re.search(r"\b(20\d\d)\b", question)
    return int(found.group(1)) if found else None


def true_options(q: quiz.Question, data: Dataset, lang: Lang) -> list[int]:
    """Which options are true, worked out from the data alone: the oracle. Each question
    names its subject (a quoted text or a year); every record of the same kind is checked."""
    same = [fold(option) for option in q.options]

    def where(*values: str) -> list[int]:
        wanted = {fold(value) for value in values}
        return [index for index, option in enumerate(same) if option in wanted]

    quoted, year = quoted_in(q.question), year_of(q.question)
    if q.topic == "themes":
        if quoted is not None:  # which year had this theme
            return where(*(str(t.year) for t in data.themes if t.theme.get(lang) == quoted))
        return where(*(t.theme.get(lang) for t in data.themes if t.year == year))
    if q.topic == "documents":
        if quoted is not None:  # which document is this
            return where(*(d.number for d in data.documents if d.title.get(lang) == quoted))
        return where(
            *(partial_date(d.date, lang) for d in data.documents if d.number in q.question)
        )
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
        if year is None:  # when and where: the question names the Day by its ordinal
            years = [e.year for e in data.editions]
            year = next(y for y in years if f" {ordinal(schedule.edition(y), lang)} " in q.question)
        truths = [ordinal(schedule.edition(year), lang)]
        for edition in data.editions:
            c = edition.ceremony
            if edition.year == year and c is not None and c.date and c.place:
                truths.append(f"{partial_date(c.date, lang)}, {c.place.get(lang)}")
        return where(*truths)
    if q.topic == "targets":  # what a document set for an indicator and a year
        from digiday.l10n.translate import figure

        numbers = {d.id: d.number for d in data.documents}
        return where(
            *(
                figure(t.target, t.unit, lang)
                for t in data.targets
                if t.target is not None
                and t.unit is not None
                and f"{numbers.get(t.document, t.document)} " in q.question
                and f" {t.year}" in q.question
                and t.indicator.get(lang)[1:] in q.question
            )
        )
    assert q.topic == "purposes"
    return where(*(e.title.get(lang) for e in data.info["purposes"] if e.title is not None))
