"""Search all content in both languages, with or without Vietnamese diacritics.

A query word typed without diacritics is compared with text folded the same way (NFD, marks
dropped, đ→d, casefold), so `chuyen doi so` finds `chuyển đổi số`. A word typed with
diacritics is compared with the text as written, ignoring case only, so `số` does not find
`sơ`. Every word must appear (AND) in the same language of the same piece.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import NamedTuple

from digiday.model import LANGS, Dataset, Edition, Lang, Text


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
    for edition in data.editions:
        parts = _edition_texts(edition)
        if parts:
            body = Text(vi=" ".join(p.vi for p in parts), en=" ".join(p.en for p in parts))
            yield Piece("editions", f"editions/{edition.year}", None, body)
    for document in data.documents:
        number = Text(document.number, document.number)
        yield Piece("documents", f"documents/{document.id}", number, document.title)
    for source in data.sources:
        label = f"{source.title} ({source.publisher})" if source.publisher else source.title
        label = f"{label} {source.id}"
        yield Piece("sources", f"sources/{source.id}", None, Text(label, label))


def _edition_texts(edition: Edition) -> list[Text]:
    """Every text of an edition, in the order `editions YEAR` shows them."""
    found: list[Text | None] = []
    for note in (edition.theme_note, edition.year_theme):
        if note is not None:
            found += [note.text, note.by]
    if edition.ceremony is not None:
        c = edition.ceremony
        found += [c.place, c.chaired_by, c.organiser, c.provinces, c.note]
    if edition.plan is not None:
        found += [edition.plan.document, edition.plan.issuer, edition.plan.note]
    if edition.month is not None:
        found.append(edition.month.text)
    return [text for text in found if text is not None]


PREFIX_LETTERS = 4  # a query word this long also matches the start of a longer word
_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits, in any script


class _Needle(NamedTuple):
    """One query word, prepared: its words (more than one when it holds punctuation, as in
    `505/QĐ-TTg`), compared as written (`exactly`, when typed with diacritics) or folded."""

    words: tuple[str, ...]
    exactly: bool


def _needle(term: str) -> _Needle:
    exactly = has_diacritics(term)
    how = exact if exactly else fold
    return _Needle(
        tuple(how(word) for word in _WORD.findall(unicodedata.normalize("NFC", term))), exactly
    )


def _needles(terms: list[str]) -> list[_Needle]:
    """Each distinct query word that has letters or digits, prepared once."""
    return sorted({needle for needle in map(_needle, terms) if needle.words})


class _Word(NamedTuple):
    text: str  # folded, or as written ignoring case
    start: int  # where the word stands in the (NFC) text
    end: int


def _words(text: str, how: Callable[[str], str]) -> list[_Word]:
    """The words of `text`, compared `how`, with where each stands in `text`.

    Folding nearly always keeps every character one character (Vietnamese letters do), and
    then one fold of the whole text serves every word; only text such as `ß` needs each word
    folded alone. Search folds every piece of content on every run, so this is start-up.
    """
    whole = how(text)
    if len(whole) == len(text):
        return [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(whole)]
    return [_Word(how(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def _same(word: str, wanted: str) -> bool:
    return word == wanted or (len(wanted) >= PREFIX_LETTERS and word.startswith(wanted))


def _runs(words: list[_Word], needle: _Needle) -> Iterator[tuple[int, int, bool]]:
    """Where the needle's words stand in a row: (start, end, whole) with `whole` false when
    the last word matched only by its start."""
    size = len(needle.words)
    for first in range(len(words) - size + 1):
        run = words[first : first + size]
        if all(_same(word.text, wanted) for word, wanted in zip(run, needle.words, strict=True)):
            whole = all(word.text == wanted for word, wanted in zip(run, needle.words, strict=True))
            yield run[0].start, run[-1].end, whole


class _Tokens:
    """A text's words, folded both ways on demand."""

    def __init__(self, text: str) -> None:
        self.text = unicodedata.normalize("NFC", text)
        self._by: dict[bool, list[_Word]] = {}
        self._compared: dict[bool, str] = {}

    def compared(self, exactly: bool) -> str:
        """The whole text as it is compared: folded, or as written ignoring case."""
        if exactly not in self._compared:
            self._compared[exactly] = (exact if exactly else fold)(self.text)
        return self._compared[exactly]

    def words(self, exactly: bool) -> list[_Word]:
        if exactly not in self._by:
            self._by[exactly] = _words(self.text, exact if exactly else fold)
        return self._by[exactly]


def _match(text: str, needles: list[_Needle]) -> bool | None:
    """None when some needle is missing; else whether every needle matched a whole word."""
    tokens = _Tokens(text)
    # A word cannot match where its letters do not stand at all: most pieces end here, cheaply.
    if not all(n.words[0] in tokens.compared(n.exactly) for n in needles):
        return None
    whole = True
    for needle in needles:
        runs = list(_runs(tokens.words(needle.exactly), needle))
        if not runs:
            return None
        whole = whole and any(run[2] for run in runs)
    return whole


class Hit(NamedTuple):
    piece: Piece
    in_title: bool
    whole: bool = True  # every word matched whole, not only as the start of a longer one


def search(data: Dataset, terms: list[str]) -> list[Hit]:
    """Every piece holding all `terms` as words; name and title matches first, then whole-word
    matches before prefix matches, otherwise in the data's order."""
    needles = _needles(terms)
    if not needles:
        return []
    hits = []
    for piece in pieces(data):
        for lang in LANGS:
            title = piece.title.get(lang) if piece.title else ""
            # The ref is searchable too (agencies/vtv, sources/omicall-article), not shown.
            whole = _match(f"{piece.ref}\n{title}\n{piece.body.get(lang)}", needles)
            if whole is not None:
                in_title = bool(title) and _match(title, needles) is not None
                hits.append(Hit(piece, in_title, whole))
                break
    return sorted(hits, key=lambda hit: (not hit.in_title, not hit.whole))


def spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where in `text` (NFC) the terms match, as (start, end) offsets into it."""
    tokens = _Tokens(text)
    return sorted(
        (start, end)
        for needle in _needles(terms)
        for start, end, _ in _runs(tokens.words(needle.exactly), needle)
    )


def display(hit: Hit, lang: Lang) -> str:
    """The text a result shows, in the reader's language."""
    title = hit.piece.title.get(lang) if hit.piece.title else ""
    body = hit.piece.body.get(lang)
    return f"{title}: {body}" if title else body
