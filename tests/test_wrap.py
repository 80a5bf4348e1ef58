"""Word wrapping (digiday/render/wrap.py) against Rich's own wrapping, and its promises."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from digiday.render.wrap import breaks, cells


def _lines(letters: str) -> st.SearchStrategy[str]:
    words = st.text(alphabet=letters, min_size=1, max_size=14)
    pairs = st.lists(st.tuples(words, st.sampled_from([" ", "  "])), max_size=20)
    return pairs.map(lambda pairs: "".join(word + space for word, space in pairs).rstrip())


# Vietnamese letters, ASCII and punctuation, all one cell wide (the quick path); and the same
# with wide CJK and a combining mark (measured). Single spaces or more.
NARROW = "aáệởữđĐxyz0-–“”…•"
LINES = st.one_of(_lines(NARROW), _lines(NARROW + "日本語\u0301"))


def lines_of(line: str, width: int) -> list[str]:
    offsets = [0, *breaks(line, width, cell_len), len(line)]
    return [line[a:b] for a, b in itertools.pairwise(offsets)]


@settings(max_examples=300, deadline=None)
@given(LINES, st.integers(min_value=2, max_value=60))
def test_lines_are_rich_s_own_where_every_word_fits(line: str, width: int) -> None:
    # The oracle: Rich's public wrapping. It and ours differ only in how a word wider than
    # a whole line is cut, so such words are left out here.
    if any(cell_len(word) > width for word in line.split()):
        return
    console = Console(width=width, file=None, color_system=None)
    expected = [str(part).rstrip() for part in Text(line).wrap(console, width)]
    assert [part.rstrip() for part in lines_of(line, width)] == expected


@settings(max_examples=300, deadline=None)
@given(LINES, st.integers(min_value=2, max_value=60))
def test_every_line_fits_and_nothing_is_lost(line: str, width: int) -> None:
    parts = lines_of(line, width)
    assert "".join(parts) == line
    for part in parts:
        assert cell_len(part.rstrip()) <= width


@settings(max_examples=300, deadline=None)
@given(LINES, st.integers(min_value=2, max_value=60))
@example("\u0301 0日", 2)  # a combining mark alone, then a word wider than the line
def test_a_line_breaks_only_when_the_next_word_would_not_fit(line: str, width: int) -> None:
    parts = lines_of(line, width)
    for index, part in enumerate(parts[:-1]):
        # The whole next word of the line: the next line may hold only the first piece of
        # one too wide for any line (`0日` at 2 columns is cut into `0` and `日`).
        rest = "".join(parts[index + 1 :]).split()
        next_word = rest[0] if rest else ""
        if part[-1:].isspace():  # a break between words, not inside a long one
            assert cell_len(part + next_word) > width


def test_narrow_text_is_measured_by_its_length_and_other_text_by_the_function() -> None:
    assert cells("Chuyển đổi số – “10/10” …", lambda _: 999) == len("Chuyển đổi số – “10/10” …")
    assert cells("日本", cell_len) == 4
    assert cells("e\u0301", cell_len) == 1  # a combining mark takes no column
