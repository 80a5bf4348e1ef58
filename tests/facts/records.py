"""The bundled records the fact tests look up: each found by its id (a missing one fails the
test that asked, naming the id), and every reader-facing text of the data."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from digiday.core.model import (
    Agency,
    Dataset,
    Document,
    Edition,
    Entry,
    Measurement,
    Source,
    Target,
    Text,
)

Record = TypeVar("Record")


def _by_id(records: Mapping[Any, Record], ident: str) -> Record:
    found = [item for item in records.values() if getattr(item, "id", None) == ident]
    assert found, ident
    return found[0]


def edition(bundled: Dataset, year: int) -> Edition:
    found = bundled.editions.get(year)
    assert found is not None, year
    return found


def entry(bundled: Dataset, section: str, ident: str) -> Entry:
    return next(item for item in bundled.info[section] if item.id == ident)


def agency(bundled: Dataset, ident: str) -> Agency:
    return _by_id(bundled.agencies, ident)


def source(bundled: Dataset, ident: str) -> Source:
    return _by_id(bundled.sources, ident)


def document(bundled: Dataset, ident: str) -> Document:
    return _by_id(bundled.documents, ident)


def measurement(bundled: Dataset, ident: str) -> Measurement:
    return _by_id(bundled.measurements, ident)


def target(bundled: Dataset, ident: str) -> Target:
    return _by_id(bundled.targets, ident)


def present(text: Text | None) -> Text:
    assert text is not None
    return text


def texts(value: object) -> Iterator[Text]:
    """Every reader-facing text of a record, or of a whole dataset."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from texts(item)


def all_texts(bundled: Dataset) -> list[Text]:
    """Every reader-facing text of the data but its sources' (which quote the pages)."""
    return list(texts(bundled._replace(sources={})))
