"""The shape of the data, checked: one parsed file in, typed records and problems out.

A field's check follows its annotation in digiday/core/model.py: its type, or its marker
(`Annotated[str, "url"]`). A check records a problem (file, line, key path, message) and
carries on, so one pass finds all of a file's problems; the loader resolves cited ids.
"""

from __future__ import annotations

import contextlib
import datetime
import re
import types
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Annotated, Any, NamedTuple, TypeVar, Union, get_args, get_origin

from digiday.core import model
from digiday.core.model import KINDS, LANGS, ROLES, SECTIONS, Abbreviation, Lang, Text
from digiday.core.schedule import FIRST_YEAR, LAST_YEAR, YEARS
from digiday.errors import UNSAFE, Word, quoted, quoted_path
from digiday.l10n.translate import N_, UNIT_FORMS, tr

# Each collection a file may hold, and the record it is a list of (info's, by section).
RECORDS: dict[str, type[Any]] = {
    "info": model.Entry,
    "agencies": model.Agency,
    "themes": model.Theme,
    "editions": model.Edition,
    "documents": model.Document,
    "targets": model.Target,
    "measurements": model.Measurement,
    "sources": model.Source,
}
TOP_KEYS = (*RECORDS, "data_as_of")

Path = tuple[str | int, ...]
Record = TypeVar("Record", bound=tuple[Any, ...])


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
        if self.line is not None:  # the file first and whole, then its line
            where = tr("{file}, line {line}", lang, file=where, line=self.line)
        path = quoted(self.path)[1:-1]
        return f"{where}: {path + ': ' if path else ''}{tr(self.message, lang, **values)}"

    def __str__(self) -> str:
        return self.text("en")


class Checker:
    """One file checked (a layer): its records, keyed for overlaying (`info`'s by section and
    id), the date its maker checked the sources if given, its problems, the ids it cites."""

    def __init__(self, file: str, lines: dict[Path, int]) -> None:
        self.file = file
        self.lines = lines
        self.collections: dict[str, dict[Any, Any]] = {}
        self.data_as_of: str | None = None
        self.problems: list[Problem] = []
        self.references: list[tuple[str, str, Path]] = []  # (collection, id, where cited)
        self.places: dict[tuple[str, Any], Path] = {}  # (collection, key): the record's path

    def problem(self, path: Path, message: str, **values: object) -> None:
        """Record `message` (a msgid) at `path`, on the line of its nearest known part."""
        ends = range(len(path), -1, -1)
        line = next((self.lines[path[:end]] for end in ends if path[:end] in self.lines), None)
        dotted = "".join(
            f"[{part}]" if isinstance(part, int) else f".{part}" if index else part
            for index, part in enumerate(path)
        )
        self.problems.append(Problem(self.file, line, dotted, message, values))

    def unknown(self, path: Path, key: object, known: Iterable[str]) -> None:
        """Record that the mapping at `path` holds `key`, which is none of `known`."""
        message = N_("unknown key {key} (known: {known})")
        self.problem((*path, str(key)), message, key=quoted(key), known=", ".join(known))


def _found(value: Any) -> object:
    """What a problem says it found: the value itself, quoted, escaped and cut, where it has
    one to show, else what it is, as a word translated with the problem."""
    if isinstance(value, bool):
        return "true" if value else "false"  # as YAML writes them
    from digiday.store.yamlsafe import LongNumber  # what made it: never imported for nothing

    if isinstance(value, LongNumber):
        return Word.of(N_("a number of {digits} digits"), digits=value.digits)
    if isinstance(value, (str, int, float)):
        return quoted(value) if isinstance(value, str) else quoted(value).strip("'")
    if value == [] or value == {}:
        return Word(N_("an empty list") if value == [] else N_("an empty mapping"))
    names: dict[type, str] = {dict: N_("a mapping"), list: N_("a list")}
    return Word(N_("nothing") if value is None else names.get(type(value), N_("a value")))


# A field check takes (checker, value, path) and returns the checked value, or None after
# recording a problem; NULL for a null the field allows (a target with no number).
Check = Callable[[Checker, Any, Path], Any]
NULL = object()


def _unsafe(check: Checker, value: str, path: Path) -> bool:
    """Whether `value` holds a control (but newline) or a bidirectional override or isolate,
    which must never reach a terminal or a calendar; recorded if so."""
    bad = next((char for char in value if char in UNSAFE and char != "\n"), None)
    if bad is not None:
        message = N_("holds the control character {char} at character {where}")
        check.problem(path, message, char=f"U+{ord(bad):04X}", where=value.index(bad) + 1)
    return bad is not None


def _string(check: Checker, value: Any, path: Path) -> str | None:
    """Non-empty text, kept composed (NFC), as it is shown and searched."""
    if not isinstance(value, str) or not value.strip():
        check.problem(path, N_("expected non-empty text, found {found}"), found=_found(value))
        return None
    return None if _unsafe(check, value, path) else unicodedata.normalize("NFC", value)


def _identifier(check: Checker, value: Any, path: Path) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", value):
        return value
    check.problem(path, N_("expected an id of lower-case letters, digits and '-'"))
    return None


def _dated(forms: str, message: str) -> Check:
    """A date of one of `forms` (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) that is in the calendar."""

    def check_date(check: Checker, value: Any, path: Path) -> str | None:
        # The form is checked first: fromisoformat alone also takes "2026-W41-1" on 3.11+.
        if isinstance(value, str) and re.fullmatch(forms, value, re.ASCII):
            with contextlib.suppress(ValueError):  # not in the calendar
                datetime.date.fromisoformat((value + "-01-01")[:10])  # the first day, if partial
                return value
        check.problem(path, message)
        return None

    return check_date


_DAY = N_("expected a date written YYYY-MM-DD, in quotes")
_date = _dated(r"\d{4}-\d{2}-\d{2}", _DAY)


def _choice(choices: tuple[str, ...], message: str) -> Check:
    def check_choice(check: Checker, value: Any, path: Path) -> str | None:
        if value in choices:
            return str(value)
        check.problem(path, message, value=quoted(value), known=", ".join(choices))
        return None

    return check_choice


def _citing(collection: str) -> Check:
    """An id of a record of `collection`, resolved once every layer is laid."""

    def check_cited(check: Checker, value: Any, path: Path) -> str | None:
        ident = _identifier(check, value, path)
        if ident is not None:
            check.references.append((collection, ident, path))
        return ident

    return check_cited


_BILINGUAL = N_("expected a mapping with 'vi' and 'en', found {found}")


def _languages(
    check: Checker, value: Any, path: Path, optional: bool = False, message: str = _BILINGUAL
) -> list[Any] | None:
    """Each language's text of a mapping of `vi` and `en`, `vi` first (None for a null that
    `optional` allows); `message` tells a value that is no mapping."""
    if not isinstance(value, dict):
        check.problem(path, message, found=_found(value))
        return None
    good = True
    for key in value:
        if key not in LANGS:
            check.unknown(path, key, LANGS)
            good = False
    said: list[str | None] = []
    for lang in LANGS:
        if lang not in value:
            check.problem(path, N_("missing language {lang}"), lang=f"'{lang}'")
            good = False
        elif value[lang] is None and optional:
            said.append(None)
        else:
            said.append(_string(check, value[lang], (*path, lang)))
            good = good and said[-1] is not None
    return said if good else None


def _text(check: Checker, value: Any, path: Path) -> Text | None:
    said = _languages(check, value, path)
    return Text(*said) if said else None


def _list(item: Check, message: str) -> Check:
    """A non-empty list of values `item` checks."""

    def check_list(check: Checker, value: Any, path: Path) -> tuple[Any, ...] | None:
        if not isinstance(value, list) or not value:
            check.problem(path, message, found=_found(value))
            return None
        items = [item(check, each, (*path, index)) for index, each in enumerate(value)]
        return tuple(items) if None not in items else None

    return check_list


def _abbreviation(check: Checker, value: Any, path: Path) -> Abbreviation | None:
    """One text for both languages (`VTV`), or each language's own, null where a language
    has none (`{vi: "Bộ VHTTDL", en: null}`)."""
    if isinstance(value, str):
        text = _string(check, value, path)
        return Abbreviation(text, text) if text is not None else None
    message = N_("expected text, or a mapping with 'vi' and 'en', found {found}")
    said = _languages(check, value, path, optional=True, message=message)
    if said == [None, None]:
        check.problem(path, N_("an abbreviation needs at least one language"))
        return None
    return Abbreviation(*said) if said else None


def _expected(good: Callable[[Any], bool], message: str) -> Check:
    """A value `good` takes, as it is (NULL for a null it takes); else `message`."""

    def check_value(check: Checker, value: Any, path: Path) -> Any:
        if good(value):
            return NULL if value is None else value
        check.problem(path, message, found=_found(value))
        return None

    return check_value


_count = _expected(
    lambda value: type(value) is int and value >= 1,
    N_("expected a whole number of 1 or more, found {found}"),
)
_flag = _expected(lambda value: type(value) is bool, N_("expected true or false, found {found}"))
# A number, or null where the source gives none.
_number = _expected(
    lambda value: value is None or (type(value) in (int, float) and abs(value) < float("inf")),
    N_("expected a number or null, found {found}"),
)


def _year(check: Checker, value: Any, path: Path) -> int | None:
    if type(value) is not int:
        check.problem(path, N_("expected a year, found {found}"), found=_found(value))
        return None
    if value in YEARS:
        return value
    message = N_("year {year} is outside {first}–{last} (the first Day was {first})")
    # The year is cut as any value shown: it can have 80 digits.
    check.problem(path, message, year=_found(value), first=FIRST_YEAR, last=LAST_YEAR)
    return None


def _url(check: Checker, value: Any, path: Path) -> str | None:
    if not isinstance(value, str) or not re.fullmatch(r"https?://\S+", value):
        check.problem(path, N_("expected an http:// or https:// address"))
        return None
    return None if _unsafe(check, value, path) else value


# The checks of the model's markers (Annotated[..., marker]).
_MARKED: dict[str, Check] = {
    "id": _identifier,
    "sources": _list(
        _citing("sources"), N_("expected a non-empty list of source ids, found {found}")
    ),
    "year": _year,
    "date": _date,
    # A document's day, or its month where no page gives the day; told as a whole day.
    "day or month": _dated(r"\d{4}-\d{2}(-\d{2})?", _DAY),
    "partial date": _dated(
        r"\d{4}(-\d{2}(-\d{2})?)?",
        N_("expected a date written YYYY, YYYY-MM or YYYY-MM-DD, in quotes"),
    ),
    "url": _url,
    "number": _number,
    "count": _count,
    "role": _choice(ROLES, N_("unknown role {value} (known: {known})")),
    "kind": _choice(KINDS, N_("unknown kind {value} (known: {known})")),
    "unit": _choice(tuple(UNIT_FORMS), N_("unknown unit {value} (known: {known})")),
    "agency id": _citing("agencies"),
    "document id": _citing("documents"),
    "measure id": _citing("measures"),
}
_TYPED: dict[object, Check] = {
    Text: _text,
    tuple[Text, ...]: _list(_text, N_("expected a non-empty list, found {found}")),
    Abbreviation: _abbreviation,
    bool: _flag,
    str: _string,
}


def _check_of(hint: Any) -> Check:
    """The check of a field annotated `hint`."""
    if get_origin(hint) in (Union, types.UnionType):  # `X | None`: optional, by its default
        hint = next(arg for arg in get_args(hint) if arg is not type(None))
    if get_origin(hint) is Annotated:
        return _MARKED[get_args(hint)[1]]
    return _TYPED.get(hint) or (lambda check, value, path: record(check, hint, value, path))


_FIELDS: dict[type[Any], dict[str, Check]] = {}


def _together(check: Checker, cls: type[Any], fields: dict[str, Any], path: Path) -> bool:
    """What a record's fields must say together, once each is good."""
    number = {model.Target: "target", model.Measurement: "value"}.get(cls)
    if cls is model.Measurement and fields.get("value") is None and fields.get("wording") is None:
        check.problem(path, N_("a measurement needs a value, or its wording where it has none"))
        return False
    if number and fields.get(number) is not None and fields.get("unit") is None:  # a bare number
        check.problem((*path, number), N_("a number needs the key 'unit' beside it"))
        return False
    if cls is model.Source and ("title" in fields) == ("description" in fields):
        check.problem(path, N_("a source needs a title or a description, not both"))
        return False
    return True


def record(check: Checker, cls: type[Record], value: Any, path: Path) -> Record | None:
    """A record of `cls` from a mapping of its fields, or None after its problems are told."""
    if not isinstance(value, dict):
        check.problem(path, N_("expected a mapping, found {found}"), found=_found(value))
        return None
    if cls not in _FIELDS:
        _FIELDS[cls] = {name: _check_of(hint) for name, hint in cls.__annotations__.items()}
    fields = _FIELDS[cls]
    checked: dict[str, Any] = {}
    good = True
    for key, item in value.items():
        if key not in fields:
            check.unknown(path, key, fields)
            good = False
            continue
        checked[key] = fields[key](check, item, (*path, key))
        good = good and checked[key] is not None
        if checked[key] is NULL:
            checked[key] = None
    for key in fields:
        if key not in value and key not in cls._field_defaults:  # type: ignore[attr-defined]
            check.problem(path, N_("missing key {key}"), key=repr(key))
            good = False
    return cls(**checked) if good and _together(check, cls, checked, path) else None


def _keyed(check: Checker, cls: type[Any], value: Any, path: Path) -> dict[Any, Any]:
    """A list of records, by their key (their first field: `id`, or `year`); a key given
    twice in one file is a problem."""
    if not isinstance(value, list):
        check.problem(path, N_("expected a list, found {found}"), found=_found(value))
        return {}
    key_field = cls._fields[0]
    keyed: dict[Any, Any] = {}
    for index, item in enumerate(value):
        made = record(check, cls, item, (*path, index))
        if made is None:
            continue
        key = made[0]
        check.places[(str(path[-1]), key)] = (*path, index)
        if key in keyed:
            message = N_("{field} {key} is given twice")
            check.problem((*path, index, key_field), message, field=key_field, key=quoted(key))
        keyed[key] = made
    return keyed


def check_document(file: str, top: Any, lines: dict[Path, int]) -> Checker:
    """Check one parsed file; `lines` maps key paths to lines (empty when unknown)."""
    check = Checker(file, lines)
    if not isinstance(top, dict):
        check.problem((), N_("the top level must be a mapping, found {found}"), found=_found(top))
        return check
    for key, value in top.items():
        if key == "data_as_of":
            check.data_as_of = _date(check, value, (key,))
        elif key == "info":
            check.collections["info"] = _info(check, value)
        elif key in RECORDS:
            check.collections[key] = _keyed(check, RECORDS[key], value, (key,))
        else:
            check.unknown((), key, TOP_KEYS)
    return check


def _info(check: Checker, value: Any) -> dict[Any, Any]:
    if not isinstance(value, dict):
        message = N_("expected a mapping of sections, found {found}")
        check.problem(("info",), message, found=_found(value))
        return {}
    entries: dict[Any, Any] = {}
    for section, listed in value.items():
        if section in SECTIONS:
            keyed = _keyed(check, model.Entry, listed, ("info", section))
            entries.update(((section, key), entry) for key, entry in keyed.items())
        else:
            message, known = N_("unknown section {value} (known: {known})"), ", ".join(SECTIONS)
            check.problem(("info", str(section)), message, value=quoted(section), known=known)
    return entries
