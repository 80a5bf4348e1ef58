"""The command line: options in, calls to the pure modules, a renderer out. Nothing else.

Heavy modules (Rich, icalendar, zoneinfo, the data) are imported inside the commands that
need them: every TAB of shell completion and every line of a script runs this file afresh.
Typer reads the annotations below at run time, so they are written for Python 3.10
(`Optional[...]`) and this module does not postpone their evaluation.
"""

import datetime as dt
import sys
from collections.abc import Callable
from typing import Annotated, Optional

import typer

from digiday import __version__, options
from digiday.errors import ExitStatus, escape, fail
from digiday.model import ROLES, SECTIONS
from digiday.options import DateOption, LangOption, Output, ZoneOption, content_command
from digiday.output import write_text
from digiday.root import RootGroup, commands

app = typer.Typer(
    cls=RootGroup,
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

        write_text(f"digiday {__version__} (data as of {data_as_of()})\n")
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
        write_text(ctx.get_help() + "\n")


YearArgument = Annotated[
    Optional[int],  # noqa: UP045
    typer.Argument(metavar="[YEAR]", help="Only this year (2022 or later).", show_default=False),
]


def _years(year: int | None, out: Output, listing: Callable[[dt.date], list[int]]) -> list[int]:
    """[YEAR] when given (checked), else the years `listing` gives for today in Vietnam."""
    if year is not None:
        return [options.year(year, out.lang)]
    return listing(options.today(None, options.DEFAULT_ZONE, out.lang).date)


def _help(example: str, body: str, plain_fields: str = "") -> str:
    """Help that starts with an example, and names the --plain fields where there are any."""
    plain = f"\n\n--plain prints one TAB-separated line {plain_fields}." if plain_fields else ""
    return f"Example: {example}\n\n{body}{plain}"


@commands.command(
    short_help="What the Day is: overview, definition, activities, purposes, history.",
    help=_help(
        "digiday info purposes --lang vi",
        "What the Day is. SECTION is one of: " + ", ".join(SECTIONS) + "; none means all, in that "
        "order. History puts the documents behind the Day on the same timeline.",
        "per entry: section, id, date, title, text",
    ),
)
@content_command
def info(
    section: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            metavar="[SECTION]", autocompletion=options.complete(SECTIONS), show_default=False
        ),
    ] = None,
    *,
    out: Output,
) -> None:
    from digiday import views

    chosen = (options.choose(section, SECTIONS, ("mục", "section"), out.lang),) if section else None
    out.emit("info", views.info(out.data(), chosen or SECTIONS, out.lang))


@commands.command(
    short_help="Who organises the Day, what each body must do, and who does it now.",
    help=_help(
        "digiday agencies --role media",
        "The bodies Decision 505/QĐ-TTg names and each one's task, with what has changed since "
        "2022 (the ministry merged in 2025) and who does the work now.\n\n"
        "ROLE is one of: " + ", ".join(ROLES) + ".",
        "per body: id, role, abbreviation, name, successor, change, tasks (joined by ' | ')",
    ),
)
@content_command
def agencies(
    role: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--role", help="Only bodies with this role.", autocompletion=options.complete(ROLES)
        ),
    ] = None,
    *,
    out: Output,
) -> None:
    from digiday import views

    if role is not None:
        options.choose(role, ROLES, ("vai trò", "role"), out.lang)
    out.emit("agencies", views.agencies(out.data(), role, out.lang))


@commands.command(
    short_help="The theme of each year's Day, with its edition.",
    help=_help(
        "digiday themes 2024",
        "Every year from 2022 to the most recent Day (in Vietnam's time), and any later year the "
        "data has a theme for. A year with no known theme shows none: it is never invented.",
        "per year: year, edition, theme (empty if not known)",
    ),
)
@content_command
def themes(year: YearArgument = None, *, out: Output) -> None:
    from digiday import views

    data = out.data()
    years = _years(year, out, lambda today: views.theme_years(data, today))
    out.emit("themes", views.themes(data, years, out.lang))


@commands.command(
    short_help="Each Day as it happened: theme, year theme, ceremony, plan.",
    help=_help(
        "digiday editions 2024",
        "One record per Day from 2022 to the next Day (in Vietnam's time), and any later year "
        "the data knows of: its edition and date, the Day's theme, the year theme of the "
        "Government's steering body (a different thing, labelled as such), the national "
        "ceremony (date, place, who chaired it, how the provinces joined), the plan behind it "
        "and October's Digital Consumption Month. A part no source gives is left empty, never "
        "guessed. With YEAR, that Day alone, told in full.",
        "per Day: year, edition, date, theme, year_theme, ceremony_date, ceremony_place, "
        "chaired_by, plan, plan_date",
    ),
)
@content_command
def editions(year: YearArgument = None, *, out: Output) -> None:
    from digiday import views

    data = out.data()
    years = _years(year, out, lambda today: views.edition_years(data, today))
    out.emit("editions", views.editions(data, years, out.lang))


@commands.command(
    short_help="Days until the next 10 October, its edition, weekday and theme.",
    help=_help(
        "digiday countdown --days",
        "Days until the next National Digital Transformation Day: 0 on the Day itself. Today is "
        "taken in --tz (default Asia/Ho_Chi_Minh: at 18:30 UTC on 9 October it is already the "
        "Day there), or set with --date.\n\n"
        "--watch keeps a live countdown to midnight starting the Day in ZONE until Ctrl-C; when "
        "stdout is not a terminal it prints the countdown once instead.",
        "with: days, date, weekday, edition, theme, today, timezone",
    ),
)
@content_command
def countdown(
    date: DateOption = None,
    tz: ZoneOption = options.DEFAULT_ZONE,
    days: Annotated[bool, typer.Option("--days", help="Print the number of days alone.")] = False,
    watch: Annotated[bool, typer.Option("--watch", help="A live countdown, until Ctrl-C.")] = False,
    *,
    out: Output,
) -> None:
    from digiday import calendar

    when = options.today(date, tz, out.lang)
    if out.data_file is not None:
        out.data()  # a given data file is checked on every path, even where it is not needed
    try:
        left = calendar.days_until(when.date)
    except OverflowError:
        options.error("calendar_end", out.lang, value=when.date.isoformat())
    if days:
        if watch or out.format != "text":
            other = "--watch" if watch else f"--format {out.format}"
            options.error("formats", out.lang, given=f"--days, {other}")
        write_text(f"{left}\n")
        return
    if watch:
        for flag, given in (
            ("--date", date is not None),
            (f"--format {out.format}", out.format != "text"),
        ):
            if given:
                options.error("watch", out.lang, other=flag)
        if sys.stdout.isatty():
            from digiday.watch import run

            run(when.zone, out.lang, options.styled())
            return
    from digiday import views

    out.emit("countdown", views.countdown(out.data(), when.date, when.zone_name, out.lang))


@commands.command(
    "is-today",
    short_help="Exit 0 on National Digital Transformation Day, 1 on any other day.",
    help=_help(
        "digiday is-today && echo 'Chúc mừng Ngày Chuyển đổi số quốc gia!'",
        "Prints nothing: the answer is the exit status, 0 when today (in --tz, default "
        "Asia/Ho_Chi_Minh, or --date) is 10 October of 2022 or later, 1 when it is not.",
    ),
)
def is_today(date: DateOption = None, tz: ZoneOption = options.DEFAULT_ZONE) -> None:
    from digiday import calendar

    when = options.today(date, tz, options.resolve_lang(None))
    raise typer.Exit(int(ExitStatus.OK if calendar.is_day(when.date) else ExitStatus.NO))


@commands.command(
    short_help="An iCalendar (RFC 5545) file of the Day, one all-day event a year.",
    help=_help(
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
    data_file: options.DataOption = None,
) -> None:
    from digiday import calendar
    from digiday.data import data_as_of
    from digiday.output import write_bytes, write_file_atomically
    from digiday.render import ics as ics_render

    language = options.resolve_lang(lang)
    first = options.year(start if start is not None else calendar.FIRST_YEAR, language)
    if end is None:
        try:
            next_year = calendar.next_day(options.today(date, tz, language).date).year
            end = min(next_year + 10, calendar.LAST_YEAR)
        except OverflowError:
            end = calendar.LAST_YEAR
    last = options.year(end, language)
    if first > last:
        options.error("range", language, start=first, end=last)
    stamp = calendar.parse_date(data_as_of())
    content = ics_render.render(options.load(data_file), range(first, last + 1), language, stamp)
    if output_file is None or output_file == "-":
        write_bytes(content)
        return
    try:
        write_file_atomically(output_file, content)
    except OSError as problem:
        reason = problem.strerror or str(problem)
        options.error("write", language, path=output_file, reason=reason)


@commands.command(
    short_help="Find content by words, with or without Vietnamese diacritics.",
    help=_help(
        "digiday search dai truyen hinh",
        "Every piece of content (info, agencies, themes, documents, sources) that contains all "
        "the words, ignoring case, in either language. A word typed without diacritics matches "
        "any (chuyen doi so finds chuyển đổi số); a word typed with them matches them exactly. "
        "Matches in a name or title come first. Exit status 1 when nothing matches.",
        "per match: ref, section, text",
    ),
)
@content_command
def search(
    query: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(metavar="QUERY...", show_default=False),
    ] = None,
    *,
    out: Output,
) -> None:
    from digiday import search as finder
    from digiday import views

    terms = finder.words(query or [])
    if not terms:
        options.error("no_words", out.lang)
    if len(terms) > finder.MAX_WORDS:
        options.error("many_words", out.lang, count=len(terms), limit=finder.MAX_WORDS)
    hits = finder.search(out.data(), terms)
    if not hits:
        raise typer.Exit(int(ExitStatus.NO))
    out.emit("search", views.search(hits, out.lang), terms)


@commands.command(
    short_help="Every source the data cites, with its address; with ID, what cites it.",
    help=_help(
        "digiday sources vietnamnet-2025-ceremony",
        "The sources behind every fact, by the id the data cites them with, and the refs of "
        "the items that cite each one (cited_by). With ID, that source alone, with every item "
        "that cites it.",
        "per source: id, title, url, publisher, date, cited_by (joined by ' | ')",
    ),
)
@content_command
def sources(
    source_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(metavar="[ID]", help="One source's id.", show_default=False),
    ] = None,
    *,
    out: Output,
) -> None:
    from digiday import views

    data = out.data()
    if source_id is not None:
        known = [source.id for source in data.sources]
        if source_id not in known:
            import difflib

            close = difflib.get_close_matches(source_id, known, n=3, cutoff=0.5)
            options.error("source", out.lang, value=source_id, close=", ".join(close or known[:3]))
    out.emit("sources", views.sources(data, source_id))


@commands.command(
    short_help="Check a user data file and list every problem in it.",
    help=_help(
        "digiday validate my-themes.yaml",
        "Checks FILE as --data would use it: the YAML, its shape, both languages in every text, "
        "years from 2022, and that every cited source exists. Lists every problem on stderr "
        "(file:line: key path: message) and exits 3 if there is any; otherwise prints what the "
        "file adds or replaces and exits 0.",
    ),
)
def validate(file: Annotated[str, typer.Argument(metavar="FILE")]) -> None:
    from digiday import data

    try:
        summary = data.validate(file)
    except data.DataError as problem:
        fail(str(problem), ExitStatus.DATA)
    write_text(f"{escape(file)}: valid; {summary}\n")


def main() -> None:
    """The `digiday` console script."""
    from digiday.output import tolerate_narrow_encodings

    tolerate_narrow_encodings()
    app(prog_name="digiday")
