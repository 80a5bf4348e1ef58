"""The tool's own words, translated with gettext: one catalogue, the `digiday` domain.

The English text is the msgid, in the code; `digiday/locale/vi/LC_MESSAGES/digiday.po` holds
the Vietnamese, compiled to a `.mo` when the package is built (see hatch_build.py). Sourced
content is not here: it lives in data/ as `{vi, en}`.
"""

from __future__ import annotations

import functools
import gettext
import os
from pathlib import Path

from digiday.model import Lang

DOMAIN = "digiday"
LOCALEDIR = Path(__file__).parent / "locale"


def N_(message: str) -> str:
    """Mark `message` for the catalogue where it is defined; it is translated where used."""
    return message


@functools.cache
def catalogue(lang: Lang) -> gettext.NullTranslations:
    """The catalogue for `lang`; English is the msgids themselves."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALEDIR, languages=[lang], fallback=True)


def use_for_libraries(lang: Lang) -> str | None:
    """Let Typer's own gettext calls ("Options", "No such command") find our catalogue.

    Typer calls the module-level `gettext.gettext`, which reads the application's domain
    (`textdomain`) and takes the language from $LANGUAGE alone, so this sets both. Returns
    the previous $LANGUAGE, for `restore_libraries`.
    """
    gettext.bindtextdomain(DOMAIN, str(LOCALEDIR))
    gettext.textdomain(DOMAIN)
    previous = os.environ.get("LANGUAGE")
    os.environ["LANGUAGE"] = lang
    return previous


def restore_libraries(previous: str | None) -> None:
    """Undo `use_for_libraries`, so that a run inside a test leaves the process as it was."""
    if previous is None:
        os.environ.pop("LANGUAGE", None)
    else:
        os.environ["LANGUAGE"] = previous
