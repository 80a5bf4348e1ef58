"""What each command answers, in one language, as plain JSON-ready values.

Every output format renders these same payloads, so `--json`, `--plain`, `--format markdown`
and the text for people can never disagree. The JSON shapes are the public contract.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from digiday.answers import sources as provenance
from digiday.core import schedule
from digiday.core.model import (
    Ceremony,
    Dataset,
    Entry,
    Lang,
    Measurement,
    Note,
    Plan,
    Target,
    Text,
)
from digiday.l10n import translate

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.answers.quiz import Question
    from digiday.answers.search import Hit


def _text(value: Text | None, lang: Lang) -> str | None:
    return value.get(lang) if value is not None else None


def _entry(section: str, entry: Entry, lang: Lang) -> payloads.InfoEntry:
    dated: payloads.Dated = {"date": entry.date} if entry.date is not None else {}
    return {
        "id": entry.id,
        "ref": provenance.ref("info", section, entry.id),
        **dated,
        "title": _text(entry.title, lang),
        "text": entry.text.get(lang),
        "sources": list(entry.sources),
    }


def _history(data: Dataset, lang: Lang) -> list[payloads.InfoEntry]:
    """Dated events and the documents behind the Day, on one timeline."""
    events = [_entry("history", entry, lang) for entry in data.info["history"]]
    documents: list[payloads.InfoEntry] = [
        {
            "id": document.id,
            "ref": provenance.ref("documents", document.id),
            "date": document.date,
            "title": document.number,
            "text": document.title.get(lang),
            "sources": list(document.sources),
        }
        for document in data.documents
    ]
    return sorted([*events, *documents], key=lambda item: str(item.get("date")))


def info(data: Dataset, sections: tuple[str, ...], lang: Lang) -> payloads.Info:
    result: dict[str, list[payloads.InfoEntry]] = {
        section: _history(data, lang)
        if section == "history"
        else [_entry(section, entry, lang) for entry in data.info[section]]
        for section in sections
    }
    return cast("payloads.Info", result)  # its keys are the sections, which choices checked


def agencies(data: Dataset, role: str | None, lang: Lang) -> list[payloads.Agency]:
    result: list[payloads.Agency] = []
    for agency in data.agencies:
        if role is not None and agency.role != role:
            continue
        successor = data.agency(agency.successor) if agency.successor else None
        result.append(
            {
                "id": agency.id,
                "name": agency.name.get(lang),
                "abbreviation": agency.abbreviation.get(lang) if agency.abbreviation else None,
                "role": cast("payloads.Role", agency.role),  # the schema admits no other
                "tasks": [task.get(lang) for task in agency.tasks],
                "change": _text(agency.change, lang),
                "successor": agency.successor,
                "successor_name": successor.name.get(lang) if successor else None,
                "sources": list(agency.sources),
            }
        )
    return result


def theme_years(data: Dataset, today: dt.date) -> list[int]:
    """2022 to the most recent Day, and any later year the data has a theme for."""
    latest = schedule.latest_year(today) or schedule.FIRST_YEAR
    last = max([latest, *(theme.year for theme in data.themes)])
    return list(range(schedule.FIRST_YEAR, last + 1))


def edition_years(data: Dataset, today: dt.date) -> list[int]:
    """2022 to the next Day, and any later year the data has a theme or an edition for."""
    upcoming = schedule.next_day(today).year
    last = max([upcoming, *(t.year for t in data.themes), *(e.year for e in data.editions)])
    return list(range(schedule.FIRST_YEAR, last + 1))


def _theme(data: Dataset, year: int, lang: Lang) -> payloads.Theme:
    theme = data.theme_for(year)
    edition = data.edition_for(year)
    note = edition.theme_note if edition else None
    return {
        "year": year,
        "edition": schedule.edition(year),
        "theme": theme.theme.get(lang) if theme else None,
        "unofficial_translation": bool(theme and theme.unofficial_translation) and lang == "en",
        "note": _text(note.text if note else None, lang),
        "sources": list(theme.sources) if theme else [],
    }


def themes(data: Dataset, years: list[int], lang: Lang) -> list[payloads.Theme]:
    return [_theme(data, year, lang) for year in years]


def _ceremony(ceremony: Ceremony | None, lang: Lang) -> payloads.Ceremony | None:
    if ceremony is None:
        return None
    return {
        "date": ceremony.date,
        "place": _text(ceremony.place, lang),
        "chaired_by": _text(ceremony.chaired_by, lang),
        "organiser": _text(ceremony.organiser, lang),
        "provinces": _text(ceremony.provinces, lang),
        "note": _text(ceremony.note, lang),
        "sources": list(ceremony.sources),
    }


def _plan(plan: Plan | None, lang: Lang) -> payloads.Plan | None:
    if plan is None:
        return None
    return {
        "document": plan.document.get(lang),
        "date": plan.date,
        "issuer": _text(plan.issuer, lang),
        "note": _text(plan.note, lang),
        "sources": list(plan.sources),
    }


def _note(note: Note | None, lang: Lang) -> str | None:
    return note.text.get(lang) if note else None


def ceremony_summary(ceremony: payloads.Ceremony | None, lang: Lang) -> str | None:
    """`12/10/2024, Trụ sở Chính phủ, Hà Nội`: an edition payload's ceremony, when and where."""
    if ceremony is None:
        return None
    when = translate.partial_date(ceremony["date"], lang) if ceremony["date"] else None
    return ", ".join(part for part in (when, ceremony["place"]) if part) or None


def day_of(day: payloads.Countdown | payloads.Edition) -> dt.date:
    """The date of a Day's payload (its `date`, YYYY-10-10)."""
    return dt.date.fromisoformat(day["date"])


def day_date(day: payloads.Countdown | payloads.Edition, lang: Lang) -> str:
    """`Sunday, 10 October 2027` / `Chủ Nhật, 10/10/2027`: a Day's payload's weekday and date."""
    when = day_of(day)
    return f"{day['weekday']}, {translate.long_date(when.year, when.month, when.day, lang)}"


def gap_words(short_by: float, target: payloads.Target, lang: Lang) -> str:
    """`5.98 points short of 20% of GDP (2025)`: a measured payload's `short_by` against
    the target payload it was measured against."""
    # short_by is a number only where the target has one, with its unit (see short_by).
    assert target["target_figure"] is not None
    assert target["unit"] is not None
    return translate.gap(short_by, target["target_figure"], target["year"], target["unit"], lang)


def editions(data: Dataset, years: list[int], lang: Lang) -> list[payloads.Edition]:
    """Each Day as it happened: its theme, the year theme (a different thing), the national
    ceremony, the plan and the month; an unknown part is None."""
    result: list[payloads.Edition] = []
    for year in years:
        day = _theme(data, year, lang)
        edition = data.edition_for(year)
        year_theme = edition.year_theme if edition else None
        parts = provenance.edition_sources(edition) if edition else ()
        result.append(
            {
                "year": year,
                "edition": day["edition"],
                "date": schedule.day_of(year).isoformat(),
                "weekday": translate.weekday(schedule.day_of(year).weekday(), lang),
                "theme": day["theme"],
                "unofficial_translation": day["unofficial_translation"],
                "theme_note": day["note"],
                "year_theme": _note(year_theme, lang),
                "year_theme_by": _text(year_theme.by if year_theme else None, lang),
                "year_theme_unofficial_translation": bool(
                    year_theme and year_theme.unofficial_translation
                )
                and lang == "en",
                "ceremony": _ceremony(edition.ceremony if edition else None, lang),
                "plan": _plan(edition.plan if edition else None, lang),
                "month": _note(edition.month if edition else None, lang),
                "sources": list(dict.fromkeys([*day["sources"], *parts])),
            }
        )
    return result


def countdown(data: Dataset, today: dt.date, zone_name: str, lang: Lang) -> payloads.Countdown:
    target = schedule.next_day(today)
    theme = data.theme_for(target.year)
    return {
        "today": today.isoformat(),
        "timezone": zone_name,
        "date": target.isoformat(),
        "days": schedule.days_until(today),
        "is_today": schedule.is_day(today),
        "edition": schedule.edition(target.year),
        "weekday": translate.weekday(target.weekday(), lang),
        "theme": theme.theme.get(lang) if theme else None,
    }


def search(hits: list[Hit], lang: Lang) -> list[payloads.Hit]:
    from digiday.answers.search import (
        result_text,
    )  # imported by the search itself; no other view needs it

    return [
        {
            "section": cast("payloads.HitSection", hit.piece.section),  # finder.pieces' own
            "ref": hit.piece.ref,
            "text": result_text(hit.piece, lang),
        }
        for hit in hits
    ]


def quiz(questions: list[Question]) -> list[payloads.Question]:
    return [
        {
            "topic": cast("payloads.Topic", question.topic),  # quiz.TOPICS' own
            "question": question.question,
            "options": list(question.options),
            "answer": question.answer,
            "sources": list(question.sources),
            "fact": question.fact,
        }
        for question in questions
    ]


def target_citations(data: Dataset) -> list[tuple[str, tuple[str, ...]]]:
    """(ref, source ids) for each target and each measurement, in the order `targets`
    shows them."""
    cited = [(provenance.ref("targets", target.id), target.sources) for target in data.targets]
    return cited + [(provenance.ref("measurements", m.id), m.sources) for m in data.measurements]


def cited_by(data: Dataset) -> dict[str, list[str]]:
    """Every source id and the refs of every item citing it, targets and measurements too."""
    refs = provenance.cited_by(data)
    for ref, ids in target_citations(data):
        for ident in dict.fromkeys(ids):
            if ref not in refs.setdefault(ident, []):
                refs[ident].append(ref)
    return refs


def short_by(target: Target, measured: Measurement) -> float | None:
    """How far `measured` falls short of `target` (0 once it is reached): percentage points,
    or places in a ranking; None where the two count different things or either has no
    number."""
    if target.target is None or measured.value is None or target.unit is None:
        return None
    if target.unit in ("rank, top", "rank") and measured.unit == "rank":
        return max(measured.value - target.target, 0)
    if target.unit != measured.unit or target.unit == "rank, top":
        return None
    return max(round(target.target - measured.value, 6), 0)


def _measured(target: Target, measured: Measurement, lang: Lang) -> payloads.Measured:
    return {
        "id": measured.id,
        "year": measured.year,
        "value": measured.value,
        "unit": measured.unit,
        "out_of": measured.out_of,
        "kind": cast("payloads.Kind", measured.kind),  # the schema admits no other
        "by": measured.by.get(lang),
        "date": measured.date,
        "text": translate.measured_figure(measured, lang),
        "note": _text(measured.note, lang),
        "short_by": short_by(target, measured),
        "sources": list(measured.sources),
    }


def targets(data: Dataset, year: int | None, lang: Lang) -> list[payloads.Target]:
    """Each target (those for `year`, when given) with every figure measured against it."""
    result: list[payloads.Target] = []
    for target in data.targets:
        if year is not None and target.year != year:
            continue
        document = data.document(target.document)
        result.append(
            {
                "id": target.id,
                "indicator": target.indicator.get(lang),
                "target": target.target,
                "unit": target.unit,
                "year": target.year,
                "document": target.document,
                "document_number": document.number if document else None,
                "document_title": document.title.get(lang) if document else None,
                "target_text": translate.target_words(target, lang),
                "target_figure": translate.target_figure(target, lang),
                "measure": target.measure,
                "measured": [
                    _measured(target, measured, lang)
                    for measured in data.measurements
                    if measured.measure == target.measure
                ],
                "sources": list(target.sources),
            }
        )
    return result


def sources(data: Dataset, only: str | None = None) -> list[payloads.Source]:
    """Every source (or the one with id `only`) and the refs of the items citing it."""
    refs = cited_by(data)
    return [
        {
            "id": source.id,
            "title": source.title,
            "url": source.url,
            "publisher": source.publisher,
            "date": source.date,
            "cited_by": refs[source.id],
        }
        for source in data.sources
        if only is None or source.id == only
    ]
