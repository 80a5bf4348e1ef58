"""What the renderers for people (text, markdown, the calendar) say alike: a Day's date, a
ceremony in a line, the gap to a target, a target's verdict, and how old the data is."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeAlias

from digiday.core import schedule
from digiday.core.constants import Lang
from digiday.l10n.translate import N_, catalogue, gap, kind, long_date, ordinal, partial_date, tr

if TYPE_CHECKING:
    from digiday.answers import payloads


def as_of(iso: str, lang: Lang) -> str:
    """`2026-12-01` as each language writes a date: `1 December 2026`, `1/12/2026`."""
    day = dt.date.fromisoformat(iso)
    return long_date(day.year, day.month, day.day, lang)


def unknown(year: int | None, data_as_of: str, lang: Lang) -> str:
    """What stands for a missing part of the Day of `year`: `(not found as of 1 December 2026)`,
    or after the data's date (older than the Day) `(not yet in the data of 1 December 2026)`."""
    date = as_of(data_as_of, lang)
    if year is not None and schedule.day_of(year) > dt.date.fromisoformat(data_as_of):
        return tr("(not yet in the data of {date})", lang, date=date)
    return tr("(not found as of {date})", lang, date=date)


def stale_notice(data_as_of: str, today: dt.date, lang: Lang) -> str | None:
    """The one line for stderr when the most recent Day (on or before `today`) is after the
    data's date; None when the data is newer than it."""
    year = schedule.latest_year(today)
    if year is None or schedule.day_of(year) <= dt.date.fromisoformat(data_as_of):
        return None
    return tr(
        "the data is as of {date}, before the {edition} National Digital Transformation Day "
        "({day}): for newer data, install digiday again from where it came from, updated "
        "(git pull in a checkout), or lay a data file over it (see digiday validate --help)",
        lang,
        date=as_of(data_as_of, lang),
        edition=ordinal(schedule.edition(year), lang),
        day=as_of(schedule.day_of(year).isoformat(), lang),
    )


def joined(*parts: str | None) -> str:
    """The parts given, in a row between commas."""
    return ", ".join(part for part in parts if part)


def dated(date: str | None, lang: Lang) -> str | None:
    return partial_date(date, lang) if date else None


def ceremony_summary(ceremony: payloads.Ceremony | None, lang: Lang) -> str | None:
    """`12/10/2024, Trụ sở Chính phủ, Hà Nội`: an edition payload's ceremony, when and where."""
    return joined(dated(ceremony["date"], lang), ceremony["place"]) or None if ceremony else None


def issued(plan: payloads.Plan, lang: Lang) -> str:
    """`the Ministry of Information and Communications, 9/2024`: who issued a plan, and when."""
    return joined(plan["issuer"], dated(plan["date"], lang))


Day: TypeAlias = "payloads.Countdown | payloads.Edition | payloads.BriefDay"  # a Day's payload


def day_of(day: Day) -> dt.date:
    """The date of a Day's payload (its `date`, YYYY-10-10)."""
    return dt.date.fromisoformat(day["date"])


def day_date(day: Day, lang: Lang) -> str:
    """`Sunday, 10 October 2027` / `Chủ Nhật, 10/10/2027`: a Day's payload's weekday and date."""
    return f"{day['weekday']}, {as_of(day['date'], lang)}"


def gap_words(short_by: float, target: payloads.Target, lang: Lang) -> str:
    """`5.98 points short of 20% of GDP (2025)`: a figure's `short_by` against its target."""
    # short_by is a number only where the target has one, with its unit (answers/targets.py).
    assert target["target_figure"] is not None
    assert target["unit"] is not None
    return gap(short_by, target["target_figure"], target["year"], target["unit"], lang)


def brief(said: payloads.Brief, lang: Lang, data_as_of: str) -> list[tuple[str, str]]:
    """`info --brief` as sentences, each with its part's name: what the Day is, the most
    recent Day, the next one, and who leads it now."""
    lines = [("what", said["what"]["text"])] if said["what"] else []
    latest, coming = said["latest"], said["next"]
    if latest is not None:
        recent = tr("The most recent Day was the {ordinal}, on {date}; its theme: {theme}", lang)
        theme = latest["theme"] or unknown(latest["year"], data_as_of, lang)
        edition = ordinal(latest["edition"], lang)
        lines.append(
            ("latest", recent.format(ordinal=edition, date=day_date(latest, lang), theme=theme))
        )
    upcoming = catalogue(lang).ngettext(
        "The next is the {ordinal}, on {date}: in {days} day",
        "The next is the {ordinal}, on {date}: in {days} days",
        coming["days"],
    )
    if coming["days"] == 0:
        upcoming = tr("Today is the {ordinal}, on {date}", lang)
    edition, date = ordinal(coming["edition"], lang), day_date(coming, lang)
    lines.append(("next", upcoming.format(ordinal=edition, date=date, days=coming["days"])))
    if said["lead"] is not None:
        lines.append(("lead", tr("Led by: {body}", lang, body=said["lead"]["name"])))
    return lines


# A target's verdict (CONTRACT.md, "targets: the verdict"), in the order they are counted.
VERDICTS = {"met": N_("met"), "not_met": N_("not met"), "disputed": N_("disputed")}
VERDICTS |= {"unmeasured": N_("not measured"), "open": N_("open")}
_WHY = {
    "disputed": N_("the figures disagree"),
    "unmeasured": N_("no official figure or estimate for its year"),
    "open": N_("its year is not over"),
}


def verdict(target: payloads.Target, lang: Lang) -> tuple[str, str]:
    """A target's verdict in words, and why: `not met`, ` (14.02% of GDP, estimate; 13.9%
    of GDP, estimate)`; `open`, ` (its year is not over)`."""
    deciding = [m for m in target["measured"] if m["id"] in target["decided_by"]]
    figures = "; ".join(f"{m['text']}, {kind(m['kind'], lang)}" for m in deciding)
    why = tr(_WHY[target["verdict"]], lang) if target["verdict"] in _WHY else ""
    said = ": ".join(part for part in (why, figures) if part)
    return tr(VERDICTS[target["verdict"]], lang), f" ({said})" if said else ""


def verdict_counts(targets: list[payloads.Target], lang: Lang) -> str:
    """`Of 32 targets: 2 met, 4 not met, 26 not measured`: each verdict given, counted."""
    found: list[str] = [target["verdict"] for target in targets]
    counts = [
        f"{n} {tr(label, lang)}" for key, label in VERDICTS.items() if (n := found.count(key))
    ]
    said = catalogue(lang).ngettext(
        "Of {count} target: {counts}", "Of {count} targets: {counts}", len(found)
    )
    return said.format(count=len(found), counts=", ".join(counts))


def method_note(measured: payloads.Measured, lang: Lang) -> str | None:
    """What a figure made by another method or series than its targets' says beside it."""
    method = measured["method"]
    return tr("not the target's method: {method}", lang, method=method) if method else None


def targets_title(targets: list[payloads.Target], lang: Lang) -> str:
    """The title of a list of targets: those of one year are its scorecard."""
    years = {target["year"] for target in targets}
    if len(years) == 1:
        return tr("Targets for {year}, and the verdict on each", lang, year=years.pop())
    return tr("Targets, and what was measured against them", lang)


def cited(count: int, lang: Lang) -> str:
    """`cited by 3 items`: how many items cite a source."""
    if not count:
        return tr("cited by no item", lang)
    said = catalogue(lang).ngettext("cited by {count} item", "cited by {count} items", count)
    return said.format(count=count)
