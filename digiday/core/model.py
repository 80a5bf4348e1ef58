"""The typed, immutable model every other module reads. Only store/loader.py builds it.

The records are NamedTuples rather than frozen dataclasses: just as immutable and typed,
and about a fifth of the class-creation cost, which every run of the tool pays at start-up.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, NamedTuple

from digiday.core.constants import LANGS as LANGS
from digiday.core.constants import ROLES as ROLES
from digiday.core.constants import SECTIONS as SECTIONS
from digiday.core.constants import Lang as Lang

# What a measured figure is: a statistics office's or an index's published figure, one its
# maker calls an estimate, or one stated at an event or in a report without its method.
KINDS = ("official", "estimate", "claim")


class Text(NamedTuple):
    """A text shown to readers, in both languages."""

    vi: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en


def text_in(value: Text | None, lang: Lang) -> str | None:
    """`value` in `lang`; None where the data gives no text."""
    return value.get(lang) if value is not None else None


# What a field holds beyond its type, for the checker built from these annotations
# (store/schema.py): an id, a year of a Day, a date, an address, one of the fixed choices,
# and the records an id points to (checked once every layer is laid).
Id = Annotated[str, "id"]
Sources = Annotated[tuple[str, ...], "sources"]
Year = Annotated[int, "year"]
Date = Annotated[str, "date"]  # YYYY-MM-DD
DayOrMonth = Annotated[str, "day or month"]  # YYYY-MM-DD, or YYYY-MM where no page gives the day
PartialDate = Annotated[str, "partial date"]  # YYYY[-MM[-DD]]
Url = Annotated[str, "url"]
Number = Annotated[float, "number"]
Count = Annotated[int, "count"]


class Entry(NamedTuple):
    """One item of an `info` section. History entries carry a date."""

    id: Id
    text: Text
    sources: Sources
    title: Text | None = None
    date: PartialDate | None = None


class Abbreviation(NamedTuple):
    """A body's short name in each language, where that language has one: Vietnamese readers
    know the Vietnam News Agency as TTXVN, English ones as VNA; some have none in English."""

    vi: str | None
    en: str | None

    def get(self, lang: Lang) -> str | None:
        return self.vi if lang == "vi" else self.en


class Agency(NamedTuple):
    id: Id
    name: Text
    role: Annotated[str, "role"]
    tasks: tuple[Text, ...]
    sources: Sources
    abbreviation: Abbreviation | None = None
    change: Text | None = None
    successor: Annotated[str, "agency id"] | None = None


class Note(NamedTuple):
    """A sourced text: which reading of a theme is which, a Day's month of events."""

    text: Text
    sources: Sources


class Theme(NamedTuple):
    """The Day's theme, and its note where sources disagree about it: the note goes with
    the theme, so that a file replacing the theme replaces the note too."""

    year: Year
    theme: Text
    sources: Sources
    unofficial_translation: bool = False
    note: Note | None = None


class Document(NamedTuple):
    id: Id
    number: str
    date: DayOrMonth
    title: Text
    sources: Sources


class YearTheme(NamedTuple):
    """The theme the Government's steering body gives a whole year: not the Day's."""

    text: Text
    sources: Sources
    by: Text | None = None
    unofficial_translation: bool = False


class Ceremony(NamedTuple):
    """A Day's national ceremony; any part may be unknown (None), never guessed."""

    sources: Sources
    date: Date | None = None
    place: Text | None = None
    chaired_by: Text | None = None
    organiser: Text | None = None
    provinces: Text | None = None
    note: Text | None = None


class Plan(NamedTuple):
    """The plan a Day was organised under."""

    document: Text
    sources: Sources
    date: PartialDate | None = None
    issuer: Text | None = None
    note: Text | None = None


class Edition(NamedTuple):
    """Everything known about one year's Day beyond its theme (which is a Theme)."""

    year: Year
    year_theme: YearTheme | None = None
    ceremony: Ceremony | None = None
    plan: Plan | None = None
    month: Note | None = None


class Target(NamedTuple):
    """What a document sets out to reach by `year`. `target` is None where the document gives
    no number (its words are then in `indicator`); `wording` is the document's own words
    for a number ("about 20% of GDP"), where they say more than the number. Targets measured
    the same way share a `measure`, and so share the measurements of it."""

    id: Id
    indicator: Text
    year: Year
    document: Annotated[str, "document id"]
    measure: Id
    sources: Sources
    target: Number | None = None
    unit: Annotated[str, "unit"] | None = None
    wording: Text | None = None
    note: Text | None = None


class Measurement(NamedTuple):
    """One figure measured against the targets of `measure`: when, by whom, of which kind
    (KINDS). `value` is None where the page gives no exact number ("nearly 20%"); `wording`
    then says what it gives. `out_of` is how many a ranking ranks."""

    id: Id
    measure: Annotated[str, "measure id"]
    year: Year
    kind: Annotated[str, "kind"]
    by: Text
    sources: Sources
    value: Number | None = None
    unit: Annotated[str, "unit"] | None = None
    out_of: Count | None = None
    date: PartialDate | None = None
    wording: Text | None = None
    note: Text | None = None
    method: Text | None = None  # made by another method than its measure's targets are set on


class Source(NamedTuple):
    """A page the data cites: by its own title, or, where it has none to show (a page in
    English, a page without one), a description in both languages."""

    id: Id
    url: Url
    title: str | None = None
    description: Text | None = None
    publisher: str | None = None
    date: PartialDate | None = None

    def name(self, lang: Lang) -> str:
        return self.title or text_in(self.description, lang) or self.id


class Dataset(NamedTuple):
    """Everything the tool knows, once every layer is laid over the bundled data: each kind
    of record by its key (`id`; `year` for themes and editions), in the order it is shown,
    so that a look-up costs the same however many records there are."""

    info: Mapping[str, tuple[Entry, ...]]
    agencies: Mapping[str, Agency]
    themes: Mapping[int, Theme]
    documents: Mapping[str, Document]
    sources: Mapping[str, Source]
    editions: Mapping[int, Edition] = MappingProxyType({})
    targets: Mapping[str, Target] = MappingProxyType({})
    measurements: Mapping[str, Measurement] = MappingProxyType({})


NOTHING = Dataset({}, {}, {}, {}, {})  # what every year is with no facts about it


# Every record type, by name: how data.py writes records into the wheel's bundle and back.
RECORDS: dict[str, type[tuple[object, ...]]] = {
    cls.__name__: cls
    for cls in (
        Text, Entry, Abbreviation, Agency, Theme, Document, Note, YearTheme, Ceremony, Plan,
        Edition, Target, Measurement, Source,
    )
}  # fmt: skip
