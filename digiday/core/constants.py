"""The fixed choices and names every layer shares, importing nothing.

Kept apart from digiday.core.model, whose record classes cost milliseconds to create, so that the
fast path (digiday.cli.fast) and the environment need not create them.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing costs the fast path a tenth
if TYPE_CHECKING:
    from digiday.core.model import Lang

LANGS: tuple[Lang, ...] = ("vi", "en")
SECTIONS = ("overview", "definition", "activities", "purposes", "history")
ROLES = ("lead", "coordinator", "implementer", "association", "media", "press")
QUIZ_TOPICS = ("all", "themes", "editions", "agencies", "documents", "purposes", "targets")
# A quiz question's options, by letter, in the order asked: one letter for each option.
QUIZ_LETTERS = "ABCD"
# Whose today, unless --tz says otherwise: the Day happens in Vietnam.
DEFAULT_ZONE = "Asia/Ho_Chi_Minh"
