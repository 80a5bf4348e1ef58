"""Where the tool leans on Typer's internals (digiday.typer_internals): each one with a
contract test, so that a Typer release that changes one fails here first. Run this file
first when trying a new Typer (docs/development.md, "Raising the Typer pin")."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Annotated

import pytest
import typer

from digiday import typer_internals as internals
from tests.conftest import Invoke

PACKAGE = Path(internals.__file__).parent


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.command("hello")
    def hello(
        name: Annotated[str, typer.Argument(metavar="NAME")],
        loud: Annotated[bool, typer.Option("--loud")] = False,
    ) -> None:
        """Say hello."""

    @app.command()
    def goodbye() -> None:
        pass

    return app


def test_only_the_fence_reaches_into_typer() -> None:
    # Elsewhere `typer` itself is imported (typer.Typer, typer.Option, typer.Context).
    for path in PACKAGE.rglob("*.py"):
        if path.name == "typer_internals.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            inside = [n for n in names if n.startswith("typer.")]
            assert inside == [], f"{path.name} imports {inside}: go through typer_internals"


def test_every_name_the_fence_hands_out_has_a_contract_test() -> None:
    source = Path(__file__).read_text("utf-8")
    untested = [name for name in internals.__all__ if f"internals.{name}" not in source]
    assert untested == []


def test_typer_core_looks_its_words_up_through_its_own_underscore() -> None:
    # typer_words swaps this one name; it must be there, and be what Typer calls.
    import typer.core

    underscore = vars(typer.core)
    assert callable(underscore["_"])
    with internals.typer_words("vi"):
        assert underscore["_"]("Options") == "Tùy chọn"
    assert underscore["_"]("Options") == "Options"


def test_the_words_typer_says_are_still_its_own() -> None:
    # Marked for the catalogue because Typer says them: a new Typer that rewords one would
    # leave its old wording translated and the new one in English.
    typer_dir = Path(inspect.getfile(typer)).parent
    literals = set()
    for path in typer_dir.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
    assert [word for word in internals.LIBRARY_WORDS if word not in literals] == []


def test_registered_commands_come_in_their_order_with_their_names() -> None:
    infos = internals.registered(_app())
    assert all(isinstance(info, internals.CommandInfo) for info in infos)
    assert [internals.command_name(info) for info in infos] == ["hello", "goodbye"]


def test_build_command_gives_a_click_command_with_plain_help() -> None:
    info = internals.registered(_app())[0]
    command = internals.build_command(info)
    assert isinstance(command, internals.Command)
    assert isinstance(command, internals.TyperCommand)
    assert command.name == "hello" and command.help == "Say hello."
    ctx = command.make_context("hello", ["Ana"])
    assert isinstance(ctx, internals.Context)
    assert ctx.params == {"name": "Ana", "loud": False}


def test_the_commands_hooks_that_usage_overrides_are_there() -> None:
    # usage.Localised overrides these on TyperCommand and TyperGroup, and calls them.
    for cls in (internals.TyperCommand, internals.TyperGroup):
        for name, params in (
            ("format_usage", ["self", "ctx", "formatter"]),
            ("get_help_option", ["self", "ctx"]),
            ("parse_args", ["self", "ctx", "args"]),
            ("collect_usage_pieces", ["self", "ctx"]),
        ):
            assert list(inspect.signature(getattr(cls, name)).parameters) == params, name
    write_usage = inspect.signature(internals.HelpFormatter.write_usage)
    assert list(write_usage.parameters) == ["self", "prog", "args", "prefix"]
    command = internals.build_command(internals.registered(_app())[0])
    ctx = command.make_context("hello", ["Ana"])
    option = next(p for p in command.params if isinstance(p, internals.TyperOption))
    assert option.opts == ["--loud"] and option.is_flag  # the pre-parse's tables read these
    argument = next(p for p in command.params if isinstance(p, internals.TyperArgument))
    assert isinstance(argument, internals.Parameter)
    assert argument.make_metavar(ctx) == "NAME"  # a usage error names an argument so


def _refused(args: list[str]) -> internals.UsageError:
    command = internals.build_command(internals.registered(_app())[0])
    with pytest.raises(internals.UsageError) as raised:
        command.make_context("hello", args)
    return raised.value


def test_parse_errors_carry_the_fields_usage_error_tells_them_from() -> None:
    # usage.usage_error tells each again, in the reader's language, from these fields.
    no_such = _refused(["Ana", "--lod"])
    assert isinstance(no_such, internals.NoSuchOption)
    assert no_such.option_name == "--lod" and no_such.possibilities == ["--loud"]
    takes_none = _refused(["Ana", "--loud=yes"])
    assert isinstance(takes_none, internals.BadOptionUsage)
    assert takes_none.option_name == "--loud"
    assert "does not take a value" in takes_none.message
    missing = _refused([])
    assert isinstance(missing, internals.MissingParameter)
    assert isinstance(missing.param, internals.TyperArgument)
    assert issubclass(internals.BadParameter, internals.UsageError)
    assert issubclass(internals.UsageError, internals.ClickException)


def test_exit_and_abort() -> None:
    assert internals.Exit(3).exit_code == 3
    assert issubclass(internals.Abort, RuntimeError)


def test_completion_helpers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert internals.shell_name() is None or isinstance(internals.shell_name(), str)
    script = internals.completion_script("digiday", "_DIGIDAY_COMPLETE", "bash")
    assert "_DIGIDAY_COMPLETE" in script and "complete" in script
    monkeypatch.setenv("HOME", str(tmp_path))
    shell, path = internals.install_completion("bash", "digiday", "_DIGIDAY_COMPLETE")
    assert shell == "bash" and tmp_path in path.parents
    assert "_DIGIDAY_COMPLETE" in path.read_text(encoding="utf-8")


def test_the_words_come_back_and_the_process_is_untouched(run: Invoke) -> None:
    import gettext
    import os

    domain = gettext.textdomain()
    before = os.environ.get("LANGUAGE")
    assert "Tùy chọn:" in run("countdown", "--help", "--lang", "vi").stdout
    assert gettext.textdomain() == domain and os.environ.get("LANGUAGE") == before
    assert "Options:" in run("countdown", "--help").stdout
