"""`--json`: one UTF-8 JSON object, `{"schema_version": 1, "lang": ..., "<command>": ...}`."""

from __future__ import annotations

import json

from digiday.model import Lang
from digiday.views import Payload

SCHEMA_VERSION = 1


def render(command: str, payload: Payload, lang: Lang, ascii_only: bool = False) -> str:
    """The envelope; `ascii_only` escapes non-ASCII, for a stream that cannot encode it."""
    envelope = {"schema_version": SCHEMA_VERSION, "lang": lang, command: payload}
    return json.dumps(envelope, ensure_ascii=ascii_only, indent=2) + "\n"
