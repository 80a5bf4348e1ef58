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
from digiday.errors import shown
from digiday.model import SECTIONS, Dataset
from digiday.schema import Layer, Problem, check_document

if TYPE_CHECKING:
    from importlib.abc import Traversable

MAX_BYTES = 1024 * 1024


class DataError(Exception):
    """A data file cannot be used. Carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


def _refuse(file: str, message: str, line: int | None = None) -> DataError:
    return DataError([Problem(file, line, "", message)])


def _read_file(path: str) -> bytes:
    """Read a user's file without following it anywhere unexpected and without blocking.

    O_NONBLOCK keeps a FIFO or a terminal device from hanging the tool; only a regular file
    of at most MAX_BYTES is read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError:
        raise _refuse(path, "is a directory") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise _refuse(
            path, f"cannot be read ({getattr(error, 'strerror', None) or error})"
        ) from None
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


def _decode(file: str, content: bytes) -> str:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise _refuse(file, "is not valid UTF-8", line) from None
    return text.removeprefix("\ufeff")


def _user_layer(path: str) -> Layer:
    from digiday import yamlsafe

    text = _decode(path, _read_file(path))
    try:
        parsed = yamlsafe.parse(text)
    except yamlsafe.YamlProblem as problem:
        raise _refuse(path, f"is not usable YAML: {problem.message}", problem.line) from None
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
                what = "source" if collection == "sources" else "agency"
                layer.checker.fail(path, f"unknown {what} id {shown(ident)}")
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


_NOUNS = {
    "info": ("info entry", "info entries"),
    "agencies": ("agency", "agencies"),
    "themes": ("theme", "themes"),
    "editions": ("edition", "editions"),
    "documents": ("document", "documents"),
    "sources": ("source", "sources"),
}


class Summary(NamedTuple):
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
