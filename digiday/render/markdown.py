"""`--format markdown`: headings, lists and tables, ready to paste into a document."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from digiday.core.constants import QUIZ_LETTERS, Lang
from digiday.l10n.translate import (
    CEREMONY_PARTS,
    KINDS_NOTE,
    countdown_headline,
    kind,
    ordinal,
    partial_date,
    role,
    section_title,
    tr,
    translation_note,
)
from digiday.render.phrases import brief, ceremony_summary, day_date, day_of, gap_words, unknown

if TYPE_CHECKING:
    from digiday.answers import payloads

# Characters that start or end inline markup anywhere in a line: code, emphasis (and GFM's
# strikethrough), links and images, raw HTML and autolinks, table cells, headings' closing
# hashes, and the backslash itself.
_INLINE = re.compile(r"([\\`*_~\[\]<>|#])")
# An entity or character reference (`&lt;`, `&#60;`): `&` alone, as in `KH&CN`, is text.
_REFERENCE = re.compile(r"&(?=#?\w+;)")
# What makes a line a block at its start, besides the characters above: a list item (`- `,
# `+ `, `1. `, `1) `), a thematic break or a setext heading's underline (`---`, `=`). `-5%`
# and `10.10` stay as they are.
_BLOCK_START = re.compile(r"=|[-+](?=[ +-]|\Z)|\d{1,9}(?=[.)](?: |\Z))")


def _escape(text: str) -> str:
    """Data as Markdown text, never as markup, on one line: every character that can start
    markup escaped, and the start of the text kept from starting a block, since the text
    may begin a line or a list item's content."""
    text = _REFERENCE.sub(r"\\&", _INLINE.sub(r"\\\1", " ".join(text.split())))
    start = _BLOCK_START.match(text)
    if start is None:
        return text
    if start.group()[0].isdigit():  # `2024.` stays a number: the stop is what is escaped
        return f"{start.group()}\\{text[start.end() :]}"
    return "\\" + text


def _address(url: str) -> str:
    """A URL as a Markdown link target `<...>` holds it: the characters that end or break
    one percent-encoded, as a browser would send them anyway; a backslash, which would
    escape what follows it, escaped."""
    url = url.replace("\\", "\\\\").replace("`", "%60")
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
    return f"*{tr('Sources', lang)}: {', '.join(ids)}*" if ids else ""


def _info(payload: payloads.Info, lang: Lang, as_of: str) -> list[str]:
    lines = [f"# {tr('National Digital Transformation Day', lang)}", ""]
    if "brief" in payload:
        return [
            *lines,
            *(f"- {_escape(line)}" for _, line in brief(payload["brief"], lang, as_of)),
            "",
        ]
    for section, entries in cast("dict[str, list[payloads.InfoEntry]]", payload).items():
        lines += [f"## {section_title(section, lang)}", ""]
        for entry in entries:
            label = " ".join(part for part in (entry.get("date"), entry["title"]) if part)
            text = _escape(entry["text"])
            lines.append(f"- **{_escape(label)}**: {text}" if label else f"- {text}")
            lines.append(f"  {_sources(entry['sources'], lang)}")
        lines.append("")
    return [*lines, *_note(lang)]


def _agencies(payload: list[payloads.Agency], lang: Lang) -> list[str]:
    lines = [f"# {tr('Who organises the Day', lang)}", ""]
    for agency in payload:
        abbreviation = f" ({_escape(agency['abbreviation'])})" if agency["abbreviation"] else ""
        lines += [f"## {_escape(agency['name'])}{abbreviation}", ""]
        lines.append(f"- **{tr('Role', lang)}**: {role(agency['role'], lang)}")
        lines += [f"- {_escape(task)}" for task in agency["tasks"]]
        if agency["change"]:
            lines.append(f"- **{tr('What changed', lang)}**: {_escape(agency['change'])}")
        if agency["successor_name"]:
            lines.append(f"- **{tr('Now done by', lang)}**: {_escape(agency['successor_name'])}")
        lines += [f"- {_sources(agency['sources'], lang)}", ""]
    return [*lines, *_note(lang)]


def _themes(payload: list[payloads.Theme], lang: Lang, as_of: str) -> list[str]:
    rows = []
    for theme in payload:
        text = theme["theme"] or unknown(theme["year"], as_of, lang)
        if theme["unofficial_translation"]:
            text += f" ({tr('unofficial translation', lang)})"
        rows.append([str(theme["year"]), ordinal(theme["edition"], lang), text])
    header = [tr("Year", lang), tr("Edition", lang), tr("Theme", lang)]
    notes = [
        f"- **{theme['year']}**: {_escape(theme['note'])}" for theme in payload if theme["note"]
    ]
    return [f"# {tr('Theme of each year', lang)}", "", *_table(header, rows), "", *notes, ""]


def _theme_cell(theme: str | None, unofficial: bool, lang: Lang, missing: str) -> str:
    text = theme or missing
    return text + (f" ({tr('unofficial translation', lang)})" if theme and unofficial else "")


def _ceremony_line(ceremony: payloads.Ceremony | None, lang: Lang, missing: str) -> str:
    return ceremony_summary(ceremony, lang) or missing


def _sentences(parts: list[str]) -> str:
    """Parts as sentences: each ends with a full stop, none with two."""
    return " ".join(part if part.endswith((".", "…", "!", "?")) else part + "." for part in parts)


def _edition(edition: payloads.Edition, lang: Lang, as_of: str) -> list[str]:
    missing = unknown(edition["year"], as_of, lang)
    lines = [
        f"## {edition['year']}: {ordinal(edition['edition'], lang)}, "
        f"{edition['weekday']} {partial_date(edition['date'], lang)}",
        "",
    ]
    theme = _theme_cell(edition["theme"], edition["unofficial_translation"], lang, missing)
    lines.append(f"- **{tr('Theme of the Day', lang)}**: {_escape(theme)}")
    if edition["theme_note"]:
        lines.append(f"- **{tr('Which theme is which', lang)}**: {_escape(edition['theme_note'])}")
    if edition["year_theme"]:
        text = _theme_cell(
            edition["year_theme"], edition["year_theme_unofficial_translation"], lang, missing
        )
        by = f" ({_escape(edition['year_theme_by'])})" if edition["year_theme_by"] else ""
        heading = tr("Year theme of the Government's steering body (not the Day's theme)", lang)
        lines.append(f"- **{heading}**: {_escape(text)}{by}")
    ceremony = edition["ceremony"]
    details = [_ceremony_line(ceremony, lang, missing)]
    if ceremony:
        details += [
            f"{tr(label, lang)}: {ceremony[key]}" for key, label in CEREMONY_PARTS if ceremony[key]
        ]
        details += [ceremony["note"]] if ceremony["note"] else []
    lines.append(f"- **{tr('National ceremony', lang)}**: {_escape(_sentences(details))}")
    plan = edition["plan"]
    if plan:
        issued = ", ".join(
            p for p in (plan["issuer"], plan["date"] and partial_date(plan["date"], lang)) if p
        )
        text = plan["document"] + (f" ({issued})" if issued else "")
        lines.append(f"- **{tr('Plan', lang)}**: {_escape(text)}")
        if plan["note"]:
            lines.append(f"  {_escape(plan['note'])}")
    else:
        lines.append(f"- **{tr('Plan', lang)}**: {missing}")
    if edition["month"]:
        lines.append(f"- **{tr('Digital Consumption Month', lang)}**: {_escape(edition['month'])}")
    lines += [f"- {_sources(edition['sources'], lang)}", ""]
    return [*lines, *_note(lang)]


def _editions(payload: list[payloads.Edition], lang: Lang, as_of: str) -> list[str]:
    lines = [f"# {tr('Each Day as it happened', lang)}", ""]
    if len(payload) == 1:
        return [*lines, *_edition(payload[0], lang, as_of)]
    rows = []
    for edition in payload:
        missing = unknown(edition["year"], as_of, lang)
        rows.append(
            [
                str(edition["year"]),
                ordinal(edition["edition"], lang),
                _theme_cell(edition["theme"], edition["unofficial_translation"], lang, missing),
                _ceremony_line(edition["ceremony"], lang, missing),
            ]
        )
    header = [
        tr("Year", lang),
        tr("Edition", lang),
        tr("Theme of the Day", lang),
        tr("National ceremony", lang),
    ]
    return [*lines, *_table(header, rows), "", *_note(lang)]


def _countdown(payload: payloads.Countdown, lang: Lang, as_of: str) -> list[str]:
    facts = [
        (tr("Date", lang), day_date(payload, lang)),
        (tr("Edition", lang), ordinal(payload["edition"], lang)),
        (tr("Theme", lang), payload["theme"] or unknown(day_of(payload).year, as_of, lang)),
        (tr("Today", lang), f"{payload['today']} ({payload['timezone']})"),
    ]
    headline = countdown_headline(payload["days"], payload["edition"], lang)
    return [f"# {headline}", "", *(f"- **{k}**: {_escape(v)}" for k, v in facts), ""]


def _search(payload: list[payloads.Hit], lang: Lang) -> list[str]:
    rows = [[hit["ref"], hit["text"]] for hit in payload]
    header = [tr("ref", lang), tr("Text", lang)]
    return [f"# {tr('Search results', lang)}", "", *_table(header, rows), ""]


def _source_list(payload: list[payloads.Source], lang: Lang) -> list[str]:
    lines = [f"# {tr('Sources', lang)}", ""]
    for source in payload:
        extra = ", ".join(part for part in (source["publisher"], source["date"]) if part)
        suffix = f" ({_escape(extra)})" if extra else ""
        lines.append(
            f"- `{source['id']}`: [{_escape(source['title'])}](<{_address(source['url'])}>){suffix}"
        )
    if len(payload) == 1:  # one source asked for by id: what cites it
        lines += ["", f"## {tr('Cited by', lang)}", ""]
        lines += [f"- `{ref}`" for ref in payload[0]["cited_by"]]
    return [*lines, ""]


def _quiz(payload: list[payloads.Question], lang: Lang) -> list[str]:
    """A handout: the questions, then the answer key with each fact and its sources. The
    options are a list inside each question's item, so that a Markdown reader shows each on
    a line of its own: lines that merely follow one another are one paragraph to it."""
    lines = [
        f"# {tr('Quiz', lang)}: {tr('National Digital Transformation Day', lang)}",
        "",
        f"*{tr('Choose one answer for each question. The answer key is at the end.', lang)}*",
        "",
    ]
    for number, question in enumerate(payload, 1):
        lines += [f"{number}. {_escape(question['question'])}", ""]
        lines += [
            f"   - {letter}. {_escape(option)}"
            for letter, option in zip(QUIZ_LETTERS, question["options"], strict=True)
        ]
        lines.append("")
    lines += [f"## {tr('Answer key', lang)}", ""]
    for number, question in enumerate(payload, 1):
        letter = QUIZ_LETTERS[question["answer"]]
        fact = _escape(question["fact"])
        lines.append(f"{number}. **{letter}**. {fact} {_sources(question['sources'], lang)}")
    return [*lines, ""]


def _measured(measured: payloads.Measured, target: payloads.Target, lang: Lang) -> str:
    """`2024: 18.3% of GDP (estimate; the Ministry …, 6 February 2025; 1.7 points short …)`."""
    when = partial_date(measured["date"], lang) if measured["date"] else None
    parts = [kind(measured["kind"], lang), ", ".join(p for p in (measured["by"], when) if p)]
    if measured["short_by"] is not None:
        parts.append(gap_words(measured["short_by"], target, lang))
    return f"{measured['year']}: {measured['text']} ({'; '.join(parts)})"


def _targets(payload: list[payloads.Target], lang: Lang) -> list[str]:
    """A table per document: each target, and the figures measured against it."""
    lines = [f"# {tr('Targets, and what was measured against them', lang)}", ""]
    header = [
        tr("Year", lang),
        tr("Indicator", lang),
        tr("Target", lang),
        tr("Measured", lang),
        tr("Sources", lang),
    ]
    documents: dict[str, list[payloads.Target]] = {}
    for target in payload:
        documents.setdefault(target["document"], []).append(target)
    for targets in documents.values():
        first = targets[0]
        title = first["document_number"] or first["document"]
        if first["document_title"]:
            title += f": {first['document_title']}"
        rows = [
            [
                str(target["year"]),
                target["indicator"],
                target["target_text"] or "–",
                " · ".join(_measured(m, target, lang) for m in target["measured"]) or "–",
                ", ".join(
                    dict.fromkeys(
                        [*target["sources"], *(i for m in target["measured"] for i in m["sources"])]
                    )
                ),
            ]
            for target in targets
        ]
        lines += [f"## {_escape(title)}", "", *_table(header, rows), ""]
    lines += [f"*{_escape(tr(KINDS_NOTE, lang))}*", ""]
    return [*lines, *_note(lang)]


_RENDERERS: dict[str, Callable[[Any, Lang], list[str]]] = {
    "agencies": _agencies,
    "search": _search,
    "sources": _source_list,
    "quiz": _quiz,
    "targets": _targets,
}
# The answers that tell a missing part of a Day, which needs the data's date to be told.
_DATED: dict[str, Callable[[Any, Lang, str], list[str]]] = {
    "info": _info,
    "themes": _themes,
    "editions": _editions,
    "countdown": _countdown,
}


def render(command: str, payload: payloads.Payload, lang: Lang, as_of: str) -> str:
    """`payload` as markdown, from data current `as_of`."""
    if command in _DATED:
        lines = _DATED[command](payload, lang, as_of)
    else:
        lines = _RENDERERS[command](payload, lang)
    return "\n".join(lines).rstrip("\n") + "\n"
