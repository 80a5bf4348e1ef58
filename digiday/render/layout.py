"""The layout engine under render/text.py's layouts, in Rich's terms: text wrapped between
words at an indent with a hanging indent (`Block`), a panel where the width holds it
(`boxed`), a table where its columns can hold their words (`Fitted`). Where a line breaks
is wrap.py's; what each command lays out is text.py's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text

from digiday.render.wrap import breaks, cells

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult


_UNBOUNDED = 1_000_000  # a width to measure at, so that Rich reports what a layout needs


def needs(console: Console, options: ConsoleOptions, renderable: RenderableType) -> int:
    """The fewest columns `renderable` takes without cutting a word."""
    from rich.measure import Measurement

    return Measurement.get(console, options.update_width(_UNBOUNDED), renderable).minimum


class Boxed:
    """`body` in a panel where the width holds it without cutting a word, else `bare`:
    below that, a box shows its borders and little else (at a few columns, nothing)."""

    def __init__(
        self, body: Text, bare: RenderableType, border_style: str, padding: tuple[int, int]
    ) -> None:
        self.body, self.bare, self.border_style, self.padding = body, bare, border_style, padding

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.panel import Panel

        frame = 2 + 2 * self.padding[1]  # the borders, and the padding on either side
        if needs(console, options, self.body) + frame <= options.max_width:
            yield Panel(
                self.body, expand=False, border_style=self.border_style, padding=self.padding
            )
        else:
            yield self.bare


def boxed(
    body: Text,
    border_style: str,
    padding: tuple[int, int] = (1, 2),
    bare: RenderableType | None = None,
) -> RenderableType:
    """`body` in a panel, or, where the width cannot hold the panel, `bare` (by default the
    body's lines wrapped between words, as the rest of the text is)."""
    return Boxed(body, Block(body) if bare is None else bare, border_style, padding)


class Fitted:
    """A table where each of its columns can be as wide as its longest word, else the same
    facts one to a line (`fields`): a column narrower than that cuts words, or, at a few
    columns, shows nothing at all."""

    def __init__(self, table: RenderableType, fields: list[RenderableType]) -> None:
        self.table, self.fields = table, fields

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if needs(console, options, self.table) <= options.max_width:
            yield self.table
        else:
            yield from (Block(item) if isinstance(item, Text) else item for item in self.fields)


MIN_ROOM = 24  # columns of text, at least, beside a lead; else the text goes under it


class Block:
    """Text at an indent, after an optional lead (a bullet, a label, an id), wrapped to the
    width with a hanging indent: its later lines start under its first, not under the lead
    or at the margin (`hang` more columns in, when there is no lead). Where the lead leaves
    too little room, the text goes under it. `whole` text (an address, which is copied) is
    never wrapped or cut.

    Rich's Padding indents too, but renders every line again through the console; a view of
    a few hundred lines spent most of its time there."""

    def __init__(
        self,
        text: Text,
        indent: int = 0,
        lead: Text | str = "",
        hang: int = 0,
        whole: bool = False,
    ) -> None:
        self.text, self.indent, self.lead, self.hang, self.whole = text, indent, lead, hang, whole

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lead = self.lead if isinstance(self.lead, Text) else Text(self.lead)
        margin = " " * self.indent
        under = self.indent + cells(lead.plain, cell_len) + self.hang
        if lead and options.max_width - under < MIN_ROOM and not self.whole:
            alone = lead.copy()
            alone.rstrip()
            yield Segment(margin)
            yield from alone.render(console)
            yield Segment.line()
            margin = " " * (self.indent + 2)
            lead, under = Text(), self.indent + 4
        room = max(options.max_width - under, MIN_ROOM)
        first = [Segment(margin), *lead.render(console)] if margin or lead else []
        rest = [Segment(" " * under)] if under else []
        newline = Segment.line()
        for number, line in enumerate(wrapped(self.text, room, console, self.whole)):
            yield from rest if number else first
            yield from line
            yield newline


def wrapped(text: Text, width: int, console: Console, whole: bool = False) -> list[list[Segment]]:
    """`text` as lines of styled pieces, each line at most `width` cells, broken between
    words (see wrap.py); `whole` lines are only split at newlines.

    The text is rendered once and its pieces cut where the lines break, rather than cut
    into a Text a line, which costs several times as much."""
    lines = []
    for line in Segment.split_lines(text.render(console)):
        plain = "".join(segment.text for segment in line)
        cuts = [] if whole else breaks(plain, width, cell_len)
        for start, end in zip([0, *cuts], [*cuts, len(plain)], strict=True):
            lines.append(sliced(line, start, end if whole else len(plain[:end].rstrip())))
    return lines


def sliced(line: list[Segment], start: int, end: int) -> list[Segment]:
    """The pieces of `line` between two offsets of its text, styles kept."""
    pieces, offset = [], 0
    for segment in line:
        first, last = max(start - offset, 0), min(end - offset, len(segment.text))
        if first < last:
            pieces.append(Segment(segment.text[first:last], segment.style))
        offset += len(segment.text)
    return pieces
