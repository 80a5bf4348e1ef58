"""The command line: options in, calls to the pure modules, a renderer out. Nothing else.

Heavy modules (YAML, Rich, icalendar, zoneinfo) are imported inside the commands that need
them: every TAB of shell completion and every line of a script runs this file afresh.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperGroup
from typer.main import get_command_from_info
from typer.models import CommandInfo

if TYPE_CHECKING:
    from typer._click import Command, Context

from digiday import __version__, options
from digiday.errors import ExitStatus, Failure, fail, report
from digiday.model import ROLES, SECTIONS
from digiday.options import (
    DataOption,
    DateOption,
    FormatOption,
    JsonFlag,
    LangOption,
    PlainFlag,
    ZoneOption,
)

# The commands are registered on `_commands`, which serves only as a list of them: the root
# group builds a command's click object when it is asked for that command, so a run pays for
# its own command alone (click's "lazily loading subcommands" pattern). Building all nine
# every time cost about 10 ms of start-up.
_commands = typer.Typer()
_built: dict[str, Command] = {}


class _Group(TyperGroup):
    """The root command: builds subcommands on demand, and runs every one of them under one
    error policy, for the real program and for tests alike.

    Whatever happens, the user sees at most a short message on stderr and the contract's
    exit status: never a traceback, and nothing at all when stdout is a closed pipe.
    """

    def list_commands(self, ctx: Context) -> list[str]:
        return [_name(info) for info in _commands.registered_commands]

    def get_command(self, ctx: Context, name: str) -> Command | None:
        if name not in _built:
            info = next((i for i in _commands.registered_commands if _name(i) == name), None)
            if info is None:
                return None
            _built[name] = get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=None
            )
        return _built[name]

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        status = _run(
            lambda: super(_Group, self).main(
                args, prog_name or "digiday", complete_var, False, **extra
            )
        )
        if standalone_mode:
            sys.exit(status)
        return status


def _run(invoke: Any) -> int:
    try:
        result = invoke()
        sys.stdout.flush()
    except Failure as failure:
        report(failure.message)
        return int(failure.status)
    except KeyboardInterrupt:
        return int(ExitStatus.INTERRUPTED)
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as problem:
        if problem.errno == errno.EPIPE:
            return _closed_pipe()
        report(f"{problem.strerror or problem}")
        return int(ExitStatus.SOFTWARE)
    except Exception as problem:
        exit_code = getattr(problem, "exit_code", None)
        if hasattr(problem, "format_message") and isinstance(exit_code, int):
            report(_usage_line(problem))
            return exit_code
        report(f"internal error ({type(problem).__name__}: {problem}); please report it")
        return int(ExitStatus.SOFTWARE)
    return int(result) if isinstance(result, int) else 0


def _name(info: CommandInfo) -> str:
    return info.name or str(getattr(info.callback, "__name__", ""))


def _usage_line(problem: Any) -> str:
    """click's message for a command line it could not parse, with where to find help."""
    context = getattr(problem, "ctx", None)
    hint = f" (see '{context.command_path} --help')" if context is not None else ""
    return f"{problem.format_message()}{hint}"


def _closed_pipe() -> int:
    """The reader went away (`digiday ... | head -1`): stop quietly.

    Later writes and the final flush would raise again, so stdout is pointed at devnull.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (a test runner's buffer): nothing left to protect
    return int(ExitStatus.OK)


app = typer.Typer(
    cls=_Group,
    name="digiday",
    help=(
        "Example: digiday countdown --lang vi\n\n"
        "Vietnam's National Digital Transformation Day (10 October), in Vietnamese and English: "
        "what it is, who organises it, each year's theme, and how long until the next one."
    ),
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
    invoke_without_command=True,
)


def _version(value: bool) -> None:
    if value:
        from digiday.data import data_as_of

        sys.stdout.write(f"digiday {__version__} (data as of {data_as_of()})\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version and the data's date.",
        ),
    ] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        sys.stdout.write(ctx.get_help() + "\n")


def _example(example: str, body: str) -> str:
    return f"Example: {example}\n\n{body}"


@_commands.command(
    short_help="What the Day is: overview, definition, activities, purposes, history.",
    help=_example(
        "digiday info purposes --lang vi",
        "What the Day is. SECTION is one of: " + ", ".join(SECTIONS) + "; none means all, in that "
        "order. History puts the documents behind the Day on the same timeline.\n\n"
        + "--plain prints one TAB-separated line per entry: section, id, date, title, text.",
    ),
)
def info(
    section: Annotated[
        Optional[str],  # noqa: UP045 - Typer reads the annotation on Python 3.10
        typer.Argument(
            metavar="[SECTION]", autocompletion=options.complete(SECTIONS), show_default=False
        ),
    ] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import views

    language = options.resolve_lang(lang)
    sections = (
        (options.choose(section, SECTIONS, ("mục", "section"), language),) if section else SECTIONS
    )
    output = options.resolve_format(fmt, as_json, plain, language)
    _emit("info", views.info(options.load(data_file), sections, language), output, language)


@_commands.command(
    short_help="Who organises the Day, what each body must do, and who does it now.",
    help=_example(
        "digiday agencies --role media",
        "The bodies Decision 505/QĐ-TTg names and each one's task, with what has changed since "
        "2022 (the ministry merged in 2025) and who does the work now.\n\n"
        "ROLE is one of: " + ", ".join(ROLES) + ".\n\n"
        "--plain prints one TAB-separated line per body: id, role, abbreviation, name, successor, "
        "change, tasks (joined by ' | ').",
    ),
)
def agencies(
    role: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--role", help="Only bodies with this role.", autocompletion=options.complete(ROLES)
        ),
    ] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import views

    language = options.resolve_lang(lang)
    if role is not None:
        options.choose(role, ROLES, ("vai trò", "role"), language)
    output = options.resolve_format(fmt, as_json, plain, language)
    _emit("agencies", views.agencies(options.load(data_file), role, language), output, language)


@_commands.command(
    short_help="The theme of each year's Day, with its edition.",
    help=_example(
        "digiday themes 2024",
        "Every year from 2022 to the most recent Day (in Vietnam's time), and any later year the "
        "data has a theme for. A year with no known theme shows none: it is never invented.\n\n"
        "--plain prints one TAB-separated line per year: year, edition, theme (empty if unknown).",
    ),
)
def themes(
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Argument(
            metavar="[YEAR]", help="Only this year (2022 or later).", show_default=False
        ),
    ] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import views

    language = options.resolve_lang(lang)
    output = options.resolve_format(fmt, as_json, plain, language)
    data = options.load(data_file)
    if year is not None:
        years = [options.year(year, language)]
    else:
        years = views.theme_years(data, options.today(None, options.DEFAULT_ZONE, language).date)
    _emit("themes", views.themes(data, years, language), output, language)


@_commands.command(
    short_help="Days until the next 10 October, its edition, weekday and theme.",
    help=_example(
        "digiday countdown --days",
        "Days until the next National Digital Transformation Day: 0 on the Day itself. Today is "
        "taken in --tz (default Asia/Ho_Chi_Minh: at 18:30 UTC on 9 October it is already the "
        "Day there), or set with --date.\n\n"
        "--watch keeps a live countdown to midnight starting the Day in ZONE until Ctrl-C; when "
        "stdout is not a terminal it prints the countdown once instead.\n\n"
        "--plain prints one TAB-separated line: days, date, weekday, edition, theme, today, "
        "timezone.",
    ),
)
def countdown(
    date: DateOption = None,
    tz: ZoneOption = options.DEFAULT_ZONE,
    days: Annotated[bool, typer.Option("--days", help="Print the number of days alone.")] = False,
    watch: Annotated[bool, typer.Option("--watch", help="A live countdown, until Ctrl-C.")] = False,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import calendar

    language = options.resolve_lang(lang)
    output = options.resolve_format(fmt, as_json, plain, language)
    when = options.today(date, tz, language)
    try:
        left = calendar.days_until(when.date)
    except OverflowError:
        options.error("calendar_end", language, value=when.date.isoformat())
    if days:
        if watch or output != "text":
            options.error(
                "formats",
                language,
                given="--days, " + ("--watch" if watch else f"--format {output}"),
            )
        sys.stdout.write(f"{left}\n")
        return
    if watch:
        for flag, on in (("--date", date is not None), (f"--format {output}", output != "text")):
            if on:
                options.error("watch", language, other=flag)
        if sys.stdout.isatty():
            from digiday.watch import run

            run(when.zone, language, options.styled())
            return
    from digiday import views

    payload = views.countdown(options.load(data_file), when.date, when.zone_name, language)
    _emit("countdown", payload, output, language)


@_commands.command(
    "is-today",
    short_help="Exit 0 on National Digital Transformation Day, 1 on any other day.",
    help=_example(
        "digiday is-today && echo 'Chúc mừng Ngày Chuyển đổi số quốc gia!'",
        "Prints nothing: the answer is the exit status, 0 when today (in --tz, default "
        "Asia/Ho_Chi_Minh, or --date) is 10 October of 2022 or later, 1 when it is not.",
    ),
)
def is_today(date: DateOption = None, tz: ZoneOption = options.DEFAULT_ZONE) -> None:
    from digiday import calendar

    when = options.today(date, tz, options.resolve_lang(None))
    raise typer.Exit(int(ExitStatus.OK if calendar.is_day(when.date) else ExitStatus.NO))


@_commands.command(
    short_help="An iCalendar (RFC 5545) file of the Day, one all-day event a year.",
    help=_example(
        "digiday ics -o ngay-chuyen-doi-so.ics",
        "One all-day, transparent event on 10 October of each year, with the edition in its "
        "summary and the year's theme in its description when known. By default from 2022 to "
        "ten years after the next Day. Two runs on the same data give identical files.",
    ),
)
def ics(
    start: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--from", help="First year (default 2022).", metavar="YEAR", show_default=False
        ),
    ] = None,
    end: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--to",
            help="Last year (default: ten years after the next Day).",
            metavar="YEAR",
            show_default=False,
        ),
    ] = None,
    output_file: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output", "-o", help="Write to FILE (atomically) instead of stdout.", metavar="FILE"
        ),
    ] = None,
    date: DateOption = None,
    tz: ZoneOption = options.DEFAULT_ZONE,
    lang: LangOption = None,
    data_file: DataOption = None,
) -> None:
    from digiday import calendar
    from digiday.data import data_as_of
    from digiday.render import ics as ics_render

    language = options.resolve_lang(lang)
    first = options.year(start if start is not None else calendar.FIRST_YEAR, language)
    if end is None:
        when = options.today(date, tz, language)
        try:
            end = min(calendar.next_day(when.date).year + 10, 9999)
        except OverflowError:
            end = 9999
    last = options.year(end, language)
    if first > last:
        options.error("range", language, start=first, end=last)
    stamp = calendar.parse_date(data_as_of())
    content = ics_render.render(options.load(data_file), range(first, last + 1), language, stamp)
    from digiday.output import write_bytes, write_file_atomically

    if output_file is None or output_file == "-":
        write_bytes(content)
    else:
        try:
            write_file_atomically(output_file, content)
        except OSError as problem:
            options.error(
                "write", language, path=output_file, reason=problem.strerror or str(problem)
            )


@_commands.command(
    short_help="Find content by words, with or without Vietnamese diacritics.",
    help=_example(
        "digiday search dai truyen hinh",
        "Every piece of content (info, agencies, themes, documents, sources) that contains all "
        "the words, ignoring case, in either language. A word typed without diacritics matches "
        "any (chuyen doi so finds chuyển đổi số); a word typed with them matches them exactly. "
        "Matches in a name or title come first. Exit status 1 when nothing matches.\n\n"
        "--plain prints one TAB-separated line per match: ref, section, text.",
    ),
)
def search(
    query: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(metavar="QUERY...", show_default=False),
    ] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import search as finder
    from digiday import views

    language = options.resolve_lang(lang)
    output = options.resolve_format(fmt, as_json, plain, language)
    terms = finder.words(query or [])
    if not terms:
        options.error("no_words", language)
    if len(terms) > finder.MAX_WORDS:
        options.error("many_words", language, count=len(terms), limit=finder.MAX_WORDS)
    hits = finder.search(options.load(data_file), terms)
    if not hits:
        raise typer.Exit(int(ExitStatus.NO))
    _emit("search", views.search(hits, language), output, language, terms)


@_commands.command(
    short_help="Every source the data cites, with its address.",
    help=_example(
        "digiday sources --plain | cut -f1,3",
        "The sources behind every fact, by the id the data cites them with.\n\n"
        "--plain prints one TAB-separated line per source: id, title, url, publisher, date.",
    ),
)
def sources(
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import views

    language = options.resolve_lang(lang)
    output = options.resolve_format(fmt, as_json, plain, language)
    _emit("sources", views.sources(options.load(data_file)), output, language)


@_commands.command(
    short_help="Check a user data file and list every problem in it.",
    help=_example(
        "digiday validate my-themes.yaml",
        "Checks FILE as --data would use it: the YAML, its shape, both languages in every text, "
        "years from 2022, and that every cited source exists. Lists every problem (file:line: "
        "key path: message) and exits 3 if there is any; otherwise prints what the file adds or "
        "replaces and exits 0.",
    ),
)
def validate(file: Annotated[str, typer.Argument(metavar="FILE")]) -> None:
    from digiday import data

    try:
        summary = data.validate(file)
    except data.DataError as problem:
        fail(str(problem), ExitStatus.DATA)
    sys.stdout.write(f"{file}: valid; {summary}\n")


def _emit(*args: Any) -> None:
    from digiday.render import emit

    emit(*args)


def main() -> None:
    """The `digiday` console script."""
    from digiday.output import tolerate_narrow_encodings

    tolerate_narrow_encodings()
    app(prog_name="digiday")
