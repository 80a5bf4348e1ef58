"""Where the data comes from: the bundled files, a user's file laid over them, and the checks
that no record leaves unchecked.

Every file goes the same way: read (with limits), parse, check against the schema, then lay
over what came before, record by record; references between records are resolved last.
A wheel carries the bundled data already checked and merged (see `pack`), so an ordinary run
neither parses YAML nor checks a record; a source checkout reads the YAML itself. Laying is
linear in the records of all the layers together, however many there are.
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
from digiday.l10n.translate import N_
from digiday.store import bundle
from digiday.store.bundle import BUNDLE, BUNDLED_FILES, META

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from digiday.store.changes import Summary
    from digiday.store.schema import Layer, Problem

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
        descriptor = os.open(path, flags)
    except ValueError:  # the system is never asked: Python refuses a NUL in a path
        raise refuse(path, N_("cannot be read (a path cannot hold a NUL character)")) from None
    except OSError as error:
        raise unreadable(path, error) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise refuse(
                path, N_("is a directory") if stat.S_ISDIR(mode) else N_("is not a regular file")
            )
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            content = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise refuse(path, N_("cannot be read ({reason})"), reason=reason(error)) from None
    finally:
        os.close(descriptor)
    if len(content) > MAX_BYTES:
        raise refuse(path, N_("is over 1 MiB"))
    return content


def _user_layer(path: str) -> Layer:
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
    """The bundled data: inside the installed package, or beside it in a source checkout
    (an editable install runs the package from the checkout, where `data/` is not copied in),
    or, for a zipped installation, through importlib.resources."""
    package = Path(__file__).resolve().parent.parent
    for folder in (package / "data", package.parent / "data"):
        if folder.is_dir():
            return folder
    from importlib import resources

    return resources.files("digiday") / "data"


class _Bundled(NamedTuple):
    """The bundled data, checked and merged, keyed for overlaying (as `Layer.collections`)."""

    merged: Records
    data_as_of: str
    calendar: dict[int, tuple[str, int, str]]  # each year's event revision (render/ics.py)
    calendar_rest: tuple[str, int, str]  # the revision of every year not listed
    # The texts search compares that are not ASCII, folded (`translate.fold`), in marshal's
    # format: made at build time, read by search alone (see pack, bundled_folds).
    folded: bytes = b""


def _check_bundled(folder: Path | Traversable) -> _Bundled:
    """Parse and check every bundled file, as any user file is checked; raises DataError."""
    from digiday.store.bundle import parse_folder
    from digiday.store.schema import check_document

    parsed = parse_folder(folder)
    layers = [check_document(f"<bundled>/{name}", *parsed[name]) for name in BUNDLED_FILES]
    merged, _ = _laid({}, layers)
    meta = parsed[META].value
    revisions = {
        int(year): (str(digest), int(sequence), str(modified))
        for year, (digest, sequence, modified) in (meta.get("calendar") or {}).items()
    }
    digest, sequence, modified = meta.get("calendar_rest") or ("", 0, meta["data_as_of"])
    rest = (str(digest), int(sequence), str(modified))
    return _Bundled(merged, str(meta["data_as_of"]), revisions, rest)


def pack(folder: Path, searched: Callable[[Dataset], Iterable[str]] = lambda data: ()) -> bytes:
    """The bundled data as a wheel carries it (bundle.pack), checked at build time (a problem
    fails the build) and merged: a run reads finished records instead of parsing and checking
    YAML, most of what it would otherwise spend before printing anything. The texts search
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


_Replaced = list[tuple[str, "Layer", tuple[str | int, ...]]]  # (old measure, layer, where)


def _lay(merged: Records, layer: Layer, replaced: _Replaced) -> Summary:
    """Lay `layer` over `merged`; returns what it adds and replaces, and notes in `replaced`
    each target it replaces with one of another measure."""
    from digiday.store.changes import Summary

    summary = Summary({}, {})
    for name, records in layer.collections.items():
        under = merged.setdefault(name, {})
        for key, record in records.items():
            counts = summary.replaced if key in under else summary.added
            counts[name] = counts.get(name, 0) + 1
            if name == "targets" and key in under and under[key].measure != record.measure:
                replaced.append((under[key].measure, layer, layer.checker.places[name, key]))
        under.update(records)
    return summary


def _laid(base: Records, layers: Sequence[Layer]) -> tuple[Records, list[Summary]]:
    """`layers` laid over a copy of `base` in order, and what each adds to and replaces in
    what is under it; raises DataError for every problem any layer has."""
    merged = {name: dict(records) for name, records in base.items()}
    replaced: _Replaced = []
    summaries = [_lay(merged, layer, replaced) for layer in layers]
    _check_measures_kept(merged, replaced)
    _check_references(layers, merged)
    return merged, summaries


def _check_measures_kept(merged: Records, replaced: _Replaced) -> None:
    """A target replaced with one of another measure must not leave measurements of the old
    measure with no target beside them: they would drop out of every answer unseen. (A
    layer never removes a record, so only a replacement can.) Told at the last target that
    took the measure away."""
    measured = {target.measure for target in merged.get("targets", {}).values()}
    orphans: dict[str, list[str]] = {}
    for measurement in merged.get("measurements", {}).values():
        if measurement.measure not in measured:
            orphans.setdefault(measurement.measure, []).append(measurement.id)
    for measure, layer, path in reversed(replaced):
        if measure in orphans:
            layer.checker.problem(
                (*path, "measure"),
                N_("measurements {ids} measure {value}, which no target measures now"),
                ids=", ".join(orphans.pop(measure)),
                value=quoted(measure),
            )


_UNKNOWN = {
    "sources": N_("unknown source id {value}"),
    "agencies": N_("unknown agency id {value}"),
    "documents": N_("unknown document id {value}"),
    "measures": N_("unknown measure {value}: no target measures it"),
}


def _check_references(layers: Sequence[Layer], merged: Records) -> None:
    """Every id a layer cites must be in the merged data; raises DataError with every problem
    of every layer, in file order. A later layer replaces records but never removes one, so
    a reference that resolved once still does."""
    # A measurement names what it measures, which only targets define: known as long as
    # some target measures it.
    known = {**merged, "measures": {t.measure: t for t in merged.get("targets", {}).values()}}
    for layer in layers:
        for collection, ident, path in layer.checker.references:
            if ident not in known.get(collection, {}):
                layer.checker.problem(path, _UNKNOWN[collection], value=quoted(ident))
    problems = [problem for layer in layers for problem in layer.checker.problems]
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


class Checked(NamedTuple):
    """One layer as `digiday validate` lists it: its file, what it adds or replaces in the
    data laid before it, and the date its maker gives."""

    file: str
    summary: Summary
    data_as_of: str | None


def validate(files: Sequence[str], under: Sequence[str] = ()) -> list[Checked]:
    """Check `files`, each laid over the bundled data and the `under` files and the files
    before it; raises DataError listing every problem of every file."""
    files = [files] if isinstance(files, str) else list(files)  # one path, not its letters
    layers = [_user_layer(path) for path in (*under, *files)]
    summaries = _laid(_bundled().merged, layers)[1][len(under) :]
    mine = layers[len(under) :]
    return [
        Checked(path, summary, layer.data_as_of)
        for path, summary, layer in zip(files, summaries, mine, strict=True)
    ]


def calendar_revisions() -> tuple[dict[int, tuple[str, int, str]], tuple[str, int, str]]:
    """Each year's calendar event revision as bundled (digest, sequence, modified), and
    that of every year not listed (see render/ics.py)."""
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
