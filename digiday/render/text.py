"""The default output: each command's layout for people, with Rich and render/layout.py.
Data is passed as `Text`, never as markup, with the highlighter off: a `[` or a number in
the data is printed as it is."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from rich.console import Group
from rich.text import Span, Text

from digiday.core.constants import QUIZ_LETTERS, Lang
from digiday.l10n import translate as words
from digiday.l10n.translate import tr
from digiday.render import phrases
from digiday.render.layout import Block, Column, Fitted, boxed, cells, console

if TYPE_CHECKING:
    from rich.console import RenderableType

    from digiday.answers import payloads
    from digiday.environment import Environment

__all__ = ["answer", "console", "question", "render", "styled"]

ACCENT = "bold red"
MUTED = "dim"
YEAR: dict[str, Any] = {"style": "bold", "no_wrap": True}  # every table's first column
KIND_STYLES = {"official": "green", "estimate": "yellow", "claim": "magenta"}
VERDICT_STYLES = {"met": "bold green", "not_met": "bold red", "disputed": "bold yellow"}


def _t(*parts: str | tuple[str, str] | Text) -> Text:
    return Text.assemble(*parts)


def _banner(lang: Lang, subtitle: str) -> RenderableType:
    title = _t((tr("National Digital Transformation Day", lang), ACCENT), "\n", (subtitle, "bold"))
    return boxed(title, "red", (0, 2))


def _heading(text: str, style: str = "bold underline") -> Text:
    return _t((text, style))


def _day(day: payloads.Theme | payloads.Edition, lang: Lang) -> Text:
    return _heading(f"{day['year']} · {words.ordinal(day['edition'], lang)}", "bold")


def _translation_note(lang: Lang) -> list[RenderableType]:
    """The note on translated text, where it applies, after a blank line."""
    note = words.translation_note(lang)
    return ["", _t((note, MUTED))] if note else []


def _sources(ids: list[str], lang: Lang) -> Text:
    return _t((f"{tr('Sources', lang)}: {', '.join(ids)}", MUTED))


def _info(payload: payloads.Info, lang: Lang, as_of: str) -> list[RenderableType]:
    if "brief" in payload:
        said = phrases.brief(payload["brief"], lang, as_of)
        title = _t((tr("National Digital Transformation Day", lang), ACCENT))
        return [title, *(Block(_t(line)) for _, line in said)]
    subtitle = f"{tr('10 October, every year', lang)} · "
    out = [_banner(lang, subtitle + tr("Decision 505/QĐ-TTg of 22 April 2022", lang))]
    for section, entries in cast("dict[str, list[payloads.InfoEntry]]", payload).items():
        out += ["", _heading(words.section_title(section, lang).upper())]
        for entry in entries:
            label = " · ".join(part for part in (entry.get("date"), entry["title"]) if part)
            out.append(Block(_t((label, "bold")), 2, lead="• "))
            out.append(Block(_t(entry["text"], "\n", _sources(entry["sources"], lang)), 4))
    return out + _translation_note(lang)


def _agencies(payload: list[payloads.Agency], lang: Lang, as_of: str) -> list[RenderableType]:
    out: list[RenderableType] = [_banner(lang, tr("Who organises the Day", lang))]
    for agency in payload:
        abbreviation = f" ({agency['abbreviation']})" if agency["abbreviation"] else ""
        name = (agency["name"] + abbreviation, "bold")
        role = f"[{words.role(agency['role'], lang)}]"
        out += ["", Block(_t(name, "  ", (role, "cyan")), hang=2)]
        out += [Block(_t(task), 2, lead="• ") for task in agency["tasks"]]
        for label, value, style in (
            (tr("What changed", lang), agency["change"], "bold yellow"),
            (tr("Now done by", lang), agency["successor_name"], "bold green"),
        ):
            if value:
                out.append(Block(_t((f"{label}: ", style), value), 2, hang=2))
        out.append(Block(_sources(agency["sources"], lang), 2, hang=2))
    return out + _translation_note(lang)


def _theme_text(theme: str | None, unofficial: bool, lang: Lang, missing: Text) -> Text:
    if theme is None:
        return missing
    return _t(theme, (f" ({tr('unofficial translation', lang)})" if unofficial else "", MUTED))


def _themes(payload: list[payloads.Theme], lang: Lang, as_of: str) -> list[RenderableType]:
    rows = []
    for theme in payload:
        missing = _t((phrases.unknown(theme["year"], as_of, lang), MUTED))
        text = _theme_text(theme["theme"], theme["unofficial_translation"], lang, missing)
        edition = _t(words.ordinal(theme["edition"], lang))
        rows.append((_day(theme, lang), [_t(str(theme["year"])), edition, text]))
    columns: list[Column] = [
        (tr("Year", lang), False, YEAR),
        (tr("Edition", lang), False, {"no_wrap": True}),
        (tr("Theme", lang), True, {}),
    ]
    notes = [_t((f"{t['year']}: ", "bold"), (t["note"], MUTED)) for t in payload if t["note"]]
    return [Fitted(tr("Theme of each year", lang), columns, rows), *notes]


def _editions(payload: list[payloads.Edition], lang: Lang, as_of: str) -> list[RenderableType]:
    if len(payload) == 1:
        return _edition_entry(payload[0], lang, as_of)
    rows = []
    for edition in payload:
        missing = _t((phrases.unknown(edition["year"], as_of, lang), MUTED))
        where = phrases.ceremony_summary(edition["ceremony"], lang)
        edition_in_short = (words.short_ordinal(edition["edition"], lang), "not bold")
        cells = [
            _t(str(edition["year"]), "\n", edition_in_short),
            _theme_text(edition["theme"], edition["unofficial_translation"], lang, missing),
            _t(where) if where else missing,
        ]
        rows.append((_day(edition, lang), cells))
    # The edition goes under the year, so that the two texts keep the width at 40 columns.
    columns: list[Column] = [
        (tr("Year", lang), False, YEAR),
        (tr("Theme of the Day", lang), True, {"ratio": 3, "overflow": "fold"}),
        (tr("National ceremony", lang), True, {"ratio": 2, "overflow": "fold"}),
    ]
    return [Fitted(tr("Each Day as it happened", lang), columns, rows)]


def _ceremony(ceremony: payloads.Ceremony | None, lang: Lang) -> list[Text]:
    if ceremony is None:
        return []
    labelled = [(tr(label, lang), ceremony[key]) for key, label in words.CEREMONY_PARTS]
    return [
        _t(phrases.ceremony_summary(ceremony, lang) or ""),
        *(_t((f"{label}: ", "bold"), value) for label, value in labelled if value),
        *([_t(ceremony["note"])] if ceremony["note"] else []),
        _sources(ceremony["sources"], lang),
    ]


def _plan(plan: payloads.Plan | None, lang: Lang) -> list[Text]:
    if plan is None:
        return []
    issued = phrases.issued(plan, lang)
    return [
        _t(plan["document"], (f" ({issued})" if issued else "", MUTED)),
        *([_t(plan["note"])] if plan["note"] else []),
        _sources(plan["sources"], lang),
    ]


def _edition_entry(edition: payloads.Edition, lang: Lang, as_of: str) -> list[RenderableType]:
    """One Day told in full, part by part, each with its sources: a part every Day has is
    said to be missing where the data lacks it; one only some Days have is left out."""
    missing = _t((phrases.unknown(edition["year"], as_of, lang), MUTED))
    year_theme = edition["year_theme_unofficial_translation"]
    by = [_t((f"{tr('Set by', lang)}: ", "bold"), b)] if (b := edition["year_theme_by"]) else []
    parts: list[tuple[str, list[Text] | None]] = [
        (
            tr("Theme of the Day", lang),
            [_theme_text(edition["theme"], edition["unofficial_translation"], lang, missing)],
        ),
        (tr("Which theme is which", lang), [_t(n)] if (n := edition["theme_note"]) else None),
        (
            tr("Year theme of the Government's steering body (not the Day's theme)", lang),
            [_theme_text(y, year_theme, lang, missing), *by]
            if (y := edition["year_theme"])
            else None,
        ),
        (tr("National ceremony", lang), _ceremony(edition["ceremony"], lang)),
        (tr("Plan", lang), _plan(edition["plan"], lang)),
        (tr("Digital Consumption Month", lang), [_t(m)] if (m := edition["month"]) else None),
    ]
    when = f"{words.ordinal(edition['edition'], lang)} · {phrases.day_date(edition, lang)}"
    out = [_banner(lang, f"{edition['year']} · {when}")]
    for label, lines in parts:
        if lines is not None:
            out += ["", _heading(label), *(Block(line, 2) for line in lines or [missing])]
    return [*out, "", _sources(edition["sources"], lang), *_translation_note(lang)]


def _countdown(payload: payloads.Countdown, lang: Lang, as_of: str) -> list[RenderableType]:
    headline = words.countdown_headline(payload["days"], payload["edition"], lang)
    theme = payload["theme"] or phrases.unknown(phrases.day_of(payload).year, as_of, lang)
    today = f"{tr('Today', lang)}: {payload['today']} ({payload['timezone']})"
    date = (f"{tr('Date', lang)}: ", "bold")
    body = _t((headline, ACCENT), "\n\n", date, f"{phrases.day_date(payload, lang)}\n")
    body.append_text(_t((f"{tr('Theme', lang)}: ", "bold"), theme, "\n", (today, MUTED)))
    return [boxed(body, "bold green" if payload["is_today"] else "red")]


SNIPPET_LEAD = 24  # characters of context kept before the first match


def _search(payload: list[payloads.Hit], highlight: Highlight, width: int) -> list[RenderableType]:
    """Each match as its ref and a line around its first matched words, cut between words;
    the results that fit are one text styled by offsets, as there can be hundreds."""
    out: list[RenderableType] = []
    plain: list[str] = []  # the results that fit, so far
    spans: list[Span] = []
    length = 0
    for hit in payload:
        text = hit["text"]
        found = highlight(text)
        first = found[0][0] if found else 0
        start = 0
        if first > SNIPPET_LEAD:
            space = text.find(" ", first - SNIPPET_LEAD, first)
            start = space + 1 if space != -1 else first
        lead = "  …" if start else "  "
        room = width - len(lead) - 1  # one column for a closing ellipsis
        excerpt = text[start:]
        if len(excerpt) > room:
            cut = excerpt.rfind(" ", 0, room)
            excerpt = excerpt[: cut if cut > 0 else room].rstrip(" ,;:·") + "…"
        # Cut to fit by characters; a wide character (CJK) can still overflow: wrap those.
        fits = cells(lead + excerpt) <= width
        ref, snippet = hit["ref"], f"{lead}{excerpt}"
        at = (length + len(ref) + 1 if fits else 0) + len(lead) - start  # the text's offset 0
        marks = [
            Span(begin + at, end + at, "bold reverse")
            for begin, end in found
            if begin >= start and end - start <= len(excerpt)
        ]
        if fits:
            spans += [Span(length, length + len(ref), "cyan"), *marks]
            plain.append(f"{ref}\n{snippet}\n")
            length += len(plain[-1])
        else:
            out += [*_laid(plain, spans), Block(_t((ref, "cyan")), whole=True)]
            out.append(Block(Text(snippet, spans=marks)))
            plain, spans, length = [], [], 0
    return [*out, *_laid(plain, spans)]


def _laid(plain: list[str], spans: list[Span]) -> list[Block]:
    return [Block(Text("".join(plain).rstrip("\n"), spans=spans), whole=True)] if plain else []


def _source_list(payload: list[payloads.Source], lang: Lang, as_of: str) -> list[RenderableType]:
    """Each source with how many items cite it; one asked for by id, with the items."""
    out: list[RenderableType] = [_heading(tr("Sources", lang)), ""]
    for source in payload:
        cited = None if len(payload) == 1 else phrases.cited(len(source["cited_by"]), lang)
        extra = phrases.joined(source["publisher"], source["date"], cited)
        out.append(Block(_t((source["title"], "bold")), lead=_t((source["id"], "cyan"), "  ")))
        out += [Block(_t((extra, MUTED)), 2)] if extra else []
        out += [Block(_t((source["url"], "underline")), 2, whole=True), ""]
    if len(payload) == 1:
        out.append(_t((f"{tr('Cited by', lang)}:", "bold")))
        out += [Block(_t(ref), 2, lead="• ") for ref in payload[0]["cited_by"]]
        out.append("")
    return out[:-1]


def nearest_gap(
    group: list[payloads.Target], measured: payloads.Measured, lang: Lang
) -> str | None:
    """How far `measured` is from the first target it can be compared with set for its year
    or after (a figure of 2024 against the target for 2025), else from the latest."""
    comparable = [
        (target, mine["short_by"])
        for target in sorted(group, key=lambda target: target["year"])
        for mine in target["measured"]
        if mine["id"] == measured["id"] and mine["short_by"] is not None
    ]
    later = [pair for pair in comparable if pair[0]["year"] >= measured["year"]]
    if not comparable:
        return None
    target, short = later[0] if later else max(comparable, key=lambda pair: pair[0]["year"])
    return phrases.gap_words(short, target, lang)


def indicator_groups(payload: list[payloads.Target]) -> list[tuple[str, list[payloads.Target]]]:
    """The targets by what they measure, each group under the indicator of its first target
    with a number (one without is told in its document's words, a poor heading)."""
    groups: dict[str, list[payloads.Target]] = {}
    for target in payload:
        groups.setdefault(target["measure"], []).append(target)
    numbered = [next((t for t in g if t["target"] is not None), g[0]) for g in groups.values()]
    return [(first["indicator"], g) for first, g in zip(numbered, groups.values(), strict=True)]


def _measured_table(group: list[payloads.Target], lang: Lang) -> RenderableType:
    """Every figure measured against a group's targets, with its kind, its maker, and how
    far it is from the target it is told against (or why it cannot be compared)."""
    rows = []
    for measured in group[0]["measured"]:
        said = nearest_gap(group, measured, lang) or phrases.method_note(measured, lang)
        missing = tr("not comparable", lang) if measured["value"] is not None else "–"
        label = _t((words.kind(measured["kind"], lang), KIND_STYLES[measured["kind"]]))
        by = phrases.joined(measured["by"], phrases.dated(measured["date"], lang))
        far = _t(said) if said else _t((missing, MUTED))
        cells = [_t(str(measured["year"])), _t(measured["text"]), label, _t(by), far]
        rows.append((_t((f"{measured['year']} · ", "bold"), label), cells))
    columns: list[Column] = [
        (tr("Year", lang), False, YEAR),
        (tr("Figure", lang), True, {}),
        (tr("Kind", lang), False, {"no_wrap": True}),
        (tr("By", lang), True, {}),
        (tr("Gap to the target", lang), True, {}),
    ]
    return Fitted(tr("Measured", lang), columns, rows)


def _target(target: payloads.Target, heading: str, lang: Lang) -> list[RenderableType]:
    """A target in a line, and under it its verdict and the figures that decided it."""
    what = target["target_text"] or target["indicator"]
    if target["target_text"] and target["indicator"] != heading:
        what = f"{target['indicator']}: {what}"
    line = _t((f"{target['year']}: ", "bold"), what, (f" · {target['document_number']}", MUTED))
    label, why = phrases.verdict(target, lang)
    style = VERDICT_STYLES.get(target["verdict"], MUTED)
    said = _t((f"{tr('Verdict', lang)}: ", "bold"), (label, style), why)
    return [Block(line, 2, lead="• "), Block(said, 4, hang=2)]


def _targets(payload: list[payloads.Target], lang: Lang, as_of: str) -> list[RenderableType]:
    """The count of each verdict; then, indicator by indicator, its targets with their
    verdicts and every figure measured against them."""
    out = [_banner(lang, phrases.targets_title(payload, lang)), ""]
    out.append(_heading(phrases.verdict_counts(payload, lang), "bold"))
    for heading, group in indicator_groups(payload):
        out += ["", _heading(heading), _heading(tr("Targets", lang), "bold")]
        for target in sorted(group, key=lambda target: target["year"]):
            out += _target(target, heading, lang)
        measured = group[0]["measured"]
        notes = [(f"{m['year']}, {m['text']}: ", m["note"]) for m in measured if m["note"]]
        if measured:
            out += [_measured_table(group, lang), *([""] if notes else [])]
            out += [Block(_t((lead, "bold"), (note, MUTED)), 2) for lead, note in notes]
        else:
            none = tr("No figure measured against it in the data.", lang)
            out.append(Block(_t((none, MUTED)), 2))
        cited = [i for item in [*group, *measured] for i in item["sources"]]
        out.append(Block(_sources(list(dict.fromkeys(cited)), lang), 2, hang=2))
    return [*out, "", _t((tr(words.KINDS_NOTE, lang), MUTED)), *_translation_note(lang)]


def question(number: int, count: int, asked: payloads.Question, lang: Lang) -> list[RenderableType]:
    """One question with its four options, as the quiz asks it and as the handout prints it."""
    heading = tr("Question {number} of {count}", lang, number=number, count=count)
    options = zip(QUIZ_LETTERS, asked["options"], strict=True)
    out: list[RenderableType] = [_t((heading, MUTED)), Block(_t((asked["question"], "bold")))]
    return out + [Block(_t(o), 2, lead=_t((f"{k}. ", "bold cyan"))) for k, o in options]


def styled(text: str, style: str, indent: int = 0) -> RenderableType:
    """The tool's own words in a style, wrapped: the quiz's prompt, verdicts and score."""
    return Block(_t((text, style)), indent)


def answer(asked: payloads.Question, lang: Lang) -> list[RenderableType]:
    """The fact behind a question, with its sources."""
    return [Block(_t(asked["fact"]), 2), Block(_sources(asked["sources"], lang), 2, hang=2)]


def _quiz(payload: list[payloads.Question], lang: Lang, as_of: str) -> list[RenderableType]:
    out: list[RenderableType] = [_heading(tr("Quiz", lang)), ""]
    for number, asked in enumerate(payload, 1):
        out += [*question(number, len(payload), asked, lang), ""]
    out += [_heading(tr("Answer key", lang)), ""]
    for number, asked in enumerate(payload, 1):
        out += [_t((f"{number}. {QUIZ_LETTERS[asked['answer']]}", "bold")), *answer(asked, lang)]
    return out


# Each command's layout, from its payload, language and the data's date (for a missing part).
_RENDERERS: dict[str, Callable[[Any, Lang, str], list[RenderableType]]] = {
    **{"info": _info, "agencies": _agencies, "themes": _themes, "editions": _editions},
    **{"countdown": _countdown, "sources": _source_list, "quiz": _quiz, "targets": _targets},
}
Highlight = Callable[[str], list[tuple[int, int]]]  # where in a text the search words stand


def render(
    command: str,
    payload: payloads.Payload,
    env: Environment,
    as_of: str,
    highlight: Highlight | None = None,
) -> str:
    """`payload` laid out for `env` from data current `as_of` (`highlight` finds the search
    words), whole: the caller writes it, and reports a failed write, the one way."""
    out = console(env)
    renderables = (
        _search(cast("list[payloads.Hit]", payload), highlight or (lambda _: []), out.width)
        if command == "search"
        else _RENDERERS[command](payload, env.lang, as_of)
    )
    with out.capture() as captured:  # nothing is wider than the width but addresses
        out.print(Group(*(Block(i) if isinstance(i, Text) else i for i in renderables)), crop=False)
    text = captured.get()
    if out.color_system is None:  # unstyled: drop the padding Rich leaves at line ends
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
