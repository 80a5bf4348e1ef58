"""Help and usage errors in the reader's language wherever the catalogue is (the contract
tests of Typer's internals are in tests/test_typer_internals.py)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.environment import process_env

PACKAGE = Path(__file__).resolve().parent.parent / "digiday"


@pytest.mark.skipif(not (PACKAGE / "locale/vi/LC_MESSAGES/digiday.mo").exists(), reason="no .mo")
def test_a_zipapp_speaks_vietnamese(tmp_path: Path) -> None:
    # gettext cannot open a catalogue inside a zip; the tool reads it as bytes.
    app = tmp_path / "digiday.pyz"
    with zipfile.ZipFile(app, "w") as archive:
        archive.writestr("__main__.py", "from digiday.launch import main\nmain()\n")
        for path in PACKAGE.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, f"digiday/{path.relative_to(PACKAGE)}")
        for path in (PACKAGE.parent / "data").glob("*.yaml"):
            archive.write(path, f"digiday/data/{path.name}")
    probe = [sys.executable, "-I", str(app)]
    where = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(app)!r}); "
         "import digiday; print(digiday.__file__)"],
        capture_output=True, text=True, env=process_env(), timeout=60, check=False,
    )  # fmt: skip
    assert str(app) in where.stdout, where
    result = subprocess.run(
        [*probe, "countdown", "--date", "2026-11-28", "--lang", "vi", "--plain"],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("316\t2027-10-10\tChủ Nhật\t")
    usage = subprocess.run(
        [*probe, "countdown", "--help", "--lang", "vi"],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert "Tùy chọn:" in usage.stdout.decode()
