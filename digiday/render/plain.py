"""`--plain`: one record a line, fields separated by one TAB, for grep, cut and awk.

A field never holds a TAB or a line break (they become spaces); a missing value is empty.
The field order of each command is listed in FIELDS and in its --help.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, cast

from digiday.core.constants import QUIZ_LETTERS

if TYPE_CHECKING:
    from digiday.answers import payloads

FIELDS: dict[str, tuple[str, ...]] = {
    "info": ("section", "id", "date", "title", "text"),
    "brief": ("part", "year", "edition", "date", "days", "text"),
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


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = " | ".join(str(item) for item in value)
    return " ".join(str(value).split())


Record = Mapping[str, object]  # one line's fields by name


def _rows(command: str, payload: payloads.Payload) -> list[Record]:
    # Each command's payload is of its own type (digiday.answers.payloads), which `command` names.
    if command == "info" and "brief" in payload:
        return _brief(cast("payloads.Info", payload)["brief"])
    if command == "info":
        return [
            {"section": section, **entry}
            for section, entries in cast("dict[str, list[payloads.InfoEntry]]", payload).items()
            for entry in entries
        ]
    if command == "editions":
        return [_flat_edition(edition) for edition in cast("list[payloads.Edition]", payload)]
    if command == "targets":
        targets = cast("list[payloads.Target]", payload)
        return [line for target in targets for line in _flat_target(target)]
    if command == "quiz":
        return [
            {
                **question,
                **dict(zip(QUIZ_LETTERS.lower(), question["options"], strict=True)),
                "answer": QUIZ_LETTERS[question["answer"]],
            }
            for question in cast("list[payloads.Question]", payload)
        ]
    if command == "countdown":
        return [cast("payloads.Countdown", payload)]
    return list(cast("list[Record]", payload))


def _brief(said: payloads.Brief) -> list[Record]:
    """`info --brief`: a line for each part, its day's fields where it has a day."""
    rows: list[Record] = []
    if said["what"] is not None:
        rows.append({"part": "what", "text": said["what"]["text"]})
    if said["latest"] is not None:
        rows.append({"part": "latest", **said["latest"], "text": said["latest"]["theme"]})
    rows.append({"part": "next", **said["next"], "text": said["next"]["theme"]})
    if said["lead"] is not None:
        rows.append({"part": "lead", "text": said["lead"]["name"]})
    return rows


def _flat_edition(edition: payloads.Edition) -> Record:
    """An edition's nested ceremony and plan as top-level fields, for one line."""
    ceremony, plan = edition["ceremony"], edition["plan"]
    return {
        **edition,
        "ceremony_date": ceremony["date"] if ceremony else None,
        "ceremony_place": ceremony["place"] if ceremony else None,
        "chaired_by": ceremony["chaired_by"] if ceremony else None,
        "plan": plan["document"] if plan else None,
        "plan_date": plan["date"] if plan else None,
    }


def _flat_target(target: payloads.Target) -> list[Record]:
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


def render(command: str, payload: payloads.Payload) -> str:
    """One line a record, in the order of FIELDS: data only, no words of the tool's own."""
    fields = FIELDS["brief" if command == "info" and "brief" in payload else command]
    lines = [
        "\t".join(_cell(record.get(name)) for name in fields) for record in _rows(command, payload)
    ]
    return "".join(line + "\n" for line in lines)
