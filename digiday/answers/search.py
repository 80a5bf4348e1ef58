"""`search`: every record holding all the words of a query, in either language.

A query word typed without diacritics is compared with words folded the same way (NFD, marks
dropped, đ→d, casefold), so `chuyen doi so` finds `chuyển đổi số`; one typed with them is
compared with the words as written, ignoring case only, so `số` does not find `sơ`. A word of
four letters or more also finds the words it starts; a word holding punctuation
(`505/QĐ-TTg`) finds the same words in a row.

Each record is searched in both languages at once, with the word that names what it is
(theme / chủ đề, target / mục tiêu, ...): the same question finds the same records in either
language. Records whose words stand in a row come first, then those matched in a name or
title, then whole words before prefixes; those found only through an id come last."""

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, cast

from digiday.answers.sources import ref
from digiday.core import schedule
from digiday.core.model import LANGS, Agency, Dataset, Edition, Lang, Text
from digiday.errors import fail
from digiday.l10n import translate
from digiday.l10n.translate import N_, fold, measured_figure, ordinal, tr
from digiday.store.loader import bundled_folds

if TYPE_CHECKING:
    from digiday.answers import payloads
    from digiday.store.loader import Data

MAX_WORDS = 32  # words in a query, counted as compared: `505/QĐ-TTg` is three
PREFIX_LETTERS = 4  # a query word this long also matches the start of a longer word
_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits, in any script
FIELDS = " · "  # between the parts of a record that are shown as one text


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


def needles(terms: Sequence[str]) -> tuple[Needle, ...]:
    """The query's words as compared; a word with no letter or digit is none."""
    return _needles(tuple(terms))


@functools.lru_cache(maxsize=8)  # the same query highlights every result of a search
def _needles(terms: tuple[str, ...]) -> tuple[Needle, ...]:
    found = []
    for term in terms:
        exactly = fold(term) != exact(term)
        how = exact if exactly else fold
        parts = tuple(how(word) for word in _WORD.findall(unicodedata.normalize("NFC", term)))
        if parts:
            found.append(Needle(parts, exactly))
    return tuple(found)


_LETTER = r"[^\W_]"  # a letter or digit, in any script
# Comparing (fold, exact) keeps each character of Latin, Vietnamese and punctuation one
# character of the same kind (a letter, or not), but for these few: a text holding none of
# them, and nothing else, is compared whole, in C, at the same offsets. Any other text (a
# lone mark, which folding drops, joining two words; `ß`, `İ`; another script) is compared
# word by word. tests/answers/test_search.py checks the list against the two functions.
_NOT_KEPT = re.compile("[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]|[ßİŉǰẖẗẘẙẚẞ]")
_BETWEEN = r"(?:[^\w\n]|_)+"  # what parts words in a row: no letter, digit or line break


@functools.lru_cache(maxsize=64)
def _pattern(needle: Needle) -> re.Pattern[str]:
    """The needle's words in a row (group 1), each whole, or (four letters or more) followed
    by the rest of a word, caught in a group of its own. Several words go in a lookahead, so
    that runs which overlap are all found; one word cannot overlap another, and as the
    pattern's start it lets the regex engine skip to where it stands."""
    parts = [
        re.escape(word) + (f"({_LETTER}*)" if len(word) >= PREFIX_LETTERS else "()")
        for word in needle.words
    ]
    if len(parts) == 1:
        return re.compile(f"({parts[0]})(?!{_LETTER})")
    return re.compile(f"(?<!{_LETTER})(?=({_BETWEEN.join(parts)})(?!{_LETTER}))")


class _Text:
    """A text (NFC), compared both ways on demand: whole, in C, wherever folding keeps it
    letter for letter (Vietnamese does); else word by word."""

    def __init__(self, text: str) -> None:
        self.text = text  # NFC: the data's texts are (store/schema.py)
        self._whole: dict[bool, str] = {}
        self._places: dict[Needle, list[tuple[int, int, bool]]] = {}
        self._kept: bool | None = None  # whether comparing keeps it letter for letter

    def whole(self, exactly: bool) -> str:
        """The whole text as compared."""
        if exactly not in self._whole:
            ascii_only = self.text.isascii()
            how = str.casefold if ascii_only else exact if exactly else fold
            self._whole[exactly] = how(self.text)
        return self._whole[exactly]

    def places(self, needle: Needle) -> list[tuple[int, int, bool]]:
        """Where the needle's words stand in a row, as (start, end, whole), with `whole`
        false where one matched only by its start."""
        if needle not in self._places:
            self._places[needle] = self._find(needle)
        return self._places[needle]

    def _find(self, needle: Needle) -> list[tuple[int, int, bool]]:
        whole = self.whole(needle.exactly)
        if needle.words[0] not in whole:  # the cheap answer: its first word stands nowhere
            return []
        if self._kept is None:
            self._kept = not _NOT_KEPT.search(self.text)
        if self._kept:
            return [
                (m.start(1), m.end(1), not any(m.groups()[1:]))
                for m in _pattern(needle).finditer(whole)
                if not (m.start(1) and _WORD.match(whole, m.start(1) - 1))  # inside a word
            ]
        return self._word_by_word(needle)

    def _word_by_word(self, needle: Needle) -> list[tuple[int, int, bool]]:
        how = exact if needle.exactly else fold
        words = [(how(m.group()), m.start(), m.end()) for m in _WORD.finditer(self.text)]
        size, found = len(needle.words), []
        # Each place stops at its first word that differs, nearly always its first: the cost
        # is the text's words, not their product with the needle's.
        for first in range(len(words) - size + 1):
            whole_words = True
            for offset, wanted in enumerate(needle.words):
                word, start, _ = words[first + offset]
                if offset and "\n" in self.text[words[first + offset - 1][2] : start]:
                    break
                if word != wanted:
                    if len(wanted) < PREFIX_LETTERS or not word.startswith(wanted):
                        break
                    whole_words = False
            else:
                found.append((words[first][1], words[first + size - 1][2], whole_words))
        return found


def in_a_row(text: _Text, places: list[list[tuple[int, int, bool]]]) -> int | None:
    """Where the first place starts at which each needle's run follows the one before it,
    word after word on one line, or None."""
    chains = {end: start for start, end, _ in places[0]}  # a run's end: where its chain starts
    for later in places[1:]:
        ends = {start: end for start, end, _ in later}
        followed = {}
        for end, origin in chains.items():
            after = _WORD.search(text.text, end)  # the next word
            if after and after.start() in ends and "\n" not in text.text[end : after.start()]:
                followed[ends[after.start()]] = origin
        chains = followed
    return min(chains.values(), default=None)


class Piece(NamedTuple):
    """One searchable record: what it is (`label`, in each language), its name or title, the
    parts of its content, and its ids (its ref; a source's id)."""

    section: str
    ref: str
    label: Text
    title: Text | None
    body: tuple[Text, ...]
    ids: str


def lines(data: Dataset) -> Iterator[str]:
    """Every text search compares, for the wheel's build to fold once (store/loader.py's
    `pack`): folding them on every search cost it more than the rest of its answer."""
    for piece in pieces(data):
        for text in (*_named(piece), *piece.body):
            yield from text


def _named(piece: Piece) -> tuple[Text, ...]:
    return (piece.label, piece.title) if piece.title else (piece.label,)


@functools.cache  # one per kind of record, in a run
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
        n, year, at = schedule.edition(edition.year), edition.year, ref("editions", edition.year)
        said = N_("{ordinal} edition {year}")
        label = Text(*(tr(said, lang, ordinal=ordinal(n, lang), year=year) for lang in LANGS))
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
        said = (translate.target_words(target, lang) for lang in LANGS)
        number, at = numbers.get(target.document, ""), ref("targets", target.id)
        text = Text(*(f"{told + ', ' if told else ''}{target.year}, {number}" for told in said))
        yield Piece("targets", at, _labelled(N_("target")), target.indicator, (text,), at)
    for measured in data.measurements.values():
        told = ((measured_figure(measured, la), translate.kind(measured.kind, la)) for la in LANGS)
        figure = Text(*(f"{value} ({measured.year}, {kind})" for value, kind in told))
        body = (figure, measured.by, *([measured.note] if measured.note else []))
        at, label = ref("measurements", measured.id), _labelled(N_("figure"))
        yield Piece("measurements", at, label, indicators.get(measured.measure), body, at)


class Hit(NamedTuple):
    piece: Piece
    # Sorted on: found only through an id; words not in a row; not all in the name or
    # title; some only as the start of a longer word.
    rank: tuple[bool, bool, bool, bool]


def _rank(
    piece: Piece, texts: list[tuple[_Text, bool]], wanted: tuple[Needle, ...]
) -> tuple[bool, bool, bool, bool] | None:
    """How well `piece`, whose texts are `texts` (each marked when it names the piece),
    holds every needle (see Hit), or None when it does not."""
    ids, in_title, whole = _Text(piece.ids), True, True
    for needle in wanted:
        found = [(titled, run) for text, titled in texts for run in text.places(needle)]
        if not found:
            return (True, True, True, True) if ids.places(needle) else None
        in_title = in_title and any(titled for titled, _ in found)
        whole = whole and any(run[2] for _, run in found)
    in_row = len(wanted) == 1 or any(
        in_a_row(text, [text.places(needle) for needle in wanted]) is not None for text, _ in texts
    )
    return (False, not in_row, not in_title, not whole)


def _texts(piece: Piece) -> list[tuple[_Text, bool]]:
    """A piece as searched: its name (label and title), then its body, each in both
    languages, a text to a line, folded (few texts, and few searches of them, do the work);
    each marked when it names the piece."""
    folds, texts = _folds(), []
    for part, named in ((_named(piece), True), (piece.body, False)):
        lines = [line for text in part for line in dict.fromkeys(text)]
        if lines:
            text = _Text("\n".join(lines))
            for line in lines:
                if line not in folds:
                    folds[line] = line.casefold() if line.isascii() else fold(line)
            text._whole[False] = "\n".join([folds[line] for line in lines])
            texts.append((text, named))
    return texts


def hits(data: Dataset, terms: list[str]) -> list[Hit]:
    """Every piece holding all `terms` as words, best first (see Hit), else in the data's
    order."""
    wanted = needles(terms)
    found = []
    for piece in pieces(data) if wanted else ():
        group = _texts(piece)
        # The cheap answer, for nearly every piece: a needle that stands nowhere in it.
        said = "\n".join([piece.ids, *(text.whole(False) for text, _ in group)])
        if all(n.exactly or n.words[0] in said for n in wanted):
            rank = _rank(piece, group, wanted)
            if rank is not None:
                found.append(Hit(piece, rank))
    return sorted(found, key=lambda hit: hit.rank)


def spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where in `text` (NFC) the terms match, as (start, end) offsets, in order; except that
    the first place where all of them stand in a row, if any, comes first: a snippet starts
    there."""
    said, wanted = _Text(unicodedata.normalize("NFC", text)), needles(terms)
    if said.text in _folds():  # a result just shown
        said._whole[False] = _folds()[said.text]
    ordered = sorted({(start, end) for n in wanted for start, end, _ in said.places(n)})
    first = in_a_row(said, [said.places(n) for n in wanted]) if len(wanted) > 1 else None
    if first is not None:
        ordered.insert(0, ordered.pop([start for start, _ in ordered].index(first)))
    return ordered


@functools.cache
def _folds() -> dict[str, str]:
    """Texts as compared, folded: the bundled data's, made when the wheel was built, and
    those folded since in this run (a user's file; the results shown, see `spans`)."""
    return dict(bundled_folds())


def result_text(piece: Piece, lang: Lang) -> str:
    """What a result shows, in `lang`: its name or title, then its content. Its fold is
    kept for its snippet's highlight (`spans`): folding goes letter by letter, so it is the
    same words with their parts' folds, which search has made already."""
    folds = _folds()

    def shown(title: str, body: list[str]) -> str:
        return f"{title}: {FIELDS.join(body)}" if title and body else title or FIELDS.join(body)

    title = piece.title.get(lang) if piece.title else ""
    body = [text.get(lang) for text in piece.body]
    said = shown(title, body)
    if said not in folds:
        folded = [folds.get(text) or fold(text) for text in (title, *body)]
        folds[said] = shown(folded[0], folded[1:])
    return said


def search(data: "Data", query: Sequence[str], lang: Lang) -> "list[payloads.Hit]":
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
