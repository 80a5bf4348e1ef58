"""The answers' arguments, checked: choices (in any case), years, whole numbers. The command
line and the Python API hand them over as given, so both refuse a bad one in the same words:
a usage error naming the bad value and the good ones (the API raises it as ValueError)."""

from __future__ import annotations

from digiday.core.schedule import YEARS
from digiday.errors import Word, fail
from digiday.l10n.translate import N_

# Python refuses to turn a string of more than 4,300 digits into an int (CVE-2020-10735).
# No number the tool takes has more than a few digits: anything longer is simply out of range.
_MAX_DIGITS = 20


def choose(value: object, choices: tuple[str, ...], what: str) -> str:
    """`value` (in any case) as one of `choices`; otherwise a usage error naming them all.
    `what` is a msgid naming the thing chosen ("role")."""
    chosen = value.strip().lower() if isinstance(value, str) else None
    if chosen in choices:
        return chosen
    message = (
        N_("{what} cannot be empty (choose: {choices})")
        if chosen == ""
        else N_("unknown {what} {value} (choose: {choices})")
    )
    fail(message, what=Word(what), value=str(value), choices=", ".join(choices))


def whole_number(value: object) -> int | None:
    """`value` as a whole number (an int, or ASCII digits with an optional minus), or None:
    never Python's ValueError for a number too long to convert."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = value.strip() if isinstance(value, str) else ""
    digits = text.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > _MAX_DIGITS:
        return None
    return int(text)


def _shown(value: object) -> str:
    """A value as a message quotes it; an int of thousands of digits, which Python will not
    write out, by how many it has."""
    if isinstance(value, int) and abs(value) >= 10**_MAX_DIGITS:
        import math

        return Word.of(N_("a number of {digits} digits"), digits=int(math.log10(abs(value))) + 1)
    return str(value)


def number(value: object, low: int, high: int, what: str) -> int:
    """A whole number from `low` to `high`; `what` names it (--count)."""
    found = whole_number(value)
    if found is not None and low <= found <= high:
        return found
    fail(
        N_("{what} must be a whole number from {low} to {high}, not {value}"),
        what=what,
        low=low,
        high=high,
        value=_shown(value),
    )


def year(value: object, first: int = YEARS.start) -> int:
    """A year with a Day (2022 to 9999), or from `first` on (a target's year)."""
    found = whole_number(value)
    if found is None or found < 0:
        fail(N_("not a year {value} (write a year such as 2024)"), value=_shown(value))
    if first == YEARS.start and found not in YEARS:
        fail(
            N_("year {value} has no Day: the first was in 2022 (choose 2022–9999)"),
            value=_shown(found),
        )
    if not first <= found < YEARS.stop:
        fail(
            N_("year {value} is out of range (choose {first}–9999)"),
            value=_shown(found),
            first=first,
        )
    return found
