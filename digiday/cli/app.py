"""The commands: the options each one takes (declared in cli/params.py), its answer (from
digiday.answers, which the Python API gives too), and the format it is written in.

Heavy modules (Rich, icalendar, zoneinfo, the data) are imported inside the commands that
need them: every TAB of shell completion and every line of a script runs this file afresh.
Typer reads the annotations below at run time, so this module does not postpone them.
"""

import contextlib
import datetime as dt
import inspect
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from digiday import __version__
from digiday.answers.today import today
from digiday.cli import params
from digiday.cli.help import COMMANDS, PROGRAM, LocalisedCommand, environment
from digiday.cli.params import Param
from digiday.cli.root import RootGroup, commands
from digiday.core.constants import DEFAULT_ZONE, SECTIONS
from digiday.environment import Environment, report, write_bytes, write_text
from digiday.errors import ExitStatus, fail, quoted_path
from digiday.l10n.translate import N_, catalogue, tr

if TYPE_CHECKING:
    from digiday.answers.payloads import Payload
    from digiday.answers.today import Today
    from digiday.store.loader import Data


def _starting(choices: Sequence[str]) -> Callable[[str], list[str]]:
    """Shell completion of a value: the choices that start with what is typed."""
    return lambda incomplete: [c for c in choices if c.startswith(incomplete.lower())]


def option(param: Param, **more: Any) -> Any:
    """The Typer option for a declared parameter."""
    if param.choices:
        more["autocompletion"] = _starting(param.choices)
    more.setdefault("show_default", False)
    return typer.Option(*param.names, help=param.help, metavar=param.metavar, **more)


def argument(metavar: str, **more: Any) -> Any:
    return typer.Argument(metavar=metavar, show_default=False, **more)


DateOption = Annotated[str | None, option(params.DATE)]
ZoneOption = Annotated[str, option(params.TZ, show_default=True)]
YearArgument = Annotated[
    str | None, argument(N_("[YEAR]"), help=N_("Only this year (2022 or later)."))
]

app = typer.Typer(
    cls=RootGroup,
    name="digiday",
    help=PROGRAM,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
    invoke_without_command=True,
)


def _shared(formats: Param | None, data: bool) -> list[inspect.Parameter]:
    """The options a content command takes after its own, as Typer reads a function's
    parameters: --lang, then its --format (`formats`) with --json and --plain, then --data."""
    shared: list[tuple[str, Any, Param, Any]] = [("lang", str | None, params.LANG, None)]
    if formats is not None:
        shared += [("fmt", str | None, formats, None), ("as_json", bool, params.JSON, False)]
        shared.append(("plain", bool, params.PLAIN, False))
    if data:
        shared.append(("data_file", list[str] | None, params.DATA, None))
    keyword = inspect.Parameter.KEYWORD_ONLY
    return [
        inspect.Parameter(name, keyword, default=default, annotation=Annotated[kind, option(param)])
        for name, kind, param, default in shared
    ]


def command(
    name: str, formats: Param | None = params.FORMAT, data: bool = True
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register `function` as the command `name`, with its help from cli/help.py and the
    options it shares with the others (`_shared`) after its own. It is called with the run
    (`Asked`, made from those shared options) and its own options."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        def run(ctx: typer.Context, **given: Any) -> None:
            names = ("fmt", "as_json", "plain", "data_file")
            shared = {key: given.pop(key) for key in names if key in given}
            del given["lang"]  # read before the line was parsed, from anywhere on it (root.py)
            function(asked(ctx, formats, **shared), **given)

        own = list(inspect.signature(function).parameters.values())[1:]
        context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD)
        run.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [context.replace(annotation=typer.Context), *own, *_shared(formats, data)]
        )
        said = COMMANDS[name]
        # Words left over are kept by click and refused by LocalisedCommand, in the reader's
        # language.
        settings = {"allow_extra_args": True}
        commands.command(
            name,
            cls=LocalisedCommand,
            short_help=said.short,
            help=said.page,
            context_settings=settings,
        )(run)
        return function

    return register


def _version(ctx: typer.Context, value: bool) -> None:
    """The version and the data's date, whatever the data layers hold: the bundled date,
    and the layers' where they can be read (what a bug report asks for)."""
    if not value or ctx.resilient_parsing:
        return
    from digiday.store import layers, loader

    env = environment(ctx)
    date = loader.bundled_as_of()
    with contextlib.suppress(loader.DataError):
        date = loader.Data(layers.user_files((), env.environ)).data_as_of
    said = tr("digiday {version} (data as of {date})", env.lang, version=__version__, date=date)
    write_text(env, said + "\n")
    raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[bool, option(params.VERSION, callback=_version, is_eager=True)] = False,
    lang: Annotated[str | None, option(params.LANG)] = None,
) -> None:
    del lang  # read before the line was parsed, from anywhere on it (cli/root.py)
    if ctx.invoked_subcommand is None:
        write_text(environment(ctx), ctx.get_help() + "\n")


class Asked(NamedTuple):
    """A command's run: its environment, the data in use (read when first needed), and the
    format asked for (None when none was: the command's own default)."""

    env: Environment
    data: "Data"
    format: str | None

    def in_vietnam(self) -> dt.date:
        return today(None, DEFAULT_ZONE, self.env.now).date

    def emit(
        self,
        command: str,
        payload: "Payload",
        day: dt.date | None = None,
        highlight: Callable[[str], list[tuple[int, int]]] | None = None,
    ) -> None:
        """Write `payload` in the format asked for (text by default). A reader of text or
        markdown is told on stderr when a Day before `day` (today) is after the data's
        date; a script is not."""
        from digiday.render import phrases

        env, fmt, as_of = self.env, self.format or "text", self.data.data_as_of
        if fmt in ("text", "markdown") and not env.environ.get("DIGIDAY_NO_STALE_NOTICE"):
            notice = phrases.stale_notice(as_of, day or self.in_vietnam(), env.lang)
            if notice is not None:
                report(notice, env.stderr)
        if fmt == "json":
            from digiday.render import json

            document = json.render(command, payload, env.lang, as_of, env.ascii_only)
            write_bytes(env, document.encode("utf-8"))
        elif fmt == "line":
            from digiday.render import line

            write_text(env, line.render(payload, env.lang))  # type: ignore[arg-type]
        elif fmt == "plain":
            from digiday.render import plain

            write_text(env, plain.render(command, payload))
        elif fmt == "markdown":
            from digiday.render import markdown

            write_text(env, markdown.render(command, payload, env.lang, as_of))
        else:
            from digiday.render import text

            write_text(env, text.render(command, payload, env, as_of, highlight))


def asked(
    ctx: typer.Context,
    formats: Param | None,
    fmt: str | None = None,
    as_json: bool = False,
    plain: bool = False,
    data_file: list[str] | None = None,
) -> Asked:
    """The run: its environment, its data, and the one format that --format, --json and
    --plain ask for together, among the command's own (`formats`)."""
    from digiday.answers.arguments import choose
    from digiday.store import layers, loader

    chosen = None if fmt is None else choose(fmt, params.FORMATS, N_("format"))
    if chosen is not None and formats is not None and chosen not in formats.choices:
        fail(N_("--format line is for countdown alone (digiday countdown --format line)"))
    flags = [flag for flag, on in (("--json", as_json), ("--plain", plain)) if on]
    wanted = {flag.removeprefix("--") for flag in flags} | ({chosen} if chosen else set())
    if len(wanted) > 1:
        named = [f"--format {chosen}"] if chosen else []
        fail(N_("choose one format only: {given}"), given=", ".join(named + flags))
    env = environment(ctx)
    files = layers.user_files(data_file or (), env.environ)
    return Asked(env, loader.Data(files), wanted.pop() if wanted else None)


@command("info")
def info(
    run: Asked,
    section: Annotated[
        str | None, argument(N_("[SECTION]"), autocompletion=_starting(SECTIONS))
    ] = None,
    brief: Annotated[bool, option(params.BRIEF)] = False,
) -> None:
    from digiday.answers import info

    if brief and section is not None:
        fail(N_("--brief is the Day in a few lines: it takes no SECTION"))
    lang = run.env.lang
    if brief:
        run.emit("info", info.brief(run.data, lang, run.in_vietnam()))
    else:
        run.emit("info", info.info(run.data, section, lang))


@command("agencies")
def agencies(run: Asked, role: Annotated[str | None, option(params.ROLE)] = None) -> None:
    from digiday.answers import info

    run.emit("agencies", info.agencies(run.data, role, run.env.lang))


@command("themes")
def themes(run: Asked, year: YearArgument = None) -> None:
    from digiday.answers import days

    run.emit("themes", days.themes(run.data, year, run.env.lang, run.in_vietnam()))


@command("editions")
def editions(run: Asked, year: YearArgument = None) -> None:
    from digiday.answers import days

    run.emit("editions", days.editions(run.data, year, run.env.lang, run.in_vietnam()))


@command("countdown", params.COUNTDOWN_FORMAT)
def countdown(
    run: Asked,
    date: DateOption = None,
    tz: ZoneOption = DEFAULT_ZONE,
    days: Annotated[bool, option(params.DAYS)] = False,
    watch: Annotated[bool, option(params.WATCH)] = False,
    follow: Annotated[bool, option(params.FOLLOW)] = False,
) -> None:
    from digiday.answers.today import countdown_of, days_left

    env, fmt = run.env, run.format or "text"
    when = today(date, tz, env.now, env.environ)
    left = days_left(when.date)  # a date past the calendar's last Day is refused first
    if follow:
        _follow(run, when, days, "--date" if date is not None else "--watch" if watch else None)
        return
    if days:
        if watch or fmt != "text":
            given = "--days, " + ("--watch" if watch else f"--format {fmt}")
            fail(N_("choose one format only: {given}"), given=given)
        run.data.check()
        write_text(env, f"{left}\n")
        return
    if watch:
        clash = "--date" if date is not None else f"--format {fmt}" if fmt != "text" else None
        if clash is not None:
            message = N_(
                "--watch is a live clock for a terminal; it cannot be combined with {other}"
            )
            fail(message, other=clash)
        if env.is_terminal:
            from digiday.interactive.watch import run as live

            run.data.check()
            live(env, when.zone)
            return
    payload = countdown_of(run.data.dataset.themes, when.date, when.zone_name, env.lang)
    run.emit("countdown", payload, when.date)


def _follow(run: Asked, when: "Today", days: bool, other: str | None) -> None:
    """`countdown --follow`: the answer for each new day, in one of its one-line forms."""
    from digiday.answers.today import countdown_of, days_left
    from digiday.interactive.follow import follow
    from digiday.render import json, line, plain

    if other is not None:
        fail(N_("--follow follows the clock; it cannot be combined with {other}"), other=other)
    fmt = run.format or "line"
    if days and fmt != "line":
        fail(N_("choose one format only: {given}"), given=f"--days, --format {fmt}")
    if fmt not in ("line", "json", "plain"):
        fail(N_("--follow prints one line at a time: use --days, --format line, --json or --plain"))
    env, dataset, as_of = run.env, run.data.dataset, run.data.data_as_of

    def answer(day: dt.date) -> str:
        if days:
            return f"{days_left(day)}\n"
        payload = countdown_of(dataset.themes, day, when.zone_name, env.lang)
        if fmt == "json":
            return json.render("countdown", payload, env.lang, as_of, env.ascii_only, indent=None)
        return (
            plain.render("countdown", payload) if fmt == "plain" else line.render(payload, env.lang)
        )

    follow(env, when.zone, answer)


@command("is-today", formats=None)
def is_today(run: Asked, date: DateOption = None, tz: ZoneOption = DEFAULT_ZONE) -> None:
    from digiday.core import schedule

    when = today(date, tz, run.env.now, run.env.environ)
    run.data.check()
    raise typer.Exit(int(ExitStatus.OK if schedule.is_day(when.date) else ExitStatus.NO))


@command("ics", formats=None)
def ics(
    run: Asked,
    start: Annotated[str | None, option(params.FROM)] = None,
    end: Annotated[str | None, option(params.TO)] = None,
    output_file: Annotated[str | None, option(params.OUTPUT)] = None,
    date: DateOption = None,
    tz: ZoneOption = DEFAULT_ZONE,
) -> None:
    from digiday.answers.arguments import year
    from digiday.cli.outfile import save
    from digiday.core import schedule
    from digiday.render import ics
    from digiday.store import loader

    env = run.env
    first, last = year(start if start is not None else schedule.FIRST_YEAR), schedule.LAST_YEAR
    if end is not None:
        last = year(end)
    else:
        with contextlib.suppress(OverflowError):  # no next Day: the calendar's last year
            next_day = schedule.next_day(today(date, tz, env.now, env.environ).date)
            last = min(next_day.year + 10, last)
    if first > last:
        fail(N_("empty range: --from {start} is after --to {end}"), start=first, end=last)
    revisions, rest = loader.calendar_revisions()
    content = ics.render(
        run.data.dataset,
        range(first, last + 1),
        env.lang,
        schedule.parse_date(loader.bundled_as_of()),
        {each: ics.Revision(*revision) for each, revision in revisions.items()},
        ics.Revision(*rest),
        run.data.data_as_of,
    )
    if output_file is None:
        write_bytes(env, content)
    else:
        save(env, output_file, content)


@command("search")
def search(run: Asked, query: Annotated[list[str] | None, argument(N_("QUERY..."))] = None) -> None:
    from digiday.answers import search

    hits = search.search(run.data, query or [], run.env.lang)
    if not hits:
        raise typer.Exit(int(ExitStatus.NO))
    terms = search.words(query or [])
    run.emit("search", hits, highlight=lambda text: search.spans(text, terms))


@command("sources")
def sources(
    run: Asked,
    source_id: Annotated[str | None, argument(N_("[ID]"), help=N_("One source's id."))] = None,
) -> None:
    from digiday.answers import sources

    run.emit("sources", sources.sources(run.data, source_id, run.env.lang))


@command("targets")
def targets(run: Asked, year: Annotated[str | None, option(params.TARGET_YEAR)] = None) -> None:
    from digiday.answers import targets

    payload = targets.targets(run.data, year, run.env.lang)
    if not payload and year is not None and run.format in (None, "text", "markdown"):
        # An empty answer is no failure, but a reader is owed a sentence, not nothing.
        said = tr("The data has no target for {year}.", run.env.lang, year=year.strip())
        write_text(run.env, said + "\n")
        return
    run.emit("targets", payload)


@command("quiz", params.QUIZ_FORMAT)
def quiz(
    run: Asked,
    count: Annotated[str, option(params.COUNT, show_default=True)] = "10",
    topic: Annotated[str, option(params.TOPIC, show_default=True)] = "all",
    seed: Annotated[str | None, option(params.SEED)] = None,
) -> None:
    from digiday.answers import quiz

    env = run.env
    questions = quiz.quiz(run.data, env.lang, topic, count, seed)
    if len(questions) < int(count):  # checked by the quiz
        # Fewer than asked for is still a quiz (exit 0), but the reader is told so: on
        # stderr, which neither the handout nor --json on stdout is mixed with.
        said = catalogue(env.lang).ngettext(
            "the data gives only {made} question on {topic} ({count} asked for)",
            "the data gives only {made} questions on {topic} ({count} asked for)",
            len(questions),
        )
        values = {"made": len(questions), "topic": topic.strip().lower(), "count": int(count)}
        report(said.format(**values), env.stderr)
    if run.format is None and env.is_terminal and env.stdin is not None and env.stdin.isatty():
        from digiday.interactive.play import play

        play(env, questions, env.stdin)
        return
    run._replace(format=run.format or "markdown").emit("quiz", questions)


@command("validate", formats=None, data=False)
def validate(
    run: Asked, files: Annotated[list[str] | None, argument(N_("[FILE]..."))] = None
) -> None:
    from digiday.store import layers, loader

    env, in_use = run.env, run.data.files
    if files:
        given = {layers.identity_of(path) for path in files}  # the same file, however written
        checked = loader.validate(
            files, [path for path in in_use if layers.identity_of(path) not in given]
        )
    else:
        checked = loader.validate(in_use)
        said = tr("the bundled data: data as of {date}", env.lang, date=loader.bundled_as_of())
        write_text(env, said + "\n")
    for layer in checked:
        summary = layer.summary.text(env.lang)
        values = {"file": quoted_path(layer.file), "summary": summary, "date": layer.data_as_of}
        if layer.data_as_of is not None:
            said = tr("{file}: valid; {summary}; data as of {date}", env.lang, **values)
        else:
            said = tr("{file}: valid; {summary}", env.lang, **values)
        write_text(env, said + "\n")
    if not files:
        dates = [loader.bundled_as_of(), *(each.data_as_of for each in checked if each.data_as_of)]
        write_text(env, tr("the data in use is as of {date}", env.lang, date=max(dates)) + "\n")


def main() -> None:
    """The `digiday` console script, after its fast path (digiday/__main__.py)."""
    import gc

    from digiday.environment import tolerate_narrow_encodings

    tolerate_narrow_encodings()
    try:
        app(prog_name="digiday", args=sys.argv[1:])
    finally:
        # The interpreter's exit collects every object of every module imported (Rich's most
        # of all), and the tool leaves no cycle that needs it: frozen out of its way, `info`
        # took 90 ms instead of 102 and `themes --json` 65 instead of 73 (medians of 30).
        gc.freeze()
