"""The root command: builds each subcommand on demand, and runs every one of them under one
error policy, for the real program and for tests alike.

Whatever happens, the user sees at most a short message on stderr and the contract's exit
status: never a traceback, and nothing at all when stdout is a closed pipe.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer

from digiday.cli import completion
from digiday.cli.help import LocalisedCommand, LocalisedGroup, unknown_command, usage_error
from digiday.cli.params import follows
from digiday.cli.typer_internals import UsageError, build_command, complete_shell, typer_words
from digiday.cli.typer_internals import command_names as names
from digiday.environment import Environment, choose_lang, report, resolve, to_devnull
from digiday.errors import ExitStatus, Failure
from digiday.l10n.translate import N_

if TYPE_CHECKING:
    from digiday.cli.typer_internals import Command, Context
    from digiday.core.model import Lang

# The commands are registered on `commands`, which serves only as a list of them: the root
# group builds a command's click object when it is asked for that command, so a run pays for
# its own command alone (click's "lazily loading subcommands" pattern).
commands = typer.Typer()
_built: dict[tuple[str, Lang], Command] = {}

# The fewest columns help is laid out in: click cannot wrap text in none, and a terminal
# narrower than this wraps the lines itself.
_NARROWEST_HELP = 20


class RootGroup(LocalisedGroup):
    """The root group: lists the registered commands, builds the one asked for in the
    reader's language, and runs it under the one error policy."""

    def list_commands(self, ctx: Context) -> list[str]:
        return command_names()

    def get_command(self, ctx: Context, name: str) -> Command | None:
        key = (name, self.lang)
        if key not in _built:
            command = build_command(commands, name)
            if command is None:
                return None
            assert isinstance(command, LocalisedCommand)
            command.translate(self.lang)
            _built[key] = command
        return _built[key]

    def translate(self, lang: Lang) -> None:
        super().translate(lang)
        # Typer's own completion options, answered under the tool's policy (cli/completion.py).
        answers = {"show_completion": completion.show, "install_completion": completion.install}
        for param in self.params:
            param.callback = answers.get(param.name or "", param.callback)

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        name = args[0]
        # An option the root does not know was refused as one when the line was parsed: a
        # word that looks like one reaches here only as a word (`digiday -`, `digiday -- -x`).
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            raise unknown_command(name, command_names())
        return super().resolve_command(ctx, args)

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        make_environment: Callable[[tuple[str, ...], str | None], Environment] | None = None,
        **extra: Any,
    ) -> Any:
        """Resolve the environment (the language first, from the line as click reads it),
        then run the command under the one error policy (`_run`). Not through click's or
        Typer's `main`, which turn a closed pipe into exit 1 and Ctrl-C into their own exit
        before any policy of ours could see them. `make_environment` is for tests."""
        argv = list(sys.argv[1:] if args is None else args)
        name = prog_name or "digiday"
        try:
            env = (make_environment or resolve)(tuple(argv), self.lang_given(name, argv))
        except Failure as failure:  # a bad --lang: told in the language the variables give
            report(failure.text(choose_lang(None, os.environ)[0]))
            status = int(failure.status)
        else:
            for warning in env.warnings:
                report(warning, env.stderr)
            # Help laid out in the reader's width: click's own guess never goes below 50.
            widest = self.context_settings.get("max_content_width", 80)
            extra.setdefault("terminal_width", max(min(env.width, widest) - 2, _NARROWEST_HELP))

            def invoke() -> Any:  # click's own `main`, less its exception handling
                complete_shell(self, env.environ, extra, name, complete_var)  # (it exits)
                with self.make_context(name, argv, obj=env, **extra) as ctx:
                    return self.invoke(ctx)

            with typer_words(env.lang):
                self.translate(env.lang)
                status = _run(env, invoke, ExitStatus.OK if follows(argv) else None)
        if standalone_mode:
            sys.exit(status)
        return status

    def lang_given(self, name: str, argv: list[str]) -> str | None:
        """The `--lang` of the line, as click itself reads it: the command's over the root's,
        the last of each. The language must be known before the line is parsed for real (it
        chooses the words of --help and of usage errors), so the line is read once first
        without callbacks or errors (click's resilient parsing, as completion reads it):
        what click cannot read, it reads no further than."""
        with self.make_context(name, list(argv), resilient_parsing=True) as ctx:
            given = ctx.params.get("lang")
            # The group stops at its first word that is not an option: the command's name,
            # followed by ctx.args.
            if len(argv) > len(ctx.args):
                word = argv[len(argv) - len(ctx.args) - 1]
                command = self.get_command(ctx, word)
                if command is not None:
                    with command.make_context(
                        word, list(ctx.args), parent=ctx, resilient_parsing=True
                    ) as sub:
                        given = sub.params.get("lang") or given
        return given if isinstance(given, str) else None


def _run(env: Environment, invoke: Callable[[], Any], interrupted: ExitStatus | None) -> int:
    """The one error policy: every exception a run can end with, as a status and at most a
    short message on stderr in the reader's language. Ctrl-C is 130, or `interrupted` (OK
    for `countdown --follow`, which any of its signals stops quietly)."""
    from digiday.environment import STDOUT_FAILED, WriteError, flush
    from digiday.errors import Interrupted, TerminalGone

    try:
        try:
            result = invoke()
            status = int(result) if isinstance(result, int) else 0
        except typer.Exit as done:  # --help, --version, a command's own status
            status = done.exit_code
        except SystemExit as done:  # shell completion exits so, and --follow's signals
            status = done.code if isinstance(done.code, int) else 0
        flush(env)
        return status
    except Failure as failure:
        report(failure.text(env.lang), env.stderr)
        return int(failure.status)
    except UsageError as problem:
        report(usage_error(problem, env.lang), env.stderr)
        return int(ExitStatus.USAGE)
    except WriteError as problem:
        report(Failure(STDOUT_FAILED, reason=problem.reason).text(env.lang), env.stderr)
        to_devnull(env.stdout)  # or the interpreter's last flush fails once more, with a trace
        return int(ExitStatus.IOERR)
    except (KeyboardInterrupt, typer.Abort):
        return int(interrupted or ExitStatus.INTERRUPTED)
    except Interrupted as stop:  # SIGTERM or SIGHUP, once what it interrupted cleaned up
        return 128 + stop.signum
    except TerminalGone:  # the terminal went away under --watch or quiz: nobody to tell
        to_devnull(env.stdout)
        to_devnull(env.stderr)
        return int(ExitStatus.IOERR)
    except Exception as problem:
        return _unexpected(env, problem)


def _unexpected(env: Environment, problem: Exception) -> int:
    """What the system did to the run (no memory, a reader gone), or else a bug of ours: one
    line, or the whole traceback with DIGIDAY_TRACEBACK set."""
    if isinstance(problem, MemoryError):
        report(Failure(N_("the system ran out of memory")).text(env.lang), env.stderr)
        return int(ExitStatus.OSERR)
    if isinstance(problem, OSError) and problem.errno == errno.EPIPE:
        to_devnull(env.stdout)  # the reader went away (`digiday ... | head -1`)
        return int(ExitStatus.OK)
    if env.traceback and env.stderr is not None:
        import traceback

        with contextlib.suppress(OSError, ValueError):
            traceback.print_exception(problem, file=env.stderr)
    said = (problem.strerror or problem) if isinstance(problem, OSError) else problem
    error = Failure(
        N_("internal error ({error}); please report it"), error=f"{type(problem).__name__}: {said}"
    )
    report(error.text(env.lang), env.stderr)
    return int(ExitStatus.SOFTWARE)


def command_names() -> list[str]:
    """The registered commands' names, in the order they were registered."""
    return names(commands)
