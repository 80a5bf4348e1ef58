"""The shape of the data, checked: one parsed document in, typed records and problems out.

Every check records a problem (file, line, key path, message) and carries on, so a file's
problems are all found in one pass. References to other records (source ids, successors)
are collected here and resolved by data.py once every file has been laid over the others.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple

from digiday.core.model import (
    KINDS,
    LANGS,
    ROLES,
    SECTIONS,
    UNITS,
    Abbreviation,
    Agency,
    Ceremony,
    Document,
    Edition,
    Entry,
    Lang,
    Measurement,
    Note,
    Plan,
    Source,
    Target,
    Text,
    Theme,
)
from digiday.core.schedule import FIRST_YEAR, LAST_YEAR, YEARS
from digiday.errors import UNSAFE, Word, quoted, quoted_path
from digiday.l10n.translate import N_, tr

COLLECTIONS = (
    "info",
    "agencies",
    "themes",
    "editions",
    "documents",
    "targets",
    "measurements",
    "sources",
)
TOP_KEYS = (*COLLECTIONS, "data_as_of")

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class LongNumber:
    """A number written with more digits than the loader turns into one (yamlsafe.MAX_DIGITS).

    No field of the data is a number that long, and Python refuses to turn one of more than
    4300 digits into an int, or a huge int into text: kept as written, it is a value of the
    wrong type like any other, named by its length."""

    written: str
    digits: int

    def __str__(self) -> str:
        return self.written


class Problem(NamedTuple):
    """One thing wrong with a data file: where, and what (a msgid and its values)."""

    file: str
    line: int | None
    path: str
    message: str
    values: Mapping[str, object] = MappingProxyType({})

    def text(self, lang: Lang) -> str:
        values = {
            name: tr(value, lang, **value.values) if isinstance(value, Word) else value
            for name, value in self.values.items()
        }
        where = quoted_path(self.file)
        if self.line is not None:
            # the file first and whole, then its line
            where = tr("{file}, line {line}", lang, file=where, line=self.line)
        path = quoted(self.path)[1:-1]
        return f"{where}: {path + ': ' if path else ''}{tr(self.message, lang, **values)}"

    def __str__(self) -> str:
        return self.text("en")


def _dotted(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class Checker:
    """Collects problems for one file while its records are checked."""

    def __init__(self, file: str, lines: dict[Path, int]) -> None:
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []
        self.references: list[tuple[str, str, Path]] = []  # (collection, id, where cited)
        self.places: dict[tuple[str, Any], Path] = {}  # (collection, key): the record's path

    def problem(self, path: Path, message: str, **values: object) -> None:
        """Record `message` (a msgid) at `path`; `values` fill its placeholders."""
        line = None
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                break
        self.problems.append(Problem(self.file, line, _dotted(path), message, values))

    def cite(self, collection: str, ident: str, path: Path) -> None:
        self.references.append((collection, ident, path))


# A field checker takes (checker, value, path) and returns the checked value, or None after
# recording a problem; NULL for a null the field allows (a target the document gives no
# number for), so that it is told apart from a problem.
FieldCheck = Callable[[Checker, Any, Path], Any]
NULL = object()

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}\Z")
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z", re.ASCII)


def _type_name(value: Any) -> str:
    """What a problem says it found: a value itself, quoted, escaped and cut where it has
    one to show (text, a number, true or false), else what it is, as a msgid translated
    with the problem (a list, a mapping, nothing)."""
    if isinstance(value, bool):
        return "true" if value else "false"  # as YAML writes them
    if isinstance(value, LongNumber):
        return Word.of(N_("a number of {digits} digits"), digits=value.digits)
    if isinstance(value, (str, int, float)):
        return quoted(value) if isinstance(value, str) else quoted(value).strip("'")
    if value == []:
        return Word(N_("an empty list"))
    if value == {}:
        return Word(N_("an empty mapping"))
    names: dict[type, str] = {dict: N_("a mapping"), list: N_("a list")}
    return Word(N_("nothing") if value is None else names.get(type(value), N_("a value")))


def _unsafe(check: Checker, value: str, path: Path) -> bool:
    """Whether `value` holds a character that must never reach a terminal or a calendar
    (a control other than newline, a bidirectional override or isolate); recorded if so."""
    bad = next((char for char in value if char in UNSAFE and char != "\n"), None)
    if bad is None:
        return False
    where = value.index(bad) + 1
    check.problem(
        path,
        N_("holds the control character {char} at character {where}"),
        char=f"U+{ord(bad):04X}",
        where=where,
    )
    return True


def _string(check: Checker, value: Any, path: Path) -> str | None:
    if not isinstance(value, str) or not value.strip():
        check.problem(path, N_("expected non-empty text, found {found}"), found=_type_name(value))
        return None
    return None if _unsafe(check, value, path) else value


def _identifier(check: Checker, value: Any, path: Path) -> str | None:
    if not isinstance(value, str) or not _ID.match(value):
        check.problem(path, N_("expected an id of lower-case letters, digits and '-'"))
        return None
    return value


def _only_languages(check: Checker, value: dict[Any, Any], path: Path) -> bool:
    """Whether a bilingual mapping holds no key but `vi` and `en` (each other one told)."""
    good = True
    for key in value:
        if key not in LANGS:
            check.problem(
                (*path, str(key)),
                N_("unknown key {key} (known: {known})"),
                key=quoted(key),
                known="vi, en",
            )
            good = False
    return good


def _text(check: Checker, value: Any, path: Path) -> Text | None:
    if not isinstance(value, dict):
        check.problem(
            path,
            N_("expected a mapping with 'vi' and 'en', found {found}"),
            found=_type_name(value),
        )
        return None
    good = _only_languages(check, value, path)
    for lang in LANGS:
        if lang not in value:
            check.problem(path, N_("missing language {lang}"), lang=f"'{lang}'")
            good = False
        elif _string(check, value[lang], (*path, lang)) is None:
            good = False
    return Text(vi=value["vi"], en=value["en"]) if good else None


def _texts(check: Checker, value: Any, path: Path) -> tuple[Text, ...] | None:
    if not isinstance(value, list) or not value:
        check.problem(path, N_("expected a non-empty list, found {found}"), found=_type_name(value))
        return None
    items = [_text(check, item, (*path, index)) for index, item in enumerate(value)]
    return tuple(item for item in items if item is not None) if None not in items else None


def _source_ids(check: Checker, value: Any, path: Path) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not value:
        check.problem(
            path,
            N_("expected a non-empty list of source ids, found {found}"),
            found=_type_name(value),
        )
        return None
    ids = [_identifier(check, item, (*path, index)) for index, item in enumerate(value)]
    for index, ident in enumerate(ids):
        if ident is not None:
            check.cite("sources", ident, (*path, index))
    return tuple(ident for ident in ids if ident is not None) if None not in ids else None


def _abbreviation(check: Checker, value: Any, path: Path) -> Abbreviation | None:
    """One text for both languages (`VTV`), or each language's own, null where a language
    has none (`{vi: "Bộ VHTTDL", en: null}`): a file of the older shape stays valid."""
    if isinstance(value, str):
        text = _string(check, value, path)
        return Abbreviation(text, text) if text is not None else None
    if not isinstance(value, dict):
        check.problem(
            path,
            N_("expected text, or a mapping with 'vi' and 'en', found {found}"),
            found=_type_name(value),
        )
        return None
    good = _only_languages(check, value, path)
    names: dict[str, str | None] = {}
    for lang in LANGS:
        if lang not in value:
            check.problem(path, N_("missing language {lang}"), lang=f"'{lang}'")
            good = False
        elif value[lang] is None:
            names[lang] = None
        else:
            names[lang] = _string(check, value[lang], (*path, lang))
            good = good and names[lang] is not None
    if good and names["vi"] is None and names["en"] is None:
        check.problem(path, N_("an abbreviation needs at least one language"))
        good = False
    return Abbreviation(names["vi"], names["en"]) if good else None


def _number(check: Checker, value: Any, path: Path) -> Any:
    """A number, or null where the source gives none."""
    if value is None:
        return NULL
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        check.problem(path, N_("expected a number or null, found {found}"), found=_type_name(value))
        return None
    if abs(value) == float("inf"):
        check.problem(path, N_("expected a number or null, found {found}"), found=_type_name(value))
        return None
    return value


def _count(check: Checker, value: Any, path: Path) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        check.problem(
            path, N_("expected a whole number of 1 or more, found {found}"), found=_type_name(value)
        )
        return None
    return value


def _kind(check: Checker, value: Any, path: Path) -> str | None:
    if value not in KINDS:
        check.problem(
            path,
            N_("unknown kind {value} (known: {known})"),
            value=quoted(value),
            known=", ".join(KINDS),
        )
        return None
    return str(value)


def _unit(check: Checker, value: Any, path: Path) -> str | None:
    if value not in UNITS:
        check.problem(
            path,
            N_("unknown unit {value} (known: {known})"),
            value=quoted(value),
            known=", ".join(UNITS),
        )
        return None
    return str(value)


def _document_id(check: Checker, value: Any, path: Path) -> str | None:
    ident = _identifier(check, value, path)
    if ident is not None:
        check.cite("documents", ident, path)
    return ident


def _measure_id(check: Checker, value: Any, path: Path) -> str | None:
    ident = _identifier(check, value, path)
    if ident is not None:
        check.cite("measures", ident, path)
    return ident


def _successor(check: Checker, value: Any, path: Path) -> str | None:
    ident = _identifier(check, value, path)
    if ident is not None:
        check.cite("agencies", ident, path)
    return ident


def _year(check: Checker, value: Any, path: Path) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        check.problem(path, N_("expected a year, found {found}"), found=_type_name(value))
        return None
    if value not in YEARS:
        check.problem(
            path,
            N_("year {year} is outside {first}–{last} (the first Day was {first})"),
            year=_type_name(value),  # cut as any value shown: a year can have 80 digits
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
        return None
    return value


def _date(check: Checker, value: Any, path: Path) -> str | None:
    # The form is checked first: fromisoformat alone also takes "2026-W41-1" on 3.11+.
    if isinstance(value, str) and _DATE.match(value):
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    check.problem(path, N_("expected a date written YYYY-MM-DD, in quotes"))
    return None


def _document_date(check: Checker, value: Any, path: Path) -> str | None:
    """A document's day, or its month where no page gives the day (Decision 11/QĐ-BCĐCP)."""
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}\Z", value, re.ASCII):
        try:
            datetime.date.fromisoformat(value + "-01")
            return value
        except ValueError:
            pass
    elif isinstance(value, str) and _DATE.match(value):
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    # Told as a whole day: the month alone is the exception, for a document whose day no
    # page gives.
    check.problem(path, N_("expected a date written YYYY-MM-DD, in quotes"))
    return None


def _partial_date(check: Checker, value: Any, path: Path) -> str | None:
    if isinstance(value, str) and _PARTIAL_DATE.match(value):
        padded = (value + "-01-01")[:10] if len(value) < 10 else value
        try:
            datetime.date.fromisoformat(padded)
            return value
        except ValueError:
            pass
    check.problem(path, N_("expected a date written YYYY, YYYY-MM or YYYY-MM-DD, in quotes"))
    return None


def _url(check: Checker, value: Any, path: Path) -> str | None:
    if not isinstance(value, str) or not re.match(r"https?://[^\s]+\Z", value):
        check.problem(path, N_("expected an http:// or https:// address"))
        return None
    return None if _unsafe(check, value, path) else value


def _role(check: Checker, value: Any, path: Path) -> str | None:
    if value not in ROLES:
        check.problem(
            path,
            N_("unknown role {value} (known: {known})"),
            value=quoted(value),
            known=", ".join(ROLES),
        )
        return None
    return str(value)


def _flag(check: Checker, value: Any, path: Path) -> bool | None:
    if not isinstance(value, bool):
        check.problem(path, N_("expected true or false, found {found}"), found=_type_name(value))
        return None
    return value


class _Kind(NamedTuple):
    """How one kind of record is written: its type, its key and its fields; `together`
    checks what its fields must say together (a number needs its unit), once each is good."""

    build: Callable[..., Any]
    key: str
    required: dict[str, FieldCheck]
    optional: dict[str, FieldCheck]
    together: Callable[[Checker, dict[str, Any], Path], bool] | None = None


def _with_unit(check: Checker, fields: dict[str, Any], path: Path, number: str) -> bool:
    """A number means nothing without what it counts."""
    if fields.get(number) is not None and fields.get("unit") is None:
        check.problem((*path, number), N_("a number needs the key 'unit' beside it"))
        return False
    return True


def _target_together(check: Checker, fields: dict[str, Any], path: Path) -> bool:
    return _with_unit(check, fields, path, "target")


def _measured_together(check: Checker, fields: dict[str, Any], path: Path) -> bool:
    if fields.get("value") is None and fields.get("wording") is None:
        check.problem(path, N_("a measurement needs a value, or its wording where it has none"))
        return False
    return _with_unit(check, fields, path, "value")


def _nested(kind: _Kind) -> FieldCheck:
    """A field whose value is itself a record of `kind` (an edition's ceremony, say)."""

    def check_nested(check: Checker, value: Any, path: Path) -> Any:
        return _record(check, kind, value, path)

    return check_nested


_NOTE = _Kind(Note, "text", {"text": _text, "sources": _source_ids}, {})
_YEAR_THEME = _Kind(
    Note,
    "text",
    {"text": _text, "sources": _source_ids},
    {"by": _text, "unofficial_translation": _flag},
)
_CEREMONY = _Kind(
    Ceremony,
    "date",
    {"sources": _source_ids},
    {
        "date": _date,
        "place": _text,
        "chaired_by": _text,
        "organiser": _text,
        "provinces": _text,
        "note": _text,
    },
)
_PLAN = _Kind(
    Plan,
    "document",
    {"document": _text, "sources": _source_ids},
    {"date": _partial_date, "issuer": _text, "note": _text},
)
_ENTRY = _Kind(
    Entry,
    "id",
    {"id": _identifier, "text": _text, "sources": _source_ids},
    {"title": _text, "date": _partial_date},
)
_KINDS: dict[str, _Kind] = {
    "agencies": _Kind(
        Agency,
        "id",
        {"id": _identifier, "name": _text, "role": _role, "tasks": _texts, "sources": _source_ids},
        {"abbreviation": _abbreviation, "change": _text, "successor": _successor},
    ),
    "themes": _Kind(
        Theme,
        "year",
        {"year": _year, "theme": _text, "sources": _source_ids},
        {"unofficial_translation": _flag},
    ),
    "editions": _Kind(
        Edition,
        "year",
        {"year": _year},
        {
            "year_theme": _nested(_YEAR_THEME),
            "theme_note": _nested(_NOTE),
            "ceremony": _nested(_CEREMONY),
            "plan": _nested(_PLAN),
            "month": _nested(_NOTE),
        },
    ),
    "documents": _Kind(
        Document,
        "id",
        {
            "id": _identifier,
            "number": _string,
            "date": _document_date,
            "title": _text,
            "sources": _source_ids,
        },
        {},
    ),
    "targets": _Kind(
        Target,
        "id",
        {
            "id": _identifier,
            "indicator": _text,
            "year": _year,
            "document": _document_id,
            "measure": _identifier,
            "sources": _source_ids,
        },
        {"target": _number, "unit": _unit, "wording": _text, "note": _text},
        _target_together,
    ),
    "measurements": _Kind(
        Measurement,
        "id",
        {
            "id": _identifier,
            "measure": _measure_id,
            "year": _year,
            "kind": _kind,
            "by": _text,
            "sources": _source_ids,
        },
        {
            "value": _number,
            "unit": _unit,
            "out_of": _count,
            "date": _partial_date,
            "wording": _text,
            "note": _text,
            "method": _text,
        },
        _measured_together,
    ),
    "sources": _Kind(
        Source,
        "id",
        {"id": _identifier, "title": _string, "url": _url},
        {"publisher": _string, "date": _partial_date},
    ),
}


def _record(check: Checker, kind: _Kind, value: Any, path: Path) -> Any:
    if not isinstance(value, dict):
        check.problem(path, N_("expected a mapping, found {found}"), found=_type_name(value))
        return None
    fields = {**kind.required, **kind.optional}
    checked: dict[str, Any] = {}
    good = True
    for key, item in value.items():
        if key not in fields:
            check.problem(
                (*path, str(key)),
                N_("unknown key {key} (known: {known})"),
                key=quoted(key),
                known=", ".join(fields),
            )
            good = False
            continue
        checked[key] = fields[key](check, item, (*path, key))
        good = good and checked[key] is not None
        if checked[key] is NULL:
            checked[key] = None
    for key in kind.required:
        if key not in value:
            check.problem(path, N_("missing key {key}"), key=repr(key))
            good = False
    if good and kind.together is not None:
        good = kind.together(check, checked, path)
    return kind.build(**checked) if good else None


def _keyed_records(check: Checker, kind: _Kind, value: Any, path: Path) -> dict[Any, Any]:
    """A list of records, keyed by their key; a key given twice in one file is a problem."""
    if not isinstance(value, list):
        check.problem(path, N_("expected a list, found {found}"), found=_type_name(value))
        return {}
    keyed: dict[Any, Any] = {}
    for index, item in enumerate(value):
        record = _record(check, kind, item, (*path, index))
        if record is None:
            continue
        key = getattr(record, kind.key)
        check.places[(str(path[-1]), key)] = (*path, index)
        if key in keyed:
            check.problem(
                (*path, index, kind.key),
                N_("{field} {key} is given twice"),
                field=kind.key,
                key=quoted(key),
            )
        keyed[key] = record
    return keyed


class Layer(NamedTuple):
    """What one file says, keyed for overlaying; `info` is keyed by section, then id;
    `data_as_of`, the day its maker checked the sources, when it says so."""

    collections: dict[str, dict[Any, Any]]
    checker: Checker
    data_as_of: str | None = None


def check_document(file: str, top: Any, lines: dict[Path, int]) -> Layer:
    """Check one parsed file; `lines` maps key paths to lines (empty when unknown)."""
    check = Checker(file, lines)
    collections: dict[str, dict[Any, Any]] = {}
    if not isinstance(top, dict):
        check.problem(
            (), N_("the top level must be a mapping, found {found}"), found=_type_name(top)
        )
        return Layer(collections, check)
    data_as_of = None
    for key, value in top.items():
        if key == "info":
            collections["info"] = _info(check, value)
        elif key == "data_as_of":
            data_as_of = _date(check, value, (key,))
        elif key in _KINDS:
            collections[key] = _keyed_records(check, _KINDS[key], value, (key,))
        else:
            check.problem(
                (str(key),),
                N_("unknown key {key} (known: {known})"),
                key=quoted(key),
                known=", ".join(TOP_KEYS),
            )
    return Layer(collections, check, data_as_of)


def _info(check: Checker, value: Any) -> dict[Any, Any]:
    if not isinstance(value, dict):
        check.problem(
            ("info",), N_("expected a mapping of sections, found {found}"), found=_type_name(value)
        )
        return {}
    sections: dict[Any, Any] = {}
    for section, entries in value.items():
        if section not in SECTIONS:
            check.problem(
                ("info", str(section)),
                N_("unknown section {value} (known: {known})"),
                value=quoted(section),
                known=", ".join(SECTIONS),
            )
            continue
        sections[section] = _keyed_records(check, _ENTRY, entries, ("info", section))
    return sections
