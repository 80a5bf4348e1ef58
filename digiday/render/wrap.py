"""Where lines break: greedy word wrapping by terminal cells, on plain strings.

Rich wraps too, but it measures every Vietnamese word character by character (its quick
path knows no letter of Latin Extended Additional, where all of ệ, ở, ữ live), and that
measuring was most of what laying out `info` cost. Here a word of narrow characters
measures as its length, and only other text is measured by the function given (Rich's).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

# Characters one cell wide: printable Latin with all its extensions (Vietnamese included),
# and the dashes, quotes, bullet and ellipsis of general punctuation. Combining marks
# (U+0300-U+036F), zero-width and bidirectional characters are not here.
_NARROW = frozenset(
    chr(code)
    for first, last in (
        (0x20, 0x7E),
        (0xA0, 0xAC),
        (0xAE, 0x2FF),
        (0x1E00, 0x1EFF),
        (0x2010, 0x2027),
        (0x2030, 0x205E),
    )
    for code in range(first, last + 1)
)

_WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces around it, as Rich divides


def cells(text: str, measure: Callable[[str], int]) -> int:
    """The columns `text` takes: its length when every character is narrow, else `measure`."""
    return len(text) if _NARROW.issuperset(text) else measure(text)


@functools.lru_cache(maxsize=8)
def _greedy(width: int) -> re.Pattern[str]:
    """A line of narrow characters: as many words as fit in `width` with the spaces after
    them, or, for a word longer than that, the width's worth of it."""
    return re.compile(rf".{{1,{width}}}(?:\s+|\Z)|.{{{width}}}")


def breaks(line: str, width: int, measure: Callable[[str], int]) -> list[int]:
    """Offsets in `line` (no newline in it) where a wrapped line starts, so that each line
    fits in `width` cells once its trailing spaces are dropped: as many words as fit, then
    the next line; a word wider than a whole line is cut where the line is full."""
    if _NARROW.issuperset(line):  # nearly always: a cell a character, so a regex does it
        ends = [match.end() for match in _greedy(width).finditer(line)]
        return ends[:-1]
    offsets: list[int] = []
    column = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        size = cells(word.rstrip(), measure)
        if column + size <= width:
            column += cells(word, measure)
            continue
        if size <= width:
            if column and start:
                offsets.append(start)
            column = cells(word, measure)
            continue
        # Too wide for any line: cut it, character by character, where each line is full.
        if column and start:
            offsets.append(start)
        column = 0
        for position, character in enumerate(word.rstrip(), start):
            size = cells(character, measure)
            if column + size > width and column:
                offsets.append(position)
                column = 0
            column += size
        column += len(word) - len(word.rstrip())
    return offsets
