"""The tool's own words in the reader's language: the gettext catalogue, and the forms
that words take in each language (weekdays, dates, ordinals, figures).

The English text is the msgid, written where it is said: `tr("Theme", lang)`, or marked with
`N_()` where it is defined and translated later. `digiday/locale/vi/LC_MESSAGES/digiday.po`
holds the Vietnamese, compiled to a `.mo` when the package is built (see hatch_build.py).
Sourced content is not here: it lives in data/ as `{vi, en}`.
"""

from __future__ import annotations

import functools
import os
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext
    from typing import Literal

    from digiday.core.model import Lang, Measurement, Target

DOMAIN = "digiday"
# os.path, not pathlib: pathlib's import (with urllib.parse) would cost the fast path more
# than the answer.
LOCALEDIR = os.path.join(os.path.dirname(__file__), "locale")


def fold(text: str) -> str:
    """Lower-case text without diacritics, as search and the quiz compare it: `Đài Truyền
    hình` -> `dai truyen hinh`, `Straße` -> `strasse`."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    unmarked = re.sub("[\u0300-\u036f]", "", decomposed)  # what Vietnamese letters leave
    # Marks of other scripts: the distinct characters left that are not ASCII, looked at once.
    marks = {c for c in set(re.findall("[^\x00-\x7f]", unmarked)) if unicodedata.combining(c)}
    if marks:
        unmarked = "".join(c for c in unmarked if c not in marks)
    return unmarked.casefold()


def N_(message: str) -> str:
    """Mark `message` for the catalogue where it is defined; it is translated where used."""
    return message


@functools.cache
def catalogue(lang: Lang) -> gettext.NullTranslations:
    """The catalogue for `lang`; English is the msgids themselves.

    Read as bytes, not through gettext's own search of a folder, so that it is found inside
    a zip too (a zipapp, a zipped installation), where there is no folder to search."""
    import gettext  # here, not above: the fast path in English needs none of it

    if lang == "en":
        return gettext.NullTranslations()
    relative = f"{lang}/LC_MESSAGES/{DOMAIN}.mo"
    try:
        with open(os.path.join(LOCALEDIR, relative), "rb") as file:
            compiled = file.read()
    except OSError:
        try:
            from importlib import resources

            compiled = (resources.files("digiday") / "l10n" / "locale" / relative).read_bytes()
        except (OSError, ModuleNotFoundError):
            return gettext.NullTranslations()
    import io

    return gettext.GNUTranslations(io.BytesIO(compiled))


def tr(message: str, lang: Lang, /, **values: object) -> str:
    """`message` (a msgid) in `lang`, with `values` put into its placeholders when given."""
    text = catalogue(lang).gettext(message)
    return text.format(**values) if values else text


# What a target or a measured figure counts: a code, the same in every language (as a role
# is), so that a script can compare units (the data's schema takes these keys alone), and its
# number in the reader's language: `14,02% GDP`, `nhóm 70 nước dẫn đầu`. A gap is told only
# between figures of the same unit, and between a place in a ranking ("rank") and a place to
# reach ("rank, top").
UNIT_FORMS = {
    "% of GDP": N_("{value}% of GDP"),
    "% of retail sales": N_("{value}% of retail sales"),
    "% of public services": N_("{value}% of public services"),
    "% of dossiers": N_("{value}% of dossiers"),
    "% of work files": N_("{value}% of work files"),
    "% of the population": N_("{value}% of the population"),
    "% of adults": N_("{value}% of adults"),
    "% of people aged 15 and over": N_("{value}% of people aged 15 and over"),
    "% of working-age people": N_("{value}% of working-age people"),
    "% of households": N_("{value}% of households"),
    "% of communes": N_("{value}% of communes"),
    "% of civil servants": N_("{value}% of civil servants"),
    "% of SMEs": N_("{value}% of SMEs"),
    "% of goods exports": N_("{value}% of goods exports"),
    "% of growth": N_("{value}% of growth"),
    "% a year": N_("{value}% a year"),
    "%": N_("{value}%"),
    "rank, top": N_("top {value}"),
    "rank": N_("rank {value}"),
    "rank in Southeast Asia, top": N_("top {value} in Southeast Asia"),
    "smart cities": N_("{value} smart cities"),
    "enterprises": N_("{value} enterprises"),
}

WEEKDAYS = (
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
    N_("Sunday"),
)  # fmt: skip
# Whole dates, so that each language orders and punctuates them its own way (10/10/2027).
DATES = (
    N_("{day} January {year}"), N_("{day} February {year}"), N_("{day} March {year}"),
    N_("{day} April {year}"), N_("{day} May {year}"), N_("{day} June {year}"),
    N_("{day} July {year}"), N_("{day} August {year}"), N_("{day} September {year}"),
    N_("{day} October {year}"), N_("{day} November {year}"), N_("{day} December {year}"),
)  # fmt: skip
MONTHS = (
    N_("January {year}"), N_("February {year}"), N_("March {year}"), N_("April {year}"),
    N_("May {year}"), N_("June {year}"), N_("July {year}"), N_("August {year}"),
    N_("September {year}"), N_("October {year}"), N_("November {year}"), N_("December {year}"),
)  # fmt: skip
# The first ten editions have words of their own in Vietnamese (lần thứ nhất, lần thứ tư).
ORDINALS = (
    N_("1st"), N_("2nd"), N_("3rd"), N_("4th"), N_("5th"), N_("6th"), N_("7th"), N_("8th"),
    N_("9th"), N_("10th"),
)  # fmt: skip
# Any later one: English picks the suffix, Vietnamese says "lần thứ {number}" for all four.
ORDINAL_FORMS = {
    "st": N_("{number}st"), "nd": N_("{number}nd"), "rd": N_("{number}rd"), "th": N_("{number}th"),
}  # fmt: skip


# A document's kind, as the letters of its number say it (52-NQ/TW, 749/QĐ-TTg, a law's
# 148/2025/QH15), with its number: what it is called.
DOCUMENT_KINDS = {
    "qd": N_("Decision {number}"), "nq": N_("Resolution {number}"), "qh": N_("Law {number}"),
    "ct": N_("Directive {number}"),
}  # fmt: skip


def document_name(number: str, lang: Lang) -> str:
    """`Decision 505/QĐ-TTg` / `Quyết định 505/QĐ-TTg`: a document called by its kind and
    number; a number whose kind the tool does not know, as it is."""
    found = re.search(r"[^\W\d_]+", number)
    kind = found.group().lower().replace("đ", "d") if found else ""
    return tr(DOCUMENT_KINDS[kind], lang, number=number) if kind in DOCUMENT_KINDS else number


def translation_note(lang: Lang) -> str:
    """The note on English text, or "" where it does not apply (Vietnamese is the sources'
    own text; the catalogue still translates the note, for completeness)."""
    if lang != "en":
        return ""
    return tr(
        "English text is digiday's translation of the Vietnamese sources, "
        "except names and themes published in English.",
        lang,
    )


def role(role_id: str, lang: Lang) -> str:
    """An agency's role as a label. `pgettext`: "Lead" and "Press" are verbs elsewhere."""
    t = catalogue(lang)
    labels = {
        "lead": t.pgettext("role", "Lead"), "coordinator": t.pgettext("role", "Coordinator"),
        "implementer": t.pgettext("role", "Implementer"),
        "association": t.pgettext("role", "Association"),
        "media": t.pgettext("role", "Media"), "press": t.pgettext("role", "Press"),
    }  # fmt: skip
    return labels[role_id]


KIND_LABELS = {"official": N_("official"), "estimate": N_("estimate"), "claim": N_("claim")}


def kind(kind_id: str, lang: Lang) -> str:
    """A measured figure's kind (model.KINDS) as a label."""
    return tr(KIND_LABELS[kind_id], lang)


# A ceremony's labelled parts, in the order both renderers say them.
CEREMONY_PARTS: tuple[tuple[Literal["chaired_by", "organiser", "provinces"], str], ...] = (
    ("chaired_by", N_("Chaired by")),
    ("organiser", N_("Organised by")),
    ("provinces", N_("Provinces")),
)

# What the three kinds mean, said under every list of measured figures.
KINDS_NOTE = N_(
    "official: a statistics office's or an index's published figure; estimate: a figure "
    "its maker calls an estimate; claim: a figure stated at an event or in a report "
    "without its method."
)

SECTION_TITLES = {
    "overview": N_("Overview"),
    "definition": N_("National digital transformation"),
    "activities": N_("Activities of the digital transformation process"),
    "purposes": N_("Purposes"),
    "history": N_("History"),
}


def section_title(section_id: str, lang: Lang) -> str:
    """The heading of one of the `info` sections (model.SECTIONS)."""
    return tr(SECTION_TITLES[section_id], lang)


def number(value: float, lang: Lang) -> str:
    """`14.02` / `14,02`: as each language writes a decimal; a whole number without one."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.6g}"
    return text.replace(".", ",") if lang == "vi" else text


def figure(value: float, unit: str, lang: Lang, out_of: int | None = None) -> str:
    """A number with what it counts: `14.02% of GDP`, `top 70`, `rank 71 of 193`."""
    if unit == "rank" and out_of is not None:
        return tr("rank {value} of {out_of}", lang, value=number(value, lang), out_of=out_of)
    return tr(UNIT_FORMS[unit], lang, value=number(value, lang))


def target_figure(target: Target, lang: Lang) -> str | None:
    """A target's number with its unit (`20% of GDP`), or None where it has none."""
    if target.target is None or target.unit is None:
        return None
    return figure(target.target, target.unit, lang)


def target_words(target: Target, lang: Lang) -> str | None:
    """A target as its document words it (`about 20% of GDP`), else as its number."""
    return target.wording.get(lang) if target.wording is not None else target_figure(target, lang)


def measured_figure(measured: Measurement, lang: Lang) -> str:
    """A measured figure as its page words it (`nearly 20% of GDP`), else as its number."""
    if measured.wording is not None:
        return measured.wording.get(lang)
    # The schema lets no measurement through without a wording or a number with its unit.
    assert measured.value is not None
    assert measured.unit is not None
    return figure(measured.value, measured.unit, lang, measured.out_of)


def gap(short_by: float, target: str, year: int, unit: str, lang: Lang) -> str:
    """How far a figure is from `target` (the figure to reach, worded), set for `year`:
    `5.98 points short of 20% of GDP (2025)`, `1 place outside the top 70 (2025)`."""
    t = catalogue(lang)
    ranked = unit in ("rank, top", "rank")
    if short_by <= 0:
        done = tr("within the {target} ({year})", lang) if ranked else None
        return (done or tr("reached {target} ({year})", lang)).format(target=target, year=year)
    if ranked:
        places = int(short_by)
        text = t.ngettext(
            "{places} place outside the {target} ({year})",
            "{places} places outside the {target} ({year})",
            places,
        )
        return text.format(places=places, target=target, year=year)
    text = tr("{gap} points short of {target} ({year})", lang)
    return text.format(gap=number(short_by, lang), target=target, year=year)


def weekday(index: int, lang: Lang) -> str:
    """Monday is 0, as `date.weekday()` gives it."""
    return tr(WEEKDAYS[index], lang)


def _english_suffix(number: int) -> str:
    """The suffix English gives `number`: 1st, 2nd, 3rd, 4th, 11th to 13th, 21st."""
    return "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def ordinal(number: int, lang: Lang) -> str:
    """`lần thứ năm` / `5th`: the edition as each language says it."""
    if 1 <= number <= len(ORDINALS):
        return tr(ORDINALS[number - 1], lang)
    return tr(ORDINAL_FORMS[_english_suffix(number)], lang, number=number)


def short_ordinal(number: int, lang: Lang) -> str:
    """`lần 5` / `5th`: the edition in a narrow table column."""
    t = catalogue(lang)
    forms = {
        "st": t.pgettext("edition, short", "{number}st"),
        "nd": t.pgettext("edition, short", "{number}nd"),
        "rd": t.pgettext("edition, short", "{number}rd"),
        "th": t.pgettext("edition, short", "{number}th"),
    }
    return forms[_english_suffix(number)].format(number=number)


def countdown_headline(days: int, edition: int, lang: Lang) -> str:
    """`Còn 316 ngày đến ...` / `316 days to the 6th ...`, or the greeting on the Day."""
    day = tr("National Digital Transformation Day", lang)
    values = {"day": day, "ordinal": ordinal(edition, lang), "days": days}
    if days == 0:
        return tr("Today is the {ordinal} {day}! Happy Digital Transformation Day!", lang, **values)
    return (
        catalogue(lang)
        .ngettext("{days} day to the {ordinal} {day}", "{days} days to the {ordinal} {day}", days)
        .format(**values)
    )


def long_date(year: int, month: int, day: int, lang: Lang) -> str:
    return tr(DATES[month - 1], lang, day=day, year=year)


def partial_date(text: str, lang: Lang) -> str:
    """`2024`, `2024-06` or `2024-06-16` as each language writes it."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        return long_date(parts[0], parts[1], parts[2], lang)
    if len(parts) == 2:
        return tr(MONTHS[parts[1] - 1], lang, year=parts[0])
    return str(parts[0])
