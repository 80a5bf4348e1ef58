"""Build hook: put the bundled YAML, already parsed, into the wheel as JSON (see
digiday/bundle.py for why)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class BundleHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "digiday-bundle"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the YAML in the checkout
        root = Path(self.root)
        sys.path.insert(0, str(root))
        try:
            from digiday.bundle import BUNDLE, pack
        finally:
            sys.path.pop(0)
        output = Path(tempfile.mkdtemp(prefix="digiday-bundle-")) / BUNDLE
        output.write_text(pack(root / "data"), encoding="utf-8")
        build_data["force_include"][str(output)] = f"digiday/data/{BUNDLE}"
