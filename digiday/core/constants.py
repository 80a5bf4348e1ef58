"""The fixed choices and names every layer shares, importing none of them.

Kept apart from digiday.core.model, whose record classes cost milliseconds to create, so that the
fast path (digiday.cli.fast) and the environment need not create them.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
SECTIONS = ("overview", "definition", "activities", "purposes", "history")
ROLES = ("lead", "coordinator", "implementer", "association", "media", "press")
QUIZ_TOPICS = ("all", "themes", "editions", "agencies", "documents", "purposes", "targets")
# A quiz question's options, by letter, in the order asked: one letter for each option.
QUIZ_LETTERS = "ABCD"
# Whose today, unless --tz says otherwise: the Day happens in Vietnam.
DEFAULT_ZONE = "Asia/Ho_Chi_Minh"
