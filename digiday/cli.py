"""The command line: options in, calls to the pure modules, a renderer out. Nothing else.

Every command takes the run's Environment from its context (the root made it before parsing)
and lists the shared options it accepts, explicitly. Help texts are msgids, translated when
the root builds a command. Heavy modules (Rich, icalendar, zoneinfo, the data) are imported
inside the commands that need them: every TAB of shell completion and every line of a script
runs this file afresh. Typer reads the annotations below at run time, so they are written for
Python 3.10 (`Optional[...]`) and this module does not postpone their evaluation.
"""

import datetime as dt
import functools
import sys
from collections.abc import Callable
from typing import Annotated, Optional

import typer

from digiday import __version__, choices
from digiday.env import Environment
from digiday.errors import ExitStatus, escape
from digiday.l10n import N_, catalogue
from digiday.messages import error
from digiday.model import ROLES, SECTIONS
from digiday.options import (
    DEFAULT_ZONE,
    QUIZ_TOPICS,
    DataOption,
    DateOption,
    FormatOption,
    JsonFlag,
    LangOption,
    PlainFlag,
    YearArgument,
    ZoneOption,
    complete,
)
from digiday.output import write_text
from digiday.render import emit
from digiday.root import RootGroup, commands
from digiday.today import today
from digiday.usage import Command, environment

app = typer.Typer(
    cls=RootGroup,
    name="digiday",
    help=N_(
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


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        from digiday.data import data_as_of

        env = environment(ctx)
        text = catalogue(env.lang).gettext("digiday {version} (data as of {date})")
        write_text(env, text.format(version=__version__, date=data_as_of()) + "\n")
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
            help=N_("Show the version and the data's date."),
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    del lang  # decided before parsing, from anywhere on the line (env.choose_lang)
    if ctx.invoked_subcommand is None:
        write_text(environment(ctx), ctx.get_help() + "\n")


def _years(
    env: Environment,
    year: str | None,
    listing: Callable[[dt.date], list[int]],
) -> list[int]:
    """[YEAR] when given (checked), else the years `listing` gives for today in Vietnam."""
    if year is not None:
        return [choices.year(year, env.lang)]
    return listing(today(None, DEFAULT_ZONE, env.lang, env.now).date)


@commands.command(
    cls=Command,
    short_help=N_("What the Day is: overview, definition, activities, purposes, history."),
    help=N_(
        "Example: digiday info purposes --lang vi\n\n"
        "What the Day is. SECTION is one of: overview, definition, activities, purposes, "
        "history; none means all, in that order. History puts the documents behind the Day "
        "on the same timeline.\n\n"
        "--plain prints one TAB-separated line per entry: section, id, date, title, text."
    ),
)
def info(
    ctx: typer.Context,
    section: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(metavar=N_("[SECTION]"), autocompletion=complete(SECTIONS)),
    ] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import data, views

    env = environment(ctx)
    chosen: tuple[str, ...] = SECTIONS
    if section is not None:
        chosen = (choices.choose(section, SECTIONS, N_("section"), env.lang),)
    fmt = choices.output_format(fmt, as_json, plain, env.lang)
    emit(env, "info", views.info(data.load(data_file), chosen, env.lang), fmt)


@commands.command(
    cls=Command,
    short_help=N_("Who organises the Day, what each body must do, and who does it now."),
    help=N_(
        "Example: digiday agencies --role media\n\n"
        "The bodies Decision 505/QĐ-TTg names and each one's task, with what has changed since "
        "2022 (the ministry merged in 2025) and who does the work now.\n\n"
        "ROLE is one of: lead, coordinator, implementer, association, media, press.\n\n"
        "--plain prints one TAB-separated line per body: id, role, abbreviation, name, "
        "successor, change, tasks (joined by ' | ')."
    ),
)
def agencies(
    ctx: typer.Context,
    role: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--role",
            help=N_("Only bodies with this role."),
            autocompletion=complete(ROLES),
            metavar=N_("ROLE"),
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import data, views

    env = environment(ctx)
    if role is not None:
        role = choices.choose(role, ROLES, N_("role"), env.lang)
    fmt = choices.output_format(fmt, as_json, plain, env.lang)
    emit(env, "agencies", views.agencies(data.load(data_file), role, env.lang), fmt)


@commands.command(
    cls=Command,
    short_help=N_("The theme of each year's Day, with its edition."),
    help=N_(
        "Example: digiday themes 2024\n\n"
        "Every year from 2022 to the most recent Day (in Vietnam's time), and any later year the "
        "data has a theme for. A year with no known theme shows none: it is never invented.\n\n"
        "--plain prints one TAB-separated line per year: year, edition, theme (empty if not "
        "known)."
    ),
)
def themes(
    ctx: typer.Context,
    year: YearArgument = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import data, views

    env = environment(ctx)
    fmt = choices.output_format(fmt, as_json, plain, env.lang)
    dataset = data.load(data_file)
    years = _years(env, year, lambda day: views.theme_years(dataset, day))
    emit(env, "themes", views.themes(dataset, years, env.lang), fmt)


@commands.command(
    cls=Command,
    short_help=N_("Each Day as it happened: theme, year theme, ceremony, plan."),
    help=N_(
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
)
def editions(
    ctx: typer.Context,
    year: YearArgument = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import data, views

    env = environment(ctx)
    fmt = choices.output_format(fmt, as_json, plain, env.lang)
    dataset = data.load(data_file)
    years = _years(env, year, lambda day: views.edition_years(dataset, day))
    emit(env, "editions", views.editions(dataset, years, env.lang), fmt)


@commands.command(
    cls=Command,
    short_help=N_("Days until the next 10 October, its edition, weekday and theme."),
    help=N_(
        "Example: digiday countdown --days\n\n"
        "Days until the next National Digital Transformation Day: 0 on the Day itself. Today is "
        "taken in --tz (default Asia/Ho_Chi_Minh: at 18:30 UTC on 9 October it is already the "
        "Day there), or set with --date.\n\n"
        "--watch keeps a live countdown to midnight starting the Day in ZONE until Ctrl-C; when "
        "stdout is not a terminal it prints the countdown once instead.\n\n"
        "--plain prints one TAB-separated line with: days, date, weekday, edition, theme, "
        "today, timezone."
    ),
)
def countdown(
    ctx: typer.Context,
    date: DateOption = None,
    tz: ZoneOption = DEFAULT_ZONE,
    days: Annotated[
        bool, typer.Option("--days", help=N_("Print the number of days alone."))
    ] = False,
    watch: Annotated[
        bool, typer.Option("--watch", help=N_("A live countdown, until Ctrl-C."))
    ] = False,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import calendar, data

    env = environment(ctx)
    fmt = choices.output_format(fmt, as_json, plain, env.lang)
    when = today(date, tz, env.lang, env.now)
    if data_file is not None:
        data.load(data_file)  # a given data file is checked on every path, even unneeded
    try:
        left = calendar.days_until(when.date)
    except OverflowError:
        error("calendar_end", env.lang, value=when.date.isoformat())
    if days:
        if watch or fmt != "text":
            other = "--watch" if watch else f"--format {fmt}"
            error("formats", env.lang, given=f"--days, {other}")
        write_text(env, f"{left}\n")
        return
    if watch:
        for flag, given in (("--date", date is not None), (f"--format {fmt}", fmt != "text")):
            if given:
                error("watch", env.lang, other=flag)
        if env.is_terminal:
            from digiday.watch import run

            run(env, when.zone)
            return
    from digiday import views

    payload = views.countdown(data.load(data_file), when.date, when.zone_name, env.lang)
    emit(env, "countdown", payload, fmt)


@commands.command(
    "is-today",
    cls=Command,
    short_help=N_("Exit 0 on National Digital Transformation Day, 1 on any other day."),
    help=N_(
        "Example: digiday is-today && echo 'Chúc mừng Ngày Chuyển đổi số quốc gia!'\n\n"
        "Prints nothing: the answer is the exit status, 0 when today (in --tz, default "
        "Asia/Ho_Chi_Minh, or --date) is 10 October of 2022 or later, 1 when it is not."
    ),
)
def is_today(
    ctx: typer.Context,
    date: DateOption = None,
    tz: ZoneOption = DEFAULT_ZONE,
    lang: LangOption = None,
) -> None:
    from digiday import calendar

    env = environment(ctx)
    when = today(date, tz, env.lang, env.now)
    raise typer.Exit(int(ExitStatus.OK if calendar.is_day(when.date) else ExitStatus.NO))


@commands.command(
    cls=Command,
    short_help=N_("An iCalendar (RFC 5545) file of the Day, one all-day event a year."),
    help=N_(
        "Example: digiday ics -o ngay-chuyen-doi-so.ics\n\n"
        "One all-day, transparent event on 10 October of each year, with the edition in its "
        "summary and the year's theme in its description when known. By default from 2022 to "
        "ten years after the next Day. Two runs on the same data give identical files."
    ),
)
def ics(
    ctx: typer.Context,
    start: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--from",
            help=N_("First year (default 2022)."),
            metavar=N_("YEAR"),
            show_default=False,
        ),
    ] = None,
    end: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--to",
            help=N_("Last year (default: ten years after the next Day)."),
            metavar=N_("YEAR"),
            show_default=False,
        ),
    ] = None,
    output_file: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help=N_("Write to FILE (atomically) instead of stdout."),
            metavar=N_("FILE"),
        ),
    ] = None,
    date: DateOption = None,
    tz: ZoneOption = DEFAULT_ZONE,
    lang: LangOption = None,
    data_file: DataOption = None,
) -> None:
    from digiday import calendar, data
    from digiday.output import write_bytes, write_file_atomically
    from digiday.render import ics as ics_render

    env = environment(ctx)
    first = choices.year(start if start is not None else calendar.FIRST_YEAR, env.lang)
    if end is None:
        try:
            next_year = calendar.next_day(today(date, tz, env.lang, env.now).date).year
            last = min(next_year + 10, calendar.LAST_YEAR)
        except OverflowError:
            last = calendar.LAST_YEAR
    else:
        last = choices.year(end, env.lang)
    if first > last:
        error("range", env.lang, start=first, end=last)
    stamp = calendar.parse_date(data.data_as_of())
    revisions, since = data.calendar_revisions()
    bundled = {year: ics_render.Revision(*revision) for year, revision in revisions.items()}
    years = range(first, last + 1)
    content = ics_render.render(data.load(data_file), years, env.lang, stamp, bundled, since)
    if output_file is None or output_file == "-":
        write_bytes(env, content)
        return
    try:
        write_file_atomically(output_file, content)
    except OSError as problem:
        error("write", env.lang, path=output_file, reason=problem.strerror or str(problem))


@commands.command(
    cls=Command,
    short_help=N_("Find content by words, with or without Vietnamese diacritics."),
    help=N_(
        "Example: digiday search dai truyen hinh\n\n"
        "Every piece of content (info, agencies, themes, editions, documents, sources) that "
        "contains all the words, ignoring case, in either language, by whole words; a word of "
        "four or more letters also finds the words it starts. A word typed without diacritics "
        "matches any (chuyen doi so finds chuyển đổi số); a word typed with them matches them "
        "exactly. Matches in a name or title come first. Exit status 1 when nothing matches.\n\n"
        "--plain prints one TAB-separated line per match: ref, section, text."
    ),
)
def search(
    ctx: typer.Context,
    query: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(metavar=N_("QUERY..."), show_default=False),
    ] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import data, views
    from digiday import search as finder

    env = environment(ctx)
    fmt = choices.output_format(fmt, as_json, plain, env.lang)
    terms = finder.words(query or [])
    if not terms:
        error("no_words", env.lang)
    if len(terms) > finder.MAX_WORDS:
        error("many_words", env.lang, count=len(terms), limit=finder.MAX_WORDS)
    prepared = data.prepared_for_search()
    hits = finder.search(data.load(data_file), terms, prepared)
    if not hits:
        raise typer.Exit(int(ExitStatus.NO))
    highlight = functools.partial(finder.spans, terms=terms, prepared=prepared)
    emit(env, "search", views.search(hits, env.lang), fmt, highlight)


@commands.command(
    cls=Command,
    short_help=N_("Every source the data cites, with its address; with ID, what cites it."),
    help=N_(
        "Example: digiday sources vietnamnet-2025-ceremony\n\n"
        "The sources behind every fact, by the id the data cites them with, and the refs of "
        "the items that cite each one (cited_by). With ID, that source alone, with every item "
        "that cites it.\n\n"
        "--plain prints one TAB-separated line per source: id, title, url, publisher, date, "
        "cited_by (joined by ' | ')."
    ),
)
def sources(
    ctx: typer.Context,
    source_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(metavar=N_("[ID]"), help=N_("One source's id."), show_default=False),
    ] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday import data, views

    env = environment(ctx)
    fmt = choices.output_format(fmt, as_json, plain, env.lang)
    dataset = data.load(data_file)
    if source_id is not None:
        known = [source.id for source in dataset.sources]
        if source_id not in known:
            import difflib

            close = difflib.get_close_matches(source_id, known, n=3, cutoff=0.5)
            error("source", env.lang, value=source_id, close=", ".join(close or known[:3]))
    emit(env, "sources", views.sources(dataset, source_id), fmt)


@commands.command(
    cls=Command,
    short_help=N_("A quiz on the Day, made from the data: asked on a terminal, else printed."),
    help=N_(
        "Example: digiday quiz --count 5 --topic themes\n\n"
        "Multiple-choice questions made from the data (the --data file's too), each with four "
        "options of the same kind and the sources of its fact. On a terminal it asks them one "
        "by one: answer with 1-4 or A-D; Ctrl-C ends it with the score so far. When stdout is "
        "not a terminal, or with --format, it prints them instead, for a class: markdown (the "
        "default there) is a handout with the answer key at the end.\n\n"
        "--plain prints one TAB-separated line per question: topic, question, the four "
        "options, the answer (A-D), sources (joined by ' | '). --json gives each question's "
        "topic, question, options, answer (0-3), sources and fact."
    ),
)
def quiz(
    ctx: typer.Context,
    count: Annotated[
        str,
        typer.Option("--count", "-n", help=N_("How many questions (1 to 100)."), metavar="N"),
    ] = "10",
    topic: Annotated[
        str,
        typer.Option(
            "--topic",
            help=N_("themes, editions, agencies, documents, purposes or all."),
            autocompletion=complete(QUIZ_TOPICS),
            metavar=N_("TOPIC"),
        ),
    ] = "all",
    seed: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--seed",
            help=N_("The same seed gives the same quiz. Default: a new quiz each time."),
            metavar="S",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    import random

    from digiday import data, views
    from digiday import quiz as maker

    env = environment(ctx)
    asked = fmt is not None or as_json or plain
    fmt = choices.output_format(fmt, as_json, plain, env.lang)
    how_many = choices.number(count, 1, 100, "--count", env.lang)
    chosen = choices.choose(topic, QUIZ_TOPICS, N_("topic"), env.lang)
    if seed is None:
        number = random.SystemRandom().randrange(1_000_000)
    else:
        number = choices.number(seed, -(2**63), 2**63 - 1, "--seed", env.lang)
    questions = maker.questions(data.load(data_file), env.lang, chosen, how_many, number)
    if not questions:
        error("no_questions", env.lang, topic=chosen)
    if not asked and env.is_terminal and env.stdin is not None and env.stdin.isatty():
        from digiday.play import play

        play(env, questions, env.stdin)
        return
    emit(env, "quiz", views.quiz(questions), fmt if asked else "markdown")


@commands.command(
    cls=Command,
    short_help=N_("Check a user data file and list every problem in it."),
    help=N_(
        "Example: digiday validate my-themes.yaml\n\n"
        "Checks FILE as --data would use it: the YAML, its shape, both languages in every text, "
        "years from 2022, and that every cited source exists. Lists every problem on stderr "
        "(file:line: key path: message) and exits 3 if there is any; otherwise prints what the "
        "file adds or replaces and exits 0."
    ),
)
def validate(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar=N_("FILE"), show_default=False)],
    lang: LangOption = None,
) -> None:
    from digiday import data

    env = environment(ctx)
    summary = data.validate(file)
    text = catalogue(env.lang).gettext("{file}: valid; {summary}")
    write_text(env, text.format(file=escape(file), summary=summary.text(env.lang)) + "\n")


def main() -> None:
    """The `digiday` console script."""
    import gc

    from digiday.output import tolerate_narrow_encodings

    tolerate_narrow_encodings()
    try:
        app(prog_name="digiday", args=sys.argv[1:])
    finally:
        # The answer is written and flushed by now. What is left is the interpreter's exit,
        # whose garbage collections walk every object of every module imported (Rich's
        # most of all) and cost a text answer a tenth of its time. The tool leaves no
        # cycles that need them, so the objects are frozen out of their way.
        gc.freeze()
