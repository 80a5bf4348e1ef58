"""Build hook: put into the wheel the bundled data, already checked and merged, with the texts
search compares folded (see `digiday.store.loader.pack` for why), and the catalogues compiled
from their `.po` files."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("digiday") / "l10n" / "locale"


def compile_catalogues(root: Path, into: Path) -> list[Path]:
    """Compile every `digiday/locale/<lang>/LC_MESSAGES/*.po` under `root` to a `.mo` at the
    same place under `into`; returns the `.mo` files, relative to `into`."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    made = []
    for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        relative = po.relative_to(root).with_suffix(".mo")
        with po.open("rb") as source:
            catalogue = read_po(source, abort_invalid=True)
        (into / relative).parent.mkdir(parents=True, exist_ok=True)
        with (into / relative).open("wb") as target:
            write_mo(target, catalogue, use_fuzzy=False)
        made.append(relative)
    return made


class BundleHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "digiday-bundle"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        if version == "editable":
            # An editable install runs the package from the checkout: compile the catalogues
            # beside their .po files (ignored by git), and read the YAML there.
            compile_catalogues(root, root)
            return
        self._work = Path(tempfile.mkdtemp(prefix="digiday-build-"))
        for relative in compile_catalogues(root, self._work):
            build_data["force_include"][str(self._work / relative)] = relative.as_posix()
        sys.path.insert(0, str(root))
        try:
            from digiday.answers.search import lines
            from digiday.l10n import translate
            from digiday.store.bundle import BUNDLE
            from digiday.store.loader import pack
        finally:
            sys.path.pop(0)
        # The catalogues just compiled, so that search's texts are folded in both languages.
        translate.LOCALEDIR = str(self._work / "digiday" / "l10n" / "locale")
        translate.catalogue.cache_clear()
        output = self._work / BUNDLE
        output.write_bytes(pack(root / "data", lines))
        build_data["force_include"][str(output)] = f"digiday/data/{BUNDLE}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Leave nothing in the temporary directory once the wheel is made."""
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
