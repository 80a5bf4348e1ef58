"""What the text layout does with width (addresses whole, hanging indents, nothing too wide),
and what the list of sources says of each."""

from __future__ import annotations

import itertools
import re

import pytest

from digiday.store.loader import Data
from tests.conftest import Invoke, YamlFile

WIDTHS = ("40", "80", "120")
BULLET = re.compile(r"^(\s*)• ")


def lines(run: Invoke, *args: str, width: str) -> list[str]:
    result = run(*args, env={"COLUMNS": width})
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_address_is_printed_whole_on_a_line_of_its_own(
    run: Invoke, width: str, lang: str
) -> None:
    shown = {line.strip() for line in lines(run, "sources", "--lang", lang, width=width)}
    for source in Data().dataset.sources.values():
        assert source.url in shown


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", ["info", "agencies", "sources", "editions", "themes"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_line_is_wider_than_the_terminal_but_an_address(
    run: Invoke, width: str, command: str, lang: str
) -> None:
    for line in lines(run, command, "--lang", lang, width=width):
        if not line.strip().startswith("http"):
            assert len(line) <= int(width), line


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", [("agencies",), ("info",), ("sources", "baoapbac-505")])
def test_a_wrapped_bullet_hangs_under_its_text(run: Invoke, width: str, args: tuple[str]) -> None:
    shown = lines(run, *args, width=width)
    bullets = 0
    for number, line in enumerate(shown):
        bullet = BULLET.match(line)
        if bullet is None:
            continue
        bullets += 1
        text_column = bullet.end()
        # The bullet's text goes on until a line that does not hang under it.
        for following in shown[number + 1 :]:
            indent = len(following) - len(following.lstrip())
            if indent < text_column or not following.strip():
                break
            assert indent == text_column, (line, following)
    assert bullets


def test_at_40_columns_wrapped_bullets_exist_and_hang(run: Invoke) -> None:
    # The bullets of `agencies` are long enough to wrap at 40 columns: the hanging-indent
    # test above is not vacuous.
    shown = lines(run, "agencies", width="40")
    hanging = [
        following
        for line, following in itertools.pairwise(shown)
        if BULLET.match(line) and following.startswith("    ") and following[4] != " "
    ]
    assert len(hanging) > 10


@pytest.mark.parametrize("width", ["40", "80"])
def test_titles_that_wrap_do_not_fall_back_to_the_margin(run: Invoke, width: str) -> None:
    # An agency's name and a source's title, wrapped: their later lines are indented, so
    # the margin holds only the starts of names, headings and ids.
    for args in (("agencies",), ("sources",)):
        shown = lines(run, *args, width=width)
        note = [n for n, line in enumerate(shown) if line.startswith("English text is")]
        shown = shown[: note[0]] if note else shown  # a closing paragraph, at the margin
        names = {agency.name.en for agency in Data().dataset.agencies.values()}
        ids = {source.id for source in Data().dataset.sources.values()}
        for line in shown:
            if line and not line.startswith((" ", "╭", "│", "╰")):
                assert (
                    any(line.startswith(name[:10]) for name in names)
                    or line.split()[0] in ids
                    or line == "Sources"
                ), line


def cited_words(count: int, lang: str) -> str:
    if lang == "vi":
        return f"được {count} mục trích dẫn" if count else "chưa được mục nào trích dẫn"
    return {0: "cited by no item", 1: "cited by 1 item"}.get(count, f"cited by {count} items")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_each_source_says_how_many_items_cite_it(run: Invoke, lang: str) -> None:
    listed = run("sources", "--json", "--lang", lang).json()["sources"]
    shown = " ".join(lines(run, "sources", "--lang", lang, width="200"))
    for source, following in itertools.pairwise([*listed, None]):
        block = shown.split(f"{source['id']}  ", 1)[1]
        block = block.split(f"{following['id']}  ", 1)[0] if following else block
        assert cited_words(len(source["cited_by"]), lang) in block, source["id"]
    assert {len(source["cited_by"]) > 1 for source in listed} == {True, False}  # both forms
    # One source asked for by id lists its items instead.
    one = run("sources", listed[0]["id"], "--lang", lang).stdout
    assert cited_words(len(listed[0]["cited_by"]), lang) not in one


def test_a_source_nothing_cites_says_so(run: Invoke, yaml_file: YamlFile) -> None:
    path = yaml_file(
        """
        sources:
          - id: uncited-page
            title: "A page nothing cites"
            url: "https://example.org/uncited"
        """
    )
    for lang in ("en", "vi"):
        shown = " ".join(run("sources", "--data", str(path), "--lang", lang).stdout.split())
        assert "A page nothing cites " + cited_words(0, lang) in shown
