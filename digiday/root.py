"""The root command: builds each subcommand on demand, and runs every one of them under one
error policy, for the real program and for tests alike.

Whatever happens, the user sees at most a short message on stderr and the contract's exit
status: never a traceback, and nothing at all when stdout is a closed pipe.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer
from typer._click.exceptions import UsageError
from typer.main import get_command_from_info
from typer.models import CommandInfo

from digiday import l10n
from digiday.env import Environment, resolve
from digiday.errors import ExitStatus, Failure, report
from digiday.usage import Command as LocalisedCommand
from digiday.usage import Group, unknown_command, usage_error

if TYPE_CHECKING:
    from typer._click import Command, Context

    from digiday.model import Lang

# The commands are registered on `commands`, which serves only as a list of them: the root
# group builds a command's click object when it is asked for that command, so a run pays for
# its own command alone (click's "lazily loading subcommands" pattern). Building all ten
# every time cost about 10 ms of start-up.
commands = typer.Typer()
_built: dict[tuple[str, Lang], Command] = {}


class RootGroup(Group):
    """The root group: lists the registered commands, builds the one asked for in the
    reader's language, and runs it under the one error policy."""

    def list_commands(self, ctx: Context) -> list[str]:
        return command_names()

    def get_command(self, ctx: Context, name: str) -> Command | None:
        key = (name, self.lang)
        if key not in _built:
            info = next((i for i in commands.registered_commands if _name(i) == name), None)
            if info is None:
                return None
            command = get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=None
            )
            assert isinstance(command, LocalisedCommand)
            command.translate(self.lang)
            _built[key] = command
        return _built[key]

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        name = args[0]
        if not name.startswith("-") and self.get_command(ctx, name) is None:
            raise Failure(unknown_command(name, command_names(), self.lang))
        return super().resolve_command(ctx, args)

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        make_environment: Callable[[list[str]], Environment] | None = None,
        **extra: Any,
    ) -> Any:
        """Resolve the environment from the command line before click parses it, then run
        the command. `make_environment` is for tests (see tests/environment.py)."""
        argv = list(sys.argv[1:] if args is None else args)
        try:
            env = (make_environment or resolve)(argv)
        except Failure as failure:  # a bad --lang: nothing else can be trusted yet
            report(failure.message)
            status = int(failure.status)
        else:
            for warning in env.warnings:
                report(warning, env.stderr)
            previous = l10n.use_for_libraries(env.lang)
            try:
                self.translate(env.lang)
                status = _run(
                    env,
                    lambda: super(RootGroup, self).main(
                        argv, prog_name or "digiday", complete_var, False, obj=env, **extra
                    ),
                )
            finally:
                l10n.restore_libraries(previous)
        if standalone_mode:
            sys.exit(status)
        return status


def _run(env: Environment, invoke: Callable[[], Any]) -> int:
    """The one error policy: every exception a run can end with, as a status and at most a
    short message on stderr in the reader's language."""
    from digiday.messages import message
    from digiday.output import WriteError, flush

    try:
        result = invoke()
        flush(env)
    except Failure as failure:
        report(failure.text(env.lang), env.stderr)
        return int(failure.status)
    except UsageError as problem:
        report(usage_error(problem, env.lang), env.stderr)
        return int(ExitStatus.USAGE)
    except WriteError as problem:
        report(message("stdout", env.lang, reason=problem.reason), env.stderr)
        _stdout_to_devnull()  # or the interpreter's last flush fails once more, with a trace
        return int(ExitStatus.IOERR)
    except (KeyboardInterrupt, typer.Abort):
        return int(ExitStatus.INTERRUPTED)
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as problem:
        if problem.errno == errno.EPIPE:
            return _closed_pipe()
        error = f"{type(problem).__name__}: {problem.strerror or problem}"
        report(message("internal", env.lang, error=error), env.stderr)
        return int(ExitStatus.SOFTWARE)
    except Exception as problem:
        error = f"{type(problem).__name__}: {problem}"
        report(message("internal", env.lang, error=error), env.stderr)
        return int(ExitStatus.SOFTWARE)
    return int(result) if isinstance(result, int) else 0


def command_names() -> list[str]:
    """The registered commands' names, in the order they were registered."""
    return [_name(info) for info in commands.registered_commands]


def _name(info: CommandInfo) -> str:
    return info.name or str(getattr(info.callback, "__name__", ""))


def _closed_pipe() -> int:
    """The reader went away (`digiday ... | head -1`): stop quietly."""
    _stdout_to_devnull()
    return int(ExitStatus.OK)


def _stdout_to_devnull() -> None:
    """Later writes and the interpreter's final flush would fail again: send them nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (a test runner's buffer), or is None: nothing to do
