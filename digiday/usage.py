"""Help pages and usage errors in the reader's language.

Typer looks some of its words up with gettext (l10n.use_for_libraries points it at our
catalogue); the click it vendors looks up none. So the help texts, metavars and the help
option are translated when a command is built for a language, the usage line through
click's public `format_usage`, and click's parse errors are told afresh here from the
exception's class and fields, never by patching the library.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperArgument, TyperCommand, TyperGroup

from digiday.l10n import N_, catalogue
from digiday.model import Lang
from digiday.output import write_text

if TYPE_CHECKING:
    from typer._click import Context, HelpFormatter, Parameter

    from digiday.env import Environment

# Typer's own words: it translates these with gettext, or (the completion options' help) we
# do when the root is built. Listed here so that the catalogue carries them.
LIBRARY_WORDS = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("required"),
    N_("(dynamic)"),
    N_("Aborted!"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("[OPTIONS]"),
    N_("COMMAND [ARGS]..."),
)


def environment(ctx: Context) -> Environment:
    """The run's environment, which the root put in the context (see root.RootGroup.main)."""
    from digiday.env import Environment, resolve

    found = ctx.find_object(Environment)
    return found if found is not None else resolve([])


class Localised:
    """What a command needs to show its help in the reader's language (a mixin for the
    Typer command and group classes)."""

    lang: Lang = "en"

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        prefix = catalogue(self.lang).gettext("Usage: ")
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = catalogue(self.lang).gettext("Show this message and exit.")
            option.callback = _show_help
        return option

    def translate(self, lang: Lang) -> None:
        """Put this command's help, usage words and its parameters' help into `lang`."""
        t = catalogue(lang)
        self.lang = lang
        for name in ("help", "short_help", "options_metavar", "subcommand_metavar"):
            value = getattr(self, name, None)
            if value:
                setattr(self, name, t.gettext(value))
        for param in self.params:  # type: ignore[attr-defined]
            help_text = getattr(param, "help", None)
            if help_text:
                param.help = t.gettext(help_text)
            if param.metavar:
                param.metavar = t.gettext(param.metavar)


class Command(Localised, TyperCommand):
    pass


class Group(Localised, TyperGroup):
    pass


def _show_help(ctx: Context, param: Parameter, value: bool) -> None:
    """The help option: the page through the environment's stdout, like every answer."""
    if value and not ctx.resilient_parsing:
        write_text(environment(ctx), ctx.get_help() + "\n")
        ctx.exit()


def unknown_command(name: str, known: list[str], lang: Lang) -> str:
    t = catalogue(lang)
    from digiday.errors import shown

    close = difflib.get_close_matches(name, known, n=3)
    if close:
        return t.gettext("no such command {value} (did you mean {close}?)").format(
            value=shown(name), close=", ".join(close)
        )
    return t.gettext("no such command {value} (choose: {known})").format(
        value=shown(name), known=", ".join(known)
    )


def usage_error(problem: UsageError, lang: Lang) -> str:
    """click's message for a command line it could not parse, in `lang`, with the hint to
    `--help`. Told from the exception's class and fields; a message we do not know is
    passed on as it is."""
    from digiday.errors import shown

    t = catalogue(lang)
    if isinstance(problem, NoSuchOption):
        text = t.gettext("no such option {value}").format(value=shown(problem.option_name))
        if problem.possibilities:
            text += " " + t.gettext("(did you mean {close}?)").format(
                close=", ".join(sorted(problem.possibilities))
            )
    elif isinstance(problem, BadOptionUsage):
        # The parser raises this without a context; its message is the one field that says
        # which misuse it was.
        if "does not take a value" in problem.message:
            text = t.gettext("option {name} does not take a value")
        else:
            text = t.gettext("option {name} needs a value")
        text = text.format(name=problem.option_name)
    elif isinstance(problem, MissingParameter):
        param = problem.param
        name = _param_name(param, problem.ctx)
        if isinstance(param, TyperArgument):
            text = t.gettext("missing argument {name}").format(name=name)
        else:
            text = t.gettext("missing option {name}").format(name=name)
    elif isinstance(problem, BadParameter):
        text = t.gettext("invalid value for {name}: {reason}").format(
            name=_param_name(problem.param, problem.ctx), reason=problem.message
        )
    elif problem.message.startswith("Got unexpected extra argument"):
        # click words this one itself, with the arguments in brackets at the end.
        extra = problem.message.split("argument(s) (", 1)[-1].removesuffix(")")
        text = t.gettext("unexpected extra argument(s): {value}").format(value=extra)
    else:
        text = problem.format_message()
    if problem.ctx is not None:
        text += " " + t.gettext("(see '{command} --help')").format(command=problem.ctx.command_path)
    return text


def _param_name(param: Parameter | None, ctx: Context | None) -> str:
    if param is None:
        return "?"
    if isinstance(param, TyperArgument):
        return param.make_metavar(ctx) if ctx is not None else (param.metavar or "?")
    return "/".join(getattr(param, "opts", ())) or "?"
