"""Where the data comes from: the bundled files and the users' files laid over them.

Every file is read (with limits), parsed, checked against the schema and laid over what came
before, record by record, in time linear in all the layers' records; references are resolved
last. A wheel carries the bundled data checked and merged (`pack`): an ordinary run neither
parses YAML nor checks a record.
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from digiday.core.model import SECTIONS, Dataset, Lang
from digiday.errors import ExitStatus, Failure, quoted, reason
from digiday.l10n.translate import N_, catalogue, tr
from digiday.store import bundle
from digiday.store.bundle import BUNDLE, BUNDLED_FILES, META

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from digiday.store.schema import Checker, Problem

MAX_BYTES = 1024 * 1024
Records = dict[str, dict[Any, Any]]  # each collection's records by key (info: by section and id)


class DataError(Failure):
    """A data file cannot be used (exit 3). Carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems), ExitStatus.DATA)
        self.problems = problems

    def text(self, lang: Lang) -> str:
        return "\n".join(problem.text(lang) for problem in self.problems)


def refuse(file: str, message: str, line: int | None = None, **values: object) -> DataError:
    """A file refused whole, for one reason (it cannot be read, or is not YAML)."""
    from digiday.store.schema import Problem

    return DataError([Problem(file, line, "", message, values)])


_CANNOT = {
    IsADirectoryError: N_("is a directory"),
    FileNotFoundError: N_("does not exist"),
    PermissionError: N_("cannot be read (permission denied)"),
}


def unreadable(path: str, error: OSError) -> DataError:
    """`path` refused because the system would not let it be read, saying why."""
    if type(error) in _CANNOT:
        return refuse(path, _CANNOT[type(error)])
    return refuse(path, N_("cannot be read ({reason})"), reason=reason(error))


def _read_file(path: str) -> bytes:
    """A user's file, if it is a regular file of at most MAX_BYTES; opened with O_NONBLOCK,
    so that a FIFO or a terminal device cannot hang the tool."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        with open(os.open(path, flags), "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise refuse(path, N_("is a directory"))
            if not stat.S_ISREG(mode):
                raise refuse(path, N_("is not a regular file"))
            content = handle.read(MAX_BYTES + 1)
    except ValueError:  # the system is never asked: Python refuses a NUL in a path
        raise refuse(path, N_("cannot be read (a path cannot hold a NUL character)")) from None
    except OSError as error:
        raise unreadable(path, error) from None
    if len(content) > MAX_BYTES:
        raise refuse(path, N_("is over 1 MiB"))
    return content


def _user_layer(path: str) -> Checker:
    from digiday.store import yamlsafe
    from digiday.store.schema import check_document

    content = _read_file(path)
    try:
        text = content.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise refuse(path, N_("is not valid UTF-8"), line) from None
    try:
        parsed = yamlsafe.parse(text)
    except yamlsafe.YamlProblem as problem:
        raise refuse(path, problem.message, problem.line, **problem.values) from None
    return check_document(path, parsed.value, parsed.lines)


def _bundled_folder() -> Path | Traversable:
    """The bundled data: in the installed package, beside it in a source checkout (where an
    editable install runs it), or through importlib.resources in a zipped installation."""
    package = Path(__file__).resolve().parent.parent
    for folder in (package / "data", package.parent / "data"):
        if folder.is_dir():
            return folder
    from importlib import resources

    return resources.files("digiday") / "data"


class _Bundled(NamedTuple):
    """The bundled data, checked and merged, keyed for overlaying (as `Checker.collections`)."""

    merged: Records
    data_as_of: str
    calendar: dict[int, tuple[str, int, str]]  # each year's event revision (render/ics.py)
    calendar_rest: tuple[str, int, str]  # the revision of every year not listed
    folded: bytes = b""  # search's texts that are not ASCII, folded, in marshal's format (pack)


def _check_bundled(folder: Path | Traversable) -> _Bundled:
    """Parse and check every bundled file, as any user file is checked; raises DataError."""
    from digiday.store.bundle import parse_folder
    from digiday.store.schema import check_document

    parsed = parse_folder(folder)
    layers = [check_document(f"<bundled>/{name}", *parsed[name]) for name in BUNDLED_FILES]
    merged, _ = _laid({}, layers)
    meta = parsed[META].value  # YAML's lists, as the tuples a bundle keeps
    revisions = {year: tuple(revision) for year, revision in meta["calendar"].items()}
    return _Bundled(merged, meta["data_as_of"], revisions, tuple(meta["calendar_rest"]))


def pack(folder: Path, searched: Callable[[Dataset], Iterable[str]] = lambda data: ()) -> bytes:
    """The bundled data as a wheel carries it (bundle.pack), checked (a problem fails the build)
    and merged, so that a run spends nothing on parsing and checking YAML; the texts search
    compares (`searched`: answers/search.py's `lines`) are folded here once, not per search."""
    import marshal

    from digiday.l10n.translate import fold

    checked = _check_bundled(folder)
    texts = set(searched(_dataset(checked.merged)))
    folded = {text: fold(text) for text in texts if not text.isascii()}
    return bundle.pack(tuple(checked._replace(folded=marshal.dumps(folded))))


@functools.cache
def _bundled() -> _Bundled:
    folder = _bundled_folder()
    packed = folder / BUNDLE
    if packed.is_file():
        unpacked = bundle.unpack(packed.read_bytes())
        if unpacked is not None:
            return _Bundled(*unpacked)
    return _check_bundled(folder)


_Replaced = list[tuple[str, "Checker", tuple[str | int, ...]]]  # (old measure, layer, where)


def _lay(merged: Records, layer: Checker, replaced: _Replaced) -> Summary:
    """Lay `layer` over `merged`; returns what it adds and replaces, and notes in `replaced`
    each target it replaces with one of another measure."""
    summary = Summary({}, {})
    for name, records in layer.collections.items():
        under = merged.setdefault(name, {})
        for key, record in records.items():
            counts = summary.replaced if key in under else summary.added
            counts[name] = counts.get(name, 0) + 1
            if name == "targets" and key in under and under[key].measure != record.measure:
                replaced.append((under[key].measure, layer, layer.places[name, key]))
        under.update(records)
    return summary


def _laid(base: Records, layers: Sequence[Checker]) -> tuple[Records, list[Summary]]:
    """`layers` laid over a copy of `base` in order, and what each adds to and replaces in
    what is under it; raises DataError for every problem any layer has."""
    merged = {name: dict(records) for name, records in base.items()}
    replaced: _Replaced = []
    summaries = [_lay(merged, layer, replaced) for layer in layers]
    _check_measures_kept(merged, replaced)
    _check_references(layers, merged)
    return merged, summaries


def _check_measures_kept(merged: Records, replaced: _Replaced) -> None:
    """No measurement may lose the last target of its measure to a replacement (a layer
    removes nothing): it would drop out of every answer unseen. Told at the last such one."""
    measured = {target.measure for target in merged.get("targets", {}).values()}
    orphans: dict[str, list[str]] = {}
    for measurement in merged.get("measurements", {}).values():
        if measurement.measure not in measured:
            orphans.setdefault(measurement.measure, []).append(measurement.id)
    for measure, layer, path in reversed(replaced):
        if measure in orphans:
            message = N_("measurements {ids} measure {value}, which no target measures now")
            ids = ", ".join(orphans.pop(measure))
            layer.problem((*path, "measure"), message, ids=ids, value=quoted(measure))


_UNKNOWN = {
    "sources": N_("unknown source id {value}"),
    "agencies": N_("unknown agency id {value}"),
    "documents": N_("unknown document id {value}"),
    "measures": N_("unknown measure {value}: no target measures it"),
}


def _check_references(layers: Sequence[Checker], merged: Records) -> None:
    """Every id a layer cites must be in the merged data (a layer removes nothing); raises
    DataError with every problem of every layer, in file order."""
    # Only targets define a measure: known while some target measures it.
    known = {**merged, "measures": {t.measure: t for t in merged.get("targets", {}).values()}}
    for layer in layers:
        for collection, ident, path in layer.references:
            if ident not in known.get(collection, {}):
                layer.problem(path, _UNKNOWN[collection], value=quoted(ident))
    problems = [problem for layer in layers for problem in layer.problems]
    if problems:
        raise DataError(sorted(problems, key=lambda problem: (problem.file, problem.line or 0)))


def _dataset(merged: Records) -> Dataset:
    info = merged.get("info", {})

    def by(name: str, key: Callable[[Any], Any] | None = None) -> dict[Any, Any]:
        records = merged.get(name, {})
        return dict(sorted(records.items(), key=lambda item: key(item[1]))) if key else records

    return Dataset(
        info={s: tuple(e for (section, _), e in info.items() if section == s) for s in SECTIONS},
        agencies=by("agencies"),
        themes=by("themes", lambda theme: theme.year),
        documents=by("documents", lambda document: document.date),
        sources=by("sources"),
        editions=by("editions", lambda edition: edition.year),
        targets=by("targets"),
        measurements=by("measurements", lambda m: (m.year, m.date or "")),
    )


class Data:
    """The data in use: the bundled data with `files` laid over it (and, given `environ`,
    over the data layers it names: store/layers.py), read and checked when first asked for,
    so that an answer checks what was typed first."""

    def __init__(self, files: Sequence[str] = (), environ: Mapping[str, str] | None = None):
        self._given = (files,) if isinstance(files, str) else tuple(files)  # not its letters
        self._environ = environ

    @functools.cached_property
    def files(self) -> tuple[str, ...]:
        """Every file laid over the bundled data, in order."""
        if self._environ is None:
            return self._given
        from digiday.store import layers

        return tuple(layers.user_files(self._given, self._environ))

    @functools.cached_property
    def _loaded(self) -> tuple[Dataset, str]:
        users = [_user_layer(path) for path in self.files]
        bundled = _bundled()
        merged = _laid(bundled.merged, users)[0] if users else bundled.merged  # never changed
        dates = [bundled.data_as_of, *(user.data_as_of for user in users if user.data_as_of)]
        return _dataset(merged), max(dates)

    @property
    def dataset(self) -> Dataset:
        """The records. Raises DataError."""
        return self._loaded[0]

    @property
    def data_as_of(self) -> str:
        """The latest date among the layers (the bundled data's own at least)."""
        return self._loaded[1]

    def check(self) -> None:
        """Read and check every file in use, for an answer that needs none of it (exit 3
        for a broken one all the same); with no file, the bundled data is not even read."""
        if self.files:
            self._loaded  # noqa: B018


class Summary(NamedTuple):
    """What a valid user file adds to or replaces in the data under it, by collection."""

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
            "targets": lambda n: t.ngettext("{count} target", "{count} targets", n),
            "measurements": lambda n: t.ngettext("{count} measurement", "{count} measurements", n),
            "sources": lambda n: t.ngettext("{count} source", "{count} sources", n),
        }

        def counted(counts: dict[str, int]) -> str:
            *rest, last = [nouns[name](n).format(count=n) for name, n in counts.items()]
            return tr("{list} and {last}", lang, list=", ".join(rest), last=last) if rest else last

        parts = [tr("adds {what}", lang, what=counted(self.added))] if self.added else []
        if self.replaced:
            parts.append(tr("replaces {what}", lang, what=counted(self.replaced)))
        return ", ".join(parts) or tr("changes nothing", lang)


class Checked(NamedTuple):
    """One layer as `digiday validate` lists it: its file, what it adds or replaces in the
    data laid before it, and the date its maker gives."""

    file: str
    summary: Summary
    data_as_of: str | None


def validate(files: Sequence[str], under: Sequence[str] = ()) -> list[Checked]:
    """Check `files`, each laid over the bundled data and the `under` files and the files
    before it; raises DataError listing every problem of every file."""
    paths = (*under, *([files] if isinstance(files, str) else files))  # a path, not its letters
    layers = [_user_layer(path) for path in paths]
    laid = zip(paths, _laid(_bundled().merged, layers)[1], layers, strict=True)
    return [Checked(path, summary, layer.data_as_of) for path, summary, layer in laid][len(under) :]


def calendar_revisions() -> tuple[dict[int, tuple[str, int, str]], tuple[str, int, str]]:
    """Each year's calendar event revision (digest, sequence, modified), and the rest's."""
    bundled = _bundled()
    return bundled.calendar, bundled.calendar_rest


@functools.cache
def bundled_folds() -> dict[str, str]:
    """The texts search compares, folded at build time (none in a source checkout)."""
    import marshal

    folded = _bundled().folded
    return dict(marshal.loads(folded)) if folded else {}


def bundled_as_of() -> str:
    """The date the bundled data was last checked against its sources."""
    return _bundled().data_as_of
