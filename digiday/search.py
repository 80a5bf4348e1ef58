"""Search all content in both languages, with or without Vietnamese diacritics.

A query word typed without diacritics is compared with text folded the same way (NFD, marks
dropped, đ→d, casefold), so `chuyen doi so` finds `chuyển đổi số`. A word typed with
diacritics is compared with the text as written, ignoring case only, so `số` does not find
`sơ`. Every word must appear (AND) in the same language of the same piece.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from typing import NamedTuple

from digiday.model import LANGS, Dataset, Lang, Text


def fold(text: str) -> str:
    """Lower-case text without diacritics: `Đài Truyền hình` -> `dai truyen hinh`."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def exact(text: str) -> str:
    """Text as written, ignoring case: the comparison for words typed with diacritics."""
    return unicodedata.normalize("NFC", text).casefold()


def has_diacritics(word: str) -> bool:
    return fold(word) != exact(word)


MAX_WORDS = 32


def words(query: list[str]) -> list[str]:
    """The query's words, however the shell split them."""
    return [word for part in query for word in part.split()]


class Piece(NamedTuple):
    """One searchable piece of content. `title` ranks above `body` when it matches."""

    section: str
    ref: str
    title: Text | None
    body: Text


class Hit(NamedTuple):
    piece: Piece
    in_title: bool


def pieces(data: Dataset) -> Iterator[Piece]:
    for section, entries in data.info.items():
        for entry in entries:
            yield Piece(section, f"info/{section}/{entry.id}", entry.title, entry.text)
    for agency in data.agencies:
        parts = [*agency.tasks, *([agency.change] if agency.change else [])]
        body = Text(
            vi=" ".join(part.vi for part in parts),
            en=" ".join(part.en for part in parts),
        )
        abbreviation = f" ({agency.abbreviation})" if agency.abbreviation else ""
        name = Text(agency.name.vi + abbreviation, agency.name.en + abbreviation)
        yield Piece("agencies", f"agencies/{agency.id}", name, body)
    for theme in data.themes:
        yield Piece("themes", f"themes/{theme.year}", None, theme.theme)
    for document in data.documents:
        number = Text(document.number, document.number)
        yield Piece("documents", f"documents/{document.id}", number, document.title)
    for source in data.sources:
        label = f"{source.title} ({source.publisher})" if source.publisher else source.title
        yield Piece("sources", f"sources/{source.id}", None, Text(label, label))


class _Needle(NamedTuple):
    text: str  # the word as it is compared
    exactly: bool  # typed with diacritics: compare with the text as written


def _needles(terms: list[str]) -> list[_Needle]:
    """Each distinct word, prepared once for comparing."""
    needles = {
        _Needle(exact(term), True) if has_diacritics(term) else _Needle(fold(term), False)
        for term in terms
    }
    return sorted(needles)


def _contains_all(text: str, needles: list[_Needle]) -> bool:
    folded, written = fold(text), exact(text)
    return all(needle.text in (written if needle.exactly else folded) for needle in needles)


def search(data: Dataset, terms: list[str]) -> list[Hit]:
    """Every piece containing all `terms`; matches in a name or title first, then in order."""
    needles = _needles(terms)
    hits = []
    for piece in pieces(data):
        for lang in LANGS:
            title = piece.title.get(lang) if piece.title else ""
            if _contains_all(f"{title}\n{piece.body.get(lang)}", needles):
                hits.append(Hit(piece, bool(title) and _contains_all(title, needles)))
                break
    return sorted(hits, key=lambda hit: not hit.in_title)


def _folded_with_owners(text: str, how: Callable[[str], str]) -> tuple[str, list[int]]:
    """`text` folded by `how`, and for each folded character the index it came from.

    Nearly always each character folds to exactly one (Vietnamese letters do), and then the
    mapping is the identity; only text with, say, `ß` (`ss`) needs the walk.
    """
    whole = how(text)
    if len(whole) == len(text):
        return whole, list(range(len(text)))
    parts: list[str] = []
    owners: list[int] = []
    for index, char in enumerate(text):
        folded = how(char)
        parts.append(folded)
        owners.extend([index] * len(folded))
    return "".join(parts), owners


def spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where in `text` (NFC) the terms match, as (start, end) offsets into it.

    Folding can change a character's length (NFD splits it, casefold may lengthen it), so
    each character is folded alone and the folded offsets are mapped back.
    """
    text = unicodedata.normalize("NFC", text)
    found = []
    for term in terms:
        how = exact if has_diacritics(term) else fold
        haystack, owners = _folded_with_owners(text, how)
        needle = how(term)
        start = haystack.find(needle) if needle else -1
        while start != -1:
            found.append((owners[start], owners[start + len(needle) - 1] + 1))
            start = haystack.find(needle, start + len(needle))
    return found


def display(hit: Hit, lang: Lang) -> str:
    """The text a result shows, in the reader's language."""
    title = hit.piece.title.get(lang) if hit.piece.title else ""
    body = hit.piece.body.get(lang)
    return f"{title}: {body}" if title else body
