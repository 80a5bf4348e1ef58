"""`--plain`: one record a line, fields separated by one TAB (never in a field: TABs and
line breaks become spaces), in the order of FIELDS, which --help lists; a missing value is
empty."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from digiday.core.constants import QUIZ_LETTERS

if TYPE_CHECKING:
    from digiday.answers import payloads

FIELDS: dict[str, tuple[str, ...]] = {
    command: tuple(names.split())
    for command, names in {
        "info": "section id date title text",
        "brief": "part year edition date days text",
        "agencies": "id role abbreviation name successor change tasks",
        "themes": "year edition theme",
        "editions": "year edition date theme year_theme ceremony_date ceremony_place chaired_by "
        "plan plan_date",
        "countdown": "days date weekday edition theme today timezone",
        "search": "ref section text",
        "sources": "id title url publisher date cited_by",
        "quiz": "topic question a b c d answer sources",
        # The verdict comes last, so that scripts reading the fields before it by number
        # read the same ones as before it was added.
        "targets": "id document year target unit measured_year value measured_unit kind by date "
        "short_by figure indicator verdict",
    }.items()
}


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = " | ".join(str(item) for item in value)
    return "" if value is None else " ".join(str(value).split())


Record = Mapping[str, object]  # one line's fields by name
# A figure's and a ceremony's fields on the line of what holds them, by their names there.
_FIGURE = {"measured_year": "year", "value": "value", "measured_unit": "unit", "kind": "kind"}
_FIGURE |= {"by": "by", "date": "date", "short_by": "short_by", "figure": "text"}
_CEREMONY = {"ceremony_date": "date", "ceremony_place": "place", "chaired_by": "chaired_by"}


def _rows(command: str, payload: Any) -> list[Record]:
    """A payload's records, flat: each command's payload is of its own type (see
    digiday.answers.payloads), which `command` names."""
    if command == "info" and "brief" in payload:
        return _brief(payload["brief"])
    if command == "info":
        return [{"section": key, **entry} for key, entries in payload.items() for entry in entries]
    if command == "editions":
        return [_flat_edition(edition) for edition in payload]
    if command == "targets":
        return [
            _flat_target(target, figure)
            for target in payload
            for figure in target["measured"] or [{}]
        ]
    if command == "quiz":
        return [
            {**asked, **dict(zip(QUIZ_LETTERS.lower(), asked["options"], strict=True))}
            | {"answer": QUIZ_LETTERS[asked["answer"]]}
            for asked in payload
        ]
    return [payload] if command == "countdown" else list(payload)


def _brief(said: payloads.Brief) -> list[Record]:
    """`info --brief`: a line for each part, its day's fields where it has a day."""
    rows: list[Record] = [{"part": "what", "text": said["what"]["text"]}] if said["what"] else []
    if said["latest"] is not None:
        rows.append({"part": "latest", **said["latest"], "text": said["latest"]["theme"]})
    rows.append({"part": "next", **said["next"], "text": said["next"]["theme"]})
    if said["lead"] is not None:
        rows.append({"part": "lead", "text": said["lead"]["name"]})
    return rows


def _flat_target(target: payloads.Target, figure: Record) -> Record:
    """A target with a figure measured against it (none: empty fields), on one line."""
    return {**target, **{name: figure.get(key) for name, key in _FIGURE.items()}}


def _flat_edition(edition: payloads.Edition) -> Record:
    """An edition's nested ceremony and plan as top-level fields, for one line."""
    ceremony: Record = edition["ceremony"] or {}
    plan: Record = edition["plan"] or {}
    return {**edition, **{name: ceremony.get(key) for name, key in _CEREMONY.items()}} | {
        "plan": plan.get("document"),
        "plan_date": plan.get("date"),
    }


def render(command: str, payload: payloads.Payload) -> str:
    """One line a record, in the order of FIELDS: data only, no words of the tool's own."""
    fields = FIELDS["brief" if command == "info" and "brief" in payload else command]
    records = _rows(command, payload)
    return "".join("\t".join(_cell(row.get(name)) for name in fields) + "\n" for row in records)
