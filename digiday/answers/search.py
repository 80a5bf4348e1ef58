"""`search`: every record holding all the words of a query, in either language.

A query word typed without diacritics is compared with words folded the same way (NFD, marks
dropped, đ→d, casefold), so `chuyen doi so` finds `chuyển đổi số`; one typed with them is
compared with the words as written, ignoring case only, so `số` does not find `sơ`. A word of
four letters or more also finds the words it starts; a word holding punctuation
(`505/QĐ-TTg`) finds the same words in a row.

Each record is searched in both languages at once, with the word that names what it is
(theme / chủ đề, target / mục tiêu, ...): the same question finds the same records in either
language. Records whose words stand in a row come first, then those matched in a name or
title, then whole words before prefixes; those found only through an id come last.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, cast

from digiday.answers.sources import ref
from digiday.core import schedule
from digiday.core.model import LANGS, Agency, Dataset, Edition, Lang, Text
from digiday.errors import fail
from digiday.l10n import translate
from digiday.l10n.translate import N_, tr

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.store.loader import Data

MAX_WORDS = 32  # words in a query, counted as compared: `505/QĐ-TTg` is three
PREFIX_LETTERS = 4  # a query word this long also matches the start of a longer word
_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits, in any script
_MARKS = re.compile("[\u0300-\u036f]")  # what Vietnamese letters decompose into; others below
FIELDS = " · "  # between the parts of a record that are shown as one text


def fold(text: str) -> str:
    """Lower-case text without diacritics: `Đài Truyền hình` -> `dai truyen hinh`."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    unmarked = _MARKS.sub("", decomposed)
    if not unmarked.isascii():  # marks of other scripts (the common case skips the walk)
        unmarked = "".join(c for c in unmarked if not unicodedata.combining(c))
    return unmarked.casefold()


def exact(text: str) -> str:
    """Text as written, ignoring case: the comparison for words typed with diacritics."""
    return unicodedata.normalize("NFC", text).casefold()


def words(query: Sequence[str]) -> list[str]:
    """The query's words, however the shell split them."""
    return [word for part in query for word in part.split()]


class Needle(NamedTuple):
    """One query word as compared: its words in a row, folded or (typed with diacritics) as
    written."""

    words: tuple[str, ...]
    exactly: bool


def needles(terms: Sequence[str]) -> list[Needle]:
    found = []
    for term in terms:
        exactly = fold(term) != exact(term)
        how = exact if exactly else fold
        parts = tuple(how(word) for word in _WORD.findall(unicodedata.normalize("NFC", term)))
        if parts:
            found.append(Needle(parts, exactly))
    return found


class _Text:
    """A text, compared both ways on demand: whole (to rule it out cheaply) and word by word
    with each word's place in the text (NFC)."""

    def __init__(self, text: str) -> None:
        self.text = unicodedata.normalize("NFC", text)
        self._whole: dict[bool, str] = {}
        self._words: dict[bool, list[tuple[str, int, int]]] = {}
        self._runs: dict[Needle, list[tuple[int, int, bool]]] = {}

    def holds(self, needle: Needle) -> bool:
        """Whether the needle's first word stands anywhere in the text, even inside a word."""
        if needle.exactly not in self._whole:
            self._whole[needle.exactly] = (exact if needle.exactly else fold)(self.text)
        return needle.words[0] in self._whole[needle.exactly]

    def runs(self, needle: Needle) -> list[tuple[int, int, bool]]:
        """Where the needle's words stand in a row, as (first word, last word, whole), with
        `whole` false where one matched only by its start. Each place stops at its first word
        that differs, so the cost is the text's words, not their product with the query's."""
        if needle not in self._runs:
            self._runs[needle] = self._find(needle) if self.holds(needle) else []
        return self._runs[needle]

    def _find(self, needle: Needle) -> list[tuple[int, int, bool]]:
        if needle.exactly not in self._words:
            how = exact if needle.exactly else fold
            found = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(self.text)]
            compared = {word: how(word) for word in {word for word, _, _ in found}}
            self._words[needle.exactly] = [(compared[w], a, b) for w, a, b in found]
        said = self._words[needle.exactly]
        runs = []
        size = len(needle.words)
        for first in range(len(said) - size + 1):
            whole = True
            for offset, wanted in enumerate(needle.words):
                word = said[first + offset][0]
                if word != wanted:
                    if len(wanted) < PREFIX_LETTERS or not word.startswith(wanted):
                        break
                    whole = False
            else:
                runs.append((first, first + size - 1, whole))
        return runs

    def span(self, needle: Needle, first: int, last: int) -> tuple[int, int]:
        """Where words `first` to `last` of the needle's run stand in the text."""
        said = self._words[needle.exactly]
        return said[first][1], said[last][2]


def in_a_row(runs: list[list[tuple[int, int, bool]]]) -> int | None:
    """The first word of the first place where each needle's run follows the one before it,
    or None."""
    ends = {last: first for first, last, _ in runs[0]}
    for later in runs[1:]:
        ends = {last: ends[first - 1] for first, last, _ in later if first - 1 in ends}
    return min(ends.values(), default=None)


class Piece(NamedTuple):
    """One searchable record: what it is (`label`, in each language), its name or title, the
    parts of its content, and its ids (its ref; a source's id)."""

    section: str
    ref: str
    label: Text
    title: Text | None
    body: tuple[Text, ...]
    ids: str


def _labelled(kind: str, key: object = "") -> Text:
    return Text(*(f"{tr(kind, lang)} {key}".strip() for lang in LANGS))


def pieces(data: Dataset) -> Iterator[Piece]:
    """Every record, in the order the data gives them."""
    for section, entries in data.info.items():
        label = Text(*(translate.section_title(section, lang) for lang in LANGS))
        for entry in entries:
            at = ref("info", section, entry.id)
            yield Piece(section, at, label, entry.title, (entry.text,), at)
    for agency in data.agencies.values():
        body = (*agency.tasks, *([agency.change] if agency.change else []))
        at = ref("agencies", agency.id)
        yield Piece("agencies", at, _labelled(N_("agency")), _name(agency), body, at)
    for theme in data.themes.values():
        at = ref("themes", theme.year)
        body = (theme.theme, *([theme.note.text] if theme.note else []))
        yield Piece("themes", at, _labelled(N_("theme"), theme.year), None, body, at)
    for edition in data.editions.values():
        n, year = schedule.edition(edition.year), edition.year
        label = Text(
            *(
                tr(
                    N_("{ordinal} edition {year}"),
                    lang,
                    ordinal=translate.ordinal(n, lang),
                    year=year,
                )
                for lang in LANGS
            )
        )
        at = ref("editions", edition.year)
        yield Piece("editions", at, label, None, _edition_texts(edition), at)
    for document in data.documents.values():
        title = Text(document.number, document.number)
        at = ref("documents", document.id)
        yield Piece("documents", at, _labelled(N_("document")), title, (document.title,), at)
    yield from _target_pieces(data)
    for source in data.sources.values():
        publisher = f" ({source.publisher})" if source.publisher else ""
        name = Text(*(source.name(lang) + publisher for lang in LANGS))
        at = ref("sources", source.id)
        yield Piece("sources", at, _labelled(N_("source")), name, (), f"{at} {source.id}")


def _name(agency: Agency) -> Text:
    """`Thông tấn xã Việt Nam (TTXVN, VNA)`: each name with its own language's abbreviation
    first and the other's after it where it differs, so that `TTXVN` finds it in English too."""
    short = agency.abbreviation
    if short is None:
        return agency.name
    names = []
    for lang in LANGS:
        own, other = short.get(lang), short.get("en" if lang == "vi" else "vi")
        given = [name for name in dict.fromkeys((own, other)) if name]
        names.append(agency.name.get(lang) + (f" ({', '.join(given)})" if given else ""))
    return Text(*names)


def _edition_texts(edition: Edition) -> tuple[Text, ...]:
    """Each part of an edition as one text, labelled as `editions YEAR` labels it, so that
    its name finds it too (`year theme`, `chủ đề năm`)."""
    y, c, p, m = edition.year_theme, edition.ceremony, edition.plan, edition.month
    parts: list[tuple[str, list[Text | None]]] = [
        (N_("Year theme"), [y.text, y.by] if y else []),
        (
            N_("National ceremony"),
            [c.place, c.chaired_by, c.organiser, c.provinces, c.note] if c else [],
        ),
        (N_("Plan"), [p.document, p.issuer, p.note] if p else []),
        (N_("Digital Consumption Month"), [m.text] if m else []),
    ]
    return tuple(
        Text(*(f"{tr(label, lang)}: {_joined(t.get(lang) for t in texts if t)}" for lang in LANGS))
        for label, texts in parts
        if any(texts)
    )


def _joined(texts: Iterable[str]) -> str:
    """Texts in a row: after a sentence, a space; after a fragment, a semicolon."""
    said = ""
    for text in texts:
        said += (" " if said.endswith((".", "!", "?")) else "; " if said else "") + text
    return said


def _target_pieces(data: Dataset) -> Iterator[Piece]:
    """Each target by its indicator, with its words, year and document; each figure measured
    against it by the same indicator, with its figure, who gave it and its note."""
    numbers = {document.id: document.number for document in data.documents.values()}
    indicators: dict[str, Text] = {}
    for target in data.targets.values():
        indicators.setdefault(target.measure, target.indicator)
        said = []
        for lang in LANGS:
            parts = (translate.target_words(target, lang), str(target.year))
            said.append(", ".join((*filter(None, parts), numbers.get(target.document, ""))))
        at = ref("targets", target.id)
        label = _labelled(N_("target"))
        yield Piece("targets", at, label, target.indicator, (Text(*said),), at)
    for measured in data.measurements.values():
        figure = Text(
            *(
                f"{translate.measured_figure(measured, lang)} "
                f"({measured.year}, {translate.kind(measured.kind, lang)})"
                for lang in LANGS
            )
        )
        body = (figure, measured.by, *([measured.note] if measured.note else []))
        at = ref("measurements", measured.id)
        label = _labelled(N_("figure"))
        yield Piece("measurements", at, label, indicators.get(measured.measure), body, at)


class Hit(NamedTuple):
    piece: Piece
    # Sorted on: found only through an id; words not in a row; not all in the name or
    # title; some only as the start of a longer word.
    rank: tuple[bool, bool, bool, bool]


def _rank(piece: Piece, wanted: list[Needle]) -> tuple[bool, bool, bool, bool] | None:
    """How well `piece` holds every needle (see Hit), or None when it does not."""
    named = [piece.label, *([piece.title] if piece.title else [])]
    said = [*named, *piece.body]
    everything = _Text("\n".join([piece.ids, *(text.get(lang) for text in said for lang in LANGS)]))
    if not all(everything.holds(needle) for needle in wanted):
        return None  # the cheap answer, for nearly every piece
    texts = [
        (_Text(text), index < len(named))
        for index, both in enumerate(said)
        for text in dict.fromkeys(both.get(lang) for lang in LANGS)
    ]
    ids, in_title, whole = _Text(piece.ids), True, True
    for needle in wanted:
        found = [(titled, run) for text, titled in texts for run in text.runs(needle)]
        if not found:
            if not ids.runs(needle):
                return None
            return (True, True, True, True)
        in_title = in_title and any(titled for titled, _ in found)
        whole = whole and any(run[2] for _, run in found)
    in_row = len(wanted) == 1 or any(
        in_a_row([text.runs(needle) for needle in wanted]) is not None for text, _ in texts
    )
    return (False, not in_row, not in_title, not whole)


def hits(data: Dataset, terms: list[str]) -> list[Hit]:
    """Every piece holding all `terms` as words, best first (see Hit), else in the data's
    order."""
    wanted = needles(terms)
    found = []
    for piece in pieces(data) if wanted else ():
        rank = _rank(piece, wanted)
        if rank is not None:
            found.append(Hit(piece, rank))
    return sorted(found, key=lambda hit: hit.rank)


def spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where in `text` (NFC) the terms match, as (start, end) offsets, in order; except that
    the first place where all of them stand in a row, if any, comes first: a snippet starts
    there."""
    said, wanted = _Text(text), needles(terms)
    found = {said.span(n, first, last) for n in wanted for first, last, _ in said.runs(n)}
    ordered = sorted(found)
    first = in_a_row([said.runs(needle) for needle in wanted]) if len(wanted) > 1 else None
    if first is not None:
        last = next(end for start, end, _ in said.runs(wanted[0]) if start == first)
        ordered.remove(said.span(wanted[0], first, last))
        ordered.insert(0, said.span(wanted[0], first, last))
    return ordered


def result_text(piece: Piece, lang: Lang) -> str:
    """What a result shows, in `lang`: its name or title, then its content."""
    body = FIELDS.join(text.get(lang) for text in piece.body)
    title = piece.title.get(lang) if piece.title else ""
    return f"{title}: {body}" if title and body else title or body


def search(data: Data, query: Sequence[str], lang: Lang) -> list[payloads.Hit]:
    """Every record holding all the words of `query` (however the shell split them), as
    results in `lang`; none when nothing matches."""
    terms = words(query)
    if not terms:
        fail(N_("give at least one word to search for, e.g. digiday search digital economy"))
    count = sum(len(needle.words) for needle in needles(terms))
    if count > MAX_WORDS:
        fail(
            N_("too many words to search for ({count}); at most {limit}"),
            count=count,
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
