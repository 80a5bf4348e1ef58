"""Every option of the command line, declared once, as plain data that the commands (through
root.option) and the fast path read: neither holds a copy, and the fast path imports neither
Typer nor click. Help texts and metavars are msgids, translated when a command is built.
Values arrive as text, checked where they are used (digiday/answers/arguments.py), so that
the command line and the Python API refuse them in the same words.
"""

from typing import NamedTuple

from digiday.core.constants import LANGS, QUIZ_TOPICS, ROLES
from digiday.l10n.translate import N_

FORMATS = ("text", "plain", "json", "markdown", "line")  # `line` is countdown's alone


class Param(NamedTuple):
    """One option: its names (`"--format -f"`), its help, the metavar of the value it takes
    (none for a flag), and the choices that shell completion offers for the value (which
    are the metavar too, `[vi|en]`, where it has none of its own)."""

    declared: str
    help: str
    metavar: str | None = None
    choices: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        return self.declared.split()

    @property
    def name(self) -> str:
        """Its first name, by which the fast path knows it."""
        return self.names[0]


LANG = Param(
    "--lang",
    N_("vi or en, anywhere on the line. Default: $DIGIDAY_LANG, else the locale, else en."),
    choices=LANGS,
)
FORMAT = Param(
    "--format -f", N_("text, plain, json or markdown. Default: text."), choices=FORMATS[:4]
)
COUNTDOWN_FORMAT = FORMAT._replace(
    help=N_("text, plain, json, markdown or line (one line, for status bars). Default: text."),
    choices=FORMATS,
)
QUIZ_FORMAT = FORMAT._replace(
    help=N_(
        "text, plain, json or markdown. Default: asked on a terminal, else markdown (a handout)."
    )
)
JSON = Param("--json", N_("Short for --format json."))
PLAIN = Param("--plain", N_("Short for --format plain."))
# Repeatable; $DIGIDAY_DATA and the data folders are read by digiday.store.layers, not by
# click, so that a list of several files and their order are the tool's own.
DATA = Param(
    "--data",
    N_(
        "A YAML file laid over the data, after $DIGIDAY_DATA's and the data folders' "
        "(repeatable; see digiday validate)."
    ),
    N_("FILE"),
)
DATE = Param("--date", N_("Take this as today: YYYY-MM-DD or DD/MM/YYYY."), N_("DATE"))
TZ = Param("--tz", N_("Whose today: an IANA time zone such as Asia/Tokyo, or local."), N_("ZONE"))
DAYS = Param("--days", N_("Print the number of days alone."))
WATCH = Param("--watch", N_("A live countdown, until Ctrl-C."))
FOLLOW = Param(
    "--follow",
    N_(
        "Print the answer again each time it changes (at midnight in ZONE), one line at a "
        "time, until stopped: for status bars. With --days, --json, --plain or --format line "
        "(the default)."
    ),
)
ROLE = Param("--role", N_("Only bodies with this role."), N_("ROLE"), ROLES)
TARGET_YEAR = Param("--year", N_("Only the targets set for this year."), N_("YEAR"))
FROM = Param("--from", N_("First year (default 2022)."), N_("YEAR"))
TO = Param("--to", N_("Last year (default: ten years after the next Day)."), N_("YEAR"))
OUTPUT = Param(
    "--output -o", N_("Write to FILE instead of stdout: a regular file atomically."), N_("FILE")
)
COUNT = Param("--count -n", N_("How many questions (1 to 100)."), "N")
TOPIC = Param(
    "--topic",
    N_("themes, editions, agencies, documents, purposes, targets or all."),
    N_("TOPIC"),
    QUIZ_TOPICS,
)
SEED = Param("--seed", N_("The same seed gives the same quiz. Default: a new quiz each time."), "S")
VERSION = Param("--version", N_("Show the version and the data's date."))
BRIEF = Param("--brief", N_("The Day in a few lines: what it is, the last and next Day."))


def follows(argv: list[str]) -> bool:
    """Whether the line is a `countdown --follow`, read before it is parsed, so that its
    signals stop it quietly from its first instant (a line that only looks like one is
    stopped quietly too, and refused all the same once parsed)."""
    return "countdown" in argv and FOLLOW.name in argv
