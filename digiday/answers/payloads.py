"""Each command's JSON payload as types (CONTRACT.md, "JSON payloads"): what the answers give,
the renderers take and the Python API returns, imported under TYPE_CHECKING only;
tests/answers/test_payloads.py holds the real payloads to them. A payload may carry more than the
contract names (`successor_name`, `weekday`): what the renderers need, worked out once. A key
is left out only where `total=False` says so; a part not known is None."""

from __future__ import annotations

from typing import Literal, TypedDict

Section = Literal["overview", "definition", "activities", "purposes", "history"]
Role = Literal["lead", "coordinator", "implementer", "association", "media", "press"]
Kind = Literal["official", "estimate", "claim"]
Verdict = Literal["open", "met", "not_met", "disputed", "unmeasured"]
Topic = Literal["themes", "editions", "agencies", "documents", "purposes", "targets"]
# Where a search hit stands: an info section, or a collection of the data.
HitSection = Literal[
    Section, "agencies", "themes", "editions", "documents", "sources", "targets", "measurements"
]


class _Entry(TypedDict):
    id: str
    ref: str  # info/SECTION/ID, or documents/ID on the history's timeline
    title: str | None
    text: str
    sources: list[str]


class InfoEntry(_Entry, total=False):
    date: str  # YYYY[-MM[-DD]]: history's entries and documents have one


class Sourced(TypedDict):
    text: str
    sources: list[str]


class BriefDay(TypedDict):
    year: int
    edition: int
    date: str  # YYYY-10-10
    weekday: str
    theme: str | None


class NextDay(BriefDay):
    days: int


class Lead(TypedDict):
    id: str
    name: str
    sources: list[str]


class Brief(TypedDict):
    what: Sourced | None  # what the Day is, and the decision that set it
    latest: BriefDay | None  # the most recent Day; None before the first
    next: NextDay
    lead: Lead | None  # the body that leads the Day now


class Info(TypedDict, total=False):
    """`info`: one key per section shown, in the order asked; or `brief` alone."""

    overview: list[InfoEntry]
    definition: list[InfoEntry]
    activities: list[InfoEntry]
    purposes: list[InfoEntry]
    history: list[InfoEntry]
    brief: Brief


class Agency(TypedDict):
    id: str
    name: str
    abbreviation: str | None
    role: Role
    tasks: list[str]
    change: str | None
    successor: str | None  # another agency's id
    successor_name: str | None
    sources: list[str]


class Theme(TypedDict):
    year: int
    edition: int
    theme: str | None
    unofficial_translation: bool  # English text that digiday translated itself
    note: str | None
    sources: list[str]


class Ceremony(TypedDict):
    date: str | None
    place: str | None
    chaired_by: str | None
    organiser: str | None
    provinces: str | None
    note: str | None
    sources: list[str]


class Plan(TypedDict):
    document: str
    date: str | None
    issuer: str | None
    note: str | None
    sources: list[str]


class Edition(BriefDay):  # a Day as the brief tells it, then all that is known of it
    unofficial_translation: bool
    theme_note: str | None
    year_theme: str | None
    year_theme_by: str | None
    year_theme_unofficial_translation: bool
    ceremony: Ceremony | None
    plan: Plan | None
    month: str | None
    sources: list[str]


class Countdown(TypedDict):
    today: str
    timezone: str
    date: str
    days: int
    is_today: bool
    edition: int
    weekday: str
    theme: str | None


class Hit(TypedDict):
    section: HitSection
    ref: str
    text: str


class Question(TypedDict):
    topic: Topic
    question: str
    options: list[str]  # four
    answer: int  # the index of the right option, 0 to 3
    sources: list[str]
    fact: str


class Measured(TypedDict):
    id: str
    year: int
    value: float | None
    unit: str | None
    out_of: int | None
    kind: Kind
    by: str
    date: str | None
    text: str
    note: str | None
    method: str | None  # made by another method than the target's: never compared with it
    short_by: float | None
    sources: list[str]


class Target(TypedDict):
    id: str
    indicator: str
    target: float | None
    unit: str | None
    year: int
    document: str  # a documents record's id
    document_number: str | None
    document_title: str | None
    target_text: str | None
    target_figure: str | None
    note: str | None
    measure: str
    measured: list[Measured]
    verdict: Verdict
    decided_by: list[str]  # the ids of the figures that decided it
    sources: list[str]


class Source(TypedDict):
    id: str
    title: str
    url: str
    publisher: str | None
    date: str | None
    cited_by: list[str]  # the refs of every item citing it


# Any command's payload; each renderer's function for a command takes that command's type.
_Lists = list[Agency] | list[Theme] | list[Edition] | list[Hit] | list[Source] | list[Question]
Payload = Info | Countdown | _Lists | list[Target]
