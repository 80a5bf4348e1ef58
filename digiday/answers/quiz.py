"""Quiz questions made from the data: pure functions, no input or output.

Every question is a fact of the data, asked with four options of the same kind (other years'
themes, other bodies, other documents), and every fact cites its sources. A question is
asked only where its answer is the one right option: no two options are the same once
folded (case and diacritics), a task two bodies share is not asked about, and nothing the
data does not know (a year with no known theme, a ceremony not yet held) is asked.

Nor may an option's form give the answer away: a question's wrong options are drawn from the
same kind of record as its right one (the documents of its kind, the ordinals of the Days
held), so that what tells the options apart is the fact asked, not a word of the option that
only the right one has ("Nghị quyết" among decisions, an imperative among gerunds), nor its
length. tests/test_quiz_fairness.py measures it.

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

from digiday.answers.search import fold
from digiday.core import schedule
from digiday.core.constants import QUIZ_LETTERS, QUIZ_TOPICS
from digiday.core.model import Agency, Dataset, Lang
from digiday.l10n.translate import ordinal, partial_date, tr

_Key = TypeVar("_Key")

TOPICS = QUIZ_TOPICS[1:]  # without "all"
OPTIONS = len(QUIZ_LETTERS)


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


class _Part:
    """A pool of some of a topic's records only (those of a kind, of a year), whose
    questions name what they leave out by the records' own positions."""

    def __init__(self, texts: Sequence[str], members: Iterable[int]) -> None:
        chosen = list(members)
        self.pool = _Pool(texts[position] for position in chosen)
        self.places = {position: n for n, position in enumerate(chosen)}

    def without(self, excluded: Iterable[int]) -> _Wrong:
        return self.pool.without(self.places[p] for p in excluded if p in self.places)


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
        fact = tr(
            "The theme of the Day in {year} was “{theme}”.", lang, year=theme.year, theme=text
        )
        yield _Draft(
            "themes",
            tr("Which year's Day had the theme “{theme}”?", lang, theme=text),
            str(theme.year),
            years.without(others),
            fact,
            theme.sources,
        )
        yield _Draft(
            "themes",
            tr("What was the theme of the Day in {year}?", lang, year=theme.year),
            text,
            texts.without(others),
            fact,
            theme.sources,
        )


def _editions(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    # The Days whose national ceremony the data dates and places: (year, when and where).
    held = [
        (edition.year, f"{partial_date(c.date, lang)}, {c.place.get(lang)}", c.sources)
        for edition in data.editions
        if (c := edition.ceremony) is not None and c.date is not None and c.place is not None
    ]
    places = _Pool(where for _year, where, _sources in held)
    # The wrong ordinals are those of the other Days held, as the right ones are: drawn from
    # the editions around each one instead, the 1st was always the lowest of its options and
    # a later one seldom the lowest or the highest.
    ordinals = _Pool(ordinal(schedule.edition(year), lang) for year, _where, _sources in held)
    same_year = _places(year for year, _where, _sources in held)
    # Which edition a year's Day was is a fact of the calendar: the first was on 10 October
    # 2022, as the overview's entry on the editions says, with its sources.
    first = next((e for e in data.info.get("overview", ()) if e.id == "editions"), None)
    for year, where, sources in held:
        nth = ordinal(schedule.edition(year), lang)
        # Not "(2024)" in the question: each option's date names its year, and the one with
        # the year asked about was the answer.
        yield _Draft(
            "editions",
            tr(
                "When and where was the national ceremony of the {ordinal} Day held?",
                lang,
                ordinal=nth,
            ),
            where,
            places.without(same_year[year]),
            tr("The national ceremony of {year} was held on {when}.", lang, year=year, when=where),
            sources,
        )
        yield _Draft(
            "editions",
            tr("Which National Digital Transformation Day was held in {year}?", lang, year=year),
            nth,
            ordinals.without(same_year[year]),
            tr(
                "The Day of {year} was the {ordinal}: the first was on 10 October 2022.",
                lang,
                year=year,
                ordinal=nth,
            ),
            first.sources if first is not None else sources,
        )


_FAMILY = {"media": "press"}  # roles whose work is alike enough to be one for a question


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(text).split())


def _alike(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two texts' words say nearly the same ("Directs its member organisations..."
    and "Direct their member organisations..."): most of their words, folded, are shared.
    (By words, not letters: difflib over every pair of tasks cost more than the rest of
    the quiz.)"""
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
    pools: dict[str, _Part] = {}
    texts = [names[agency.id] for agency in agencies]

    def pool_for(kind: str) -> _Part:
        if kind not in pools:
            members = (body for body, other in enumerate(agencies) if family(other) != kind)
            pools[kind] = _Part(texts, members)
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
            yield _Draft(
                "agencies",
                tr(
                    "Which body was given this task for the Day: “{task}”?",
                    lang,
                    task=task.get(lang),
                ),
                names[agency.id],
                pool_for(family(agency)).without(left_out),
                tr("{body}: {task}", lang, body=names[agency.id], task=task.get(lang)),
                agency.sources,
            )
        if agency.successor is not None and agency.successor in names:
            successor = names[agency.successor]
            yield _Draft(
                "agencies",
                tr("Who does the work of the {body} for the Day now?", lang, body=names[agency.id]),
                successor,
                everyone.without((in_order[agency.id], in_order[agency.successor])),
                agency.change.get(lang) if agency.change else successor,
                agency.sources,
            )


# A year standing in a document's number (148/2025/QH15: a law of 2025).
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _kind(number: str) -> str:
    """The kind of document its number says, folded: the letters first in it ("nq" in
    52-NQ/TW, "qd" in 749/QĐ-TTg, "qh" in a law's 148/2025/QH15), which are an issuer's in a
    letter (4878/BTTTT-CĐSQG) and a kind word where one leads ("Nghị quyết 52-NQ/TW")."""
    found = re.search(r"[^\W\d_]+", number)
    return fold(found.group()) if found else ""


def _names_its_number(title: str, number: str) -> bool:
    """Whether a title says the number's own digits ("... (Project 06)" for 06/QĐ-TTg)."""
    digits = re.match(r"\d+", number)
    return digits is not None and re.search(rf"(?<!\d){digits.group()}(?!\d)", title) is not None


def _documents(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    documents = data.documents
    # YYYY-MM-DD, or YYYY-MM where no source gives the day.
    dates = [partial_date(document.date, lang) for document in documents]
    years = [int(document.date.split("-")[0]) for document in documents]
    exact = [document.date.count("-") for document in documents]  # 2: the day, 1: the month
    numbers = [document.number for document in documents]
    titles = [document.title.get(lang) for document in documents]
    # A title's wrong numbers are of its own kind: a number shows its kind (NQ, QĐ, QH), and
    # the one resolution among decisions was the answer to "On breakthroughs in ...", as the
    # one law was to "Law on Digital Transformation". A kind with fewer than four documents
    # is not asked about by title. A number that is never the answer is never offered either
    # (06/QĐ-TTg, whose title says "06"): offered only as a wrong one, the shortest number
    # was the shortest option, and never right.
    by_title = [not _names_its_number(titles[p], numbers[p]) for p in range(len(documents))]
    kinds = [_kind(number) for number in numbers]
    of_kind = {
        name: _Part(numbers, (p for p in positions if by_title[p]))
        for name, positions in _places(kinds).items()
    }
    # The same for dates. A date is offered only beside dates as exact as it ("February
    # 2026" among days would be the one month). A number that names its year (148/2025/QH15)
    # leaves only the day and month to ask, so its wrong dates are of that year, and its date
    # is no other number's wrong one.
    names_year = [_YEAR.search(number) is not None for number in numbers]
    unnamed: dict[int, list[int]] = {}  # each precision: the numbers that name no year
    for position in range(len(documents)):
        if not names_year[position]:
            unnamed.setdefault(exact[position], []).append(position)
    issued_on = {precision: _Part(dates, places) for precision, places in unnamed.items()}
    same_year = _places(zip(years, exact, strict=True))
    in_year: dict[tuple[int, int], _Part] = {}  # made when a number that names a year asks
    by_id = _places(document.id for document in documents)
    for position, document in enumerate(documents):
        itself = by_id[document.id]
        fact = tr(
            "{number} ({date}): {title}",
            lang,
            number=numbers[position],
            date=dates[position],
            title=titles[position],
        )
        if by_title[position]:
            yield _Draft(
                "documents",
                tr("Which document is this: “{title}”?", lang, title=titles[position]),
                numbers[position],
                of_kind[kinds[position]].without(itself),
                fact,
                document.sources,
            )
        if names_year[position]:
            key = (years[position], exact[position])
            if key not in in_year:
                in_year[key] = _Part(dates, same_year[key])
            wrong = in_year[key].without(itself)
        else:
            wrong = issued_on[exact[position]].without(itself)
        yield _Draft(
            "documents",
            tr("When was {number} issued?", lang, number=numbers[position]),
            dates[position],
            wrong,
            fact,
            document.sources,
        )


def _purposes(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    purposes = [entry for entry in data.info.get("purposes", ()) if entry.title is not None]
    activities = [entry for entry in data.info.get("activities", ()) if entry.title is not None]
    # An activity that shares a word with a purpose reads too much like it to be plainly
    # wrong ("Encouraging participation" beside "Promote participation"). Told by the English
    # titles, whose words are whole words (a Vietnamese word is a syllable).
    words = set().union(*(_long_words(p.title.en) for p in purposes if p.title is not None))
    # Only activities worded in the purpose's own form are offered: the purposes are
    # imperatives ("Raise the awareness ..."), the activities gerunds ("Developing digital
    # infrastructure"), and the one imperative was the answer. Told by the English in both
    # languages: a Vietnamese verb shows no form, yet the two kinds differ there too (the
    # purposes are the shortest titles), so the question is asked in both or in neither.
    forms: dict[str, list[str]] = {}
    for entry in activities:
        if entry.title is not None and not words & _long_words(entry.title.en):
            forms.setdefault(_form(entry.title.en), []).append(entry.title.get(lang))
    pools = {name: _Pool(texts) for name, texts in forms.items()}
    no_pool = _Pool(())
    for purpose in purposes:
        assert purpose.title is not None
        yield _Draft(
            "purposes",
            tr(
                "Which of these is one of the three purposes Decision 505/QĐ-TTg gives the Day?",
                lang,
            ),
            purpose.title.get(lang),
            pools.get(_form(purpose.title.en), no_pool).without(),
            tr("A purpose of the Day: {purpose}", lang, purpose=purpose.text.get(lang)),
            purpose.sources,
        )
    # "Why is the Day on 10 October?" is not asked: the data has no other reason to offer,
    # and the overview's other sentences it was offered beside were no reasons, and longer.


def _long_words(text: str) -> set[str]:
    return {word for word in fold(text).split() if len(word) >= 5}


def _form(text: str) -> str:
    """The form of an English text's first word: "ing" for a gerund ("Developing"), "s" for a
    verb of the third person or a plural ("Leads", "Ministries"), "" for any other ("Raise",
    "Bring": an -ing whose stem has no vowel is no gerund; nor is an -s after s, u or i)."""
    found = re.match(r"[^\W\d_]+", text.strip())
    first = found.group().lower() if found else ""
    if first.endswith("ing") and re.search("[aeiouy]", first[:-3]):
        return "ing"
    if len(first) > 3 and first.endswith("s") and first[-2] not in "sui":
        return "s"
    return ""


def _targets(data: Dataset, lang: Lang) -> Iterator[_Draft]:
    """What a document set a figure at, among the other targets' figures of the same unit
    (all written "N% of GDP", say): real figures of the same kind and form, never the same
    value as the answer."""
    from digiday.l10n.translate import figure

    numbered = [t for t in data.targets if t.target is not None and t.unit is not None]
    figures = [figure(t.target, t.unit, lang) for t in numbered if t.target and t.unit]
    parts = {
        unit: _Part(figures, positions)
        for unit, positions in _places(t.unit for t in numbered).items()
    }
    for position, target in enumerate(numbered):
        assert target.unit is not None
        document = data.document(target.document)
        number = document.number if document is not None else target.document
        indicator = target.indicator.get(lang)
        indicator = indicator[:1].lower() + indicator[1:]
        values = {"document": number, "indicator": indicator, "year": target.year}
        yield _Draft(
            "targets",
            tr("What did {document} set as the target for {indicator} in {year}?", lang, **values),
            figures[position],
            parts[target.unit].without([position]),
            tr(
                "{document} set {figure} as the target for {indicator} in {year}.",
                lang,
                figure=figures[position],
                **values,
            ),
            target.sources,
        )


_MAKERS: dict[str, Callable[[Dataset, Lang], Iterator[_Draft]]] = {
    "themes": _themes,
    "editions": _editions,
    "agencies": _agencies,
    "documents": _documents,
    "purposes": _purposes,
    "targets": _targets,
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
