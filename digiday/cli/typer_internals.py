"""Every use of Typer beyond its public API, in one place.

The rest of digiday uses Typer's public names only (`typer.Typer`, `typer.Option`,
`typer.Argument`, `typer.Context`, `typer.Exit`, and `typer.main.get_command`, which Typer
documents for using an app from click); what it needs of Typer's internals (the click it
vendors, typer.core's classes and the gettext name its help calls, typer.main and
typer.models for building a command, its completion helpers) it gets from here, as small
functions and the classes to subclass or catch. Each has a contract test in
tests/test_typer_internals.py, so that a Typer release that changes one fails there first;
docs/development.md gives the check to run before raising the `typer<0.29` pin.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer.core
from typer._click import Command, Context, HelpFormatter, Parameter
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoSuchOption,
    UsageError,
)

# typer.core imports _completion_shared, and shellingham with it: so does `import typer`.
from typer._completion_shared import _get_shell_name, get_completion_script, install
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.exceptions import Abort, Exit
from typer.main import get_command_from_info
from typer.models import CommandInfo

from digiday.l10n.translate import N_, catalogue

if TYPE_CHECKING:
    from digiday.core.model import Lang

__all__ = [
    "LIBRARY_WORDS",
    "TYPER_TRANSLATES",
    "WE_TRANSLATE",
    "Abort",
    "BadOptionUsage",
    "BadParameter",
    "ClickException",
    "Command",
    "CommandInfo",
    "Context",
    "Exit",
    "HelpFormatter",
    "MissingParameter",
    "NoSuchOption",
    "Parameter",
    "TyperArgument",
    "TyperCommand",
    "TyperGroup",
    "TyperOption",
    "UsageError",
    "build_command",
    "command_name",
    "completion_script",
    "install_completion",
    "registered",
    "shell_name",
    "typer_words",
]

# Typer's and click's own words, marked (N_) so that the catalogue carries them; who
# translates each differs, and tests/test_typer_internals.py checks both, per word.
#
# TYPER_TRANSLATES: typer.core looks each up itself, through the `_` that typer_words swaps
# for our catalogue's gettext for a run: the help page's headings, and the brackets of a
# parameter's help (the last three show only for a parameter that is required, reads an
# environment variable or has a computed default: none of ours does today).
TYPER_TRANSLATES = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("required"),
    N_("(dynamic)"),
)
# WE_TRANSLATE: Typer and click say these as plain strings, looked up by nobody; digiday
# translates them when it builds a command for a language (usage.Localised): the usage
# line's placeholders (`translate`: options_metavar, subcommand_metavar), the help option's
# help (`get_help_option`), and the root's completion options' help (`translate`, through
# RootGroup.translate).
#
# Not listed, because no reader ever sees them: "Aborted!" (said by Typer's `_main`, which
# RootGroup.main does not call: its own policy ends an Abort quietly), "Missing command."
# (said by a group with no command to run; the root's callback runs instead, as the app is
# `invoke_without_command`) and "No such command {name!r}." (RootGroup.resolve_command
# tells every word that is not a command itself, with the choices).
WE_TRANSLATE = (
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("[OPTIONS]"),
    N_("COMMAND [ARGS]..."),
)
LIBRARY_WORDS = TYPER_TRANSLATES + WE_TRANSLATE


@contextlib.contextmanager
def typer_words(lang: Lang) -> Iterator[None]:
    """Typer's own words (TYPER_TRANSLATES) in `lang` inside the block, as they were after.

    typer.core calls the `_` it imported from gettext (`from gettext import gettext as _`),
    which would read the process's text domain and $LANGUAGE. This swaps that one module
    global of typer.core for our catalogue's gettext (which works where the catalogue is
    inside a zip too), and puts the one it found back when the block ends, however it ends
    (an exception included). No environment variable or text domain changes; but a module
    global is the whole process's: every thread sees the swap for the length of the block,
    so two blocks in different languages must not overlap.
    """
    previous = typer.core.__dict__["_"]
    setattr(typer.core, "_", catalogue(lang).gettext)  # noqa: B010 - not re-exported, so typed
    try:
        yield
    finally:
        setattr(typer.core, "_", previous)  # noqa: B010


def registered(app: typer.Typer) -> list[CommandInfo]:
    """The commands registered on `app`, in the order they were registered."""
    return app.registered_commands


def command_name(info: CommandInfo) -> str:
    """A registered command's name: the one given, else its function's."""
    return info.name or str(getattr(info.callback, "__name__", ""))


def build_command(info: CommandInfo) -> Command:
    """The click command Typer builds for one registered command, with plain (not Rich)
    help and short exception messages."""
    return get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)


def shell_name() -> str | None:
    """The shell running, as Typer's completion detects it (None if it cannot tell)."""
    return _get_shell_name()


def completion_script(prog_name: str, complete_var: str, shell: str) -> str:
    """Typer's completion script for `shell`."""
    return get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)


def install_completion(shell: str, prog_name: str, complete_var: str) -> tuple[str, Path]:
    """Typer's installer for `shell`: the shell and the file it wrote to. Raises OSError as
    the file system does."""
    return install(shell=shell, prog_name=prog_name, complete_var=complete_var)
