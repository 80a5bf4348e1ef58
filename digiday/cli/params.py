"""Every option of the command line, declared once, as plain data: the commands are built
from these (cli/app.py makes each a Typer option) and the fast path reads them
(cli/fast.py), so that neither holds a copy. It imports neither Typer nor click, which the
fast path must not pay for.

Help texts and metavars are msgids (`N_`), translated when a command is built for the
reader's language. Values arrive as text and are checked where they are used (the answers'
own arguments, digiday/answers/arguments.py), so that the command line and the Python API
refuse them in the same words.
"""

from __future__ import annotations

from typing import NamedTuple

from digiday.core.constants import LANGS, QUIZ_TOPICS, ROLES
from digiday.l10n.translate import N_

FORMATS = ("text", "plain", "json", "markdown", "line")  # `line` is countdown's alone


class Param(NamedTuple):
    """One option: its names, its help, and the metavar of the value it takes (None for a
    flag, which takes none); `choices` are what shell completion offers for the value."""

    names: tuple[str, ...]
    help: str
    metavar: str | None = None
    choices: tuple[str, ...] = ()


LANG = Param(
    ("--lang",),
    N_("vi or en, anywhere on the line. Default: $DIGIDAY_LANG, else the locale, else en."),
    "[vi|en]",
    LANGS,
)
FORMAT = Param(
    ("--format", "-f"),
    N_("text, plain, json or markdown. Default: text."),
    "[text|plain|json|markdown]",
    FORMATS[:4],
)
COUNTDOWN_FORMAT = FORMAT._replace(
    help=N_("text, plain, json, markdown or line (one line, for status bars). Default: text."),
    metavar="[text|plain|json|markdown|line]",
    choices=FORMATS,
)
QUIZ_FORMAT = FORMAT._replace(
    help=N_(
        "text, plain, json or markdown. Default: asked on a terminal, else markdown (a handout)."
    )
)
JSON = Param(("--json",), N_("Short for --format json."))
PLAIN = Param(("--plain",), N_("Short for --format plain."))
# Repeatable; $DIGIDAY_DATA and the data folders are read by digiday.store.layers, not by
# click, so that a list of several files and their order are the tool's own.
DATA = Param(
    ("--data",),
    N_(
        "A YAML file laid over the data, after $DIGIDAY_DATA's and the data folders' "
        "(repeatable; see digiday validate)."
    ),
    N_("FILE"),
)
DATE = Param(("--date",), N_("Take this as today: YYYY-MM-DD or DD/MM/YYYY."), N_("DATE"))
TZ = Param(
    ("--tz",),
    N_("Whose today: an IANA time zone such as Asia/Tokyo, or local."),
    N_("ZONE"),
)
DAYS = Param(("--days",), N_("Print the number of days alone."))
WATCH = Param(("--watch",), N_("A live countdown, until Ctrl-C."))
FOLLOW = Param(
    ("--follow",),
    N_(
        "Print the answer again each time it changes (at midnight in ZONE), one line at a "
        "time, until stopped: for status bars. With --days, --json, --plain or --format line "
        "(the default)."
    ),
)
ROLE = Param(("--role",), N_("Only bodies with this role."), N_("ROLE"), ROLES)
TARGET_YEAR = Param(("--year",), N_("Only the targets set for this year."), N_("YEAR"))
FROM = Param(("--from",), N_("First year (default 2022)."), N_("YEAR"))
TO = Param(("--to",), N_("Last year (default: ten years after the next Day)."), N_("YEAR"))
OUTPUT = Param(
    ("--output", "-o"),
    N_("Write to FILE instead of stdout: a regular file atomically."),
    N_("FILE"),
)
COUNT = Param(("--count", "-n"), N_("How many questions (1 to 100)."), "N")
TOPIC = Param(
    ("--topic",),
    N_("themes, editions, agencies, documents, purposes, targets or all."),
    N_("TOPIC"),
    QUIZ_TOPICS,
)
SEED = Param(
    ("--seed",),
    N_("The same seed gives the same quiz. Default: a new quiz each time."),
    "S",
)
VERSION = Param(("--version",), N_("Show the version and the data's date."))
BRIEF = Param(("--brief",), N_("The Day in a few lines: what it is, the last and next Day."))


class Help(NamedTuple):
    """A command's help: a line for the list of commands, and its whole page."""

    short: str
    page: str


# The program's own page, then each command's, in the order `digiday --help` lists them.
PROGRAM = N_(
    "Example: digiday countdown --lang vi\n\n"
    "Vietnam's National Digital Transformation Day (10 October), in Vietnamese and English: "
    "what it is, who organises it, each year's theme, and how long until the next one."
)
COMMANDS = {
    "info": Help(
        N_("What the Day is: overview, definition, activities, purposes, history."),
        N_(
            "Example: digiday info purposes --lang vi\n\n"
            "What the Day is. SECTION is one of: overview, definition, activities, purposes, "
            "history; none means all, in that order. History puts the documents behind the Day "
            "on the same timeline.\n\n"
            "--plain prints one TAB-separated line per entry: section, id, date, title, text."
        ),
    ),
    "agencies": Help(
        N_("Who organises the Day, what each body must do, and who does it now."),
        N_(
            "Example: digiday agencies --role media\n\n"
            "The bodies Decision 505/QĐ-TTg names and each one's task, with what has changed since "
            "2022 (the ministry merged in 2025) and who does the work now.\n\n"
            "ROLE is one of: lead, coordinator, implementer, association, media, press.\n\n"
            "--plain prints one TAB-separated line per body: id, role, abbreviation, name, "
            "successor, change, tasks (joined by ' | ')."
        ),
    ),
    "themes": Help(
        N_("The theme of each year's Day, with its edition."),
        N_(
            "Example: digiday themes 2024\n\n"
            "Every year from 2022 to the most recent Day (in Vietnam's time), and any later year "
            "the "
            "data has a theme for. A year with no known theme shows none: it is never invented.\n\n"
            "--plain prints one TAB-separated line per year: year, edition, theme (empty if not "
            "known)."
        ),
    ),
    "editions": Help(
        N_("Each Day as it happened: theme, year theme, ceremony, plan."),
        N_(
            "Example: digiday editions 2024\n\n"
            "One record per Day from 2022 to the next Day (in Vietnam's time), and any later year "
            "the data knows of: its edition and date, the Day's theme, the year theme of the "
            "Government's steering body (a different thing, labelled as such), the national "
            "ceremony (date, place, who chaired it, how the provinces joined), the plan behind it "
            "and October's Digital Consumption Month. A part no source gives is left empty, never "
            "guessed. With YEAR, that Day alone, told in full.\n\n"
            "--plain prints one TAB-separated line per Day: year, edition, date, theme, "
            "year_theme, ceremony_date, ceremony_place, chaired_by, plan, plan_date."
        ),
    ),
    "countdown": Help(
        N_("Days until the next 10 October, its edition, weekday and theme."),
        N_(
            "Example: digiday countdown --days\n\n"
            "Days until the next National Digital Transformation Day: 0 on the Day itself. Today "
            "is "
            "taken in --tz (default Asia/Ho_Chi_Minh: at 18:30 UTC on 9 October it is already the "
            "Day there), or set with --date.\n\n"
            "--watch keeps a live countdown to midnight starting the Day in ZONE until Ctrl-C; "
            "when "
            "stdout is not a terminal it prints the countdown once instead.\n\n"
            "--plain prints one TAB-separated line with: days, date, weekday, edition, theme, "
            "today, timezone."
        ),
    ),
    "is-today": Help(
        N_("Exit 0 on National Digital Transformation Day, 1 on any other day."),
        N_(
            "Example: digiday is-today && echo 'Chúc mừng Ngày Chuyển đổi số quốc gia!'\n\n"
            "Prints nothing: the answer is the exit status, 0 when today (in --tz, default "
            "Asia/Ho_Chi_Minh, or --date) is 10 October of 2022 or later, 1 when it is not."
        ),
    ),
    "ics": Help(
        N_("An iCalendar (RFC 5545) file of the Day, one all-day event a year."),
        N_(
            "Example: digiday ics -o ngay-chuyen-doi-so.ics\n\n"
            "One all-day, transparent event on 10 October of each year, with the edition in its "
            "summary and the year's theme in its description when known. By default from 2022 to "
            "ten years after the next Day. Two runs on the same data give identical files."
        ),
    ),
    "search": Help(
        N_("Find content by words, with or without Vietnamese diacritics."),
        N_(
            "Example: digiday search dai truyen hinh\n\n"
            "Every piece of content (info, agencies, themes, editions, documents, targets, "
            "measurements, sources) that "
            "contains all the words, ignoring case, in either language, by whole words; a word of "
            "four or more letters also finds the words it starts. A word typed without diacritics "
            "matches any (chuyen doi so finds chuyển đổi số); a word typed with them matches them "
            "exactly. Matches in a name or title come first. Exit status 1 when nothing "
            "matches.\n\n"
            "--plain prints one TAB-separated line per match: ref, section, text."
        ),
    ),
    "sources": Help(
        N_("Every source the data cites, with its address; with ID, what cites it."),
        N_(
            "Example: digiday sources vietnamnet-2025-ceremony\n\n"
            "The sources behind every fact, by the id the data cites them with, and the refs of "
            "the items that cite each one (cited_by). With ID, that source alone, with every item "
            "that cites it.\n\n"
            "--plain prints one TAB-separated line per source: id, title, url, publisher, date, "
            "cited_by (joined by ' | ')."
        ),
    ),
    "targets": Help(
        N_("The targets behind the Day, and every figure measured against them."),
        N_(
            "Example: digiday targets --year 2025\n\n"
            "The targets of Resolution 52-NQ/TW, Decision 749/QĐ-TTg (the National Digital "
            "Transformation Programme: its targets for 2025 and its orientation to 2030), Decision "
            "411/QĐ-TTg, Resolution 57-NQ/TW and the Government steering committee's plan for 2026 "
            "(Decision 11/QĐ-BCĐCP): each with its indicator, its value and unit, its year and "
            "its document, and beside it every figure measured against it since, with when, by "
            "whom and of which kind: official (a statistics office's or an index's published "
            "figure), estimate (a figure its maker calls an estimate) or claim (a figure stated at "
            "an event or in a report without its method), and its sources. The text shows, for "
            "each indicator, its targets and how far each figure is from the target it is told "
            "against (the first set for its year or after). With --year, the targets set for "
            "that year.\n\n"
            "--plain prints one TAB-separated line per target and figure measured against it (a "
            "target with none gets one line, its figure's fields empty): id, document, year, "
            "target, unit, measured_year, value, measured_unit, kind, by, date, short_by (how far "
            "the figure is short of the target: percentage points or places, 0 once reached, "
            "empty where the two cannot be compared), figure, indicator."
        ),
    ),
    "quiz": Help(
        N_("A quiz on the Day, made from the data: asked on a terminal, else printed."),
        N_(
            "Example: digiday quiz --count 5 --topic themes\n\n"
            "Multiple-choice questions made from the data (the --data file's too), each with four "
            "options of the same kind and the sources of its fact. On a terminal it asks them one "
            "by one: answer with 1-4 or A-D; q, Esc or Ctrl-D ends it with the score so far "
            "(Ctrl-C "
            "too, with exit status 130). When stdout is not a terminal, or with --format, it "
            "prints "
            "them instead, for a class: markdown (the default there) is a handout with the answer "
            "key at the end. Asked for more questions than the data makes, it gives those it makes "
            "and says how many on stderr.\n\n"
            "--plain prints one TAB-separated line per question: topic, question, the four "
            "options, the answer (A-D), sources (joined by ' | '). --json gives each question's "
            "topic, question, options, answer (0-3), sources and fact."
        ),
    ),
    "validate": Help(
        N_("Check data files and list every problem; without FILE, every layer in use."),
        N_(
            "Example: digiday validate ~/.local/share/digiday/2027.yaml\n\n"
            "Checks each FILE as --data would use it, laid over the data in use: the YAML, its "
            "shape, both languages in every text, years from 2022, and that every source, "
            "document and measure a record names exists. Lists every problem on stderr ('file', "
            "line N: key path: message) and exits 3 if there is any; otherwise prints what each "
            "file adds or replaces, and its data_as_of, and exits 0.\n\n"
            "Without FILE, checks every data layer in use and lists them in the order they are "
            "laid: the bundled data, the data folders (each DIR/digiday/ of $XDG_DATA_DIRS, then "
            "$XDG_DATA_HOME/digiday/, default ~/.local/share/digiday/), then the files of "
            "$DIGIDAY_DATA."
        ),
    ),
}


def follows(argv: list[str]) -> bool:
    """Whether the line is a `countdown --follow`, read before it is parsed, so that its
    signals stop it quietly from its first instant (a line that only looks like one is
    stopped quietly too, and refused all the same once parsed)."""
    return "countdown" in argv and FOLLOW.names[0] in argv
