"""The root command, and the frame of every command: each is registered with the options
they share (`command`), built on demand in the reader's language, handed its run (`Asked`:
environment, data, format) and run under one error policy, for the program and tests alike:
whatever happens, at most a short message on stderr and the contract's exit status, never a
traceback. The root's --show-completion and --install-completion answer under it too (not
with Typer's callbacks, which print with click and let a read-only HOME end in a traceback).
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import functools
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from digiday import __version__
from digiday.cli import params, typer_internals
from digiday.cli.help import Localised, LocalisedCommand, environment, usage_error
from digiday.cli.params import Param, follows
from digiday.cli.typer_internals import TyperGroup, UsageError, build_command, complete_shell
from digiday.environment import choose_lang, report, resolve, to_devnull, write_text
from digiday.errors import ExitStatus, Failure, fail
from digiday.l10n.translate import N_, tr

if TYPE_CHECKING:
    from digiday.cli.typer_internals import Command, Context, Parameter
    from digiday.core.model import Lang
    from digiday.environment import Environment

# `commands` only lists the commands: the root group builds one's click object when asked
# for it, so a run pays for its own command alone (click's "lazily loading subcommands").
commands = typer.Typer()


@functools.cache
def _built(name: str, lang: Lang) -> Command | None:
    command = build_command(commands, name)
    if isinstance(command, LocalisedCommand):
        command.translate(lang)
    return command


_NARROWEST_HELP = 20  # columns: help narrower than this is left to the terminal to wrap


class RootGroup(Localised, TyperGroup):
    """The root group: lists the registered commands, builds the one asked for in the
    reader's language, and runs it under the one error policy."""

    def list_commands(self, ctx: Context) -> list[str]:
        return command_names()

    def get_command(self, ctx: Context, name: str) -> Command | None:
        return _built(name, self.lang)

    def translate(self, lang: Lang) -> None:
        super().translate(lang)
        for param in self.params:  # Typer's completion options, answered as said above
            if param.name in ("show_completion", "install_completion"):
                param.callback = _completion

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        word, names = args[0], command_names()
        # An option the root does not know was refused as one when the line was parsed: a
        # word that looks like one reaches here only as a word (`digiday -`, `digiday -- -x`).
        if self.get_command(ctx, word) is not None or ctx.resilient_parsing:
            return super().resolve_command(ctx, args)
        close = ", ".join(difflib.get_close_matches(word, names, n=3))
        if close:
            fail(N_("no such command {value} (did you mean {close}?)"), value=word, close=close)
        fail(N_("no such command {value} (choose: {known})"), value=word, known=", ".join(names))

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
        then run the command under the one error policy (`_run`): not through click's
        `main`, which turns a closed pipe and Ctrl-C into its own exits. `make_environment`
        is for tests."""
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
                complete_shell(self, extra, name, complete_var)  # (it exits)
                with self.make_context(name, argv, obj=env, **extra) as ctx:
                    return self.invoke(ctx)

            with typer_internals.typer_words(env.lang):
                self.translate(env.lang)
                status = _run(env, invoke, ExitStatus.OK if follows(argv) else None)
        if standalone_mode:
            sys.exit(status)
        return status

    def lang_given(self, name: str, argv: list[str]) -> str | None:
        """The `--lang` of the line, as click itself reads it: the command's over the root's,
        the last of each. It chooses the words of --help and usage errors, so it is read
        before the line is parsed for real: without callbacks or errors (click's resilient
        parsing, as completion reads), and no further than click can read."""
        with self.make_context(name, list(argv), resilient_parsing=True) as ctx:
            given = ctx.params.get("lang")
            if len(argv) > len(ctx.args):  # the group stopped at the command's name
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
    message = N_("internal error ({error}); please report it")
    report(Failure(message, error=f"{type(problem).__name__}: {said}").text(env.lang), env.stderr)
    return int(ExitStatus.SOFTWARE)


def version(ctx: typer.Context, value: bool) -> None:
    """The root's --version: the version and the data's date, whatever the data layers
    hold (the bundled date, and the layers' where they can be read: what a bug report asks)."""
    if not value or ctx.resilient_parsing:
        return
    from digiday.store import layers, loader

    env = environment(ctx)
    date = loader.bundled_as_of()
    with contextlib.suppress(loader.DataError):
        date = loader.Data(layers.user_files((), env.environ)).data_as_of
    said = tr("digiday {version} (data as of {date})", env.lang, version=__version__, date=date)
    write_text(env, said + "\n")
    raise typer.Exit()


PROG, COMPLETE_VAR = "digiday", "_DIGIDAY_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")

# Typer's zsh script, changed twice. It evaluates descriptions in single quotes with an
# apostrophe written twice (`year''s`), which zsh reads as one only under rc_quotes ("each
# years Day"). And it is written to be sourced: autoloaded from $fpath (where the wheel,
# the README and --install-completion put it), the first TAB only registered it.
_ZSH = {
    "  eval $(": "  setopt local_options rc_quotes\n  eval $(",
    "compdef {function} {prog_name}": """if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  {function} "$@"
else
  compdef {function} {prog_name}
fi""",
}


def script(shell: str) -> str:
    """The completion script for `shell`: Typer's, and for zsh, changed as `_ZSH` says."""
    text = typer_internals.get_completion_script(
        prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell
    )
    if shell == "zsh":
        words = {"function": f"_{PROG}_completion", "prog_name": PROG}
        for typers, ours in _ZSH.items():
            found = typers.format(**words)
            if text.count(found) == 1:  # else Typer changed it: tests/process/test_installed.py
                text = text.replace(found, ours.format(**words))
    return text


def _completion(ctx: Context, param: Parameter, value: Any) -> Any:
    """--show-completion and --install-completion, for the shell named after the option
    (`--show-completion zsh`), else the one running."""
    if not value or ctx.resilient_parsing:
        return value
    env, flag = environment(ctx), param.opts[0]
    named = env.argv[env.argv.index(flag) + 1 :][:1] if flag in env.argv else ()
    given = named[0].lower() if named and not named[0].startswith("-") else None
    shell = given or typer_internals.shell_name() or ""
    if shell not in SHELLS:
        choices = ", ".join(SHELLS)
        fail(N_("unsupported shell {value} (choose: {choices})"), value=shell, choices=choices)
    if flag == "--show-completion":
        write_text(env, script(shell) + "\n")
        raise typer.Exit(0)
    try:
        shell, path = typer_internals.install(
            shell=shell, prog_name=PROG, complete_var=COMPLETE_VAR
        )
        if shell == "zsh":  # Typer's installer writes its own script: put ours in its place
            path.write_text(script(shell), encoding="utf-8")
    except OSError as problem:
        where = problem.filename if isinstance(problem.filename, str) else "~"
        message = N_("cannot install completion in {path}: {reason}")
        fail(message, ExitStatus.IOERR, path=where, reason=problem.strerror or problem)
    text = tr("{shell} completion installed in {path}; it takes effect in a new terminal", env.lang)
    write_text(env, text.format(shell=shell, path=path) + "\n")
    raise typer.Exit(0)


def starting(choices: Sequence[str]) -> Callable[[str], list[str]]:
    """Shell completion of a value: the choices that start with what is typed."""
    return lambda incomplete: [c for c in choices if c.startswith(incomplete.lower())]


def option(param: Param, **more: Any) -> Any:
    """The Typer option for a declared parameter."""
    metavar = param.metavar
    if param.choices:
        more["autocompletion"] = starting(param.choices)
        metavar = metavar or f"[{'|'.join(param.choices)}]"
    more.setdefault("show_default", False)
    return typer.Option(*param.names, help=param.help, metavar=metavar, **more)


def argument(metavar: str, **more: Any) -> Any:
    return typer.Argument(metavar=metavar, show_default=False, **more)


@functools.cache  # a few kinds of command, and every TAB of completion imports them all
def shared_options(formats: Param | None, data: bool) -> tuple[inspect.Parameter, ...]:
    """The options a content command takes after its own, as Typer reads a function's
    parameters: --lang, its --format (`formats`) with --json and --plain, and --data."""
    shared: list[tuple[str, Any, Param, Any]] = [("lang", str | None, params.LANG, None)]
    if formats is not None:
        shared += [("fmt", str | None, formats, None), ("as_json", bool, params.JSON, False)]
        shared.append(("plain", bool, params.PLAIN, False))
    if data:
        shared.append(("data_file", list[str] | None, params.DATA, None))
    keyword = inspect.Parameter.KEYWORD_ONLY
    return tuple(
        inspect.Parameter(name, keyword, default=default, annotation=Annotated[kind, option(param)])
        for name, kind, param, default in shared
    )


def command_names() -> list[str]:
    """The registered commands' names, in the order they were registered."""
    return typer_internals.command_names(commands)
