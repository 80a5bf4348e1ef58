"""The root command: builds each subcommand on demand, and runs every one of them under one
error policy, for the real program and for tests alike.

Whatever happens, the user sees at most a short message on stderr and the contract's exit
status: never a traceback, and nothing at all when stdout is a closed pipe.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup
from typer.main import get_command_from_info
from typer.models import CommandInfo

from digiday.errors import ExitStatus, Failure, report

if TYPE_CHECKING:
    from typer._click import Command, Context

# The commands are registered on `commands`, which serves only as a list of them: the root
# group builds a command's click object when it is asked for that command, so a run pays for
# its own command alone (click's "lazily loading subcommands" pattern). Building all nine
# every time cost about 10 ms of start-up.
commands = typer.Typer()
_built: dict[str, Command] = {}


class RootGroup(TyperGroup):
    """The root group: lists the registered commands, builds the one asked for."""

    def list_commands(self, ctx: Context) -> list[str]:
        return command_names()

    def get_command(self, ctx: Context, name: str) -> Command | None:
        if name not in _built:
            info = next((i for i in commands.registered_commands if _name(i) == name), None)
            if info is None:
                return None
            _built[name] = get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=None
            )
        return _built[name]

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        status = _run(
            lambda: super(RootGroup, self).main(
                args, prog_name or "digiday", complete_var, False, **extra
            )
        )
        if standalone_mode:
            sys.exit(status)
        return status


def _run(invoke: Any) -> int:
    from digiday.output import WriteError, flush

    try:
        result = invoke()
        flush()
    except Failure as failure:
        report(failure.message)
        return int(failure.status)
    except WriteError as problem:
        report(_cannot_write(problem.reason))
        _stdout_to_devnull()  # or the interpreter's last flush fails once more, with a trace
        return int(ExitStatus.IOERR)
    except KeyboardInterrupt:
        return int(ExitStatus.INTERRUPTED)
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as problem:
        if problem.errno == errno.EPIPE:
            return _closed_pipe()
        report(f"{problem.strerror or problem}")
        return int(ExitStatus.SOFTWARE)
    except Exception as problem:
        exit_code = getattr(problem, "exit_code", None)
        if hasattr(problem, "format_message") and isinstance(exit_code, int):
            report(_usage_line(problem))
            return exit_code
        report(f"internal error ({type(problem).__name__}: {problem}); please report it")
        return int(ExitStatus.SOFTWARE)
    return int(result) if isinstance(result, int) else 0


def command_names() -> list[str]:
    """The registered commands' names, in the order they were registered."""
    return [_name(info) for info in commands.registered_commands]


def _name(info: CommandInfo) -> str:
    return info.name or str(getattr(info.callback, "__name__", ""))


def _usage_line(problem: Any) -> str:
    """click's message for a command line it could not parse, with where to find help."""
    context = getattr(problem, "ctx", None)
    hint = f" (see '{context.command_path} --help')" if context is not None else ""
    return f"{problem.format_message()}{hint}"


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


def _cannot_write(reason: str) -> str:
    """The one message for an answer that could not be written, in the reader's language."""
    from digiday import i18n

    lang = i18n.lang_of(sys.argv[1:], os.environ)
    if lang == "vi":
        return f"không ghi được câu trả lời ra đầu ra chuẩn: {reason}"
    return f"cannot write the answer to standard output: {reason}"
