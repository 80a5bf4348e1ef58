"""Every use of Typer beyond its public API, in one place.

The rest of digiday imports `typer` for its public names only (`typer.Typer`,
`typer.Option`, `typer.Context`); what it needs of Typer's internals (the click it vendors,
typer.core's classes and the gettext name its help calls, typer.main and typer.models for
building a command, its completion helpers) it gets from here, as small functions and the
classes to subclass or catch. Each has a contract test in tests/test_typer_internals.py, so
that a Typer release that changes one fails there first; docs/development.md gives the check
to run before raising the `typer<0.29` pin.
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
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.exceptions import Abort, Exit
from typer.main import get_command_from_info
from typer.models import CommandInfo

from digiday.translate import N_, catalogue

if TYPE_CHECKING:
    from digiday.model import Lang

__all__ = [
    "LIBRARY_WORDS",
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

# Typer's own words: it translates these with gettext (see typer_words), or (the completion
# options' help) the root does when it is built. Listed so that the catalogue carries them;
# a test checks that Typer still says each one.
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


@contextlib.contextmanager
def typer_words(lang: Lang) -> Iterator[None]:
    """Typer's own words in `lang` inside the block, and as they were after it.

    typer.core calls the `_` it imported from gettext (`from gettext import gettext as _`),
    which reads the process's text domain and $LANGUAGE. Giving that one name our
    catalogue's gettext for the run changes no state of the process (no variable, no
    domain) and works where the catalogue is inside a zip.
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
    from typer._completion_shared import _get_shell_name  # only when asked: shellingham

    return _get_shell_name()


def completion_script(prog_name: str, complete_var: str, shell: str) -> str:
    """Typer's completion script for `shell`."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)


def install_completion(shell: str, prog_name: str, complete_var: str) -> tuple[str, Path]:
    """Typer's installer for `shell`: the shell and the file it wrote to. Raises OSError as
    the file system does."""
    from typer._completion_shared import install

    return install(shell=shell, prog_name=prog_name, complete_var=complete_var)
