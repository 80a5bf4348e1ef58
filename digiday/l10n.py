"""The tool's own words, translated with gettext: one catalogue, the `digiday` domain.

The English text is the msgid, in the code; `digiday/locale/vi/LC_MESSAGES/digiday.po` holds
the Vietnamese, compiled to a `.mo` when the package is built (see hatch_build.py). Sourced
content is not here: it lives in data/ as `{vi, en}`.
"""

from __future__ import annotations

import functools
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    import gettext

    from digiday.model import Lang

DOMAIN = "digiday"
# os.path, not pathlib: pathlib's import (with urllib.parse) would cost the fast path more
# than the answer.
LOCALEDIR = os.path.join(os.path.dirname(__file__), "locale")


def N_(message: str) -> str:
    """Mark `message` for the catalogue where it is defined; it is translated where used."""
    return message


@functools.cache
def catalogue(lang: Lang) -> gettext.NullTranslations:
    """The catalogue for `lang`; English is the msgids themselves.

    Read as bytes, not through gettext's own search of a folder, so that it is found inside
    a zip too (a zipapp, a zipped installation), where there is no folder to search."""
    import gettext  # here, not above: the fast path in English needs none of it

    if lang == "en":
        return gettext.NullTranslations()
    relative = f"{lang}/LC_MESSAGES/{DOMAIN}.mo"
    try:
        with open(os.path.join(LOCALEDIR, relative), "rb") as file:
            compiled = file.read()
    except OSError:
        try:
            from importlib import resources

            compiled = (resources.files("digiday") / "locale" / relative).read_bytes()
        except (OSError, ModuleNotFoundError):
            return gettext.NullTranslations()
    import io

    return gettext.GNUTranslations(io.BytesIO(compiled))
