"""Where the data comes from: the bundled files, a user's file laid over them, and the checks
that no record leaves unchecked.

Every file goes the same way: read (with limits), parse, check against the schema, then lay
over what came before, record by record; references between records are resolved last.
A wheel carries the bundled YAML already parsed, as JSON (see bundle.py), so an ordinary run
imports no YAML parser at all; a source checkout parses the YAML itself.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from digiday.bundle import BUNDLE, BUNDLED_FILES, META
from digiday.errors import ExitStatus, Failure, shown
from digiday.l10n import N_, catalogue
from digiday.model import SECTIONS, Dataset, Lang
from digiday.schema import Layer, Problem, check_document

if TYPE_CHECKING:
    from importlib.abc import Traversable

MAX_BYTES = 1024 * 1024


class DataError(Failure):
    """A data file cannot be used (exit 3). Carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems), ExitStatus.DATA)
        self.problems = problems

    def text(self, lang: Lang) -> str:
        return "\n".join(problem.text(lang) for problem in self.problems)


def _refuse(file: str, message: str, line: int | None = None, **values: object) -> DataError:
    return DataError([Problem(file, line, "", message, values)])


def _read_file(path: str) -> bytes:
    """Read a user's file without following it anywhere unexpected and without blocking.

    O_NONBLOCK keeps a FIFO or a terminal device from hanging the tool; only a regular file
    of at most MAX_BYTES is read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError:
        raise _refuse(path, N_("is a directory")) from None
    except FileNotFoundError:
        raise _refuse(path, N_("does not exist")) from None
    except PermissionError:
        raise _refuse(path, N_("cannot be read (permission denied)")) from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        reason = getattr(error, "strerror", None) or str(error)
        raise _refuse(path, N_("cannot be read ({reason})"), reason=reason) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise _refuse(
                path, N_("is a directory") if stat.S_ISDIR(mode) else N_("is not a regular file")
            )
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            content = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise _refuse(
            path, N_("cannot be read ({reason})"), reason=error.strerror or str(error)
        ) from None
    finally:
        os.close(descriptor)
    if len(content) > MAX_BYTES:
        raise _refuse(path, N_("is over 1 MiB"))
    return content


def _decode(file: str, content: bytes) -> str:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise _refuse(file, N_("is not valid UTF-8"), line) from None
    # YAML reads NEL (U+0085) as a line break and folds it away before the schema can see
    # it, so a C1 control would pass unseen: refuse it in the raw text.
    nel = text.find("\x85")
    if nel >= 0:
        line = text.count("\n", 0, nel) + 1
        column = nel - text.rfind("\n", 0, nel)
        raise _refuse(
            file,
            N_("holds the control character {char} at character {where}"),
            line,
            char="U+0085",
            where=column,
        )
    return text.removeprefix("\ufeff")


def _user_layer(path: str) -> Layer:
    from digiday import yamlsafe

    text = _decode(path, _read_file(path))
    try:
        parsed = yamlsafe.parse(text)
    except yamlsafe.YamlProblem as problem:
        raise _refuse(path, problem.message, problem.line, **problem.values) from None
    return check_document(path, parsed.value, parsed.lines)


def _bundled_folder() -> Path | Traversable:
    """The bundled data: inside the installed package, or beside it in a source checkout
    (an editable install runs the package from the checkout, where `data/` is not copied in),
    or, for a zipped installation, through importlib.resources."""
    here = Path(__file__).resolve().parent
    for folder in (here / "data", here.parent / "data"):
        if folder.is_dir():
            return folder
    from importlib import resources

    return resources.files("digiday") / "data"


def _bundled_documents() -> dict[str, Any]:
    """Every bundled file, parsed: from the wheel's JSON when there is one, else the YAML."""
    folder = _bundled_folder()
    packed = folder / BUNDLE
    if packed.is_file():
        documents: dict[str, Any] = json.loads(packed.read_text(encoding="utf-8"))
        return documents
    from digiday.bundle import parse_folder

    return parse_folder(folder)


def _bundled_layers() -> list[Layer]:
    documents = _bundled_documents()
    return [check_document(f"<bundled>/{name}", documents[name], {}) for name in BUNDLED_FILES]


def _overlay(base: dict[str, dict[Any, Any]], layer: Layer) -> None:
    for name, records in layer.collections.items():
        if name == "info":
            sections = base.setdefault("info", {})
            for section, entries in records.items():
                sections.setdefault(section, {}).update(entries)
        else:
            base.setdefault(name, {}).update(records)


def _build(layers: list[Layer]) -> Dataset:
    merged: dict[str, dict[Any, Any]] = {}
    for layer in layers:
        _overlay(merged, layer)
    for layer in layers:
        for collection, ident, path in layer.checker.references:
            if ident not in merged.get(collection, {}):
                unknown = (
                    N_("unknown source id {value}")
                    if collection == "sources"
                    else N_("unknown agency id {value}")
                )
                layer.checker.fail(path, unknown, value=shown(ident))
    problems = [problem for layer in layers for problem in layer.checker.problems]
    if problems:
        raise DataError(sorted(problems, key=lambda problem: (problem.file, problem.line or 0)))
    info = merged.get("info", {})
    return Dataset(
        info={section: tuple(info.get(section, {}).values()) for section in SECTIONS},
        agencies=tuple(merged.get("agencies", {}).values()),
        themes=tuple(sorted(merged.get("themes", {}).values(), key=lambda theme: theme.year)),
        documents=tuple(sorted(merged.get("documents", {}).values(), key=lambda doc: doc.date)),
        sources=tuple(merged.get("sources", {}).values()),
        editions=tuple(sorted(merged.get("editions", {}).values(), key=lambda ed: ed.year)),
    )


def load(user_file: str | None = None) -> Dataset:
    """The bundled data with `user_file` (if any) laid over it. Raises DataError."""
    layers = _bundled_layers()
    if user_file is not None:
        layers.append(_user_layer(user_file))
    return _build(layers)


class Summary(NamedTuple):
    """What a valid user file adds to or replaces in the bundled data, by collection."""

    added: dict[str, int]
    replaced: dict[str, int]

    def text(self, lang: Lang) -> str:
        """`adds 1 theme and 1 source, replaces 1 agency`."""
        t = catalogue(lang)
        nouns = {
            "info": lambda n: t.ngettext("{count} info entry", "{count} info entries", n),
            "agencies": lambda n: t.ngettext("{count} agency", "{count} agencies", n),
            "themes": lambda n: t.ngettext("{count} theme", "{count} themes", n),
            "editions": lambda n: t.ngettext("{count} edition", "{count} editions", n),
            "documents": lambda n: t.ngettext("{count} document", "{count} documents", n),
            "sources": lambda n: t.ngettext("{count} source", "{count} sources", n),
        }

        def counted(counts: dict[str, int]) -> str:
            words = [nouns[name](n).format(count=n) for name, n in counts.items()]
            if len(words) == 1:
                return words[0]
            return t.gettext("{list} and {last}").format(list=", ".join(words[:-1]), last=words[-1])

        parts = [t.gettext("adds {what}").format(what=counted(self.added))] if self.added else []
        if self.replaced:
            parts.append(t.gettext("replaces {what}").format(what=counted(self.replaced)))
        return ", ".join(parts) or t.gettext("changes nothing")

    def __str__(self) -> str:
        return self.text("en")


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
    return str(_bundled_documents()[META]["data_as_of"])
