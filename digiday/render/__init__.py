"""Output formats. Each module renders the payloads of digiday.views; only `text` imports
Rich and only `ics` imports icalendar, each inside the function that needs it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from digiday.output import write_bytes, write_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from digiday.env import Environment
    from digiday.views import Payload


def emit(
    env: Environment,
    command: str,
    payload: Payload,
    fmt: str,
    highlight: Callable[[str], list[tuple[int, int]]] | None = None,
) -> None:
    """Write `payload` to stdout in `fmt` (one of options.FORMATS), in the reader's language;
    `highlight` gives where in a text the search words stand, for text to show them."""
    if fmt == "json":
        from digiday.render import json

        document = json.render(command, payload, env.lang, env.ascii_only)
        write_bytes(env, document.encode("utf-8"))
    elif fmt == "plain":
        from digiday.render import plain

        write_text(env, plain.render(command, payload, env.lang))
    elif fmt == "markdown":
        from digiday.render import markdown

        write_text(env, markdown.render(command, payload, env.lang))
    else:
        from digiday.render import text

        if env.stdout is None:  # started with stdout closed: nowhere to lay the text out
            write_text(env, "")
        write_text(env, text.render(command, payload, env, highlight))
