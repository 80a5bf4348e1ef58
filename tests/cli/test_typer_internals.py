"""Where the tool leans on Typer's internals (digiday.cli.typer_internals): each one with a
contract test, so that a Typer release that changes one fails here first. Run this file
first when trying a new Typer (docs/development.md, "Raising the Typer pin")."""

from __future__ import annotations

import ast
import inspect
import io
import pkgutil
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any

import pytest
import typer
import typer.core
from typer.main import get_command

from digiday.cli import typer_internals as internals
from tests.conftest import Invoke
from tests.environment import complete, process_env

PACKAGE = Path(internals.__file__).parents[1]
ROOT = PACKAGE.parent


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.command("hello")
    def hello(
        name: Annotated[str, typer.Argument(metavar="NAME")],
        loud: Annotated[bool, typer.Option("--loud")] = False,
        greeting: Annotated[str, typer.Option("--greeting")] = "Hello",
    ) -> None:
        """Say hello."""

    @app.command("goodbye")
    def goodbye() -> None:
        pass

    return app


def _hello() -> internals.Command:
    command = internals.build_command(_app(), "hello")
    assert command is not None
    return command


# What code other than the fence may use of Typer beyond the names of `typer` itself: what
# Typer documents, typer.main.get_command (an app as a click command) and typer.testing (its
# "Testing" tutorial). Any other name of typer.main is internal.
PUBLIC_SUBMODULES = {"main": {"get_command"}, "testing": {"CliRunner", "Result"}}
TYPER_SUBMODULES = {module.name for module in pkgutil.iter_modules(typer.__path__)}


def _internal(name: str) -> bool:
    """Whether `typer.NAME` reaches past the public API: a submodule, or a private name (a
    dunder such as __version__ is not one)."""
    dunder = name.startswith("__") and name.endswith("__")
    return name in TYPER_SUBMODULES or (name.startswith("_") and not dunder)


def reaches_into_typer(source: str) -> list[str]:
    """Each use in `source` of Typer beyond its public API, or of click (Typer's vendored
    one is typer._click; a separate one would bypass it), as "line N: what"."""
    tree = ast.parse(source)
    typers = {"typer"} | {  # `import typer as t` makes `t.core` a reach too
        alias.asname
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name == "typer" and alias.asname
    }
    allowed: set[int] = set()  # the `typer.main` of each `typer.main.get_command`
    for node in ast.walk(tree):
        inner = node.value if isinstance(node, ast.Attribute) else None
        if (
            isinstance(node, ast.Attribute)
            and isinstance(inner, ast.Attribute)
            and isinstance(inner.value, ast.Name)
            and inner.value.id in typers
            and node.attr in PUBLIC_SUBMODULES.get(inner.attr, set())
        ):
            allowed.add(id(inner))
    found = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import):
            for alias in node.names:
                top, _, rest = alias.name.partition(".")
                # `import typer.main` binds `typer`: its uses are checked as attributes.
                bound = rest in PUBLIC_SUBMODULES and not alias.asname
                if top == "click" or (top == "typer" and rest and not bound):
                    found.append(f"line {line}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and not node.level:
            module = node.module or ""
            top, _, rest = module.partition(".")
            if top == "click":
                found.append(f"line {line}: from {module} import ...")
            elif top == "typer":
                public = PUBLIC_SUBMODULES.get(rest, set())
                names = [a.name for a in node.names]
                names = [n for n in names if (_internal(n) if not rest else n not in public)]
                found += [f"line {line}: from {module} import {name}" for name in names]
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in typers
            and _internal(node.attr)
            and id(node) not in allowed
        ):
            found.append(f"line {line}: {node.value.id}.{node.attr}")
    return found


REACHES = [
    "import typer.core",
    "import typer._click.core",
    "import typer.main as typer_main",
    "import typer.testing.x",
    "from typer.core import TyperCommand",
    "from typer._click import Command",
    "from typer._click.exceptions import UsageError",
    "from typer.main import get_command_from_info",
    "from typer.main import get_command, get_group",
    "from typer.models import CommandInfo",
    "from typer import core",
    "from typer import _click",
    "from typer import _completion_shared",
    "from typer import main",
    "from typer import Typer, models",
    "typer.core.TyperCommand",
    "typer._click.Context",
    "typer.models.CommandInfo",
    "typer._completion_shared._get_shell_name()",
    "typer.main.get_command_from_info(info)",
    "typer.main",
    "import typer as t\nt.core.TyperGroup",
    "import click",
    "import click.core",
    "from click import Command",
    "from click.exceptions import UsageError",
]
PUBLIC = [
    "import typer",
    "typer.Typer(); typer.Option(); typer.Argument(); typer.Context; typer.Exit(1)",
    "from typer import Typer, Option, Argument, Context, Exit",
    "from typer.main import get_command",
    "from typer.main import get_command as as_click",
    "import typer.main\ntyper.main.get_command(app)",
    "from typer.testing import CliRunner, Result",
    "import typer.testing\ntyper.testing.CliRunner()",
    "typer.__version__",
    "from digiday.cli.typer_internals import Context, TyperGroup, UsageError",
    "from digiday.cli import typer_internals\ntyper_internals.TyperCommand",
    "from . import core\nimport clickable\ncore.typer.main",
]


def test_the_fence_check_tells_a_reach_from_the_public_api() -> None:
    for source in REACHES:
        assert len(reaches_into_typer(source)) == 1, source
    for source in PUBLIC:
        assert reaches_into_typer(source) == [], source
    assert len(reaches_into_typer("\n".join(REACHES + PUBLIC))) == len(REACHES)


# The fence, and this file, which reaches in to test it.
FENCE = {Path(internals.__file__).resolve(), Path(__file__).resolve()}


def test_only_the_fence_reaches_into_typer() -> None:
    # Everywhere else, the code, its docs' and benchmarks' scripts and its tests use Typer's
    # public API only, and no click.
    scanned = [
        *PACKAGE.rglob("*.py"),
        *ROOT.glob("docs/*.py"),
        *ROOT.joinpath("scripts").rglob("*.py"),
        *ROOT.joinpath("benchmarks").rglob("*.py"),
        *ROOT.joinpath("tests").rglob("*.py"),
    ]
    sources = {
        path.relative_to(ROOT).as_posix(): path.read_text("utf-8")
        for path in scanned
        if path.resolve() not in FENCE
    }
    assert {"digiday/cli/app.py", "docs/manpage.py", "scripts/catalogue.py"} <= set(sources)
    assert {"benchmarks/startup.py", "scripts/ledger.py", "tests/cli/test_lang_prescan.py"} <= set(
        sources
    )
    assert not {"digiday/cli/typer_internals.py", "tests/cli/test_typer_internals.py"} & set(
        sources
    )
    found = {name: reaches_into_typer(source) for name, source in sorted(sources.items())}
    reaches = {name: lines for name, lines in found.items() if lines}
    assert reaches == {}, "go through digiday/cli/typer_internals.py"


def test_every_name_the_fence_hands_out_has_a_contract_test() -> None:
    source = Path(__file__).read_text("utf-8")
    untested = [name for name in internals.__all__ if f"internals.{name}" not in source]
    assert untested == []


def test_typer_core_looks_its_words_up_through_its_own_underscore() -> None:
    # typer_words swaps this one name; it must be there, and be what Typer calls.
    underscore = vars(typer.core)
    assert callable(underscore["_"])
    with internals.typer_words("vi"):
        assert underscore["_"]("Options") == "Tùy chọn"
    assert underscore["_"]("Options") == "Options"


def _looked_up_by(module: ModuleType) -> set[str]:
    """The words `module` looks up: the string literals it calls `_(...)` with."""
    tree = ast.parse(Path(inspect.getfile(module)).read_text("utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "_"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


def test_the_words_typer_translates_are_still_looked_up_by_it() -> None:
    # typer_words makes typer.core's `_` ours; a word it no longer passes to `_` (reworded,
    # or said as a plain string) would stay in English, whatever our catalogue says.
    assert internals.LIBRARY_WORDS == internals.TYPER_TRANSLATES + internals.WE_TRANSLATE
    looked_up = _looked_up_by(typer.core)
    assert "Options" in looked_up  # the search works
    assert [word for word in internals.TYPER_TRANSLATES if word not in looked_up] == []


def test_the_words_we_translate_are_what_typer_and_click_say() -> None:
    # help.Localised looks these up itself, by the text Typer and click give it: a word
    # reworded there would not be found in our catalogue, and would stay in English.
    group = get_command(_app())  # two commands: a group, with the completion options
    assert isinstance(group, internals.TyperGroup)
    command = _hello()
    said = {group.options_metavar, group.subcommand_metavar, command.options_metavar}
    said |= {getattr(param, "help", None) for param in group.params}
    for built in (group, command):
        option = built.get_help_option(internals.Context(built, info_name="app"))
        assert option is not None and isinstance(option.help, str)
        said.add(option.help)
    assert sorted(map(str, said)) == sorted(internals.WE_TRANSLATE)


def test_the_words_we_translate_reach_the_reader_translated(run: Invoke) -> None:
    english = " ".join(run("--help").stdout.split())
    vietnamese = " ".join(run("--help", "--lang", "vi").stdout.split())
    assert [word for word in internals.WE_TRANSLATE if word not in english] == []
    assert [word for word in internals.WE_TRANSLATE if word in vietnamese] == []


@pytest.mark.parametrize("words", [["-"], ["--", "-x"], ["--lang", "vi", "-"]])
def test_no_word_reaches_typer_s_own_command_lookup(run: Invoke, words: list[str]) -> None:
    # The root tells every word that is not a command itself, one that looks like an option
    # too: Typer's "No such command" would name no choices.
    result = run(*words)
    assert result.exit_code == 2
    said = {"en": "no such command '{}' (choose: info, ", "vi": "không có lệnh '{}' (chọn: info, "}
    assert result.stderr.startswith(
        "digiday: " + said["vi" if "vi" in words else "en"].format(words[-1])
    )


def test_registered_commands_come_in_their_order_with_their_names() -> None:
    assert internals.command_names(_app()) == ["hello", "goodbye"]
    assert internals.command_names(typer.Typer()) == []


def test_build_command_gives_a_click_command_with_plain_help() -> None:
    assert internals.build_command(_app(), "nope") is None
    command = _hello()
    assert isinstance(command, internals.Command)
    assert isinstance(command, internals.TyperCommand)
    assert command.name == "hello" and command.help == "Say hello."
    ctx = command.make_context("hello", ["Ana"])
    assert isinstance(ctx, internals.Context)
    assert ctx.params == {"name": "Ana", "loud": False, "greeting": "Hello"}


def test_the_commands_hooks_that_help_overrides_are_there() -> None:
    # help.Localised overrides these on TyperCommand and TyperGroup, and calls them.
    for cls in (internals.TyperCommand, internals.TyperGroup):
        for name, params in (
            ("format_usage", ["self", "ctx", "formatter"]),
            ("get_help_option", ["self", "ctx"]),
            ("parse_args", ["self", "ctx", "args"]),
            ("collect_usage_pieces", ["self", "ctx"]),
            ("get_params", ["self", "ctx"]),
        ):
            assert list(inspect.signature(getattr(cls, name)).parameters) == params, name
    write_usage = inspect.signature(internals.HelpFormatter.write_usage)
    assert list(write_usage.parameters) == ["self", "prog", "args", "prefix"]
    write_dl = inspect.signature(internals.HelpFormatter.write_dl)
    assert list(write_dl.parameters) == ["self", "rows", "col_max", "col_spacing"]
    assert internals.Context.formatter_class is internals.HelpFormatter
    command = _hello()
    ctx = command.make_context("hello", ["Ana"])
    assert isinstance(ctx, internals.Context)
    found: dict[str | None, Any] = {p.name: p for p in command.get_params(ctx)}
    assert all(isinstance(p, internals.Parameter) for p in found.values())
    assert found["name"].param_type_name == "argument" and found["loud"].is_flag
    assert found["loud"].opts == ["--loud"] and not found["greeting"].is_flag
    assert found["help"].opts == ["--help"] and found["help"].is_flag


def _refused(args: list[str]) -> internals.UsageError:
    command = _hello()
    with pytest.raises(internals.UsageError) as raised:
        command.make_context("hello", args)
    return raised.value


def test_parse_errors_carry_the_fields_usage_error_tells_them_from() -> None:
    # help.usage_error tells each again, in the reader's language, from these fields (and
    # a misused option by the option itself: a flag takes no value, any other needs one).
    no_such = _refused(["Ana", "--lod"])
    assert isinstance(no_such, internals.NoSuchOption)
    assert no_such.option_name == "--lod" and no_such.possibilities == ["--loud"]
    for args, name in ((["Ana", "--loud=yes"], "--loud"), (["Ana", "--greeting"], "--greeting")):
        misused = _refused(args)
        assert isinstance(misused, internals.BadOptionUsage)
        assert misused.option_name == name and misused.ctx is None
    assert issubclass(internals.BadOptionUsage, internals.UsageError)


def test_exit_and_abort(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The root's policy catches typer.Exit and typer.Abort, which the click Typer vendors
    # raises: a command's status, --help and --version end in Exit; ctx.abort() and click's
    # prompts (on Ctrl-C or end of input) in Abort.
    command = _hello()
    ctx = command.make_context("hello", ["Ana"])
    with pytest.raises(typer.Exit) as done:
        ctx.exit(3)
    assert done.value.exit_code == 3
    with pytest.raises(typer.Abort):
        ctx.abort()
    with pytest.raises(typer.Exit) as helped:
        command.make_context("hello", ["--help"])
    assert helped.value.exit_code == 0
    assert "Usage: hello [OPTIONS]" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(typer.Abort):
        typer.prompt("Name")


@pytest.mark.parametrize("shell", ["bash", "sh"])
def test_shell_name_is_the_shell_we_run_under(shell: str) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"no {shell} here")
    code = "from digiday.cli import typer_internals as internals; print(internals.shell_name())"
    # `; true`: the shell cannot exec Python in its own place, so it stays Python's parent.
    script = f"{shlex.quote(sys.executable)} -c {shlex.quote(code)}; true"
    done = complete(
        [shell, "-c", script],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert (done.stdout, done.returncode) == (f"{shell}\n", 0), done.stderr


def test_completion_helpers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = {"prog_name": "digiday", "complete_var": "_DIGIDAY_COMPLETE"}
    script = internals.get_completion_script(shell="bash", **names)
    assert "_DIGIDAY_COMPLETE" in script and "complete" in script
    monkeypatch.setenv("HOME", str(tmp_path))
    shell, path = internals.install(shell="bash", **names)
    assert shell == "bash" and tmp_path in path.parents
    assert "_DIGIDAY_COMPLETE" in path.read_text(encoding="utf-8")


def _fail_in_vietnamese() -> None:
    with internals.typer_words("vi"):
        raise LookupError(typer.core.__dict__["_"]("Options"))


def test_typer_words_gives_typer_core_its_own_lookup_back(run: Invoke) -> None:
    # typer_words swaps typer.core's `_` for a run: it must put the very same one back,
    # after a run and after an exception inside the block alike.
    before = typer.core.__dict__["_"]
    assert "Tùy chọn:" in run("countdown", "--help", "--lang", "vi").stdout
    assert typer.core.__dict__["_"] is before
    with pytest.raises(LookupError, match="Tùy chọn"):
        _fail_in_vietnamese()
    assert typer.core.__dict__["_"] is before
    assert "Options:" in run("countdown", "--help").stdout


def test_complete_shell_answers_a_shell_and_exits(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # click's `main` answers completion first; the root calls Typer's own answer so.
    method = internals.TyperGroup._main_shell_completion
    assert list(inspect.signature(method).parameters) == [
        "self", "ctx_args", "prog_name", "complete_var"
    ]  # fmt: skip
    group = get_command(_app())
    assert isinstance(group, internals.TyperGroup)
    monkeypatch.delenv("_APP_COMPLETE", raising=False)
    internals.complete_shell(group, {}, "app", None)  # nothing asked: nothing done
    asked = {"_APP_COMPLETE": "complete_bash", "COMP_WORDS": "app he", "COMP_CWORD": "1"}
    for name, value in asked.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as done:
        internals.complete_shell(group, {}, "app", None)
    assert done.value.code == 0 and capsys.readouterr().out.split() == ["hello"]
    # A word count that is not a number (which Typer would end with a ValueError) is none.
    monkeypatch.setenv("COMP_CWORD", "x")
    with pytest.raises(typer.Exit) as nothing:
        internals.complete_shell(group, {}, "app", None)
    assert nothing.value.exit_code == 0 and capsys.readouterr().out == ""
