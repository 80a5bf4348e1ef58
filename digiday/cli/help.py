"""Help pages and usage errors in the reader's language.

Typer looks a few of its words up with gettext (typer_internals.typer_words); the click it
vendors, none. So help texts, metavars and the help option are translated when a command is
built for a language, the usage line in click's `format_usage`, and parse errors are told
afresh from the exception's class and fields, and from the option's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from digiday.cli.typer_internals import (
    BadOptionUsage,
    Context,
    HelpFormatter,
    NoSuchOption,
    TyperCommand,
    UsageError,
)
from digiday.core.constants import Lang
from digiday.environment import write_text
from digiday.errors import Failure, quoted
from digiday.l10n.translate import N_, catalogue, tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from digiday.cli.typer_internals import Parameter
    from digiday.environment import Environment

_NARROWEST_TEXT = 24  # the fewest columns an option's text gets beside it; fewer: below it


PROGRAM = N_(
    "Example: digiday countdown --lang vi\n\n"
    "Vietnam's National Digital Transformation Day (10 October), in Vietnamese and English: what "
    "it is, who organises it, each year's theme, and how long until the next one."
)
# Each command's line in the list of commands, then its page, in the order --help lists them.
SHORT = {
    "info": N_("What the Day is: overview, definition, activities, purposes, history."),
    "agencies": N_("Who organises the Day, what each body must do, and who does it now."),
    "themes": N_("The theme of each year's Day, with its edition."),
    "editions": N_("Each Day as it happened: theme, year theme, ceremony, plan."),
    "countdown": N_("Days until the next 10 October, its edition, weekday and theme."),
    "is-today": N_("Exit 0 on National Digital Transformation Day, 1 on any other day."),
    "ics": N_("An iCalendar (RFC 5545) file of the Day, one all-day event a year."),
    "search": N_("Find content by words, with or without Vietnamese diacritics."),
    "sources": N_("Every source the data cites, with its address; with ID, what cites it."),
    "targets": N_("The targets behind the Day, and every figure measured against them."),
    "quiz": N_("A quiz on the Day, made from the data: asked on a terminal, else printed."),
    "validate": N_("Check data files and list every problem; without FILE, every layer in use."),
}
PAGES = {
    "info": N_(
        "Example: digiday info purposes --lang vi\n\nWhat the Day is. SECTION is one of: overview, "
        "definition, activities, purposes, history; none means all, in that order. History puts "
        "the documents behind the Day on the same timeline.\n\n--plain prints one TAB-separated "
        "line per entry: section, id, date, title, text."
    ),
    "agencies": N_(
        "Example: digiday agencies --role media\n\nThe bodies Decision 505/QĐ-TTg names and each "
        "one's task, with what has changed since 2022 (the ministry merged in 2025) and who does "
        "the work now.\n\nROLE is one of: lead, coordinator, implementer, association, media, "
        "press.\n\n--plain prints one TAB-separated line per body: id, role, abbreviation, name, "
        "successor, change, tasks (joined by ' | ')."
    ),
    "themes": N_(
        "Example: digiday themes 2024\n\nEvery year from 2022 to the most recent Day (in Vietnam's "
        "time), and any later year the data has a theme for. A year with no known theme shows "
        "none: it is never invented.\n\n--plain prints one TAB-separated line per year: year, "
        "edition, theme (empty if not known)."
    ),
    "editions": N_(
        "Example: digiday editions 2024\n\nOne record per Day from 2022 to the next Day (in "
        "Vietnam's time), and any later year the data knows of: its edition and date, the Day's "
        "theme, the year theme of the Government's steering body (a different thing, labelled as "
        "such), the national ceremony (date, place, who chaired it, how the provinces joined), the "
        "plan behind it and October's Digital Consumption Month. A part no source gives is left "
        "empty, never guessed. With YEAR, that Day alone, told in full.\n\n--plain prints one "
        "TAB-separated line per Day: year, edition, date, theme, year_theme, ceremony_date, "
        "ceremony_place, chaired_by, plan, plan_date."
    ),
    "countdown": N_(
        "Example: digiday countdown --days\n\nDays until the next National Digital Transformation "
        "Day: 0 on the Day itself. Today is taken in --tz (default Asia/Ho_Chi_Minh: at 18:30 UTC "
        "on 9 October it is already the Day there), or set with --date.\n\n--watch keeps a live "
        "countdown to midnight starting the Day in ZONE until Ctrl-C; when stdout is not a "
        "terminal it prints the countdown once instead.\n\n--plain prints one TAB-separated line "
        "with: days, date, weekday, edition, theme, today, timezone."
    ),
    "is-today": N_(
        "Example: digiday is-today && echo 'Chúc mừng Ngày Chuyển đổi số quốc gia!'\n\nPrints "
        "nothing: the answer is the exit status, 0 when today (in --tz, default Asia/Ho_Chi_Minh, "
        "or --date) is 10 October of 2022 or later, 1 when it is not."
    ),
    "ics": N_(
        "Example: digiday ics -o ngay-chuyen-doi-so.ics\n\nOne all-day, transparent event on 10 "
        "October of each year, with the edition in its summary and the year's theme in its "
        "description when known. By default from 2022 to ten years after the next Day. Two runs on "
        "the same data give identical files."
    ),
    "search": N_(
        "Example: digiday search dai truyen hinh\n\nEvery piece of content (info, agencies, "
        "themes, editions, documents, targets, measurements, sources) that contains all the words, "
        "ignoring case, in either language, by whole words; a word of four or more letters also "
        "finds the words it starts. A word typed without diacritics matches any (chuyen doi so "
        "finds chuyển đổi số); a word typed with them matches them exactly. Matches in a name or "
        "title come first. Exit status 1 when nothing matches.\n\n--plain prints one TAB-separated "
        "line per match: ref, section, text."
    ),
    "sources": N_(
        "Example: digiday sources vietnamnet-2025-ceremony\n\nThe sources behind every fact, by "
        "the id the data cites them with, and the refs of the items that cite each one (cited_by). "
        "With ID, that source alone, with every item that cites it.\n\n--plain prints one "
        "TAB-separated line per source: id, title, url, publisher, date, cited_by (joined by ' | "
        "')."
    ),
    "targets": N_(
        "Example: digiday targets --year 2025\n\nThe targets of Resolution 52-NQ/TW, Decision "
        "749/QĐ-TTg (the National Digital Transformation Programme: its targets for 2025 and "
        "its orientation to 2030), Decision 411/QĐ-TTg, Resolution 57-NQ/TW and the Government "
        "steering committee's plan for 2026 (Decision 11/QĐ-BCĐCP): each with its indicator, "
        "its value and unit, its year and its document, and beside it every figure measured "
        "against it since, with when, by whom and of which kind: official (a statistics "
        "office's or an index's published figure), estimate (a figure its maker calls an "
        "estimate) or claim (a figure stated at an event or in a report without its method), "
        "and its sources. The text opens with how many targets were met, not met, disputed, "
        "not measured or are still open, and gives each target its verdict and the figures "
        "that decided it; for each indicator, its targets and how far each figure is from the "
        "target it is told against (the first set for its year or after). With --year, the "
        "targets set for that year.\n\n--plain prints one TAB-separated line per target and "
        "figure measured against it (a target with none gets one line, its figure's fields "
        "empty): id, document, year, target, unit, measured_year, value, measured_unit, kind, "
        "by, date, short_by (how far the figure is short of the target: percentage points or "
        "places, 0 once reached, empty where the two cannot be compared), figure, indicator, "
        "verdict (the target's: open, met, not_met, disputed or unmeasured)."
    ),
    "quiz": N_(
        "Example: digiday quiz --count 5 --topic themes\n\nMultiple-choice questions made from "
        "the data (the --data file's too), each with four options of the same kind and the "
        "sources of its fact. On a terminal it asks them one by one: answer with 1-4 or A-D; "
        "q, Esc or Ctrl-D ends it with the score so far (Ctrl-C too, with exit status 130). "
        "When stdout is not a terminal, or with --format, it prints them instead, for a class: "
        "markdown (the default there) is a handout with the answer key at the end. Asked for "
        "more questions than the data makes, it gives those it makes and says how many on "
        "stderr.\n\n--plain prints one TAB-separated line per question: topic, question, a, b, "
        "c, d (the four options), answer (the right one's letter, A-D), sources (joined by ' | "
        "'). --json gives each question's topic, question, options, answer (0-3), sources and "
        "fact."
    ),
    "validate": N_(
        "Example: digiday validate ~/.local/share/digiday/2027.yaml\n\nChecks each FILE as --data "
        "would use it, laid over the data in use: the YAML, its shape, both languages in every "
        "text, years from 2022, and that every source, document and measure a record names exists. "
        "Lists every problem on stderr ('file', line N: key path: message) and exits 3 if there is "
        "any; otherwise prints what each file adds or replaces, and its data_as_of, and exits "
        "0.\n\nWithout FILE, checks every data layer in use and lists them in the order they are "
        "laid: the bundled data, the data folders (each DIR/digiday/ of $XDG_DATA_DIRS, then "
        "$XDG_DATA_HOME/digiday/, default ~/.local/share/digiday/), then the files of "
        "$DIGIDAY_DATA."
    ),
}


def environment(ctx: Context) -> Environment:
    """The run's environment, which the root put in the context (see root.RootGroup.main)."""
    from digiday.environment import Environment, resolve

    return ctx.find_object(Environment) or resolve()


def fitted(term: str, width: int) -> list[str]:
    """An option's term (`-f, --format [text|plain|json]`) in lines of `width` at most, where
    it can be: its choices broken after a `|`, each line under the first choice."""
    start = term.find("[") + 1
    if len(term) <= width or not start:
        return [term]
    lines = [term[:start]]
    for choice in term[start:].split("|"):
        if lines[-1].endswith("|") and len(lines[-1]) + len(choice) + 1 > width:
            lines.append(" " * start)
        lines[-1] += choice if choice.endswith("]") else choice + "|"
    return lines


class HelpPage(HelpFormatter):
    """click's help layout, which at a narrow width puts each option's text under it (two
    columns would leave the text a column of a few letters, and lines past the terminal),
    and wraps an option's choices where they are wider than the terminal."""

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        first = min(max((len(term) for term, _ in rows), default=0), col_max) + col_spacing
        if self.width - self.current_indent - first >= _NARROWEST_TEXT:
            super().write_dl(rows, col_max, col_spacing)
            return
        for term, text in rows:
            for line in fitted(term, self.width - self.current_indent):
                self.write(f"{'':>{self.current_indent}}{line}\n")
            if text:
                with self.indentation(), self.indentation():
                    self.write_text(text)


class HelpContext(Context):
    formatter_class = HelpPage


class Localised:
    """What a command needs to show its help and its parse errors in the reader's language
    (a mixin for the Typer command and group classes)."""

    lang: Lang = "en"
    context_class: type[Context] = HelpContext

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        prefix = tr("Usage: ", self.lang)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = tr("Show this message and exit.", self.lang)
            option.callback = _show_help
        return option

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc,no-any-return]
        except BadOptionUsage as problem:
            # The parser tells the two misuses apart in an English sentence alone; the
            # option tells them apart too: a flag takes no value, any other option needs one.
            name, params = problem.option_name, self.get_params(ctx)  # type: ignore[attr-defined]
            if any(name in param.opts and param.is_flag for param in params if param.opts):
                raise Failure(N_("option {name} does not take a value"), name=name) from None
            raise Failure(N_("option {name} needs a value"), name=name) from None

    def translate(self, lang: Lang) -> None:
        """Put this command's help, usage words and its parameters' help into `lang`."""
        self.lang = lang
        for name in ("help", "short_help", "options_metavar", "subcommand_metavar"):
            if getattr(self, name, None):
                setattr(self, name, tr(getattr(self, name), lang))
        for param in self.params:  # type: ignore[attr-defined]
            if getattr(param, "help", None):
                param.help = tr(param.help, lang)
            if param.metavar:
                param.metavar = tr(param.metavar, lang)


class LocalisedCommand(Localised, TyperCommand):
    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        # click keeps the words left over (the commands' allow_extra_args, cli/app.py): they
        # are refused here, by the words, where click would say an English sentence.
        rest = super().parse_args(ctx, args)
        if ctx.args and not ctx.resilient_parsing:
            raise ExtraArguments(" ".join(ctx.args), ctx)
        return rest


def _show_help(ctx: Context, param: Parameter, value: bool) -> None:
    """The help option: the page through the environment's stdout, like every answer."""
    if value and not ctx.resilient_parsing:
        write_text(environment(ctx), ctx.get_help() + "\n")
        ctx.exit()


class ExtraArguments(UsageError):
    """Words left over once a command has read its arguments: its context's `args`."""


MAX_EXTRA = 3  # leftover words a usage error lists: ten thousand would make a huge line


def usage_error(problem: UsageError, lang: Lang) -> str:
    """click's message for a line it could not parse, in `lang`, with the hint to `--help`:
    told from the errors the commands can meet (none has a required or a typed parameter);
    one we do not know is passed on as it is."""
    if isinstance(problem, NoSuchOption):
        text = tr("no such option {value}", lang, value=quoted(problem.option_name))
        if problem.possibilities:
            close = ", ".join(sorted(problem.possibilities))
            text += " " + tr("(did you mean {close}?)", lang, close=close)
    elif isinstance(problem, ExtraArguments) and problem.ctx is not None:
        words = problem.ctx.args
        listed = ", ".join(quoted(word) for word in words[:MAX_EXTRA])
        more = len(words) - MAX_EXTRA
        if more > 0:
            said = catalogue(lang).ngettext("and {count:,} more", "and {count:,} more", more)
            listed += " " + said.format(count=more)
        text = tr("unexpected extra argument(s): {value}", lang, value=listed)
    else:
        text = problem.format_message()
    if problem.ctx is not None:
        text += " " + tr("(see '{command} --help')", lang, command=problem.ctx.command_path)
    return text
