"""`--plain`: one record a line, fields separated by one TAB, for grep, cut and awk.

A field never holds a TAB or a line break (they become spaces); a missing value is empty.
The field order of each command is listed in FIELDS and in its --help.
"""

from __future__ import annotations

from typing import Any

from digiday.model import Lang
from digiday.views import Payload

FIELDS: dict[str, tuple[str, ...]] = {
    "info": ("section", "id", "date", "title", "text"),
    "agencies": ("id", "role", "abbreviation", "name", "successor", "change", "tasks"),
    "themes": ("year", "edition", "theme"),
    "editions": (
        "year",
        "edition",
        "date",
        "theme",
        "year_theme",
        "ceremony_date",
        "ceremony_place",
        "chaired_by",
        "plan",
        "plan_date",
    ),
    "countdown": ("days", "date", "weekday", "edition", "theme", "today", "timezone"),
    "search": ("ref", "section", "text"),
    "sources": ("id", "title", "url", "publisher", "date", "cited_by"),
    "quiz": ("topic", "question", "a", "b", "c", "d", "answer", "sources"),
    "targets": (
        "id",
        "document",
        "year",
        "target",
        "unit",
        "measured_year",
        "value",
        "measured_unit",
        "kind",
        "by",
        "date",
        "short_by",
        "figure",
        "indicator",
    ),
}
LETTERS = "ABCD"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = " | ".join(str(item) for item in value)
    return " ".join(str(value).split())


def _records(command: str, payload: Payload) -> list[dict[str, Any]]:
    if command == "info":
        return [
            {"section": section, **entry}
            for section, entries in payload.items()
            for entry in entries
        ]
    if command == "editions":
        return [_flat_edition(edition) for edition in payload]
    if command == "targets":
        return [line for target in payload for line in _flat_target(target)]
    if command == "quiz":
        return [
            {
                **question,
                **dict(zip("abcd", question["options"], strict=True)),
                "answer": LETTERS[question["answer"]],
            }
            for question in payload
        ]
    return [payload] if command == "countdown" else list(payload)


def _flat_edition(edition: dict[str, Any]) -> dict[str, Any]:
    """An edition's nested ceremony and plan as top-level fields, for one line."""
    ceremony = edition["ceremony"] or {}
    plan = edition["plan"] or {}
    return {
        **edition,
        "ceremony_date": ceremony.get("date"),
        "ceremony_place": ceremony.get("place"),
        "chaired_by": ceremony.get("chaired_by"),
        "plan": plan.get("document"),
        "plan_date": plan.get("date"),
    }


def _flat_target(target: dict[str, Any]) -> list[dict[str, Any]]:
    """A target once per figure measured against it (once alone when there is none), the
    figure's fields beside its own."""
    return [
        {
            **target,
            "measured_year": measured["year"],
            "value": measured["value"],
            "measured_unit": measured["unit"],
            "kind": measured["kind"],
            "by": measured["by"],
            "date": measured["date"],
            "short_by": measured["short_by"],
            "figure": measured["text"],
        }
        for measured in target["measured"]
    ] or [target]


def render(command: str, payload: Payload, lang: Lang) -> str:
    del lang  # plain output carries data only: no headings or words of the tool's own
    fields = FIELDS[command]
    lines = [
        "\t".join(_cell(record.get(name)) for name in fields)
        for record in _records(command, payload)
    ]
    return "".join(line + "\n" for line in lines)
