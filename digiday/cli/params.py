"""The options the commands share, declared once; each command lists the ones it takes.

Help texts and metavars are msgids (`N_`): the root translates them when it builds a command
for the reader's language. Values arrive as text and are checked by
digiday.answers.arguments, so that every message is in the reader's language and names the
bad value and the good ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Optional

import typer

from digiday.answers.arguments import FORMATS
from digiday.core.model import LANGS
from digiday.l10n.translate import N_


def complete(choices: tuple[str, ...]) -> Callable[[str], list[str]]:
    """Shell completion for an option whose values are a fixed list."""

    def candidates(incomplete: str) -> list[str]:
        return [choice for choice in choices if choice.startswith(incomplete.lower())]

    return candidates


# Typer reads these annotations at run time, so they keep Optional[...] for Python 3.10.
LangOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--lang",
        help=N_(
            "vi or en, anywhere on the line. Default: $DIGIDAY_LANG, else the locale, else en."
        ),
        autocompletion=complete(LANGS),
        metavar="[vi|en]",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--format",
        "-f",
        help=N_("text, plain, json or markdown. Default: text."),
        autocompletion=complete(FORMATS[:4]),
        metavar="[text|plain|json|markdown]",
        show_default=False,
    ),
]
CountdownFormatOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--format",
        "-f",
        help=N_("text, plain, json, markdown or line (one line, for status bars). Default: text."),
        autocompletion=complete(FORMATS),
        metavar="[text|plain|json|markdown|line]",
        show_default=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help=N_("Short for --format json."))]
PlainFlag = Annotated[bool, typer.Option("--plain", help=N_("Short for --format plain."))]
# Repeatable; $DIGIDAY_DATA and the data folders are read by digiday.store.layers, not by click,
# so that a list of several files and their order are the tool's own.
DataOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--data",
        help=N_(
            "A YAML file laid over the data, after $DIGIDAY_DATA's and the data folders' "
            "(repeatable; see digiday validate)."
        ),
        metavar=N_("FILE"),
        show_default=False,
    ),
]
DateOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--date", help=N_("Take this as today: YYYY-MM-DD or DD/MM/YYYY."), metavar=N_("DATE")
    ),
]
ZoneOption = Annotated[
    str,
    typer.Option(
        "--tz",
        help=N_("Whose today: an IANA time zone such as Asia/Tokyo, or local."),
        metavar=N_("ZONE"),
    ),
]
YearArgument = Annotated[
    Optional[str],  # noqa: UP045
    typer.Argument(
        metavar=N_("[YEAR]"), help=N_("Only this year (2022 or later)."), show_default=False
    ),
]
