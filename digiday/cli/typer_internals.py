"""Every use of Typer beyond its public API (elsewhere: `typer.Typer`, `Option`, `Argument`,
`Context`, `Exit`, `Abort`, `typer.main.get_command`), in one place: the click Typer vendors,
typer.core's classes and the gettext name its help calls, the building of one registered
command, and Typer's completion. Each has a contract test in tests/cli/test_typer_internals.py,
which a Typer release that changes one fails first (docs/development.md, the `typer` pin).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

import typer.core
from typer._click import Command, Context, HelpFormatter, Parameter
from typer._click.exceptions import BadOptionUsage, NoSuchOption, UsageError

# typer.core imports _completion_shared, and shellingham with it: so does `import typer`.
from typer._completion_shared import _get_shell_name as shell_name
from typer._completion_shared import get_completion_script, install
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info

from digiday.l10n.translate import N_, catalogue

if TYPE_CHECKING:
    from digiday.core.model import Lang

__all__ = [
    "LIBRARY_WORDS", "BadOptionUsage", "Command", "Context", "HelpFormatter", "NoSuchOption",
    "Parameter", "TyperCommand", "TyperGroup", "UsageError", "build_command", "command_names",
    "complete_shell", "get_completion_script", "install", "shell_name", "typer_words",
]  # fmt: skip

# Typer's and click's own words, marked so that the catalogue carries them. typer.core looks
# up TYPER_TRANSLATES itself, through the `_` that typer_words swaps (it says three more, for
# a parameter required, read from a variable or given a computed default: none of ours is).
# Nobody looks up WE_TRANSLATE: help.Localised translates them when it builds a command.
# No reader meets Typer's others: "Aborted!" (its `main`, which the root does not call),
# "Missing command." and "No such command" (the root answers both itself).
TYPER_TRANSLATES = (N_("Arguments"), N_("Options"), N_("Commands"), N_("default: {default}"))
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
    """Typer's own words (TYPER_TRANSLATES) in `lang` inside the block.

    typer.core calls the `_` it imported from gettext, which would read the process's text
    domain and $LANGUAGE: this swaps that module global for our catalogue's gettext (which
    works inside a zip too), and puts it back however the block ends. A module global is
    the whole process's: two blocks in different languages must not overlap.
    """
    previous = typer.core.__dict__["_"]
    setattr(typer.core, "_", catalogue(lang).gettext)  # noqa: B010 - not re-exported, so typed
    try:
        yield
    finally:
        setattr(typer.core, "_", previous)  # noqa: B010


def command_names(app: typer.Typer) -> list[str]:
    """The names given to the commands registered on `app`, in the order registered."""
    return [str(info.name) for info in app.registered_commands]


def build_command(app: typer.Typer, name: str) -> Command | None:
    """The click command Typer builds for the command registered on `app` as `name` (None if
    there is none), with plain help and short exception messages."""
    for info in app.registered_commands:
        if info.name == name:
            return get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)
    return None


def complete_shell(
    group: TyperGroup, extra: MutableMapping[str, Any], prog_name: str, complete_var: str | None
) -> None:
    """Answer a shell's completion request and exit, when the variables make one, as click's
    `main` does first. A word count that is not a number completes nothing (Typer's bash
    completion would end with a ValueError)."""
    asked = os.environ.get(complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper())
    count = os.environ.get("COMP_CWORD")
    if asked and count is not None and not count.isdigit():
        raise typer.Exit(0)
    group._main_shell_completion(extra, prog_name, complete_var)
