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
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from digiday.answers.today import today
from digiday.cli import params, root
from digiday.cli.help import PAGES, PROGRAM, SHORT, LocalisedCommand, environment
from digiday.cli.params import Param
from digiday.cli.root import RootGroup, argument, commands, option, shared_options, starting
from digiday.core.constants import DEFAULT_ZONE, SECTIONS
from digiday.environment import Environment, report, write_bytes, write_text
from digiday.errors import ExitStatus, fail, quoted_path
from digiday.l10n.translate import N_, catalogue, tr

if TYPE_CHECKING:
    from digiday.answers.payloads import Payload
    from digiday.answers.today import Today
    from digiday.store.loader import Data


Highlight = Callable[[str], list[tuple[int, int]]] | None  # where in a text search words stand
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


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[bool, option(params.VERSION, callback=root.version, is_eager=True)] = False,
    lang: Annotated[str | None, option(params.LANG)] = None,
) -> None:
    del lang  # read before the line was parsed, from anywhere on it (cli/root.py)
    if ctx.invoked_subcommand is None:
        write_text(environment(ctx), ctx.get_help() + "\n")


def command(
    name: str, formats: Param | None = params.FORMAT, data: bool = True
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a function as the command `name`, with its help from cli/help.py and, after
    its own options, those the commands share (root.shared_options): it is called with the
    run they make (`Asked`) and its own. Words left over on its line are kept by click
    (allow_extra_args) and refused by LocalisedCommand, in the reader's language."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        shared = shared_options(formats, data)

        def run(ctx: typer.Context, lang: str | None, **given: Any) -> None:
            del lang  # read before the line was parsed, from anywhere on it (cli/root.py)
            values = {param.name: given.pop(param.name) for param in shared[1:]}  # Typer gives all
            function(asked(ctx, formats, **values), **given)

        context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD)
        own = list(inspect.signature(function).parameters.values())[1:]
        run.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [context.replace(annotation=typer.Context), *own, *shared]
        )
        page, short, settings = PAGES[name], SHORT[name], {"allow_extra_args": True}
        commands.command(
            name, cls=LocalisedCommand, help=page, short_help=short, context_settings=settings
        )(run)
        return function

    return register


class Asked(NamedTuple):
    """A command's run: its environment, the data in use (read when first needed), and the
    format asked for (None when none was: the command's own default)."""

    env: Environment
    data: "Data"
    format: str | None

    def in_vietnam(self) -> dt.date:
        return today(None, DEFAULT_ZONE, self.env.now).date

    def rendered(
        self, command: str, payload: "Payload", highlight: Highlight = None, indent: int | None = 2
    ) -> str:
        """`payload` in the format asked for (text by default); JSON on one line if no `indent`."""
        env, fmt, as_of = self.env, self.format or "text", self.data.data_as_of
        if fmt == "json":
            from digiday.render import json

            return json.render(command, payload, env.lang, as_of, env.ascii_only, indent)
        if fmt == "line":
            from digiday.render import line

            return line.render(payload, env.lang)  # type: ignore[arg-type]
        if fmt == "plain":
            from digiday.render import plain

            return plain.render(command, payload)
        if fmt == "markdown":
            from digiday.render import markdown

            return markdown.render(command, payload, env.lang, as_of)
        from digiday.render import text

        return text.render(command, payload, env, as_of, highlight)

    def emit(
        self,
        command: str,
        payload: "Payload",
        day: dt.date | None = None,
        highlight: Highlight = None,
    ) -> None:
        """Write `payload` (JSON as bytes, with its own escapes). A reader of text or
        markdown is told on stderr when a Day before `day` (today) is after the data's date."""
        env, fmt = self.env, self.format or "text"
        if fmt in ("text", "markdown") and not env.environ.get("DIGIDAY_NO_STALE_NOTICE"):
            from digiday.render import phrases

            notice = phrases.stale_notice(self.data.data_as_of, day or self.in_vietnam(), env.lang)
            if notice is not None:
                report(notice, env.stderr)
        answer = self.rendered(command, payload, highlight)
        if fmt == "json":
            write_bytes(env, answer.encode("utf-8"))
        else:
            write_text(env, answer)


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
        str | None, argument(N_("[SECTION]"), autocompletion=starting(SECTIONS))
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

    if other is not None:
        fail(N_("--follow follows the clock; it cannot be combined with {other}"), other=other)
    shown = run._replace(format=run.format or "line")
    if days and shown.format != "line":
        fail(N_("choose one format only: {given}"), given=f"--days, --format {shown.format}")
    if shown.format not in ("line", "json", "plain"):
        fail(N_("--follow prints one line at a time: use --days, --format line, --json or --plain"))
    env, themes = run.env, run.data.dataset.themes

    def answer(day: dt.date) -> str:
        if days:
            return f"{days_left(day)}\n"
        payload = countdown_of(themes, day, when.zone_name, env.lang)
        return shown.rendered("countdown", payload, indent=None)

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
    save(env, "-" if output_file is None else output_file, content)  # "-": stdout


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
        # Fewer than asked for is still a quiz (exit 0): told on stderr, apart from stdout.
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
