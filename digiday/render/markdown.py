"""`--format markdown`: headings, lists and tables, ready to paste into a document."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from digiday.i18n import (
    countdown_headline,
    long_date,
    ordinal,
    partial_date,
    role,
    translation_note,
    word,
)
from digiday.model import Lang
from digiday.views import Payload, ceremony_summary


def _escape(text: str) -> str:
    """Keep data from being read as Markdown: escape the characters that start markup."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def _address(url: str) -> str:
    """A URL as a Markdown link target `<...>` holds it: the characters that end or break
    one percent-encoded, as a browser would send them anyway."""
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def _note(lang: Lang) -> list[str]:
    """The note on translated text, where it applies, as a last paragraph."""
    note = translation_note(lang)
    return [f"*{_escape(note)}*", ""] if note else []


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_escape(cell) for cell in row) + " |" for row in rows]
    return lines


def _sources(ids: list[str], lang: Lang) -> str:
    return f"*{word('sources', lang)}: {', '.join(ids)}*" if ids else ""


def _info(payload: Payload, lang: Lang) -> list[str]:
    lines = [f"# {word('day', lang)}", ""]
    for section, entries in payload.items():
        lines += [f"## {word(section, lang)}", ""]
        for entry in entries:
            label = " ".join(part for part in (entry.get("date"), entry["title"]) if part)
            text = _escape(entry["text"])
            lines.append(f"- **{_escape(label)}**: {text}" if label else f"- {text}")
            lines.append(f"  {_sources(entry['sources'], lang)}")
        lines.append("")
    return [*lines, *_note(lang)]


def _agencies(payload: Payload, lang: Lang) -> list[str]:
    lines = [f"# {word('agencies', lang)}", ""]
    for agency in payload:
        abbreviation = f" ({agency['abbreviation']})" if agency["abbreviation"] else ""
        lines += [f"## {_escape(agency['name'])}{abbreviation}", ""]
        lines.append(f"- **{word('role', lang)}**: {role(agency['role'], lang)}")
        lines += [f"- {_escape(task)}" for task in agency["tasks"]]
        if agency["change"]:
            lines.append(f"- **{word('change', lang)}**: {_escape(agency['change'])}")
        if agency["successor_name"]:
            lines.append(f"- **{word('now_done_by', lang)}**: {_escape(agency['successor_name'])}")
        lines += [f"- {_sources(agency['sources'], lang)}", ""]
    return [*lines, *_note(lang)]


def _themes(payload: Payload, lang: Lang) -> list[str]:
    rows = []
    for theme in payload:
        text = theme["theme"] or f"({word('unknown', lang)})"
        if theme["unofficial_translation"]:
            text += f" ({word('unofficial', lang)})"
        rows.append([str(theme["year"]), ordinal(theme["edition"], lang), text])
    header = [word("year", lang), word("edition", lang), word("theme", lang)]
    notes = [
        f"- **{theme['year']}**: {_escape(theme['note'])}" for theme in payload if theme["note"]
    ]
    return [f"# {word('themes', lang)}", "", *_table(header, rows), "", *notes, ""]


def _theme_cell(theme: str | None, unofficial: bool, lang: Lang) -> str:
    text = theme or f"({word('unknown', lang)})"
    return text + (f" ({word('unofficial', lang)})" if theme and unofficial else "")


def _ceremony_line(ceremony: dict[str, Any] | None, lang: Lang) -> str:
    return ceremony_summary(ceremony, lang) or f"({word('unknown', lang)})"


def _sentences(parts: list[str]) -> str:
    """Parts as sentences: each ends with a full stop, none with two."""
    return " ".join(part if part.endswith((".", "…", "!", "?")) else part + "." for part in parts)


def _edition(edition: dict[str, Any], lang: Lang) -> list[str]:
    year, month, day = (int(part) for part in edition["date"].split("-"))
    lines = [
        f"## {edition['year']}: {ordinal(edition['edition'], lang)}, "
        f"{edition['weekday']} {long_date(year, month, day, lang)}",
        "",
    ]
    theme = _theme_cell(edition["theme"], edition["unofficial_translation"], lang)
    lines.append(f"- **{word('day_theme', lang)}**: {_escape(theme)}")
    if edition["theme_note"]:
        lines.append(f"- **{word('theme_note', lang)}**: {_escape(edition['theme_note'])}")
    if edition["year_theme"]:
        text = _theme_cell(
            edition["year_theme"], edition["year_theme_unofficial_translation"], lang
        )
        by = f" ({_escape(edition['year_theme_by'])})" if edition["year_theme_by"] else ""
        lines.append(f"- **{word('year_theme', lang)}**: {_escape(text)}{by}")
    ceremony = edition["ceremony"]
    details = [_ceremony_line(ceremony, lang)]
    if ceremony:
        details += [
            f"{word(key, lang)}: {ceremony[key]}"
            for key in ("chaired_by", "organiser", "provinces")
            if ceremony[key]
        ]
        details += [ceremony["note"]] if ceremony["note"] else []
    lines.append(f"- **{word('ceremony', lang)}**: {_escape(_sentences(details))}")
    plan = edition["plan"]
    if plan:
        issued = ", ".join(
            p for p in (plan["issuer"], plan["date"] and partial_date(plan["date"], lang)) if p
        )
        text = plan["document"] + (f" ({issued})" if issued else "")
        lines.append(f"- **{word('plan', lang)}**: {_escape(text)}")
        if plan["note"]:
            lines.append(f"  {_escape(plan['note'])}")
    else:
        lines.append(f"- **{word('plan', lang)}**: ({word('unknown', lang)})")
    if edition["month"]:
        lines.append(f"- **{word('month', lang)}**: {_escape(edition['month'])}")
    lines += [f"- {_sources(edition['sources'], lang)}", ""]
    return [*lines, *_note(lang)]


def _editions(payload: Payload, lang: Lang) -> list[str]:
    lines = [f"# {word('editions', lang)}", ""]
    if len(payload) == 1:
        return [*lines, *_edition(payload[0], lang)]
    rows = [
        [
            str(edition["year"]),
            ordinal(edition["edition"], lang),
            _theme_cell(edition["theme"], edition["unofficial_translation"], lang),
            _ceremony_line(edition["ceremony"], lang),
        ]
        for edition in payload
    ]
    header = [word(key, lang) for key in ("year", "edition", "day_theme", "ceremony")]
    return [*lines, *_table(header, rows), "", *_note(lang)]


def _countdown(payload: Payload, lang: Lang) -> list[str]:
    year, month, day = (int(part) for part in payload["date"].split("-"))
    facts = [
        (word("date", lang), f"{payload['weekday']}, {long_date(year, month, day, lang)}"),
        (word("edition", lang), ordinal(payload["edition"], lang)),
        (word("theme", lang), payload["theme"] or f"({word('unknown', lang)})"),
        (word("today", lang), f"{payload['today']} ({payload['timezone']})"),
    ]
    headline = countdown_headline(payload["days"], payload["edition"], lang)
    return [f"# {headline}", "", *(f"- **{k}**: {_escape(v)}" for k, v in facts), ""]


def _search(payload: Payload, lang: Lang) -> list[str]:
    rows = [[hit["ref"], hit["text"]] for hit in payload]
    header = [word("ref", lang), word("text", lang)]
    return [f"# {word('search_results', lang)}", "", *_table(header, rows), ""]


def _source_list(payload: Payload, lang: Lang) -> list[str]:
    lines = [f"# {word('sources', lang)}", ""]
    for source in payload:
        extra = ", ".join(part for part in (source["publisher"], source["date"]) if part)
        suffix = f" ({_escape(extra)})" if extra else ""
        lines.append(
            f"- `{source['id']}`: [{_escape(source['title'])}](<{_address(source['url'])}>){suffix}"
        )
    if len(payload) == 1:  # one source asked for by id: what cites it
        lines += ["", f"## {word('cited_by', lang)}", ""]
        lines += [f"- `{ref}`" for ref in payload[0]["cited_by"]]
    return [*lines, ""]


def _quiz(payload: Payload, lang: Lang) -> list[str]:
    """A handout: the questions, then the answer key with each fact and its sources."""
    lines = [f"# {word('quiz', lang)}: {word('day', lang)}", "", f"*{word('quiz_help', lang)}*", ""]
    for number, question in enumerate(payload, 1):
        lines += [f"{number}. {_escape(question['question'])}", ""]
        lines += [
            f"   {letter}. {_escape(option)}"
            for letter, option in zip("ABCD", question["options"], strict=True)
        ]
        lines.append("")
    lines += [f"## {word('answer_key', lang)}", ""]
    for number, question in enumerate(payload, 1):
        letter = "ABCD"[question["answer"]]
        fact = _escape(question["fact"])
        lines.append(f"{number}. **{letter}**. {fact} {_sources(question['sources'], lang)}")
    return [*lines, ""]


_RENDERERS: dict[str, Callable[[Any, Lang], list[str]]] = {
    "info": _info,
    "agencies": _agencies,
    "themes": _themes,
    "editions": _editions,
    "countdown": _countdown,
    "search": _search,
    "sources": _source_list,
    "quiz": _quiz,
}


def render(command: str, payload: Payload, lang: Lang) -> str:
    return "\n".join(_RENDERERS[command](payload, lang)).rstrip("\n") + "\n"
