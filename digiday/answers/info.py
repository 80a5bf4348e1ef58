"""`info` and `agencies`: what the Day is (in full, or in brief), and who organises it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from digiday.answers.arguments import choose
from digiday.answers.sources import ref, said
from digiday.core import schedule
from digiday.core.constants import ROLES, SECTIONS
from digiday.core.model import Dataset, Entry, Lang, text_in
from digiday.l10n.translate import N_

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.store.loader import Data


def _entry(section: str, entry: Entry, lang: Lang) -> payloads.InfoEntry:
    dated = {"date": entry.date} if entry.date is not None else {}
    item = {"id": entry.id, "ref": ref("info", section, entry.id), **dated}
    return cast("payloads.InfoEntry", item | said(entry, lang, "title", "text", "sources"))


def _history(data: Dataset, lang: Lang) -> list[payloads.InfoEntry]:
    """Dated events and the documents behind the Day, on one timeline."""
    events = [_entry("history", entry, lang) for entry in data.info["history"]]
    documents: list[payloads.InfoEntry] = [
        {
            "id": document.id,
            "ref": ref("documents", document.id),
            "date": document.date,
            "title": document.number,
            "text": document.title.get(lang),
            "sources": list(document.sources),
        }
        for document in data.documents.values()
    ]
    return sorted([*events, *documents], key=lambda item: str(item.get("date")))


def info(data: Data, section: object, lang: Lang) -> payloads.Info:
    """Every section of `info`, in order, or `section` alone."""
    sections = SECTIONS if section is None else (choose(section, SECTIONS, N_("section")),)
    dataset = data.dataset
    result: dict[str, list[payloads.InfoEntry]] = {
        name: _history(dataset, lang)
        if name == "history"
        else [_entry(name, entry, lang) for entry in dataset.info[name]]
        for name in sections
    }
    return cast("payloads.Info", result)  # its keys are the sections


_AGENCY = ("id", "name", "abbreviation", "role", "tasks", "change", "successor")


def agencies(data: Data, role: object, lang: Lang) -> list[payloads.Agency]:
    """Every body, or those with `role`, with who does its work now."""
    chosen = None if role is None else choose(role, ROLES, N_("role"))
    bodies = data.dataset.agencies
    names = {key: body.name for key, body in bodies.items()}
    return [
        cast(
            "payloads.Agency",
            said(agency, lang, *_AGENCY)
            | {"successor_name": text_in(names.get(agency.successor or ""), lang)}
            | said(agency, lang, "sources"),
        )
        for agency in bodies.values()
        if chosen in (None, agency.role)
    ]


def brief(data: Data, lang: Lang, today: dt.date) -> payloads.Info:
    """The Day in a few lines (`info --brief`): what it is and the decision that set it,
    the most recent Day and the next, and who leads the Day now."""
    from digiday.answers.days import day
    from digiday.answers.today import days_left

    dataset = data.dataset
    what = next((e for e in dataset.info.get("overview", ()) if e.id == "the-day"), None)
    latest_year = schedule.latest_year(today)
    left = days_left(today)  # refuses a day with no Day after it in the calendar
    leads = [a for a in dataset.agencies.values() if a.role == "lead"]
    now = dataset.agencies.get(leads[0].successor or "", leads[0]) if leads else None
    return {
        "brief": {
            "what": what and cast("payloads.Sourced", said(what, lang, "text", "sources")),
            "latest": None if latest_year is None else day(dataset, latest_year, lang),
            "next": {**day(dataset, schedule.next_day(today).year, lang), "days": left},
            "lead": now and cast("payloads.Lead", said(now, lang, "id", "name", "sources")),
        }
    }
