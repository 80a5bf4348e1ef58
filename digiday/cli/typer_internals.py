"""Every use of Typer beyond its public API, in one place.

The rest of digiday uses Typer's public names only (`typer.Typer`, `typer.Option`,
`typer.Argument`, `typer.Context`, `typer.Exit`, `typer.Abort`, and `typer.main.get_command`,
which Typer documents for using an app from click). What it needs beyond them, it gets from
here: the click that Typer vendors (its classes to subclass, its exceptions to tell apart),
typer.core's command classes and the gettext name its help calls, the building of one
registered command, and Typer's completion. Each has a contract test in
tests/test_typer_internals.py, so that a Typer release that changes one fails there first;
docs/development.md gives the check to run before raising the `typer<0.29` pin.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer.core
from typer._click import Command, Context, HelpFormatter, Parameter
from typer._click.exceptions import (
    BadOptionUsage,
    NoSuchOption,
    UsageError,
)

# typer.core imports _completion_shared, and shellingham with it: so does `import typer`.
from typer._completion_shared import _get_shell_name, get_completion_script, install
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info
from typer.models import CommandInfo

from digiday.l10n.translate import N_, catalogue

if TYPE_CHECKING:
    from digiday.core.model import Lang

__all__ = [
    "LIBRARY_WORDS",
    "BadOptionUsage",
    "Command",
    "Context",
    "HelpFormatter",
    "NoSuchOption",
    "Parameter",
    "TyperCommand",
    "TyperGroup",
    "UsageError",
    "build_command",
    "command_names",
    "complete_shell",
    "completion_script",
    "install_completion",
    "shell_name",
    "typer_words",
]

# Typer's and click's own words, marked (N_) so that the catalogue carries them; who
# translates each differs, and tests/test_typer_internals.py checks both, per word.
#
# TYPER_TRANSLATES: typer.core looks each up itself, through the `_` that typer_words swaps
# for our catalogue's gettext for a run: the help page's headings and a default's brackets.
# (It says three more, for a parameter that is required, read from an environment variable
# or given a computed default: none of ours is, so no reader meets them.)
TYPER_TRANSLATES = (N_("Arguments"), N_("Options"), N_("Commands"), N_("default: {default}"))
# WE_TRANSLATE: Typer and click say these as plain strings, looked up by nobody; digiday
# translates them when it builds a command for a language (help.Localised): the usage
# line's placeholders, the help option's help, and the root's completion options' help.
#
# No reader meets the rest: "Aborted!" (said by Typer's `main`, which the root does not
# call), "Missing command." (the root runs its callback instead) and "No such command
# {name!r}." (the root tells every word that is not a command itself).
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

    typer.core calls the `_` it imported from gettext, which would read the process's text
    domain and $LANGUAGE: this swaps that one module global for our catalogue's gettext
    (which works inside a zip too), and puts the one it found back however the block ends.
    A module global is the whole process's: two blocks in different languages must not
    overlap.
    """
    previous = typer.core.__dict__["_"]
    setattr(typer.core, "_", catalogue(lang).gettext)  # noqa: B010 - not re-exported, so typed
    try:
        yield
    finally:
        setattr(typer.core, "_", previous)  # noqa: B010


def command_names(app: typer.Typer) -> list[str]:
    """The names of the commands registered on `app`, in the order they were registered."""
    return [_name(info) for info in app.registered_commands]


def _name(info: CommandInfo) -> str:
    return info.name or str(getattr(info.callback, "__name__", ""))


def build_command(app: typer.Typer, name: str) -> Command | None:
    """The click command Typer builds for the command `name` registered on `app`, with
    plain (not Rich) help and short exception messages; None if there is none."""
    for info in app.registered_commands:
        if _name(info) == name:
            return get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)
    return None


def complete_shell(
    command: TyperGroup,
    environ: Mapping[str, str],
    extra: MutableMapping[str, Any],
    prog_name: str,
    complete_var: str | None,
) -> None:
    """Answer a shell's completion request and exit, when the variables make one, as
    click's `main` does first. A word count that is not a number completes nothing (Typer's
    bash completion would end with its own ValueError)."""
    asked = environ.get(complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper())
    count = environ.get("COMP_CWORD")
    if asked and count is not None and not count.isdigit():
        raise typer.Exit(0)
    command._main_shell_completion(extra, prog_name, complete_var)


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
