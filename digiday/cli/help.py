"""Help pages and usage errors in the reader's language.

Typer looks some of its words up with gettext ("Options", "Arguments"):
`typer_internals.typer_words` hands it our catalogue for the run; the click it vendors looks
up none. So the help texts, metavars and the help option are translated when a command is
built for a language, the usage line through click's public `format_usage`, and click's parse errors
are told afresh here from the exception's class and fields (where click gives none, a test
pins the wording relied on).
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from digiday.cli.typer_internals import (
    BadOptionUsage,
    BadParameter,
    Context,
    HelpFormatter,
    MissingParameter,
    NoSuchOption,
    TyperArgument,
    TyperCommand,
    TyperGroup,
    UsageError,
)
from digiday.core.model import Lang
from digiday.environment import write_text
from digiday.errors import Failure, quoted
from digiday.l10n.translate import N_, catalogue, tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from digiday.cli.typer_internals import Parameter
    from digiday.environment import Environment

# The fewest columns an option's help text gets beside the option; fewer, and it goes below.
_NARROWEST_TEXT = 24


def environment(ctx: Context) -> Environment:
    """The run's environment, which the root put in the context (see root.RootGroup.main)."""
    from digiday.environment import Environment, resolve

    found = ctx.find_object(Environment)
    return found if found is not None else resolve()


class HelpPage(HelpFormatter):
    """click's help layout, which at a narrow width puts each option's text under it: two
    columns there would leave the text a column of a few letters (click's floor is 10,
    and the lines then run past the terminal)."""

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        first = min(max((len(term) for term, _ in rows), default=0), col_max) + col_spacing
        if self.width - self.current_indent - first >= _NARROWEST_TEXT:
            super().write_dl(rows, col_max, col_spacing)
            return
        for term, text in rows:
            self.write(f"{'':>{self.current_indent}}{term}\n")
            if text:
                self.indent()
                self.indent()
                self.write_text(text)
                self.dedent()
                self.dedent()


class HelpContext(Context):
    formatter_class = HelpPage


class Localised:
    """What a command needs to show its help in the reader's language (a mixin for the
    Typer command and group classes)."""

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
        # Click would refuse leftover words itself, in an English sentence holding all of
        # them; it is let keep them, and they are refused here, by the words.
        refuses = not ctx.allow_extra_args and not ctx.resilient_parsing
        if refuses and not isinstance(self, TyperGroup):
            ctx.allow_extra_args = True
            rest: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
            ctx.allow_extra_args = False
            if rest:
                raise ExtraArguments(rest, ctx)
            return rest
        return super().parse_args(ctx, args)  # type: ignore[misc,no-any-return]

    def translate(self, lang: Lang) -> None:
        """Put this command's help, usage words and its parameters' help into `lang`."""
        self.lang = lang
        for name in ("help", "short_help", "options_metavar", "subcommand_metavar"):
            value = getattr(self, name, None)
            if value:
                setattr(self, name, tr(value, lang))
        for param in self.params:  # type: ignore[attr-defined]
            help_text = getattr(param, "help", None)
            if help_text:
                param.help = tr(help_text, lang)
            if param.metavar:
                param.metavar = tr(param.metavar, lang)


class LocalisedCommand(Localised, TyperCommand):
    pass


class LocalisedGroup(Localised, TyperGroup):
    pass


def _show_help(ctx: Context, param: Parameter, value: bool) -> None:
    """The help option: the page through the environment's stdout, like every answer."""
    if value and not ctx.resilient_parsing:
        write_text(environment(ctx), ctx.get_help() + "\n")
        ctx.exit()


def unknown_command(name: str, known: list[str]) -> Failure:
    close = difflib.get_close_matches(name, known, n=3)
    if close:
        return Failure(
            N_("no such command {value} (did you mean {close}?)"),
            value=name,
            close=", ".join(close),
        )
    return Failure(
        N_("no such command {value} (choose: {known})"), value=name, known=", ".join(known)
    )


class ExtraArguments(UsageError):
    """Words left over once a command has read its arguments. Click tells these only in a
    sentence of its own; raised by `Localised.parse_args` with the words themselves."""

    def __init__(self, words: list[str], ctx: Context) -> None:
        super().__init__(" ".join(words), ctx)
        self.words = words


# A usage error lists this many leftover words at most: ten thousand would make one line of
# tens of kilobytes.
MAX_EXTRA = 3


def usage_error(problem: UsageError, lang: Lang) -> str:
    """click's message for a command line it could not parse, in `lang`, with the hint to
    `--help`. Told from the exception's class and fields; a message we do not know is
    passed on as it is."""

    t = catalogue(lang)
    if isinstance(problem, NoSuchOption):
        text = tr("no such option {value}", lang, value=quoted(problem.option_name))
        if problem.possibilities:
            text += " " + tr(
                "(did you mean {close}?)", lang, close=", ".join(sorted(problem.possibilities))
            )
    elif isinstance(problem, BadOptionUsage):
        # The parser raises this without a context; its message is the one field that says
        # which misuse it was.
        if "does not take a value" in problem.message:
            text = tr("option {name} does not take a value", lang)
        else:
            text = tr("option {name} needs a value", lang)
        text = text.format(name=problem.option_name)
    elif isinstance(problem, MissingParameter):
        param = problem.param
        name = _param_name(param, problem.ctx)
        if isinstance(param, TyperArgument):
            text = tr("missing argument {name}", lang, name=name)
        else:
            text = tr("missing option {name}", lang, name=name)
    elif isinstance(problem, BadParameter):
        text = tr(
            "invalid value for {name}: {reason}",
            lang,
            name=_param_name(problem.param, problem.ctx),
            reason=problem.message,
        )
    elif isinstance(problem, ExtraArguments):
        listed = ", ".join(quoted(word) for word in problem.words[:MAX_EXTRA])
        more = len(problem.words) - MAX_EXTRA
        if more > 0:
            listed += " " + t.ngettext("and {count:,} more", "and {count:,} more", more).format(
                count=more
            )
        text = tr("unexpected extra argument(s): {value}", lang, value=listed)
    else:
        text = problem.format_message()
    if problem.ctx is not None:
        text += " " + tr("(see '{command} --help')", lang, command=problem.ctx.command_path)
    return text


def _param_name(param: Parameter | None, ctx: Context | None) -> str:
    if param is None:
        return "?"
    if isinstance(param, TyperArgument):
        return param.make_metavar(ctx) if ctx is not None else (param.metavar or "?")
    return "/".join(getattr(param, "opts", ())) or "?"
