"""The README is for users: short, every link it gives leads somewhere, and its test line is
the one CI runs."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.environment import ROOT

ROOT = ROOT
README = ROOT / "README.md"
# The documents a reader is sent to from the README, whose links are checked as its own are.
LINKED = [README, *(ROOT / "docs" / name for name in ("usage.md", "development.md"))]


def _tokens(text: str) -> Iterator[Token]:
    for token in MarkdownIt("commonmark").parse(text):
        yield token
        yield from token.children or ()


def _links(text: str) -> list[str]:
    """Every link and image target, as written; links inside code are not links."""
    targets = []
    for token in _tokens(text):
        attribute = {"link_open": "href", "image": "src"}.get(token.type)
        if attribute:
            targets.append(str(token.attrs[attribute]))
    return targets


def _anchors(text: str) -> set[str]:
    """The ids GitHub gives the headings: lower case, punctuation dropped, spaces as hyphens;
    a repeated heading gets -1, -2, ..."""
    made: set[str] = set()
    for opening, inline in itertools.pairwise(MarkdownIt("commonmark").parse(text)):
        if opening.type != "heading_open":
            continue
        slug = re.sub(r"[^\w\- ]", "", inline.content.strip().lower()).replace(" ", "-")
        anchor, n = slug, 0
        while anchor in made:
            n += 1
            anchor = f"{slug}-{n}"
        made.add(anchor)
    return made


def test_the_readme_is_at_most_350_lines() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 350, f"README.md has {len(lines)} lines; move the detail to docs/"


def test_the_anchors_are_those_github_makes() -> None:
    text = "# A tour\n## `digiday countdown`: days\n## Where the tool's words are kept\n## A tour\n"
    assert _anchors(text) == {
        "a-tour",
        "digiday-countdown-days",
        "where-the-tools-words-are-kept",
        "a-tour-1",
    }


@pytest.mark.parametrize("document", LINKED, ids=lambda path: path.name)
def test_every_relative_link_leads_to_a_file_and_a_heading(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    links = [link for link in _links(text) if not re.match(r"[a-z]+:", link)]
    assert links, "no relative link found: the parser read nothing"
    for link in links:
        path, _, anchor = link.partition("#")
        target = (document.parent / path).resolve() if path else document
        assert target.exists(), f"{document.name}: {link} leads nowhere"
        if anchor:
            assert anchor in _anchors(target.read_text(encoding="utf-8")), (
                f"{document.name}: {link}: no such heading"
            )


def test_the_readme_sends_its_reader_to_every_document_in_docs() -> None:
    linked = {link.partition("#")[0] for link in _links(README.read_text(encoding="utf-8"))}
    for name in ("usage.md", "cli.md", "recipes.md", "api.md", "development.md", "speed.md"):
        assert f"docs/{name}" in linked, name


def test_the_test_line_ci_takes_from_the_readme_is_the_one_it_gives() -> None:
    """.ci/run greps its test command out of the README and runs it: what it finds must be
    the whole command the Quick start gives, not a line that merely starts the same."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    pattern = re.search(r"grep -m1 -E '([^']+)' README\.md", ci)
    assert pattern, ".ci/run no longer takes its test command from the README"
    lines = README.read_text(encoding="utf-8").splitlines()
    found = next(line for line in lines if re.search(pattern.group(1), line))
    assert found == (
        'python3 -m venv .venv && .venv/bin/python -m pip install -e ".[test]"'
        " && .venv/bin/python -m pytest"
    )
