"""Word wrapping (digiday/render/layout.py's quick path for narrow text) against Rich's own
wrapping, which lays out every other text, and its promises."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from digiday.render.layout import cells, wrapped


def _lines(letters: str) -> st.SearchStrategy[str]:
    words = st.text(alphabet=letters, min_size=1, max_size=14)
    pairs = st.lists(st.tuples(words, st.sampled_from([" ", "  "])), max_size=20)
    return pairs.map(lambda pairs: "".join(word + space for word, space in pairs).rstrip())


# Vietnamese letters, ASCII and punctuation, all one cell wide (the quick path); and the same
# with wide CJK and a combining mark (Rich's). Single spaces or more.
NARROW = "aáệởữđĐxyz0-–“”…•"
LINES = st.one_of(_lines(NARROW), _lines(NARROW + "日本語\u0301"))
CONSOLE = Console(width=200, file=None, color_system=None)


def lines_of(line: str, width: int, style: str = "") -> list[str]:
    return [
        "".join(piece.text for piece in pieces)
        for pieces in wrapped(Text(line, style), width, CONSOLE, False)
    ]


@settings(max_examples=300, deadline=None)
@given(LINES, st.integers(min_value=2, max_value=60))
def test_lines_are_rich_s_own_where_every_word_fits(line: str, width: int) -> None:
    # The oracle: Rich's public wrapping. The quick path cuts a word wider than a whole line
    # where the line is full, as Rich does not always, so such words are left out here.
    if any(cell_len(word) > width for word in line.split()):
        return
    expected = [str(part).rstrip() for part in Text(line).wrap(CONSOLE, width)]
    assert [part.rstrip() for part in lines_of(line, width)] == expected


@settings(max_examples=300, deadline=None)
@given(LINES, st.integers(min_value=2, max_value=60))
@example("\u0301 0日", 2)  # a combining mark alone, then a word wider than the line
@example("aaaaaaaaaa bb", 4)  # a word wider than the line, narrow: cut where it is full
def test_every_line_fits_and_only_spaces_are_lost(line: str, width: int) -> None:
    parts = lines_of(line, width)
    assert "".join(parts).replace(" ", "") == line.replace(" ", "")
    for part in parts:
        assert cell_len(part) <= width


@settings(max_examples=300, deadline=None)
@given(_lines(NARROW), st.integers(min_value=2, max_value=60))
def test_a_line_breaks_only_when_the_next_word_would_not_fit(line: str, width: int) -> None:
    # The quick path's greedy breaks (Rich's own are Rich's to test).
    start = 0
    for part in lines_of(line, width)[:-1]:
        assert line.startswith(part, start)
        end = start + len(part)
        start = len(line) - len(line[end:].lstrip(" "))  # the next line starts after spaces
        if start > end:  # a break between words, not inside a word too wide for a line
            assert cell_len(line[end - len(part) : start] + line[start:].split()[0]) > width


def test_styles_stay_with_their_letters_across_the_breaks() -> None:
    text = Text.assemble(("Chuyển đổi ", "bold"), ("số quốc gia", "red"))
    pieces = wrapped(text, 8, CONSOLE, False)
    assert [[(p.text, str(p.style)) for p in line] for line in pieces] == [
        [("Chuyển", "bold")],
        [("đổi ", "bold"), ("số", "red")],
        [("quốc gia", "red")],
    ]


def test_whole_text_is_split_only_at_newlines() -> None:
    address = "https://example.org/" + "a" * 90
    assert lines_of_whole(f"{address}\nb") == [address, "b"]


def lines_of_whole(text: str) -> list[str]:
    return ["".join(p.text for p in line) for line in wrapped(Text(text), 10, CONSOLE, True)]


def test_narrow_text_is_measured_by_its_length_and_other_text_by_rich() -> None:
    assert cells("Chuyển đổi số – “10/10” …") == len("Chuyển đổi số – “10/10” …")
    assert cells("日本") == 4
    assert cells("e\u0301") == 1  # a combining mark takes no column
