"""Output formats. Each module renders the payloads of digiday.views; only `text` imports
Rich and only `ics` imports icalendar, each inside the function that needs it."""

from __future__ import annotations

import sys

from digiday.model import Lang
from digiday.output import write_bytes, write_text
from digiday.views import Payload


def emit(
    command: str, payload: Payload, fmt: str, lang: Lang, terms: list[str] | None = None
) -> None:
    """Write `payload` to stdout in `fmt` (one of options.FORMATS)."""
    if fmt == "json":
        from digiday.render import json

        write_bytes(json.render(command, payload, lang).encode("utf-8"))
    elif fmt == "plain":
        from digiday.render import plain

        write_text(plain.render(command, payload, lang))
    elif fmt == "markdown":
        from digiday.render import markdown

        write_text(markdown.render(command, payload, lang))
    else:
        from digiday import options
        from digiday.render import text

        if sys.stdout is None:  # started with stdout closed: nowhere to lay the text out
            write_text("")
        text.render(command, payload, lang, text.console(sys.stdout, options.styled()), terms)
