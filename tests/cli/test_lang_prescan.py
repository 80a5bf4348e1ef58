"""The command line read for --lang before it is parsed for real (click's own resilient
parsing, cli/root.py), against click's strict reading of the same line."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.main import get_command

from digiday.cli.app import app
from digiday.cli.root import command_names
from digiday.cli.typer_internals import UsageError
from digiday.errors import Failure

# The reader's locale and the output's encoding are what these test: CI runs them again
# under a Vietnamese locale and an ASCII-only output (the `locale` marker).
pytestmark = pytest.mark.locale


def root() -> Any:
    return get_command(app)


def lang_argument(argv: list[str]) -> str | None:
    given = root().lang_given("digiday", argv)
    return None if given is None else str(given)


def clicks_lang(argv: list[str]) -> str | None:
    """The --lang click parses from `argv` (the command's, else the root's); raises
    UsageError where click refuses the line."""
    group = root()
    outer = group.make_context("digiday", list(argv))
    lang = outer.params.get("lang")
    rest = [*outer._protected_args, *outer.args]
    if rest:
        name, command, args = group.resolve_command(outer, rest)
        assert command is not None
        inner = command.make_context(name, args, parent=outer)
        lang = inner.params.get("lang") or lang
    return None if lang is None else str(lang)


# Half the words are about the language, so that lines where it matters are common.
LANG_WORDS = st.sampled_from(["--lang", "--lang=vi", "--lang=en", "vi", "en", "--lang=VI"])
WORDS = LANG_WORDS | st.sampled_from(
    [
        "countdown", "ics", "quiz", "themes", "search", "validate", "is-today", "info",
        "--", "-o", "-ovi", "--output",
        "--format", "-f", "-fjson", "--json", "--plain", "--days", "--date", "2026-01-01",
        "--tz", "-n", "-n3", "--count", "--seed", "--topic", "--data", "--role", "x", "-",
        "--nope", "-x", "--days=1", "--from", "2022",
    ]
)  # fmt: skip


# An option that takes a value, then a word: often one about the language, which it swallows.
SWALLOWED = st.tuples(
    st.sampled_from(["-o", "-f", "-n", "--tz", "--format", "--output", "--seed", "--data"]), WORDS
).map(list)
# Mostly a command line of one command, sometimes any words at all.
LINES = st.one_of(
    st.tuples(
        st.lists(st.sampled_from(["--lang", "vi", "--lang=en", "--"]), max_size=2),
        st.sampled_from(command_names()),
        st.lists(WORDS.map(lambda word: [word]) | SWALLOWED, max_size=5),
    ).map(lambda parts: [*parts[0], parts[1], *(word for group in parts[2] for word in group)]),
    st.lists(WORDS, max_size=8),
)


@settings(max_examples=600, deadline=None)
@given(LINES)
def test_the_pre_parse_reads_lang_as_click_does(argv: list[str]) -> None:
    try:
        expected = clicks_lang(argv)
    except (UsageError, typer.Exit, Failure):
        return  # click refuses the line or stops (the group's help): no reading to agree on
    assert lang_argument(argv) == expected, argv


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["ics", "-o", "--lang=vi"], None),  # -o swallows it: a file named --lang=vi
        (["ics", "-o--lang=vi", "--lang", "en"], "en"),
        (["quiz", "-n", "--lang", "vi"], None),  # then `vi` is left over: a usage error
        (["--lang", "vi", "countdown"], "vi"),
        (["countdown", "--", "--lang", "vi"], None),  # two words left over: a usage error
        (["--", "countdown", "--lang", "vi"], "vi"),
        (["search", "so", "--lang", "vi"], "vi"),
        (["countdown", "--tz", "--lang=vi", "--lang=en"], "en"),
    ],
)
def test_the_pre_parse_examples(argv: list[str], lang: str | None) -> None:
    assert lang_argument(argv) == lang
    try:
        assert clicks_lang(argv) == lang
    except UsageError:
        assert lang is None
