"""The root's --show-completion and --install-completion, under the tool's error policy.

Typer's own callbacks print with click (a full disk, or stdout closed, became exit 120 or
0) and say "Shell sh is not supported." on stdout in English; a read-only HOME was a
PermissionError reported as our bug. These take Typer's scripts and installers and do the
rest as every command does: the answer through the Environment, a problem as a message in
the reader's language with the contract's status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from digiday.cli.help import environment
from digiday.cli.typer_internals import completion_script, install_completion, shell_name
from digiday.environment import write_text
from digiday.errors import ExitStatus, fail
from digiday.l10n.translate import N_, tr

if TYPE_CHECKING:
    from digiday.cli.typer_internals import Context, Parameter

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")

# Typer's zsh script, changed twice. It evaluates the answer's descriptions in single
# quotes, with an apostrophe written twice (`year''s`), which zsh reads as one only under
# rc_quotes: else "each years Day". And it is written to be sourced: put in a folder of
# $fpath (where --install-completion, the wheel and the README put it), the file is
# autoloaded as the completion function itself, so the first TAB of each shell only defined
# and registered it; called by the autoloader, it now completes at once.
_ZSH = {
    "  eval $(": "  setopt local_options rc_quotes\n  eval $(",
    "compdef {function} {prog_name}": """if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  {function} "$@"
else
  compdef {function} {prog_name}
fi""",
}


def script(shell: str, prog_name: str, complete_var: str) -> str:
    """The completion script for `shell`: Typer's, and for zsh, changed as `_ZSH` says."""
    text = completion_script(prog_name, complete_var, shell)
    if shell == "zsh":
        names = {"function": f"_{prog_name.replace('-', '_')}_completion", "prog_name": prog_name}
        for typers, ours in _ZSH.items():
            found = typers.format(**names)
            if text.count(found) == 1:  # else Typer's script changed: tests/test_installed.py
                text = text.replace(found, ours.format(**names))
    return text


def _shell(argv: tuple[str, ...], flag: str) -> str:
    """The shell named after the flag (`--show-completion zsh`), else the one running."""
    named = argv[argv.index(flag) + 1 :][:1] if flag in argv else ()
    given = named[0].lower() if named and not named[0].startswith("-") else None
    shell = given or shell_name() or ""
    if shell not in SHELLS:
        fail(
            N_("unsupported shell {value} (choose: {choices})"),
            value=shell,
            choices=", ".join(SHELLS),
        )
    return shell


def _complete_var(ctx: Context) -> tuple[str, str]:
    prog_name = ctx.find_root().info_name or "digiday"
    return prog_name, "_{}_COMPLETE".format(prog_name.replace("-", "_").upper())


def show(ctx: Context, param: Parameter, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    env = environment(ctx)
    prog_name, complete_var = _complete_var(ctx)
    shell = _shell(env.argv, "--show-completion")
    write_text(env, script(shell, prog_name, complete_var) + "\n")
    raise typer.Exit(0)


def install(ctx: Context, param: Parameter, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    env = environment(ctx)
    prog_name, complete_var = _complete_var(ctx)
    try:
        shell, path = install_completion(
            _shell(env.argv, "--install-completion"), prog_name, complete_var
        )
        if shell == "zsh":  # Typer's installer writes its own script: put ours in its place
            path.write_text(script(shell, prog_name, complete_var), encoding="utf-8")
    except OSError as problem:
        where = problem.filename if isinstance(problem.filename, str) else "~"
        fail(
            N_("cannot install completion in {path}: {reason}"),
            ExitStatus.IOERR,
            path=where,
            reason=problem.strerror or problem,
        )
    text = tr("{shell} completion installed in {path}; it takes effect in a new terminal", env.lang)
    write_text(env, text.format(shell=shell, path=path) + "\n")
    raise typer.Exit(0)
