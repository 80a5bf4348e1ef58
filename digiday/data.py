"""The only module that reads YAML: bundled data, a user's overlay, and strict validation.

Every file, bundled or the user's, goes through the same path: read (with limits), parse
strictly (yamlsafe), check against the schema below, then lay over what came before, record
by record. Every problem names its file, line and key path; nothing leaves here unchecked.
"""

from __future__ import annotations

import datetime
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

from digiday import yamlsafe
from digiday.model import (
    LANGS,
    ROLES,
    SECTIONS,
    Agency,
    Dataset,
    Document,
    Entry,
    Source,
    Text,
    Theme,
)

MAX_BYTES = 1024 * 1024
FIRST_YEAR = 2022
BUNDLED_FILES = ("info.yaml", "agencies.yaml", "themes.yaml", "documents.yaml", "sources.yaml")
COLLECTIONS = ("info", "agencies", "themes", "documents", "sources")

if TYPE_CHECKING:
    from importlib.abc import Traversable

Path = yamlsafe.Path


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.path + ': ' if self.path else ''}{self.message}"


class DataError(Exception):
    """A data file cannot be used. Carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


def _show(path: Path) -> str:
    shown = ""
    for part in path:
        shown += f"[{part}]" if isinstance(part, int) else (f".{part}" if shown else part)
    return shown


class _Checker:
    """Collects problems for one file while its records are checked."""

    def __init__(self, file: str, lines: dict[Path, int]) -> None:
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []
        self.references: list[tuple[str, str, Path]] = []  # (collection, id, where cited)

    def fail(self, path: Path, message: str) -> None:
        line = None
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                break
        self.problems.append(Problem(self.file, line, _show(path), message))

    def cite(self, collection: str, ident: str, path: Path) -> None:
        self.references.append((collection, ident, path))


# A field checker takes (checker, value, path) and returns the checked value, or None after
# recording a problem.
FieldCheck = Callable[[_Checker, Any, Path], Any]

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}\Z")
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z", re.ASCII)


def _type_name(value: Any) -> str:
    if value == [] or value == {}:
        return "an empty " + ("list" if isinstance(value, list) else "mapping")
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number"}
    return "nothing" if value is None else names.get(type(value), type(value).__name__)


def _string(check: _Checker, value: Any, path: Path) -> str | None:
    if not isinstance(value, str) or not value.strip():
        check.fail(path, f"expected non-empty text, found {_type_name(value)}")
        return None
    return value


def _identifier(check: _Checker, value: Any, path: Path) -> str | None:
    if not isinstance(value, str) or not _ID.match(value):
        check.fail(path, "expected an id of lower-case letters, digits and '-'")
        return None
    return value


def _text(check: _Checker, value: Any, path: Path) -> Text | None:
    if not isinstance(value, dict):
        check.fail(path, f"expected a mapping with 'vi' and 'en', found {_type_name(value)}")
        return None
    good = True
    for key in value:
        if key not in LANGS:
            check.fail((*path, str(key)), f"unknown key {key!r} (known: vi, en)")
            good = False
    for lang in LANGS:
        if lang not in value:
            check.fail(path, f"missing language {lang!r}")
            good = False
        elif _string(check, value[lang], (*path, lang)) is None:
            good = False
    return Text(vi=value["vi"], en=value["en"]) if good else None


def _texts(check: _Checker, value: Any, path: Path) -> tuple[Text, ...] | None:
    if not isinstance(value, list) or not value:
        check.fail(path, f"expected a non-empty list, found {_type_name(value)}")
        return None
    items = [_text(check, item, (*path, index)) for index, item in enumerate(value)]
    return tuple(item for item in items if item is not None) if None not in items else None


def _source_ids(check: _Checker, value: Any, path: Path) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not value:
        check.fail(path, f"expected a non-empty list of source ids, found {_type_name(value)}")
        return None
    ids = [_identifier(check, item, (*path, index)) for index, item in enumerate(value)]
    for index, ident in enumerate(ids):
        if ident is not None:
            check.cite("sources", ident, (*path, index))
    return tuple(ident for ident in ids if ident is not None) if None not in ids else None


def _successor(check: _Checker, value: Any, path: Path) -> str | None:
    ident = _identifier(check, value, path)
    if ident is not None:
        check.cite("agencies", ident, path)
    return ident


def _year(check: _Checker, value: Any, path: Path) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        check.fail(path, f"expected a year, found {_type_name(value)}")
        return None
    if not FIRST_YEAR <= value <= 9999:
        check.fail(path, f"year {value} is outside {FIRST_YEAR}–9999 (the first Day was 2022)")
        return None
    return value


def _date(check: _Checker, value: Any, path: Path) -> str | None:
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value).isoformat() if len(value) == 10 else None
        except ValueError:
            pass
    check.fail(path, "expected a date written YYYY-MM-DD, in quotes")
    return None


def _partial_date(check: _Checker, value: Any, path: Path) -> str | None:
    if isinstance(value, str) and _PARTIAL_DATE.match(value):
        padded = (value + "-01-01")[:10] if len(value) < 10 else value
        try:
            datetime.date.fromisoformat(padded)
            return value
        except ValueError:
            pass
    check.fail(path, "expected a date written YYYY, YYYY-MM or YYYY-MM-DD, in quotes")
    return None


def _url(check: _Checker, value: Any, path: Path) -> str | None:
    if not isinstance(value, str) or not re.match(r"https?://[^\s]+\Z", value):
        check.fail(path, "expected an http:// or https:// address")
        return None
    return value


def _role(check: _Checker, value: Any, path: Path) -> str | None:
    if value not in ROLES:
        check.fail(path, f"unknown role {value!r} (known: {', '.join(ROLES)})")
        return None
    return str(value)


def _flag(check: _Checker, value: Any, path: Path) -> bool | None:
    if not isinstance(value, bool):
        check.fail(path, f"expected true or false, found {_type_name(value)}")
        return None
    return value


@dataclass(frozen=True)
class _Kind:
    """How one kind of record is written: its type, its key and its fields."""

    build: Callable[..., Any]
    key: str
    required: dict[str, FieldCheck]
    optional: dict[str, FieldCheck] = field(default_factory=dict)


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
        {"abbreviation": _string, "change": _text, "successor": _successor},
    ),
    "themes": _Kind(
        Theme,
        "year",
        {"year": _year, "theme": _text, "sources": _source_ids},
        {"unofficial_translation": _flag},
    ),
    "documents": _Kind(
        Document,
        "id",
        {
            "id": _identifier,
            "number": _string,
            "date": _date,
            "title": _text,
            "sources": _source_ids,
        },
    ),
    "sources": _Kind(
        Source,
        "id",
        {"id": _identifier, "title": _string, "url": _url},
        {"publisher": _string, "date": _date},
    ),
}


def _record(check: _Checker, kind: _Kind, value: Any, path: Path) -> Any:
    if not isinstance(value, dict):
        check.fail(path, f"expected a mapping, found {_type_name(value)}")
        return None
    fields = {**kind.required, **kind.optional}
    checked: dict[str, Any] = {}
    good = True
    for key, item in value.items():
        if key not in fields:
            check.fail((*path, str(key)), f"unknown key {key!r} (known: {', '.join(fields)})")
            good = False
            continue
        checked[key] = fields[key](check, item, (*path, key))
        good = good and checked[key] is not None
    for key in kind.required:
        if key not in value:
            check.fail(path, f"missing key {key!r}")
            good = False
    return kind.build(**checked) if good else None


def _records(check: _Checker, kind: _Kind, value: Any, path: Path) -> dict[Any, Any]:
    """A list of records, keyed by their key; a key given twice in one file is a problem."""
    if not isinstance(value, list):
        check.fail(path, f"expected a list, found {_type_name(value)}")
        return {}
    keyed: dict[Any, Any] = {}
    for index, item in enumerate(value):
        record = _record(check, kind, item, (*path, index))
        if record is None:
            continue
        key = getattr(record, kind.key)
        if key in keyed:
            check.fail((*path, index, kind.key), f"{kind.key} {key!r} is given twice")
        keyed[key] = record
    return keyed


@dataclass
class _Layer:
    """What one file says, keyed for overlaying; `info` is keyed by section, then id."""

    collections: dict[str, dict[Any, Any]]
    references: list[tuple[str, str, Path]]
    checker: _Checker


def _layer(file: str, parsed: yamlsafe.Parsed) -> _Layer:
    check = _Checker(file, parsed.lines)
    collections: dict[str, dict[Any, Any]] = {}
    top = parsed.value
    if not isinstance(top, dict):
        check.fail((), f"the top level must be a mapping, found {_type_name(top)}")
        return _Layer(collections, [], check)
    for key, value in top.items():
        if key == "info":
            collections["info"] = _info(check, value)
        elif key in _KINDS:
            collections[key] = _records(check, _KINDS[key], value, (key,))
        else:
            check.fail((str(key),), f"unknown key {key!r} (known: {', '.join(COLLECTIONS)})")
    return _Layer(collections, check.references, check)


def _info(check: _Checker, value: Any) -> dict[Any, Any]:
    if not isinstance(value, dict):
        check.fail(("info",), f"expected a mapping of sections, found {_type_name(value)}")
        return {}
    sections: dict[Any, Any] = {}
    for section, entries in value.items():
        if section not in SECTIONS:
            check.fail(
                ("info", str(section)),
                f"unknown section {section!r} (known: {', '.join(SECTIONS)})",
            )
            continue
        sections[section] = _records(check, _ENTRY, entries, ("info", section))
    return sections


def _read_file(path: str) -> bytes:
    """Read a user's file without following it anywhere unexpected and without blocking.

    O_NONBLOCK keeps a FIFO or a terminal device from hanging the tool; only a regular file
    of at most MAX_BYTES is read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError:
        raise _refuse(path, "is a directory, not a file") from None
    except OSError as error:
        raise _refuse(path, f"cannot be read ({error.strerror or error})") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise _refuse(path, "is a directory" if stat.S_ISDIR(mode) else "is not a regular file")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            content = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise _refuse(path, f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(descriptor)
    if len(content) > MAX_BYTES:
        raise _refuse(path, "is over 1 MiB")
    return content


def _refuse(file: str, message: str, line: int | None = None) -> DataError:
    return DataError([Problem(file, line, "", message)])


def _decode(file: str, content: bytes) -> str:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise _refuse(file, "is not valid UTF-8", line) from None
    return text.removeprefix("\ufeff")


def _parse(file: str, text: str) -> yamlsafe.Parsed:
    try:
        return yamlsafe.parse(text)
    except yamlsafe.YamlProblem as problem:
        raise _refuse(file, f"is not usable YAML: {problem.message}", problem.line) from None


def _overlay(base: dict[str, dict[Any, Any]], layer: _Layer) -> None:
    for name, records in layer.collections.items():
        if name == "info":
            sections = base.setdefault("info", {})
            for section, entries in records.items():
                sections.setdefault(section, {}).update(entries)
        else:
            base.setdefault(name, {}).update(records)


def _check_references(merged: dict[str, dict[Any, Any]], layers: list[_Layer]) -> None:
    for layer in layers:
        for collection, ident, path in layer.references:
            if ident not in merged.get(collection, {}):
                what = "source" if collection == "sources" else "agency"
                layer.checker.fail(path, f"unknown {what} id {ident!r}")


def _bundled_folder() -> Traversable:
    """The bundled YAML: inside the installed package, or beside it in a source checkout
    (an editable install runs the package from the checkout, where `data/` is not copied in)."""
    folder = resources.files("digiday") / "data"
    return folder if folder.is_dir() else FilePath(__file__).resolve().parent.parent / "data"


def _bundled_layers() -> list[_Layer]:
    folder = _bundled_folder()
    layers = []
    for name in BUNDLED_FILES:
        text = (folder / name).read_text(encoding="utf-8")
        layers.append(
            _layer(f"<bundled>/{name}", yamlsafe.Parsed(yamlsafe.parse_bundled(text), {}))
        )
    return layers


def _user_layer(path: str) -> _Layer:
    return _layer(path, _parse(path, _decode(path, _read_file(path))))


def _build(layers: list[_Layer]) -> Dataset:
    merged: dict[str, dict[Any, Any]] = {}
    for layer in layers:
        _overlay(merged, layer)
    _check_references(merged, layers)
    problems = [problem for layer in layers for problem in layer.checker.problems]
    problems.sort(key=lambda problem: (problem.file, problem.line or 0))
    if problems:
        raise DataError(problems)
    info = merged.get("info", {})
    return Dataset(
        info={section: tuple(info.get(section, {}).values()) for section in SECTIONS},
        agencies=tuple(merged.get("agencies", {}).values()),
        themes=tuple(sorted(merged.get("themes", {}).values(), key=lambda theme: theme.year)),
        documents=tuple(sorted(merged.get("documents", {}).values(), key=lambda doc: doc.date)),
        sources=tuple(merged.get("sources", {}).values()),
    )


def load(user_file: str | None = None) -> Dataset:
    """The bundled data with `user_file` (if any) laid over it. Raises DataError."""
    layers = _bundled_layers()
    if user_file is not None:
        layers.append(_user_layer(user_file))
    return _build(layers)


@dataclass(frozen=True)
class Summary:
    """What a valid user file adds to or replaces in the bundled data, by collection."""

    added: dict[str, int]
    replaced: dict[str, int]

    def __str__(self) -> str:
        """`adds 1 theme and 1 source, replaces 1 agency`."""

        def counted(counts: dict[str, int]) -> str:
            words = [f"{n} {_NOUNS[name][n != 1]}" for name, n in counts.items()]
            return " and ".join(", ".join(words).rsplit(", ", 1))

        parts = [f"adds {counted(self.added)}"] if self.added else []
        parts += [f"replaces {counted(self.replaced)}"] if self.replaced else []
        return ", ".join(parts) or "changes nothing"


_NOUNS = {
    "info": ("info entry", "info entries"),
    "agencies": ("agency", "agencies"),
    "themes": ("theme", "themes"),
    "documents": ("document", "documents"),
    "sources": ("source", "sources"),
}


def validate(user_file: str) -> Summary:
    """Check a user file against the bundled data; raises DataError listing every problem."""
    bundled = _bundled_layers()
    user = _user_layer(user_file)
    _build([*bundled, user])
    base: dict[str, dict[Any, Any]] = {}
    for layer in bundled:
        _overlay(base, layer)
    added: dict[str, int] = {}
    replaced: dict[str, int] = {}
    for name, records in user.collections.items():
        pairs = (
            [(records[section], base["info"].get(section, {})) for section in records]
            if name == "info"
            else [(records, base.get(name, {}))]
        )
        for new, old in pairs:
            for key in new:
                target = replaced if key in old else added
                target[name] = target.get(name, 0) + 1
    return Summary(added, replaced)


def data_as_of() -> str:
    """The date the bundled data was last checked against its sources."""
    text = (_bundled_folder() / "meta.yaml").read_text(encoding="utf-8")
    return str(yamlsafe.parse_bundled(text)["data_as_of"])
