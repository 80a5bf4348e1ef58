"""Which item cites which source: the refs that `sources ID` lists and JSON's `cited_by`.

A ref is the stable path that names an item everywhere (search results, `cited_by`):
info/SECTION/ID, agencies/ID, themes/YEAR, editions/YEAR, documents/ID, sources/ID,
targets/ID, measurements/ID; `ref` makes every one of them.
"""

from __future__ import annotations

from collections.abc import Iterator

from digiday.core.model import Dataset, Edition


def ref(collection: str, *key: str | int) -> str:
    """`agencies/mic`, `themes/2024`, `info/history/ceremony-2025`: the ref of the item of
    `collection` with `key` (for an info entry, its section and id)."""
    return "/".join([collection, *map(str, key)])


def edition_sources(edition: Edition) -> tuple[str, ...]:
    """Every source any part of an edition cites, each once, in the parts' order."""
    parts = (edition.year_theme, edition.theme_note, edition.ceremony, edition.plan, edition.month)
    ordered: dict[str, None] = {}
    for part in parts:
        if part is not None:
            ordered.update(dict.fromkeys(part.sources))
    return tuple(ordered)


def cited(data: Dataset) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(ref, source ids) for every item that cites sources, in the order the tool shows them."""
    for section, entries in data.info.items():
        for entry in entries:
            yield ref("info", section, entry.id), entry.sources
    for agency in data.agencies:
        yield ref("agencies", agency.id), agency.sources
    for theme in data.themes:
        yield ref("themes", theme.year), theme.sources
    # An edition shows its Day's theme too, so the theme's sources count as its own; a year
    # with a theme and no edition record still has an edition (`digiday editions YEAR`).
    for year in sorted({t.year for t in data.themes} | {e.year for e in data.editions}):
        day, edition = data.theme_for(year), data.edition_for(year)
        ids = (*(day.sources if day else ()), *(edition_sources(edition) if edition else ()))
        yield ref("editions", year), ids
    for document in data.documents:
        yield ref("documents", document.id), document.sources


def cited_by(data: Dataset) -> dict[str, list[str]]:
    """Every source id (cited or not) and the refs of the items that cite it."""
    refs: dict[str, list[str]] = {source.id: [] for source in data.sources}
    for ref, ids in cited(data):
        for ident in dict.fromkeys(ids):
            refs.setdefault(ident, []).append(ref)
    return refs
