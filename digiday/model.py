"""The typed, frozen model every other module reads. Only data.py builds it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

SECTIONS = ("overview", "definition", "activities", "purposes", "history")
ROLES = ("lead", "coordinator", "implementer", "association", "media", "press")


@dataclass(frozen=True)
class Text:
    """A text shown to readers, in both languages."""

    vi: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en


@dataclass(frozen=True)
class Entry:
    """One item of an `info` section. History entries carry a date (YYYY[-MM[-DD]])."""

    id: str
    text: Text
    sources: tuple[str, ...]
    title: Text | None = None
    date: str | None = None


@dataclass(frozen=True)
class Agency:
    id: str
    name: Text
    role: str
    tasks: tuple[Text, ...]
    sources: tuple[str, ...]
    abbreviation: str | None = None
    change: Text | None = None
    successor: str | None = None


@dataclass(frozen=True)
class Theme:
    year: int
    theme: Text
    sources: tuple[str, ...]
    unofficial_translation: bool = False


@dataclass(frozen=True)
class Document:
    id: str
    number: str
    date: str
    title: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    publisher: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Dataset:
    """Everything the tool knows, after the user's file (if any) has been laid over."""

    info: dict[str, tuple[Entry, ...]]
    agencies: tuple[Agency, ...]
    themes: tuple[Theme, ...]
    documents: tuple[Document, ...]
    sources: tuple[Source, ...]

    def theme_for(self, year: int) -> Theme | None:
        return next((theme for theme in self.themes if theme.year == year), None)

    def agency(self, agency_id: str) -> Agency | None:
        return next((agency for agency in self.agencies if agency.id == agency_id), None)
