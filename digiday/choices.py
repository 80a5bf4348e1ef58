"""Checking what the user typed: choices (in any case), formats, years."""

from __future__ import annotations

from digiday.messages import error
from digiday.model import Lang
from digiday.options import FORMATS


def choose(value: str, choices: tuple[str, ...], what: str, lang: Lang) -> str:
    """`value` (in any case) as one of `choices`; otherwise a usage error naming them all.
    `what` is a msgid naming the thing chosen ("role")."""
    from digiday.l10n import catalogue

    chosen = value.strip().lower()
    if chosen in choices:
        return chosen
    name = catalogue(lang).gettext(what)
    key = "empty" if not chosen else "choice"
    error(key, lang, what=name, value=value, choices=", ".join(choices))


def output_format(fmt: str | None, as_json: bool, plain: bool, lang: Lang) -> str:
    """The one format that --format, --json and --plain ask for together."""
    from digiday.l10n import N_

    given = [flag for flag, on in (("--json", as_json), ("--plain", plain)) if on]
    if fmt is not None:
        fmt = choose(fmt, FORMATS, N_("format"), lang)
        implied = {"json": "--json", "plain": "--plain"}.get(fmt)
        if any(flag != implied for flag in given):
            error("formats", lang, given=", ".join([f"--format {fmt}", *given]))
    if len(given) > 1:
        error("formats", lang, given=", ".join(given))
    if given:
        return given[0].removeprefix("--")
    return fmt or "text"


def number(value: str, low: int, high: int, what: str, lang: Lang) -> int:
    """A whole number from `low` to `high`, from what was typed; `what` names it (--count)."""
    text = value.strip()
    digits = text.removeprefix("-")
    if digits.isascii() and digits.isdigit() and low <= int(text) <= high:
        return int(text)
    error("not_a_number", lang, what=what, low=low, high=high, value=value)


def year(value: str | int, lang: Lang) -> int:
    """A year with a Day (2022 to 9999), from what was typed."""
    from digiday.calendar import YEARS

    text = str(value).strip()
    if not (text.isascii() and text.isdigit()):
        error("not_a_year", lang, value=str(value))
    number = int(text)
    if number not in YEARS:
        error("year", lang, value=number)
    return number
