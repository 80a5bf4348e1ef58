"""`countdown --format line`: the answer as one line of text, for status bars and
notifications: `312 days to the 6th National Digital Transformation Day (Sunday, 10 October
2027)`, or on the Day its greeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from digiday.l10n.translate import countdown_headline
from digiday.render.phrases import day_date

if TYPE_CHECKING:
    from digiday.answers.payloads import Countdown
    from digiday.core.model import Lang


def render(payload: Countdown, lang: Lang) -> str:
    """The line for a countdown payload, with its newline."""
    if payload["days"] == 0:
        return countdown_headline(0, payload["edition"], lang) + "\n"
    when = day_date(payload, lang)
    return f"{countdown_headline(payload['days'], payload['edition'], lang)} ({when})\n"
