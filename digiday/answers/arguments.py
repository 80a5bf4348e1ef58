"""Checking what the user typed: choices (in any case), formats, years, whole numbers.

Each check ends the run with a usage error naming the bad value and the good ones; the
message is put into the reader's language where it is reported (root._run).
"""

from __future__ import annotations

from digiday.errors import Word, fail
from digiday.l10n.translate import N_

FORMATS = ("text", "plain", "json", "markdown", "line")
# `line` is one line of a countdown; no other answer is one line.
LINE_COMMANDS = ("countdown",)

# Python refuses to turn a string of more than 4,300 digits into an int (CVE-2020-10735).
# No number the tool takes has more than a few digits: anything longer is simply out of range.
_MAX_DIGITS = 20


def choose(value: str, choices: tuple[str, ...], what: str) -> str:
    """`value` (in any case) as one of `choices`; otherwise a usage error naming them all.
    `what` is a msgid naming the thing chosen ("role")."""
    chosen = value.strip().lower()
    if chosen in choices:
        return chosen
    if not chosen:
        fail(
            N_("{what} cannot be empty (choose: {choices})"),
            what=Word(what),
            choices=", ".join(choices),
        )
    fail(
        N_("unknown {what} {value} (choose: {choices})"),
        what=Word(what),
        value=value,
        choices=", ".join(choices),
    )


def output_format(fmt: str | None, as_json: bool, plain: bool, command: str = "") -> str:
    """The one format that --format, --json and --plain ask for together, for `command`."""
    given = [flag for flag, on in (("--json", as_json), ("--plain", plain)) if on]
    if fmt is not None:
        fmt = choose(fmt, FORMATS, N_("format"))
        if fmt == "line" and command not in LINE_COMMANDS:
            fail(N_("--format line is for countdown alone (digiday countdown --format line)"))
        implied = {"json": "--json", "plain": "--plain"}.get(fmt)
        if any(flag != implied for flag in given):
            fail(
                N_("choose one format only: {given}"), given=", ".join([f"--format {fmt}", *given])
            )
    if len(given) > 1:
        fail(N_("choose one format only: {given}"), given=", ".join(given))
    if given:
        return given[0].removeprefix("--")
    return fmt or "text"


def whole_number(text: str) -> int | None:
    """`text` as a whole number (ASCII digits, an optional minus), or None: never Python's
    ValueError for a number too long to convert."""
    text = text.strip()
    digits = text.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > _MAX_DIGITS:
        return None
    return int(text)


def number(value: str, low: int, high: int, what: str) -> int:
    """A whole number from `low` to `high`, from what was typed; `what` names it (--count)."""
    found = whole_number(value)
    if found is not None and low <= found <= high:
        return found
    fail(
        N_("{what} must be a whole number from {low} to {high}, not {value}"),
        what=what,
        low=low,
        high=high,
        value=value,
    )


def year(value: str | int) -> int:
    """A year with a Day (2022 to 9999), from what was typed."""
    from digiday.core.schedule import YEARS

    found = whole_number(str(value))
    if found is None or found < 0:
        fail(N_("not a year {value} (write a year such as 2024)"), value=str(value))
    if found not in YEARS:
        fail(N_("year {value} has no Day: the first was in 2022 (choose 2022–9999)"), value=found)
    return found
