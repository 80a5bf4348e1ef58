"""The layout engine under render/text.py, in Rich's terms: the console, text wrapped with a
hanging indent (`Block`), a panel (`boxed`) and a table (`Fitted`) where the width holds them."""

from __future__ import annotations

import io
import re
from typing import IO, TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import ConsoleOptions, RenderableType, RenderResult

    from digiday.environment import Environment


def console(env: Environment, file: IO[str] | None = None) -> Console:
    """A console laid out for `env`'s stdout (its width, ASCII boxes where it cannot show
    others, and styles only where `env.colour` says), writing to `file` (default: memory)."""

    class _Buffer(io.StringIO):
        # Rich picks ASCII boxes and bullets by the file's encoding.
        encoding = "ascii" if env.ascii_only else "utf-8"

    return Console(
        file=_Buffer() if file is None else file,
        width=env.width,
        # A terminal stays one under NO_COLOR (Rich's Live redraws only on a terminal), and
        # FORCE_COLOR makes a pipe one, since Rich gives no colour to anything else.
        force_terminal=env.is_terminal or env.colour,
        color_system="auto" if env.colour else None,
        no_color=not env.colour,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


_UNBOUNDED = 1_000_000  # a width to measure at, so that Rich reports what a layout needs


def needs(console: Console, options: ConsoleOptions, renderable: RenderableType) -> int:
    """The fewest columns `renderable` takes without cutting a word."""
    from rich.measure import Measurement

    return Measurement.get(console, options.update_width(_UNBOUNDED), renderable).minimum


class Boxed:
    """`body` in a panel where the width holds it without cutting a word, else `bare` (by
    default the body wrapped between words, as the rest of the text is): narrower, a box
    shows its borders and little else."""

    def __init__(
        self,
        body: Text,
        border_style: str,
        padding: tuple[int, int] = (1, 2),
        bare: RenderableType | None = None,
    ) -> None:
        self.body, self.border_style, self.padding = body, border_style, padding
        self.bare = Block(body) if bare is None else bare

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.panel import Panel

        frame = 2 + 2 * self.padding[1]  # the borders, and the padding on either side
        if needs(console, options, self.body) + frame <= options.max_width:
            yield Panel(
                self.body, expand=False, border_style=self.border_style, padding=self.padding
            )
        else:
            yield self.bare


boxed = Boxed


Column = tuple[str, bool, dict[str, Any]]  # a name, whether it is a field, Rich's options


def field(label: str, value: Text) -> Block:
    """`label: value`, the label in bold, at an indent of 2."""
    return Block(Text.assemble((f"{label}: ", "bold"), value), 2, hang=2)


class Fitted:
    """A table of `columns` and `rows` (each a heading and its cells) where each column can be
    as wide as its longest word (narrower, it cuts words), else each row's fields a line."""

    def __init__(self, title: str, columns: list[Column], rows: list[tuple[Text, list[Text]]]):
        from rich.table import Table

        self.table = Table(title=title, title_style="bold", show_lines=True, expand=False)
        for name, _, options in columns:
            self.table.add_column(name, **options)
        self.fields: list[RenderableType] = [Text(title, "bold")]
        told = [(name, at) for at, (name, is_field, _) in enumerate(columns) if is_field]
        for heading, cells in rows:
            self.table.add_row(*cells)
            self.fields += ["", heading, *(field(name, cells[at]) for name, at in told)]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if needs(console, options, self.table) <= options.max_width:
            yield self.table
        else:
            yield from (Block(item) if isinstance(item, Text) else item for item in self.fields)


MIN_ROOM = 24  # columns of text, at least, beside a lead; else the text goes under it


class Block:
    """Text at an indent, after an optional lead (a bullet, a label, an id), wrapped to the
    width with its later lines under its first (`hang` more columns in, when there is no
    lead); under the lead where it leaves too little room. `whole` text (an address, which
    is copied) is never wrapped. Rich's Padding would render every line again."""

    def __init__(
        self, text: Text, indent: int = 0, lead: Text | str = "", hang: int = 0, whole: bool = False
    ) -> None:
        self.text, self.indent, self.lead, self.hang, self.whole = text, indent, lead, hang, whole

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lead = self.lead if isinstance(self.lead, Text) else Text(self.lead)
        margin = " " * self.indent
        under = self.indent + cells(lead.plain) + self.hang
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
        for number, line in enumerate(wrapped(self.text, room, console, self.whole)):
            yield from rest if number else first
            yield from line
            yield Segment.line()


# One cell wide: Latin with its extensions (Vietnamese), general punctuation's dashes, quotes,
# bullet and ellipsis. Rich measures each beyond Latin-1 alone; with this quick path `info
# --lang vi` takes 1.52-1.55 times the floor of benchmarks/startup.py, 1.66-1.68 with Rich's
# Text.wrap alone, and `search so` 1.71 against 1.77 (30 rounds, twice each).
_NARROW = frozenset(
    chr(code)
    for first, last in (
        *((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x1E00, 0x1EFF)),
        *((0x2010, 0x2027), (0x2030, 0x205E)),
    )
    for code in range(first, last + 1)
)


def cells(text: str) -> int:
    """The columns `text` takes: its length when every character is narrow."""
    return len(text) if _NARROW.issuperset(text) else cell_len(text)


def wrapped(text: Text, width: int, console: Console, whole: bool) -> list[list[Segment]]:
    """`text` as lines of styled pieces at most `width` cells wide (`whole`: cut at newlines
    only): narrow text rendered once and cut where a regex breaks it, other text by Rich."""
    if not (whole or _NARROW.issuperset(text.plain.replace("\n", " "))):
        return [list(line.render(console)) for line in text.wrap(console, width, overflow="fold")]
    # A line: as many words as fit with the spaces after them, or a too long word's start.
    greedy = rf".{{1,{width}}}(?:\s+|\Z)|.{{{width}}}"
    lines = []
    for line in Segment.split_lines(text.render(console)):
        plain = "".join(segment.text for segment in line)
        cuts = [] if whole else [match.end() for match in re.finditer(greedy, plain)][:-1]
        for start, end in zip([0, *cuts], [*cuts, len(plain)], strict=True):
            end = end if whole else len(plain[:end].rstrip())
            pieces, offset = [], 0
            for segment in line:
                first, last = max(start - offset, 0), min(end - offset, len(segment.text))
                if first < last:
                    pieces.append(Segment(segment.text[first:last], segment.style))
                offset += len(segment.text)
            lines.append(pieces)
    return lines
