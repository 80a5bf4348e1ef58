"""`--format markdown`: headings, lists and tables, ready to paste into a document."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from digiday.core.constants import QUIZ_LETTERS, Lang
from digiday.l10n import translate as words
from digiday.l10n.translate import N_, ordinal, tr
from digiday.render import phrases
from digiday.render.phrases import joined, unknown

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
    """Data as Markdown text on one line, never markup: every character that can start markup
    escaped, and its start kept from starting a block (it may begin a line or a list item)."""
    text = _REFERENCE.sub(r"\\&", _INLINE.sub(r"\\\1", " ".join(text.split())))
    start = _BLOCK_START.match(text)
    if start is None:
        return text
    if start.group()[0].isdigit():  # `2024.` stays a number: the stop is what is escaped
        return f"{start.group()}\\{text[start.end() :]}"
    return "\\" + text


def _address(url: str) -> str:
    """A URL as a link target `<...>` holds it: what ends or breaks one percent-encoded, as a
    browser sends it anyway, and a backslash (which escapes what follows) escaped."""
    url = url.replace("\\", "\\\\").replace("`", "%60")
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def _note(lang: Lang) -> list[str]:
    """The note on translated text, where it applies, as a last paragraph."""
    note = words.translation_note(lang)
    return [f"*{_escape(note)}*", ""] if note else []


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(_escape(cell) for cell in row) + " |" for row in rows]


def _sources(ids: list[str], lang: Lang) -> str:
    return f"*{tr('Sources', lang)}: {', '.join(ids)}*" if ids else ""


def _item(label: str, text: str) -> str:
    """`- **label**: text`, the text escaped."""
    return f"- **{label}**: {_escape(text)}"


def _info(payload: payloads.Info, lang: Lang, as_of: str) -> list[str]:
    lines = [f"# {tr('National Digital Transformation Day', lang)}", ""]
    if "brief" in payload:
        said = phrases.brief(payload["brief"], lang, as_of)
        return [*lines, *(f"- {_escape(line)}" for _, line in said), ""]
    for section, entries in cast("dict[str, list[payloads.InfoEntry]]", payload).items():
        lines += [f"## {words.section_title(section, lang)}", ""]
        for entry in entries:
            label = " ".join(part for part in (entry.get("date"), entry["title"]) if part)
            text = _escape(entry["text"])
            lines.append(f"- **{_escape(label)}**: {text}" if label else f"- {text}")
            lines.append(f"  {_sources(entry['sources'], lang)}")
        lines.append("")
    return [*lines, *_note(lang)]


def _agencies(payload: list[payloads.Agency], lang: Lang, as_of: str) -> list[str]:
    lines = [f"# {tr('Who organises the Day', lang)}", ""]
    for agency in payload:
        abbreviation = f" ({_escape(agency['abbreviation'])})" if agency["abbreviation"] else ""
        lines += [f"## {_escape(agency['name'])}{abbreviation}", ""]
        lines.append(f"- **{tr('Role', lang)}**: {words.role(agency['role'], lang)}")
        lines += [f"- {_escape(task)}" for task in agency["tasks"]]
        done = {N_("What changed"): agency["change"], N_("Now done by"): agency["successor_name"]}
        lines += [_item(tr(label, lang), value) for label, value in done.items() if value]
        lines += [f"- {_sources(agency['sources'], lang)}", ""]
    return [*lines, *_note(lang)]


def _theme_cell(theme: str | None, unofficial: bool, lang: Lang, missing: str) -> str:
    text = theme or missing
    return text + (f" ({tr('unofficial translation', lang)})" if theme and unofficial else "")


def _themes(payload: list[payloads.Theme], lang: Lang, as_of: str) -> list[str]:
    rows = []
    for theme in payload:
        missing = unknown(theme["year"], as_of, lang)
        text = _theme_cell(theme["theme"], theme["unofficial_translation"], lang, missing)
        rows.append([str(theme["year"]), ordinal(theme["edition"], lang), text])
    header = [tr("Year", lang), tr("Edition", lang), tr("Theme", lang)]
    notes = [_item(str(theme["year"]), theme["note"]) for theme in payload if theme["note"]]
    return [f"# {tr('Theme of each year', lang)}", "", *_table(header, rows), "", *notes, ""]


def _ceremony(ceremony: payloads.Ceremony | None, lang: Lang, missing: str) -> str:
    """A ceremony as sentences (each ending with one full stop): when and where, who chaired
    and organised it, and its note."""
    parts = [phrases.ceremony_summary(ceremony, lang) or missing]
    if ceremony:
        labelled = [(tr(label, lang), ceremony[key]) for key, label in words.CEREMONY_PARTS]
        parts += [f"{label}: {value}" for label, value in labelled if value]
        parts += [ceremony["note"]] if ceremony["note"] else []
    return " ".join(part if part.endswith((".", "…", "!", "?")) else part + "." for part in parts)


def _edition(edition: payloads.Edition, lang: Lang, as_of: str) -> list[str]:
    missing = unknown(edition["year"], as_of, lang)
    when = f"{edition['weekday']} {words.partial_date(edition['date'], lang)}"
    plan, by = edition["plan"], f" ({b})" if (b := edition["year_theme_by"]) else ""
    issued = f" ({issued})" if plan and (issued := phrases.issued(plan, lang)) else ""
    unofficial = edition["year_theme_unofficial_translation"]
    year_theme = (
        _theme_cell(y, unofficial, lang, missing) + by if (y := edition["year_theme"]) else ""
    )
    theme = _theme_cell(edition["theme"], edition["unofficial_translation"], lang, missing)
    year_label = tr("Year theme of the Government's steering body (not the Day's theme)", lang)
    items = [
        (tr("Theme of the Day", lang), theme),
        (tr("Which theme is which", lang), edition["theme_note"]),
        (year_label, year_theme),
        (tr("National ceremony", lang), _ceremony(edition["ceremony"], lang, missing)),
        (tr("Plan", lang), plan["document"] + issued if plan else missing),
    ]
    lines = [f"## {edition['year']}: {ordinal(edition['edition'], lang)}, {when}", ""]
    lines += [_item(label, text) for label, text in items if text]
    lines += [f"  {_escape(plan['note'])}"] if plan and plan["note"] else []
    lines += [_item(tr("Digital Consumption Month", lang), m)] if (m := edition["month"]) else []
    return [*lines, f"- {_sources(edition['sources'], lang)}", "", *_note(lang)]


def _editions(payload: list[payloads.Edition], lang: Lang, as_of: str) -> list[str]:
    lines = [f"# {tr('Each Day as it happened', lang)}", ""]
    if len(payload) == 1:
        return [*lines, *_edition(payload[0], lang, as_of)]
    rows = []
    for edition in payload:
        missing = unknown(edition["year"], as_of, lang)
        theme = _theme_cell(edition["theme"], edition["unofficial_translation"], lang, missing)
        where = phrases.ceremony_summary(edition["ceremony"], lang) or missing
        rows.append([str(edition["year"]), ordinal(edition["edition"], lang), theme, where])
    header = [tr("Year", lang), tr("Edition", lang), tr("Theme of the Day", lang)]
    header.append(tr("National ceremony", lang))
    return [*lines, *_table(header, rows), "", *_note(lang)]


def _countdown(payload: payloads.Countdown, lang: Lang, as_of: str) -> list[str]:
    theme = payload["theme"] or unknown(phrases.day_of(payload).year, as_of, lang)
    facts = [
        (tr("Date", lang), phrases.day_date(payload, lang)),
        (tr("Edition", lang), ordinal(payload["edition"], lang)),
        (tr("Theme", lang), theme),
        (tr("Today", lang), f"{payload['today']} ({payload['timezone']})"),
    ]
    headline = words.countdown_headline(payload["days"], payload["edition"], lang)
    return [f"# {headline}", "", *(_item(label, value) for label, value in facts), ""]


def _search(payload: list[payloads.Hit], lang: Lang, as_of: str) -> list[str]:
    rows = [[hit["ref"], hit["text"]] for hit in payload]
    header = [tr("ref", lang), tr("Text", lang)]
    return [f"# {tr('Search results', lang)}", "", *_table(header, rows), ""]


def _source_list(payload: list[payloads.Source], lang: Lang, as_of: str) -> list[str]:
    lines = [f"# {tr('Sources', lang)}", ""]
    for source in payload:
        extra = joined(source["publisher"], source["date"])
        link = f"[{_escape(source['title'])}](<{_address(source['url'])}>)"
        lines.append(f"- `{source['id']}`: {link}" + (f" ({_escape(extra)})" if extra else ""))
    if len(payload) == 1:  # one source asked for by id: what cites it
        lines += ["", f"## {tr('Cited by', lang)}", ""]
        lines += [f"- `{ref}`" for ref in payload[0]["cited_by"]]
    return [*lines, ""]


def _quiz(payload: list[payloads.Question], lang: Lang, as_of: str) -> list[str]:
    """A handout: the questions, then the answer key with facts and sources. The options are
    a list in each question's item: lines that merely follow one another are one paragraph."""
    title = f"# {tr('Quiz', lang)}: {tr('National Digital Transformation Day', lang)}"
    how = tr("Choose one answer for each question. The answer key is at the end.", lang)
    lines = [title, "", f"*{how}*", ""]
    for number, question in enumerate(payload, 1):
        lines += [f"{number}. {_escape(question['question'])}", ""]
        options = zip(QUIZ_LETTERS, question["options"], strict=True)
        lines += [f"   - {letter}. {_escape(option)}" for letter, option in options]
        lines.append("")
    lines += [f"## {tr('Answer key', lang)}", ""]
    for number, question in enumerate(payload, 1):
        letter, fact = QUIZ_LETTERS[question["answer"]], _escape(question["fact"])
        lines.append(f"{number}. **{letter}**. {fact} {_sources(question['sources'], lang)}")
    return [*lines, ""]


def _measured(measured: payloads.Measured, target: payloads.Target, lang: Lang) -> str:
    """`2024: 18.3% of GDP (estimate; the Ministry …, 6 February 2025; 1.7 points short …)`,
    and a figure made by another method than the target's says so."""
    by = joined(measured["by"], phrases.dated(measured["date"], lang))
    far = measured["short_by"]
    gap = phrases.gap_words(far, target, lang) if far is not None else None
    parts = [words.kind(measured["kind"], lang), by, gap, phrases.method_note(measured, lang)]
    return f"{measured['year']}: {measured['text']} ({'; '.join(p for p in parts if p)})"


def _target(target: payloads.Target, lang: Lang) -> list[str]:
    """A target's row: its year, indicator, words, verdict, figures and sources."""
    label, why = phrases.verdict(target, lang)
    measured = target["measured"]
    cited = [*target["sources"], *(ident for m in measured for ident in m["sources"])]
    figures = " · ".join(_measured(m, target, lang) for m in measured) or "–"
    row = [str(target["year"]), target["indicator"], target["target_text"] or "–", label + why]
    return [*row, figures, ", ".join(dict.fromkeys(cited))]


def _targets(payload: list[payloads.Target], lang: Lang, as_of: str) -> list[str]:
    """The count of each verdict, then a table per document: each target, its verdict and
    the figures measured against it."""
    lines = [f"# {phrases.targets_title(payload, lang)}", ""]
    lines += [_escape(phrases.verdict_counts(payload, lang)), ""]
    header = [tr("Year", lang), tr("Indicator", lang), tr("Target", lang), tr("Verdict", lang)]
    header += [tr("Measured", lang), tr("Sources", lang)]
    documents: dict[str, list[payloads.Target]] = {}
    for target in payload:
        documents.setdefault(target["document"], []).append(target)
    for targets in documents.values():
        first = targets[0]
        title = first["document_number"] or first["document"]
        title += f": {first['document_title']}" if first["document_title"] else ""
        rows = [_target(target, lang) for target in targets]
        lines += [f"## {_escape(title)}", "", *_table(header, rows), ""]
    return [*lines, f"*{_escape(tr(words.KINDS_NOTE, lang))}*", "", *_note(lang)]


# Each command's layout, from its payload, language and the data's date (for a missing part).
_RENDERERS: dict[str, Callable[[Any, Lang, str], list[str]]] = {
    **{"info": _info, "agencies": _agencies, "themes": _themes, "editions": _editions},
    **{"countdown": _countdown, "search": _search, "sources": _source_list, "quiz": _quiz},
    "targets": _targets,
}


def render(command: str, payload: payloads.Payload, lang: Lang, as_of: str) -> str:
    """`payload` as markdown, from data current `as_of`."""
    return "\n".join(_RENDERERS[command](payload, lang, as_of)).rstrip("\n") + "\n"
