"""What each command answers, in one language, as plain JSON-ready values.

Every output format renders these same payloads, so `--json`, `--plain`, `--format markdown`
and the text for people can never disagree. The JSON shapes are the public contract.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from digiday import calendar, i18n
from digiday.model import Dataset, Entry, Lang, Text
from digiday.search import Hit, display

Payload = Any


def _text(value: Text | None, lang: Lang) -> str | None:
    return value.get(lang) if value is not None else None


def _entry(section: str, entry: Entry, lang: Lang) -> dict[str, Any]:
    shown: dict[str, Any] = {"id": entry.id, "ref": f"info/{section}/{entry.id}"}
    if entry.date is not None:
        shown["date"] = entry.date
    shown |= {
        "title": _text(entry.title, lang),
        "text": entry.text.get(lang),
        "sources": list(entry.sources),
    }
    return shown


def _history(data: Dataset, lang: Lang) -> list[dict[str, Any]]:
    """Dated events and the documents behind the Day, on one timeline."""
    events = [_entry("history", entry, lang) for entry in data.info["history"]]
    documents = [
        {
            "id": document.id,
            "ref": f"documents/{document.id}",
            "date": document.date,
            "title": document.number,
            "text": document.title.get(lang),
            "sources": list(document.sources),
        }
        for document in data.documents
    ]
    return sorted([*events, *documents], key=lambda item: str(item["date"]))


def info(data: Dataset, sections: tuple[str, ...], lang: Lang) -> Payload:
    return {
        section: _history(data, lang)
        if section == "history"
        else [_entry(section, entry, lang) for entry in data.info[section]]
        for section in sections
    }


def agencies(data: Dataset, role: str | None, lang: Lang) -> Payload:
    shown = []
    for agency in data.agencies:
        if role is not None and agency.role != role:
            continue
        successor = data.agency(agency.successor) if agency.successor else None
        shown.append(
            {
                "id": agency.id,
                "name": agency.name.get(lang),
                "abbreviation": agency.abbreviation,
                "role": agency.role,
                "tasks": [task.get(lang) for task in agency.tasks],
                "change": _text(agency.change, lang),
                "successor": agency.successor,
                "successor_name": successor.name.get(lang) if successor else None,
                "sources": list(agency.sources),
            }
        )
    return shown


def theme_years(data: Dataset, today: dt.date) -> list[int]:
    """2022 to the most recent Day, and any later year the data has a theme for."""
    latest = calendar.latest_year(today) or calendar.FIRST_YEAR
    last = max([latest, *(theme.year for theme in data.themes)])
    return list(range(calendar.FIRST_YEAR, last + 1))


def themes(data: Dataset, years: list[int], lang: Lang) -> Payload:
    shown = []
    for year in years:
        theme = data.theme_for(year)
        shown.append(
            {
                "year": year,
                "edition": calendar.edition(year),
                "theme": theme.theme.get(lang) if theme else None,
                "unofficial_translation": bool(theme and theme.unofficial_translation)
                and lang == "en",
                "sources": list(theme.sources) if theme else [],
            }
        )
    return shown


def countdown(data: Dataset, today: dt.date, zone_name: str, lang: Lang) -> Payload:
    target = calendar.next_day(today)
    theme = data.theme_for(target.year)
    return {
        "today": today.isoformat(),
        "timezone": zone_name,
        "date": target.isoformat(),
        "days": calendar.days_until(today),
        "is_today": calendar.is_day(today),
        "edition": calendar.edition(target.year),
        "weekday": i18n.weekday(target.weekday(), lang),
        "theme": theme.theme.get(lang) if theme else None,
    }


def search(hits: list[Hit], lang: Lang) -> Payload:
    return [
        {"section": hit.piece.section, "ref": hit.piece.ref, "text": display(hit, lang)}
        for hit in hits
    ]


def sources(data: Dataset) -> Payload:
    return [
        {
            "id": source.id,
            "title": source.title,
            "url": source.url,
            "publisher": source.publisher,
            "date": source.date,
        }
        for source in data.sources
    ]
