"""The commands: options in, calls to the modules below, a renderer out, and what ties
them together for one command (which data layers, which today, --follow's answer).

Every command takes the run's Environment from its context (the root made it before parsing)
and lists the shared options it accepts, explicitly. Help texts are msgids, translated when
the root builds a command. Heavy modules (Rich, icalendar, zoneinfo, the data) are imported
inside the commands that need them: every TAB of shell completion and every line of a script
runs this file afresh. Typer reads the annotations below at run time, so they are written for
Python 3.10 (`Optional[...]`) and this module does not postpone their evaluation.
"""

import datetime as dt
import errno
import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from digiday import __version__
from digiday.answers import arguments as choices
from digiday.cli.help import LocalisedCommand, environment
from digiday.cli.params import (
    CountdownFormatOption,
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
from digiday.cli.root import RootGroup, commands
from digiday.core.model import DEFAULT_ZONE, QUIZ_TOPICS, ROLES, SECTIONS
from digiday.core.today import Today, today
from digiday.environment import Environment
from digiday.errors import ExitStatus, fail, quoted_path, report
from digiday.l10n.translate import N_, catalogue, tr
from digiday.output import write_text
from digiday.render import emit

if TYPE_CHECKING:
    from digiday.store.loader import Loaded

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
        env = environment(ctx)
        text = tr("digiday {version} (data as of {date})", env.lang)
        date = _data(env, None).data_as_of
        write_text(env, text.format(version=__version__, date=date) + "\n")
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


def _data(env: Environment, given: Optional[list[str]]) -> "Loaded":  # noqa: UP045
    """The data in use: the bundled data with every layer laid over it (digiday.store.layers)."""
    from digiday.store import layers
    from digiday.store import loader as data

    return data.load_all(layers.user_files(given or (), env.environ))


def _check_layers(env: Environment, given: Optional[list[str]]) -> None:  # noqa: UP045
    """Check every data layer in use, for a command whose answer needs no data (`is-today`,
    `--days`): a broken file is exit 3 there too, and without one the bundled data is not
    even read."""
    from digiday.store import layers

    files = layers.user_files(given or (), env.environ)
    if files:
        from digiday.store import loader as data

        data.load_all(files)


def _in_vietnam(env: Environment) -> dt.date:
    return today(None, DEFAULT_ZONE, env.now).date


def _years(
    env: Environment,
    year: str | None,
    listing: Callable[[dt.date], list[int]],
) -> list[int]:
    """[YEAR] when given (checked), else the years `listing` gives for today in Vietnam."""
    if year is not None:
        return [choices.year(year)]
    return listing(_in_vietnam(env))


@commands.command(
    cls=LocalisedCommand,
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
    from digiday.answers import views

    env = environment(ctx)
    chosen: tuple[str, ...] = SECTIONS
    if section is not None:
        chosen = (choices.choose(section, SECTIONS, N_("section")),)
    fmt = choices.output_format(fmt, as_json, plain)
    loaded = _data(env, data_file)
    payload = views.info(loaded.dataset, chosen, env.lang)
    emit(env, "info", payload, fmt, loaded.data_as_of, _in_vietnam(env))


@commands.command(
    cls=LocalisedCommand,
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
    from digiday.answers import views

    env = environment(ctx)
    if role is not None:
        role = choices.choose(role, ROLES, N_("role"))
    fmt = choices.output_format(fmt, as_json, plain)
    loaded = _data(env, data_file)
    payload = views.agencies(loaded.dataset, role, env.lang)
    emit(env, "agencies", payload, fmt, loaded.data_as_of, _in_vietnam(env))


@commands.command(
    cls=LocalisedCommand,
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
    from digiday.answers import views

    env = environment(ctx)
    fmt = choices.output_format(fmt, as_json, plain)
    loaded = _data(env, data_file)
    years = _years(env, year, lambda day: views.theme_years(loaded.dataset, day))
    payload = views.themes(loaded.dataset, years, env.lang)
    emit(env, "themes", payload, fmt, loaded.data_as_of, _in_vietnam(env))


@commands.command(
    cls=LocalisedCommand,
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
    from digiday.answers import views

    env = environment(ctx)
    fmt = choices.output_format(fmt, as_json, plain)
    loaded = _data(env, data_file)
    years = _years(env, year, lambda day: views.edition_years(loaded.dataset, day))
    payload = views.editions(loaded.dataset, years, env.lang)
    emit(env, "editions", payload, fmt, loaded.data_as_of, _in_vietnam(env))


@commands.command(
    cls=LocalisedCommand,
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
    follow: Annotated[
        bool,
        typer.Option(
            "--follow",
            help=N_(
                "Print the answer again each time it changes (at midnight in ZONE), one line "
                "at a time, until stopped: for status bars. With --days, --json, --plain or "
                "--format line (the default)."
            ),
        ),
    ] = False,
    lang: LangOption = None,
    fmt: CountdownFormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday.core import schedule

    env = environment(ctx)
    chosen = choices.output_format(fmt, as_json, plain, "countdown")
    fmt = "line" if follow and fmt is None and not (as_json or plain) else chosen
    when = today(date, tz, env.now, env.environ)
    try:
        left = schedule.days_until(when.date)
    except OverflowError:
        fail(N_("no 10 October after {value} in the calendar"), value=when.date.isoformat())
    if follow:
        _follow(env, when, days, watch, date is not None, fmt, data_file)
        return
    if days:
        if watch or fmt != "text":
            other = "--watch" if watch else f"--format {fmt}"
            fail(N_("choose one format only: {given}"), given=f"--days, {other}")
        _check_layers(env, data_file)
        write_text(env, f"{left}\n")
        return
    if watch:
        for flag, given in (("--date", date is not None), (f"--format {fmt}", fmt != "text")):
            if given:
                fail(
                    N_(
                        "--watch is a live clock for a terminal; it cannot be combined with {other}"
                    ),
                    other=flag,
                )
        if env.is_terminal:
            from digiday.interactive.watch import run

            _check_layers(env, data_file)
            run(env, when.zone)
            return
    from digiday.answers import views

    loaded = _data(env, data_file)
    payload = views.countdown(loaded.dataset, when.date, when.zone_name, env.lang)
    emit(env, "countdown", payload, fmt, loaded.data_as_of, when.date)


def _follow(
    env: Environment,
    when: Today,
    days: bool,
    watch: bool,
    dated: bool,
    fmt: str,
    data_file: Optional[list[str]],  # noqa: UP045
) -> None:
    """`countdown --follow`: the answer for each new day, in its one-line forms."""
    import json

    from digiday.answers import views
    from digiday.core import schedule
    from digiday.interactive.follow import follow
    from digiday.render import line, plain

    if dated or watch:
        other = "--date" if dated else "--watch"
        fail(N_("--follow follows the clock; it cannot be combined with {other}"), other=other)
    if days:
        fmt = "days" if fmt == "line" else fmt
        if fmt != "days":
            fail(N_("choose one format only: {given}"), given=f"--days, --format {fmt}")
    elif fmt not in ("line", "json", "plain"):
        fail(N_("--follow prints one line at a time: use --format line, --json or --plain"))
    loaded = _data(env, data_file)

    def answer(day: dt.date) -> str:
        if fmt == "days":
            return f"{schedule.days_until(day)}\n"
        payload = views.countdown(loaded.dataset, day, when.zone_name, env.lang)
        if fmt == "json":
            envelope = {
                "schema_version": 1,
                "lang": env.lang,
                "data_as_of": loaded.data_as_of,
                "countdown": payload,
            }
            return json.dumps(envelope, ensure_ascii=env.ascii_only) + "\n"
        if fmt == "plain":
            return plain.render("countdown", payload, env.lang)
        return line.render(payload, env.lang)

    follow(env, when.zone, answer)


@commands.command(
    "is-today",
    cls=LocalisedCommand,
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
    data_file: DataOption = None,
) -> None:
    from digiday.core import schedule

    env = environment(ctx)
    when = today(date, tz, env.now, env.environ)
    _check_layers(env, data_file)
    raise typer.Exit(int(ExitStatus.OK if schedule.is_day(when.date) else ExitStatus.NO))


@commands.command(
    cls=LocalisedCommand,
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
            help=N_("Write to FILE instead of stdout: a regular file atomically."),
            metavar=N_("FILE"),
        ),
    ] = None,
    date: DateOption = None,
    tz: ZoneOption = DEFAULT_ZONE,
    lang: LangOption = None,
    data_file: DataOption = None,
) -> None:
    from digiday.core import schedule
    from digiday.output import is_stdout, write_bytes, write_file
    from digiday.render import ics as ics_render
    from digiday.store import loader as data

    env = environment(ctx)
    first = choices.year(start if start is not None else schedule.FIRST_YEAR)
    if end is None:
        try:
            next_year = schedule.next_day(today(date, tz, env.now, env.environ).date).year
            last = min(next_year + 10, schedule.LAST_YEAR)
        except OverflowError:
            last = schedule.LAST_YEAR
    else:
        last = choices.year(end)
    if first > last:
        fail(N_("empty range: --from {start} is after --to {end}"), start=first, end=last)
    stamp = schedule.parse_date(data.bundled_as_of())
    loaded = _data(env, data_file)
    revisions, since = data.calendar_revisions()
    bundled = {year: ics_render.Revision(*revision) for year, revision in revisions.items()}
    years = range(first, last + 1)
    content = ics_render.render(
        loaded.dataset, years, env.lang, stamp, bundled, since, loaded.data_as_of
    )
    if output_file is None or output_file == "-" or is_stdout(env, output_file):
        write_bytes(env, content)
        return
    try:
        write_file(output_file, content)
    except OSError as problem:
        if problem.errno == errno.EPIPE:  # `-o /dev/stdout | head`: quiet, as for stdout
            raise
        # The file named is the one whose problem it is: the folder, when it is the folder.
        where = problem.filename if isinstance(problem.filename, str) else output_file
        fail(
            N_("cannot write {path}: {reason}"),
            ExitStatus.IOERR,
            path=where,
            reason=problem.strerror or problem,
        )


@commands.command(
    cls=LocalisedCommand,
    short_help=N_("Find content by words, with or without Vietnamese diacritics."),
    help=N_(
        "Example: digiday search dai truyen hinh\n\n"
        "Every piece of content (info, agencies, themes, editions, documents, targets, "
        "measurements, sources) that "
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
    from digiday.answers import search as finder
    from digiday.answers import views
    from digiday.store import loader as data

    env = environment(ctx)
    fmt = choices.output_format(fmt, as_json, plain)
    terms = finder.words(query or [])
    if not terms:
        fail(N_("give at least one word to search for, e.g. digiday search digital economy"))
    if len(terms) > finder.MAX_WORDS:
        fail(
            N_("too many words to search for ({count}); at most {limit}"),
            count=len(terms),
            limit=finder.MAX_WORDS,
        )
    prepared = data.prepared_for_search()
    loaded = _data(env, data_file)
    hits = finder.search(loaded.dataset, terms, prepared)
    if not hits:
        raise typer.Exit(int(ExitStatus.NO))
    highlight = functools.partial(finder.spans, terms=terms, prepared=prepared)
    payload = views.search(hits, env.lang)
    emit(env, "search", payload, fmt, loaded.data_as_of, _in_vietnam(env), highlight)


@commands.command(
    cls=LocalisedCommand,
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
    from digiday.answers import views

    env = environment(ctx)
    fmt = choices.output_format(fmt, as_json, plain)
    loaded = _data(env, data_file)
    dataset = loaded.dataset
    if source_id is not None:
        known = [source.id for source in dataset.sources]
        if source_id not in known:
            import difflib

            close = difflib.get_close_matches(source_id, known, n=3, cutoff=0.5)
            fail(
                N_("unknown source id {value} (closest: {close}; see digiday sources)"),
                value=source_id,
                close=", ".join(close or known[:3]),
            )
    payload = views.sources(dataset, source_id)
    emit(env, "sources", payload, fmt, loaded.data_as_of, _in_vietnam(env))


@commands.command(
    cls=LocalisedCommand,
    short_help=N_("The targets behind the Day, and every figure measured against them."),
    help=N_(
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
)
def targets(
    ctx: typer.Context,
    year: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--year",
            help=N_("Only the targets set for this year."),
            metavar=N_("YEAR"),
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    plain: PlainFlag = False,
    data_file: DataOption = None,
) -> None:
    from digiday.answers import views

    env = environment(ctx)
    chosen = choices.year(year) if year is not None else None
    fmt = choices.output_format(fmt, as_json, plain)
    loaded = _data(env, data_file)
    payload = views.targets(loaded.dataset, chosen, env.lang)
    if not payload and chosen is not None and fmt in ("text", "markdown"):
        # An empty answer is not a failure, but a reader is owed a sentence, not nothing.
        said = tr("The data has no target for {year}.", env.lang)
        write_text(env, said.format(year=chosen) + "\n")
        return
    emit(env, "targets", payload, fmt, loaded.data_as_of, _in_vietnam(env))


@commands.command(
    cls=LocalisedCommand,
    short_help=N_("A quiz on the Day, made from the data: asked on a terminal, else printed."),
    help=N_(
        "Example: digiday quiz --count 5 --topic themes\n\n"
        "Multiple-choice questions made from the data (the --data file's too), each with four "
        "options of the same kind and the sources of its fact. On a terminal it asks them one "
        "by one: answer with 1-4 or A-D; q, Esc or Ctrl-D ends it with the score so far (Ctrl-C "
        "too, with exit status 130). When stdout is not a terminal, or with --format, it prints "
        "them instead, for a class: markdown (the default there) is a handout with the answer "
        "key at the end. Asked for more questions than the data makes, it gives those it makes "
        "and says how many on stderr.\n\n"
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
            help=N_("themes, editions, agencies, documents, purposes, targets or all."),
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

    from digiday.answers import quiz as maker
    from digiday.answers import views

    env = environment(ctx)
    asked = fmt is not None or as_json or plain
    fmt = choices.output_format(fmt, as_json, plain)
    how_many = choices.number(count, 1, 100, "--count")
    chosen = choices.choose(topic, QUIZ_TOPICS, N_("topic"))
    if seed is None:
        number = random.SystemRandom().randrange(1_000_000)
    else:
        number = choices.number(seed, -(2**63), 2**63 - 1, "--seed")
    loaded = _data(env, data_file)
    questions = maker.questions(loaded.dataset, env.lang, chosen, how_many, number)
    if not questions:
        fail(N_("the data gives no question on {topic}"), topic=chosen)
    if len(questions) < how_many:
        # Fewer than asked for is still a quiz (exit 0), but the reader is told so: on
        # stderr, which neither the handout nor --json on stdout is mixed with.
        said = catalogue(env.lang).ngettext(
            "the data gives only {made} question on {topic} ({count} asked for)",
            "the data gives only {made} questions on {topic} ({count} asked for)",
            len(questions),
        )
        report(said.format(made=len(questions), topic=chosen, count=how_many), env.stderr)
    if not asked and env.is_terminal and env.stdin is not None and env.stdin.isatty():
        from digiday.interactive.play import play

        play(env, questions, env.stdin)
        return
    shown_as = fmt if asked else "markdown"
    emit(env, "quiz", views.quiz(questions), shown_as, loaded.data_as_of, _in_vietnam(env))


@commands.command(
    cls=LocalisedCommand,
    short_help=N_("Check data files and list every problem; without FILE, every layer in use."),
    help=N_(
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
)
def validate(
    ctx: typer.Context,
    files: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(metavar=N_("[FILE]..."), show_default=False),
    ] = None,
    lang: LangOption = None,
) -> None:
    from digiday.store import layers
    from digiday.store import loader as data

    env = environment(ctx)
    in_use = layers.user_files((), env.environ)
    if files:
        given = {layers.identity_of(path) for path in files}  # the same file, however written
        under = [path for path in in_use if layers.identity_of(path) not in given]
        checked = data.validate(files, under)
    else:
        checked = data.validate(in_use)
        bundled = tr("the bundled data: data as of {date}", env.lang)
        write_text(env, bundled.format(date=data.bundled_as_of()) + "\n")
    for layer in checked:
        summary = layer.summary.text(env.lang)
        if layer.data_as_of is not None:
            line = tr("{file}: valid; {summary}; data as of {date}", env.lang)
        else:
            line = tr("{file}: valid; {summary}", env.lang)
        text = line.format(file=quoted_path(layer.file), summary=summary, date=layer.data_as_of)
        write_text(env, text + "\n")
    if not files:
        dates = [data.bundled_as_of(), *(layer.data_as_of for layer in checked if layer.data_as_of)]
        text = tr("the data in use is as of {date}", env.lang, date=max(dates))
        write_text(env, text + "\n")


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
