"""Output formats. Each module renders the payloads of digiday.answers.views; only `text` (with its
engine, `layout`) imports Rich and only `ics` imports icalendar, each inside the function
that needs it."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from digiday.output import write_bytes, write_text

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from digiday.answers.payloads import Countdown, Payload
    from digiday.environment import Environment


def emit(
    env: Environment,
    command: str,
    payload: Payload,
    fmt: str,
    data_as_of: str,
    today: dt.date,
    highlight: Callable[[str], list[tuple[int, int]]] | None = None,
) -> None:
    """Write `payload` to stdout in `fmt` (one of choices.FORMATS), in the reader's language,
    for data current as of `data_as_of`; `highlight` gives where in a text the search words
    stand, for text to show them. A reader of text or markdown is told on stderr when a Day
    before `today` is after the data's date (freshness.stale_notice); a script is not."""
    if fmt in ("text", "markdown") and not env.environ.get("DIGIDAY_NO_STALE_NOTICE"):
        from digiday.errors import report
        from digiday.render.freshness import stale_notice

        notice = stale_notice(data_as_of, today, env.lang)
        if notice is not None:
            report(notice, env.stderr)
    if fmt == "json":
        from digiday.render import json

        document = json.render(command, payload, env.lang, data_as_of, env.ascii_only)
        write_bytes(env, document.encode("utf-8"))
    elif fmt == "line":
        from digiday.render import line

        write_text(env, line.render(cast("Countdown", payload), env.lang))  # the one it takes
    elif fmt == "plain":
        from digiday.render import plain

        write_text(env, plain.render(command, payload, env.lang))
    elif fmt == "markdown":
        from digiday.render import markdown

        write_text(env, markdown.render(command, payload, env.lang, data_as_of))
    else:
        from digiday.render import text

        if env.stdout is None:  # started with stdout closed: nowhere to lay the text out
            write_text(env, "")
        write_text(env, text.render(command, payload, env, data_as_of, highlight))
