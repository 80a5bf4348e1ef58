"""Quiz questions made from the data: pure functions, no input or output.

Every question is a fact of the data, asked with four options of the same kind (other years'
themes, other bodies, other documents), and every fact cites its sources. A question is
asked only where its answer is the one right option: no two options are the same once
folded (case and diacritics), a task two bodies share is not asked about, and nothing the
data does not know (a year with no known theme, a ceremony not yet held) is asked.

A user's file may hold thousands of records, and each record's question draws from all the
others: nothing here may cost the records times the records (8,000 themes once took five
minutes). Each topic's options are made and folded once, in a `_Pool`, and each question
names only the few records it leaves out of it.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple, TypeVar, overload

from digiday import calendar
from digiday.finder import fold
from digiday.i18n import long_date, ordinal, partial_date
from digiday.l10n import catalogue
from digiday.model import Agency, Dataset, Lang

_Key = TypeVar("_Key")

TOPICS = ("themes", "editions", "agencies", "documents", "purposes")
OPTIONS = 4


class Question(NamedTuple):
    topic: str
    question: str
    options: tuple[str, ...]  # four, in the order asked
    answer: int  # the index of the right option
    fact: str  # the fact itself, said after the answer
    sources: tuple[str, ...]


def _places(keys: Iterable[_Key]) -> dict[_Key, list[int]]:
    """Where each key stands in `keys`, in order."""
    places: dict[_Key, list[int]] = {}
    for position, key in enumerate(keys):
        places.setdefault(key, []).append(position)
    return places


class _Pool:
    """A topic's options in the data's order, each folded once, shared by its questions."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = list(texts)
        self.keys = [fold(text) for text in self.texts]
        self.at = _places(self.keys)
        # Where each folded text first stands: ascending, as dicts keep their order.
        self.firsts = [positions[0] for positions in self.at.values()]

    def without(self, excluded: Iterable[int] = ()) -> _Wrong:
        """The pool less the options at `excluded` (a question's own record, say)."""
        return _Wrong(self, frozenset(excluded))


class _Wrong(NamedTuple):
    pool: _Pool
    excluded: frozenset[int]


class _Distinct(Sequence[str]):
    """The wrong options a question may offer: its pool less the excluded positions, each
    folded text once (where it first stands) and never the right option's.

    The same sequence, in the same order, as filtering and de-duplicating a copy of the
    pool, which is what a quiz's seed has always drawn from; but worked out from the few
    positions that differ from the pool's own de-duplicated order, in time logarithmic in
    the pool, instead of a copy per question."""

    def __init__(self, wrong: _Wrong, right: str) -> None:
        pool, excluded = wrong.pool, wrong.excluded
        self._pool = pool
        removed, added = [], []
        for key in {pool.keys[position] for position in excluded} | {right}:
            positions = pool.at.get(key)
            if positions is None or (key != right and positions[0] not in excluded):
                continue
            removed.append(positions[0])
            if key != right:  # it now first stands at its first place not left out, if any
                later = next((p for p in positions if p not in excluded), None)
                if later is not None:
                    added.append(later)
        self._removed = sorted(removed)
        self._added = sorted(added)
        self._size = len(pool.firsts) - len(removed) + len(added)

    def _rank(self, position: int) -> int:
        """How many options of this sequence stand at `position` or before it."""
        return (
            bisect_right(self._pool.firsts, position)
            - bisect_right(self._removed, position)
            + bisect_right(self._added, position)
        )

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._size))]
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        # The option at `index` is the first position whose rank reaches index + 1: among
        # the pool's first places, or among the later ones that took the place of one left
        # out. A first place that was removed is never the smaller of the two.
        firsts, added = self._pool.firsts, self._added
        found = bisect_left(firsts, index + 1, key=self._rank)
        position = firsts[found] if found < len(firsts) else len(self._pool.texts)
        later = bisect_left(added, index + 1, key=self._rank)
        if later < len(added):
            position = min(position, added[later])
        return self._pool.texts[position]


class _Draft(NamedTuple):
    """A question before its options are drawn: the right one and the pool of wrong ones."""

    topic: str
    question: str
    right: str
    wrong: _Wrong
    fact: str
    sources: tuple[str, ...]


def _ask(draft: _Draft, rng: random.Random) -> Question | None:
    """Four options in a random order, or None when fewer than three wrong options are
    distinct from the right one and from each other once folded."""
    wrong = _Distinct(draft.wrong, fold(draft.right))
    if len(wrong) < OPTIONS - 1:
        return None
    # `sample` picks by position, from the length alone: a sequence that works its items
    # out draws just what a list of the same options would, for the same seed.
    options = [draft.right, *rng.sample(wrong, OPTIONS - 1)]
    rng.shuffle(options)
    return Question(
        draft.topic,
        draft.question,
        tuple(options),
        options.index(draft.right),
        draft.fact,
        draft.sources,
    )


def _themes(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    _ = catalogue(lang).gettext
    themes = [theme for theme in data.themes if theme.theme.get(lang)]
    years = _Pool(str(theme.year) for theme in themes)
    texts = _Pool(theme.theme.get(lang) for theme in themes)
    by_text = Counter(texts.keys)
    same_year = _places(theme.year for theme in themes)
    for position, theme in enumerate(themes):
        text = theme.theme.get(lang)
        if by_text[texts.keys[position]] > 1:
            continue  # the same theme in two years: no one year is the answer
        others = same_year[theme.year]  # left out: every theme of the year asked about
        fact = _("The theme of the Day in {year} was “{theme}”.").format(
            year=theme.year, theme=text
        )
        yield _Draft(
            "themes",
            _("Which year's Day had the theme “{theme}”?").format(theme=text),
            str(theme.year),
            years.without(others),
            fact,
            theme.sources,
        )
        yield _Draft(
            "themes",
            _("What was the theme of the Day in {year}?").format(year=theme.year),
            text,
            texts.without(others),
            fact,
            theme.sources,
        )


def _editions(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    _ = catalogue(lang).gettext
    # The Days whose national ceremony the data dates and places: (year, when and where).
    held = [
        (edition.year, f"{partial_date(c.date, lang)}, {c.place.get(lang)}", c.sources)
        for edition in data.editions
        if (c := edition.ceremony) is not None and c.date is not None and c.place is not None
    ]
    places = _Pool(where for _year, where, _sources in held)
    same_year = _places(year for year, _where, _sources in held)
    # Which edition a year's Day was is a fact of the calendar: the first was on 10 October
    # 2022, as the overview's entry on the editions says, with its sources.
    first = next((e for e in data.info.get("overview", ()) if e.id == "editions"), None)
    for year, where, sources in held:
        edition = calendar.edition(year)
        nth = ordinal(edition, lang)
        yield _Draft(
            "editions",
            _(
                "When and where was the national ceremony of the {ordinal} Day ({year}) held?"
            ).format(ordinal=nth, year=year),
            where,
            places.without(same_year[year]),
            _("The national ceremony of {year} was held on {when}.").format(year=year, when=where),
            sources,
        )
        nearby = [n for n in range(max(1, edition - 3), edition + 4) if n != edition]
        yield _Draft(
            "editions",
            _("Which National Digital Transformation Day was held in {year}?").format(year=year),
            nth,
            _Pool(ordinal(n, lang) for n in nearby).without(),
            _("The Day of {year} was the {ordinal}: the first was on 10 October 2022.").format(
                year=year, ordinal=nth
            ),
            first.sources if first is not None else sources,
        )


_FAMILY = {"media": "press"}  # roles whose work is alike enough to be one for a question


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(text).split())


def _alike(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two texts' words say nearly the same ("Directs its member organisations..."
    and "Direct their member organisations..."): most of their words, folded, are shared.
    (By words, not letters: difflib over every pair of tasks cost a quiz 100 ms.)"""
    return len(ours & theirs) >= 0.6 * len(ours | theirs)


def _alike_to(words: frozenset[str]) -> Callable[[frozenset[str]], bool]:
    """Whether a set no larger than `words` is alike it: each set compared once, though
    two of the lists in `_shared` may hold it."""
    compared: dict[frozenset[str], bool] = {}

    def alike(theirs: frozenset[str]) -> bool:
        if theirs not in compared:
            compared[theirs] = 5 * len(theirs) >= 3 * len(words) and _alike(words, theirs)
        return compared[theirs]

    return alike


def _shared(agencies: Sequence[Agency]) -> set[tuple[int, int]]:
    """The tasks (body, task) that some other body (by id) has too, or nearly (`_alike`).

    Not every task against every other, which was the bodies' tasks squared: two word sets
    that are alike share their rarest common word among the first few of each, rarest
    first (prefix filtering, as similarity joins do). Alike means 5 * shared >= 3 * union
    (what 0.6 comes to, in whole numbers), so a set of n words shares at least 3n/5 of them
    with any set alike it, and at least 3m/4 with one of m <= n words; the rarest common
    word then stands among the first n - ceil(3n/5) + 1 of the larger and the first
    m - ceil(3m/4) + 1 of the smaller. Sets are taken smallest first, each looked for among
    those before it by the first, then filed by the second: common words are seldom filed,
    so few pairs are compared."""
    owners: dict[frozenset[str], set[str]] = {}
    tasks: dict[frozenset[str], list[tuple[int, int]]] = {}
    for body, agency in enumerate(agencies):
        for number, task in enumerate(agency.tasks):
            words = _words(task.en)
            owners.setdefault(words, set()).add(agency.id)
            tasks.setdefault(words, []).append((body, number))
    # The same words for two bodies: shared, with no comparing (the empty set too, which is
    # alike only to itself).
    shared = {words for words, ids in owners.items() if len(ids) > 1}
    frequency = Counter(word for words in owners for word in words)
    # Filed by word, then by the one body whose tasks have those words (None: several), so
    # that a body's own tasks, alike as they may be, are passed over without a look.
    filed: dict[str, dict[str | None, list[frozenset[str]]]] = {}
    # Those not yet known to be shared: once a set is, all it can still change is these, and
    # with many near-duplicates (each shared) this is what keeps the lists short.
    unshared: dict[str, dict[str | None, list[frozenset[str]]]] = {}
    for words in sorted(owners, key=len):
        size = len(words)
        mine = next(iter(owners[words])) if len(owners[words]) == 1 else None
        rarest = sorted(words, key=lambda word: (frequency[word], word))
        alike = _alike_to(words)
        for word in rarest[: size - (3 * size + 4) // 5 + 1]:
            if words not in shared and any(
                alike(theirs)
                for owner, sets in filed.get(word, {}).items()
                if owner != mine
                for theirs in sets
            ):
                shared.add(words)
            if words in shared:
                for owner, sets in unshared.get(word, {}).items():
                    if owner != mine:
                        shared.update(t for t in sets if t not in shared and alike(t))
                        sets[:] = [theirs for theirs in sets if theirs not in shared]
        for word in rarest[: size - (3 * size + 3) // 4 + 1]:
            filed.setdefault(word, {}).setdefault(mine, []).append(words)
            if words not in shared:
                unshared.setdefault(word, {}).setdefault(mine, []).append(words)
    return {task for words in shared for task in tasks[words]}


class _Names:
    """Which bodies' folded names stand anywhere in a folded text: Aho-Corasick, one pass
    over the text whatever the number of names (testing each name in each task was the
    number of bodies times the number of tasks)."""

    def __init__(self, names: Iterable[tuple[str, int]], longest: int) -> None:
        self._always: set[int] = set()  # a name that folds to nothing stands in every text
        self._next: list[dict[str, int]] = [{}]
        self._ends: list[list[int]] = [[]]  # each node: the bodies whose name ends there
        for name, body in names:
            if not name:
                self._always.add(body)
                continue
            if len(name) > longest:
                continue  # longer than any text: it stands in none
            node = 0
            for character in name:
                child = self._next[node].get(character)
                if child is None:
                    child = len(self._next)
                    self._next[node][character] = child
                    self._next.append({})
                    self._ends.append([])
                node = child
            self._ends[node].append(body)
        # Each node's fall-back (the longest proper suffix that is a node), and the nearest
        # node down that chain where a name ends (-1: none), found breadth first.
        self._back = [0] * len(self._next)
        self._output = [-1] * len(self._next)
        queue = deque(self._next[0].values())
        while queue:
            node = queue.popleft()
            for character, child in self._next[node].items():
                queue.append(child)
                back = self._back[node]
                while back and character not in self._next[back]:
                    back = self._back[back]
                back = self._next[back].get(character, 0)
                self._back[child] = back
                self._output[child] = back if self._ends[back] else self._output[back]

    def found(self, text: str) -> set[int]:
        bodies = set(self._always)
        following, back, ends, output = self._next, self._back, self._ends, self._output
        seen: set[int] = set()
        node = 0
        for character in text:
            while node and character not in following[node]:
                node = back[node]
            node = following[node].get(character, 0)
            end = node if ends[node] else output[node]
            while end > 0 and end not in seen:  # a node seen has had its chain taken
                seen.add(end)
                bodies.update(ends[end])
                end = output[end]
        return bodies


def _agencies(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    _ = catalogue(lang).gettext
    agencies = data.agencies
    names = {agency.id: agency.name.get(lang) for agency in agencies}
    by_id = _places(agency.id for agency in agencies)
    before: dict[str, list[str]] = {}  # each body: those whose work it took over
    for agency in agencies:
        if agency.successor is not None:
            before.setdefault(agency.successor, []).append(agency.id)
    shared = _shared(agencies)
    # Each task's text, folded, in which the bodies it names are looked for.
    named = [[fold(f"{task.get(lang)} {task.en}") for task in a.tasks] for a in agencies]
    longest = max((len(text) for texts in named for text in texts), default=0)
    finder = _Names(
        (
            (fold(name), body)
            for body, agency in enumerate(agencies)
            for name in {agency.name.get(lang), agency.name.en}
        ),
        longest,
    )

    def family(agency: Agency) -> str:
        return _FAMILY.get(agency.role, agency.role)

    # One pool per family, of the bodies of every other family (a body of the same kind,
    # whose work is alike, is never offered: the press and the broadcasters, say). Roles
    # are a short fixed list, so these are a few pools, not one per body.
    pools: dict[str, tuple[_Pool, dict[int, int]]] = {}

    def pool_for(kind: str) -> tuple[_Pool, dict[int, int]]:
        if kind not in pools:
            members = [body for body, other in enumerate(agencies) if family(other) != kind]
            pools[kind] = (
                _Pool(names[agencies[body].id] for body in members),
                {body: position for position, body in enumerate(members)},
            )
        return pools[kind]

    everyone = _Pool(names.values())
    in_order = {ident: position for position, ident in enumerate(names)}
    for body, agency in enumerate(agencies):
        for number, task in enumerate(agency.tasks):
            # Bodies that share the work: one with the same task or nearly, or one the task
            # names ("works with the Ministry of ..."). The question is asked only when no
            # other body has it, and those named are not offered as wrong answers.
            if (body, number) in shared:
                continue
            # Nor is the body that took the work over, or the one it took it from.
            related = {agency.id, *before.get(agency.id, ())}
            if agency.successor is not None:
                related.add(agency.successor)
            left_out = {other for ident in related for other in by_id.get(ident, ())}
            left_out |= finder.found(named[body][number])
            pool, places = pool_for(family(agency))
            yield _Draft(
                "agencies",
                _("Which body was given this task for the Day: “{task}”?").format(
                    task=task.get(lang)
                ),
                names[agency.id],
                pool.without(places[other] for other in left_out if other in places),
                _("{body}: {task}").format(body=names[agency.id], task=task.get(lang)),
                agency.sources,
            )
        if agency.successor is not None and agency.successor in names:
            successor = names[agency.successor]
            yield _Draft(
                "agencies",
                _("Who does the work of the {body} for the Day now?").format(body=names[agency.id]),
                successor,
                everyone.without((in_order[agency.id], in_order[agency.successor])),
                agency.change.get(lang) if agency.change else successor,
                agency.sources,
            )


def _documents(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    _ = catalogue(lang).gettext
    documents = data.documents
    dates = []
    for document in documents:
        year, month, day = (int(part) for part in document.date.split("-"))
        dates.append(long_date(year, month, day, lang))
    numbers = _Pool(document.number for document in documents)
    issued_on = _Pool(dates)
    by_id = _places(document.id for document in documents)
    for position, document in enumerate(documents):
        itself = by_id[document.id]
        issued = dates[position]
        fact = _("{number} ({date}): {title}").format(
            number=document.number, date=issued, title=document.title.get(lang)
        )
        yield _Draft(
            "documents",
            _("Which document is this: “{title}”?").format(title=document.title.get(lang)),
            document.number,
            numbers.without(itself),
            fact,
            document.sources,
        )
        yield _Draft(
            "documents",
            _("When was {number} issued?").format(number=document.number),
            issued,
            issued_on.without(itself),
            fact,
            document.sources,
        )


def _purposes(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    _ = catalogue(lang).gettext
    purposes = [entry for entry in data.info.get("purposes", ()) if entry.title is not None]
    activities = [entry for entry in data.info.get("activities", ()) if entry.title is not None]
    # An activity that shares a word with a purpose reads too much like it to be plainly
    # wrong ("Encouraging participation" beside "Promote participation"). Told by the English
    # titles, whose words are whole words (a Vietnamese word is a syllable).
    words = set().union(*(_long_words(p.title.en) for p in purposes if p.title is not None))
    wrong = _Pool(
        entry.title.get(lang)
        for entry in activities
        if entry.title is not None and not words & _long_words(entry.title.en)
    )
    for purpose in purposes:
        assert purpose.title is not None
        yield _Draft(
            "purposes",
            _("Which of these is one of the three purposes Decision 505/QĐ-TTg gives the Day?"),
            purpose.title.get(lang),
            wrong.without(),
            _("A purpose of the Day: {purpose}").format(purpose=purpose.text.get(lang)),
            purpose.sources,
        )
    why = next((e for e in data.info.get("overview", ()) if e.id == "why-10-10"), None)
    if why is not None:
        others = _Pool(
            _first_sentence(entry.text.get(lang))
            for entry in data.info.get("overview", ())
            if entry.id != why.id
        )
        yield _Draft(
            "purposes",
            _("Why is the Day on 10 October?"),
            _first_sentence(why.text.get(lang)),
            others.without(),
            why.text.get(lang),
            why.sources,
        )


def _long_words(text: str) -> set[str]:
    return {word for word in fold(text).split() if len(word) >= 5}


def _first_sentence(text: str) -> str:
    """Up to the first full stop that a word follows ("storm No. 10" goes on)."""
    end = re.search(r"\.\s+(?=[^\W\d_])", text)
    return text if end is None else text[: end.start() + 1]


_MAKERS: dict[str, Callable[[Dataset, Lang], Iterator[_Draft]]] = {
    "themes": _themes,
    "editions": _editions,
    "agencies": _agencies,
    "documents": _documents,
    "purposes": _purposes,
}


def questions(data: Dataset, lang: Lang, topic: str, count: int, seed: int) -> list[Question]:
    """Up to `count` questions on `topic` ("all" for every topic), the same for the same seed
    and data. Each topic takes its turn, so a short quiz still ranges over them."""
    rng = random.Random(seed)
    pools: list[list[Question]] = []
    for name in TOPICS if topic == "all" else (topic,):
        pool = [q for q in (_ask(draft, rng) for draft in _MAKERS[name](data, lang)) if q]
        rng.shuffle(pool)
        if pool:
            pools.append(pool)
    rng.shuffle(pools)
    chosen: list[Question] = []
    while pools and len(chosen) < count:
        for pool in list(pools):
            if len(chosen) == count:
                break
            chosen.append(pool.pop())
            if not pool:
                pools.remove(pool)
    return chosen
