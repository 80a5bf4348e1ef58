"""`--json`: one UTF-8 JSON object,
`{"schema_version": 1, "lang": ..., "data_as_of": "YYYY-MM-DD", "<command>": ...}`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digiday.answers.payloads import Payload
    from digiday.core.model import Lang

SCHEMA_VERSION = 1


def render(
    command: str,
    payload: Payload,
    lang: Lang,
    data_as_of: str,
    ascii_only: bool = False,
    indent: int | None = 2,
) -> str:
    """The envelope. `data_as_of` tells whether a null is a part not found when the sources
    were checked (a Day on or before it) or one the data cannot know yet; `ascii_only`
    escapes non-ASCII; `indent=None` writes one line (`countdown --follow --json`)."""
    envelope: dict[str, object] = {"schema_version": SCHEMA_VERSION, "lang": lang}
    envelope |= {"data_as_of": data_as_of, command: payload}
    return json.dumps(envelope, ensure_ascii=ascii_only, indent=indent) + "\n"
