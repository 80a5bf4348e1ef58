"""`countdown --format line`: the answer in one line, for status bars and notifications:
`312 days to the 6th National Digital Transformation Day (Sunday, 10 October 2027)`, or on
the Day its greeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from digiday.l10n.translate import countdown_headline
from digiday.render.phrases import day_date

if TYPE_CHECKING:
    from digiday.answers.payloads import Countdown
    from digiday.core.model import Lang


def render(payload: Countdown, lang: Lang) -> str:
    """The line for a countdown payload, with its newline."""
    when = f" ({day_date(payload, lang)})" if payload["days"] else ""
    return f"{countdown_headline(payload['days'], payload['edition'], lang)}{when}\n"
