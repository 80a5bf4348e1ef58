"""Oracles for the quiz, worked out from the data alone: which options of a question are
true. Shared by the quiz's tests (tests/answers/test_quiz.py and test_quiz_fairness.py)."""

from __future__ import annotations

import re

from digiday.answers import quiz
from digiday.core.model import Dataset, Lang
from digiday.l10n.translate import figure, fold, partial_date


def quoted_in(question: str) -> str | None:
    found = re.search(r"“(.*)”", question)
    return found.group(1) if found else None


def year_of(question: str) -> int | None:
    found = re.search(r"\b(20\d\d)\b", question)
    return int(found.group(1)) if found else None


def true_options(q: quiz.Question, data: Dataset, lang: Lang) -> list[int]:
    """Which options are true, worked out from the data alone: the oracle. Each question
    names its subject (a quoted text, a number or a year); every record of the same kind is
    checked."""
    same = [fold(option) for option in q.options]

    def where(*values: str) -> list[int]:
        wanted = {fold(value) for value in values}
        return [index for index, option in enumerate(same) if option in wanted]

    quoted, year = quoted_in(q.question), year_of(q.question)
    if q.topic == "themes":
        themes = data.themes.values()
        if quoted is not None:  # which year had this theme
            return where(*(str(t.year) for t in themes if t.theme.get(lang) == quoted))
        return where(*(t.theme.get(lang) for t in themes if t.year == year))
    if q.topic == "documents":
        documents = data.documents.values()
        if q.question.startswith(("Which", "Văn bản nào")):  # which document is this (title)
            return where(*(d.number for d in documents if d.title.get(lang) == quoted))
        return where(  # when was it issued: its number names it, and its title where said
            *(
                partial_date(d.date, lang)
                for d in documents
                if re.search(rf"(?<![\w/]){re.escape(d.number)}(?![\w/])", q.question)
                and quoted in (None, d.title.get(lang))
            )
        )
    if q.topic == "agencies":
        bodies = data.agencies.values()
        if quoted is not None:  # which body has this task
            return where(
                *(
                    a.name.get(lang)
                    for a in bodies
                    if any(fold(t.get(lang)) == fold(quoted) for t in a.tasks)
                )
            )
        replaced = [a for a in bodies if a.name.get(lang) in q.question]
        successors = {a.successor for a in replaced}
        return where(*(a.name.get(lang) for a in bodies if a.id in successors))
    if q.topic == "editions":  # what the steering body called a year
        return where(
            *(
                e.year_theme.text.get(lang)
                for e in data.editions.values()
                if e.year == year and e.year_theme is not None
            )
        )
    if q.topic == "targets":  # what a document set for an indicator and a year
        numbers = {d.id: d.number for d in data.documents.values()}
        return where(
            *(
                figure(t.target, t.unit, lang)
                for t in data.targets.values()
                if t.target is not None
                and t.unit is not None
                and f"{numbers.get(t.document, t.document)} " in q.question
                and f" {t.year}" in q.question
                and t.indicator.get(lang)[1:] in q.question
            )
        )
    assert q.topic == "purposes"  # which is no purpose
    purposes = {fold(e.title.get(lang)) for e in data.info["purposes"] if e.title is not None}
    return [index for index, option in enumerate(same) if option not in purposes]
