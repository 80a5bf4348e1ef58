"""The default output, each command's layout for people, with Rich. With its layout engine
(render/layout.py), the only module that imports Rich, and only ever imported to lay text
out (by emit, the live countdown and the quiz), so it imports the parts every layout uses
at the top; tables and panels, which some views lack, where they are used.

Styles appear only when the environment says so (`env.colour`: the terminal, NO_COLOR and
FORCE_COLOR); otherwise the console has no colour system at all, so not even bold escapes
reach a pipe. Whether stdout is a terminal is a separate thing (`env.is_terminal`): without
colour, the live countdown must still move the cursor. Text from the data is always passed
as `Text`, never as markup, and the highlighter is off, so a `[` or a number in the data is
printed as it is.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, cast

from rich.cells import cell_len
from rich.console import Console, Group
from rich.text import Span, Text

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
    short_ordinal,
    tr,
    translation_note,
)
from digiday.render.layout import Block, Fitted, boxed
from digiday.render.phrases import brief, ceremony_summary, day_date, day_of, gap_words, unknown
from digiday.render.wrap import cells

if TYPE_CHECKING:
    from rich.console import RenderableType

    from digiday.answers import payloads
    from digiday.environment import Environment

ACCENT = "bold red"
MUTED = "dim"


def console(env: Environment, file: IO[str] | None = None) -> Console:
    """A console laid out for `env`'s stdout (its width, colour, and ASCII boxes where it
    cannot show others), writing to `file` (default: a buffer in memory)."""

    class _Buffer(io.StringIO):
        # Rich picks ASCII boxes and bullets by the file's encoding.
        encoding = "ascii" if env.ascii_only else "utf-8"

    return Console(
        file=_Buffer() if file is None else file,
        width=env.width,
        # A terminal stays one under NO_COLOR (Rich's Live redraws only on a terminal), and
        # FORCE_COLOR makes a pipe one, since Rich gives no colour to anything else.
        force_terminal=env.is_terminal or env.colour,
        color_system="auto" if env.colour else None,
        no_color=not env.colour,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def _t(*parts: str | tuple[str, str] | Text) -> Text:
    return Text.assemble(*parts)


def _banner(lang: Lang, subtitle: str) -> RenderableType:
    title = _t((tr("National Digital Transformation Day", lang), ACCENT), "\n", (subtitle, "bold"))
    return boxed(title, "red", (0, 2))


def _field(label: str, value: Text) -> Block:
    return Block(_t((f"{label}: ", "bold"), value), 2, hang=2)


def _record_title(year: int, edition: int, lang: Lang) -> Text:
    return _t((f"{year} · {ordinal(edition, lang)}", "bold"))


def _translation_note(lang: Lang) -> list[RenderableType]:
    """The note on translated text, where it applies, after a blank line."""
    note = translation_note(lang)
    return ["", _t((note, MUTED))] if note else []


def _sources(ids: list[str], lang: Lang) -> Text:
    return _t((f"{tr('Sources', lang)}: {', '.join(ids)}", MUTED))


def _info(payload: payloads.Info, lang: Lang, as_of: str) -> list[RenderableType]:
    if "brief" in payload:
        title = _t((tr("National Digital Transformation Day", lang), ACCENT))
        said = brief(payload["brief"], lang, as_of)
        return [title, *(Block(_t(line)) for _, line in said)]
    out: list[RenderableType] = [
        _banner(
            lang,
            tr("10 October, every year", lang)
            + " · "
            + tr("Decision 505/QĐ-TTg of 22 April 2022", lang),
        )
    ]
    for section, entries in cast("dict[str, list[payloads.InfoEntry]]", payload).items():
        out += ["", _t((section_title(section, lang).upper(), "bold underline"))]
        for entry in entries:
            label = " · ".join(part for part in (entry.get("date"), entry["title"]) if part)
            out.append(Block(_t((label, "bold")), 2, lead="• "))
            out.append(Block(_t(entry["text"], "\n", _sources(entry["sources"], lang)), 4))
    out += _translation_note(lang)
    return out


def _agencies(payload: list[payloads.Agency], lang: Lang) -> list[RenderableType]:
    out: list[RenderableType] = [_banner(lang, tr("Who organises the Day", lang))]
    for agency in payload:
        abbreviation = f" ({agency['abbreviation']})" if agency["abbreviation"] else ""
        title = _t(
            (agency["name"] + abbreviation, "bold"),
            "  ",
            (f"[{role(agency['role'], lang)}]", "cyan"),
        )
        out += ["", Block(title, hang=2)]
        out += [Block(_t(task), 2, lead="• ") for task in agency["tasks"]]
        if agency["change"]:
            change = _t((f"{tr('What changed', lang)}: ", "bold yellow"), agency["change"])
            out.append(Block(change, 2, hang=2))
        if agency["successor_name"]:
            now = _t((f"{tr('Now done by', lang)}: ", "bold green"), agency["successor_name"])
            out.append(Block(now, 2, hang=2))
        out.append(Block(_sources(agency["sources"], lang), 2, hang=2))
    out += _translation_note(lang)
    return out


def _themes(payload: list[payloads.Theme], lang: Lang, as_of: str) -> list[RenderableType]:
    from rich.table import Table

    table = Table(
        title=tr("Theme of each year", lang), title_style="bold", show_lines=True, expand=False
    )
    table.add_column(tr("Year", lang), style="bold", no_wrap=True)
    table.add_column(tr("Edition", lang), no_wrap=True)
    table.add_column(tr("Theme", lang))
    fields: list[RenderableType] = [_t((tr("Theme of each year", lang), "bold"))]
    for theme in payload:
        if theme["theme"] is None:
            text = _unknown(theme["year"], as_of, lang)
        else:
            note = (
                f" ({tr('unofficial translation', lang)})"
                if theme["unofficial_translation"]
                else ""
            )
            text = _t(theme["theme"], (note, MUTED))
        table.add_row(str(theme["year"]), ordinal(theme["edition"], lang), text)
        fields += ["", _record_title(theme["year"], theme["edition"], lang)]
        fields.append(_field(tr("Theme", lang), text))
    notes: list[RenderableType] = [
        _t((f"{theme['year']}: ", "bold"), (theme["note"], MUTED))
        for theme in payload
        if theme["note"]
    ]
    return [Fitted(table, fields), *notes]


def _unknown(year: int, as_of: str, lang: Lang) -> Text:
    return _t((unknown(year, as_of, lang), MUTED))


def _theme_text(theme: str | None, unofficial: bool, lang: Lang, missing: Text) -> Text:
    if theme is None:
        return missing
    return _t(theme, (f" ({tr('unofficial translation', lang)})" if unofficial else "", MUTED))


def _short_ordinal(number: int, lang: Lang) -> str:
    """`lần 5` / `5th`: an edition in a narrow column."""
    return short_ordinal(number, lang)


def _edition_table(payload: list[payloads.Edition], lang: Lang, as_of: str) -> list[RenderableType]:
    from rich.table import Table

    table = Table(
        title=tr("Each Day as it happened", lang), title_style="bold", show_lines=True, expand=False
    )
    # The edition goes under the year, so that the two texts keep the width at 40 columns.
    table.add_column(tr("Year", lang), style="bold", no_wrap=True)
    table.add_column(tr("Theme of the Day", lang), ratio=3, overflow="fold")
    table.add_column(tr("National ceremony", lang), ratio=2, overflow="fold")
    fields: list[RenderableType] = [_t((tr("Each Day as it happened", lang), "bold"))]
    for edition in payload:
        where = ceremony_summary(edition["ceremony"], lang)
        missing = _unknown(edition["year"], as_of, lang)
        theme = _theme_text(edition["theme"], edition["unofficial_translation"], lang, missing)
        ceremony = _t(where) if where else missing
        table.add_row(
            _t(str(edition["year"]), "\n", (_short_ordinal(edition["edition"], lang), "not bold")),
            theme,
            ceremony,
        )
        fields += ["", _record_title(edition["year"], edition["edition"], lang)]
        fields += [
            _field(tr("Theme of the Day", lang), theme),
            _field(tr("National ceremony", lang), ceremony),
        ]
    return [Fitted(table, fields)]


def _edition_entry(edition: payloads.Edition, lang: Lang, as_of: str) -> list[RenderableType]:
    """One Day told in full, part by part, each with its sources."""
    subtitle = (
        f"{edition['year']} · {ordinal(edition['edition'], lang)} · {day_date(edition, lang)}"
    )
    out: list[RenderableType] = [_banner(lang, subtitle)]
    missing = _unknown(edition["year"], as_of, lang)

    def part(label: str, *lines: Text | None) -> None:
        present = [line for line in lines if line is not None]
        out.extend(["", _t((label, "bold underline"))])
        out.extend(Block(line, 2) for line in present or [missing])

    part(
        tr("Theme of the Day", lang),
        _theme_text(edition["theme"], edition["unofficial_translation"], lang, missing),
    )
    if edition["theme_note"]:
        part(tr("Which theme is which", lang), _t(edition["theme_note"]))
    if edition["year_theme"]:
        part(
            tr("Year theme of the Government's steering body (not the Day's theme)", lang),
            _theme_text(
                edition["year_theme"], edition["year_theme_unofficial_translation"], lang, missing
            ),
            _t((f"{tr('Set by', lang)}: ", "bold"), edition["year_theme_by"])
            if edition["year_theme_by"]
            else None,
        )
    ceremony = edition["ceremony"]
    if ceremony is None:
        part(tr("National ceremony", lang))
    else:
        labelled = [
            (tr(label, lang), value) for key, label in CEREMONY_PARTS if (value := ceremony[key])
        ]
        part(
            tr("National ceremony", lang),
            _t(ceremony_summary(ceremony, lang) or ""),
            *(_t((f"{label}: ", "bold"), value) for label, value in labelled),
            _t(ceremony["note"]) if ceremony["note"] else None,
            _sources(ceremony["sources"], lang),
        )
    plan = edition["plan"]
    if plan is None:
        part(tr("Plan", lang))
    else:
        issued = ", ".join(
            part
            for part in (plan["issuer"], plan["date"] and partial_date(plan["date"], lang))
            if part
        )
        part(
            tr("Plan", lang),
            _t(plan["document"], (f" ({issued})" if issued else "", MUTED)),
            _t(plan["note"]) if plan["note"] else None,
            _sources(plan["sources"], lang),
        )
    if edition["month"]:
        part(tr("Digital Consumption Month", lang), _t(edition["month"]))
    out += ["", _sources(edition["sources"], lang)]
    out += _translation_note(lang)
    return out


def _editions(payload: list[payloads.Edition], lang: Lang, as_of: str) -> list[RenderableType]:
    if len(payload) == 1:
        return _edition_entry(payload[0], lang, as_of)
    return _edition_table(payload, lang, as_of)


def _countdown(payload: payloads.Countdown, lang: Lang, as_of: str) -> list[RenderableType]:
    headline = countdown_headline(payload["days"], payload["edition"], lang)
    theme = payload["theme"] or unknown(day_of(payload).year, as_of, lang)
    body = _t(
        (headline, ACCENT),
        "\n\n",
        (f"{tr('Date', lang)}: ", "bold"),
        f"{day_date(payload, lang)}\n",
        (f"{tr('Theme', lang)}: ", "bold"),
        theme,
        "\n",
        (f"{tr('Today', lang)}: {payload['today']} ({payload['timezone']})", MUTED),
    )
    celebrate = "bold green" if payload["is_today"] else "red"
    return [boxed(body, celebrate)]


SNIPPET_LEAD = 24  # characters of context kept before the first match


def _search(payload: list[payloads.Hit], highlight: Highlight, width: int) -> list[RenderableType]:
    """Each match as its ref and a one-line snippet around the first matched words, like a
    search engine's results, starting and ending on word boundaries; the whole text is in
    --plain and --json. The results whose snippet fits are laid out as one text, styled
    by offsets: there can be hundreds."""
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
        fits = cells(lead + excerpt, cell_len) <= width
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


def _source_list(payload: list[payloads.Source], lang: Lang) -> list[RenderableType]:
    out: list[RenderableType] = [_t((tr("Sources", lang), "bold underline")), ""]
    for source in payload:
        extra = ", ".join(part for part in (source["publisher"], source["date"]) if part)
        lead = _t((source["id"], "cyan"), "  ")
        out.append(Block(_t((source["title"], "bold")), lead=lead))
        if extra:
            out.append(Block(_t((extra, MUTED)), 2))
        out += [Block(_t((source["url"], "underline")), 2, whole=True), ""]
    if len(payload) == 1:  # one source asked for by id: what cites it
        out.append(_t((f"{tr('Cited by', lang)}:", "bold")))
        out += [Block(_t(ref), 2, lead="• ") for ref in payload[0]["cited_by"]]
        out.append("")
    return out[:-1]


KIND_STYLES = {"official": "green", "estimate": "yellow", "claim": "magenta"}


def nearest_gap(
    group: list[payloads.Target], measured: payloads.Measured, lang: Lang
) -> tuple[str | None, payloads.Target | None]:
    """How far `measured` is from the target of its indicator it is told against: the first
    set for its year or after (a figure of 2024 against the target for 2025), else the
    latest; only a target it can be compared with (the same unit) counts. Returns the gap
    in words and that target, or (None, None)."""
    comparable = []
    for target in group:
        mine = next(m for m in target["measured"] if m["id"] == measured["id"])
        if mine["short_by"] is not None:
            comparable.append((target, mine["short_by"]))
    if not comparable:
        return None, None
    later = [pair for pair in comparable if pair[0]["year"] >= measured["year"]]
    target, short = (
        min(later, key=lambda pair: pair[0]["year"])
        if later
        else max(comparable, key=lambda pair: pair[0]["year"])
    )
    return gap_words(short, target, lang), target


def indicator_groups(payload: list[payloads.Target]) -> list[tuple[str, list[payloads.Target]]]:
    """The targets by what they measure, in the order each first appears, each group under
    the indicator of its first target with a number (a target without one is told in its
    document's words, which make a poor heading: "5G mobile coverage of the whole country")."""
    groups: dict[str, list[payloads.Target]] = {}
    for target in payload:
        groups.setdefault(target["measure"], []).append(target)
    return [
        (
            next((t["indicator"] for t in group if t["target"] is not None), group[0]["indicator"]),
            group,
        )
        for group in groups.values()
    ]


def _measured_by(measured: payloads.Measured, lang: Lang) -> str:
    when = partial_date(measured["date"], lang) if measured["date"] else None
    return ", ".join(part for part in (measured["by"], when) if part)


def _measured_table(group: list[payloads.Target], lang: Lang) -> RenderableType:
    from rich.table import Table

    table = Table(title=tr("Measured", lang), title_style="bold", show_lines=True, expand=False)
    table.add_column(tr("Year", lang), style="bold", no_wrap=True)
    table.add_column(tr("Figure", lang))
    table.add_column(tr("Kind", lang), no_wrap=True)
    table.add_column(tr("By", lang))
    table.add_column(tr("Gap to the target", lang))
    fields: list[RenderableType] = [_t((tr("Measured", lang), "bold"))]
    for measured in group[0]["measured"]:
        said, _ = nearest_gap(group, measured, lang)
        missing = tr("not comparable", lang) if measured["value"] is not None else "–"
        far = _t(said) if said else _t((missing, MUTED))
        label = kind(measured["kind"], lang)
        shown_kind = _t((label, KIND_STYLES[measured["kind"]]))
        by = _t(_measured_by(measured, lang))
        table.add_row(str(measured["year"]), _t(measured["text"]), shown_kind, by, far)
        fields += ["", _t((f"{measured['year']} · ", "bold"), shown_kind)]
        fields += [
            _field(tr("Figure", lang), _t(measured["text"])),
            _field(tr("By", lang), by),
            _field(tr("Gap to the target", lang), far),
        ]
    return Fitted(table, fields)


def _targets(payload: list[payloads.Target], lang: Lang) -> list[RenderableType]:
    """For each indicator, its targets, then every figure measured against them, of which
    kind, and how far it is from the target it is told against."""
    out: list[RenderableType] = [
        _banner(lang, tr("Targets, and what was measured against them", lang))
    ]
    for heading, group in indicator_groups(payload):
        out += ["", _t((heading, "bold underline")), _t((tr("Targets", lang), "bold"))]
        for target in sorted(group, key=lambda target: target["year"]):
            what = target["target_text"] or target["indicator"]
            if target["target_text"] and target["indicator"] != heading:
                what = f"{target['indicator']}: {what}"
            line = _t(
                (f"{target['year']}: ", "bold"), what, (f" · {target['document_number']}", MUTED)
            )
            out.append(Block(line, 2, lead="• "))
        measured = group[0]["measured"]
        if measured:
            out.append(_measured_table(group, lang))
            notes = [(m, note) for m in measured if (note := m["note"])]
            out += [""] if notes else []
            out += [
                Block(_t((f"{m['year']}, {m['text']}: ", "bold"), (note, MUTED)), 2)
                for m, note in notes
            ]
        else:
            out.append(
                Block(_t((tr("No figure measured against it in the data.", lang), MUTED)), 2)
            )
        cited = [
            *(ident for target in group for ident in target["sources"]),
            *(ident for m in measured for ident in m["sources"]),
        ]
        out.append(Block(_sources(list(dict.fromkeys(cited)), lang), 2, hang=2))
    out += ["", _t((tr(KINDS_NOTE, lang), MUTED))]
    out += _translation_note(lang)
    return out


def question(number: int, count: int, asked: payloads.Question, lang: Lang) -> list[RenderableType]:
    """One question with its four options, as the quiz asks it and as the handout prints it."""
    heading = tr("Question {number} of {count}", lang, number=number, count=count)
    out: list[RenderableType] = [_t((heading, MUTED)), Block(_t((asked["question"], "bold")))]
    out += [
        Block(_t(option), 2, lead=_t((f"{letter}. ", "bold cyan")))
        for letter, option in zip(QUIZ_LETTERS, asked["options"], strict=True)
    ]
    return out


def styled(text: str, style: str, indent: int = 0) -> RenderableType:
    """One line of the tool's own words in a style, wrapped at the width: for the quiz's
    prompt, verdicts and score."""
    return Block(_t((text, style)), indent)


def answer(asked: payloads.Question, lang: Lang) -> list[RenderableType]:
    """The fact behind a question, with its sources."""
    return [Block(_t(asked["fact"]), 2), Block(_sources(asked["sources"], lang), 2, hang=2)]


def _quiz(payload: list[payloads.Question], lang: Lang) -> list[RenderableType]:
    out: list[RenderableType] = [_t((tr("Quiz", lang), "bold underline")), ""]
    for number, asked in enumerate(payload, 1):
        out += [*question(number, len(payload), asked, lang), ""]
    out += [_t((tr("Answer key", lang), "bold underline")), ""]
    for number, asked in enumerate(payload, 1):
        letter = QUIZ_LETTERS[asked["answer"]]
        out += [_t((f"{number}. {letter}", "bold")), *answer(asked, lang)]
    return out


_RENDERERS: dict[str, Callable[[Any, Lang], list[RenderableType]]] = {
    "agencies": _agencies,
    "sources": _source_list,
    "quiz": _quiz,
    "targets": _targets,
}
# The answers that tell a missing part of a Day, which needs the data's date to be told.
_DATED: dict[str, Callable[[Any, Lang, str], list[RenderableType]]] = {
    "info": _info,
    "themes": _themes,
    "editions": _editions,
    "countdown": _countdown,
}


Highlight = Callable[[str], list[tuple[int, int]]]  # where in a text the search words stand


def render(
    command: str,
    payload: payloads.Payload,
    env: Environment,
    as_of: str,
    highlight: Highlight | None = None,
) -> str:
    """`payload` laid out as `env` shows it, from data current `as_of`; `highlight` finds
    the search words to show.

    Laid out in memory and returned whole, so that the caller writes it in one piece and a
    failed write is reported the one way (Rich would write and flush stdout itself).
    """
    out = console(env)
    renderables = (
        _search(cast("list[payloads.Hit]", payload), highlight or (lambda _: []), out.width)
        if command == "search"
        else _DATED[command](payload, env.lang, as_of)
        if command in _DATED
        else _RENDERERS[command](payload, env.lang)
    )
    out.print(
        Group(*(Block(item) if isinstance(item, Text) else item for item in renderables)),
        crop=False,  # nothing is wider than the width but what must stay whole: addresses
    )
    text = str(out.file.getvalue())  # type: ignore[attr-defined]
    if out.color_system is None:  # unstyled: drop the padding Rich leaves at line ends
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
