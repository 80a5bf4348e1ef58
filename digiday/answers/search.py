"""Search all content in both languages, with or without Vietnamese diacritics.

A query word typed without diacritics is compared with text folded the same way (NFD, marks
dropped, đ→d, casefold), so `chuyen doi so` finds `chuyển đổi số`. A word typed with
diacritics is compared with the text as written, ignoring case only, so `số` does not find
`sơ`. Every word must appear (AND) in the same language of the same piece.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, cast

from digiday.answers.sources import ref
from digiday.core.model import LANGS, Agency, Dataset, Edition, Lang, Text
from digiday.errors import fail
from digiday.l10n.translate import N_

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.store.loader import Data

# Search folds all content on every run, so folding is start-up: the work is done by regular
# expressions, in C, and only the few characters that are not ASCII are looked at one by one.
_VIETNAMESE_MARKS = re.compile("[\u0300-\u036f]")  # what Vietnamese letters decompose into
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lower-case text without diacritics (combining marks): `Đài Truyền hình` ->
    `dai truyen hinh`."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    unmarked = _VIETNAMESE_MARKS.sub("", decomposed)
    marks = {c for c in _NOT_ASCII.findall(unmarked) if unicodedata.combining(c)}
    if marks:  # marks of other scripts
        unmarked = "".join(c for c in unmarked if c not in marks)
    return unmarked.casefold()


_ONE_TO_ONE: dict[str, bool] = {}


def _one_to_one(text: str) -> bool:
    """Whether folding, and ignoring case, turn each character of `text` into exactly one
    (ASCII letters always do; `ß` → `ss`, `İ` → `i̇`, a lone mark → nothing do not)."""
    for character in set(_NOT_ASCII.findall(text)):
        if character not in _ONE_TO_ONE:
            _ONE_TO_ONE[character] = len(fold(character)) == len(exact(character)) == 1
        if not _ONE_TO_ONE[character]:
            return False
    return True


def exact(text: str) -> str:
    """Text as written, ignoring case: the comparison for words typed with diacritics."""
    return unicodedata.normalize("NFC", text).casefold()


def has_diacritics(word: str) -> bool:
    return fold(word) != exact(word)


MAX_WORDS = 32


def words(query: Sequence[str]) -> list[str]:
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
            yield Piece(section, ref("info", section, entry.id), entry.title, entry.text)
    for agency in data.agencies.values():
        parts = [*agency.tasks, *([agency.change] if agency.change else [])]
        body = Text(
            vi=" ".join(part.vi for part in parts),
            en=" ".join(part.en for part in parts),
        )
        yield Piece("agencies", ref("agencies", agency.id), _agency_name(agency), body)
    for theme in data.themes.values():
        yield Piece("themes", ref("themes", theme.year), None, theme.theme)
    for edition in data.editions.values():
        parts = _edition_texts(edition)
        if parts:
            body = Text(vi=" ".join(p.vi for p in parts), en=" ".join(p.en for p in parts))
            yield Piece("editions", ref("editions", edition.year), None, body)
    for document in data.documents.values():
        number = Text(document.number, document.number)
        yield Piece("documents", ref("documents", document.id), number, document.title)
    yield from _target_pieces(data)
    for source in data.sources.values():
        label = f"{source.title} ({source.publisher})" if source.publisher else source.title
        label = f"{label} {source.id}"
        yield Piece("sources", ref("sources", source.id), None, Text(label, label))


def _agency_name(agency: Agency) -> Text:
    """`Thông tấn xã Việt Nam (TTXVN, VNA)`, `Vietnam News Agency (VNA, TTXVN)`: each name
    with its own language's abbreviation first and the other language's after it where it
    differs, so that `TTXVN` finds the agency, and shows why, in English too."""
    short = agency.abbreviation
    if short is None:
        return agency.name
    names = {}
    for lang in LANGS:
        own, other = short.get(lang), short.get("en" if lang == "vi" else "vi")
        given = [name for name in dict.fromkeys((own, other)) if name]
        names[lang] = agency.name.get(lang) + (f" ({', '.join(given)})" if given else "")
    return Text(vi=names["vi"], en=names["en"])


def _target_pieces(data: Dataset) -> Iterator[Piece]:
    """Each target, by its indicator, with what it is and which document sets it; each
    measurement, by what it measured, its figure and who gave it."""
    from digiday.l10n import translate

    numbers = {document.id: document.number for document in data.documents.values()}
    indicators: dict[str, Text] = {}
    for target in data.targets.values():
        indicators.setdefault(target.measure, target.indicator)
        words = {}
        for lang in LANGS:
            parts = (
                translate.target_words(target, lang),
                str(target.year),
                numbers.get(target.document, target.document),
            )
            words[lang] = ", ".join(part for part in parts if part)
        yield Piece("targets", ref("targets", target.id), target.indicator, Text(**words))
    for measured in data.measurements.values():
        words = {}
        for lang in LANGS:
            kind = translate.kind(measured.kind, lang)
            lead = f"{translate.measured_figure(measured, lang)} ({measured.year}, {kind}):"
            note = measured.note.get(lang) if measured.note is not None else ""
            words[lang] = " ".join(part for part in (lead, measured.by.get(lang), note) if part)
        indicator = indicators.get(measured.measure)
        yield Piece("measurements", ref("measurements", measured.id), indicator, Text(**words))


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
_LETTER = r"[^\W_]"  # a letter or digit, in any script
_WORD = re.compile(f"{_LETTER}+")
_LETTER_AT = re.compile(_LETTER)
_BETWEEN = r"[\W_]+"  # what parts words in a row: anything but letters and digits


class _Needle(NamedTuple):
    """One query word, prepared: its words (more than one when it holds punctuation, as in
    `505/QĐ-TTg`), compared as written (`exactly`, when typed with diacritics) or folded."""

    words: tuple[str, ...]
    exactly: bool

    def pattern(self) -> re.Pattern[str]:
        """The needle's words in a row (group 1), each either ending a word of the text or
        (four letters or more) followed by the rest of it, caught in a group of its own.

        Several words go inside a lookahead that also checks that the run starts a word, so
        that runs which overlap are all found. One word cannot overlap another match, and
        starts with itself, which lets the regex engine skip to where it stands; whether it
        starts a word is checked by `runs`."""
        parts = [
            re.escape(word) + (f"({_LETTER}*)" if len(word) >= PREFIX_LETTERS else "()")
            for word in self.words
        ]
        if len(parts) == 1:
            return re.compile(f"({parts[0]})(?!{_LETTER})")
        return re.compile(f"(?<!{_LETTER})(?=({_BETWEEN.join(parts)})(?!{_LETTER}))")


def _needle(term: str) -> _Needle:
    exactly = has_diacritics(term)
    how = exact if exactly else fold
    return _Needle(
        tuple(how(word) for word in _WORD.findall(unicodedata.normalize("NFC", term))), exactly
    )


def _needles(terms: list[str]) -> list[tuple[_Needle, re.Pattern[str]]]:
    """Each distinct query word that has letters or digits, prepared once."""
    return _prepared_needles(tuple(terms))


@functools.lru_cache(maxsize=16)  # the same query highlights every result of a search
def _prepared_needles(terms: tuple[str, ...]) -> list[tuple[_Needle, re.Pattern[str]]]:
    needles = sorted({needle for needle in map(_needle, terms) if needle.words})
    return [(needle, needle.pattern()) for needle in needles]


def _same(word: str, wanted: str) -> bool:
    return word == wanted or (len(wanted) >= PREFIX_LETTERS and word.startswith(wanted))


class _Tokens:
    """A text, compared both ways on demand."""

    def __init__(self, text: str) -> None:
        self.text = unicodedata.normalize("NFC", text)
        self._compared: dict[bool, str] = {}
        self._one_to_one: bool | None = None
        self._words_cache: dict[bool, list[tuple[str, int, int]]] = {}

    def compared(self, exactly: bool) -> str:
        """The whole text as it is compared: folded, or as written ignoring case."""
        if exactly not in self._compared:
            self._compared[exactly] = (exact if exactly else fold)(self.text)
        return self._compared[exactly]

    def one_to_one(self) -> bool:
        """Whether comparing turns each character into exactly one character."""
        if self._one_to_one is None:
            self._one_to_one = _one_to_one(self.text)
        return self._one_to_one

    def runs(self, needle: _Needle, pattern: re.Pattern[str]) -> Iterator[tuple[int, int, bool]]:
        """Where the needle's words stand in a row: (start, end, whole), with `whole` false
        when some word matched only by its start.

        Folding nearly always turns each character into one character (Vietnamese letters
        do); then the compared text's words and offsets are the text's, and one search of
        it, in C, does the work: search compares all content on every run, so this is
        start-up. Only text such as `ß` needs each word compared alone.
        """
        compared = self.compared(needle.exactly)
        if self.one_to_one():
            for match in pattern.finditer(compared):
                start = match.start(1)
                if start and _LETTER_AT.match(compared, start - 1):
                    continue  # inside a word, not at its start
                yield start, match.end(1), not any(match.groups()[1:])
            return
        words = self._words(needle.exactly)
        wanted = needle.words
        size = len(wanted)
        # Each place stops at its first word that differs, which is nearly always its first:
        # the cost is the text's words, not their product with the query's (a 5,000-part
        # query word over a 150,000-word text took near a minute when each place paired them).
        for first in range(len(words) - size + 1):
            whole = True
            for offset, want in enumerate(wanted):
                word = words[first + offset][0]
                if word != want:
                    if not _same(word, want):
                        break
                    whole = False
            else:
                yield words[first][1], words[first + size - 1][2], whole

    def _words(self, exactly: bool) -> list[tuple[str, int, int]]:
        """The text's words as compared, with their offsets in the text: made once, for
        every needle, and each distinct word folded once (folding is the costly part)."""
        if exactly not in self._words_cache:
            how = exact if exactly else fold
            found = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(self.text)]
            compared = {word: how(word) for word in {word for word, _, _ in found}}
            self._words_cache[exactly] = [(compared[w], start, end) for w, start, end in found]
        return self._words_cache[exactly]


def _match(text: str, needles: list[tuple[_Needle, re.Pattern[str]]]) -> bool | None:
    """None when some needle is missing; else whether every needle matched a whole word."""
    tokens = _Tokens(text)
    # A word cannot match where its letters do not stand at all: most pieces end here, cheaply.
    if not all(n.words[0] in tokens.compared(n.exactly) for n, _ in needles):
        return None
    whole = True
    for needle, pattern in needles:
        runs = [run_whole for _, _, run_whole in tokens.runs(needle, pattern)]
        if not runs:
            return None
        whole = whole and any(runs)
    return whole


class Hit(NamedTuple):
    piece: Piece
    in_title: bool
    whole: bool = True  # every word matched whole, not only as the start of a longer one


def haystacks(piece: Piece, lang: Lang) -> tuple[str, str]:
    """The texts a piece is searched in: all of it (the ref too: agencies/vtv,
    sources/omicall-article are searchable, not shown), and its title."""
    title = piece.title.get(lang) if piece.title else ""
    return f"{piece.ref}\n{title}\n{piece.body.get(lang)}", title


def hits(data: Dataset, terms: list[str]) -> list[Hit]:
    """Every piece holding all `terms` as words; name and title matches first, then whole-word
    matches before prefix matches, otherwise in the data's order."""
    needles = _needles(terms)
    if not needles:
        return []
    hits = []
    for piece in pieces(data):
        for lang in LANGS:
            whole_text, title = haystacks(piece, lang)
            whole = _match(whole_text, needles)
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
        for needle, pattern in _needles(terms)
        for start, end, _ in tokens.runs(needle, pattern)
    )


def result_text(piece: Piece, lang: Lang) -> str:
    """The text a piece shows as a result, in `lang`."""
    title = piece.title.get(lang) if piece.title else ""
    body = piece.body.get(lang)
    return f"{title}: {body}" if title else body


def search(data: Data, query: Sequence[str], lang: Lang) -> list[payloads.Hit]:
    """Every piece of content holding all the words of `query` (however the shell split
    them), as results in `lang`; none when nothing matches."""
    terms = words(query)
    if not terms:
        fail(N_("give at least one word to search for, e.g. digiday search digital economy"))
    if len(terms) > MAX_WORDS:
        fail(
            N_("too many words to search for ({count}); at most {limit}"),
            count=len(terms),
            limit=MAX_WORDS,
        )
    return [
        {
            "section": cast("payloads.HitSection", hit.piece.section),  # pieces' own
            "ref": hit.piece.ref,
            "text": result_text(hit.piece, lang),
        }
        for hit in hits(data.dataset, terms)
    ]
