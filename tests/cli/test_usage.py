"""Help and usage errors in the reader's language wherever the catalogue is (the contract
tests of Typer's internals are in tests/cli/test_typer_internals.py)."""

from __future__ import annotations

import pytest

import digiday.cli.app  # noqa: F401 - registers the commands
from digiday.cli.root import command_names
from tests.conftest import Invoke
from tests.environment import ROOT

PACKAGE = ROOT / "digiday"


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("command", ["", *command_names()])
def test_help_fits_a_narrow_terminal_with_whole_words(run: Invoke, command: str, lang: str) -> None:
    # click's own width never goes below 50 columns, and its option texts not below 10
    # letters: at 40 the terminal broke the lines again, inside words, and an option whose
    # choices are wider than that ran past it (the terminal wrapped it at column 0).
    page = run(*([command] if command else []), "--help", "--lang", lang, env={"COLUMNS": "40"})
    assert page.exit_code == 0
    assert [line for line in page.stdout.splitlines() if len(line) > 40] == []
    # The option texts that do not fit beside their option are under it, indented, whole.
    text = {"en": "Show this message and exit.", "vi": "In trợ giúp này rồi thoát."}[lang]
    assert f"  -h, --help\n      {text}\n" in page.stdout
    # An option's choices wrap after a `|`, each line under the first choice.
    if command not in ("", "is-today", "ics", "validate"):
        last = "markdown|line]" if command == "countdown" else "markdown]"
        assert f"  -f, --format [text|plain|json|\n{' ' * 16}{last}\n" in page.stdout


def test_help_keeps_two_columns_where_they_fit(run: Invoke) -> None:
    assert len(command_names()) == 12  # the narrow test above is over every one of them
    page = run("countdown", "--help", env={"COLUMNS": "120"}).stdout
    assert any(
        line.startswith("  -h, --help") and line.endswith("exit.") for line in page.splitlines()
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["countdown", "--days=1"], "option --days does not take a value"),
        (["--version=1"], "option --version does not take a value"),
        (["quiz", "--help=yes"], "option --help does not take a value"),
        (["--lang", "vi", "countdown", "--json=1"], "tùy chọn --json không nhận giá trị"),
        (["quiz", "-n"], "option -n needs a value"),
        (["ics", "--output"], "option --output needs a value"),
        (["--lang"], "option --lang needs a value"),
    ],
)
def test_a_misused_option_is_told_by_what_it_takes(run: Invoke, args: list[str], said: str) -> None:
    # A flag takes no value; any other option needs one. Told from the option itself, not
    # from the English sentence click's parser says it in.
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"digiday: {said}\n")
