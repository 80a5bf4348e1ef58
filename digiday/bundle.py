"""The bundled data, parsed once at build time.

The wheel build (hatch_build.py) writes every bundled YAML file, parsed exactly as the tool
parses it, into one JSON file inside the package. Reading JSON needs no YAML parser, which
is most of what a run of the tool would otherwise spend before printing anything. The JSON
is made from the YAML in the same build, so it cannot be stale; a source checkout has none
and parses the YAML instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.abc import Traversable

BUNDLED_FILES = (
    "info.yaml",
    "agencies.yaml",
    "themes.yaml",
    "editions.yaml",
    "documents.yaml",
    "sources.yaml",
)
META = "meta.yaml"
BUNDLE = "bundled.json"


def parse_folder(folder: Path | Traversable) -> dict[str, Any]:
    """Every bundled file in `folder`, parsed, by file name."""
    from digiday.yamlsafe import parse_bundled

    return {
        name: parse_bundled((folder / name).read_text(encoding="utf-8"))
        for name in (*BUNDLED_FILES, META)
    }


def pack(folder: Path) -> str:
    """The JSON a wheel carries in place of parsing the YAML at run time."""
    return json.dumps(parse_folder(folder), ensure_ascii=False, sort_keys=True)
