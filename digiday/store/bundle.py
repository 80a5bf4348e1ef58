"""The bundled data files, and the codec of BUNDLE: the records checked and merged at build
time (`loader.pack`), in marshal's format, read by loader.py when a wheel carries it. It keeps
each record type's field names, so a bundle made for another model is refused, never read
into the wrong fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from digiday.core.model import RECORDS

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from digiday.store.yamlsafe import Parsed

BUNDLED_FILES = (
    "info.yaml",
    "agencies.yaml",
    "themes.yaml",
    "editions.yaml",
    "documents.yaml",
    "targets.yaml",
    "sources.yaml",
)
META = "meta.yaml"
BUNDLE = "bundled.marshal"  # made by loader.pack at build time


def parse_folder(folder: Path | Traversable) -> dict[str, Parsed]:
    """Every bundled file in `folder`, parsed as strictly as a user's, by file name."""
    from digiday.store.yamlsafe import parse

    return {
        name: parse((folder / name).read_text(encoding="utf-8")) for name in (*BUNDLED_FILES, META)
    }


def _plain(value: Any) -> Any:
    """`value` in marshal's terms: each tuple tagged with its record type's name, or ""."""
    if isinstance(value, tuple):
        tag = type(value).__name__ if type(value) in RECORDS.values() else ""
        return (tag, *map(_plain, value))
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _from_plain(value: Any) -> Any:
    """The inverse of `_plain`."""
    if type(value) is tuple:
        items = [_from_plain(item) for item in value[1:]]
        return RECORDS[value[0]](*items) if value[0] else tuple(items)
    if type(value) is dict:
        return {key: _from_plain(item) for key, item in value.items()}
    return value


def _fields() -> dict[str, tuple[str, ...]]:
    return {name: cls._fields for name, cls in RECORDS.items()}  # type: ignore[attr-defined]


def pack(bundled: tuple[Any, ...]) -> bytes:
    """`bundled` (loader._Bundled's fields, the records first) in marshal's format, after the
    record types' field names: built in, it costs less than pickle's import alone."""
    import marshal

    merged, *rest = bundled
    return marshal.dumps((_fields(), _plain(merged), *rest), 4)  # read alike since Python 3.4


def unpack(packed: bytes) -> tuple[Any, ...] | None:
    """The inverse of `pack`; None for bytes not in its format, or of other records' fields."""
    import marshal

    try:
        fields, merged, data_as_of, *rest = marshal.loads(packed)
        if fields == _fields() and type(merged) is dict and type(data_as_of) is str:
            return (_from_plain(merged), data_as_of, *rest)
    except (ValueError, EOFError, TypeError, KeyError, IndexError):  # not in our format
        pass
    return None
