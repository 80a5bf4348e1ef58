"""Every message the tool ends a run with, by key, and the one way to raise one.

A value that came from outside (`value`, `path`) is shown quoted, escaped and cut; numbers
and the tool's own words are shown as they are.
"""

from __future__ import annotations

from typing import NoReturn

from digiday.errors import ExitStatus, fail, shown
from digiday.l10n import N_, catalogue
from digiday.model import Lang

MESSAGES: dict[str, str] = {
    "lang": N_("unknown language {value} in {where} (choose: vi, en)"),
    "lang_ignored": N_("unknown language {value} in {where}: using English (choose: vi, en)"),
    "formats": N_("choose one format only: {given}"),
    "choice": N_("unknown {what} {value} (choose: {choices})"),
    "empty": N_("{what} cannot be empty (choose: {choices})"),
    "date_form": N_("not a date {value} (write YYYY-MM-DD or DD/MM/YYYY)"),
    "date_missing": N_("no such day as {value} in the calendar (write YYYY-MM-DD or DD/MM/YYYY)"),
    "zone": N_("unknown time zone {value} (use an IANA name such as Asia/Ho_Chi_Minh, or local)"),
    "not_a_year": N_("not a year {value} (write a year such as 2024)"),
    "year": N_("year {value} has no Day: the first was in 2022 (choose 2022–9999)"),
    "range": N_("empty range: --from {start} is after --to {end}"),
    "not_a_number": N_("{what} must be a whole number from {low} to {high}, not {value}"),
    "no_questions": N_("the data gives no question on {topic}"),
    "source": N_("unknown source id {value} (closest: {close}; see digiday sources)"),
    "no_words": N_("give at least one word to search for, e.g. digiday search digital economy"),
    "many_words": N_("too many words to search for ({count}); at most {limit}"),
    "watch": N_("--watch is a live clock for a terminal; it cannot be combined with {other}"),
    "write": N_("cannot write {path}: {reason}"),
    "calendar_end": N_("no 10 October after {value} in the calendar"),
    "stdout": N_("cannot write the answer to standard output: {reason}"),
    "internal": N_("internal error ({error}); please report it"),
}


def message(key: str, lang: Lang, **values: object) -> str:
    for name in ("value", "path"):
        if isinstance(values.get(name), str):
            values[name] = shown(values[name])
    return catalogue(lang).gettext(MESSAGES[key]).format(**values)


def error(
    key: str, lang: Lang, status: ExitStatus = ExitStatus.USAGE, **values: object
) -> NoReturn:
    """End the run with message `key` in `lang`."""
    fail(message(key, lang, **values), status)
