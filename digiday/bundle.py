"""The bundled data files: their names, and how they are parsed.

A wheel also carries them checked and merged, made at build time by `data.pack` under the
name BUNDLE; data.py reads that when it is there.
"""

from __future__ import annotations

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
    "targets.yaml",
    "sources.yaml",
)
META = "meta.yaml"
BUNDLE = "bundled.marshal"  # made by data.pack at build time


def parse_folder(folder: Path | Traversable) -> dict[str, Any]:
    """Every bundled file in `folder`, parsed, by file name."""
    from digiday.yamlsafe import parse_bundled

    return {
        name: parse_bundled((folder / name).read_text(encoding="utf-8"))
        for name in (*BUNDLED_FILES, META)
    }
