"""`sources`: every source the data cites and what cites it (`cited_by`), and the refs that
name each item everywhere (search results, `cited_by`): info/SECTION/ID, agencies/ID,
themes/YEAR, editions/YEAR, documents/ID, sources/ID, targets/ID, measurements/ID."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from digiday.core.model import Dataset, Lang
from digiday.errors import fail
from digiday.l10n.translate import N_

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.store.loader import Data


def ref(collection: str, *key: str | int) -> str:
    """`agencies/mic`, `themes/2024`, `info/history/ceremony-2025`: the ref of the item of
    `collection` with `key` (for an info entry, its section and id)."""
    return "/".join([collection, *map(str, key)])


def said(record: Any, lang: Lang, *names: str) -> dict[str, Any]:
    """The fields `names` of `record` as a payload says them: a text in `lang` (None where
    there is none), a tuple as a list."""

    def plain(value: Any) -> Any:
        if hasattr(value, "get"):  # a Text, an Abbreviation
            return value.get(lang)
        return [plain(item) for item in value] if isinstance(value, tuple) else value

    return {name: plain(getattr(record, name)) for name in names}


def edition_sources(data: Dataset, year: int) -> list[str]:
    """Every source a year's Day cites: its theme's, its theme note's (which the theme's
    own sources need not support) and its edition's, each once."""
    theme, edition = data.themes.get(year), data.editions.get(year)
    parts = (edition.year_theme, edition.ceremony, edition.plan, edition.month) if edition else ()
    records = (theme, theme.note if theme else None, *parts)
    return list(dict.fromkeys(source for part in records if part for source in part.sources))


def cited(data: Dataset) -> Iterator[tuple[str, Sequence[str]]]:
    """(ref, source ids) for every item that cites sources, in the order the tool shows them."""
    for section, entries in data.info.items():
        for entry in entries:
            yield ref("info", section, entry.id), entry.sources
    for agency in data.agencies.values():
        yield ref("agencies", agency.id), agency.sources
    for theme in data.themes.values():
        yield ref("themes", theme.year), theme.sources
    # An edition shows its Day's theme too, so the theme's sources count as its own; a year
    # with a theme and no edition record still has an edition (`digiday editions YEAR`).
    for year in sorted(data.themes.keys() | data.editions.keys()):
        yield ref("editions", year), edition_sources(data, year)
    for name in ("documents", "targets", "measurements"):
        for record in getattr(data, name).values():
            yield ref(name, record.id), record.sources


def cited_by(data: Dataset) -> dict[str, list[str]]:
    """Every source id (cited or not) and the refs of the items that cite it."""
    refs: dict[str, dict[str, None]] = {source: {} for source in data.sources}
    for item, ids in cited(data):
        for ident in ids:
            refs.setdefault(ident, {})[item] = None
    return {ident: list(items) for ident, items in refs.items()}


def sources(data: Data, only: object, lang: Lang) -> list[payloads.Source]:
    """Every source, or the one with id `only`, and the refs of the items citing it."""
    dataset = data.dataset
    if only is not None and not (isinstance(only, str) and only in dataset.sources):
        import difflib

        close = difflib.get_close_matches(str(only), dataset.sources)
        message = N_("unknown source id {value} (did you mean {close}? see digiday sources)")
        if not close:
            message = N_("unknown source id {value} (see digiday sources)")
        fail(message, value=str(only), close=", ".join(close))
    refs = cited_by(dataset)
    return [
        {
            "id": source.id,
            "title": source.name(lang),
            "url": source.url,
            "publisher": source.publisher,
            "date": source.date,
            "cited_by": refs[source.id],
        }
        for source in dataset.sources.values()
        if only is None or source.id == only
    ]
